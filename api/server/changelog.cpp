#include "api/server/changelog.h"

namespace LittleLemon::Server {

namespace {
QVariant nullableId(const std::optional<qint64> &id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<qint64> optionalId(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

ChangeLog::Entry readEntry(const Statement &s, bool withData)
{
    ChangeLog::Entry e;
    e.seq = s.integer(0);
    e.kind = ChangeKind(s.integer(1));
    e.rowId = s.integer(2);
    e.audience = s.integer(3);
    e.deleted = s.integer(4) != 0;
    e.scope.owner = optionalId(s.value(5));
    e.scope.crew = optionalId(s.value(6));
    e.scope.flags = int(s.integer(7));
    if (withData && !e.deleted)
        e.data = s.value(8).toByteArray();
    return e;
}
} // namespace

ChangeLog::ChangeLog(Database &db)
    : m_db(db)
{
}

void ChangeLog::createSchema(Database &db)
{
    // data is last: filtering reads the small columns and never pulls the
    // record's overflow pages.
    db.execute(QStringLiteral("CREATE TABLE changes ("
                              " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                              " entity INTEGER NOT NULL,"
                              " row_id INTEGER NOT NULL,"
                              " audience INTEGER NOT NULL DEFAULT 0,"
                              " deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),"
                              " owner_id INTEGER,"
                              " crew_id INTEGER,"
                              " flags INTEGER NOT NULL DEFAULT 0,"
                              " data BLOB,"
                              " UNIQUE (entity, row_id, audience))"));
}

qint64 ChangeLog::write(ChangeKind kind, qint64 rowId, qint64 audience, bool deleted, const ChangeScope &scope,
                        const QByteArray &data)
{
    // REPLACE deletes the row's previous entry and inserts this one with a
    // new sequence number: the compaction.
    Statement s = m_db.statement(QStringLiteral(
        "INSERT OR REPLACE INTO changes (entity, row_id, audience, deleted, owner_id, crew_id, flags, data)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    s.bind(0, int(kind))
        .bind(1, rowId)
        .bind(2, audience)
        .bind(3, deleted ? 1 : 0)
        .bind(4, nullableId(scope.owner))
        .bind(5, nullableId(scope.crew))
        .bind(6, scope.flags)
        .bind(7, deleted ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(data))
        .exec();
    return s.lastInsertId();
}

qint64 ChangeLog::upsert(ChangeKind kind, qint64 rowId, const QByteArray &data, const ChangeScope &scope)
{
    return write(kind, rowId, 0, false, scope, data);
}

qint64 ChangeLog::remove(ChangeKind kind, qint64 rowId, const ChangeScope &scope)
{
    return write(kind, rowId, 0, true, scope, QByteArray());
}

void ChangeLog::revoke(ChangeKind kind, qint64 rowId, qint64 userId)
{
    write(kind, rowId, userId, true, ChangeScope {}, QByteArray());
}

void ChangeLog::unrevoke(ChangeKind kind, qint64 rowId, qint64 userId)
{
    m_db.statement(QStringLiteral("DELETE FROM changes WHERE entity = ? AND row_id = ? AND audience = ?"))
        .bind(0, int(kind))
        .bind(1, rowId)
        .bind(2, userId)
        .exec();
}

void ChangeLog::viewChanged(const ChangeViewer &before, const ChangeViewer &after)
{
    // Read every row's entry first (no data), then write: one pass over the
    // log, which holds one entry per row.
    QList<Entry> entries;
    {
        Statement s = m_db.statement(QStringLiteral("SELECT seq, entity, row_id, audience, deleted, owner_id, crew_id, flags"
                                                    " FROM changes WHERE audience = 0 ORDER BY seq"));
        s.exec();
        while (s.next())
            entries.append(readEntry(s, false));
    }
    for (const Entry &e : std::as_const(entries)) {
        const auto was = visibleAsDelete(before, e);
        const auto is = visibleAsDelete(after, e);
        const bool sawRow = was && !*was;
        const bool seesRow = is && !*is;
        if (sawRow && !seesRow) {
            revoke(e.kind, e.rowId, after.userId);
        } else if (!sawRow && seesRow) {
            // The row, for them only. No copy of its data: the feed reads the
            // row's own entry when it sends this one (see read()), so a role
            // change costs a small row per record, not the records again.
            write(e.kind, e.rowId, after.userId, false, ChangeScope {}, QByteArray());
        }
    }
}

bool ChangeLog::hasEntry(ChangeKind kind, qint64 rowId)
{
    Statement s = m_db.statement(QStringLiteral("SELECT 1 FROM changes WHERE entity = ? AND row_id = ? AND audience = 0"));
    s.bind(0, int(kind)).bind(1, rowId).exec();
    return s.next();
}

qint64 ChangeLog::latest()
{
    Statement s = m_db.statement(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'changes'"));
    s.exec();
    return s.next() ? s.integer(0) : 0;
}

QList<ChangeLog::Entry> ChangeLog::read(const ChangeViewer &v, qint64 since, int limit, qint64 *scannedTo)
{
    // The same rules as visibleAsDelete(), in SQL so a customer's page does
    // not drag every other customer's orders through C++. One statement
    // shape per kind of viewer: a small, fixed set for the statement cache.
    const bool seesAllOrders = v.manager || v.kitchen;
    const bool crewOrders = !seesAllOrders && v.crew;
    const bool seesAllBookings = v.manager || v.admin;
    const bool staff = v.manager || v.admin || v.crew || v.kitchen;
    const bool seesMembers = v.manager || v.admin;
    QString sql = QStringLiteral("SELECT seq, entity, row_id, audience, deleted, owner_id, crew_id, flags, data"
                                 " FROM changes WHERE seq > ? AND ((audience = 0 AND (entity IN (1, 2)");
    sql += seesAllOrders ? QStringLiteral(" OR entity = 3")
                         : crewOrders ? QStringLiteral(" OR (entity = 3 AND crew_id = ?)")
                                      : QStringLiteral(" OR (entity = 3 AND owner_id = ?)");
    sql += seesAllBookings ? QStringLiteral(" OR entity = 4") : QStringLiteral(" OR (entity = 4 AND owner_id = ?)");
    if (staff)
        sql += QStringLiteral(" OR entity = 5");
    if (seesMembers)
        sql += QStringLiteral(" OR entity = 6");
    else if (v.crew || v.kitchen)
        sql += QStringLiteral(" OR (entity = 6 AND (flags & 2) != 0)");
    sql += QStringLiteral(")) OR audience = ?) ORDER BY seq LIMIT ?");

    Statement s = m_db.statement(sql);
    int i = 0;
    s.bind(i++, since);
    if (!seesAllOrders)
        s.bind(i++, v.userId);
    if (!seesAllBookings)
        s.bind(i++, v.userId);
    s.bind(i++, v.userId);
    s.bind(i++, limit);
    s.exec();
    QList<Entry> out;
    while (s.next())
        out.append(readEntry(s, true));
    // Entries of their own that stand for a row (a role change brought it
    // into view) carry the row as it is now, or a delete if it is gone.
    for (Entry &e : out) {
        if (e.audience == 0 || e.deleted)
            continue;
        Statement row = m_db.statement(QStringLiteral("SELECT deleted, data FROM changes WHERE entity = ? AND row_id = ?"
                                                      " AND audience = 0"));
        row.bind(0, int(e.kind)).bind(1, e.rowId).exec();
        if (row.next() && row.integer(0) == 0)
            e.data = row.value(1).toByteArray();
        else
            e.deleted = true;
    }
    if (scannedTo)
        *scannedTo = out.size() == limit ? out.last().seq : latest();
    return out;
}

QList<ChangeLog::Entry> ChangeLog::readAll(qint64 since, int limit)
{
    Statement s = m_db.statement(QStringLiteral("SELECT seq, entity, row_id, audience, deleted, owner_id, crew_id, flags"
                                                " FROM changes WHERE seq > ? ORDER BY seq LIMIT ?"));
    s.bind(0, since).bind(1, limit).exec();
    QList<Entry> out;
    while (s.next())
        out.append(readEntry(s, false));
    return out;
}

std::optional<bool> ChangeLog::visibleAsDelete(const ChangeViewer &v, const Entry &e)
{
    if (e.audience != 0) {
        // An entry of their own: a delete (the row left their view) or a
        // copy of the row (it came into view with a role change).
        if (e.audience == v.userId)
            return e.deleted;
        return std::nullopt;
    }
    bool sees = false;
    switch (e.kind) {
    case ChangeKind::Category:
    case ChangeKind::MenuItem:
        sees = true;
        break;
    case ChangeKind::Order:
        sees = v.manager || v.kitchen || (v.crew ? e.scope.crew == v.userId : e.scope.owner == v.userId);
        break;
    case ChangeKind::Booking:
        sees = v.manager || v.admin || e.scope.owner == v.userId;
        break;
    case ChangeKind::Table:
        sees = v.manager || v.admin || v.crew || v.kitchen;
        break;
    case ChangeKind::GroupMembership:
        sees = v.manager || v.admin
            || ((v.crew || v.kitchen) && (e.scope.flags & ChangeScope::kCrewMembership));
        break;
    }
    if (!sees)
        return std::nullopt;
    if (e.kind == ChangeKind::MenuItem && v.customer() && (e.scope.flags & ChangeScope::kHiddenFromCustomers))
        return true;
    return e.deleted;
}

QByteArray ChangeLog::wireName(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Category: return QByteArrayLiteral("category");
    case ChangeKind::MenuItem: return QByteArrayLiteral("menu-item");
    case ChangeKind::Order: return QByteArrayLiteral("order");
    case ChangeKind::Booking: return QByteArrayLiteral("booking");
    case ChangeKind::Table: return QByteArrayLiteral("table");
    case ChangeKind::GroupMembership: return QByteArrayLiteral("group-membership");
    }
    return QByteArrayLiteral("unknown");
}

} // namespace LittleLemon::Server
