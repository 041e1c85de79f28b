#include "api/client/eventsocket.h"

#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/synclog.h"

#include <algorithm>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QWebSocket>

namespace LittleLemon::Client {

namespace {
// A socket that stayed up this long was a success: the backoff starts over.
constexpr qint64 kStableMs = 5000;
constexpr int kHandshakeMs = 15000;
} // namespace

EventSocket::EventSocket(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    qRegisterMetaType<LiveEvent>();
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &EventSocket::connectNow);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        if (m_socket && m_state == State::Open && !m_pongDeadline.isActive()) {
            m_socket->ping();
            m_pongDeadline.start(m_pongTimeoutMs);
        }
    });
    m_pongDeadline.setSingleShot(true);
    connect(&m_pongDeadline, &QTimer::timeout, this, [this] {
        if (m_socket) {
            qCInfo(lcSync) << "event socket: no pong within" << m_pongTimeoutMs << "ms; dropping it";
            m_socket->abort();
        }
    });
    m_handshakeDeadline.setSingleShot(true);
    connect(&m_handshakeDeadline, &QTimer::timeout, this, [this] {
        if (m_socket && m_state == State::Connecting) {
            qCInfo(lcSync) << "event socket: no handshake within" << kHandshakeMs << "ms";
            m_socket->abort();
            // abort() of a socket that never connected may not say disconnected.
            if (m_socket)
                onDisconnected(m_socket);
        }
    });
    if (m_client) {
        connect(m_client->session(), &AuthSession::accessRefreshed, this, &EventSocket::onSessionRefreshed);
        connect(m_client->session(), &AuthSession::signedOut, this, [this] {
            if (m_wanted)
                close();
        });
    }
}

EventSocket::~EventSocket()
{
    m_wanted = false;
    discard(m_pending);
    discard(m_socket);
}

QUrl EventSocket::url() const
{
    if (!m_client)
        return QUrl();
    QUrl url = m_client->endpoint().url(QStringLiteral("/api/events"));
    url.setScheme(m_client->endpoint().isHttps() ? QStringLiteral("wss") : QStringLiteral("ws"));
    return url;
}

void EventSocket::setBackoff(int initialMs, int maxMs)
{
    m_initialMs = std::max(1, initialMs);
    m_maxMs = std::max(m_initialMs, maxMs);
}

void EventSocket::setKeepAlive(int intervalMs, int timeoutMs)
{
    m_pingMs = std::max(100, intervalMs);
    m_pongTimeoutMs = std::max(100, timeoutMs);
    if (m_ping.isActive())
        m_ping.start(m_pingMs);
}

int EventSocket::backoffFor(int failures) const
{
    if (failures <= 0)
        return 0;
    qint64 delay = m_initialMs;
    for (int i = 1; i < failures && delay < m_maxMs; ++i)
        delay *= 2;
    return int(std::min<qint64>(delay, m_maxMs));
}

void EventSocket::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void EventSocket::open()
{
    if (m_wanted)
        return;
    m_wanted = true;
    m_failures = 0;
    connectNow();
}

void EventSocket::close()
{
    m_wanted = false;
    m_reconnect.stop();
    m_ping.stop();
    m_pongDeadline.stop();
    m_handshakeDeadline.stop();
    discard(m_pending);
    m_pending = nullptr;
    discard(m_socket);
    m_socket = nullptr;
    setState(State::Closed);
}

void EventSocket::retrySoon()
{
    if (!m_wanted || m_socket || !m_reconnect.isActive())
        return;
    m_reconnect.start(int(QRandomGenerator::global()->bounded(250)));
}

void EventSocket::connectNow()
{
    if (!m_wanted || m_socket || !m_client)
        return;
    setState(State::Connecting);
    auto then = [this](const QString &token, const ApiError &error) {
        if (!m_wanted || m_socket)
            return;
        if (error.isError()) {
            // Signed out for good: the session says so and nothing reconnects;
            // anything else (the server is down) is tried again later.
            m_lastReason = error.userMessage();
            setState(State::Closed);
            if (error.kind() == ApiError::Kind::Unauthorized || !m_client->session()->hasCredentials()) {
                qCInfo(lcSync) << "event socket: no token; staying closed";
                m_wanted = false;
                Q_EMIT lost(m_lastReason);
                return;
            }
            ++m_failures;
            scheduleReconnect();
            return;
        }
        openWith(token, false);
    };
    if (m_renewToken) {
        m_renewToken = false;
        m_client->session()->renewAfterRefusal(m_token, this, then);
    } else {
        m_client->session()->withAccessToken(this, then);
    }
}

void EventSocket::openWith(const QString &token, bool swap)
{
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    if (swap) {
        m_pending = socket;
        m_pendingToken = token;
    } else {
        m_socket = socket;
        m_token = token;
        m_handshakeDeadline.start(kHandshakeMs);
    }
    connect(socket, &QWebSocket::connected, this, [this, socket] { onConnected(socket); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
    connect(socket, &QWebSocket::textMessageReceived, this, &EventSocket::onMessage);
    // A refused connection or handshake may end in an error without a
    // disconnected(): either way the socket is gone.
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this, socket] {
        if (socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected(socket);
    });
    connect(socket, &QWebSocket::pong, this, [this, socket] {
        if (socket == m_socket)
            m_pongDeadline.stop();
    });
    connect(socket, &QWebSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        QSslCertificate cert = socket->sslConfiguration().peerCertificate();
        for (const QSslError &e : errors) {
            if (cert.isNull() && !e.certificate().isNull())
                cert = e.certificate();
        }
        const QByteArray digest = cert.isNull() ? QByteArray() : cert.digest(QCryptographicHash::Sha256);
        const QString trusted = m_client ? m_client->trustedCertificate() : QString();
        if (!digest.isEmpty() && !trusted.isEmpty() && trusted == QString::fromLatin1(digest.toHex())) {
            socket->ignoreSslErrors(); // the person trusted exactly this certificate
            return;
        }
        qCWarning(lcSync) << "event socket: certificate refused:" << errors.value(0).errorString();
    });
    if (swap) {
        // A replacement that never comes up is given up; the old socket stays.
        QTimer::singleShot(kHandshakeMs, socket, [this, socket] {
            if (socket == m_pending) {
                m_pending = nullptr;
                discard(socket);
            }
        });
    }
    QNetworkRequest request(url());
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    socket->open(request);
}

void EventSocket::onConnected(QWebSocket *socket)
{
    if (socket == m_pending) {
        // The fresh token's socket is up: only now does the old one go.
        QWebSocket *old = m_socket;
        m_socket = m_pending;
        m_token = m_pendingToken;
        m_pending = nullptr;
        discard(old);
        ++m_tokenSwaps;
        qCInfo(lcSync) << "event socket: moved to a fresh token";
        m_ping.start(m_pingMs);
        if (m_state != State::Open) {
            m_openedAt.start();
            ++m_openCount;
            setState(State::Open);
            Q_EMIT opened();
        }
        return;
    }
    if (socket != m_socket)
        return;
    m_handshakeDeadline.stop();
    m_openedAt.start();
    ++m_openCount;
    m_ping.start(m_pingMs);
    qCInfo(lcSync).noquote() << "event socket open:" << url().toString();
    setState(State::Open);
    Q_EMIT opened();
}

void EventSocket::onDisconnected(QWebSocket *socket)
{
    if (socket == m_pending) {
        qCInfo(lcSync).noquote() << "event socket: the replacement was refused:" << socket->closeReason();
        m_pending = nullptr;
        discard(socket);
        return;
    }
    if (socket != m_socket)
        return;
    const bool wasOpen = m_state == State::Open;
    m_lastReason = socket->closeReason();
    if (m_lastReason.isEmpty())
        m_lastReason = socket->errorString();
    // The server closes with "policy violated" for a token it no longer
    // takes (expired, revoked): the next try asks the session for a new one.
    m_renewToken = socket->closeCode() == QWebSocketProtocol::CloseCodePolicyViolated;
    if (wasOpen && m_openedAt.isValid() && m_openedAt.elapsed() >= kStableMs)
        m_failures = 0;
    ++m_failures;
    m_socket = nullptr;
    discard(socket);
    m_ping.stop();
    m_pongDeadline.stop();
    m_handshakeDeadline.stop();
    setState(State::Closed);
    qCInfo(lcSync).noquote() << "event socket" << (wasOpen ? "lost:" : "failed:") << m_lastReason << "(try"
                             << m_failures << ")";
    Q_EMIT lost(m_lastReason);
    if (m_wanted)
        scheduleReconnect();
}

void EventSocket::scheduleReconnect()
{
    if (!m_wanted)
        return;
    int delay = backoffFor(m_failures);
    if (m_renewToken && m_failures <= 1)
        delay = 0; // an expired token: a fresh one at once
    else if (delay > 0)
        delay = delay / 2 + int(QRandomGenerator::global()->bounded(delay / 2 + 1)); // jitter: the upper half
    qCDebug(lcSync) << "event socket: next try in" << delay << "ms";
    m_reconnect.start(delay);
}

void EventSocket::discard(QWebSocket *socket)
{
    if (!socket)
        return;
    socket->disconnect(this);
    if (socket->state() == QAbstractSocket::ConnectedState)
        socket->close(QWebSocketProtocol::CloseCodeNormal);
    else
        socket->abort();
    socket->deleteLater();
}

void EventSocket::onSessionRefreshed()
{
    if (!m_wanted || m_state != State::Open || m_pending || !m_client)
        return;
    m_client->session()->withAccessToken(this, [this](const QString &token, const ApiError &error) {
        if (error.isError() || token == m_token || !m_wanted || m_pending || m_state != State::Open)
            return;
        openWith(token, true);
    });
}

void EventSocket::onMessage(const QString &message)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(message.toUtf8(), &parseError);
    const QJsonObject o = doc.object();
    const QJsonValue seq = o.value(QStringLiteral("seq"));
    const QJsonValue entity = o.value(QStringLiteral("entity"));
    const QJsonValue id = o.value(QStringLiteral("id"));
    const QString op = o.value(QStringLiteral("op")).toString();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !seq.isDouble()
        || !entity.isString() || !id.isDouble()
        || (op != QLatin1String("upsert") && op != QLatin1String("delete"))) {
        qCWarning(lcSync) << "event socket: a message that is not an event," << message.size()
                          << "characters";
        Q_EMIT malformedMessage();
        return;
    }
    LiveEvent e;
    e.seq = qint64(seq.toDouble());
    e.entityName = entity.toString();
    e.entity = entityFromWireName(e.entityName);
    e.id = qint64(id.toDouble());
    e.deleted = op == QLatin1String("delete");
    Q_EMIT eventReceived(e);
}

} // namespace LittleLemon::Client
