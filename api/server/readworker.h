#pragma once

#include "api/server/httprequest.h"
#include "api/server/httpresponse.h"
#include "api/server/serverconfig.h"
#include "models/user.h"

#include <QFuture>
#include <QThread>

#include <memory>
#include <optional>

namespace LittleLemon::Server {

class Database;

// The hot lists' pages (issue 16), built on a second thread: Qt HTTP Server
// 6.4 runs every connection on one event loop, and building a page of the
// menu, the orders or the change feed (SQL and JSON) was a third of that
// loop's time under bench/load. The loop still parses requests,
// authenticates, throttles, answers from the page cache, runs the writes
// and sends every answer; a cache miss on a list whose route has a page
// cache is built here instead, with its own read-only SQLite connection (a
// Database::openFollower() of the server's) and its own ServerStorage and
// controllers (the same code the loop would run), and its answer goes back
// to the loop. One thread: the machine a restaurant runs has two cores, the
// loop needs one.
class ReadWorker
{
public:
    explicit ReadWorker(ServerConfig config);
    ~ReadWorker();
    ReadWorker(const ReadWorker &) = delete;
    ReadWorker &operator=(const ReadWorker &) = delete;

    // Starts the thread and opens its connection on `leader`'s file; false
    // with *error. `leader` must outlive stop().
    bool start(const Database &leader, QString *error);
    // Finishes the reads already handed over, then ends the thread.
    void stop();
    bool isRunning() const { return m_engine != nullptr; }

    // A GET of `request.path` by `user` (already authenticated and
    // throttled by the caller), answered by the route's handler in one read
    // transaction. The future holds the Response, or the HttpError or
    // StorageError its handler threw.
    QFuture<Response> read(const Request &request, std::optional<User> user);

private:
    struct Engine;
    ServerConfig m_config;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread: where reads are posted
    Engine *m_engine = nullptr;   // made and destroyed on m_thread
};

} // namespace LittleLemon::Server
