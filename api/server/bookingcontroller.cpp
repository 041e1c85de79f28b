#include "api/server/bookingcontroller.h"

#include "api/server/etag.h"
#include "api/server/fieldreader.h"
#include "api/server/jsonwriter.h"
#include "api/server/pagination.h"
#include "api/server/serverstorage.h"
#include "models/fieldlimits.h"

#include <cstdlib>

namespace LittleLemon::Server {

namespace {
bool seesAll(const User &u)
{
    return bool(Permissions::onOurServer(u).manageBookings());
}

constexpr int kMaxName = Limits::kBookingName;
constexpr int kMaxPhone = Limits::kBookingPhone;
constexpr int kMaxNotes = Limits::kBookingNotes;
constexpr qint64 kMaxGuests = Limits::kBookingGuests;

std::optional<QDate> parseDate(const QString &s)
{
    // YYYY-MM-DD only: Qt's ISO parser would also take other forms.
    const QDate d = QDate::fromString(s, Qt::ISODate);
    if (!d.isValid() || s.size() != 10 || s.at(4) != u'-' || s.at(7) != u'-')
        return std::nullopt;
    return d;
}

std::optional<QTime> parseTime(const QString &s)
{
    QTime t = QTime::fromString(s, QStringLiteral("HH:mm"));
    if (!t.isValid())
        t = QTime::fromString(s, QStringLiteral("HH:mm:ss"));
    if (!t.isValid())
        return std::nullopt;
    return QTime(t.hour(), t.minute());
}

// Minutes since an arbitrary epoch, so a booking at 23:30 meets one at 00:30 the next day.
qint64 minutesOf(const QDate &date, const QTime &time)
{
    return date.toJulianDay() * 24 * 60 + time.hour() * 60 + time.minute();
}

bool holdsTable(BookingStatus s)
{
    return s == BookingStatus::Booked || s == BookingStatus::Seated;
}
} // namespace

BookingController::BookingController(const Services &services)
    : ResourceController(services, QStringLiteral("/api/bookings"), Router::Access::Authenticated)
{
}

Booking BookingController::find(const RequestContext &context)
{
    const User &user = context.requireUser();
    const auto b = m_storage.booking(context.id());
    // Someone else's booking is not there for a customer: 404, not 403.
    if (!b || (!seesAll(user) && b->user != user.id))
        throw HttpError::notFound();
    return *b;
}

Response BookingController::list(RequestContext &context)
{
    const User &user = context.requireUser();
    BookingQuery query;
    query.scope = seesAll(user) ? BookingQuery::Scope::All : BookingQuery::Scope::OwnedBy;
    query.userId = user.id;
    const QString date = context.request().queryValue(u"date");
    if (!date.isNull()) {
        query.date = parseDate(date.trimmed());
        if (!query.date)
            throw HttpError::field(QStringLiteral("date"), tr("Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
    }
    const PageWindow w = PageWindow::resolve(context, m_storage.bookingCount(query), m_config.pageSize);
    return w.respond(context, Wire::array(m_storage.bookings(query, w.offset, w.limit)));
}

void BookingController::read(FieldReader &body, const User &user, Booking &b, bool creating)
{
    if (const auto name = body.string(QStringLiteral("name"), kMaxName))
        b.name = *name;
    // phone, table, notes and status are optional, also in a PUT.
    if (body.has(QStringLiteral("phone"))) {
        if (const auto phone = body.string(QStringLiteral("phone"), kMaxPhone, true))
            b.phone = *phone;
    }
    if (const auto date = body.string(QStringLiteral("date"), 40)) {
        if (const auto d = parseDate(*date))
            b.date = *d;
        else
            body.fail(QStringLiteral("date"), tr("Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
    }
    if (const auto time = body.string(QStringLiteral("time"), 40)) {
        if (const auto t = parseTime(*time))
            b.time = *t;
        else
            body.fail(QStringLiteral("time"), tr("Time has wrong format. Use one of these formats instead: HH:MM."));
    }
    if (const auto guests = body.integer(QStringLiteral("guests"), 1, kMaxGuests))
        b.guests = int(*guests);
    if (body.has(QStringLiteral("table"))) {
        if (const auto table = body.nullablePrimaryKey(QStringLiteral("table"))) {
            if (*table && !m_storage.table(**table))
                body.fail(QStringLiteral("table"), FieldReader::invalidPk(QString::number(**table)));
            else
                b.table = *table;
        }
    }
    if (body.has(QStringLiteral("notes"))) {
        if (const auto notes = body.string(QStringLiteral("notes"), kMaxNotes, true))
            b.notes = *notes;
    }
    if (body.has(QStringLiteral("status"))) {
        if (const auto text = body.string(QStringLiteral("status"), 40)) {
            const auto status = bookingStatusFromWire(*text);
            if (!status) {
                body.fail(QStringLiteral("status"), tr("\"%1\" is not a valid choice.").arg(*text));
            } else if (creating && *status != BookingStatus::Booked) {
                body.fail(QStringLiteral("status"), tr("A new booking is booked; its status moves later."));
            } else if (!isAllowedMove(b.status, *status)) {
                body.fail(QStringLiteral("status"),
                          tr("A booking cannot move from %1 to %2.").arg(toWire(b.status), toWire(*status)));
            } else if (!seesAll(user) && *status != b.status && *status != BookingStatus::Cancelled) {
                body.fail(QStringLiteral("status"), tr("You may only cancel your booking."));
            } else {
                b.status = *status;
            }
        }
    }
}

void BookingController::checkTable(const Booking &b)
{
    if (!b.table || !holdsTable(b.status))
        return;
    const auto table = m_storage.table(*b.table);
    if (!table)
        return;
    if (b.guests > table->seats) {
        throw HttpError::field(QStringLiteral("table"),
                               tr("Table %1 seats %2; the party is %3.").arg(table->name).arg(table->seats).arg(b.guests));
    }
    const int stay = m_config.bookingStayMinutes;
    const qint64 mine = minutesOf(b.date, b.time);
    for (const Booking &other : m_storage.bookingsHoldingTable(table->id, b.date, b.id)) {
        if (std::llabs(minutesOf(other.date, other.time) - mine) < stay) {
            throw HttpError::field(QStringLiteral("table"),
                                   tr("Table %1 is already booked at %2 on %3; a booking holds its table for %4 minutes.")
                                       .arg(table->name, other.time.toString(QStringLiteral("HH:mm")),
                                            other.date.toString(Qt::ISODate))
                                       .arg(stay));
        }
    }
}

Response BookingController::create(RequestContext &context)
{
    const User &user = context.requireUser();
    FieldReader body(context.object(), false);
    Booking b;
    b.user = user.id;
    read(body, user, b, true);
    body.throwIfErrors();
    checkTable(b);
    return ETag::respond(201, Wire::object(m_storage.createBooking(b)));
}

Response BookingController::retrieve(RequestContext &context)
{
    return ETag::respond(200, Wire::object(find(context)));
}

Response BookingController::update(RequestContext &context, bool partial)
{
    const User &user = context.requireUser();
    Booking b = find(context);
    const Booking before = b;
    const QByteArray current = Wire::object(b);
    FieldReader body(context.object(), partial);
    read(body, user, b, false);
    body.throwIfErrors();
    if (!holdsTable(before.status)) {
        // Done with: only the notes may still change.
        Booking onlyNotes = before;
        onlyNotes.notes = b.notes;
        if (!(onlyNotes == b))
            throw HttpError::field(QStringLiteral("status"),
                                   tr("This booking is %1: only its notes can change.").arg(toWire(before.status)));
    }
    const bool tableMatters = b.table != before.table || b.date != before.date || b.time != before.time
        || b.guests != before.guests || (holdsTable(b.status) && !holdsTable(before.status));
    if (tableMatters)
        checkTable(b);
    ETag::require(context, current);
    if (!(b == before))
        m_storage.updateBooking(b);
    return ETag::respond(200, Wire::object(b));
}

Response BookingController::destroy(RequestContext &context)
{
    const Booking b = find(context);
    ETag::require(context, Wire::object(b));
    m_storage.deleteBooking(b.id);
    return Response::noContent();
}

} // namespace LittleLemon::Server
