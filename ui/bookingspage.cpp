#include "ui/bookingspage.h"

#include "models/bookingsmodel.h"
#include "models/localstore.h"
#include "models/tablesmodel.h"
#include "ui/tablesdialog.h"
#include "ui/bookingdialog.h"
#include "ui/bookingssplit.h"
#include "ui/tableoccupancystrip.h"
#include "ui/theme.h"
#include "ui/workspace.h"

#include <QAction>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

namespace {
// Sorts by time and shows times as a person reads them ("19:30", not "19:30:00").
class BookingsByTime : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DisplayRole && index.column() == BookingsModel::TimeColumn)
            return index.data(BookingsModel::TimeRole).toTime().toString(QStringLiteral("HH:mm"));
        return QSortFilterProxyModel::data(index, role);
    }
};
} // namespace

BookingsPage::BookingsPage(Workspace *workspace, QWidget *parent)
    : Page(parent)
    , m_workspace(workspace)
    , m_model(new BookingsModel(workspace->store(), QDate::currentDate(), this))
    , m_sorted(new BookingsByTime(this))
    , m_stack(new QStackedWidget(this))
    , m_explanation(new QLabel(this))
    , m_date(new QDateEdit(QDate::currentDate(), this))
    , m_view(new QTableView(this))
    , m_strip(new TableOccupancyStrip(m_model, workspace->tablesModel(), this))
    , m_summary(new QLabel(this))
    , m_newButton(new QPushButton(tr("New booking…"), this))
    , m_editButton(new QPushButton(tr("Edit…"), this))
    , m_seatButton(new QPushButton(tr("Seat"), this))
    , m_completeButton(new QPushButton(tr("Done"), this))
    , m_noShowButton(new QPushButton(tr("No-show"), this))
    , m_cancelButton(new QPushButton(tr("Cancel booking"), this))
{
    setObjectName(QStringLiteral("bookingsPage"));
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(BookingsModel::SortKeyRole);
    m_sorted->setDynamicSortFilter(true);
    m_sorted->sort(BookingsModel::TimeColumn);

    // ---- the day
    m_date->setObjectName(QStringLiteral("bookingsDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dddd d MMMM yyyy"));
    m_date->setMinimumWidth(260);
    connect(m_date, &QDateEdit::dateChanged, this, &BookingsPage::setDate);
    auto *previous = new QPushButton(tr("◀"), this);
    previous->setToolTip(tr("The day before (Alt+Left)"));
    previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    connect(previous, &QPushButton::clicked, this, [this] { setDate(date().addDays(-1)); });
    auto *nextDay = new QPushButton(tr("▶"), this);
    nextDay->setToolTip(tr("The day after (Alt+Right)"));
    nextDay->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    connect(nextDay, &QPushButton::clicked, this, [this] { setDate(date().addDays(1)); });
    auto *today = new QPushButton(tr("Today"), this);
    today->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Home));
    today->setToolTip(tr("Back to today (Alt+Home)"));
    connect(today, &QPushButton::clicked, this, [this] { setDate(QDate::currentDate()); });
    m_summary->setProperty("role", QStringLiteral("hint"));

    // ---- the list
    m_view->setObjectName(QStringLiteral("bookingsTable"));
    m_view->setModel(m_sorted);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(Theme::touchRowHeight() + 4);
    m_view->setAlternatingRowColors(true);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(BookingsModel::NotesColumn, QHeaderView::Stretch);
    header->resizeSection(BookingsModel::TimeColumn, 80);
    header->resizeSection(BookingsModel::GuestsColumn, 80);
    header->resizeSection(BookingsModel::TableColumn, 110);
    header->resizeSection(BookingsModel::NameColumn, 200);
    header->resizeSection(BookingsModel::PhoneColumn, 190);
    m_view->setWordWrap(false);
    header->resizeSection(BookingsModel::StatusColumn, 120);
    connect(m_view, &QAbstractItemView::activated, this, [this] { editBooking(); });

    // ---- actions
    auto action = [this](const QString &text, const QKeySequence &key, QPushButton *button, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        connect(button, &QPushButton::clicked, a, &QAction::trigger);
        if (!key.isEmpty())
            button->setToolTip(tr("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        return a;
    };
    m_new = action(tr("New booking…"), QKeySequence::New, m_newButton, [this] { newBooking(); });
    m_edit = action(tr("Edit the booking…"), QKeySequence(Qt::CTRL | Qt::Key_E), m_editButton, [this] { editBooking(); });
    m_seat = action(tr("Seat the party"), QKeySequence(Qt::CTRL | Qt::Key_T), m_seatButton,
                    [this] { setStatus(currentBooking(), BookingStatus::Seated); });
    m_complete = action(tr("Party has left (done)"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                        m_completeButton, [this] { setStatus(currentBooking(), BookingStatus::Completed); });
    m_noShow = action(tr("Mark as no-show"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), m_noShowButton,
                      [this] { setStatus(currentBooking(), BookingStatus::NoShow); });
    m_cancel = action(tr("Cancel the booking"), QKeySequence(Qt::CTRL | Qt::Key_Delete), m_cancelButton,
                      [this] { setStatus(currentBooking(), BookingStatus::Cancelled); });

    auto *dayBar = new QHBoxLayout;
    dayBar->addWidget(previous);
    dayBar->addWidget(m_date);
    dayBar->addWidget(nextDay);
    dayBar->addWidget(today);
    dayBar->addSpacing(12);
    dayBar->addWidget(m_summary, 1);
    dayBar->addWidget(m_newButton);
    auto *actionBar = new QHBoxLayout;
    actionBar->addWidget(m_editButton);
    actionBar->addSpacing(12);
    actionBar->addWidget(m_seatButton);
    actionBar->addWidget(m_completeButton);
    actionBar->addWidget(m_noShowButton);
    actionBar->addWidget(m_cancelButton);
    actionBar->addStretch();

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(dayBar);
    // Between the list and the strip: the booking buttons, the strip's title.
    auto *between = new QWidget(content);
    auto *betweenLayout = new QVBoxLayout(between);
    betweenLayout->setContentsMargins(0, 0, 0, 0);
    betweenLayout->addLayout(actionBar);
    auto *stripTitle = new QLabel(tr("Tables"), content);
    stripTitle->setObjectName(QStringLiteral("stripTitle"));
    QFont bold = stripTitle->font();
    bold.setBold(true);
    stripTitle->setFont(bold);
    // A new restaurant has no tables: managers add them here.
    m_tablesButton = new QPushButton(tr("Edit tables…"), content);
    m_tablesButton->setObjectName(QStringLiteral("editTablesButton"));
    m_tablesButton->setAutoDefault(false);
    connect(m_tablesButton, &QPushButton::clicked, this, &BookingsPage::editTables);
    auto *stripBar = new QHBoxLayout;
    stripBar->addWidget(stripTitle);
    stripBar->addStretch();
    stripBar->addWidget(m_tablesButton);
    betweenLayout->addLayout(stripBar);
    // Whole rows in the list, six or more on a 1366x768 screen, the strip the rest.
    m_split = new BookingsSplit(m_view, between, m_strip, content);
    contentLayout->addWidget(m_split, 1);

    m_explanation->setObjectName(QStringLiteral("bookingsExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setAlignment(Qt::AlignCenter);
    m_explanation->setText(tr("<h2>Bookings need a Little Lemon server</h2>"
                              "<p>This server does not keep table bookings (the Little Lemon cloud has none "
                              "yet). Bookings work with a Little Lemon server on your network, or in standalone "
                              "mode on this computer.</p>"));
    m_stack->addWidget(content);
    m_stack->addWidget(m_explanation);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &BookingsPage::updateButtons);
    connect(m_sorted, &QAbstractItemModel::dataChanged, this, &BookingsPage::updateButtons);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_sorted, signal, this, &BookingsPage::updateButtons);
    connect(m_sorted, &QAbstractItemModel::modelReset, this, &BookingsPage::updateButtons);
    connect(m_model, &BookingsModel::editRefused, this, &BookingsPage::statusMessage);
    connect(workspace, &Workspace::featuresChanged, this, &BookingsPage::applyPermissions);
    applyPermissions();
}

QList<std::pair<QString, QString>> BookingsPage::keyHelp() const
{
    return {
        { tr("Alt+← / Alt+→"), tr("The day before / after") },
        { tr("Alt+Home"), tr("Back to today") },
        { tr("Enter"), tr("Edit the selected booking") },
    };
}

void BookingsPage::activate()
{
    if (!isExplaining() && !m_view->currentIndex().isValid() && m_sorted->rowCount() > 0)
        m_view->setCurrentIndex(m_sorted->index(0, 0));
    m_view->setFocus(Qt::OtherFocusReason);
}

QDate BookingsPage::date() const
{
    return m_model->date();
}

void BookingsPage::setDate(const QDate &date)
{
    if (!date.isValid())
        return;
    if (m_date->date() != date) {
        const QSignalBlocker block(m_date);
        m_date->setDate(date);
    }
    if (m_model->date() != date)
        m_model->setDate(date);
    m_strip->setDate(date);
    updateButtons();
}

bool BookingsPage::isExplaining() const
{
    return m_stack->currentWidget() == m_explanation;
}

void BookingsPage::applyPermissions()
{
    const Permissions p = m_workspace->permissions();
    const Verdict see = p.seeBookings();
    m_stack->setCurrentWidget(see ? m_stack->widget(0) : m_explanation);
    const Verdict manage = p.manageBookings();
    m_model->setEditable(manage.allowed);
    applyVerdict(m_new, manage);
    applyVerdict(m_newButton, manage, m_new->toolTip());
    // Hidden from those who can never use it (crew, kitchen); disabled with
    // the reason for a manager against a server without tables.
    m_tablesButton->setVisible(bool(Permissions::onOurServer(m_workspace->user()).manageTables()));
    applyVerdict(m_tablesButton, p.manageTables(), tr("Add, rename or remove the dining room's tables"));
    updateButtons();
}

void BookingsPage::editTables()
{
    if (const Verdict v = m_workspace->permissions().manageTables(); !v) {
        Q_EMIT statusMessage(v.reason);
        return;
    }
    auto *dialog = new TablesDialog(m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TablesDialog::statusMessage, this, &BookingsPage::statusMessage);
    dialog->open();
}

qint64 BookingsPage::currentBooking() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(BookingsModel::IdRole).toLongLong() : 0;
}

bool BookingsPage::selectBooking(qint64 id)
{
    for (int row = 0; row < m_sorted->rowCount(); ++row) {
        const QModelIndex index = m_sorted->index(row, 0);
        if (index.data(BookingsModel::IdRole).toLongLong() == id) {
            m_view->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

void BookingsPage::updateButtons()
{
    const Verdict manage = m_workspace->permissions().manageBookings();
    const QModelIndex index = m_view->currentIndex();
    const bool selected = index.isValid();
    const auto status = selected ? BookingStatus(index.data(BookingsModel::StatusRole).toInt()) : BookingStatus::Booked;
    auto set = [&](QAction *a, QPushButton *b, bool possible, const QString &whyNot) {
        Verdict v = manage;
        if (v && !selected)
            v = Verdict::no(tr("Select a booking first."));
        else if (v && !possible)
            v = Verdict::no(whyNot);
        a->setEnabled(v.allowed);
        b->setEnabled(v.allowed);
        b->setToolTip(v.allowed ? a->toolTip() : v.reason);
    };
    const QString now = displayName(status).toLower();
    set(m_edit, m_editButton, true, QString());
    set(m_seat, m_seatButton, isAllowedMove(status, BookingStatus::Seated) && status != BookingStatus::Seated,
        tr("This booking is %1.").arg(now));
    set(m_complete, m_completeButton, status == BookingStatus::Seated, tr("Only a seated party can be done."));
    set(m_noShow, m_noShowButton, status == BookingStatus::Booked, tr("This booking is %1.").arg(now));
    set(m_cancel, m_cancelButton, status == BookingStatus::Booked, tr("This booking is %1.").arg(now));

    int guests = 0;
    int bookings = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex b = m_model->index(row, 0);
        const auto s = BookingStatus(b.data(BookingsModel::StatusRole).toInt());
        if (s == BookingStatus::Cancelled || s == BookingStatus::NoShow)
            continue;
        ++bookings;
        guests += b.data(BookingsModel::GuestsRole).toInt();
    }
    m_summary->setText(bookings == 0 ? tr("No bookings on this day.")
                                     : tr("Bookings: %1 · guests: %2").arg(bookings).arg(guests));
}

bool BookingsPage::setStatus(qint64 bookingId, BookingStatus status)
{
    if (const Verdict v = m_workspace->permissions().manageBookings(); !v) {
        Q_EMIT statusMessage(v.reason);
        return false;
    }
    if (!bookingId)
        return false;
    const LocalEdit edit = status == BookingStatus::Cancelled ? m_workspace->store()->outbox()->cancelBooking(bookingId)
                                                              : m_workspace->store()->outbox()->setBookingStatus(bookingId, status);
    if (!edit) {
        Q_EMIT statusMessage(edit.error);
        return false;
    }
    m_workspace->syncNow();
    selectBooking(bookingId);
    return true;
}

void BookingsPage::openDialog(BookingDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BookingDialog::statusMessage, this, &BookingsPage::statusMessage);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Booking b = dialog->booking();
        if (b.date != date())
            setDate(b.date);
        selectBooking(dialog->savedBooking());
    });
    dialog->open();
}

BookingDialog *BookingsPage::newBooking()
{
    if (const Verdict v = m_workspace->permissions().manageBookings(); !v) {
        Q_EMIT statusMessage(v.reason);
        return nullptr;
    }
    auto *dialog = new BookingDialog(m_workspace, std::nullopt, date(), this);
    openDialog(dialog);
    return dialog;
}

BookingDialog *BookingsPage::editBooking()
{
    if (const Verdict v = m_workspace->permissions().manageBookings(); !v) {
        Q_EMIT statusMessage(v.reason);
        return nullptr;
    }
    const auto booking = m_workspace->store()->cache()->booking(currentBooking());
    if (!booking)
        return nullptr;
    auto *dialog = new BookingDialog(m_workspace, booking->record, date(), this);
    openDialog(dialog);
    return dialog;
}

} // namespace LittleLemon::Ui
