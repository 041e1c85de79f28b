#include "api/server/connectionguard.h"

#include "api/server/requestbudget.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTcpSocket>

#include <algorithm>
#include <limits>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace LittleLemon::Server {

Q_LOGGING_CATEGORY(lcGuard, "littlelemon.server.socket", QtWarningMsg)

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, qint64 maxBodyBytes)
    : QObject(socket)
    , m_socket(socket)
    , m_maxBody(maxBodyBytes)
{
    connect(socket, &QIODevice::readyRead, this, &ConnectionGuard::inspect);
    setPhaseStart();
    m_server = socket->parent();
    // IPv4 clients of a dual-stack listener come as ::ffff:a.b.c.d.
    bool v4 = false;
    const quint32 ipv4 = socket->peerAddress().toIPv4Address(&v4);
    m_peer = (v4 ? QHostAddress(ipv4) : socket->peerAddress()).toString().toLatin1();
    if (socket->parent()) {
        m_limits = ConnectionLimits::of(socket->parent());
        m_limits->add(this);
    }
}

ConnectionGuard::~ConnectionGuard()
{
    if (m_limits)
        m_limits->remove(this);
    // Qt's copy of the request goes with the socket.
    releaseAll();
}

bool ConnectionGuard::reserve(qint64 bytes)
{
    if (!RequestBudget::global().reserve(m_peer, bytes))
        return false;
    m_reserved += bytes;
    return true;
}

void ConnectionGuard::releaseAll()
{
    if (m_reserved == 0)
        return;
    const bool trim = RequestBudget::global().release(m_peer, m_reserved);
    m_reserved = 0;
    // After the sockets of a burst are deleted (later in this event loop).
    // Not through m_socket: this may run while the socket is being destroyed.
    if (trim && m_server)
        QTimer::singleShot(1000, m_server.data(), &RequestBudget::giveBackMemory);
}

void ConnectionGuard::setPhaseStart()
{
    m_phaseStart = ConnectionLimits::now();
}

ConnectionGuard::Phase ConnectionGuard::phase() const
{
    switch (m_state) {
    case State::Headers: return m_headers.isEmpty() ? Phase::Idle : Phase::Receiving;
    case State::Body: return Phase::Receiving;
    case State::Refused:
    case State::Draining: return Phase::Closing;
    case State::Upgraded: break;
    }
    return Phase::Upgraded;
}

void ConnectionGuard::timeOut()
{
    if (m_state == State::Headers || m_state == State::Body)
        refuse(408, "The request did not arrive in time.");
    else
        m_socket->abort();
}

void ConnectionGuard::evict()
{
    qCInfo(lcGuard) << "closing a stalled connection from" << m_socket->peerAddress().toString()
                    << "to make room for a new one";
    // Out of the count at once: in a burst of new connections the next one
    // must close another, not this one again.
    if (m_limits)
        m_limits->remove(this);
    m_limits = nullptr;
    m_state = State::Refused;
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    m_socket->abort();
}

void ConnectionGuard::closeIdle()
{
    m_state = State::Refused;
    m_socket->disconnectFromHost();
}

void ConnectionGuard::inspect()
{
    if (m_state == State::Draining) {
        m_bodyLeft -= m_socket->skip(m_socket->bytesAvailable());
        if (m_bodyLeft <= 0)
            m_socket->disconnectFromHost();
        return;
    }
    if (m_state == State::Refused || m_state == State::Upgraded)
        return;
    // Qt's handler reads everything on each readyRead, so what is available
    // now is exactly what arrived since the last call.
    const QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
    qsizetype pos = 0;
    while (pos < fresh.size() && (m_state == State::Headers || m_state == State::Body)) {
        if (m_state == State::Body) {
            const qint64 take = qMin<qint64>(m_bodyLeft, fresh.size() - pos);
            m_bodyLeft -= take;
            pos += take;
            if (m_bodyLeft == 0) {
                m_state = State::Headers;
                setPhaseStart(); // idle from now
            }
            continue;
        }
        // Headers: collect up to the blank line. The first byte starts the
        // request's clock (trickling more does not restart it).
        const qsizetype before = m_headers.size();
        if (before == 0) {
            setPhaseStart();
            // Qt lets go of the previous request as this one begins.
            releaseAll();
        }
        m_headers.append(fresh.constData() + pos, fresh.size() - pos);
        const qsizetype end = m_headers.indexOf("\r\n\r\n");
        // The header block's new bytes (a body behind them is reserved below).
        const qsizetype headerBytes = (end < 0 ? m_headers.size() : qMin(m_headers.size(), end + 4)) - before;
        if (!reserve(2 * headerBytes)) {
            refuse(503, "The server is busy receiving other requests; try again in a moment.", 0, "Retry-After: 5\r\n");
            return;
        }
        if (end < 0) {
            if (m_headers.size() > kMaxHeaderBytes)
                refuse(431, "Request header fields too large.");
            return;
        }
        if (end + 4 > kMaxHeaderBytes) {
            refuse(431, "Request header fields too large.");
            return;
        }
        pos += end + 4 - before;
        m_headers.truncate(end + 4);
        if (!headerBlockDone())
            return;
        m_headers.clear();
        if (m_state == State::Headers)
            setPhaseStart(); // a request without a body: idle from now
    }
}

bool ConnectionGuard::headerBlockDone()
{
    qint64 length = 0;
    bool seenLength = false;
    bool expectContinue = false;
    const QList<QByteArray> lines = m_headers.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            // Digits only ("+13" and " 13, 13" are refused), and one value:
            // a proxy in front may have read another length than we would.
            const bool digits = !value.isEmpty() && value.size() <= 18
                && std::all_of(value.cbegin(), value.cend(), [](char c) { return c >= '0' && c <= '9'; });
            const qint64 parsed = digits ? value.toLongLong() : -1;
            if (!digits || (seenLength && parsed != length)) {
                refuse(400, "Invalid Content-Length.");
                return false;
            }
            length = parsed;
            seenLength = true;
        } else if (name == "transfer-encoding" && value.toLower() != "identity") {
            refuse(411, "A Content-Length is required.");
            return false;
        } else if (name == "expect" && value.toLower() == "100-continue") {
            expectContinue = true;
        } else if (name == "upgrade") {
            // What follows is another protocol (WebSocket frames), not HTTP.
            m_state = State::Upgraded;
            return false;
        }
    }
    if (length > m_maxBody) {
        // What already arrived of the body counts towards the drain.
        refuse(413, "Request body is larger than " + QByteArray::number(m_maxBody) + " bytes.",
               qMin(length, kMaxDrainBytes));
        return false;
    }
    // What Qt will hold of the body, reserved before Qt reads a byte of it
    // (the header block's bytes were reserved as they came).
    if (length > 0 && !reserve(2 * length)) {
        refuse(503, "The server is busy receiving other requests; try again in a moment.", qMin(length, kMaxDrainBytes),
               "Retry-After: 5\r\n");
        return false;
    }
    if (expectContinue && length > 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    if (length > 0) {
        m_bodyLeft = length;
        m_state = State::Body;
    }
    return true;
}

void ConnectionGuard::refuse(int status, const QByteArray &detail, qint64 drainBytes, const QByteArray &extraHeaders)
{
    m_state = drainBytes > 0 ? State::Draining : State::Refused;
    setPhaseStart();
    qCInfo(lcGuard) << "refused a connection with" << status << detail;
    // Nobody else reads this connection again; answer and close.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    const QByteArray body = "{\"detail\":\"" + detail + "\"}";
    const QByteArray reason = status == 413 ? "Request Entity Too Large"
        : status == 431                      ? "Request Header Fields Too Large"
        : status == 411                      ? "Length Required"
        : status == 408                      ? "Request Timeout"
        : status == 503                      ? "Service Unavailable"
                                             : "Bad Request";
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                    + "\r\n" + extraHeaders + "Connection: close\r\n\r\n" + body);
    if (m_state == State::Draining) {
        // From here on this guard is the connection's only reader.
        connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::inspect);
        m_bodyLeft = drainBytes;
        m_bodyLeft -= m_socket->skip(m_socket->bytesAvailable());
        if (m_bodyLeft > 0)
            return;
    }
    m_socket->disconnectFromHost();
}

namespace {
// The soft limit on open files, raised to the hard limit first: systemd
// starts services with a soft limit of 1024 and a hard one far above.
int openFileLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? std::numeric_limits<int>::max()
                                           : int(std::min<rlim_t>(limit.rlim_cur, std::numeric_limits<int>::max()));
#else
    return ConnectionLimits::kMaxConnections + ConnectionLimits::kReservedDescriptors;
#endif
}
} // namespace

ConnectionLimits::ConnectionLimits(QObject *server)
    : QObject(server)
{
    static const int files = openFileLimit();
    m_max = std::clamp(files - kReservedDescriptors, 16, kMaxConnections);
    m_sweep.setInterval(1000);
    connect(&m_sweep, &QTimer::timeout, this, &ConnectionLimits::sweep);
}

ConnectionLimits *ConnectionLimits::of(QObject *server)
{
    if (auto *existing = server->findChild<ConnectionLimits *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new ConnectionLimits(server);
}

qint64 ConnectionLimits::now()
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return clock.elapsed();
}

namespace {
QAtomicInt g_maxPerAddress = 256;
} // namespace

void ConnectionLimits::setMaxPerAddress(int connections)
{
    g_maxPerAddress.storeRelaxed(std::max(1, connections));
}

int ConnectionLimits::maxPerAddress()
{
    return g_maxPerAddress.loadRelaxed();
}

void ConnectionLimits::add(ConnectionGuard *guard)
{
    m_guards.insert(guard);
    if (!m_sweep.isActive())
        m_sweep.start();
    if (++m_perAddress[guard->peer()] > maxPerAddress())
        evictStalest(guard->peer());
    else if (m_guards.size() > m_max)
        evictStalest();
}

void ConnectionLimits::remove(ConnectionGuard *guard)
{
    if (!m_guards.remove(guard))
        return;
    const auto it = m_perAddress.find(guard->peer());
    if (it != m_perAddress.end() && --*it <= 0)
        m_perAddress.erase(it);
    if (m_guards.isEmpty())
        m_sweep.stop();
}

void ConnectionLimits::evictStalest(const QByteArray &peer)
{
    // Closing or idle or stalled before anything else; WebSockets last. The
    // newest connection (the one just added) has the latest start of all.
    auto rank = [](const ConnectionGuard *g) { return g->phase() == ConnectionGuard::Phase::Upgraded ? 1 : 0; };
    ConnectionGuard *stalest = nullptr;
    for (ConnectionGuard *g : std::as_const(m_guards)) {
        if (!peer.isEmpty() && g->peer() != peer)
            continue;
        if (!stalest || rank(g) < rank(stalest) || (rank(g) == rank(stalest) && g->phaseStart() < stalest->phaseStart()))
            stalest = g;
    }
    if (stalest)
        stalest->evict();
}

void ConnectionLimits::sweep()
{
    const qint64 t = now();
    QList<ConnectionGuard *> late;
    QList<ConnectionGuard *> idle;
    for (ConnectionGuard *g : std::as_const(m_guards)) {
        const qint64 age = t - g->phaseStart();
        switch (g->phase()) {
        case ConnectionGuard::Phase::Receiving:
        case ConnectionGuard::Phase::Closing:
            if (age > kRequestTimeoutMs)
                late << g;
            break;
        case ConnectionGuard::Phase::Idle:
            if (age > kIdleTimeoutMs)
                idle << g;
            break;
        case ConnectionGuard::Phase::Upgraded:
            break;
        }
    }
    // Acted on after the walk: closing may delete guards (and change the set).
    for (ConnectionGuard *g : std::as_const(late)) {
        if (m_guards.contains(g))
            g->timeOut();
    }
    for (ConnectionGuard *g : std::as_const(idle)) {
        if (m_guards.contains(g))
            g->closeIdle();
    }
}

GuardedTcpServer::GuardedTcpServer(qint64 maxBodyBytes, QObject *parent)
    : QTcpServer(parent)
    , m_maxBody(maxBodyBytes)
{
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    new ConnectionGuard(socket, m_maxBody);
    addPendingConnection(socket);
}

} // namespace LittleLemon::Server
