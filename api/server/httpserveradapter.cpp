#include "api/server/httpserveradapter.h"

#include "api/server/connectionguard.h"
#include "api/server/eventhub.h"
#include "api/server/tlsserver.h"

#include <QAbstractEventDispatcher>
#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>

namespace LittleLemon::Server {

Q_LOGGING_CATEGORY(lcAdapter, "littlelemon.server.socket", QtWarningMsg)

HttpServerAdapter::HttpServerAdapter(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{
}

HttpServerAdapter::~HttpServerAdapter() = default;

bool HttpServerAdapter::listen(const QHostAddress &address, quint16 port, qint64 maxBodyBytes, QString *error)
{
    QTcpServer *tcp = m_tls ? static_cast<QTcpServer *>(new TlsServer(m_tlsConfiguration, maxBodyBytes, this))
                            : new GuardedTcpServer(maxBodyBytes, this);
    // QTcpServer sets SO_REUSEADDR on Unix, so a restart can take the same
    // port back while old connections sit in TIME_WAIT.
    if (!tcp->listen(address, port)) {
        if (error)
            *error = tcp->errorString();
        delete tcp;
        return false;
    }
    bind(tcp);
    m_tcp = tcp;
    return true;
}

void HttpServerAdapter::setTls(const QSslConfiguration &configuration)
{
    m_tls = true;
    m_tlsConfiguration = configuration;
}

quint16 HttpServerAdapter::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

void HttpServerAdapter::close()
{
    if (m_tcp)
        m_tcp->close();
}

void HttpServerAdapter::setEventHub(EventHub *hub)
{
    m_events = hub;
    // Qt 6.4 upgrades only while this signal is connected (and the request
    // was handled without writing an answer: handleRequest()).
    disconnect(this, &QAbstractHttpServer::newWebSocketConnection, this, nullptr);
    if (hub)
        connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &HttpServerAdapter::takeWebSockets);
}

void HttpServerAdapter::takeWebSockets()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
        if (!socket)
            break;
        const QPointer<QTcpSocket> tcp = m_upgrading.take(socket->peerPort());
        if (m_events)
            m_events->adopt(std::move(socket), tcp.data());
        else
            socket->abort();
    }
    // Upgrades whose handshake failed leave stale entries behind.
    for (auto it = m_upgrading.begin(); it != m_upgrading.end();) {
        if (it.value().isNull())
            it = m_upgrading.erase(it);
        else
            ++it;
    }
}

namespace {
QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put: return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head: return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect: return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace: return QByteArrayLiteral("TRACE");
    default: break;
    }
    return QByteArrayLiteral("UNKNOWN");
}
} // namespace

Request HttpServerAdapter::toRequest(const QHttpServerRequest &request)
{
    Request r;
    r.methodName = methodName(request.method());
    r.method = Request::methodFromName(r.methodName);
    const QUrl url = request.url();
    r.path = url.path(QUrl::FullyDecoded);
    if (url.hasQuery())
        r.query = Request::parseQuery(url.query(QUrl::FullyEncoded).toLatin1());
    r.headers = request.headers();
    r.body = request.body();
    r.peer = request.remoteAddress();
    return r;
}

QByteArray HttpServerAdapter::serialize(const Response &response, bool headOnly, bool close)
{
    QByteArray out;
    out.reserve(160 + response.body.size());
    out += "HTTP/1.1 ";
    out += QByteArray::number(response.status);
    out += ' ';
    out += Response::reasonPhrase(response.status);
    out += "\r\n";
    if (!response.contentType.isEmpty()) {
        out += "Content-Type: ";
        out += response.contentType;
        out += "\r\n";
    }
    if (response.status != 204 && response.status != 304) {
        out += "Content-Length: ";
        out += QByteArray::number(response.body.size());
        out += "\r\n";
    }
    for (const Response::Header &h : response.headers) {
        out += h.first;
        out += ": ";
        out += h.second;
        out += "\r\n";
    }
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!headOnly && response.status != 204 && response.status != 304)
        out += response.body;
    return out;
}

bool HttpServerAdapter::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (request.value("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
        // Qt 6.4 upgrades when this returns true having written nothing;
        // false ends in missingHandler().
        if (!m_events || request.url().path() != QLatin1String("/api/events") || !originAllowed(request))
            return false;
        m_upgrading.insert(socket->peerPort(), socket);
        return true;
    }
    Request r = toRequest(request);
    r.secure = m_tls;
    const Response response = m_handler(r);
    // Qt keeps a request's body until the connection's next request: after
    // a big one the connection is closed instead, so the memory (and its
    // share of RequestBudget) comes back now, not when the client next asks.
    const bool close = r.header("Connection").trimmed().compare("close", Qt::CaseInsensitive) == 0
        || r.body.size() > kCloseAfterBodyBytes;
    const bool headOnly = r.method == Request::Method::Head;
    if (!response.isPending() && !m_lines.contains(socket)) {
        send(socket, serialize(response, headOnly, close), close);
        return true;
    }
    auto it = m_lines.find(socket);
    if (it == m_lines.end()) {
        it = m_lines.insert(socket, Line {});
        it->watch = connect(socket, &QObject::destroyed, this, [this, socket] { m_lines.remove(socket); });
    }
    auto slot = std::make_shared<Queued>();
    slot->close = close;
    it->answers.append(slot);
    if (!response.isPending()) {
        slot->ready = true;
        slot->bytes = serialize(response, headOnly, close);
        return true;
    }
    const QPointer<QTcpSocket> guarded(socket);
    response.pending->then(this, [this, guarded, slot, headOnly, close](QFuture<Response> f) {
        Response answer;
        try {
            answer = f.result();
        } catch (const std::exception &e) {
            qCWarning(lcAdapter) << "an answer failed on its way:" << e.what();
            answer = Response::detail(500, QStringLiteral("A server error occurred."));
        }
        slot->bytes = serialize(answer, headOnly, close);
        slot->ready = true;
        if (guarded)
            flush(guarded.data());
    });
    return true;
}

void HttpServerAdapter::send(QTcpSocket *socket, const QByteArray &bytes, bool close)
{
    // One write per answer: the responder's piecewise writes cost a syscall
    // path each and we already hold the whole body.
    socket->write(bytes);
    // A QTcpSocket only buffers a write and sends it when the loop next
    // polls, after every other ready connection of this turn has been
    // served. In a long turn (many busy connections: bench/load's 200) that
    // is most of the answer's time, so it goes now; in short turns (a few
    // fast clients: bench/server-throughput) the answers of a turn go out
    // together, which costs the clients fewer wake-ups.
    if (longTurn())
        socket->flush();
    if (close)
        socket->disconnectFromHost();
}

bool HttpServerAdapter::longTurn()
{
    if (!m_turnWatched) {
        m_turnWatched = true;
        if (QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(thread()))
            connect(dispatcher, &QAbstractEventDispatcher::awake, this, [this] { m_turn.start(); });
    }
    return !m_turn.isValid() || m_turn.nsecsElapsed() >= kLongTurnNs;
}

void HttpServerAdapter::flush(QTcpSocket *socket)
{
    const auto it = m_lines.find(socket);
    if (it == m_lines.end())
        return;
    QList<std::shared_ptr<Queued>> &answers = it->answers;
    while (!answers.isEmpty() && answers.first()->ready) {
        const std::shared_ptr<Queued> next = answers.takeFirst();
        if (next->close)
            answers.clear(); // nothing after a close is sent
        send(socket, next->bytes, next->close);
    }
    if (answers.isEmpty()) {
        disconnect(it->watch);
        m_lines.erase(it);
    }
}

bool HttpServerAdapter::originAllowed(const QHttpServerRequest &request)
{
    // Qt's handshake answer copies the Origin into Access-Control-Allow-Origin
    // as it came. Terminals send none; a browser page may only open the
    // stream from this very server (its Origin is our scheme://Host). Any
    // other value, and anything but visible ASCII, is refused.
    const QByteArray origin = request.value("Origin");
    if (origin.isEmpty())
        return true;
    for (const char c : origin) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    const QByteArray host = request.value("Host");
    return !host.isEmpty() && (origin == "http://" + host || origin == "https://" + host);
}

void HttpServerAdapter::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers everything else; reaching here means an
    // upgrade we do not offer (a WebSocket to another path, or no event hub).
    qCInfo(lcAdapter) << "refused an upgrade of" << request.url().path();
    Response r = m_events && request.url().path() == QLatin1String("/api/events") && !originAllowed(request)
        ? Response::detail(403, QStringLiteral("This Origin may not open the event stream."))
        : Response::detail(404, QStringLiteral("Not found."));
    socket->write(serialize(r, false, true));
    socket->disconnectFromHost();
}

} // namespace LittleLemon::Server
