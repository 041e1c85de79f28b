#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>

namespace LittleLemon::Test {

// One HTTP answer as a test looks at it.
struct HttpReply
{
    int status = 0; // 0: no HTTP answer at all (see error)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty if absent
    bool hasHeader(const QByteArray &name) const;
    QJsonValue json() const; // Undefined when the body is not JSON
    QJsonObject object() const { return json().toObject(); }
    QJsonArray array() const { return json().toArray(); }
    // "401 {"detail":...}" for failure messages.
    QString describe() const;
};

// A small blocking HTTP client for server tests: each call sends one request
// with QNetworkAccessManager and waits (spinning an event loop) for the reply.
// Test-only: product code never waits like this.
class HttpTestClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit HttpTestClient(const QUrl &base);

    QUrl base() const { return m_base; }
    // Sent as "Authorization: Bearer <token>" from now on; empty clears it.
    void setToken(const QString &accessToken) { m_token = accessToken; }
    QString token() const { return m_token; }

    // pathAndQuery is appended to the base URL as written ("/api/menu-items?page=2").
    HttpReply get(const QString &pathAndQuery, const Headers &headers = {});
    HttpReply del(const QString &pathAndQuery, const Headers &headers = {});
    // A JSON body (object or array) with Content-Type: application/json.
    HttpReply post(const QString &pathAndQuery, const QJsonValue &body, const Headers &headers = {});
    HttpReply patch(const QString &pathAndQuery, const QJsonValue &body, const Headers &headers = {});
    HttpReply put(const QString &pathAndQuery, const QJsonValue &body, const Headers &headers = {});
    // Anything: raw body bytes, explicit headers (Content-Type included when wanted).
    HttpReply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = QByteArray(),
                   const Headers &headers = {}, int timeoutMs = 15000);
    HttpReply sendUrl(const QByteArray &method, const QUrl &url, const QByteArray &body = QByteArray(),
                      const Headers &headers = {}, int timeoutMs = 15000);

    // POST /auth/jwt/create/; returns the access token (empty on failure) and
    // sets it as this client's token when `use` is true.
    QString login(const QString &username, const QString &password, bool use = true, QString *refresh = nullptr);

    // Sends bytes as they are over a fresh TCP connection and returns
    // whatever the server answers until it closes or timeoutMs passes: for
    // requests QNetworkAccessManager would not send (bad paths, broken headers).
    static QByteArray rawExchange(const QUrl &base, const QByteArray &bytes, int timeoutMs = 5000);
    // Parses the status code out of a raw answer ("HTTP/1.1 404 ..."), 0 if none.
    static int rawStatus(const QByteArray &answer);
    static QByteArray rawBody(const QByteArray &answer);

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
};

} // namespace LittleLemon::Test
