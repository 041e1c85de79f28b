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
class RequestJob;

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
// request when nothing changed), else every collection read page by page
// (page_size where offered) and replaced into the cache in one transaction
// per collection, so deletions on the server are seen too.
//
// When: on start(), shortly after every local edit (debounced), every
// interval() while online, and as soon as the server is reachable again
// (ConnectivityMonitor: QNetworkInformation where available, and /health
// probes with exponential backoff capped at 60 s). Offline is a state, not an
// error. Everything is asynchronous; nothing here waits in a nested loop.
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
    void nextFullRead();
    void pullChanges(qint64 since);
    void finishPull();
    void finishRun(const ApiError &error);
    void scheduleRetry(int ms);

    QPointer<ApiClient> m_client;
    QPointer<LocalStore> m_store;
    ConnectivityMonitor *m_connectivity;
    QTimer m_debounce;
    QTimer m_intervalTimer;
    QTimer m_retryTimer;
    int m_intervalMs = 15000;
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
