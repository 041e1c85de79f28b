#pragma once

#include "models/entity.h"

#include <optional>
#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QWebSocket;

namespace LittleLemon::Client {

class ApiClient;

// One message of the server's `events` extension: a change was committed.
// It names the row, not its data: the change feed (/api/changes) has that.
struct LiveEvent
{
    qint64 seq = 0;
    std::optional<Entity> entity; // empty: an entity this client does not know
    QString entityName; // as the server wrote it ("order", "menu-item")
    qint64 id = 0;
    bool deleted = false;
};

// The client end of GET /api/events (our `events` extension): one WebSocket,
// ws:// or wss:// after the server's scheme, with the access token in the
// upgrade's Authorization header as the server expects, and the same TLS
// trust as every other request of the ApiClient (a certificate the person
// trusted by its fingerprint is accepted, nothing else that fails to verify).
//
// Once open()ed it stays connected by itself:
// - a lost or refused socket is opened again after a capped exponential
//   backoff with jitter (initial, doubled each failure, up to the cap, each
//   delay drawn from its upper half), so a restarted server is not hit by
//   every terminal at the same instant;
// - a socket the server closes because the token expired or was revoked
//   gets a fresh token from the session first (a revoked sign-in ends the
//   session there, and the socket stays closed);
// - when the session refreshes its access token while connected, a second
//   socket is opened with the new token and the old one is closed only once
//   the new one is up: no gap in which a change could go unseen;
// - a ping every 30 s; no pong within 10 s (a dead route, a suspended
//   laptop) counts as a loss.
// What arrives while closed is never replayed by the server: whoever uses
// this reads the change feed after each opened() (SyncEngine does).
class EventSocket : public QObject
{
    Q_OBJECT

public:
    enum class State { Closed, Connecting, Open };
    Q_ENUM(State)

    explicit EventSocket(ApiClient *client, QObject *parent = nullptr);
    ~EventSocket() override;

    // Connect, and keep connecting until close().
    void open();
    void close();
    // The server answered again (a sync went through): try now, after a
    // short jitter, instead of waiting out the backoff.
    void retrySoon();
    bool isWanted() const { return m_wanted; }
    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }

    // First reconnect delay and the cap (default 500 ms, 30 s).
    void setBackoff(int initialMs, int maxMs);
    int initialBackoff() const { return m_initialMs; }
    int maxBackoff() const { return m_maxMs; }
    // Keep-alive ping interval and how long a pong may take (default 30 s, 10 s).
    void setKeepAlive(int intervalMs, int timeoutMs);

    // The delay before the next attempt after `failures` failures in a row,
    // before jitter (for tests and the docs).
    int backoffFor(int failures) const;

    // Sockets opened since this object was made (the first one included).
    int openCount() const { return m_openCount; }
    // Sockets replaced with a fresh token while connected.
    int tokenSwaps() const { return m_tokenSwaps; }
    // Why the last socket closed, in the server's words where it gave any.
    QString lastCloseReason() const { return m_lastReason; }
    // The events:// URL it connects to.
    QUrl url() const;

Q_SIGNALS:
    void stateChanged(LittleLemon::Client::EventSocket::State state);
    // A socket is up (a reconnect included): what happened while it was down
    // is not known yet.
    void opened();
    // The socket went down; a reconnect is scheduled unless close() was called.
    void lost(const QString &reason);
    void eventReceived(const LittleLemon::Client::LiveEvent &event);
    // A message that was not an event as documented (logged; the feed covers it).
    void malformedMessage();

private:
    void setState(State state);
    void connectNow();
    void openWith(const QString &token, bool swap);
    void onConnected(QWebSocket *socket);
    void onDisconnected(QWebSocket *socket);
    void onMessage(const QString &message);
    void scheduleReconnect();
    void discard(QWebSocket *socket);
    void onSessionRefreshed();

    QPointer<ApiClient> m_client;
    QWebSocket *m_socket = nullptr; // the live one (or the one connecting)
    QWebSocket *m_pending = nullptr; // a replacement with a fresh token, connecting
    QString m_token; // the token m_socket was opened with
    QString m_pendingToken;
    State m_state = State::Closed;
    bool m_wanted = false;
    bool m_renewToken = false; // the last close said the token is no good
    int m_failures = 0;
    int m_initialMs = 500;
    int m_maxMs = 30000;
    int m_pingMs = 30000;
    int m_pongTimeoutMs = 10000;
    int m_openCount = 0;
    int m_tokenSwaps = 0;
    QString m_lastReason;
    QTimer m_reconnect;
    QTimer m_ping;
    QTimer m_pongDeadline;
    QTimer m_handshakeDeadline;
    QElapsedTimer m_openedAt;
};

} // namespace LittleLemon::Client

Q_DECLARE_METATYPE(LittleLemon::Client::LiveEvent)
