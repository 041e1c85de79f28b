#pragma once

#include "api/server/httprequest.h"
#include "api/server/router.h"
#include "models/user.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QUrl>

#include <optional>

namespace LittleLemon::Server {

// What a controller gets for one request: the request, the values taken from
// its path, the authenticated user (if any) and the body read as JSON on
// first use, as DRF's request.data is.
class RequestContext
{
public:
    RequestContext(const Request &request, RouteParams params, std::optional<User> user);

    const Request &request() const { return m_request; }
    const RouteParams &params() const { return m_params; }
    qint64 id(QStringView name = u"id") const { return m_params.id(name); }

    const User *user() const { return m_user ? &*m_user : nullptr; }
    // The caller; only valid on routes that require authentication.
    const User &requireUser() const;

    // The body as a JSON object. An empty body is {}; broken JSON → 400
    // "JSON parse error - ..."; a body that is not an object → 400
    // non_field_errors; a content type we do not read → 415.
    const QJsonObject &object() const;
    // The body as any JSON value (null when empty).
    const QJsonValue &json() const;

    // The absolute URL of this request's path with `query` (sorted by key,
    // as DRF's replace_query_param writes it), built from the Host header.
    QString absoluteUrl(const QList<Request::QueryItem> &query) const;
    // The configured public address ("https://lemon.example.com"): links
    // start with it instead of the request's Host header.
    void setPublicUrl(const QString &url) { m_publicUrl = url; }

private:
    void parseBody() const;

    const Request &m_request;
    QString m_publicUrl;
    RouteParams m_params;
    std::optional<User> m_user;
    mutable bool m_parsed = false;
    mutable QJsonValue m_json;
    mutable QJsonObject m_object;
};

} // namespace LittleLemon::Server
