// LocalCache: data pulled from the server (full reads, the change feed, single
// records) laid into the cache under the unsent edits.

#include "models/localcache_p.h"
#include "models/recordjson.h"

namespace LittleLemon {

using StoreSql::text;

namespace {
const QString kId = QStringLiteral("id");
} // namespace

// ---- server data ----------------------------------------------------------------

bool LocalCachePrivate::applyServerRecord(Entity entity, const QString &scope, qint64 id,
    const QJsonObject &record, const QByteArray &etag, const QSet<qint64> &targets,
    std::optional<qint64> feedId, const RecordJson::ServerRecord *decoded)
{
    QByteArray oldJson;
    QByteArray oldEtag;
    const bool existed = serverCopyBytes(entity, scope, id, &oldJson, &oldEtag);
    if (db->transactionFailed())
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
    if (!writeDisplay(entity, scope, id, record, SyncState::Synced, existed, decoded))
        return false;
    noteRow(entity, scope, id, existed, true);
    return true;
}

bool LocalCachePrivate::applyServerDelete(
    Entity entity, const QString &scope, qint64 id, const QSet<qint64> &targets)
{
    if (!removeServerCopy(entity, scope, id))
        return false;
    if (targets.contains(id))
        return recompute(entity, scope, id);
    if (!displayExists(entity, scope, id))
        return !db->transactionFailed();
    if (!deleteDisplay(entity, scope, id))
        return false;
    noteRow(entity, scope, id, true, false);
    return true;
}

bool LocalCachePrivate::applySnapshot(const LocalCache::Snapshot &snapshot)
{
    const Entity entity = snapshot.entity;
    const QString scope = entity == Entity::GroupMember ? snapshot.scope : QString();
    if (entity == Entity::GroupMember && scope.isEmpty()) {
        db->fail(QStringLiteral("A list of group members needs its group"));
        return false;
    }
    if (entity == Entity::GroupMember && !adoptMemberIds(scope, snapshot.records))
        return false;

    QHash<qint64, QByteArray> existing;
    QSqlQuery *query = db->prepared(
        QStringLiteral("SELECT id, json FROM server_copy WHERE entity = ? AND scope = IFNULL(?, '')"));
    if (!db->run(query, { entityWireName(entity), scope }))
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
        const auto decoded = RecordJson::serverRecord(entity, record, &why, scope);
        if (!decoded) {
            db->fail(QStringLiteral("%1 record %2: %3").arg(entityWireName(entity)).arg(i).arg(why));
            return false;
        }
        // Unchanged records keep their ETag; a changed one's is unknown now.
        if (!setServerCopy(entity, scope, id, record, QByteArray()))
            return false;
        if (targets.contains(id)) {
            if (!recompute(entity, scope, id))
                return false;
        } else {
            if (!writeDisplay(entity, scope, id, record, SyncState::Synced, existed, &*decoded))
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
    return !db->transactionFailed();
}

bool LocalCachePrivate::adoptMemberIds(const QString &group, const QList<QJsonObject> &members)
{
    // Members added here offline carry a temporary id until the server's list
    // shows them; match them by username (unique on the server).
    QHash<QString, qint64> temporary;
    QSqlQuery *rows = db->prepared(QStringLiteral("SELECT username, user_id FROM group_members"
                                              " WHERE group_name = ? AND user_id < 0"));
    if (!db->run(rows, { text(group) }))
        return false;
    while (rows->next())
        temporary.insert(rows->value(0).toString(), rows->value(1).toLongLong());
    rows->finish();
    if (pending)
        temporary.insert(pending->membersAddedOffline(group));
    if (temporary.isEmpty())
        return !db->transactionFailed();
    for (const QJsonObject &member : members) {
        const qint64 temp = temporary.value(member.value(QStringLiteral("username")).toString());
        const qint64 id = RecordJson::toId(member.value(kId));
        if (temp < 0 && id > 0 && !renameTarget(Entity::GroupMember, group, temp, id))
            return false;
    }
    return !db->transactionFailed();
}

bool LocalCachePrivate::applyChange(const Change &change)
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
            QSqlQuery *query = db->prepared(QStringLiteral("SELECT scope, id FROM server_copy"
                                                       " WHERE entity = ? AND feed_id = ?"));
            if (!db->run(query, { entityWireName(*entity), change.id }))
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
                = db->prepared(QStringLiteral("SELECT username, email FROM group_members WHERE user_id = ?"
                                          " LIMIT 1"));
            if (!db->run(known, { userId }))
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
    const auto decoded = RecordJson::serverRecord(*entity, change.data, &why);
    if (!decoded) {
        db->fail(QStringLiteral("change %1 (%2 %3): %4")
                 .arg(change.seq)
                 .arg(change.entity)
                 .arg(change.id)
                 .arg(why));
        return false;
    }
    const qint64 id = RecordJson::toId(change.data.value(kId), change.id);
    return applyServerRecord(*entity, QString(), id, change.data, QByteArray(),
        targetsWithEntries(*entity, QString()), std::nullopt, &*decoded);
}

} // namespace LittleLemon
