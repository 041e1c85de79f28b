#pragma once

#include "api/server/httprequest.h"
#include "api/server/httpresponse.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace LittleLemon::Server {

class RequestContext;

// Values taken from a path: "/api/orders/{id}" gives id, "/api/groups/{group}/users" gives group.
class RouteParams
{
public:
    void add(const QString &name, const QString &value) { m_items.append({ name, value }); }
    QString text(QStringView name) const;
    // A {id} segment; the router only matches digits, so this is always valid.
    qint64 id(QStringView name = u"id") const;

private:
    QList<QPair<QString, QString>> m_items;
};

// Maps method + path to a handler. Paths are matched segment by segment,
// exactly (no trailing-slash leniency: the contract says the wrong form is a
// 404). "{id}" matches a positive decimal id, "{name}" any one segment.
class Router
{
public:
    using Handler = std::function<Response(RequestContext &)>;

    // Whether a GET's 200 answer may be kept and served again while the
    // database stands still (Backend's page cache), and for whom: the same
    // answer for every caller of one role, or per user; PerOrderScope: per
    // user, except that everyone who sees every order (managers, the
    // kitchen) shares one answer.
    enum class PageCache { Off, PerRole, PerUser, PerOrderScope };

    enum class Access {
        Public,        // anyone; a bad token is still refused, as DRF does
        Authenticated, // 401 without a valid token, before anything else
    };

    struct Route
    {
        QString pattern;
        QList<QString> segments;
        Access access = Access::Public;
        bool throttled = true;
        // False for the token endpoints: SimpleJWT's views read no
        // Authorization header, so a stale token there is no error.
        bool authenticates = true;
        PageCache pageCache = PageCache::Off;
        QList<QPair<Request::Method, Handler>> handlers;
        QByteArray allow; // "GET, POST, HEAD, OPTIONS"

        const Handler *handler(Request::Method method) const;
    };

    struct Match
    {
        const Route *route = nullptr;
        RouteParams params;
    };

    Route &add(const QString &pattern, Access access);
    // The route registered with this pattern, or nullptr.
    Route *route(const QString &pattern) { return find(pattern); }
    void on(const QString &pattern, Request::Method method, Handler handler);

    // nullopt: no route has this path (404).
    std::optional<Match> match(QStringView path) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    Route *find(const QString &pattern);
    static void updateAllow(Route &route);

    QList<Route> m_routes;
};

} // namespace LittleLemon::Server
