#include "booking.h"

#include <QCoreApplication>

namespace LittleLemon {

namespace {
struct StatusName
{
    BookingStatus status;
    const char *wire;
    const char *display;
};
constexpr StatusName kStatuses[] = {
    { BookingStatus::Booked, "booked", QT_TRANSLATE_NOOP("LittleLemon::BookingStatus", "Booked") },
    { BookingStatus::Seated, "seated", QT_TRANSLATE_NOOP("LittleLemon::BookingStatus", "Seated") },
    { BookingStatus::Completed, "completed", QT_TRANSLATE_NOOP("LittleLemon::BookingStatus", "Completed") },
    { BookingStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP("LittleLemon::BookingStatus", "Cancelled") },
    { BookingStatus::NoShow, "no_show", QT_TRANSLATE_NOOP("LittleLemon::BookingStatus", "No-show") },
};
} // namespace

QString toWire(BookingStatus status)
{
    for (const auto &s : kStatuses)
        if (s.status == status)
            return QString::fromLatin1(s.wire);
    Q_UNREACHABLE();
}

std::optional<BookingStatus> bookingStatusFromWire(QStringView text)
{
    for (const auto &s : kStatuses)
        if (text == QLatin1String(s.wire))
            return s.status;
    return std::nullopt;
}

QString displayName(BookingStatus status)
{
    for (const auto &s : kStatuses)
        if (s.status == status)
            return QCoreApplication::translate("LittleLemon::BookingStatus", s.display);
    Q_UNREACHABLE();
}

bool isAllowedMove(BookingStatus from, BookingStatus to)
{
    if (from == to)
        return true;
    switch (from) {
    case BookingStatus::Booked:
        return to == BookingStatus::Seated || to == BookingStatus::Cancelled || to == BookingStatus::NoShow;
    case BookingStatus::Seated:
        return to == BookingStatus::Completed;
    case BookingStatus::Completed:
    case BookingStatus::Cancelled:
    case BookingStatus::NoShow:
        break;
    }
    return false;
}

} // namespace LittleLemon
