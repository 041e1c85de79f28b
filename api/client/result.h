#pragma once

#include "models/apierror.h"

#include <QByteArray>

#include <optional>
#include <utility>

namespace LittleLemon::Client {

// What a 2xx answer without a body (204, or a body nobody needs) decodes to.
struct NoContent
{
};

// The outcome of a call: the decoded value, or a typed error, never both.
// `etag` is the server's ETag for a single resource (our "etag" extension),
// to send back as If-Match with the next write.
template<typename T>
class Result
{
public:
    Result(T value, QByteArray etag = QByteArray())
        : m_value(std::move(value))
        , m_etag(std::move(etag))
    {
    }
    Result(ApiError error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return m_value.has_value() && !m_error.isError(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const ApiError &error() const { return m_error; }
    const QByteArray &etag() const { return m_etag; }

private:
    std::optional<T> m_value;
    ApiError m_error;
    QByteArray m_etag;
};

} // namespace LittleLemon::Client
