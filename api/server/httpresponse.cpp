#include "api/server/httpresponse.h"

#include <QJsonDocument>

namespace LittleLemon::Server {

Response Response::json(int status, const QJsonObject &object)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

Response Response::json(int status, const QJsonArray &array)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return r;
}

Response Response::json(int status, const QJsonValue &value)
{
    if (value.isArray())
        return json(status, value.toArray());
    if (value.isObject())
        return json(status, value.toObject());
    // A bare scalar never leaves this server; keep the type honest anyway.
    Response r;
    r.status = status;
    r.body = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    r.body = r.body.mid(1, r.body.size() - 2);
    return r;
}

Response Response::later(QFuture<Response> future)
{
    Response r;
    r.pending = std::make_shared<QFuture<Response>>(std::move(future));
    return r;
}

Response Response::jsonBytes(int status, QByteArray body)
{
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

Response Response::noContent()
{
    Response r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

Response Response::detail(int status, const QString &text)
{
    return json(status, QJsonObject { { QStringLiteral("detail"), text } });
}

void Response::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (Header &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({ name, value });
}

QByteArray Response::header(QByteArrayView name) const
{
    if (name.compare("Content-Type", Qt::CaseInsensitive) == 0)
        return contentType;
    for (const Header &h : headers) {
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray Response::reasonPhrase(int status)
{
    switch (status) {
    case 200: return QByteArrayLiteral("OK");
    case 201: return QByteArrayLiteral("Created");
    case 204: return QByteArrayLiteral("No Content");
    case 304: return QByteArrayLiteral("Not Modified");
    case 400: return QByteArrayLiteral("Bad Request");
    case 401: return QByteArrayLiteral("Unauthorized");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 406: return QByteArrayLiteral("Not Acceptable");
    case 409: return QByteArrayLiteral("Conflict");
    case 411: return QByteArrayLiteral("Length Required");
    case 412: return QByteArrayLiteral("Precondition Failed");
    case 413: return QByteArrayLiteral("Request Entity Too Large");
    case 415: return QByteArrayLiteral("Unsupported Media Type");
    case 422: return QByteArrayLiteral("Unprocessable Entity");
    case 426: return QByteArrayLiteral("Upgrade Required");
    case 429: return QByteArrayLiteral("Too Many Requests");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 503: return QByteArrayLiteral("Service Unavailable");
    case 507: return QByteArrayLiteral("Insufficient Storage");
    default: break;
    }
    return QByteArrayLiteral("Unknown");
}

} // namespace LittleLemon::Server
