#include "api/server/readworker.h"

#include "api/server/categorycontroller.h"
#include "api/server/changecontroller.h"
#include "api/server/database.h"
#include "api/server/httperror.h"
#include "api/server/menucontroller.h"
#include "api/server/ordercontroller.h"
#include "api/server/passwordworker.h"
#include "api/server/requestcontext.h"
#include "api/server/router.h"
#include "api/server/serverstorage.h"
#include "api/server/signinlimiter.h"
#include "api/server/tokenservice.h"

#include <QPromise>

#include <vector>

namespace LittleLemon::Server {

// Everything a read touches, owned by the worker's thread.
struct ReadWorker::Engine
{
    explicit Engine(const ServerConfig &serverConfig)
        : config(serverConfig)
        , storage(db)
        , passwords(0)
    {
        // The lists whose pages the loop caches (Backend's PageCache routes);
        // their controllers register their other routes too, never called here.
        const Services services { storage, tokens, config, passwords, signIns };
        controllers.push_back(std::make_unique<CategoryController>(services));
        controllers.push_back(std::make_unique<MenuController>(services));
        controllers.push_back(std::make_unique<OrderController>(services));
        controllers.push_back(std::make_unique<ChangeController>(services));
        for (const auto &c : controllers)
            c->registerRoutes(router);
    }

    Response answer(const Request &request, std::optional<User> user)
    {
        const auto match = router.match(request.path);
        const Router::Handler *handler = match ? match->route->handler(Request::Method::Get) : nullptr;
        if (!handler)
            throw HttpError::notFound();
        RequestContext context(request, match->params, std::move(user));
        context.setPublicUrl(config.publicUrl);
        // One snapshot: the count agrees with the page.
        Database::ReadTransaction snapshot(db);
        return (*handler)(context);
    }

    const ServerConfig config;
    Database db;
    ServerStorage storage;
    TokenService tokens;      // unused by the lists' handlers
    PasswordWorker passwords; // unused by the lists' handlers
    SignInLimiter signIns;    // unused by the lists' handlers
    Router router;
    std::vector<std::unique_ptr<Controller>> controllers;
};

ReadWorker::ReadWorker(ServerConfig config)
    : m_config(std::move(config))
{
    m_thread.setObjectName(QStringLiteral("littlelemon-reads"));
}

ReadWorker::~ReadWorker()
{
    stop();
}

bool ReadWorker::start(const Database &leader, QString *error)
{
    if (m_engine)
        return true;
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    bool ok = false;
    QString why;
    QMetaObject::invokeMethod(
        m_context,
        [this, &leader, &ok, &why] {
            auto engine = std::make_unique<Engine>(m_config);
            ok = engine->db.openFollower(leader, &why);
            if (ok)
                m_engine = engine.release();
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        stop();
        if (error)
            *error = why;
    }
    return ok;
}

void ReadWorker::stop()
{
    if (!m_context)
        return;
    // Queued behind the reads already handed over: those finish first.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            delete m_engine;
            m_engine = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
    m_context = nullptr;
}

QFuture<Response> ReadWorker::read(const Request &request, std::optional<User> user)
{
    auto promise = std::make_shared<QPromise<Response>>();
    promise->start();
    QFuture<Response> future = promise->future();
    QMetaObject::invokeMethod(
        m_context,
        [engine = m_engine, promise, request, user = std::move(user)]() mutable {
            try {
                promise->addResult(engine->answer(request, std::move(user)));
            } catch (...) {
                promise->setException(std::current_exception());
            }
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace LittleLemon::Server
