#include "api/server/router.h"

namespace LittleLemon::Server {

QString RouteParams::text(QStringView name) const
{
    for (const auto &item : m_items) {
        if (item.first == name)
            return item.second;
    }
    return {};
}

qint64 RouteParams::id(QStringView name) const
{
    return text(name).toLongLong();
}

const Router::Handler *Router::Route::handler(Request::Method method) const
{
    for (const auto &h : handlers) {
        if (h.first == method)
            return &h.second;
    }
    return nullptr;
}

Router::Route &Router::add(const QString &pattern, Access access)
{
    if (Route *existing = find(pattern)) {
        existing->access = access;
        return *existing;
    }
    Route route;
    route.pattern = pattern;
    route.segments = pattern.split(u'/');
    route.access = access;
    m_routes.append(route);
    return m_routes.last();
}

void Router::on(const QString &pattern, Request::Method method, Handler handler)
{
    Route *route = find(pattern);
    Q_ASSERT_X(route, "Router::on", "add() the route first");
    if (!route)
        return;
    route->handlers.append({ method, std::move(handler) });
    updateAllow(*route);
}

Router::Route *Router::find(const QString &pattern)
{
    for (Route &r : m_routes) {
        if (r.pattern == pattern)
            return &r;
    }
    return nullptr;
}

void Router::updateAllow(Route &route)
{
    // DRF lists the view's methods in this order and always adds OPTIONS
    // (and HEAD when GET is there).
    static const QList<QPair<Request::Method, const char *>> order {
        { Request::Method::Get, "GET" },     { Request::Method::Post, "POST" },
        { Request::Method::Put, "PUT" },     { Request::Method::Patch, "PATCH" },
        { Request::Method::Delete, "DELETE" },
    };
    QByteArrayList names;
    for (const auto &m : order) {
        if (route.handler(m.first))
            names << m.second;
    }
    if (route.handler(Request::Method::Get))
        names << "HEAD";
    names << "OPTIONS";
    route.allow = names.join(", ");
}

namespace {
bool isId(QStringView segment)
{
    if (segment.isEmpty() || segment.size() > 18)
        return false;
    for (QChar c : segment) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}
} // namespace

std::optional<Router::Match> Router::match(QStringView path) const
{
    const QList<QStringView> parts = path.split(u'/');
    for (const Route &route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        Match m;
        bool ok = true;
        for (qsizetype i = 0; i < parts.size() && ok; ++i) {
            const QString &seg = route.segments.at(i);
            if (seg.startsWith(u'{')) {
                const QString name = seg.mid(1, seg.size() - 2);
                if (name == u"id" || name.endsWith(u"_id")) {
                    ok = isId(parts.at(i));
                } else {
                    ok = !parts.at(i).isEmpty();
                }
                if (ok)
                    m.params.add(name, parts.at(i).toString());
            } else {
                ok = seg == parts.at(i);
            }
        }
        if (ok) {
            m.route = &route;
            return m;
        }
    }
    return std::nullopt;
}

} // namespace LittleLemon::Server
