// SyncEngine's pull: the change feed on our server, paginated reads and the
// order tail on the cloud, applied to the local store.

#include "api/client/syncengine.h"
#include "api/client/syncengine_p.h"

#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/createlookup.h"
#include "api/client/outboxrequest.h"
#include "api/client/clienterrors.h"
#include "api/client/collectionreader.h"
#include "api/client/connectivitymonitor.h"
#include "api/client/ordertailreader.h"
#include "api/client/ratepacer.h"
#include "api/client/requestjob.h"
#include "api/client/synclog.h"
#include "models/localstore.h"
#include "models/recordjson.h"

#include <QJsonArray>

namespace LittleLemon::Client {

using namespace SyncDetail;

// ---- pull ---------------------------------------------------------------------------

void SyncEngine::startPull()
{
    if (!m_running)
        return;
    if (m_report.pushOnly) {
        qCDebug(lcSync) << "edit sent; the pull waits for the next cycle";
        finishRun(ApiError());
        return;
    }
    const bool feed = has(QStringLiteral("changes"));
    bool cacheEmpty = true;
    for (Entity e : allEntities())
        cacheEmpty = cacheEmpty && m_store->cache()->rowCount(e) == 0;
    // The feed from 0 only adds: a cache filled by full reads before the
    // server had the feed is read in full once, so deletions are not missed.
    if (feed && !m_runEverything && (m_store->cache()->changeSeq() > 0 || cacheEmpty)) {
        setProgress(m_pushDone, m_pushDone + 1, tr("Reading changes"));
        pullChanges(m_store->cache()->changeSeq());
        return;
    }
    m_pullStartRequests = m_report.requests;
    m_report.fullRead = true;
    m_runCatalog = feed || catalogDue();
    m_catalogRequests = 0;
    m_pullPlan = feed ? fullReadPlan() : followPlan();
    m_feedAfterFullRead = feed;
    nextFullRead();
}

bool SyncEngine::catalogDue() const
{
    return m_catalogReadAt < 0 || m_runEverything || m_everythingRequested
        || m_clockSinceStart.elapsed() - m_catalogReadAt >= m_catalogIntervalMs;
}

QList<SyncEngine::PullStep> SyncEngine::followPlan() const
{
    // The whole catalog when due; the menu alone every cycle while busy
    // (prices change while orders come in); orders always, from the tail.
    QList<PullStep> plan;
    for (const PullStep &step : fullReadPlan()) {
        const bool menu = step.entity == Entity::MenuItem;
        if (step.entity == Entity::Order || m_runCatalog || (menu && isBusy()))
            plan << step;
    }
    return plan;
}

QList<SyncEngine::PullStep> SyncEngine::fullReadPlan() const
{
    QList<PullStep> plan;
    auto add = [&plan](Entity entity, const QString &scope = QString()) {
        plan.append({ entity, scope, OutboxRequest::collectionPath(entity, scope), entity != Entity::GroupMember });
    };
    add(Entity::Category);
    add(Entity::MenuItem);
    add(Entity::Order);
    if (has(QStringLiteral("bookings")))
        add(Entity::Booking);
    if (has(QStringLiteral("tables")))
        add(Entity::Table);
    // Group lists are for managers and admins; others get 403 and skip them anyway.
    const Role role = m_client->session()->role();
    if (role == Role::Manager || role == Role::Admin) {
        add(Entity::GroupMember, kManagerGroup);
        add(Entity::GroupMember, kDeliveryCrewGroup);
        if (has(QStringLiteral("kitchen")))
            add(Entity::GroupMember, kKitchenGroup);
    } else if ((role == Role::Kitchen || role == Role::DeliveryCrew) && has(QStringLiteral("kitchen"))) {
        // Our servers let them read the crew's names, for the cards.
        add(Entity::GroupMember, kDeliveryCrewGroup);
    }
    return plan;
}

void SyncEngine::nextFullRead()
{
    if (!m_running)
        return;
    if (m_pullPlan.isEmpty()) {
        if (m_feedAfterFullRead) {
            // Where the feed stands now: read it from 0 once, then only deltas.
            m_feedAfterFullRead = false;
            pullChanges(0);
            return;
        }
        finishPull();
        return;
    }
    const PullStep step = m_pullPlan.takeFirst();
    if (step.entity == Entity::Order && !has(QStringLiteral("changes"))) {
        followOrders();
        return;
    }
    if (step.entity == Entity::MenuItem)
        m_report.catalogRead = true;
    Request request = Request::get(step.path, step.entity == Entity::MenuItem ? Request::Auth::Optional
                                                                               : Request::Auth::Required);
    if (step.paged && has(QStringLiteral("page_size")))
        request.query.addQueryItem(QStringLiteral("page_size"), QString::number(m_pageSize));
    auto *reader = new CollectionReader(m_client, request, this);
    const QString label = entityLabel(step.entity);
    const int done = m_pushDone;
    const int total = m_pushDone + m_pullPlan.size() + 1;
    setProgress(done, total, tr("Reading %1").arg(label));
    connect(reader, &ApiJob::progress, this, [this, label, done, total](qint64 page, qint64 pages) {
        setProgress(done, total, tr("Reading %1: page %2 of %3").arg(label).arg(page).arg(pages));
    });
    connect(reader, &ApiJob::finished, this, [this, step, reader](const ApiError &error) {
        m_report.requests += reader->sends();
        m_catalogRequests += reader->sends();
        if (error.isError()) {
            if (error.kind() == ApiError::Kind::Forbidden || error.kind() == ApiError::Kind::NotFound) {
                // Not this user's to read (or not on this server): nothing to mirror.
                qCInfo(lcSync).noquote() << "skipping" << step.path << ApiError::kindName(error.kind());
                nextFullRead();
                return;
            }
            if (!stopForError(OutboxEntry(), error))
                finishRun(error);
            return;
        }
        const QList<QJsonObject> records = reader->result().value();
        if (!m_store->cache()->replaceAll(step.entity, records, step.scope)) {
            finishRun(ClientErrors::unreadable(m_client->endpoint().displayName(), 200, m_store->errorString()));
            return;
        }
        m_report.pulled += int(records.size());
        nextFullRead();
    });
    reader->start();
}

void SyncEngine::followOrders()
{
    OrderTailReader::Known known;
    const QString count = m_store->cache()->metaValue(kOrdersCount);
    known.lastCount = count.isEmpty() ? -1 : count.toLongLong();
    known.pageSize = m_store->cache()->metaValue(kOrdersPageSize).toInt();
    for (const OrderSummary &o : m_store->cache()->orderSummaries()) {
        if (o.id <= 0)
            continue; // not on the server yet
        known.ids << o.id;
        const OrderStage stage = o.effectiveStage();
        if (stage != OrderStage::Delivered && stage != OrderStage::Cancelled)
            known.open.insert(o.id);
    }
    // The first read of a cache fills it: that is no sign of orders moving.
    m_followingOrders = known.lastCount >= 0;
    auto *reader = new OrderTailReader(m_client, known, m_runEverything, this);
    const int done = m_pushDone;
    const int total = m_pushDone + m_pullPlan.size() + 1;
    setProgress(done, total, tr("Reading %1").arg(entityLabel(Entity::Order)));
    connect(reader, &ApiJob::progress, this, [this, done, total](qint64 page, qint64 pages) {
        setProgress(done, total, tr("Reading %1: page %2 of %3").arg(entityLabel(Entity::Order)).arg(page).arg(pages));
    });
    connect(reader, &OrderTailReader::pageRead, this, &SyncEngine::onOrdersRead);
    connect(reader, &ApiJob::finished, this, [this, reader](const ApiError &error) {
        m_report.requests += reader->sends();
        if (error.isError()) {
            if (error.kind() == ApiError::Kind::Forbidden) {
                qCInfo(lcSync) << "skipping orders: not this user's to read";
                afterOrdersFollowed(reader->sends());
                return;
            }
            if (!stopForError(OutboxEntry(), error))
                finishRun(error);
            return;
        }
        for (qint64 id : reader->gone()) {
            m_report.changed = m_followingOrders;
            m_store->cache()->removeFromServer(Entity::Order, id);
        }
        if (reader->wasFull()) {
            // Everything was read: what the server no longer lists is gone.
            const QSet<qint64> &seen = reader->allIds();
            for (const OrderSummary &o : m_store->cache()->orderSummaries()) {
                if (o.id > 0 && !seen.contains(o.id)) {
                    m_report.changed = m_followingOrders;
                    m_store->cache()->removeFromServer(Entity::Order, o.id);
                }
            }
        }
        m_store->cache()->setMetaValue(kOrdersCount, QString::number(reader->result().value()));
        m_store->cache()->setMetaValue(kOrdersPageSize, QString::number(reader->pageSize()));
        qCInfo(lcSync) << "orders:" << (reader->wasFull() ? "read in full" : "followed from the tail") << "with"
                       << reader->sends() << "requests;" << reader->result().value() << "on the server";
        afterOrdersFollowed(reader->sends());
    });
    reader->start();
}

void SyncEngine::onOrdersRead(const QList<QJsonObject> &records)
{
    // Page by page, so the newest (open) orders are on the board while older ones still load.
    for (const QJsonObject &record : records) {
        const qint64 id = RecordJson::toId(record.value(kId));
        const auto cached = m_store->cache()->serverCopy(Entity::Order, id);
        if (cached && *cached == record)
            continue;
        m_report.changed = m_report.changed || m_followingOrders;
        if (!m_store->cache()->upsertFromServer(Entity::Order, record))
            qCWarning(lcSync) << "order" << id << "not cached:" << m_store->errorString();
        ++m_report.pulled;
    }
}

bool SyncEngine::tailDueDuringPush() const
{
    // Only where orders are followed from the tail (no feed), once that tail
    // is known (a first read is a full one), and once a cycle's worth of
    // pushing has gone by without a look at it.
    if (m_tailShare <= 0 || m_intervalMs <= 0 || m_pushDone == 0 || has(QStringLiteral("changes"))
        || m_store->cache()->metaValue(kOrdersCount).isEmpty())
        return false;
    const qint64 now = m_clockSinceStart.elapsed();
    const qint64 last = std::max(m_tailReadAt, m_pulledAt);
    if (last >= 0 && now - last < m_intervalMs)
        return false;
    return m_pullSpent.inLastMinute(now) + m_lastTailCost <= m_tailShare;
}

void SyncEngine::followOrdersDuringPush()
{
    qCDebug(lcSync) << "a tail read between two pushes," << m_store->outbox()->pendingCount() << "entries still to send";
    m_tailDuringPush = true;
    followOrders();
}

void SyncEngine::afterOrdersFollowed(int sends)
{
    const qint64 now = m_clockSinceStart.elapsed();
    m_tailReadAt = now;
    m_lastTailCost = std::max(1, sends);
    if (!std::exchange(m_tailDuringPush, false)) {
        nextFullRead();
        return;
    }
    ++m_tailReadsDuringPush;
    m_pullSpent.add(now, sends);
    m_pushRequestsSeen += sends; // not the pushes'
    Q_EMIT pulledDuringPush();
    pushNext();
}

bool SyncEngine::holdPushForTail()
{
    if (m_tailShare <= 0 || m_intervalMs <= 0 || has(QStringLiteral("changes")))
        return false;
    const qint64 now = m_clockSinceStart.elapsed();
    if (m_report.requests > m_pushRequestsSeen) {
        m_pushSpent.add(now, m_report.requests - m_pushRequestsSeen);
        m_pushRequestsSeen = m_report.requests;
    }
    const int spent = m_pushSpent.inLastMinute(now);
    const int limit = m_client ? m_client->pacer(true)->limit() : 100;
    // An entry costs two requests at most here (a read of the record, the write).
    if (spent + 2 <= std::max(2, limit - m_tailShare))
        return false;
    // Look again shortly: a tail read may fall due, or the oldest pushes age out.
    const int run = m_runs;
    QTimer::singleShot(250, this, [this, run] {
        if (m_running && m_runs == run)
            pushNext();
    });
    return true;
}

void SyncEngine::pullChanges(qint64 since)
{
    CallJob<ChangeFeed> *job = m_client->changes(since, m_changesLimit);
    job->setAutoDelete(false);
    connect(job, &ApiJob::finished, this, [this, job, since](const ApiError &error) {
        job->deleteLater();
        if (job->requestJob())
            m_report.requests += job->requestJob()->sends();
        if (error.isError()) {
            if ((error.kind() == ApiError::Kind::Validation || error.kind() == ApiError::Kind::NotFound) && since > 0) {
                // The server cannot answer from there any more: read everything once.
                qCInfo(lcSync) << "the change feed refused since" << since << "- reading everything";
                m_store->cache()->setChangeSeq(0);
                m_report.fullRead = true;
                m_pullPlan = fullReadPlan();
                m_feedAfterFullRead = true;
                nextFullRead();
                return;
            }
            if (!stopForError(OutboxEntry(), error))
                finishRun(error);
            return;
        }
        const ChangeFeed feed = job->result().value();
        if (feed.changes.isEmpty()) {
            if (feed.next > since && !m_store->cache()->applyChanges(feed)) {
                finishRun(ClientErrors::unreadable(m_client->endpoint().displayName(), 200, m_store->errorString()));
                return;
            }
            finishPull();
            return;
        }
        if (feed.next <= since) {
            finishRun(ClientErrors::unreadable(m_client->endpoint().displayName(), 200,
                                               QStringLiteral("next: %1 does not move past %2").arg(feed.next).arg(since)));
            return;
        }
        if (!m_store->cache()->applyChanges(feed)) {
            finishRun(ClientErrors::unreadable(m_client->endpoint().displayName(), 200, m_store->errorString()));
            return;
        }
        m_report.pulled += int(feed.changes.size());
        setProgress(m_progressDone, m_progressTotal, tr("Reading changes: %n applied", nullptr, m_report.pulled));
        if (feed.changes.size() < m_changesLimit) {
            // A page shorter than the limit is the end of the feed as of
            // now: no second request to hear "nothing more" (a live desk
            // would otherwise read twice for every change). What comes after
            // arrives with the next event or the next cycle, from `next`.
            finishPull();
            return;
        }
        pullChanges(feed.next);
    });
}

void SyncEngine::finishPull()
{
    m_pulledAt = m_clockSinceStart.elapsed();
    if (m_runCatalog) {
        m_catalogReadAt = m_pulledAt;
        m_lastCatalogCost = m_catalogRequests;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_store->cache()->setLastSyncTime(now);
    Q_EMIT lastSyncTimeChanged(now);
    finishRun(ApiError());
}

void SyncEngine::finishRun(const ApiError &error)
{
    if (!m_running)
        return;
    m_report.ok = !error.isError();
    m_report.error = error;
    m_report.elapsedMs = m_clock.elapsed();
    m_lastReport = m_report;
    m_running = false;
    ++m_runs;
    const qint64 at = m_clockSinceStart.elapsed();
    m_spent.add(at, m_report.requests);
    const int pullRequests = m_pullStartRequests >= 0 ? m_report.requests - m_pullStartRequests : 0;
    m_pullSpent.add(at, pullRequests);
    m_tailDuringPush = false;
    if (m_report.changed || m_report.sent > 0)
        m_changedAt = at;
    if (m_report.ok && !m_report.pushOnly && !m_runEverything && !m_runCatalog)
        // With a tail share, what the pull cost (a backlog's pushes are not what the next cycle spends).
        m_lastPullCost = std::max(1, m_tailShare > 0 && m_pullStartRequests >= 0 ? pullRequests : m_report.requests);
    m_pullStartRequests = -1;
    if (error.isError() && m_runEverything)
        m_everythingRequested = true; // not done: the next run tries again
    m_runEverything = false;
    m_runCatalog = false;
    const ApiError::Kind kind = error.kind();
    if (!error.isError()) {
        m_connectivity->reportReachable();
        setMessage(QString());
        startLiveIfOffered();
    } else if (ApiError::isUnreachable(kind)) {
        setMessage(tr("Offline: %1 Changes are kept and sent when the server is back.").arg(error.userMessage()));
    } else {
        setMessage(error.userMessage());
        if (kind == ApiError::Kind::Server || kind == ApiError::Kind::Throttled || kind == ApiError::Kind::Protocol) {
            // It answered, just not well: try again later, not at once.
            m_connectivity->reportReachable();
            const int retryAfter = error.retryAfterSeconds();
            scheduleRetry(retryAfter > 0 ? retryAfter * 1000 : m_connectivity->maxBackoff() / 4);
        }
    }
    setProgress(m_progressTotal, m_progressTotal, QString());
    qCInfo(lcSync).noquote() << "sync" << (m_report.ok ? "done" : "stopped:") << ApiError::kindName(kind)
                             << (m_report.pushOnly ? "(edits only)" : m_report.catalogRead ? "(with the menu)" : "")
                             << "sent" << m_report.sent << "found" << m_report.found << "failed" << m_report.failed
                             << "conflicts" << m_report.conflicts << "pulled" << m_report.pulled << "requests"
                             << m_report.requests << "in" << m_report.elapsedMs << "ms";
    updateStatus();
    Q_EMIT syncFinished(m_lastReport);
    if (m_again && !m_report.offline) {
        m_again = false;
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
    }
}

void SyncEngine::scheduleRetry(int ms)
{
    if (m_started)
        m_retryTimer.start(std::max(0, ms));
}

} // namespace LittleLemon::Client
