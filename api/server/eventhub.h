#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

class QTcpSocket;
class QWebSocket;

namespace LittleLemon::Server {

class Backend;
struct ChangeViewer;

// The `events` extension: the WebSockets of /api/events. Each socket is
// checked with the access token of its upgrade request's Authorization
// header (a missing, bad or expired token, or one that expires while
// connected, closes it with CloseCodePolicyViolated and a reason); then
// every change of the change log that its user may see (the feed's rules)
// is pushed as {"seq", "entity", "id", "op"}.
//
// New changes are looked for right after each write request (Backend's
// after-write callback) and every 50 ms while sockets are open, which also
// catches commits of other processes (the command-line tools).
//
// A reader that does not keep up is dropped: before each message the
// socket's unsent bytes are checked against ServerConfig::eventsBacklogBytes,
// so a stalled client costs at most that much memory, never more.
class EventHub : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPollMs = 50;

    explicit EventHub(Backend &backend, QObject *parent = nullptr);
    ~EventHub() override;

    // Takes over a socket the HTTP adapter upgraded; `tcp` is the connection
    // under it (for its unsent bytes), null when unknown.
    void adopt(std::unique_ptr<QWebSocket> socket, QTcpSocket *tcp);
    int clientCount() const { return int(m_clients.size()); }

    // Pushes whatever changed since the last look.
    void poll();
    // poll() once control returns to the event loop (coalesced).
    void schedulePoll();

private:
    struct Client
    {
        QWebSocket *socket = nullptr;
        QPointer<QTcpSocket> tcp;
        qint64 userId = 0;
        qint64 generation = 0; // the user's token generation when it connected
        qint64 unsent = 0; // bytes queued minus bytes written, when tcp is unknown
        QTimer *expiry = nullptr;
        bool dead = false; // closed or dropped; removed by reap()
    };

    void drop(QWebSocket *socket);
    // Removes dead clients; never while poll() walks the list.
    void reap();
    void scheduleReap();
    void refuse(QWebSocket *socket, const QString &reason);
    bool send(Client &client, const QByteArray &message);
    Client *find(QWebSocket *socket);

    Backend &m_backend;
    std::vector<std::unique_ptr<Client>> m_clients;
    qint64 m_lastSeq = -1; // -1: not read yet
    QTimer m_timer;
    bool m_pollScheduled = false;
    bool m_polling = false;
};

} // namespace LittleLemon::Server
