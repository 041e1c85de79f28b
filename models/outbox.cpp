// Outbox: the entries, queueing, and the state machine the sync engine
// drives. The edits that fill it are in outboxedits.cpp.

#include "models/outbox.h"

#include "models/outbox_p.h"
#include "models/recordjson.h"

Q_LOGGING_CATEGORY(lcOutbox, "littlelemon.store.outbox")

namespace LittleLemon {

using StoreSql::text;

namespace {
const QString kId = QStringLiteral("id");
// One state change of entry `seq` in one transaction: the entry is found
// (and is `wanted`), `change` changes it (false rolls it all back), commit.
template<typename Change>
bool changeEntry(OutboxPrivate *d, qint64 seq, Change &&change, const QString &why = OutboxPrivate::kNoEntry,
    const std::function<bool(const OutboxEntry &)> &wanted = {})
{
    StoreDatabase::Transaction t(d->db);
    if (!t.ok())
        return false;
    auto e = d->requireEntry(seq, why, wanted);
    return e && change(*e) && t.commit();
}

// A new entry: what the record is and what is done to it.
OutboxEntry newEntry(Entity entity, const QString &scope, qint64 id, OutboxEntry::Operation operation,
    const OutboxCommand &command)
{
    OutboxEntry e;
    e.entity = entity;
    e.scope = scope;
    e.targetId = id;
    e.operation = operation;
    e.command = command;
    return e;
}
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
    OutboxEntry e = newEntry(entity, scope, id, OutboxEntry::Operation::Update, command);
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
    OutboxEntry e = newEntry(entity, scope, id, OutboxEntry::Operation::Create, command);
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
    OutboxEntry e = newEntry(entity, scope, id, OutboxEntry::Operation::Delete,
                             OutboxCommand::make(OutboxCommand::Kind::Delete));
    if (server) {
        e.base = *server;
        e.etag = etag;
    }
    e.summary = summary;
    return queue(t, e);
}

// ---- the queue, for the sync engine -----------------------------------------------------

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
        = d->db->prepared(OutboxPrivate::entrySelect(QStringLiteral("state IN ('pending', 'sending')")));
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
    return changeEntry(
        d.get(), seq,
        [this](OutboxEntry &e) {
            e.state = OutboxEntry::State::Sending;
            ++e.attempts;
            return d->saveEntry(e);
        },
        QStringLiteral("outbox entry %1 is not waiting to be sent"),
        [](const OutboxEntry &e) { return e.state == OutboxEntry::State::Pending; });
}

bool Outbox::markPending(qint64 seq, const QString &note)
{
    return changeEntry(
        d.get(), seq,
        [this, &note](OutboxEntry &e) {
            e.state = OutboxEntry::State::Pending;
            e.lastError = note;
            return d->saveEntry(e);
        },
        QStringLiteral("outbox entry %1 is not queued"), [](const OutboxEntry &e) { return e.isActive(); });
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
    return changeEntry(d.get(), seq, [this, &message](OutboxEntry &e) {
        e.state = OutboxEntry::State::Failed;
        e.lastError = message;
        // The row returns to the server's copy plus the other unsent edits.
        if (!d->saveAndRecompute(e))
            return false;
        qCInfo(lcOutbox) << "refused" << e.seq << commandKindName(e.command.kind) << e.targetId;
        return true;
    });
}

bool Outbox::markConflict(
    qint64 seq, const QJsonObject &serverValue, const QByteArray &etag, const QString &message)
{
    return changeEntry(d.get(), seq, [&](OutboxEntry &e) {
        e.state = OutboxEntry::State::Conflict;
        e.serverValue = serverValue;
        e.lastError = message.isEmpty() ? tr("Someone else changed this on the server first.") : message;
        QString why;
        if (!serverValue.isEmpty() && RecordJson::isValidServerRecord(e.entity, serverValue, &why)) {
            if (!d->rows->setServerCopy(e.entity, e.scope, e.targetId, serverValue, etag))
                return false;
        }
        if (!d->saveAndRecompute(e))
            return false;
        qCInfo(lcOutbox) << "conflict" << e.seq << commandKindName(e.command.kind) << e.targetId;
        return true;
    });
}

bool Outbox::resolveKeepMine(qint64 seq)
{
    return changeEntry(
        d.get(), seq,
        [this](OutboxEntry &e) {
            QByteArray etag;
            const auto server = d->rows->serverCopy(e.entity, e.scope, e.targetId, &etag);
            if (server) {
                // The new base: the server's version the user has now seen and overruled.
                if (e.operation == OutboxEntry::Operation::Delete) {
                    e.base = *server;
                } else {
                    for (auto it = e.base.begin(); it != e.base.end(); ++it)
                        it.value() = server->value(it.key());
                }
            }
            e.etag = etag;
            e.state = OutboxEntry::State::Pending;
            e.lastError.clear();
            e.serverValue = QJsonObject();
            return d->saveAndRecompute(e);
        },
        OutboxPrivate::kNotInConflict, OutboxPrivate::inConflict);
}

bool Outbox::resolveTakeTheirs(qint64 seq)
{
    return d->requireEntry(seq, OutboxPrivate::kNotInConflict, OutboxPrivate::inConflict) && discard(seq);
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
    return changeEntry(d.get(), seq, [this](OutboxEntry &e) {
        if (e.state == OutboxEntry::State::Sending) {
            d->db->setError(tr("This change is being sent right now."));
            return false;
        }
        QList<OutboxEntry> dropped;
        return d->dropWithDependents(e, &dropped) && d->rows->recomputeAll(dropped);
    });
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
