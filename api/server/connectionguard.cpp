#include "api/server/connectionguard.h"

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
    if (socket->parent()) {
        m_limits = ConnectionLimits::of(socket->parent());
        m_limits->add(this);
    }
}

ConnectionGuard::~ConnectionGuard()
{
    if (m_limits)
        m_limits->remove(this);
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
        if (before == 0)
            setPhaseStart();
        m_headers.append(fresh.constData() + pos, fresh.size() - pos);
        const qsizetype end = m_headers.indexOf("\r\n\r\n");
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
            bool ok = false;
            length = value.toLongLong(&ok);
            if (!ok || length < 0) {
                refuse(400, "Invalid Content-Length.");
                return false;
            }
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
    if (expectContinue && length > 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    if (length > 0) {
        m_bodyLeft = length;
        m_state = State::Body;
    }
    return true;
}

void ConnectionGuard::refuse(int status, const QByteArray &detail, qint64 drainBytes)
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
                                             : "Bad Request";
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                    + "\r\nConnection: close\r\n\r\n" + body);
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

void ConnectionLimits::add(ConnectionGuard *guard)
{
    m_guards.insert(guard);
    if (!m_sweep.isActive())
        m_sweep.start();
    if (m_guards.size() > m_max)
        evictStalest();
}

void ConnectionLimits::remove(ConnectionGuard *guard)
{
    m_guards.remove(guard);
    if (m_guards.isEmpty())
        m_sweep.stop();
}

void ConnectionLimits::evictStalest()
{
    // Closing or idle or stalled before anything else; WebSockets last. The
    // newest connection (the one just added) has the latest start of all.
    auto rank = [](const ConnectionGuard *g) { return g->phase() == ConnectionGuard::Phase::Upgraded ? 1 : 0; };
    ConnectionGuard *stalest = nullptr;
    for (ConnectionGuard *g : std::as_const(m_guards)) {
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
