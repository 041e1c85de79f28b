#pragma once

#include "api/server/httpresponse.h"

#include <QJsonValue>
#include <QString>

#include <exception>

namespace LittleLemon::Server {

// A refusal a handler throws: the status and the exact body the client gets.
// The backend turns it into a Response in one place (Backend::handle), so a
// controller never builds error answers by hand.
class HttpError : public std::exception
{
public:
    HttpError(int status, QJsonValue body);

    // {"detail": text}
    static HttpError detail(int status, const QString &text);
    // {"field": ["message"]}
    static HttpError field(const QString &field, const QString &message);
    // {"error": text} / {"message": text}, the shapes of the cloud's group and cart views.
    static HttpError error(int status, const QString &text);
    static HttpError message(int status, const QString &text);
    // A bare array of strings, the shape of the cloud's order PATCH refusals.
    static HttpError list(int status, const QString &text);

    // A body already encoded (a resource as its GET shows it, for 412).
    static HttpError raw(int status, QByteArray body);

    static HttpError notFound(); // {"detail": "Not found."}
    static HttpError forbidden(); // the DRF permission sentence
    static HttpError notAuthenticated();

    int status() const { return m_status; }
    const QJsonValue &body() const { return m_body; }
    HttpError &withHeader(const QByteArray &name, const QByteArray &value);

    Response toResponse() const;
    const char *what() const noexcept override { return "HTTP error"; }

private:
    int m_status;
    QJsonValue m_body;
    QByteArray m_raw;
    QList<Response::Header> m_headers;
};

// Field-by-field validation errors collected over a whole body, as DRF
// reports them: {"price": ["..."], "title": ["..."]}.
class FieldErrors
{
public:
    void add(const QString &field, const QString &message);
    bool isEmpty() const { return m_errors.isEmpty(); }
    bool has(const QString &field) const { return m_errors.contains(field); }
    // Throws HttpError 400 when anything was added.
    void throwIfAny() const;

private:
    QJsonObject m_errors;
};

} // namespace LittleLemon::Server
