// SyncEngine's live updates: the server's push (/api/events) and what the
// engine does when it says something changed.

#include "api/client/syncengine.h"
#include "api/client/syncengine_p.h"

#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/ratepacer.h"
#include "api/client/connectivitymonitor.h"
#include "api/client/eventsocket.h"
#include "api/client/synclog.h"
#include "models/localstore.h"

namespace LittleLemon::Client {

using namespace SyncDetail;

// ---- live updates ---------------------------------------------------------------------

void SyncEngine::setLiveEnabled(bool on)
{
    m_liveEnabled = on;
    if (!on) {
        m_events->close();
        onLiveChanged(false);
    } else {
        startLiveIfOffered();
    }
}

bool SyncEngine::isLive() const
{
    return m_live;
}

void SyncEngine::startLiveIfOffered()
{
    if (!m_started || !m_liveEnabled || !has(QStringLiteral("events")) || !m_client
        || !m_client->session()->hasCredentials())
        return;
    if (!m_events->isWanted())
        m_events->open();
    else
        m_events->retrySoon(); // the server answers again: no need to wait out the backoff
}

void SyncEngine::onLiveChanged(bool live)
{
    if (live == m_live) {
        if (live && m_started)
            syncNow(); // a fresh socket after a swap that lost the old one: read what may have passed
        return;
    }
    m_live = live;
    if (live) {
        // Pushed from now on: the interval timer rests. What happened while
        // the socket was down is read at once.
        m_intervalTimer.stop();
        m_budgetTimer.stop();
        m_connectivity->reportReachable();
        qCInfo(lcSync) << "live: changes arrive as they are made";
        if (m_started)
            syncNow();
    } else {
        if (m_started && m_intervalMs > 0 && !m_intervalTimer.isActive())
            m_intervalTimer.start();
        qCInfo(lcSync) << "not live: checking every" << m_intervalMs / 1000 << "s";
    }
    Q_EMIT liveChanged(live);
}

void SyncEngine::onLiveEvent(const LiveEvent &event)
{
    ++m_eventsReceived;
    if (!m_store || !m_started)
        return;
    Q_EMIT liveEvent(event);
    if (event.seq <= m_store->cache()->changeSeq())
        return; // already read from the feed
    // A delete needs no data: it is applied now. An upsert names the row
    // only; the feed read that follows brings its data, and everything
    // else after our position (a lost message is never a lost change).
    if (event.deleted && event.entity && *event.entity != Entity::GroupMember)
        m_store->cache()->removeFromServer(*event.entity, event.id);
    m_changedAt = m_clockSinceStart.elapsed();
    syncNow();
}

void SyncEngine::setRequestBudget(int idlePerMinute, int busyPerMinute)
{
    m_idleBudget = std::max(0, idlePerMinute);
    m_busyBudget = std::max(0, busyPerMinute);
}

int SyncEngine::requestBudget() const
{
    const int limit = m_client ? m_client->pacer(true)->limit() : 100;
    if (isBusy())
        return m_busyBudget > 0 ? m_busyBudget : std::max(1, limit / 2);
    return m_idleBudget > 0 ? m_idleBudget : std::max(1, limit / 10);
}

bool SyncEngine::isBusy() const
{
    return m_changedAt >= 0 && m_clockSinceStart.elapsed() - m_changedAt < kBusyMs;
}

void MinuteLedger::add(qint64 at, int requests)
{
    if (requests > 0)
        m_entries.append({ at, requests });
    m_entries.removeIf([at](const QPair<qint64, int> &e) { return e.first <= at - kMinuteMs; });
}

int MinuteLedger::inLastMinute(qint64 now) const
{
    int spent = 0;
    for (const auto &[at, requests] : m_entries) {
        if (at > now - kMinuteMs)
            spent += requests;
    }
    return spent;
}

qint64 MinuteLedger::roomAt(qint64 now, int more, int budget) const
{
    int spent = inLastMinute(now);
    qint64 at = now;
    for (const auto &[when, requests] : m_entries) {
        if (spent + more <= budget)
            break;
        if (when <= now - kMinuteMs)
            continue;
        spent -= requests;
        at = when + kMinuteMs;
    }
    return at;
}

void SyncEngine::syncWithinBudget()
{
    if (!m_connectivity->isOnline() || m_running || m_budgetTimer.isActive())
        return;
    const qint64 now = m_clockSinceStart.elapsed();
    const int budget = requestBudget();
    const bool catalog = !has(QStringLiteral("changes")) && catalogDue();
    const int expected = std::min(budget, m_lastPullCost + (catalog ? m_lastCatalogCost : 0));
    const int spent = m_spent.inLastMinute(now);
    // The tail share: pushes of a backlog do not hold the orders' tail back.
    const bool inTailShare = m_tailShare > 0 && !has(QStringLiteral("changes"))
        && m_pullSpent.inLastMinute(now) + expected <= m_tailShare;
    if (spent + expected <= budget || inTailShare) {
        syncNow();
        return;
    }
    if (m_tailShare > 0)
        return; // the next interval looks again: the share may fit before the budget does
    // Wait until enough of the last minute's requests have aged out of it.
    const qint64 at = m_spent.roomAt(now, expected, budget);
    qCDebug(lcSync) << "next cycle in" << (at - now) << "ms: the last minute used" << spent
                    << "of a budget of" << budget << "requests";
    m_budgetTimer.start(int(std::max<qint64>(0, at - now)));
}

} // namespace LittleLemon::Client
