#pragma once

#include "models/apierror.h"
#include "models/entity.h"
#include "models/localstore.h"
#include "models/outboxentry.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace LittleLemon::Client {

class ApiClient;
class ApiJob;
class ConnectivityMonitor;
class EventSocket;
class RequestJob;
struct LiveEvent;

// What one sync run did.
struct SyncReport
{
    bool ok = false;      // the outbox was pushed as far as it could go and the cache pulled
    bool offline = false; // stopped because the server could not be reached
    ApiError error;       // why it stopped early (offline, signed out, server trouble)
    int sent = 0;         // outbox entries the server took
    int found = 0;        // lost creates found on the server instead of being sent again
    int failed = 0;       // entries the server refused in this run
    int conflicts = 0;    // entries found in conflict in this run
    int pulled = 0;       // records read (full reads) or changes applied (feed)
    bool fullRead = false; // pulled with paginated reads rather than /api/changes
    bool pushOnly = false; // a run for a local edit that left the pull to the next cycle
    bool catalogRead = false; // menu (and categories, staff) read in this run
    bool changed = false;  // the pull brought something the cache did not have
    int requests = 0;     // HTTP requests this run sent (retries included)
    qint64 elapsedMs = 0;
};

// Keeps one LocalStore and one server in step: pushes the outbox in order,
// then pulls what changed, so the user's edits reach the server exactly once
// and the cache shows the server's state.
//
// Push: each entry is sent with its UUID as Idempotency-Key and its base ETag
// as If-Match where the server offers those extensions. A write whose answer
// was lost is sent again with the same key; against a server without
// idempotency (the cloud) a create that may have been done is first looked
// for on the server. Where the server has no ETag for the record, the
// record's current fields are read and compared with the edit's base before
// writing: a change someone else made in between is a conflict, kept for the
// user (keepMine / takeTheirs), never silently overwritten. A refusal (400,
// 403, 404) marks the entry failed with the server's own words and the cache
// shows the server's value again.
//
// Pull: GET /api/changes from the last sequence where the server has it (one
// request when nothing changed). Without the feed (the cloud) every request
// counts against the user's 100 a minute, which the same user's other
// devices share: orders are followed from the tail of the list
// (OrderTailReader: a few requests a cycle, not every page); the menu,
// categories and staff lists are read in full on the first run after sign-in,
// on refreshEverything(), every cycle while orders are moving (busy), and
// otherwise every catalogInterval().
//
// When: on start(), shortly after every local edit (debounced; such a run
// only pushes when the last pull is less than an interval old), every
// interval() while online, and as soon as the server is reachable again
// (ConnectivityMonitor: QNetworkInformation where available, and /health
// probes with exponential backoff capped at 60 s). Interval runs also keep
// within a request budget: at most requestBudget() requests in any minute
// (a tenth of the user's limit when idle, half while busy), so an idle desk
// leaves the user's other devices nearly all of it. Offline is a state, not
// an error. Everything is asynchronous; nothing here waits in a nested loop.
// Requests spent at moments of a monotonic clock (ms), kept for a minute:
// how many the last minute holds, and when enough of them will have aged
// out of it. One ledger each for all requests, the pulls and the pushes.
class MinuteLedger
{
public:
    // Records `requests` spent at `at` (none: nothing) and forgets what is a minute older.
    void add(qint64 at, int requests);
    int inLastMinute(qint64 now) const;
    // The first moment from `now` on when `more` requests keep within `budget`.
    qint64 roomAt(qint64 now, int more, int budget) const;

private:
    QList<QPair<qint64, int>> m_entries;
};

class SyncEngine : public QObject
{
    Q_OBJECT

public:
    enum class Status { Offline, Online, Syncing };
    Q_ENUM(Status)

    SyncEngine(ApiClient *client, LocalStore *store, QObject *parent = nullptr);
    ~SyncEngine() override;

    ApiClient *client() const;
    LocalStore *store() const { return m_store; }
    ConnectivityMonitor *connectivity() const { return m_connectivity; }
    EventSocket *events() const { return m_events; }

    // --- settings ------------------------------------------------------------
    // Sync every `ms` while online (default 15 s); 0: only on edits and reconnects.
    void setInterval(int ms);
    int interval() const { return m_intervalMs; }
    // Quiet time after a local edit before syncing (default 500 ms), so a burst of edits goes in one run.
    void setDebounce(int ms) { m_debounce.setInterval(std::max(0, ms)); }
    int debounce() const { return m_debounce.interval(); }
    // Backoff while the server is unreachable: first delay, and the cap (default 1 s, 60 s).
    void setBackoff(int initialMs, int maxMs);
    // Records per page of a full read, where the server offers page_size (1..500, default 500).
    void setPageSize(int records) { m_pageSize = std::clamp(records, 1, 500); }
    int pageSize() const { return m_pageSize; }
    // Changes asked for per /api/changes request (default 1000).
    void setChangesLimit(int limit) { m_changesLimit = std::max(1, limit); }
    int changesLimit() const { return m_changesLimit; }
    // Without a change feed: how often an idle desk re-reads the menu,
    // categories and staff (default 5 minutes).
    void setCatalogInterval(int ms) { m_catalogIntervalMs = std::max(0, ms); }
    int catalogInterval() const { return m_catalogIntervalMs; }
    // Requests a minute interval runs may use, idle and busy; 0 (default):
    // a tenth and a half of the server's limit for a signed-in user.
    void setRequestBudget(int idlePerMinute, int busyPerMinute);
    // The budget that applies now.
    int requestBudget() const;
    // Without a change feed: requests a minute kept for following the
    // orders' tail while a backlog of edits goes up (0, the default: the
    // outbox first, then the pull). With a share, a push that lasts longer
    // than interval() stops between two entries for a tail read (when the
    // tail's reads of the last minute leave room for one), and an interval
    // run may start when the pulls of the last minute fit in the share even
    // if the pushes spent the rest of the budget; the pushes of one minute
    // keep to the server's limit less the share (a backlog no longer fills
    // the pacer's whole window at once). The order of the outbox is
    // untouched; the pacer still holds every request within the server's rate.
    void setTailShare(int requestsPerMinute) { m_tailShare = std::max(0, requestsPerMinute); }
    int tailShare() const { return m_tailShare; }
    // Tail reads done between two entries of a push (for tests and benches).
    int tailReadsDuringPush() const { return m_tailReadsDuringPush; }
    // Orders changed (or an edit went up) within the last two minutes.
    bool isBusy() const;

    // Live updates (the server's `events` extension): on by default; off
    // polls as on the cloud whatever the server offers.
    void setLiveEnabled(bool on);
    bool isLiveEnabled() const { return m_liveEnabled; }
    // The event socket is up: changes arrive as they are made, the interval
    // timer rests. False on the cloud and while the socket is down (then
    // the engine polls every interval()).
    bool isLive() const;
    // Events received, and events that started a read of the change feed.
    int eventsReceived() const { return m_eventsReceived; }

    // --- running -------------------------------------------------------------
    // Syncs now and from then on by itself (edits, interval, reconnects).
    void start();
    // No more syncs by itself; a run under way goes on to its end.
    void stop();
    bool isStarted() const { return m_started; }

    // --- status (for the status bar) ------------------------------------------
    Status status() const;
    bool isOnline() const;
    bool isSyncing() const { return m_running; }
    int pendingCount() const;
    int failedCount() const;
    int conflictCount() const;
    QList<OutboxEntry> failedEntries() const;
    QList<OutboxEntry> conflictEntries() const;
    // When the last run that pushed and pulled everything ended (UTC); invalid if never.
    QDateTime lastSyncTime() const;
    // One sentence for a person: "Offline: cannot reach …", "Signed out", "" when all is well.
    QString statusMessage() const { return m_message; }
    // Steps of the run under way: done, total, and what is happening now.
    int progressDone() const { return m_progressDone; }
    int progressTotal() const { return m_progressTotal; }
    QString progressText() const { return m_progressText; }
    const SyncReport &lastReport() const { return m_lastReport; }
    // Runs finished since this engine was made.
    int runCount() const { return m_runs; }

public Q_SLOTS:
    // A run now (or right after the one under way).
    void syncNow();
    // A run that reads everything again, every order included (on the cloud
    // that is a request per three orders: for a person's explicit "refresh everything").
    void refreshEverything();
    // Conflict resolution: send mine again on top of the server's version, or
    // take the server's and drop mine. Both start a run.
    bool keepMine(qint64 seq);
    bool takeTheirs(qint64 seq);
    // A refused entry back in the queue as it was; forget an entry.
    bool retry(qint64 seq);
    bool discard(qint64 seq);

Q_SIGNALS:
    void statusChanged(LittleLemon::Client::SyncEngine::Status status);
    void onlineChanged(bool online);
    void syncStarted();
    void syncFinished(const LittleLemon::Client::SyncReport &report);
    void progressChanged(int done, int total, const QString &text);
    void countsChanged(int pending, int failed, int conflicts);
    void lastSyncTimeChanged(const QDateTime &when);
    void entrySent(qint64 seq);
    void entryFailed(qint64 seq, const QString &message);
    void entryConflict(qint64 seq, const QString &message);
    // The session is over (or never began): nothing can be sent until the user signs in.
    void signInRequired(const QString &message);
    // The event socket came up (true) or went down (false).
    void liveChanged(bool live);
    // A change another terminal made, as the server announced it, before it
    // is read (the run that reads it follows at once).
    void liveEvent(const LittleLemon::Client::LiveEvent &event);
    // A tail read between two entries of a long push put what it read in
    // the cache (the run goes on pushing; syncFinished comes at its end).
    void pulledDuringPush();

private:
    struct PullStep
    {
        Entity entity;
        QString scope;
        QString path;
        bool paged = true;
    };

    bool has(const QString &feature) const;
    void updateStatus();
    void setMessage(const QString &message);
    void setProgress(int done, int total, const QString &text);

    void requestRun();
    void beginRun();
    void applyServerFeatures();
    void pushNext();
    void checkBase(const OutboxEntry &entry);
    void lookForCreate(const OutboxEntry &entry);
    void send(const OutboxEntry &entry, const QByteArray &ifMatch);
    void onSent(const OutboxEntry &entry, RequestJob *job, const ApiError &error);
    // A failed exchange that is about the connection or the session, not the
    // entry: the entry goes back in the queue and the run stops. False when
    // `error` is about the entry itself.
    bool stopForError(const OutboxEntry &entry, const ApiError &error);
    void refuse(const OutboxEntry &entry, const ApiError &error);
    void conflict(const OutboxEntry &entry, const QJsonObject &serverValue, const QByteArray &etag,
                  const QString &message);
    void done(const OutboxEntry &entry, const QJsonValue &answer, const QByteArray &etag);
    qint64 watermarkFor(Entity entity) const;
    QString watermarkKey(const OutboxEntry &entry) const;

    void startPull();
    QList<PullStep> fullReadPlan() const;
    // Without a change feed: orders from the tail, the catalog when due.
    QList<PullStep> followPlan() const;
    bool catalogDue() const;
    void nextFullRead();
    void followOrders();
    void onOrdersRead(const QList<QJsonObject> &records);
    // The tail share (setTailShare): a read of the orders' tail due between two pushes.
    bool tailDueDuringPush() const;
    void followOrdersDuringPush();
    void afterOrdersFollowed(int sends);
    // The pushes of a backlog keep off the tail share: true when the next
    // entry waits (pushNext comes back by itself).
    bool holdPushForTail();
    // Interval runs: now when the budget allows, else when it will.
    void syncWithinBudget();
    void pullChanges(qint64 since);
    void finishPull();
    void finishRun(const ApiError &error);
    void scheduleRetry(int ms);
    void onLiveEvent(const LiveEvent &event);
    void onLiveChanged(bool live);
    void startLiveIfOffered();

    QPointer<ApiClient> m_client;
    QPointer<LocalStore> m_store;
    ConnectivityMonitor *m_connectivity;
    EventSocket *m_events;
    bool m_liveEnabled = true;
    bool m_live = false;
    int m_eventsReceived = 0;
    QTimer m_debounce;
    QTimer m_intervalTimer;
    QTimer m_retryTimer;
    QTimer m_budgetTimer;
    int m_intervalMs = 15000;
    int m_catalogIntervalMs = 5 * 60 * 1000;
    int m_idleBudget = 0;
    int m_busyBudget = 0;
    bool m_pushOnlyRequested = false;
    bool m_everythingRequested = false;
    bool m_runEverything = false;
    QElapsedTimer m_clockSinceStart;
    qint64 m_catalogReadAt = -1;  // m_clockSinceStart ms; -1: not in this engine's life
    qint64 m_pulledAt = -1;
    qint64 m_changedAt = -1;
    int m_lastPullCost = 1;    // requests of the last cycle that followed orders only
    int m_lastCatalogCost = 0; // requests the menu, categories and staff took the last time
    bool m_runCatalog = false; // this run reads the whole catalog
    int m_catalogRequests = 0;
    bool m_followingOrders = false; // the cache held orders before this read
    MinuteLedger m_spent; // requests of recent runs (m_clockSinceStart ms)
    // The tail share: pull requests of recent runs and tail reads, as m_spent.
    int m_tailShare = 0;
    MinuteLedger m_pullSpent;
    qint64 m_tailReadAt = -1;      // m_clockSinceStart ms of the last orders' tail read
    int m_lastTailCost = 1;
    int m_pullStartRequests = -1;  // m_report.requests when the run's pull began
    bool m_tailDuringPush = false; // the orders read under way is between two pushes
    int m_tailReadsDuringPush = 0;
    MinuteLedger m_pushSpent; // requests of pushed entries
    int m_pushRequestsSeen = 0;            // m_report.requests already put in m_pushSpent
    int m_pageSize = 500;
    int m_changesLimit = 1000;
    bool m_started = false;
    bool m_running = false;
    bool m_again = false;
    Status m_status = Status::Offline;
    QString m_message;
    int m_runs = 0;

    // The run under way.
    SyncReport m_report;
    QElapsedTimer m_clock;
    QList<PullStep> m_pullPlan;
    bool m_feedAfterFullRead = false;
    int m_pushTotal = 0;
    int m_pushDone = 0;
    int m_progressDone = 0;
    int m_progressTotal = 0;
    QString m_progressText;
    SyncReport m_lastReport;
};

} // namespace LittleLemon::Client

Q_DECLARE_METATYPE(LittleLemon::Client::SyncReport)
