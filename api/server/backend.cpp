#include "api/server/backend.h"

#include "api/server/httperror.h"
#include "api/server/requestcontext.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>

namespace LittleLemon::Server {

Q_LOGGING_CATEGORY(lcHttp, "littlelemon.server.http", QtInfoMsg)

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("LittleLemon::Server", text);
}
} // namespace

Backend::Backend(ServerConfig config)
    : m_config(std::move(config))
{
    registerRoutes();
}

Backend::~Backend() = default;

bool Backend::open(QString *error)
{
    if (m_config.dataDir.isEmpty()) {
        if (error)
            *error = tr("no data directory given (--data-dir)");
        return false;
    }
    if (!QDir().mkpath(m_config.dataDir)) {
        if (error)
            *error = tr("cannot create the data directory %1").arg(m_config.dataDir);
        return false;
    }
    return true;
}

void Backend::registerRoutes()
{
    m_router.add(QStringLiteral("/health"), Router::Access::Public).throttled = false;
    m_router.on(QStringLiteral("/health"), Request::Method::Get, [](RequestContext &) {
        return Response::json(200, QJsonObject { { QStringLiteral("status"), QStringLiteral("ok") } });
    });
}

Response Backend::handle(const Request &request)
{
    QElapsedTimer timer;
    timer.start();
    Response response;
    try {
        response = dispatch(request);
    } catch (const HttpError &e) {
        response = e.toResponse();
    } catch (const std::exception &e) {
        qCCritical(lcHttp) << "internal error on" << request.methodName << request.path << e.what();
        response = Response::detail(500, tr("A server error occurred."));
    }
    // One line per request: method, path (never the query or a header, so no
    // token or password reaches the log), status and time.
    qCInfo(lcHttp).noquote() << request.methodName << request.path << response.status
                             << QStringLiteral("%1us").arg(timer.nsecsElapsed() / 1000);
    return response;
}

Response Backend::dispatch(const Request &request)
{
    if (request.body.size() > m_config.maxBodyBytes)
        throw HttpError::detail(413, tr("Request body is larger than %1 bytes.").arg(m_config.maxBodyBytes));

    const auto match = m_router.match(request.path);
    if (!match)
        throw HttpError::notFound();
    const Router::Route &route = *match->route;

    RequestContext context(request, match->params, std::nullopt);

    Request::Method method = request.method;
    if (method == Request::Method::Head)
        method = Request::Method::Get;
    if (method == Request::Method::Options) {
        Response r = Response::json(200, QJsonObject {
            { QStringLiteral("name"), route.pattern },
            { QStringLiteral("renders"), QJsonArray { QStringLiteral("application/json") } },
            { QStringLiteral("parses"), QJsonArray { QStringLiteral("application/json"),
                                                     QStringLiteral("application/x-www-form-urlencoded") } },
        });
        r.setHeader("Allow", route.allow);
        return r;
    }
    const Router::Handler *handler = route.handler(method);
    if (!handler) {
        throw HttpError::detail(405, tr("Method \"%1\" not allowed.").arg(QString::fromLatin1(request.methodName)))
            .withHeader("Allow", route.allow);
    }
    Response response = (*handler)(context);
    response.setHeader("Allow", route.allow);
    return response;
}

} // namespace LittleLemon::Server
