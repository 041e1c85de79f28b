#pragma once

#include <QDate>
#include <QString>
#include <QTime>

#include <optional>

namespace LittleLemon {

// booked → seated → completed; booked → cancelled or no_show.
enum class BookingStatus { Booked, Seated, Completed, Cancelled, NoShow };

QString toWire(BookingStatus status); // "no_show"
std::optional<BookingStatus> bookingStatusFromWire(QStringView text);
QString displayName(BookingStatus status);
// Whether a booking may move from `from` to `to` (the same status is allowed: no move).
bool isAllowedMove(BookingStatus from, BookingStatus to);

// A table booking (our server's "bookings" extension).
struct Booking
{
    qint64 id = 0;
    qint64 user = 0;
    QString name;
    QString phone;
    QDate date;
    QTime time; // minutes precision, "HH:MM" on the wire
    int guests = 0;
    std::optional<qint64> table;
    QString notes;
    BookingStatus status = BookingStatus::Booked;

    bool operator==(const Booking &o) const
    {
        return id == o.id && user == o.user && name == o.name && phone == o.phone && date == o.date
            && time == o.time && guests == o.guests && table == o.table && notes == o.notes
            && status == o.status;
    }
    bool operator!=(const Booking &o) const { return !(*this == o); }
};

} // namespace LittleLemon
