// LocalCache: change tracking, cached rows, the server's copies, recompute and
// renames of temporary ids.

#include "models/localcache_p.h"
#include "models/recordjson.h"

#include <algorithm>

namespace LittleLemon {

using StoreSql::text;

namespace {

// An ETag column: an empty tag is stored as NULL.
QVariant etagOrNull(const QByteArray &b)
{
    return b.isEmpty() ? QVariant() : QVariant(b);
}

const QString kId = QStringLiteral("id");

} // namespace

LocalCachePrivate::LocalCachePrivate(LocalCache *owner, StoreDatabase *database)
    : q(owner)
    , db(database)
{
    db->addListener(this);
}

// ---- change tracking ------------------------------------------------------------

void LocalCachePrivate::noteRow(Entity entity, const QString &scope, qint64 id, bool before, bool after)
{
    StoreSql::noteTrack(tracks[{ int(entity), entity == Entity::GroupMember ? scope : QString() }].rows, id,
        before, after);
}

void LocalCachePrivate::noteRename(Entity entity, const QString &scope, qint64 from, qint64 to)
{
    EntityTrack &t = tracks[{ int(entity), entity == Entity::GroupMember ? scope : QString() }];
    StoreSql::RowTrack track { true, true };
    auto it = t.rows.find(from);
    if (it != t.rows.end()) {
        track = *it;
        t.rows.erase(it);
    }
    if (track.before) {
        // Listeners know the row as `from`: tell them its new id.
        t.renamed.append({ from, to });
        t.rows.insert(to, { true, track.after });
    } else {
        // Made and renamed within this commit: listeners only ever see `to`.
        t.rows.insert(to, { false, track.after });
    }
}


std::function<void()> LocalCachePrivate::takeCommitted()
{
    // Handlers may read (or even write) the store: hand out copies.
    QList<StoreChange> changes;
    for (auto it = tracks.constBegin(); it != tracks.constEnd(); ++it) {
        StoreChange change;
        change.entity = Entity(it.key().first);
        change.scope = it.key().second;
        change.renamed = it->renamed;
        StoreSql::fillTracked(it->rows, &change);
        if (!change.isEmpty())
            changes.append(change);
    }
    tracks.clear();
    const bool meta = std::exchange(metaTouched, false);
    return [this, changes, meta] {
        for (const StoreChange &change : changes)
            emit q->changed(change);
        if (meta)
            emit q->syncMetaChanged();
    };
}

void LocalCachePrivate::discardTracked()
{
    tracks.clear();
    metaTouched = false;
}

// ---- cached rows ------------------------------------------------------------------

QString LocalCachePrivate::tableOf(Entity entity)
{
    switch (entity) {
    case Entity::Category:
        return QStringLiteral("categories");
    case Entity::MenuItem:
        return QStringLiteral("menu_items");
    case Entity::Order:
        return QStringLiteral("orders");
    case Entity::Booking:
        return QStringLiteral("bookings");
    case Entity::Table:
        return QStringLiteral("dining_tables");
    case Entity::GroupMember:
        return QStringLiteral("group_members");
    }
    Q_UNREACHABLE();
}

bool LocalCachePrivate::displayExists(Entity entity, const QString &scope, qint64 id)
{
    QSqlQuery *query = entity == Entity::GroupMember
        ? db->prepared(QStringLiteral("SELECT 1 FROM group_members WHERE group_name = ? AND user_id = ?"))
        : db->prepared(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(tableOf(entity)));
    const QVariantList values
        = entity == Entity::GroupMember ? QVariantList { text(scope), id } : QVariantList { id };
    if (!db->run(query, values))
        return false;
    const bool found = query->next();
    query->finish();
    return found;
}

bool LocalCachePrivate::writeDisplay(
    Entity entity, const QString &scope, qint64 id, const QJsonObject &record, SyncState sync, bool existed,
    const RecordJson::ServerRecord *decoded)
{
    const int state = int(sync);
    std::optional<RecordJson::ServerRecord> readHere;
    if (!decoded)
        decoded = &readHere.emplace(RecordJson::read(entity, record, scope));
    switch (entity) {
    case Entity::Category: {
        const Category &c = std::get<Category>(*decoded);
        return db->runSql(
            QStringLiteral("INSERT INTO categories (id, slug, title, sync_state) VALUES (?, ?, ?, ?)"
                           " ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, title = excluded.title,"
                           " sync_state = excluded.sync_state"),
            { id, text(c.slug), text(c.title), state });
    }
    case Entity::MenuItem: {
        const MenuItem &m = std::get<MenuItem>(*decoded);
        return db->runSql(
            QStringLiteral("INSERT INTO menu_items (id, title, price_cents, featured, category_id, available,"
                           " sync_state) VALUES (?, ?, ?, ?, ?, ?, ?)"
                           " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                           " price_cents = excluded.price_cents, featured = excluded.featured,"
                           " category_id = excluded.category_id, available = excluded.available,"
                           " sync_state = excluded.sync_state"),
            { id, text(m.title), m.price.cents(), int(m.featured), m.category, int(m.available), state });
    }
    case Entity::Order: {
        const Order &o = std::get<Order>(*decoded);
        const QDateTime placedAt = RecordJson::placedAtOf(o, record);
        int quantity = 0;
        for (const OrderItem &i : o.items)
            quantity += i.quantity;
        if (!db->runSql(QStringLiteral(
                        "INSERT INTO orders (id, user_id, delivery_crew, status, total_cents, date, stage,"
                        " note, placed_at, items_summary, item_count, sync_state)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        " ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id,"
                        " delivery_crew = excluded.delivery_crew, status = excluded.status,"
                        " total_cents = excluded.total_cents, date = excluded.date, stage = excluded.stage,"
                        " note = excluded.note, placed_at = excluded.placed_at,"
                        " items_summary = excluded.items_summary, item_count = excluded.item_count,"
                        " sync_state = excluded.sync_state"),
                { id, o.user, StoreSql::nullableId(o.deliveryCrew), int(o.status), o.total.cents(),
                    text(o.date.toString(Qt::ISODate)), o.stage ? QVariant(toWire(*o.stage)) : QVariant(),
                    text(o.note), placedAt.isValid() ? QVariant(placedAt.toMSecsSinceEpoch()) : QVariant(),
                    text(RecordJson::itemsSummary(o.items)), quantity, state }))
            return false;
        if (existed
            && (!db->runSql(QStringLiteral("DELETE FROM order_items WHERE order_id = ?"), { id })
                || !db->runSql(QStringLiteral("DELETE FROM order_history WHERE order_id = ?"), { id })))
            return false;
        QSqlQuery *item
            = db->prepared(QStringLiteral("INSERT INTO order_items (order_id, position, menuitem, title,"
                                      " quantity, unit_price_cents, price_cents, note)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        for (int i = 0; i < o.items.size(); ++i) {
            const OrderItem &line = o.items.at(i);
            if (!db->run(item,
                    { id, i, line.menuitem, text(line.menuitemTitle), line.quantity, line.unitPrice.cents(),
                        line.price.cents(), text(line.note) }))
                return false;
        }
        QSqlQuery *history
            = db->prepared(QStringLiteral("INSERT INTO order_history (order_id, position, stage, by_user, at)"
                                      " VALUES (?, ?, ?, ?, ?)"));
        for (int i = 0; i < o.history.size(); ++i) {
            const StageChange &h = o.history.at(i);
            if (!db->run(history,
                    { id, i, toWire(h.stage), h.by,
                        h.at.isValid() ? QVariant(h.at.toMSecsSinceEpoch()) : QVariant() }))
                return false;
        }
        return true;
    }
    case Entity::Booking: {
        const Booking &b = std::get<Booking>(*decoded);
        return db->runSql(
            QStringLiteral(
                "INSERT INTO bookings (id, user_id, name, phone, date, time, guests, table_id, notes,"
                " status, sync_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id,"
                " name = excluded.name, phone = excluded.phone, date = excluded.date,"
                " time = excluded.time, guests = excluded.guests, table_id = excluded.table_id,"
                " notes = excluded.notes, status = excluded.status,"
                " sync_state = excluded.sync_state"),
            { id, b.user, text(b.name), text(b.phone), text(b.date.toString(Qt::ISODate)),
                text(b.time.toString(QStringLiteral("HH:mm"))), b.guests, StoreSql::nullableId(b.table), text(b.notes),
                toWire(b.status), state });
    }
    case Entity::Table: {
        const DiningTable &t = std::get<DiningTable>(*decoded);
        return db->runSql(
            QStringLiteral("INSERT INTO dining_tables (id, name, seats, sync_state) VALUES (?, ?, ?, ?)"
                           " ON CONFLICT (id) DO UPDATE SET name = excluded.name, seats = excluded.seats,"
                           " sync_state = excluded.sync_state"),
            { id, text(t.name), t.seats, state });
    }
    case Entity::GroupMember: {
        const GroupMember &m = std::get<GroupMember>(*decoded);
        return db->runSql(
            QStringLiteral("INSERT INTO group_members (group_name, user_id, username, email, sync_state)"
                           " VALUES (?, ?, ?, ?, ?) ON CONFLICT (group_name, user_id) DO UPDATE SET"
                           " username = excluded.username, email = excluded.email,"
                           " sync_state = excluded.sync_state"),
            { text(scope), id, text(m.username), text(m.email), state });
    }
    }
    return false;
}

bool LocalCachePrivate::deleteDisplay(Entity entity, const QString &scope, qint64 id)
{
    if (entity == Entity::GroupMember)
        return db->runSql(QStringLiteral("DELETE FROM group_members WHERE group_name = ? AND user_id = ?"),
            { text(scope), id });
    return db->runSql(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(tableOf(entity)), { id });
}

bool LocalCachePrivate::serverCopyBytes(
    Entity entity, const QString &scope, qint64 id, QByteArray *json, QByteArray *etag)
{
    QSqlQuery *query = db->prepared(QStringLiteral("SELECT json, etag FROM server_copy"
                                                   " WHERE entity = ? AND scope = IFNULL(?, '') AND id = ?"));
    if (!db->run(query, { entityWireName(entity), scope, id }))
        return false;
    const bool found = query->next();
    if (found) {
        *json = query->value(0).toByteArray();
        if (etag)
            *etag = query->value(1).toByteArray();
    }
    query->finish();
    return found;
}

std::optional<QJsonObject> LocalCachePrivate::serverCopy(
    Entity entity, const QString &scope, qint64 id, QByteArray *etag)
{
    QByteArray json;
    if (!serverCopyBytes(entity, scope, id, &json, etag))
        return std::nullopt;
    return RecordJson::objectFromBytes(json);
}

bool LocalCachePrivate::setServerCopy(Entity entity, const QString &scope, qint64 id,
    const QJsonObject &record, const QByteArray &etag, std::optional<qint64> feedId)
{
    return db->runSql(
        QStringLiteral("INSERT INTO server_copy (entity, scope, id, json, etag, feed_id)"
                       " VALUES (?, IFNULL(?, ''), ?, ?, ?, ?)"
                       " ON CONFLICT (entity, scope, id) DO UPDATE SET json = excluded.json,"
                       " etag = excluded.etag, feed_id = IFNULL(excluded.feed_id, server_copy.feed_id)"),
        { entityWireName(entity), scope, id, RecordJson::toBytes(record), etagOrNull(etag), StoreSql::nullableId(feedId) });
}

bool LocalCachePrivate::removeServerCopy(Entity entity, const QString &scope, qint64 id)
{
    return db->runSql(
        QStringLiteral("DELETE FROM server_copy WHERE entity = ? AND scope = IFNULL(?, '') AND id = ?"),
        { entityWireName(entity), scope, id });
}

bool LocalCachePrivate::recompute(Entity entity, const QString &scope, qint64 id)
{
    std::optional<QJsonObject> record = serverCopy(entity, scope, id);
    SyncState sync = SyncState::Synced;
    const QList<OutboxEntry> entries = pending ? pending->entriesFor(entity, scope, id) : QList<OutboxEntry>();
    for (const OutboxEntry &e : entries) {
        const SyncState entrySync = e.state == OutboxEntry::State::Failed ? SyncState::Failed
            : e.state == OutboxEntry::State::Conflict                     ? SyncState::Conflict
                                                                          : SyncState::Pending;
        sync = std::max(sync, entrySync);
        if (!e.isActive())
            continue;
        switch (e.operation) {
        case OutboxEntry::Operation::Create:
            record = e.overlay;
            break;
        case OutboxEntry::Operation::Update:
            if (record)
                record = RecordJson::withUpdate(entity, *record, e.overlay);
            break;
        case OutboxEntry::Operation::Delete:
            record.reset();
            break;
        }
    }
    if (db->transactionFailed())
        return false;
    const bool existed = displayExists(entity, scope, id);
    if (record) {
        record->insert(kId, id);
        if (!writeDisplay(entity, scope, id, *record, sync, existed))
            return false;
        noteRow(entity, scope, id, existed, true);
    } else if (existed) {
        if (!deleteDisplay(entity, scope, id))
            return false;
        noteRow(entity, scope, id, true, false);
    }
    return !db->transactionFailed();
}

bool LocalCachePrivate::recomputeAll(const QList<OutboxEntry> &entries)
{
    for (const OutboxEntry &e : entries) {
        if (!recompute(e.entity, e.scope, e.targetId))
            return false;
    }
    // Records whose references pointed at a dropped temporary record keep
    // their rows; rows of dropped creates vanish through recompute().
    return true;
}

bool LocalCachePrivate::renameTarget(Entity entity, const QString &scope, qint64 from, qint64 to)
{
    if (from == to)
        return true;
    // The entries for the record itself and those of records that refer to it.
    if (pending && !pending->renameEntries(entity, scope, from, to))
        return false;
    // The server's copy (only group members added offline have one under a
    // temporary id: the add's answer names no id).
    QByteArray ignored;
    QByteArray json;
    if (serverCopyBytes(entity, scope, from, &json, &ignored)) {
        if (!removeServerCopy(entity, scope, from))
            return false;
        QByteArray existingJson;
        if (!serverCopyBytes(entity, scope, to, &existingJson, &ignored)) {
            QJsonObject record = RecordJson::objectFromBytes(json);
            record.insert(kId, to);
            if (!setServerCopy(entity, scope, to, record, QByteArray()))
                return false;
        }
    }
    // The cached row.
    if (displayExists(entity, scope, from)) {
        if (displayExists(entity, scope, to)) {
            if (!deleteDisplay(entity, scope, from))
                return false;
            noteRow(entity, scope, from, true, false);
        } else {
            const bool ok = entity == Entity::GroupMember
                ? db->runSql(QStringLiteral(
                             "UPDATE group_members SET user_id = ? WHERE group_name = ? AND user_id = ?"),
                    { to, text(scope), from })
                : db->runSql(
                    QStringLiteral("UPDATE %1 SET id = ? WHERE id = ?").arg(tableOf(entity)), { to, from });
            if (!ok)
                return false;
            noteRename(entity, scope, from, to);
        }
    }
    // Cached rows that refer to it.
    struct Reference
    {
        Entity owner;
        QString select;
        QString update;
    };
    std::optional<Reference> ref;
    switch (entity) {
    case Entity::Category:
        ref = Reference { Entity::MenuItem, QStringLiteral("SELECT id FROM menu_items WHERE category_id = ?"),
            QStringLiteral("UPDATE menu_items SET category_id = ? WHERE category_id = ?") };
        break;
    case Entity::Table:
        ref = Reference { Entity::Booking, QStringLiteral("SELECT id FROM bookings WHERE table_id = ?"),
            QStringLiteral("UPDATE bookings SET table_id = ? WHERE table_id = ?") };
        break;
    case Entity::MenuItem:
        ref = Reference { Entity::Order,
            QStringLiteral("SELECT DISTINCT order_id FROM order_items WHERE menuitem = ?"),
            QStringLiteral("UPDATE order_items SET menuitem = ? WHERE menuitem = ?") };
        break;
    case Entity::Order:
    case Entity::Booking:
    case Entity::GroupMember:
        break;
    }
    if (ref) {
        QList<qint64> owners;
        QSqlQuery *select = db->prepared(ref->select);
        if (!db->run(select, { from }))
            return false;
        while (select->next())
            owners.append(select->value(0).toLongLong());
        select->finish();
        if (!owners.isEmpty() && !db->runSql(ref->update, { to, from }))
            return false;
        for (qint64 owner : owners)
            noteRow(ref->owner, QString(), owner, true, true);
    }
    qCInfo(lcOutbox) << entityWireName(entity) << from << "is" << to << "on the server";
    return !db->transactionFailed();
}

} // namespace LittleLemon
