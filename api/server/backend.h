#pragma once

#include "api/server/database.h"
#include "api/server/httprequest.h"
#include "api/server/idempotencystore.h"
#include "api/server/httpresponse.h"
#include "api/server/router.h"
#include "api/server/serverconfig.h"
#include "api/server/passwordworker.h"
#include "api/server/readworker.h"
#include "api/server/serverstorage.h"
#include "api/server/signinlimiter.h"
#include "api/server/throttle.h"
#include "api/server/tokenservice.h"
#include "models/user.h"

#include <QElapsedTimer>
#include <QPromise>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace LittleLemon::Server {

class Controller;

// The server without sockets: a Request in, a Response out, through the
// routes of every controller. This is what the HTTP adapter feeds, what a
// fuzzer drives directly, and the one place that authenticates, throttles,
// turns typed errors into JSON answers and writes the per-request log line.
//
// Order per request, as DRF's APIView runs it: route (404), body size (413),
// authentication (401 for a bad token), the route's own login requirement
// (401), throttling (429), method (405), then the handler.
//
// Where the server's extensions plug in: a signed-in write with an
// Idempotency-Key runs in dispatch() inside one BEGIN IMMEDIATE transaction
// with the key's lookup and the storing of its answer (a repeat gets the
// stored answer, never a second run); If-Match is checked by each
// controller against the resource's current representation (ETag) just
// before it writes; the change log is appended by ServerStorage inside the
// transaction of each write; the /api/events WebSocket is a route the HTTP
// adapter upgrades (ConnectionGuard already steps aside on Upgrade) and
// hands to an EventHub.
// The throttle keys anonymous clients on the peer address, never on
// X-Forwarded-For (which DRF trusts by default and anyone can forge).
class Backend
{
public:
    explicit Backend(ServerConfig config);
    ~Backend();
    Backend(const Backend &) = delete;
    Backend &operator=(const Backend &) = delete;

    // Opens (or creates) the data directory, the database and the signing secret.
    bool open(QString *error);

    // The answer, or one that comes later (Response::pending: a password
    // being checked on PasswordWorker's threads) with the same error
    // handling and log line.
    Response handle(const Request &request);

    const ServerConfig &config() const { return m_config; }
    ServerStorage &storage() { return m_storage; }
    TokenService &tokens() { return m_tokens; }
    Database &database() { return m_db; }

    // The `events` extension is listed in /api/meta only while an event hub
    // serves /api/events for this backend.
    void setEventsServed(bool served) { m_eventsServed = served; }
    bool eventsServed() const { return m_eventsServed; }
    // The hub (issue 19): the `upstream` object of /api/meta, as JSON
    // ({"url","state","since","waiting",...}); unset: no upstream, no key.
    void setUpstreamStatus(std::function<QByteArray()> status) { m_upstreamStatus = std::move(status); }
    // Called after every write request that succeeded (the event hub looks
    // for new changes then, instead of waiting for its timer).
    void setAfterWrite(std::function<void()> callback) { m_afterWrite = std::move(callback); }

    // An access token in an Authorization header ("Bearer ..."), checked as
    // a request's would be: the user, and in *expires the token's expiry
    // (seconds since the epoch); nullopt with *why (for people) otherwise.
    std::optional<User> verifyBearer(const QByteArray &authorization, qint64 *expires, QString *why);
    // Group commit's figures: batches committed (one sync each) and the
    // writes they carried.
    qint64 batches() const { return m_batches; }
    qint64 batchedWrites() const { return m_batchedWrites; }

    // A user by id, from the cache requests use (fresh after any commit).
    std::optional<UserRecord> userRecord(qint64 id) { return cachedUser(id); }
    // The database's path inside a data directory.
    static QString databasePath(const QString &dataDir);
    // Makes the data directory (0700), its database with -wal/-shm and its
    // signing secret (0600) the owner's alone; the log says what changed.
    static void makePrivate(const QString &dataDir);

private:
    Response dispatch(const Request &request);
    // `work`'s answer, or the JSON answer of what it threw.
    Response answer(const Request &request, const std::function<Response()> &work);
    // The after-write hook and the request's log line.
    void finish(const Request &request, const Response &response, qint64 elapsedNs);
    std::optional<User> authenticate(const QByteArray &authorization);
    std::optional<UserRecord> cachedUser(qint64 id);
    // The page cache's key for this request and caller (empty: not cacheable).
    static QByteArray pageKey(const Request &request, const Router::Route &route, const User *user);
    void throttle(const Request &request, const std::optional<User> &user);
    // A page-cache miss handed to m_reads; cached when it comes back.
    Response readElsewhere(const Request &request, const RequestContext &context, const QByteArray &allow,
                           const QByteArray &pageCacheKey);
    // `answer` with the route's Allow header, on its refusals too.
    QFuture<Response> withAllow(QFuture<Response> answer, const QByteArray &allow);
    // Into the page cache (m_pages), which it keeps bounded.
    void keepPage(const QByteArray &pageCacheKey, const Response &response);
    Response idempotent(const Router::Handler &handler, RequestContext &context, const QByteArray &key);

    // Group commit: a write waiting for its batch, then for the batch's sync.
    struct PendingWrite
    {
        Request request;
        QElapsedTimer timer;
        std::shared_ptr<QPromise<Response>> promise;
        Response answer;
    };
    Response enqueueWrite(const Request &request);
    void scheduleFlush();
    // Runs every queued write in one transaction (a savepoint each), then
    // commits it off this thread.
    void flushWrites();
    // Answers the batch whose sync finished (m_syncing), then starts the next.
    void completeBatch();
    // Called at every request: completes a batch whose sync has finished.
    void pollBatch();
    void deliver(PendingWrite &write, Response response);

    ServerConfig m_config;
    Database m_db;
    ServerStorage m_storage;
    TokenService m_tokens;
    IdempotencyStore m_idempotency;
    // Also the context the continuations of pending answers run in.
    PasswordWorker m_passwords;
    SignInLimiter m_signIns;
    bool m_eventsServed = false;
    std::function<void()> m_afterWrite;
    std::function<QByteArray()> m_upstreamStatus;
    Throttle m_throttle;
    QElapsedTimer m_clock;
    Router m_router;
    std::vector<std::unique_ptr<Controller>> m_controllers;
    // Users by id for authentication, valid while the tables they are read
    // from stand still (Database::watchTable: any change to them, ours or
    // another process's, clears it; without a reader, any commit does).
    QHash<qint64, UserRecord> m_users;
    static constexpr std::array<const char *, 3> kUserTables { "users", "groups", "user_groups" };
    using UsersVersion = std::array<qint64, 4>; // each table's version, or {-1, -1, -1, generation}
    UsersVersion m_usersVersion { -1, -1, -1, -1 };
    // The database generation a read request saw at its start (-1 outside one).
    qint64 m_readGeneration = -1;
    // Encoded answers of list pages (GET, 200) by pageKey(), valid for one
    // database generation: any commit, ours or a command-line tool's, drops them.
    QHash<QByteArray, Response> m_pages;
    qint64 m_pagesGeneration = -1;
    // ServerConfig::readThread: page-cache misses of the hot lists are built there.
    std::unique_ptr<ReadWorker> m_reads;
    std::vector<std::shared_ptr<PendingWrite>> m_queued;
    bool m_flushScheduled = false;
    // The batch being committed and synced (serial 0: none).
    std::vector<std::shared_ptr<PendingWrite>> m_syncing;
    qint64 m_syncingSerial = 0;
    QFuture<Database::CommitResult> m_syncDone;
    qint64 m_batches = 0;
    qint64 m_batchedWrites = 0;
};

} // namespace LittleLemon::Server
