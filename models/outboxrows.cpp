// Outbox: the entries (rows of the outbox table), their change tracking, and
// what the cache asks of them (PendingEdits).

#include "models/outbox_p.h"
#include "models/recordjson.h"

#include <QUuid>

namespace LittleLemon {

using StoreSql::text;

namespace {

QVariant blob(const QByteArray &b)
{
    return b.isNull() ? QVariant() : QVariant(b);
}

QVariant json(const QJsonObject &o, bool nullWhenEmpty = true)
{
    return o.isEmpty() && nullWhenEmpty ? QVariant() : QVariant(RecordJson::toBytes(o));
}

const QString kId = QStringLiteral("id");
const QString kEntryColumns = QStringLiteral(
    "seq, uuid, entity, scope, target_id, operation, method, path, body, overlay, base, etag, summary, state,"
    " attempts, last_error, server_value, created_at, updated_at, command, payload");

} // namespace

// ---- change tracking ------------------------------------------------------------

void OutboxPrivate::noteEntry(qint64 seq, bool before, bool after)
{
    StoreSql::noteTrack(track, seq, before, after);
}

std::function<void()> OutboxPrivate::takeCommitted()
{
    OutboxChange change;
    StoreSql::fillTracked(std::exchange(track, {}), &change);
    if (change.isEmpty())
        return [] { };
    return [this, change] {
        emit q->changed(change);
        emit q->countsChanged(q->pendingCount(), q->failedCount(), q->conflictCount());
    };
}

void OutboxPrivate::discardTracked()
{
    track.clear();
}

// ---- outbox rows ----------------------------------------------------------------

OutboxEntry OutboxPrivate::entryFromQuery(const QSqlQuery &q)
{
    OutboxEntry e;
    e.seq = q.value(0).toLongLong();
    e.uuid = q.value(1).toString();
    e.entity = entityFromWireName(q.value(2).toString()).value_or(Entity::MenuItem);
    e.scope = q.value(3).toString();
    e.targetId = q.value(4).toLongLong();
    e.operation = outboxOperationFromWire(q.value(5).toString()).value_or(OutboxEntry::Operation::Update);
    // Columns 6-8 (method, path, body) hold an entry queued before commands.
    if (const auto kind = commandKindFromName(q.value(19).toString()))
        e.command = OutboxCommand::make(*kind, RecordJson::objectFromBytes(q.value(20).toByteArray()));
    else
        e.command = OutboxCommand::fromLegacy(
            e.entity, q.value(6).toString(), RecordJson::valueFromBytes(q.value(8).toByteArray()));
    e.overlay = RecordJson::objectFromBytes(q.value(9).toByteArray());
    e.base = RecordJson::objectFromBytes(q.value(10).toByteArray());
    e.etag = q.value(11).toByteArray();
    e.summary = q.value(12).toString();
    e.state = outboxStateFromWire(q.value(13).toString()).value_or(OutboxEntry::State::Pending);
    e.attempts = q.value(14).toInt();
    e.lastError = q.value(15).toString();
    e.serverValue = RecordJson::objectFromBytes(q.value(16).toByteArray());
    e.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(17).toLongLong(), Qt::UTC);
    e.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(18).toLongLong(), Qt::UTC);
    return e;
}

QString OutboxPrivate::entrySelect(const QString &where)
{
    return QStringLiteral("SELECT %1 FROM outbox WHERE %2 ORDER BY seq").arg(kEntryColumns, where);
}

QList<OutboxEntry> OutboxPrivate::loadEntries(const QString &where, const QVariantList &values)
{
    QList<OutboxEntry> out;
    QSqlQuery *query
        = db->prepared(entrySelect(where));
    if (!db->run(query, values))
        return out;
    while (query->next())
        out.append(entryFromQuery(*query));
    query->finish();
    return out;
}

std::optional<OutboxEntry> OutboxPrivate::loadEntry(qint64 seq)
{
    const QList<OutboxEntry> found = loadEntries(QStringLiteral("seq = ?"), { seq });
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<OutboxEntry> OutboxPrivate::entriesFor(Entity entity, const QString &scope, qint64 id)
{
    return loadEntries(QStringLiteral("entity = ? AND scope = IFNULL(?, '') AND target_id = ?"),
        { entityWireName(entity), scope, id });
}

QSet<qint64> OutboxPrivate::targetsWithEntries(Entity entity, const QString &scope)
{
    QSet<qint64> out;
    QSqlQuery *query = db->prepared(QStringLiteral("SELECT DISTINCT target_id FROM outbox WHERE entity = ?"
                                               " AND scope = IFNULL(?, '')"));
    if (!db->run(query, { entityWireName(entity), scope }))
        return out;
    while (query->next())
        out.insert(query->value(0).toLongLong());
    query->finish();
    return out;
}


QHash<QString, qint64> OutboxPrivate::membersAddedOffline(const QString &group)
{
    QHash<QString, qint64> out;
    const QList<OutboxEntry> entries
        = loadEntries(QStringLiteral("entity = ? AND scope = ? AND target_id < 0"),
            { entityWireName(Entity::GroupMember), text(group) });
    for (const OutboxEntry &e : entries) {
        // An add names the user in what it shows, a removal in its base.
        const QJsonObject &record = e.operation == OutboxEntry::Operation::Delete ? e.base : e.overlay;
        out.insert(record.value(QStringLiteral("username")).toString(), e.targetId);
    }
    return out;
}

bool OutboxPrivate::renameEntries(Entity entity, const QString &scope, qint64 from, qint64 to)
{
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
    return true;
}

bool OutboxPrivate::insertEntry(OutboxEntry *e)
{
    e->uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e->state = OutboxEntry::State::Pending;
    e->attempts = 0;
    const qint64 now = StoreSql::nowMs();
    e->createdAt = e->updatedAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    QSqlQuery *insert = db->prepared(QStringLiteral(
        "INSERT INTO outbox (uuid, entity, scope, target_id, operation, method, path, body, command, payload,"
        " overlay, base, etag, summary, state, attempts, last_error, server_value, created_at, updated_at)"
        " VALUES (?, ?, IFNULL(?, ''), ?, ?, '', '', NULL, ?, ?, ?, ?, ?, ?, 'pending', 0, NULL, NULL, ?, ?)"));
    if (!db->run(insert,
            { e->uuid, entityWireName(e->entity), e->scope, e->targetId, operationWireName(e->operation),
                commandKindName(e->command.kind), json(e->command.payload, false), json(e->overlay),
                json(e->base, false), blob(e->etag), text(e->summary), now, now }))
        return false;
    e->seq = insert->lastInsertId().toLongLong();
    noteEntry(e->seq, false, true);
    qCDebug(lcOutbox) << "queued" << e->seq << commandKindName(e->command.kind) << e->targetId;
    return true;
}

bool OutboxPrivate::saveEntry(const OutboxEntry &e)
{
    if (!db->runSql(QStringLiteral(
                    "UPDATE outbox SET target_id = ?, command = ?, payload = ?, overlay = ?, base = ?, etag = ?,"
                    " state = ?, attempts = ?, last_error = ?, server_value = ?, updated_at = ?"
                    " WHERE seq = ?"),
            { e.targetId, commandKindName(e.command.kind), json(e.command.payload, false), json(e.overlay),
                json(e.base, false), blob(e.etag), stateWireName(e.state), e.attempts,
                e.lastError.isEmpty() ? QVariant() : QVariant(e.lastError), json(e.serverValue), StoreSql::nowMs(),
                e.seq }))
        return false;
    noteEntry(e.seq, true, true);
    return true;
}

bool OutboxPrivate::saveAndRecompute(const OutboxEntry &e)
{
    return saveEntry(e) && rows->recompute(e.entity, e.scope, e.targetId);
}

const QString OutboxPrivate::kNoEntry = QStringLiteral("no outbox entry %1");
const QString OutboxPrivate::kNotInConflict = QStringLiteral("outbox entry %1 is not in conflict");

std::optional<OutboxEntry> OutboxPrivate::requireEntry(
    qint64 seq, const QString &why, const std::function<bool(const OutboxEntry &)> &wanted)
{
    auto e = isOpen() ? loadEntry(seq) : std::nullopt;
    if (e && (!wanted || wanted(*e)))
        return e;
    db->setError(why.arg(seq));
    return std::nullopt;
}

bool OutboxPrivate::deleteEntry(qint64 seq)
{
    if (!db->runSql(QStringLiteral("DELETE FROM outbox WHERE seq = ?"), { seq }))
        return false;
    noteEntry(seq, true, false);
    return true;
}

bool OutboxPrivate::dropWithDependents(const OutboxEntry &entry, QList<OutboxEntry> *dropped)
{
    for (const OutboxEntry &d : std::as_const(*dropped))
        if (d.seq == entry.seq)
            return true;
    if (!deleteEntry(entry.seq))
        return false;
    dropped->append(entry);
    if (entry.operation != OutboxEntry::Operation::Create || entry.targetId >= 0)
        return true;
    // Nothing can be sent about a record that will never exist on the server.
    for (const OutboxEntry &e : entriesFor(entry.entity, entry.scope, entry.targetId)) {
        if (!dropWithDependents(e, dropped))
            return false;
    }
    if (const auto owner = RecordJson::referencingEntity(entry.entity)) {
        for (const OutboxEntry &e : loadEntries(QStringLiteral("entity = ?"), { entityWireName(*owner) })) {
            const auto refs = e.command.temporaryReferences(*owner)
                + RecordJson::temporaryReferences(*owner, e.overlay);
            if (refs.contains({ entry.entity, entry.targetId }) && !dropWithDependents(e, dropped))
                return false;
        }
    }
    return !db->transactionFailed();
}

qint64 OutboxPrivate::allocateTempId()
{
    QSqlQuery *read = db->prepared(QStringLiteral("SELECT value FROM outbox_meta WHERE key = 'next_temp_id'"));
    if (!db->run(read))
        return 0;
    qint64 next = read->next() ? read->value(0).toLongLong() : -1;
    read->finish();
    if (next >= 0)
        next = -1;
    if (!db->runSql(QStringLiteral("INSERT INTO outbox_meta (key, value) VALUES ('next_temp_id', ?)"
                               " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
            { QString::number(next - 1) }))
        return 0;
    return next;
}

int OutboxPrivate::countState(const QString &states) const
{
    if (!isOpen())
        return 0;
    QSqlQuery *query
        = db->prepared(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state IN (%1)").arg(states));
    if (!db->run(query))
        return 0;
    const int n = query->next() ? query->value(0).toInt() : 0;
    query->finish();
    return n;
}
} // namespace LittleLemon
