#pragma once

#include "models/localstore.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableWidget;

namespace LittleLemon {
class MenuModel;
}

namespace LittleLemon::Ui {

class MenuFilterModel;
class EditSubmission;
class Workspace;

// A walk-in or phone order taken at the counter (our server's
// "counter_orders"): pick items from what is available, set quantities, add
// a note, send. The order goes through the outbox like every edit and shows
// on the board at once; the dialog stays open until the server took it (or,
// offline, says it will be sent), so "sent" is never said of a refused order.
// Enter only adds the item found; sending takes Ctrl+Enter or the button.
class CounterOrderDialog : public QDialog
{
    Q_OBJECT

public:
    CounterOrderDialog(Workspace *workspace, QWidget *parent = nullptr);

    // Adds one of `menuItemId` (or one more).
    void addItem(qint64 menuItemId);
    void setQuantity(qint64 menuItemId, int quantity);
    void setNote(const QString &note);
    // A line's note for the kitchen ("no onions"), at most Limits::kLineNote.
    void setLineNote(qint64 menuItemId, const QString &note);
    QList<CounterOrderLine> lines() const;
    // The id of the order made (a temporary one until the server numbers it).
    qint64 createdOrder() const { return m_created; }

    // What to say on the status bar once the dialog closed after a send.
    QString outcome() const { return m_outcome; }

public Q_SLOTS:
    void accept() override;
    void reject() override;

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setBusy(bool busy, const QString &message = QString());
    void showError(const QString &message);
    void updateTotal();
    int rowOf(qint64 menuItemId) const;

    Workspace *m_workspace;
    LocalStore *m_store;
    MenuModel *m_menu;
    MenuFilterModel *m_filter;
    QLineEdit *m_search;
    QListView *m_items;
    QTableWidget *m_lines;
    QLineEdit *m_note;
    QLabel *m_total;
    QLabel *m_error;
    QPushButton *m_send;
    qint64 m_created = 0;
    EditSubmission *m_submission;
    QString m_outcome;
};

} // namespace LittleLemon::Ui
