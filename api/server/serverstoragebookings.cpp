// ServerStorage: dining tables and bookings (the "tables" and "bookings"
// extensions). Kept apart from serverstorage.cpp, which holds the cloud's
// resources.
#include "api/server/serverstorage.h"
#include "api/server/serverstorage_p.h"

#include <QDateTime>

namespace LittleLemon::Server {

using StorageDetail::nowIso;

namespace {
QVariant nullableId(const std::optional<qint64> &id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qint64>());
}

QString text(const QString &s)
{
    // A null QString would bind as SQL NULL; the columns hold '' instead.
    return s.isNull() ? QStringLiteral("") : s;
}

const QString kBookingColumns = QStringLiteral(
    "SELECT id, user_id, name, phone, date, time, guests, table_id, notes, status FROM bookings");

Booking readBooking(const Statement &s)
{
    Booking b;
    b.id = s.integer(0);
    b.user = s.integer(1);
    b.name = s.text(2);
    b.phone = s.text(3);
    b.date = QDate::fromString(s.text(4), Qt::ISODate);
    b.time = QTime::fromString(s.text(5), QStringLiteral("HH:mm"));
    b.guests = int(s.integer(6));
    if (!s.value(7).isNull())
        b.table = s.integer(7);
    b.notes = s.text(8);
    b.status = bookingStatusFromWire(s.text(9)).value_or(BookingStatus::Booked);
    return b;
}

QString bookingWhere(const BookingQuery &q)
{
    QStringList clauses;
    if (q.scope == BookingQuery::Scope::OwnedBy)
        clauses << QStringLiteral("user_id = ?");
    if (q.date)
        clauses << QStringLiteral("date = ?");
    return clauses.isEmpty() ? QString() : QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "));
}

int bindBookingQuery(Statement &s, const BookingQuery &q)
{
    int i = 0;
    if (q.scope == BookingQuery::Scope::OwnedBy)
        s.bind(i++, q.userId);
    if (q.date)
        s.bind(i++, q.date->toString(Qt::ISODate));
    return i;
}
} // namespace

// ---- tables ---------------------------------------------------------------

qint64 ServerStorage::tableCount()
{
    Statement s = m_db.statement(QStringLiteral("SELECT count(*) FROM dining_tables"));
    s.exec();
    return s.next() ? s.integer(0) : 0;
}

QList<DiningTable> ServerStorage::tables(qint64 offset, qint64 limit)
{
    Statement s = m_db.statement(QStringLiteral("SELECT id, name, seats FROM dining_tables ORDER BY id LIMIT ? OFFSET ?"));
    s.bind(0, limit).bind(1, offset).exec();
    QList<DiningTable> out;
    while (s.next())
        out.append(DiningTable { s.integer(0), s.text(1), int(s.integer(2)) });
    return out;
}

std::optional<DiningTable> ServerStorage::table(qint64 id)
{
    Statement s = m_db.statement(QStringLiteral("SELECT id, name, seats FROM dining_tables WHERE id = ?"));
    s.bind(0, id).exec();
    if (!s.next())
        return std::nullopt;
    return DiningTable { s.integer(0), s.text(1), int(s.integer(2)) };
}

std::optional<DiningTable> ServerStorage::tableByName(const QString &name)
{
    Statement s = m_db.statement(QStringLiteral("SELECT id, name, seats FROM dining_tables WHERE name = ?"));
    s.bind(0, name).exec();
    if (!s.next())
        return std::nullopt;
    return DiningTable { s.integer(0), s.text(1), int(s.integer(2)) };
}

DiningTable ServerStorage::createTable(const DiningTable &t)
{
    Database::Transaction tx(m_db);
    Statement s = m_db.statement(QStringLiteral("INSERT INTO dining_tables (name, seats) VALUES (?, ?)"));
    s.bind(0, text(t.name)).bind(1, t.seats).exec();
    DiningTable out = t;
    out.id = s.lastInsertId();
    logTable(out);
    tx.commit();
    return out;
}

void ServerStorage::updateTable(const DiningTable &t)
{
    Database::Transaction tx(m_db);
    m_db.statement(QStringLiteral("UPDATE dining_tables SET name = ?, seats = ? WHERE id = ?"))
        .bind(0, text(t.name))
        .bind(1, t.seats)
        .bind(2, t.id)
        .exec();
    logTable(t);
    tx.commit();
}

bool ServerStorage::deleteTable(qint64 id)
{
    Database::Transaction tx(m_db);
    // The bookings that name it lose their table (ON DELETE SET NULL): each
    // is a changed booking for the feed.
    QList<qint64> affected;
    {
        Statement s = m_db.statement(QStringLiteral("SELECT id FROM bookings WHERE table_id = ?"));
        s.bind(0, id).exec();
        while (s.next())
            affected << s.integer(0);
    }
    Statement s = m_db.statement(QStringLiteral("DELETE FROM dining_tables WHERE id = ?"));
    s.bind(0, id).exec();
    if (s.rowsAffected() == 0)
        return false;
    m_changes.remove(ChangeKind::Table, id, ChangeScope {});
    for (qint64 bookingId : std::as_const(affected)) {
        if (const auto b = booking(bookingId))
            logBooking(*b);
    }
    tx.commit();
    return true;
}

// ---- bookings -------------------------------------------------------------

qint64 ServerStorage::bookingCount(const BookingQuery &query)
{
    Statement s = m_db.statement(QStringLiteral("SELECT count(*) FROM bookings") + bookingWhere(query));
    bindBookingQuery(s, query);
    s.exec();
    return s.next() ? s.integer(0) : 0;
}

QList<Booking> ServerStorage::bookings(const BookingQuery &query, qint64 offset, qint64 limit)
{
    Statement s = m_db.statement(kBookingColumns + bookingWhere(query)
                                 + QStringLiteral(" ORDER BY date, time, id LIMIT ? OFFSET ?"));
    const int next = bindBookingQuery(s, query);
    s.bind(next, limit).bind(next + 1, offset).exec();
    QList<Booking> out;
    while (s.next())
        out.append(readBooking(s));
    return out;
}

std::optional<Booking> ServerStorage::booking(qint64 id)
{
    Statement s = m_db.statement(kBookingColumns + QStringLiteral(" WHERE id = ?"));
    s.bind(0, id).exec();
    if (!s.next())
        return std::nullopt;
    return readBooking(s);
}

QList<Booking> ServerStorage::bookingsHoldingTable(qint64 tableId, const QDate &date, qint64 exceptId)
{
    Statement s = m_db.statement(kBookingColumns
                                 + QStringLiteral(" WHERE table_id = ? AND date BETWEEN ? AND ? AND id <> ?"
                                                  " AND status NOT IN ('cancelled', 'no_show') ORDER BY date, time, id"));
    s.bind(0, tableId)
        .bind(1, date.addDays(-1).toString(Qt::ISODate))
        .bind(2, date.addDays(1).toString(Qt::ISODate))
        .bind(3, exceptId)
        .exec();
    QList<Booking> out;
    while (s.next())
        out.append(readBooking(s));
    return out;
}

qint64 ServerStorage::activeBookingsOfTable(qint64 tableId, const QDate &from)
{
    Statement s = m_db.statement(QStringLiteral("SELECT count(*) FROM bookings WHERE table_id = ? AND date >= ?"
                                                " AND status IN ('booked', 'seated')"));
    s.bind(0, tableId).bind(1, from.toString(Qt::ISODate)).exec();
    return s.next() ? s.integer(0) : 0;
}

Booking ServerStorage::createBooking(const Booking &b)
{
    Database::Transaction tx(m_db);
    Statement s = m_db.statement(QStringLiteral(
        "INSERT INTO bookings (user_id, name, phone, date, time, guests, table_id, notes, status, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    s.bind(0, b.user)
        .bind(1, text(b.name))
        .bind(2, text(b.phone))
        .bind(3, b.date.toString(Qt::ISODate))
        .bind(4, b.time.toString(QStringLiteral("HH:mm")))
        .bind(5, b.guests)
        .bind(6, nullableId(b.table))
        .bind(7, text(b.notes))
        .bind(8, toWire(b.status))
        .bind(9, nowIso())
        .exec();
    Booking out = b;
    out.id = s.lastInsertId();
    logBooking(out);
    tx.commit();
    return out;
}

void ServerStorage::updateBooking(const Booking &b)
{
    Database::Transaction tx(m_db);
    m_db.statement(QStringLiteral("UPDATE bookings SET name = ?, phone = ?, date = ?, time = ?, guests = ?,"
                                  " table_id = ?, notes = ?, status = ? WHERE id = ?"))
        .bind(0, text(b.name))
        .bind(1, text(b.phone))
        .bind(2, b.date.toString(Qt::ISODate))
        .bind(3, b.time.toString(QStringLiteral("HH:mm")))
        .bind(4, b.guests)
        .bind(5, nullableId(b.table))
        .bind(6, text(b.notes))
        .bind(7, toWire(b.status))
        .bind(8, b.id)
        .exec();
    logBooking(b);
    tx.commit();
}

bool ServerStorage::deleteBooking(qint64 id)
{
    Database::Transaction tx(m_db);
    const auto before = booking(id);
    if (!before)
        return false;
    m_db.statement(QStringLiteral("DELETE FROM bookings WHERE id = ?")).bind(0, id).exec();
    m_changes.remove(ChangeKind::Booking, id, ChangeScope { before->user, std::nullopt, 0 });
    tx.commit();
    return true;
}

} // namespace LittleLemon::Server
