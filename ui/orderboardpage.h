#pragma once

#include "models/order.h"
#include "ui/boardsettings.h"
#include "ui/page.h"
#include "ui/permissions.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>

class QAction;
class QComboBox;
class QDateEdit;
class QFrame;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace LittleLemon::Ui {

class ElidedLabel;
class OrderCardDelegate;
class OrderColumn;
class Workspace;

// The orders board, everyone's default page: one column per stage (open /
// delivered against a server without stages), cards that age amber then
// red, new orders highlighted with a beep until someone acknowledges them.
// Orders move with one click on the card's button, a drag to another
// column, or the keyboard (arrows select, Enter/Space forward, Backspace
// back, Ctrl+Z undoes the last move). Every move is a local edit: it shows
// at once and reaches the server through the outbox.
class OrderBoardPage : public Page
{
    Q_OBJECT

public:
    enum class DateFilter { OpenAndToday, Today, Yesterday, LastWeek, AllDates, Day };
    Q_ENUM(DateFilter)

    explicit OrderBoardPage(Workspace *workspace, QWidget *parent = nullptr);
    ~OrderBoardPage() override;

    QString title() const override { return tr("Orders"); }
    void activate() override;
    QList<std::pair<QString, QString>> keyHelp() const override;

    QList<OrderColumn *> columns() const { return m_columns; }
    OrderColumn *columnOf(qint64 orderId) const;
    qint64 selectedOrder() const;
    // Selects the card and gives its column the keyboard; false if not shown.
    bool selectOrder(qint64 orderId);

    // The stage one step forward / back from where the order is, as this
    // server counts stages; nullopt at either end.
    // `servedHere`: an order taken by staff that nobody delivers (a table, a
    // takeaway) goes from ready straight to delivered.
    std::optional<OrderStage> nextFor(OrderStage stage, bool servedHere = false) const;
    std::optional<OrderStage> previousFor(OrderStage stage, bool servedHere = false) const;
    bool isServedHere(qint64 orderId) const;
    bool hasStages() const;
    // Whether the signed-in person may move an order between these stages
    // here (the server's rules: one stage at a time, managers may step back,
    // delivery crew only deliver), and if not, why.
    Verdict mayMove(OrderStage from, OrderStage to, bool undo = false, bool servedHere = false) const;

    // Moves an order (a local edit, remembered for undo). False with a
    // status message when not allowed or refused.
    bool moveOrder(qint64 orderId, OrderStage to, bool undo = false);
    bool advance(qint64 orderId);
    bool stepBack(qint64 orderId);
    bool undoLastMove();
    bool canUndo() const { return !m_undo.isEmpty(); }

    // Assigns the delivery crew without a dialog (0: nobody).
    bool assignCrew(qint64 orderId, qint64 userId);

    QList<qint64> unacknowledgedOrders() const;
    bool isNewOrder(qint64 orderId) const { return m_unacknowledged.contains(orderId); }
    void acknowledge(qint64 orderId);
    void acknowledgeAll();
    // Selects (and so acknowledges) the newest unacknowledged order: the
    // banner's "Show", one older at each click.
    void showNextNewOrder();

    void setDateFilter(DateFilter filter, const QDate &day = QDate());
    // What the board says when its orders may be out of date (the last
    // sync did not finish); empty when they are current.
    QString staleText() const;
    QLineEdit *searchField() const { return m_search; }

    // Live changes (issue 13). A card another terminal moved flashes once;
    // while a card is dragged nothing moves between columns (held until the
    // drag ends); an order cancelled or removed elsewhere leaves with a
    // short notice.
    bool isFlashing(qint64 orderId) const { return m_flashing.contains(orderId); }
    void holdMoves(bool hold);
    bool isHoldingMoves() const { return m_holding; }
    QString noticeText() const;
    // Beeps so far (for tests: a new order beeps once when it arrives).
    int beepCount() const { return m_beeps; }

    QAction *undoAction() const { return m_undoAction; }
    QAction *assignAction() const { return m_assignAction; }
    QAction *counterOrderAction() const { return m_counterAction; }
    QAction *acknowledgeAction() const { return m_ackAction; }

private:
    struct Move
    {
        qint64 order;
        OrderStage from;
        OrderStage to;
    };

    void buildColumns();
    void applyFilters();
    void applyPermissions();
    void reloadCrew();
    void onOrdersInserted(const QModelIndex &parent, int first, int last);
    void onOrdersChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void onOrdersAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void rememberStages();
    void flash(qint64 orderId);
    void showNotice(const QString &text);
    void updateBanner();
    void updateStale();
    void beep();
    void stepColumn(OrderColumn *from, int delta);
    void focusFirstCard();
    void assignCurrent();
    void cancelCurrent();
    void showDetails(qint64 orderId);
    void newCounterOrder();
    void editSettings();
    void showContextMenu(OrderColumn *column, const QPoint &pos);
    std::optional<OrderStage> stageOf(qint64 orderId) const;
    QString advanceLabel(const QModelIndex &index) const;

    Workspace *m_workspace;
    BoardSettings m_settings;
    OrderCardDelegate *m_delegate;
    QLineEdit *m_search;
    QComboBox *m_crew;
    QComboBox *m_date;
    QDateEdit *m_day;
    QPushButton *m_counterButton;
    QLabel *m_stale = nullptr;
    ElidedLabel *m_limits = nullptr;
    QFrame *m_banner;
    ElidedLabel *m_bannerText;
    QHBoxLayout *m_columnsLayout;
    QList<OrderColumn *> m_columns;
    QAction *m_undoAction;
    QAction *m_assignAction;
    QAction *m_cancelAction;
    QAction *m_counterAction;
    QAction *m_ackAction;
    QAction *m_showCancelled;
    QTimer *m_ageTimer;
    QTimer *m_beepTimer;
    QList<Move> m_undo;
    QSet<qint64> m_unacknowledged;
    QHash<qint64, OrderStage> m_lastStage; // as the board last showed each order
    QSet<qint64> m_flashing;
    QSet<qint64> m_heldFlashes; // moved elsewhere during a drag
    bool m_holding = false;
    int m_beeps = 0;
    QLabel *m_notice = nullptr;
    QTimer *m_noticeTimer = nullptr;
    QString m_heldNotice; // shown when the drag ends: a notice appearing would shift the columns
    bool m_builtWithStages = false;
};

} // namespace LittleLemon::Ui
