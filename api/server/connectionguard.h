#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

namespace LittleLemon::Server {

class ConnectionLimits;

// Watches the bytes of one connection before Qt HTTP Server parses them, so
// limits hold at the socket: Qt 6.4 buffers a whole request body (and any
// header block) in memory before we see the request. The guard refuses a
// header block over kMaxHeaderBytes (431), a Content-Length over the body
// limit (413) and chunked bodies (411, their size is unknown up front),
// answering itself and closing the connection; it also answers "Expect:
// 100-continue" so clients such as curl do not wait a second before
// sending a body. After an Upgrade request (WebSocket) it steps aside.
//
// Each guard also counts its connection against the listening server's
// ConnectionLimits, which close stalled connections and the stalest one when
// too many are open; and it reserves in RequestBudget what Qt will hold of
// the request (its header block and body, twice: Qt keeps a copy in the
// socket's read transaction and one in the parsed request) before Qt reads
// it. A body that does not fit is answered 503 with Retry-After and drained
// unread; the reservation is given back when the next request begins (Qt
// drops the previous one then) or the connection goes.
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
    static constexpr qint64 kMaxDrainBytes = 16 * 1024 * 1024;

    // `socket`'s parent is the listening server (QTcpServer and QSslServer
    // make their sockets so): its ConnectionLimits count this connection.
    ConnectionGuard(QTcpSocket *socket, qint64 maxBodyBytes);
    ~ConnectionGuard() override;

    // The key connections and bytes are counted under (the peer's address).
    QByteArray peer() const { return m_peer; }

    enum class Phase {
        Idle,      // between requests (or before the first)
        Receiving, // a request's header block or body is on its way
        Closing,   // refused or draining
        Upgraded,  // another protocol (WebSocket) owns the connection
    };
    Phase phase() const;
    // When the current phase began (ConnectionLimits::now()).
    qint64 phaseStart() const { return m_phaseStart; }
    // Answers 408 and closes (a request that did not arrive in time).
    void timeOut();
    // Closes at once (the server needs the connection for someone else).
    void evict();
    // Closes after what is still to be written (a keep-alive left unused).
    void closeIdle();

private:
    void inspect();
    // Answers and closes; with drainBytes > 0 it first reads and drops that
    // much of the body, so a client still sending reads the answer instead
    // of a reset connection.
    void refuse(int status, const QByteArray &detail, qint64 drainBytes = 0, const QByteArray &extraHeaders = {});
    bool headerBlockDone();
    // RequestBudget, for what Qt will hold of this request.
    bool reserve(qint64 bytes);
    void releaseAll();

    void setPhaseStart();

    QTcpSocket *m_socket;
    qint64 m_maxBody;
    enum class State { Headers, Body, Refused, Draining, Upgraded } m_state = State::Headers;
    QByteArray m_headers;
    qint64 m_bodyLeft = 0;
    qint64 m_phaseStart = 0;
    QPointer<ConnectionLimits> m_limits;
    QByteArray m_peer;
    qint64 m_reserved = 0;
    // The listening server (the socket's parent), for timers that outlive the socket.
    QPointer<QObject> m_server;
};

// The connections of one listening server, so that no client (a slowloris
// opening connections and trickling headers, or just a great many idle
// ones) can take them all: Qt accepts until the process runs out of file
// descriptors, and then a Linux server spins on accept() and serves no one.
//
// - At most maxConnections() are open: the process's open-file limit (raised
//   to its hard limit on first use) less a reserve for the database and logs,
//   and never more than kMaxConnections. One over it closes the stalest
//   connection: the one whose request (or idleness) began longest ago,
//   WebSockets last; a request on its way has made recent progress and stays.
// - A request must arrive whole (header block and body) within
//   kRequestTimeoutMs of its first byte, or it is answered 408 and closed.
// - A connection idle for kIdleTimeoutMs is closed (clients reconnect).
// - One peer address holds at most maxPerAddress() connections: one more
//   closes that address's stalest, so a client with a thousand unfinished
//   uploads competes with itself, not with the terminals.
class ConnectionLimits : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxConnections = 4096;
    static constexpr int kReservedDescriptors = 64;
    static constexpr int kRequestTimeoutMs = 20000;
    static constexpr int kIdleTimeoutMs = 120000;

    // The limits of `server` (created on first use, as its child).
    static ConnectionLimits *of(QObject *server);
    // Milliseconds on a monotonic clock.
    static qint64 now();

    int maxConnections() const { return m_max; }
    int count() const { return int(m_guards.size()); }
    // For every listening server of the process (set before listening).
    static void setMaxPerAddress(int connections);
    static int maxPerAddress();

    void add(ConnectionGuard *guard);
    void remove(ConnectionGuard *guard);

private:
    explicit ConnectionLimits(QObject *server);
    void sweep();
    // The stalest connection (of `peer` only, when given) is closed.
    void evictStalest(const QByteArray &peer = {});

    QSet<ConnectionGuard *> m_guards;
    QHash<QByteArray, int> m_perAddress;
    QTimer m_sweep;
    int m_max = kMaxConnections;
};

// A QTcpServer whose connections get a ConnectionGuard before anyone else
// reads them (the guard's readyRead connection comes first, so it runs first).
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit GuardedTcpServer(qint64 maxBodyBytes, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    qint64 m_maxBody;
};

} // namespace LittleLemon::Server
