#pragma once

#include "api/server/httprequest.h"
#include "api/server/httpresponse.h"
#include "api/server/router.h"
#include "api/server/serverconfig.h"

#include <memory>

namespace LittleLemon::Server {

// The server without sockets: a Request in, a Response out, through the
// routes of every controller. This is what the HTTP adapter feeds, what a
// fuzzer drives directly, and the one place that turns typed errors into
// JSON answers and writes the per-request log line.
class Backend
{
public:
    explicit Backend(ServerConfig config);
    ~Backend();
    Backend(const Backend &) = delete;
    Backend &operator=(const Backend &) = delete;

    // Opens (or creates) the data directory and database. False with *error on failure.
    bool open(QString *error);

    Response handle(const Request &request);

    const ServerConfig &config() const { return m_config; }

private:
    Response dispatch(const Request &request);
    void registerRoutes();

    ServerConfig m_config;
    Router m_router;
};

} // namespace LittleLemon::Server
