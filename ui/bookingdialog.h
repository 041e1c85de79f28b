#pragma once

#include "models/booking.h"
#include "ui/outboxwatcher.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace LittleLemon::Ui {

class Workspace;

// Takes or changes a booking: name, phone, day, time, guests, table, notes.
// Saved as a local edit; while the server is reachable the dialog waits for
// its answer, so a refusal (a table too small, or taken at that time) is
// shown here, in the server's words, and can be fixed at once. Offline, it
// closes and the booking goes when the server is back.
class BookingDialog : public QDialog
{
    Q_OBJECT

public:
    // `existing` empty: a new booking on `day`.
    BookingDialog(Workspace *workspace, const std::optional<Booking> &existing, const QDate &day,
                  QWidget *parent = nullptr);

    Booking booking() const;
    qint64 savedBooking() const { return m_saved; }
    bool isWaiting() const { return m_submission->isWaiting(); }
    QString errorText() const;

    QLineEdit *nameField() const { return m_name; }
    QLineEdit *phoneField() const { return m_phone; }
    QDateEdit *dateField() const { return m_date; }
    QTimeEdit *timeField() const { return m_time; }
    QSpinBox *guestsField() const { return m_guests; }
    QComboBox *tableField() const { return m_table; }
    QPlainTextEdit *notesField() const { return m_notes; }
    QPushButton *saveButton() const { return m_save; }
    // Chooses a table by id (0: none).
    bool chooseTable(qint64 tableId);

public Q_SLOTS:
    void accept() override;
    void reject() override;

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void setBusy(bool busy, const QString &what = QString());
    void showError(const QString &message);
    void updateHint();

    Workspace *m_workspace;
    std::optional<Booking> m_existing;
    QLineEdit *m_name;
    QLineEdit *m_phone;
    QDateEdit *m_date;
    QTimeEdit *m_time;
    QSpinBox *m_guests;
    QComboBox *m_table;
    QPlainTextEdit *m_notes;
    QLabel *m_hint;
    QLabel *m_error;
    QLabel *m_busy;
    QPushButton *m_save;
    EditSubmission *m_submission;
    qint64 m_saved = 0;
};

} // namespace LittleLemon::Ui
