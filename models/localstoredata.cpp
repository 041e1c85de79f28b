// LocalStore: server data, cached rows and change tracking.

#include "models/localstore.h"
#include "models/localstore_p.h"
#include "models/recordjson.h"

#include <algorithm>
#include <QJsonArray>

namespace LittleLemon {

namespace {

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QVariant blob(const QByteArray &b)
{
    return b.isEmpty() ? QVariant() : QVariant(b);
}

const QString kId = QStringLiteral("id");

} // namespace

// ---- change tracking ------------------------------------------------------------

void LocalStorePrivate::noteRow(Entity entity, const QString &scope, qint64 id, bool before, bool after)
{
    EntityTrack &t = tracks[{ int(entity), entity == Entity::GroupMember ? scope : QString() }];
    auto it = t.rows.find(id);
    if (it == t.rows.end())
        t.rows.insert(id, { before, after });
    else
        it->after = after;
}

void LocalStorePrivate::noteRename(Entity entity, const QString &scope, qint64 from, qint64 to)
{
    EntityTrack &t = tracks[{ int(entity), entity == Entity::GroupMember ? scope : QString() }];
    Track track { true, true };
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

void LocalStorePrivate::noteEntry(qint64 seq, bool before, bool after)
{
    auto it = outboxTrack.find(seq);
    if (it == outboxTrack.end())
        outboxTrack.insert(seq, { before, after });
    else
        it->after = after;
}

void LocalStorePrivate::emitTracked()
{
    // Handlers may read (or even write) the store: hand out copies first.
    const auto entityTracks = std::exchange(tracks, {});
    const auto entryTrack = std::exchange(outboxTrack, {});
    const bool meta = std::exchange(metaTouched, false);

    for (auto it = entityTracks.constBegin(); it != entityTracks.constEnd(); ++it) {
        StoreChange change;
        change.entity = Entity(it.key().first);
        change.scope = it.key().second;
        change.renamed = it->renamed;
        for (auto row = it->rows.constBegin(); row != it->rows.constEnd(); ++row) {
            if (row->before && row->after)
                change.updated.append(row.key());
            else if (row->after)
                change.inserted.append(row.key());
            else if (row->before)
                change.removed.append(row.key());
        }
        std::sort(change.inserted.begin(), change.inserted.end());
        std::sort(change.updated.begin(), change.updated.end());
        std::sort(change.removed.begin(), change.removed.end());
        if (!change.isEmpty())
            emit q->changed(change);
    }
    if (!entryTrack.isEmpty()) {
        OutboxChange change;
        for (auto row = entryTrack.constBegin(); row != entryTrack.constEnd(); ++row) {
            if (row->before && row->after)
                change.updated.append(row.key());
            else if (row->after)
                change.inserted.append(row.key());
            else if (row->before)
                change.removed.append(row.key());
        }
        std::sort(change.inserted.begin(), change.inserted.end());
        std::sort(change.updated.begin(), change.updated.end());
        std::sort(change.removed.begin(), change.removed.end());
        if (!change.isEmpty()) {
            emit q->outboxChanged(change);
            emit q->outboxCountsChanged(q->pendingCount(), q->failedCount(), q->conflictCount());
        }
    }
    if (meta)
        emit q->syncMetaChanged();
}

// ---- cached rows ------------------------------------------------------------------

QString LocalStorePrivate::tableOf(Entity entity)
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

bool LocalStorePrivate::displayExists(Entity entity, const QString &scope, qint64 id)
{
    QSqlQuery *query = entity == Entity::GroupMember
        ? prepared(QStringLiteral("SELECT 1 FROM group_members WHERE group_name = ? AND user_id = ?"))
        : prepared(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(tableOf(entity)));
    const QVariantList values
        = entity == Entity::GroupMember ? QVariantList { text(scope), id } : QVariantList { id };
    if (!run(query, values))
        return false;
    const bool found = query->next();
    query->finish();
    return found;
}

bool LocalStorePrivate::writeDisplay(
    Entity entity, const QString &scope, qint64 id, const QJsonObject &record, SyncState sync, bool existed)
{
    const int state = int(sync);
    switch (entity) {
    case Entity::Category: {
        const Category c = RecordJson::category(record);
        return runSql(
            QStringLiteral("INSERT INTO categories (id, slug, title, sync_state) VALUES (?, ?, ?, ?)"
                           " ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, title = excluded.title,"
                           " sync_state = excluded.sync_state"),
            { id, text(c.slug), text(c.title), state });
    }
    case Entity::MenuItem: {
        const MenuItem m = RecordJson::menuItem(record);
        return runSql(
            QStringLiteral("INSERT INTO menu_items (id, title, price_cents, featured, category_id, available,"
                           " sync_state) VALUES (?, ?, ?, ?, ?, ?, ?)"
                           " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                           " price_cents = excluded.price_cents, featured = excluded.featured,"
                           " category_id = excluded.category_id, available = excluded.available,"
                           " sync_state = excluded.sync_state"),
            { id, text(m.title), m.price.cents(), int(m.featured), m.category, int(m.available), state });
    }
    case Entity::Order: {
        QDateTime placedAt;
        const Order o = RecordJson::order(record, &placedAt);
        int quantity = 0;
        for (const OrderItem &i : o.items)
            quantity += i.quantity;
        if (!runSql(QStringLiteral(
                        "INSERT INTO orders (id, user_id, delivery_crew, status, total_cents, date, stage,"
                        " note, placed_at, items_summary, item_count, sync_state)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        " ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id,"
                        " delivery_crew = excluded.delivery_crew, status = excluded.status,"
                        " total_cents = excluded.total_cents, date = excluded.date, stage = excluded.stage,"
                        " note = excluded.note, placed_at = excluded.placed_at,"
                        " items_summary = excluded.items_summary, item_count = excluded.item_count,"
                        " sync_state = excluded.sync_state"),
                { id, o.user, nullableId(o.deliveryCrew), int(o.status), o.total.cents(),
                    text(o.date.toString(Qt::ISODate)), o.stage ? QVariant(toWire(*o.stage)) : QVariant(),
                    text(o.note), placedAt.isValid() ? QVariant(placedAt.toMSecsSinceEpoch()) : QVariant(),
                    text(RecordJson::itemsSummary(o.items)), quantity, state }))
            return false;
        if (existed
            && (!runSql(QStringLiteral("DELETE FROM order_items WHERE order_id = ?"), { id })
                || !runSql(QStringLiteral("DELETE FROM order_history WHERE order_id = ?"), { id })))
            return false;
        QSqlQuery *item
            = prepared(QStringLiteral("INSERT INTO order_items (order_id, position, menuitem, title,"
                                      " quantity, unit_price_cents, price_cents, note)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        for (int i = 0; i < o.items.size(); ++i) {
            const OrderItem &line = o.items.at(i);
            if (!run(item,
                    { id, i, line.menuitem, text(line.menuitemTitle), line.quantity, line.unitPrice.cents(),
                        line.price.cents(), text(line.note) }))
                return false;
        }
        QSqlQuery *history
            = prepared(QStringLiteral("INSERT INTO order_history (order_id, position, stage, by_user, at)"
                                      " VALUES (?, ?, ?, ?, ?)"));
        for (int i = 0; i < o.history.size(); ++i) {
            const StageChange &h = o.history.at(i);
            if (!run(history,
                    { id, i, toWire(h.stage), h.by,
                        h.at.isValid() ? QVariant(h.at.toMSecsSinceEpoch()) : QVariant() }))
                return false;
        }
        return true;
    }
    case Entity::Booking: {
        const Booking b = RecordJson::booking(record);
        return runSql(
            QStringLiteral(
                "INSERT INTO bookings (id, user_id, name, phone, date, time, guests, table_id, notes,"
                " status, sync_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id,"
                " name = excluded.name, phone = excluded.phone, date = excluded.date,"
                " time = excluded.time, guests = excluded.guests, table_id = excluded.table_id,"
                " notes = excluded.notes, status = excluded.status,"
                " sync_state = excluded.sync_state"),
            { id, b.user, text(b.name), text(b.phone), text(b.date.toString(Qt::ISODate)),
                text(b.time.toString(QStringLiteral("HH:mm"))), b.guests, nullableId(b.table), text(b.notes),
                toWire(b.status), state });
    }
    case Entity::Table: {
        const DiningTable t = RecordJson::table(record);
        return runSql(
            QStringLiteral("INSERT INTO dining_tables (id, name, seats, sync_state) VALUES (?, ?, ?, ?)"
                           " ON CONFLICT (id) DO UPDATE SET name = excluded.name, seats = excluded.seats,"
                           " sync_state = excluded.sync_state"),
            { id, text(t.name), t.seats, state });
    }
    case Entity::GroupMember: {
        const GroupMember m = RecordJson::member(record, scope);
        return runSql(
            QStringLiteral("INSERT INTO group_members (group_name, user_id, username, email, sync_state)"
                           " VALUES (?, ?, ?, ?, ?) ON CONFLICT (group_name, user_id) DO UPDATE SET"
                           " username = excluded.username, email = excluded.email,"
                           " sync_state = excluded.sync_state"),
            { text(scope), id, text(m.username), text(m.email), state });
    }
    }
    return false;
}

bool LocalStorePrivate::deleteDisplay(Entity entity, const QString &scope, qint64 id)
{
    if (entity == Entity::GroupMember)
        return runSql(QStringLiteral("DELETE FROM group_members WHERE group_name = ? AND user_id = ?"),
            { text(scope), id });
    return runSql(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(tableOf(entity)), { id });
}

namespace {
bool serverCopyBytes(
    LocalStorePrivate *d, Entity entity, const QString &scope, qint64 id, QByteArray *json, QByteArray *etag)
{
    QSqlQuery *query = d->prepared(QStringLiteral("SELECT json, etag FROM server_copy"
                                                  " WHERE entity = ? AND scope = IFNULL(?, '') AND id = ?"));
    if (!d->run(query, { entityWireName(entity), scope, id }))
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
} // namespace

std::optional<QJsonObject> LocalStorePrivate::serverCopy(
    Entity entity, const QString &scope, qint64 id, QByteArray *etag)
{
    QByteArray json;
    if (!serverCopyBytes(this, entity, scope, id, &json, etag))
        return std::nullopt;
    return RecordJson::objectFromBytes(json);
}

bool LocalStorePrivate::setServerCopy(Entity entity, const QString &scope, qint64 id,
    const QJsonObject &record, const QByteArray &etag, std::optional<qint64> feedId)
{
    return runSql(
        QStringLiteral("INSERT INTO server_copy (entity, scope, id, json, etag, feed_id)"
                       " VALUES (?, IFNULL(?, ''), ?, ?, ?, ?)"
                       " ON CONFLICT (entity, scope, id) DO UPDATE SET json = excluded.json,"
                       " etag = excluded.etag, feed_id = IFNULL(excluded.feed_id, server_copy.feed_id)"),
        { entityWireName(entity), scope, id, RecordJson::toBytes(record), blob(etag), nullableId(feedId) });
}

bool LocalStorePrivate::removeServerCopy(Entity entity, const QString &scope, qint64 id)
{
    return runSql(
        QStringLiteral("DELETE FROM server_copy WHERE entity = ? AND scope = IFNULL(?, '') AND id = ?"),
        { entityWireName(entity), scope, id });
}

QSet<qint64> LocalStorePrivate::targetsWithEntries(Entity entity, const QString &scope)
{
    QSet<qint64> out;
    QSqlQuery *query = prepared(QStringLiteral("SELECT DISTINCT target_id FROM outbox WHERE entity = ?"
                                               " AND scope = IFNULL(?, '')"));
    if (!run(query, { entityWireName(entity), scope }))
        return out;
    while (query->next())
        out.insert(query->value(0).toLongLong());
    query->finish();
    return out;
}

bool LocalStorePrivate::recompute(Entity entity, const QString &scope, qint64 id)
{
    std::optional<QJsonObject> record = serverCopy(entity, scope, id);
    SyncState sync = SyncState::Synced;
    const QList<OutboxEntry> entries = entriesFor(entity, scope, id);
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
    if (transactionFailed)
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
    return !transactionFailed;
}

// ---- server data ----------------------------------------------------------------

bool LocalStorePrivate::applyServerRecord(Entity entity, const QString &scope, qint64 id,
    const QJsonObject &record, const QByteArray &etag, const QSet<qint64> &targets,
    std::optional<qint64> feedId)
{
    QByteArray oldJson;
    QByteArray oldEtag;
    const bool existed = serverCopyBytes(this, entity, scope, id, &oldJson, &oldEtag);
    if (transactionFailed)
        return false;
    const QByteArray json = RecordJson::toBytes(record);
    const bool same = existed && oldJson == json;
    if (same && (etag.isEmpty() || etag == oldEtag) && !feedId)
        return true;
    // A list read carries no ETag: keep the known one while the record is
    // unchanged, forget it once the record changed.
    const QByteArray newEtag = !etag.isEmpty() ? etag : (same ? oldEtag : QByteArray());
    if (!setServerCopy(entity, scope, id, record, newEtag, feedId))
        return false;
    if (same)
        return true;
    if (targets.contains(id))
        return recompute(entity, scope, id);
    if (!writeDisplay(entity, scope, id, record, SyncState::Synced, existed))
        return false;
    noteRow(entity, scope, id, existed, true);
    return true;
}

bool LocalStorePrivate::applyServerDelete(
    Entity entity, const QString &scope, qint64 id, const QSet<qint64> &targets)
{
    if (!removeServerCopy(entity, scope, id))
        return false;
    if (targets.contains(id))
        return recompute(entity, scope, id);
    if (!displayExists(entity, scope, id))
        return !transactionFailed;
    if (!deleteDisplay(entity, scope, id))
        return false;
    noteRow(entity, scope, id, true, false);
    return true;
}

bool LocalStorePrivate::applySnapshot(const LocalStore::Snapshot &snapshot)
{
    const Entity entity = snapshot.entity;
    const QString scope = entity == Entity::GroupMember ? snapshot.scope : QString();
    if (entity == Entity::GroupMember && scope.isEmpty()) {
        fail(QStringLiteral("A list of group members needs its group"));
        return false;
    }
    if (entity == Entity::GroupMember && !adoptMemberIds(scope, snapshot.records))
        return false;

    QHash<qint64, QByteArray> existing;
    QSqlQuery *query = prepared(
        QStringLiteral("SELECT id, json FROM server_copy WHERE entity = ? AND scope = IFNULL(?, '')"));
    if (!run(query, { entityWireName(entity), scope }))
        return false;
    while (query->next())
        existing.insert(query->value(0).toLongLong(), query->value(1).toByteArray());
    query->finish();
    const QSet<qint64> targets = targetsWithEntries(entity, scope);

    QSet<qint64> seen;
    seen.reserve(snapshot.records.size());
    for (qsizetype i = 0; i < snapshot.records.size(); ++i) {
        const QJsonObject &record = snapshot.records.at(i);
        const qint64 id = RecordJson::toId(record.value(kId));
        const QByteArray json = RecordJson::toBytes(record);
        auto it = existing.find(id);
        const bool existed = it != existing.end();
        seen.insert(id);
        if (existed && it.value() == json)
            continue; // checked when it was stored
        // A bad record fails the call; the caller's transaction rolls back
        // whatever this snapshot wrote before it.
        QString why;
        if (!RecordJson::isValidServerRecord(entity, record, &why)) {
            fail(QStringLiteral("%1 record %2: %3").arg(entityWireName(entity)).arg(i).arg(why));
            return false;
        }
        // Unchanged records keep their ETag; a changed one's is unknown now.
        if (!setServerCopy(entity, scope, id, record, QByteArray()))
            return false;
        if (targets.contains(id)) {
            if (!recompute(entity, scope, id))
                return false;
        } else {
            if (!writeDisplay(entity, scope, id, record, SyncState::Synced, existed))
                return false;
            noteRow(entity, scope, id, existed, true);
        }
        // A page boundary that shifted may list a record twice.
        existing.insert(id, json);
    }
    for (auto it = existing.constBegin(); it != existing.constEnd(); ++it) {
        if (!seen.contains(it.key()) && !applyServerDelete(entity, scope, it.key(), targets))
            return false;
    }
    return !transactionFailed;
}

bool LocalStorePrivate::adoptMemberIds(const QString &group, const QList<QJsonObject> &members)
{
    // Members added here offline carry a temporary id until the server's list
    // shows them; match them by username (unique on the server).
    QHash<QString, qint64> temporary;
    QSqlQuery *rows = prepared(QStringLiteral("SELECT username, user_id FROM group_members"
                                              " WHERE group_name = ? AND user_id < 0"));
    if (!run(rows, { text(group) }))
        return false;
    while (rows->next())
        temporary.insert(rows->value(0).toString(), rows->value(1).toLongLong());
    rows->finish();
    const QList<OutboxEntry> entries
        = loadEntries(QStringLiteral("entity = ? AND scope = ? AND target_id < 0"),
            { entityWireName(Entity::GroupMember), text(group) });
    for (const OutboxEntry &e : entries) {
        // An add names the user in what it shows, a removal in its base.
        const QJsonObject &record = e.operation == OutboxEntry::Operation::Delete ? e.base : e.overlay;
        temporary.insert(record.value(QStringLiteral("username")).toString(), e.targetId);
    }
    if (temporary.isEmpty())
        return !transactionFailed;
    for (const QJsonObject &member : members) {
        const qint64 temp = temporary.value(member.value(QStringLiteral("username")).toString());
        const qint64 id = RecordJson::toId(member.value(kId));
        if (temp < 0 && id > 0 && !renameTarget(Entity::GroupMember, group, temp, id))
            return false;
    }
    return !transactionFailed;
}

bool LocalStorePrivate::applyChange(const Change &change)
{
    const auto entity = entityFromWireName(change.entity);
    if (!entity) {
        qCInfo(lcStore) << "skipping a change of unknown kind" << change.entity;
        return true;
    }
    if (*entity == Entity::GroupMember) {
        if (change.op == Change::Op::Delete) {
            // A membership's feed id is its own; find which (group, user) it was.
            QList<std::pair<QString, qint64>> found;
            QSqlQuery *query = prepared(QStringLiteral("SELECT scope, id FROM server_copy"
                                                       " WHERE entity = ? AND feed_id = ?"));
            if (!run(query, { entityWireName(*entity), change.id }))
                return false;
            while (query->next())
                found.append({ query->value(0).toString(), query->value(1).toLongLong() });
            query->finish();
            for (const auto &[group, userId] : found) {
                if (!applyServerDelete(*entity, group, userId, targetsWithEntries(*entity, group)))
                    return false;
            }
            return true;
        }
        const QJsonObject &data = change.data;
        QString group = data.value(QStringLiteral("group")).toString();
        if (group.isEmpty())
            group = data.value(QStringLiteral("group_name")).toString();
        qint64 userId = RecordJson::toId(data.value(QStringLiteral("user")));
        if (userId <= 0)
            userId = RecordJson::toId(data.value(QStringLiteral("user_id")));
        if (userId <= 0 && data.contains(QStringLiteral("username")))
            userId = RecordJson::toId(data.value(kId));
        if (group.isEmpty() || userId <= 0) {
            qCWarning(lcStore) << "skipping a group-membership change without group or user, seq"
                               << change.seq;
            return true;
        }
        QString username = data.value(QStringLiteral("username")).toString();
        QString email = data.value(QStringLiteral("email")).toString();
        if (username.isEmpty()) {
            // The feed may name only the user's id; reuse what another group knows.
            QSqlQuery *known
                = prepared(QStringLiteral("SELECT username, email FROM group_members WHERE user_id = ?"
                                          " LIMIT 1"));
            if (!run(known, { userId }))
                return false;
            if (known->next()) {
                username = known->value(0).toString();
                email = known->value(1).toString();
            }
            known->finish();
        }
        const QJsonObject member { { kId, userId }, { QStringLiteral("username"), username },
            { QStringLiteral("email"), email } };
        if (!username.isEmpty() && !adoptMemberIds(group, { member }))
            return false;
        return applyServerRecord(
            *entity, group, userId, member, QByteArray(), targetsWithEntries(*entity, group), change.id);
    }
    if (change.op == Change::Op::Delete)
        return applyServerDelete(*entity, QString(), change.id, targetsWithEntries(*entity, QString()));
    QString why;
    if (!RecordJson::isValidServerRecord(*entity, change.data, &why)) {
        fail(QStringLiteral("change %1 (%2 %3): %4")
                 .arg(change.seq)
                 .arg(change.entity)
                 .arg(change.id)
                 .arg(why));
        return false;
    }
    const qint64 id = RecordJson::toId(change.data.value(kId), change.id);
    return applyServerRecord(
        *entity, QString(), id, change.data, QByteArray(), targetsWithEntries(*entity, QString()));
}

bool LocalStorePrivate::renameTarget(Entity entity, const QString &scope, qint64 from, qint64 to)
{
    if (from == to)
        return true;
    // The entries for the record itself: new target, new path.
    QList<OutboxEntry> own = entriesFor(entity, scope, from);
    for (OutboxEntry &e : own) {
        e.targetId = to;
        if (e.operation == OutboxEntry::Operation::Create)
            e.overlay.insert(kId, to);
        if (!saveEntry(e))
            return false;
    }
    // Entries of other records that refer to it.
    if (const auto owner = RecordJson::referencingEntity(entity)) {
        const QList<OutboxEntry> others
            = loadEntries(QStringLiteral("entity = ?"), { entityWireName(*owner) });
        for (OutboxEntry e : others) {
            bool bodyChanged = false;
            bool overlayChanged = false;
            bodyChanged = e.command.replaceReference(*owner, entity, from, to);
            e.overlay
                = RecordJson::withReferenceReplaced(*owner, e.overlay, entity, from, to, &overlayChanged)
                      .toObject();
            if ((bodyChanged || overlayChanged) && !saveEntry(e))
                return false;
        }
    }
    // The server's copy (only group members added offline have one under a
    // temporary id: the add's answer names no id).
    QByteArray ignored;
    QByteArray json;
    if (serverCopyBytes(this, entity, scope, from, &json, &ignored)) {
        if (!removeServerCopy(entity, scope, from))
            return false;
        QByteArray existingJson;
        if (!serverCopyBytes(this, entity, scope, to, &existingJson, &ignored)) {
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
                ? runSql(QStringLiteral(
                             "UPDATE group_members SET user_id = ? WHERE group_name = ? AND user_id = ?"),
                    { to, text(scope), from })
                : runSql(
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
        QSqlQuery *select = prepared(ref->select);
        if (!run(select, { from }))
            return false;
        while (select->next())
            owners.append(select->value(0).toLongLong());
        select->finish();
        if (!owners.isEmpty() && !runSql(ref->update, { to, from }))
            return false;
        for (qint64 owner : owners)
            noteRow(ref->owner, QString(), owner, true, true);
    }
    qCInfo(lcOutbox) << entityWireName(entity) << from << "is" << to << "on the server";
    return !transactionFailed;
}

// ---- LocalStore: server data API ---------------------------------------------------

bool LocalStore::replaceAll(Entity entity, const QList<QJsonObject> &records, const QString &scope)
{
    return replaceAll(QList<Snapshot> { Snapshot { entity, scope, records } });
}

bool LocalStore::replaceAll(const QList<Snapshot> &snapshots, std::optional<qint64> changeSeq)
{
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok())
        return false;
    for (const Snapshot &snapshot : snapshots) {
        if (!d->applySnapshot(snapshot))
            return false;
    }
    if (changeSeq && !d->setMeta(QStringLiteral("change_seq"), QString::number(*changeSeq)))
        return false;
    return t.commit();
}

bool LocalStore::applyChanges(const ChangeFeed &feed)
{
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok())
        return false;
    for (const Change &change : feed.changes) {
        if (!d->applyChange(change))
            return false;
    }
    if (feed.next != changeSeq() && !d->setMeta(QStringLiteral("change_seq"), QString::number(feed.next)))
        return false;
    return t.commit();
}

bool LocalStore::upsertFromServer(
    Entity entity, const QJsonObject &record, const QByteArray &etag, const QString &scope)
{
    QString why;
    if (!RecordJson::isValidServerRecord(entity, record, &why)) {
        d->error = entityWireName(entity) + QStringLiteral(": ") + why;
        return false;
    }
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok())
        return false;
    const QString s = entity == Entity::GroupMember ? scope : QString();
    if (entity == Entity::GroupMember && !d->adoptMemberIds(s, { record }))
        return false;
    const qint64 id = RecordJson::toId(record.value(kId));
    if (!d->applyServerRecord(entity, s, id, record, etag, d->targetsWithEntries(entity, s)))
        return false;
    return t.commit();
}

bool LocalStore::removeFromServer(Entity entity, qint64 id, const QString &scope)
{
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok())
        return false;
    const QString s = entity == Entity::GroupMember ? scope : QString();
    if (!d->applyServerDelete(entity, s, id, d->targetsWithEntries(entity, s)))
        return false;
    return t.commit();
}

} // namespace LittleLemon
