#include "api/client/syncengine.h"
#include "api/client/syncengine_p.h"

#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/clienterrors.h"
#include "api/client/collectionreader.h"
#include "api/client/connectivitymonitor.h"
#include "api/client/createlookup.h"
#include "api/client/outboxrequest.h"
#include "api/client/eventsocket.h"
#include "api/client/ordertailreader.h"
#include "api/client/ratepacer.h"
#include "api/client/requestjob.h"
#include "api/client/synclog.h"
#include "models/localstore.h"
#include "models/recordjson.h"

#include <QJsonArray>

namespace LittleLemon::Client {

using namespace SyncDetail;

namespace {

// The server's own words for a refusal, field by field where it named fields:
// "delivery crew: The assigned user is not part of the 'delivery-crew' group."
QString serverWords(const ApiError &error)
{
    QStringList parts;
    const auto &fields = error.fieldErrors();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QString name = humanFieldName(it.key());
        const QString text = it.value().join(u' ');
        parts << (name.isEmpty() ? text : name + QStringLiteral(": ") + text);
    }
    if (!parts.isEmpty())
        return parts.join(QStringLiteral("; "));
    if (!error.serverMessage().trimmed().isEmpty())
        return error.serverMessage().trimmed();
    return error.userMessage();
}


} // namespace

SyncEngine::SyncEngine(ApiClient *client, LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_connectivity(new ConnectivityMonitor(client, this))
    , m_events(new EventSocket(client, this))
{
    qRegisterMetaType<SyncReport>();
    m_connectivity->setProbing(false);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(500);
    m_intervalTimer.setInterval(m_intervalMs);
    m_retryTimer.setSingleShot(true);
    m_budgetTimer.setSingleShot(true);
    m_clockSinceStart.start();
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        // A run for a local edit: it sends the edit; what others changed waits
        // for the next cycle unless the last pull is old.
        m_pushOnlyRequested = true;
        requestRun();
    });
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(m_events, &EventSocket::opened, this, [this] { onLiveChanged(true); });
    connect(m_events, &EventSocket::lost, this, [this] { onLiveChanged(false); });
    connect(m_events, &EventSocket::eventReceived, this, &SyncEngine::onLiveEvent);
    connect(m_events, &EventSocket::malformedMessage, this, [this] {
        // Something changed, in words we cannot read: the feed knows what.
        if (m_started)
            syncNow();
    });
    connect(&m_budgetTimer, &QTimer::timeout, this, [this] {
        if (m_started && m_connectivity->isOnline())
            syncNow();
    });
    connect(&m_intervalTimer, &QTimer::timeout, this, &SyncEngine::syncWithinBudget);
    connect(m_connectivity, &ConnectivityMonitor::onlineChanged, this, [this](bool online) {
        // What the server is was decided at sign-in and stays decided: asking
        // again after each outage would cost a request of the user's budget.
        updateStatus();
        Q_EMIT onlineChanged(online);
    });
    connect(m_connectivity, &ConnectivityMonitor::serverReachable, this, [this] {
        if (m_started)
            syncNow();
    });
    if (m_store) {
        connect(m_store->outbox(), &Outbox::changed, this, [this](const OutboxChange &change) {
            // Only a new local edit starts a run; our own bookkeeping changes entries too.
            if (change.inserted.isEmpty() || !m_started)
                return;
            // While offline the probes find the server; an edit changes nothing there.
            if (m_connectivity->isOnline() || m_connectivity->reason().isEmpty())
                m_debounce.start();
        });
        connect(m_store->outbox(), &Outbox::countsChanged, this, &SyncEngine::countsChanged);
    }
    if (m_client) {
        connect(m_client->session(), &AuthSession::signedIn, this, [this] {
            if (m_started)
                syncNow();
        });
    }
}

SyncEngine::~SyncEngine() = default;

ApiClient *SyncEngine::client() const
{
    return m_client;
}

void SyncEngine::setInterval(int ms)
{
    m_intervalMs = std::max(0, ms);
    m_intervalTimer.setInterval(m_intervalMs);
    if (m_intervalMs == 0 || m_live)
        m_intervalTimer.stop();
    else if (m_started)
        m_intervalTimer.start();
}

void SyncEngine::setBackoff(int initialMs, int maxMs)
{
    m_connectivity->setBackoff(initialMs, maxMs);
}

void SyncEngine::start()
{
    m_started = true;
    m_connectivity->setProbing(true);
    if (m_intervalMs > 0)
        m_intervalTimer.start();
    syncNow();
}

void SyncEngine::stop()
{
    m_started = false;
    m_debounce.stop();
    m_intervalTimer.stop();
    m_retryTimer.stop();
    m_budgetTimer.stop();
    m_connectivity->setProbing(false);
    m_events->close();
    onLiveChanged(false);
}

// ---- status -------------------------------------------------------------------

SyncEngine::Status SyncEngine::status() const
{
    if (m_running)
        return Status::Syncing;
    return m_connectivity->isOnline() ? Status::Online : Status::Offline;
}

bool SyncEngine::isOnline() const
{
    return m_connectivity->isOnline();
}

int SyncEngine::pendingCount() const
{
    return m_store ? m_store->outbox()->pendingCount() : 0;
}

int SyncEngine::failedCount() const
{
    return m_store ? m_store->outbox()->failedCount() : 0;
}

int SyncEngine::conflictCount() const
{
    return m_store ? m_store->outbox()->conflictCount() : 0;
}

QList<OutboxEntry> SyncEngine::failedEntries() const
{
    QList<OutboxEntry> out;
    if (!m_store)
        return out;
    for (const OutboxEntry &e : m_store->outbox()->entries())
        if (e.state == OutboxEntry::State::Failed)
            out << e;
    return out;
}

QList<OutboxEntry> SyncEngine::conflictEntries() const
{
    QList<OutboxEntry> out;
    if (!m_store)
        return out;
    for (const OutboxEntry &e : m_store->outbox()->entries())
        if (e.state == OutboxEntry::State::Conflict)
            out << e;
    return out;
}

QDateTime SyncEngine::lastSyncTime() const
{
    return m_store ? m_store->cache()->lastSyncTime() : QDateTime();
}

void SyncEngine::updateStatus()
{
    const Status now = status();
    if (now == m_status)
        return;
    m_status = now;
    Q_EMIT statusChanged(now);
}

void SyncEngine::setMessage(const QString &message)
{
    m_message = message;
}

void SyncEngine::setProgress(int done, int total, const QString &text)
{
    m_progressDone = done;
    m_progressTotal = total;
    m_progressText = text;
    Q_EMIT progressChanged(done, total, text);
}

bool SyncEngine::has(const QString &feature) const
{
    return m_client && m_client->hasFeature(feature);
}

// ---- conflict resolution ----------------------------------------------------------

bool SyncEngine::keepMine(qint64 seq)
{
    if (!m_store || !m_store->outbox()->resolveKeepMine(seq))
        return false;
    if (m_started)
        syncNow();
    return true;
}

bool SyncEngine::takeTheirs(qint64 seq)
{
    return m_store && m_store->outbox()->resolveTakeTheirs(seq);
}

bool SyncEngine::retry(qint64 seq)
{
    if (!m_store || !m_store->outbox()->retry(seq))
        return false;
    if (m_started)
        syncNow();
    return true;
}

bool SyncEngine::discard(qint64 seq)
{
    return m_store && m_store->outbox()->discard(seq);
}

// ---- a run --------------------------------------------------------------------------

void SyncEngine::syncNow()
{
    m_pushOnlyRequested = false;
    requestRun();
}

void SyncEngine::refreshEverything()
{
    m_everythingRequested = true;
    syncNow();
}

void SyncEngine::requestRun()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_debounce.stop();
    m_retryTimer.stop();
    m_budgetTimer.stop();
    beginRun();
}

void SyncEngine::beginRun()
{
    m_running = true;
    m_again = false;
    m_report = SyncReport();
    m_clock.start();
    m_report.pushOnly = m_pushOnlyRequested && m_intervalMs > 0 && m_pulledAt >= 0
        && m_clockSinceStart.elapsed() - m_pulledAt < m_intervalMs;
    m_pushOnlyRequested = false;
    m_runEverything = std::exchange(m_everythingRequested, false);
    m_pullPlan.clear();
    m_feedAfterFullRead = false;
    m_pushDone = 0;
    m_pushTotal = m_store ? m_store->outbox()->pendingCount() : 0;
    m_pullStartRequests = -1;
    m_tailDuringPush = false;
    m_pushRequestsSeen = 0;
    updateStatus();
    Q_EMIT syncStarted();
    if (!m_client || !m_store || !m_store->isOpen()) {
        finishRun(ClientErrors::aborted());
        return;
    }
    if (!m_client->session()->hasCredentials()) {
        const ApiError error = ClientErrors::signInRequired();
        Q_EMIT signInRequired(error.userMessage());
        finishRun(error);
        return;
    }
    setProgress(0, m_pushTotal + 1, tr("Connecting to %1").arg(m_client->endpoint().displayName()));
    if (m_client->isDiscovered()) {
        applyServerFeatures();
        pushNext();
        return;
    }
    Job<ServerMeta> *job = m_client->discover();
    connect(job, &ApiJob::finished, this, [this](const ApiError &error) {
        ++m_report.requests;
        if (error.isError()) {
            if (!stopForError(OutboxEntry(), error))
                finishRun(error);
            return;
        }
        m_connectivity->reportReachable();
        applyServerFeatures();
        pushNext();
    });
}

void SyncEngine::applyServerFeatures()
{
    // The store words edits by the server's extensions (stage or status, ...).
    const QStringList features = m_client->serverMeta().features;
    if (features != m_store->cache()->serverFeatures())
        m_store->cache()->setServerFeatures(features);
    // Who is signed in, with their groups: the CLI judges edits by it
    // before queueing them (models/permissions.h).
    const User &user = m_client->session()->user();
    if (user.id > 0) {
        const User known = m_store->cache()->currentUser();
        if (known.id != user.id || known.username != user.username || known.groups != user.groups
            || known.isStaff != user.isStaff)
            m_store->cache()->setCurrentUser(user);
    }
}

// ---- push ---------------------------------------------------------------------------

void SyncEngine::pushNext()
{
    if (!m_running)
        return;
    const QList<OutboxEntry> next = m_store->outbox()->nextToSend(1);
    if (next.isEmpty()) {
        startPull();
        return;
    }
    if (tailDueDuringPush()) {
        followOrdersDuringPush(); // comes back here when read
        return;
    }
    if (holdPushForTail())
        return;
    OutboxEntry entry = next.first();
    const bool create = entry.operation == OutboxEntry::Operation::Create;
    const bool idempotent = has(QStringLiteral("idempotency"));
    // Where a lost answer cannot be repeated safely, remember what the server
    // held before the first attempt, so a retry can tell our record from older ones.
    if (create && !idempotent && entry.attempts == 0)
        m_store->cache()->setMetaValue(watermarkKey(entry), QString::number(watermarkFor(entry.entity)));
    if (!m_store->outbox()->markSending(entry.seq)) {
        finishRun(ApiError(ApiError::Kind::Protocol, m_store->errorString()));
        return;
    }
    ++entry.attempts;
    entry.state = OutboxEntry::State::Sending;
    ++m_pushDone;
    m_pushTotal = std::max(m_pushTotal, m_pushDone);
    setProgress(m_pushDone - 1, m_pushTotal + 1,
                tr("Sending change %1 of %2: %3").arg(m_pushDone).arg(m_pushTotal).arg(entry.summary));
    qCDebug(lcSync) << "push" << entry.seq << commandKindName(entry.command.kind) << OutboxRequest::path(entry)
                    << "attempt" << entry.attempts;

    if (create) {
        if (!idempotent && entry.attempts > 1 && CreateLookup::supported(entry.entity))
            lookForCreate(entry);
        else
            send(entry, QByteArray());
        return;
    }
    const bool etagKnown = has(QStringLiteral("etag")) && !entry.etag.isEmpty();
    if (entry.targetId > 0 && entry.entity != Entity::GroupMember && !entry.base.isEmpty() && !etagKnown) {
        checkBase(entry);
        return;
    }
    send(entry, etagKnown ? entry.etag : QByteArray());
}

void SyncEngine::checkBase(const OutboxEntry &entry)
{
    RequestJob *job = m_client->send(Request::get(OutboxRequest::path(entry)));
    connect(job, &ApiJob::finished, this, [this, entry, job](const ApiError &error) {
        m_report.requests += job->sends();
        if (error.isError()) {
            if (error.kind() == ApiError::Kind::NotFound) {
                // Gone on the server: a delete has nothing left to do, an update nothing to change.
                if (entry.operation == OutboxEntry::Operation::Delete) {
                    done(entry, QJsonValue(), QByteArray());
                } else {
                    refuse(entry, error);
                    m_store->cache()->removeFromServer(entry.entity, entry.targetId, entry.scope);
                }
                pushNext();
                return;
            }
            if (stopForError(entry, error))
                return;
            refuse(entry, error);
            pushNext();
            return;
        }
        const QJsonObject server = job->json().toObject();
        const QByteArray etag = job->etag();
        QStringList changed;
        for (auto it = entry.base.constBegin(); it != entry.base.constEnd(); ++it) {
            if (server.value(it.key()) != it.value())
                changed << it.key();
        }
        if (!changed.isEmpty()) {
            // Someone changed what this edit was made on; unless they made the
            // very same change, the user decides whose wins.
            bool sameAsMine = entry.operation == OutboxEntry::Operation::Update;
            for (auto it = entry.overlay.constBegin(); sameAsMine && it != entry.overlay.constEnd(); ++it) {
                if (!it.key().startsWith(u'_') && server.value(it.key()) != it.value())
                    sameAsMine = false;
            }
            if (sameAsMine) {
                done(entry, server, etag);
            } else {
                QStringList names;
                for (const QString &field : std::as_const(changed))
                    names << humanFieldName(field);
                conflict(entry, server, etag,
                         tr("Changed on the server since this edit was made (%1).").arg(names.join(QStringLiteral(", "))));
            }
            pushNext();
            return;
        }
        send(entry, has(QStringLiteral("etag")) ? etag : QByteArray());
    });
}

void SyncEngine::lookForCreate(const OutboxEntry &entry)
{
    Request request = Request::get(OutboxRequest::path(entry));
    if (has(QStringLiteral("page_size")) && entry.entity != Entity::GroupMember)
        request.query.addQueryItem(QStringLiteral("page_size"), QString::number(m_pageSize));
    auto *reader = new CollectionReader(m_client, request, this);
    setProgress(m_progressDone, m_progressTotal, tr("Looking on the server for: %1").arg(entry.summary));
    connect(reader, &ApiJob::finished, this, [this, entry, reader](const ApiError &error) {
        m_report.requests += reader->sends();
        if (error.isError()) {
            if (stopForError(entry, error))
                return;
            // Not allowed to read the collection: sending is the only way forward.
            qCWarning(lcSync) << "cannot look for entry" << entry.seq << "on the server:" << error.serverMessage();
            send(entry, QByteArray());
            return;
        }
        const QList<QJsonObject> records = reader->result().value();
        const qint64 watermark = m_store->cache()->metaValue(watermarkKey(entry)).toLongLong();
        QList<QJsonObject> candidates;
        for (const QJsonObject &record : records) {
            const qint64 id = RecordJson::toId(record.value(kId));
            if (entry.entity != Entity::GroupMember && id <= watermark)
                continue;
            // A record the cache already held existed before this create.
            if (m_store->cache()->serverCopy(entry.entity, id, entry.scope))
                continue;
            candidates << record;
        }
        const qint64 userId = m_store->cache()->currentUserId();
        if (const auto found = CreateLookup::find(entry, candidates, watermark, userId)) {
            qCInfo(lcSync) << "entry" << entry.seq << "was already done on the server as"
                           << RecordJson::toId(found->value(kId)) << "- not sending it again";
            ++m_report.found;
            done(entry, *found, QByteArray());
            pushNext();
            return;
        }
        send(entry, QByteArray());
    });
    reader->start();
}

void SyncEngine::send(const OutboxEntry &entry, const QByteArray &ifMatch)
{
    // Method, path, body and Idempotency-Key (the entry's UUID, the same on
    // every attempt): api/client/outboxrequest.*.
    Request request = OutboxRequest::request(entry, [this](const QString &feature) { return has(feature); });
    request.ifMatch = ifMatch;
    // Without idempotency a create must not be repeated by Qt behind our back:
    // a lost answer comes back to us, and we look before sending again.
    request.silentResend = has(QStringLiteral("idempotency")) || entry.operation != OutboxEntry::Operation::Create;
    RequestJob *job = m_client->send(request);
    connect(job, &ApiJob::finished, this,
            [this, entry, job](const ApiError &error) { onSent(entry, job, error); });
}

void SyncEngine::onSent(const OutboxEntry &entry, RequestJob *job, const ApiError &error)
{
    m_report.requests += job->sends();
    if (!error.isError()) {
        done(entry, job->json(), job->etag());
        pushNext();
        return;
    }
    switch (error.kind()) {
    case ApiError::Kind::Conflict:
        // 412: the body is the server's current version.
        conflict(entry, error.body().toObject(), job->etag(), serverWords(error));
        pushNext();
        return;
    case ApiError::Kind::NotFound:
        if (entry.operation == OutboxEntry::Operation::Delete) {
            done(entry, QJsonValue(), QByteArray());
        } else {
            refuse(entry, error);
            if (entry.operation == OutboxEntry::Operation::Update)
                m_store->cache()->removeFromServer(entry.entity, entry.targetId, entry.scope);
        }
        pushNext();
        return;
    case ApiError::Kind::Protocol:
        if (job->httpStatus() >= 200 && job->httpStatus() < 300) {
            // Done, with an answer we cannot read: the pull brings the record.
            done(entry, QJsonValue(), job->etag());
            pushNext();
            return;
        }
        break;
    case ApiError::Kind::Validation:
    case ApiError::Kind::Forbidden:
        refuse(entry, error);
        pushNext();
        return;
    default:
        break;
    }
    if (stopForError(entry, error))
        return;
    refuse(entry, error);
    pushNext();
}

bool SyncEngine::stopForError(const OutboxEntry &entry, const ApiError &error)
{
    const ApiError::Kind kind = error.kind();
    const bool connection = ApiError::isUnreachable(kind);
    const bool stop = connection || kind == ApiError::Kind::Unauthorized || kind == ApiError::Kind::Server
        || kind == ApiError::Kind::Throttled || kind == ApiError::Kind::Aborted || kind == ApiError::Kind::Protocol;
    if (!stop)
        return false;
    // Not the entry's fault: back in the queue, same key, sent again later.
    if (entry.seq > 0 && !m_store->outbox()->markPending(entry.seq, connection ? QString() : error.userMessage()))
        qCWarning(lcSync) << "could not put entry" << entry.seq << "back:" << m_store->errorString();
    if (connection) {
        m_report.offline = true;
        m_connectivity->reportUnreachable(error.userMessage());
    } else if (kind == ApiError::Kind::Unauthorized) {
        Q_EMIT signInRequired(error.userMessage());
    }
    finishRun(error);
    return true;
}

void SyncEngine::refuse(const OutboxEntry &entry, const ApiError &error)
{
    const QString words = serverWords(error);
    qCInfo(lcSync) << "entry" << entry.seq << "refused:" << ApiError::kindName(error.kind()) << error.httpStatus();
    if (!m_store->outbox()->markFailed(entry.seq, words))
        qCWarning(lcSync) << "could not mark entry" << entry.seq << "failed:" << m_store->errorString();
    ++m_report.failed;
    Q_EMIT entryFailed(entry.seq, words);
}

void SyncEngine::conflict(const OutboxEntry &entry, const QJsonObject &serverValue, const QByteArray &etag,
                          const QString &message)
{
    qCInfo(lcSync) << "entry" << entry.seq << "in conflict with the server";
    if (!m_store->outbox()->markConflict(entry.seq, serverValue, etag, message))
        qCWarning(lcSync) << "could not mark entry" << entry.seq << "in conflict:" << m_store->errorString();
    ++m_report.conflicts;
    Q_EMIT entryConflict(entry.seq, message);
}

void SyncEngine::done(const OutboxEntry &entry, const QJsonValue &answer, const QByteArray &etag)
{
    if (!m_store->outbox()->markDone(entry.seq, answer, etag)) {
        qCWarning(lcSync) << "could not record entry" << entry.seq << "as done:" << m_store->errorString();
        return;
    }
    if (entry.operation == OutboxEntry::Operation::Create && !m_store->cache()->metaValue(watermarkKey(entry)).isEmpty())
        m_store->cache()->setMetaValue(watermarkKey(entry), QString());
    ++m_report.sent;
    Q_EMIT entrySent(entry.seq);
}

QString SyncEngine::watermarkKey(const OutboxEntry &entry) const
{
    return QStringLiteral("sync.create-watermark.") + entry.uuid;
}

qint64 SyncEngine::watermarkFor(Entity entity) const
{
    qint64 top = 0;
    switch (entity) {
    case Entity::Category:
        for (const auto &c : m_store->cache()->categories())
            top = std::max(top, c.record.id);
        break;
    case Entity::MenuItem:
        for (const auto &m : m_store->cache()->menuItems())
            top = std::max(top, m.record.id);
        break;
    case Entity::Order:
        for (const auto &o : m_store->cache()->orderSummaries())
            top = std::max(top, o.id);
        break;
    case Entity::Table:
        for (const auto &t : m_store->cache()->tables())
            top = std::max(top, t.record.id);
        break;
    case Entity::Booking:
    case Entity::GroupMember:
        // No list of every booking here; the cache check alone tells old from new.
        break;
    }
    return top;
}

} // namespace LittleLemon::Client
