#include "ui/bookingdialog.h"

#include "models/localstore.h"
#include "models/tablesmodel.h"
#include "ui/outboxwatcher.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>

#include <algorithm>

namespace LittleLemon::Ui {

BookingDialog::BookingDialog(Workspace *workspace, const std::optional<Booking> &existing, const QDate &day,
                             QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_existing(existing)
    , m_name(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_date(new QDateEdit(this))
    , m_time(new QTimeEdit(this))
    , m_guests(new QSpinBox(this))
    , m_table(new QComboBox(this))
    , m_notes(new QPlainTextEdit(this))
    , m_hint(new QLabel(this))
    , m_error(new QLabel(this))
    , m_busy(new QLabel(this))
    , m_save(new QPushButton(existing ? tr("Save the booking") : tr("Book"), this))
    , m_submission(new EditSubmission(workspace->store(), this))
{
    connect(m_submission, &EditSubmission::settled, this, [this](OutboxWatcher::Outcome outcome, const QString &message) {
        setBusy(false);
        if (outcome == OutboxWatcher::Outcome::Refused) {
            showError(tr("The server refused this booking: %1").arg(message));
            return;
        }
        Q_EMIT statusMessage(outcome == OutboxWatcher::Outcome::Accepted
                                 ? tr("Booking saved.")
                                 : tr("The server has not answered yet; the booking stays in the changes waiting."));
        QDialog::accept();
    });
    setObjectName(QStringLiteral("bookingDialog"));
    setWindowTitle(existing ? tr("Booking of %1").arg(existing->name) : tr("New booking"));
    m_name->setObjectName(QStringLiteral("bookingName"));
    m_phone->setObjectName(QStringLiteral("bookingPhone"));
    m_phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_guests->setRange(1, 99);
    m_table->setObjectName(QStringLiteral("bookingTable"));
    m_notes->setObjectName(QStringLiteral("bookingNotes"));
    m_notes->setMaximumHeight(80);
    m_notes->setTabChangesFocus(true);
    m_hint->setProperty("role", QStringLiteral("hint"));
    m_hint->setWordWrap(true);
    m_hint->hide();
    m_error->setObjectName(QStringLiteral("bookingError"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_busy->setProperty("role", QStringLiteral("hint"));
    m_busy->hide();

    // Tables, smallest first: the first that fits is the one to give.
    m_table->addItem(tr("No table yet"), qint64(0));
    TablesModel *tables = workspace->tablesModel();
    QList<std::tuple<int, QString, qint64>> rows;
    for (int row = 0; row < tables->rowCount(); ++row) {
        const QModelIndex t = tables->index(row, 0);
        rows.append({ t.data(TablesModel::SeatsRole).toInt(), t.data(TablesModel::NameRole).toString(),
                      t.data(TablesModel::IdRole).toLongLong() });
    }
    std::sort(rows.begin(), rows.end());
    for (const auto &[seats, name, id] : rows) {
        m_table->addItem(tr("%1 (seats %2)").arg(name).arg(seats), id);
        m_table->setItemData(m_table->count() - 1, seats, Qt::UserRole + 1);
    }

    const Booking b = existing ? *existing : Booking {};
    m_name->setText(b.name);
    m_phone->setText(b.phone);
    m_date->setDate(existing ? b.date : day);
    QTime time = existing ? b.time : QTime(19, 0);
    m_time->setTime(time);
    m_guests->setValue(existing ? b.guests : 2);
    chooseTable(b.table.value_or(0));
    m_notes->setPlainText(b.notes);
    connect(m_guests, &QSpinBox::valueChanged, this, &BookingDialog::updateHint);
    connect(m_table, &QComboBox::currentIndexChanged, this, &BookingDialog::updateHint);

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Phone"), m_phone);
    form->addRow(tr("Day"), m_date);
    form->addRow(tr("Time"), m_time);
    form->addRow(tr("Guests"), m_guests);
    form->addRow(tr("Table"), m_table);
    form->addRow(QString(), m_hint);
    form->addRow(tr("Notes"), m_notes);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save->setObjectName(QStringLiteral("saveBooking"));
    m_save->setDefault(true);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(buttons);
    resize(480, height());
    updateHint();
}

bool BookingDialog::chooseTable(qint64 tableId)
{
    const int index = m_table->findData(tableId);
    if (index < 0)
        return false;
    m_table->setCurrentIndex(index);
    return true;
}

Booking BookingDialog::booking() const
{
    Booking b = m_existing ? *m_existing : Booking {};
    b.name = m_name->text().trimmed();
    b.phone = m_phone->text().trimmed();
    b.date = m_date->date();
    b.time = QTime(m_time->time().hour(), m_time->time().minute());
    b.guests = m_guests->value();
    const qint64 table = m_table->currentData().toLongLong();
    b.table = table > 0 ? std::optional<qint64>(table) : std::nullopt;
    b.notes = m_notes->toPlainText().trimmed();
    return b;
}

QString BookingDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void BookingDialog::updateHint()
{
    const int seats = m_table->currentData(Qt::UserRole + 1).toInt();
    if (seats > 0 && m_guests->value() > seats) {
        m_hint->setText(tr("%1 seats %2; the server will say if it can take more.")
                            .arg(m_table->currentText().section(u' ', 0, 0))
                            .arg(seats));
        m_hint->show();
    } else {
        m_hint->hide();
    }
}

void BookingDialog::setBusy(bool busy, const QString &what)
{
    for (QWidget *w : std::initializer_list<QWidget *> { m_name, m_phone, m_date, m_time, m_guests, m_table, m_notes,
                                                         m_save })
        w->setEnabled(!busy);
    m_busy->setText(what);
    m_busy->setVisible(busy);
}

void BookingDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void BookingDialog::accept()
{
    if (m_submission->isWaiting())
        return;
    showError(QString());
    LocalStore *store = m_workspace->store();
    // A change the server refused is replaced by the corrected one, not queued behind it.
    m_submission->dropRefused();
    const Booking b = booking();
    const LocalEdit edit = m_existing ? store->outbox()->updateBooking(b) : store->outbox()->createBooking(b);
    if (!edit) {
        showError(edit.error);
        return;
    }
    m_saved = edit.id;
    if (edit.seq == 0) {
        QDialog::accept();
        return;
    }
    if (!m_workspace->isOnline()) {
        Q_EMIT statusMessage(tr("Booking saved on this terminal; it goes to the server when it is back."));
        QDialog::accept();
        return;
    }
    setBusy(true, tr("Sending to the server…"));
    m_submission->watch(edit.seq);
    m_workspace->syncNow();
}

void BookingDialog::reject()
{
    // Seen and given up: the refused change goes, the server's version stays.
    m_submission->dropRefused();
    QDialog::reject();
}

} // namespace LittleLemon::Ui
