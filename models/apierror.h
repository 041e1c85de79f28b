#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

namespace LittleLemon {

// Every way a call to a server can fail, as one value: the kind, the server's
// own words (from any of the cloud's four error-body shapes) and a sentence a
// restaurant worker understands.
class ApiError
{
public:
    enum class Kind {
        None,
        Offline,      // no connection: server down, network gone, DNS
        Timeout,      // no answer in time
        Tls,          // certificate or handshake problem
        Unauthorized, // 401: signed out, bad credentials, token refused
        Forbidden,    // 403
        NotFound,     // 404
        Validation,   // 400 (and 413/415/405): the server refused the data
        Conflict,     // 412: someone changed it first
        Throttled,    // 429
        Server,       // 5xx
        Protocol,     // an answer we cannot read
        Aborted,      // cancelled by us
    };

    ApiError() = default;
    ApiError(Kind kind, QString message);

    // Reads an HTTP error answer: {"detail": ...}, {"field": [...]},
    // {"message"|"error": ...} or a bare array of strings.
    static ApiError fromHttp(int status, const QByteArray &body, int retryAfterSeconds = -1);
    static QString kindName(Kind kind); // "validation", for logs and --json

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    // The one answer to "is the server there?": no answer at all (down,
    // network gone, no answer in time, TLS failure). The sync engine, the
    // connectivity probe, the desk and the CLI all go offline on it.
    static bool isUnreachable(Kind kind) { return kind == Kind::Offline || kind == Kind::Timeout || kind == Kind::Tls; }
    bool isUnreachable() const { return isUnreachable(m_kind); }
    // Worth the same request again later: unreachable, or the server there
    // but busy (5xx, 429). Everything else is an answer to act on.
    bool isTransient() const { return isUnreachable() || m_kind == Kind::Server || m_kind == Kind::Throttled; }
    int httpStatus() const { return m_httpStatus; }
    // The server's own words, joined ("The cart is empty!"), or ours for network failures.
    QString serverMessage() const { return m_serverMessage; }
    // Per-field messages, e.g. {"price": ["A valid number is required."]}.
    const QMap<QString, QStringList> &fieldErrors() const { return m_fieldErrors; }
    // Seconds to wait before retrying (429 Retry-After or the detail text), -1 if unknown.
    int retryAfterSeconds() const { return m_retryAfter; }
    // The body as sent (for 412: the server's current version of the resource).
    const QJsonValue &body() const { return m_body; }

    // A sentence for a person: "The server refused the price: a valid number is required."
    QString userMessage() const { return m_userMessage; }

    void setUserMessage(const QString &message) { m_userMessage = message; }

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_serverMessage;
    QString m_userMessage;
    QMap<QString, QStringList> m_fieldErrors;
    int m_retryAfter = -1;
    QJsonValue m_body;
};

// "delivery_crew" → "delivery crew", "non_field_errors" → "".
QString humanFieldName(const QString &field);

} // namespace LittleLemon
