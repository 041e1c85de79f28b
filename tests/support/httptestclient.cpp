#include "httptestclient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>

namespace LittleLemon::Test {

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool HttpReply::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QJsonValue HttpReply::json() const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return QJsonValue(QJsonValue::Undefined);
    if (doc.isArray())
        return doc.array();
    return doc.object();
}

QString HttpReply::describe() const
{
    if (status == 0)
        return QStringLiteral("no answer: %1").arg(errorString);
    return QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(body.left(600)));
}

HttpTestClient::HttpTestClient(const QUrl &base)
    : m_base(base)
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpReply HttpTestClient::get(const QString &pathAndQuery, const Headers &headers)
{
    return send("GET", pathAndQuery, {}, headers);
}

HttpReply HttpTestClient::del(const QString &pathAndQuery, const Headers &headers)
{
    return send("DELETE", pathAndQuery, {}, headers);
}

namespace {
QByteArray jsonBytes(const QJsonValue &body)
{
    if (body.isArray())
        return QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
}

HttpTestClient::Headers withJson(HttpTestClient::Headers headers)
{
    headers.prepend({ "Content-Type", "application/json" });
    return headers;
}
} // namespace

HttpReply HttpTestClient::post(const QString &pathAndQuery, const QJsonValue &body, const Headers &headers)
{
    return send("POST", pathAndQuery, jsonBytes(body), withJson(headers));
}

HttpReply HttpTestClient::patch(const QString &pathAndQuery, const QJsonValue &body, const Headers &headers)
{
    return send("PATCH", pathAndQuery, jsonBytes(body), withJson(headers));
}

HttpReply HttpTestClient::put(const QString &pathAndQuery, const QJsonValue &body, const Headers &headers)
{
    return send("PUT", pathAndQuery, jsonBytes(body), withJson(headers));
}

HttpReply HttpTestClient::send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                               const Headers &headers, int timeoutMs)
{
    return sendUrl(method, QUrl(m_base.toString() + pathAndQuery), body, headers, timeoutMs);
}

HttpReply HttpTestClient::sendUrl(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                  const Headers &headers, int timeoutMs)
{
    QNetworkRequest request(url);
    bool hasAuth = false;
    for (const auto &h : headers) {
        request.setRawHeader(h.first, h.second);
        if (h.first.compare("Authorization", Qt::CaseInsensitive) == 0)
            hasAuth = true;
    }
    if (!m_token.isEmpty() && !hasAuth)
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());

    // HEAD through sendCustomRequest() would wait for a body that never comes.
    QNetworkReply *reply = method == "HEAD" ? m_nam.head(request) : m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();

    HttpReply out;
    if (!reply->isFinished()) {
        reply->abort();
        out.error = QNetworkReply::TimeoutError;
        out.errorString = QStringLiteral("no reply within %1 ms").arg(timeoutMs);
        reply->deleteLater();
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    out.error = reply->error();
    out.errorString = reply->errorString();
    reply->deleteLater();
    return out;
}

QString HttpTestClient::login(const QString &username, const QString &password, bool use, QString *refresh)
{
    const QString previous = m_token;
    m_token.clear();
    const HttpReply r = post(QStringLiteral("/auth/jwt/create/"),
                             QJsonObject { { QStringLiteral("username"), username },
                                           { QStringLiteral("password"), password } });
    m_token = previous;
    if (r.status != 200)
        return {};
    const QString access = r.object().value(QStringLiteral("access")).toString();
    if (refresh)
        *refresh = r.object().value(QStringLiteral("refresh")).toString();
    if (use)
        m_token = access;
    return access;
}

QByteArray HttpTestClient::rawExchange(const QUrl &base, const QByteArray &bytes, int timeoutMs)
{
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(base.host(), quint16(base.port()));
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(bytes);
    socket.flush();
    QByteArray answer;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(int(qBound(qint64(1), deadline.remainingTime(), qint64(100))))) {
            answer += socket.readAll();
            // A whole answer with a Content-Length is enough; no need to wait
            // for a keep-alive connection to close.
            const qsizetype headerEnd = answer.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                const QByteArray head = answer.left(headerEnd).toLower();
                const qsizetype cl = head.indexOf("content-length:");
                if (cl >= 0) {
                    const qsizetype eol = head.indexOf("\r\n", cl);
                    const qint64 length = head.mid(cl + 15, eol < 0 ? -1 : eol - cl - 15).trimmed().toLongLong();
                    if (answer.size() - headerEnd - 4 >= length)
                        break;
                } else if (head.startsWith("http/1.1 204")) {
                    break;
                }
            }
        }
    }
    answer += socket.readAll();
    return answer;
}

int HttpTestClient::rawStatus(const QByteArray &answer)
{
    if (!answer.startsWith("HTTP/"))
        return 0;
    const qsizetype space = answer.indexOf(' ');
    return space < 0 ? 0 : answer.mid(space + 1, 3).toInt();
}

QByteArray HttpTestClient::rawBody(const QByteArray &answer)
{
    const qsizetype headerEnd = answer.indexOf("\r\n\r\n");
    return headerEnd < 0 ? QByteArray() : answer.mid(headerEnd + 4);
}

} // namespace LittleLemon::Test
