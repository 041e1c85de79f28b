#include "api/server/httperror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace LittleLemon::Server {

HttpError::HttpError(int status, QJsonValue body)
    : m_status(status)
    , m_body(std::move(body))
{
}

HttpError HttpError::detail(int status, const QString &text)
{
    return HttpError(status, QJsonObject { { QStringLiteral("detail"), text } });
}

HttpError HttpError::field(const QString &field, const QString &message)
{
    return HttpError(400, QJsonObject { { field, QJsonArray { message } } });
}

HttpError HttpError::error(int status, const QString &text)
{
    return HttpError(status, QJsonObject { { QStringLiteral("error"), text } });
}

HttpError HttpError::message(int status, const QString &text)
{
    return HttpError(status, QJsonObject { { QStringLiteral("message"), text } });
}

HttpError HttpError::list(int status, const QString &text)
{
    return HttpError(status, QJsonArray { text });
}

HttpError HttpError::raw(int status, QByteArray body)
{
    HttpError e(status, QJsonValue());
    e.m_raw = std::move(body);
    return e;
}

HttpError HttpError::notFound()
{
    return detail(404, QCoreApplication::translate("LittleLemon::Server", "Not found."));
}

HttpError HttpError::forbidden()
{
    return detail(403, QCoreApplication::translate("LittleLemon::Server",
                                                   "You do not have permission to perform this action."));
}

HttpError HttpError::notAuthenticated()
{
    return detail(401, QCoreApplication::translate("LittleLemon::Server",
                                                   "Authentication credentials were not provided."));
}

HttpError &HttpError::withHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({ name, value });
    return *this;
}

Response HttpError::toResponse() const
{
    Response r = m_raw.isNull() ? Response::json(m_status, m_body) : Response::jsonBytes(m_status, m_raw);
    for (const Response::Header &h : m_headers)
        r.setHeader(h.first, h.second);
    return r;
}

void FieldErrors::add(const QString &field, const QString &message)
{
    QJsonArray list = m_errors.value(field).toArray();
    list.append(message);
    m_errors.insert(field, list);
}

void FieldErrors::throwIfAny() const
{
    if (!m_errors.isEmpty())
        throw HttpError(400, m_errors);
}

} // namespace LittleLemon::Server
