// Outbox: the entries, queueing, and the state machine the sync engine
// drives. The edits that fill it are in outboxedits.cpp.

#include "models/outbox.h"

#include "models/outbox_p.h"
#include "models/recordjson.h"

#include <QUuid>

Q_LOGGING_CATEGORY(lcOutbox, "littlelemon.store.outbox")

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

OutboxPrivate::OutboxPrivate(Outbox *owner, StoreDatabase *database, LocalCache *localCache)
    : q(owner)
    , db(database)
    , cache(localCache)
    , rows(LocalCachePrivate::get(localCache))
{
    db->addListener(this);
    rows->pending = this;
}

Outbox::Outbox(StoreDatabase *db, LocalCache *cache, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<OutboxPrivate>(this, db, cache))
{
    qRegisterMetaType<LittleLemon::OutboxChange>();
}

Outbox::~Outbox() = default;

QString Outbox::errorString() const
{
    return d->db->error();
}

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

QList<OutboxEntry> OutboxPrivate::loadEntries(const QString &where, const QVariantList &values)
{
    QList<OutboxEntry> out;
    QSqlQuery *query
        = db->prepared(QStringLiteral("SELECT %1 FROM outbox WHERE %2 ORDER BY seq").arg(kEntryColumns, where));
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

std::optional<OutboxEntry> OutboxPrivate::requireEntry(qint64 seq)
{
    auto e = isOpen() ? loadEntry(seq) : std::nullopt;
    if (!e)
        db->setError(QStringLiteral("no outbox entry %1").arg(seq));
    return e;
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

LocalEdit OutboxPrivate::refuse(const QString &message)
{
    LocalEdit edit;
    edit.error = message;
    db->setError(message);
    return edit;
}

// ---- queueing edits ---------------------------------------------------------------

LocalEdit OutboxPrivate::queue(StoreDatabase::Transaction &t, OutboxEntry &e)
{
    if (!insertEntry(&e) || !rows->recompute(e.entity, e.scope, e.targetId) || !t.commit())
        return refuse(db->error());
    return LocalEdit { true, e.targetId, e.seq, e.uuid, QString() };
}

LocalEdit OutboxPrivate::queueUpdate(Entity entity, const QString &scope, qint64 id,
    const OutboxCommand &command, const QJsonObject &fields, const QString &summary)
{
    StoreDatabase::Transaction t(db);
    if (!t.ok())
        return refuse(db->error());
    if (!rows->displayExists(entity, scope, id))
        return refuse(Outbox::tr("This record is not in the local copy any more."));
    QByteArray etag;
    const auto server = rows->serverCopy(entity, scope, id, &etag);
    OutboxEntry e;
    e.entity = entity;
    e.scope = scope;
    e.targetId = id;
    e.operation = OutboxEntry::Operation::Update;
    e.command = command;
    e.overlay = fields;
    if (server) {
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            e.base.insert(it.key(), server->value(it.key()));
        e.etag = etag;
    }
    e.summary = summary;
    return queue(t, e);
}

LocalEdit OutboxPrivate::queueCreate(Entity entity, const QString &scope, const OutboxCommand &command,
    QJsonObject overlay, const QString &summary, qint64 knownId)
{
    StoreDatabase::Transaction t(db);
    if (!t.ok())
        return refuse(db->error());
    const qint64 id = knownId != 0 ? knownId : allocateTempId();
    if (id == 0)
        return refuse(db->error());
    overlay.insert(kId, id);
    OutboxEntry e;
    e.entity = entity;
    e.scope = scope;
    e.targetId = id;
    e.operation = OutboxEntry::Operation::Create;
    e.command = command;
    e.overlay = overlay;
    e.summary = summary;
    return queue(t, e);
}

LocalEdit OutboxPrivate::queueDelete(
    Entity entity, const QString &scope, qint64 id, const QString &summary)
{
    StoreDatabase::Transaction t(db);
    if (!t.ok())
        return refuse(db->error());
    if (!rows->displayExists(entity, scope, id))
        return refuse(Outbox::tr("This record is not in the local copy any more."));
    if (id < 0) {
        // Made here and never sent: taking the create back is the whole delete.
        const QList<OutboxEntry> own = entriesFor(entity, scope, id);
        for (const OutboxEntry &e : own) {
            if (e.operation == OutboxEntry::Operation::Create && e.state != OutboxEntry::State::Sending) {
                QList<OutboxEntry> dropped;
                if (!dropWithDependents(e, &dropped) || !rows->recomputeAll(dropped) || !t.commit())
                    return refuse(db->error());
                return LocalEdit { true, id, 0, QString(), QString() };
            }
        }
    }
    QByteArray etag;
    const auto server = rows->serverCopy(entity, scope, id, &etag);
    OutboxEntry e;
    e.entity = entity;
    e.scope = scope;
    e.targetId = id;
    e.operation = OutboxEntry::Operation::Delete;
    e.command = OutboxCommand::make(OutboxCommand::Kind::Delete);
    if (server) {
        e.base = *server;
        e.etag = etag;
    }
    e.summary = summary;
    return queue(t, e);
}

// ---- LocalStore: the outbox for the sync engine ------------------------------------------

QList<OutboxEntry> Outbox::entries() const
{
    if (!d->isOpen())
        return {};
    return d->loadEntries(QStringLiteral("1"), {});
}

QList<OutboxEntry> Outbox::entries(const QList<qint64> &seqs) const
{
    QList<OutboxEntry> out;
    if (!d->isOpen())
        return out;
    StoreSql::forIdChunks(seqs, [&](const QString &marks, const QVariantList &values) {
        out += d->loadEntries(QStringLiteral("seq IN (%1)").arg(marks), values);
    });
    return out;
}

std::optional<OutboxEntry> Outbox::entry(qint64 seq) const
{
    if (!d->isOpen())
        return std::nullopt;
    return d->loadEntry(seq);
}

QList<OutboxEntry> Outbox::nextToSend(int limit, const QList<Entity> &excluded) const
{
    QList<OutboxEntry> out;
    if (!d->isOpen() || limit <= 0)
        return out;
    QSet<std::pair<QString, qint64>> busy;
    QSqlQuery *query
        = d->db->prepared(QStringLiteral("SELECT %1 FROM outbox WHERE state IN ('pending', 'sending')"
                                     " ORDER BY seq")
                          .arg(kEntryColumns));
    if (!d->db->run(query))
        return out;
    // Entries after one still being sent for the same record wait for it:
    // their base may be what that one makes.
    while (query->next() && out.size() < limit) {
        OutboxEntry e = OutboxPrivate::entryFromQuery(*query);
        const std::pair<QString, qint64> target { entityWireName(e.entity) + u'/' + e.scope, e.targetId };
        if (e.state == OutboxEntry::State::Sending || busy.contains(target)) {
            busy.insert(target);
            continue;
        }
        if (e.isBlocked() || excluded.contains(e.entity))
            continue;
        out.append(std::move(e));
        busy.insert(target);
    }
    query->finish();
    return out;
}

bool Outbox::markSending(qint64 seq)
{
    StoreDatabase::Transaction t(d->db);
    if (!t.ok())
        return false;
    auto e = d->loadEntry(seq);
    if (!e || e->state != OutboxEntry::State::Pending) {
        d->db->setError(QStringLiteral("outbox entry %1 is not waiting to be sent").arg(seq));
        return false;
    }
    e->state = OutboxEntry::State::Sending;
    ++e->attempts;
    if (!d->saveEntry(*e))
        return false;
    return t.commit();
}

bool Outbox::markPending(qint64 seq, const QString &note)
{
    StoreDatabase::Transaction t(d->db);
    if (!t.ok())
        return false;
    auto e = d->loadEntry(seq);
    if (!e || !e->isActive()) {
        d->db->setError(QStringLiteral("outbox entry %1 is not queued").arg(seq));
        return false;
    }
    e->state = OutboxEntry::State::Pending;
    e->lastError = note;
    if (!d->saveEntry(*e))
        return false;
    return t.commit();
}

bool Outbox::markDone(qint64 seq, const QJsonValue &answer, const QByteArray &etag)
{
    StoreDatabase::Transaction t(d->db);
    if (!t.ok())
        return false;
    auto found = d->requireEntry(seq);
    if (!found)
        return false;
    OutboxEntry e = *found;
    const QJsonObject reply = answer.toObject();
    QByteArray oldEtag;
    const auto before = d->rows->serverCopy(e.entity, e.scope, e.targetId, &oldEtag);

    qint64 target = e.targetId;
    if (e.operation == OutboxEntry::Operation::Create) {
        qint64 serverId = RecordJson::toId(reply.value(kId));
        if (serverId <= 0 && e.entity == Entity::Order)
            serverId = RecordJson::toId(reply.value(QStringLiteral("order_id")));
        if (serverId > 0 && serverId != target) {
            if (!d->rows->renameTarget(e.entity, e.scope, target, serverId))
                return false;
            target = serverId;
        }
    }

    // The server's copy after this write.
    std::optional<QJsonObject> server;
    QString why;
    const bool fullRecord = answer.isObject() && RecordJson::isValidServerRecord(e.entity, reply, &why)
        && (e.entity != Entity::GroupMember || RecordJson::toId(reply.value(kId)) == target);
    if (e.operation == OutboxEntry::Operation::Delete) {
        server.reset();
    } else if (fullRecord) {
        server = reply;
    } else if (e.operation == OutboxEntry::Operation::Create) {
        // No record in the answer (a counter order's {"order_id","total"}, a
        // membership's {"message"}): what we sent is the best copy until the
        // next pull brings the server's.
        QJsonObject record = e.overlay;
        record.insert(kId, target);
        if (e.entity == Entity::Order && reply.value(QStringLiteral("total")).isString())
            record.insert(QStringLiteral("total"), reply.value(QStringLiteral("total")));
        server = record;
    } else if (before) {
        server = RecordJson::withUpdate(e.entity, *before, e.overlay);
    }
    if (server) {
        if (!d->rows->setServerCopy(e.entity, e.scope, target, *server, etag))
            return false;
    } else if (!d->rows->removeServerCopy(e.entity, e.scope, target)) {
        return false;
    }
    if (!d->deleteEntry(seq))
        return false;

    // Later edits of the same record were made on top of this one, not on a
    // rival's change: move their base and ETag along.
    for (OutboxEntry f : d->entriesFor(e.entity, e.scope, target)) {
        if (f.seq < seq)
            continue;
        bool changed = false;
        if (f.etag == e.etag && f.etag != etag) {
            f.etag = etag;
            changed = true;
        }
        if (server && e.operation == OutboxEntry::Operation::Create) {
            // Made on a record the server did not have yet: its base is the
            // record the server just made.
            const QJsonObject &fields = f.operation == OutboxEntry::Operation::Delete ? *server : f.overlay;
            for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
                f.base.insert(it.key(), server->value(it.key()));
            changed = true;
        } else if (server) {
            for (auto it = f.base.begin(); it != f.base.end(); ++it) {
                if (e.overlay.contains(it.key())) {
                    it.value() = server->value(it.key());
                    changed = true;
                }
            }
        }
        if (changed && !d->saveEntry(f))
            return false;
    }
    if (!d->rows->recompute(e.entity, e.scope, target))
        return false;
    qCDebug(lcOutbox) << "done" << seq << commandKindName(e.command.kind) << e.targetId;
    return t.commit();
}

bool Outbox::markFailed(qint64 seq, const QString &message)
{
    StoreDatabase::Transaction t(d->db);
    if (!t.ok())
        return false;
    auto e = d->requireEntry(seq);
    if (!e)
        return false;
    e->state = OutboxEntry::State::Failed;
    e->lastError = message;
    // The row returns to the server's copy plus the other unsent edits.
    if (!d->saveAndRecompute(*e))
        return false;
    qCInfo(lcOutbox) << "refused" << seq << commandKindName(e->command.kind) << e->targetId;
    return t.commit();
}

bool Outbox::markConflict(
    qint64 seq, const QJsonObject &serverValue, const QByteArray &etag, const QString &message)
{
    StoreDatabase::Transaction t(d->db);
    if (!t.ok())
        return false;
    auto e = d->requireEntry(seq);
    if (!e)
        return false;
    e->state = OutboxEntry::State::Conflict;
    e->serverValue = serverValue;
    e->lastError = message.isEmpty() ? tr("Someone else changed this on the server first.") : message;
    QString why;
    if (!serverValue.isEmpty() && RecordJson::isValidServerRecord(e->entity, serverValue, &why)) {
        if (!d->rows->setServerCopy(e->entity, e->scope, e->targetId, serverValue, etag))
            return false;
    }
    if (!d->saveAndRecompute(*e))
        return false;
    qCInfo(lcOutbox) << "conflict" << seq << commandKindName(e->command.kind) << e->targetId;
    return t.commit();
}

bool Outbox::resolveKeepMine(qint64 seq)
{
    StoreDatabase::Transaction t(d->db);
    if (!t.ok())
        return false;
    auto e = d->loadEntry(seq);
    if (!e || e->state != OutboxEntry::State::Conflict) {
        d->db->setError(QStringLiteral("outbox entry %1 is not in conflict").arg(seq));
        return false;
    }
    QByteArray etag;
    const auto server = d->rows->serverCopy(e->entity, e->scope, e->targetId, &etag);
    if (server) {
        // The new base: the server's version the user has now seen and overruled.
        if (e->operation == OutboxEntry::Operation::Delete) {
            e->base = *server;
        } else {
            for (auto it = e->base.begin(); it != e->base.end(); ++it)
                it.value() = server->value(it.key());
        }
    }
    e->etag = etag;
    e->state = OutboxEntry::State::Pending;
    e->lastError.clear();
    e->serverValue = QJsonObject();
    if (!d->saveAndRecompute(*e))
        return false;
    return t.commit();
}

bool Outbox::resolveTakeTheirs(qint64 seq)
{
    auto e = entry(seq);
    if (!e || e->state != OutboxEntry::State::Conflict) {
        d->db->setError(QStringLiteral("outbox entry %1 is not in conflict").arg(seq));
        return false;
    }
    return discard(seq);
}

bool Outbox::retry(qint64 seq)
{
    auto found = d->requireEntry(seq);
    if (!found)
        return false;
    if (found->state == OutboxEntry::State::Conflict)
        return resolveKeepMine(seq);
    if (found->state != OutboxEntry::State::Failed)
        return true;
    StoreDatabase::Transaction t(d->db);
    if (!t.ok())
        return false;
    OutboxEntry e = *found;
    e.state = OutboxEntry::State::Pending;
    e.lastError.clear();
    if (!d->saveAndRecompute(e))
        return false;
    return t.commit();
}

bool Outbox::discard(qint64 seq)
{
    StoreDatabase::Transaction t(d->db);
    if (!t.ok())
        return false;
    auto e = d->requireEntry(seq);
    if (!e)
        return false;
    if (e->state == OutboxEntry::State::Sending) {
        d->db->setError(tr("This change is being sent right now."));
        return false;
    }
    QList<OutboxEntry> dropped;
    if (!d->dropWithDependents(*e, &dropped) || !d->rows->recomputeAll(dropped))
        return false;
    return t.commit();
}

int Outbox::pendingCount() const
{
    return d->countState(QStringLiteral("'pending', 'sending'"));
}

int Outbox::failedCount() const
{
    return d->countState(QStringLiteral("'failed'"));
}

int Outbox::conflictCount() const
{
    return d->countState(QStringLiteral("'conflict'"));
}

int Outbox::count() const
{
    return d->countState(QStringLiteral("'pending', 'sending', 'failed', 'conflict'"));
}

} // namespace LittleLemon
