#pragma once

#include "models/booking.h"
#include "ui/page.h"

#include <QDate>

class QAction;
class QDateEdit;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace LittleLemon {
class BookingsModel;
}

namespace LittleLemon::Ui {

class BookingDialog;
class BookingsSplit;
class TableOccupancyStrip;
class Workspace;

// The bookings of one day (today unless another is picked), by time: party
// size, table, name, phone, notes, status; new and edit in a dialog that
// shows the server's refusals; seat, complete, cancel, no-show with one
// button each; a strip of the tables' occupancy. Against a server without
// bookings it says so instead.
class BookingsPage : public Page
{
    Q_OBJECT

public:
    explicit BookingsPage(Workspace *workspace, QWidget *parent = nullptr);

    QString title() const override { return tr("Bookings"); }
    void activate() override;
    QList<std::pair<QString, QString>> keyHelp() const override;

    QDate date() const;
    void setDate(const QDate &date);
    BookingsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    TableOccupancyStrip *strip() const { return m_strip; }
    BookingsSplit *split() const { return m_split; }
    // The "needs a Little Lemon server" explanation is showing.
    bool isExplaining() const;
    QLabel *explanation() const { return m_explanation; }

    qint64 currentBooking() const;
    bool selectBooking(qint64 id);
    // Opens the dialog for a new booking (or the selected one); returns it.
    BookingDialog *newBooking();
    BookingDialog *editBooking();
    bool setStatus(qint64 bookingId, BookingStatus status);

    // The tables editor (managers); the dialog, for tests.
    void editTables();
    QPushButton *tablesButton() const { return m_tablesButton; }

private:
    void applyPermissions();
    void updateButtons();
    void openDialog(BookingDialog *dialog);

    Workspace *m_workspace;
    BookingsModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QStackedWidget *m_stack;
    QLabel *m_explanation;
    QDateEdit *m_date;
    QTableView *m_view;
    TableOccupancyStrip *m_strip;
    BookingsSplit *m_split = nullptr;
    QLabel *m_summary;
    QPushButton *m_newButton;
    QPushButton *m_editButton;
    QPushButton *m_seatButton;
    QPushButton *m_completeButton;
    QPushButton *m_noShowButton;
    QPushButton *m_cancelButton;
    QPushButton *m_tablesButton = nullptr;
    QAction *m_new;
    QAction *m_edit;
    QAction *m_seat;
    QAction *m_complete;
    QAction *m_noShow;
    QAction *m_cancel;
};

} // namespace LittleLemon::Ui
