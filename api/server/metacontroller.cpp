#include "api/server/metacontroller.h"

#include "api/server/jsonwriter.h"

namespace LittleLemon::Server {

MetaController::MetaController(const Services &services, const bool &eventsServed,
                               const std::function<QByteArray()> &upstreamStatus)
    : Controller(services)
    , m_eventsServed(eventsServed)
    , m_upstreamStatus(upstreamStatus)
{
}

QStringList MetaController::features(bool events)
{
    QStringList out { QStringLiteral("me"),        QStringLiteral("page_size"),    QStringLiteral("bookings"),
                      QStringLiteral("tables"),    QStringLiteral("stages"),       QStringLiteral("availability"),
                      QStringLiteral("counter_orders"), QStringLiteral("changes") };
    if (events)
        out << QStringLiteral("events");
    out << QStringLiteral("idempotency") << QStringLiteral("etag");
    // Issue 14: the "kitchen" group and role (docs/API.md).
    out << QStringLiteral("kitchen");
    // Issue 18: /api/reports, the X and Z reports (docs/API.md).
    out << QStringLiteral("reports");
    // Issue 17: the kitchen's print host lease and notes on order lines (docs/API.md).
    out << QStringLiteral("print_host") << QStringLiteral("line_notes");
    return out;
}

void MetaController::registerRoutes(Router &router)
{
    const QString path = QStringLiteral("/api/meta");
    Router::Route &route = router.add(path, Router::Access::Public);
    // A client reads this before it signs in and paces itself by the limits
    // in it: never throttled, and a stale token is no reason to refuse it.
    route.throttled = false;
    route.authenticates = false;
    router.on(path, Request::Method::Get, [this](RequestContext &c) { return meta(c); });

    // /api/events is a WebSocket (the HTTP adapter upgrades it); a plain
    // request to it is told so.
    const QString events = QStringLiteral("/api/events");
    Router::Route &eventsRoute = router.add(events, Router::Access::Public);
    eventsRoute.authenticates = false;
    router.on(events, Request::Method::Get, [this](RequestContext &) -> Response {
        if (!m_eventsServed)
            throw HttpError::notFound();
        Response r = Response::detail(426, tr("This is a WebSocket: connect with an Upgrade: websocket request "
                                              "carrying your access token in the Authorization header."));
        r.setHeader("Upgrade", "websocket");
        return r;
    });
}

Response MetaController::meta(RequestContext &)
{
    JsonWriter w;
    w.beginObject()
        .key("server").value(QStringLiteral("littlelemon-server"))
        .key("version").value(QStringLiteral(LL_VERSION))
        .key("features").beginArray();
    for (const QString &f : features(m_eventsServed))
        w.value(f);
    w.endArray()
        .key("limits").beginObject()
        .key("anon").value(m_config.throttleAnon)
        .key("user").value(m_config.throttleUser)
        .endObject();
    if (m_upstreamStatus)
        w.key("upstream").raw(m_upstreamStatus());
    w.endObject();
    return Response::jsonBytes(200, w.take());
}

} // namespace LittleLemon::Server
