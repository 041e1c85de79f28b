#pragma once

#include "api/server/database.h"
#include "api/server/httprequest.h"
#include "api/server/httpresponse.h"
#include "api/server/router.h"
#include "api/server/serverconfig.h"
#include "api/server/serverstorage.h"
#include "api/server/throttle.h"
#include "api/server/tokenservice.h"
#include "models/user.h"

#include <QElapsedTimer>

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
// Where the server's extensions plug in: Idempotency-Key and If-Match/ETag
// checks wrap the handler call in dispatch() (a write and its stored answer
// in one transaction); the change log is appended by ServerStorage inside
// the transaction of each write; the /api/events WebSocket is a route the
// HTTP adapter upgrades (ConnectionGuard already steps aside on Upgrade).
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

    Response handle(const Request &request);

    const ServerConfig &config() const { return m_config; }
    ServerStorage &storage() { return m_storage; }
    TokenService &tokens() { return m_tokens; }
    Database &database() { return m_db; }
    // The database's path inside a data directory.
    static QString databasePath(const QString &dataDir);

private:
    Response dispatch(const Request &request);
    std::optional<User> authenticate(const QByteArray &authorization);
    std::optional<UserRecord> cachedUser(qint64 id);
    void throttle(const Request &request, const std::optional<User> &user);

    ServerConfig m_config;
    Database m_db;
    ServerStorage m_storage;
    TokenService m_tokens;
    Throttle m_throttle;
    QElapsedTimer m_clock;
    Router m_router;
    std::vector<std::unique_ptr<Controller>> m_controllers;
    // Users by id for authentication, valid while the database generation
    // stands still (any commit, ours or a command-line tool's, clears it).
    QHash<qint64, UserRecord> m_users;
    qint64 m_usersGeneration = -1;
};

} // namespace LittleLemon::Server
