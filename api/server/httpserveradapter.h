#pragma once

#include "api/server/httprequest.h"
#include "api/server/httpresponse.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QSslConfiguration>

#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace LittleLemon::Server {

class EventHub;

// The one place that knows Qt HTTP Server. It turns each QHttpServerRequest
// into a socket-free Request, hands it to the core and writes the Response
// back in one piece. Qt 6.8 reworks this API (bind() instead of listen(),
// handleRequest() takes a responder, upgrade verifiers for WebSockets), so
// nothing else in the server includes a QtHttpServer header.
class HttpServerAdapter : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<Response(const Request &)>;
    static constexpr qsizetype kCloseAfterBodyBytes = 64 * 1024;

    explicit HttpServerAdapter(Handler handler, QObject *parent = nullptr);
    ~HttpServerAdapter() override;

    // Starts listening; port 0 picks a free one. Connections are guarded
    // (ConnectionGuard) with `maxBodyBytes`. On failure *error says why.
    bool listen(const QHostAddress &address, quint16 port, qint64 maxBodyBytes, QString *error);
    // Serves https:// from the next listen() on (TlsServer::loadConfiguration()).
    void setTls(const QSslConfiguration &configuration);
    bool isTls() const { return m_tls; }
    quint16 port() const;
    // Stops accepting new connections (existing ones finish their request).
    void close();
    // Serves /api/events: WebSocket upgrades of that path go to `hub` (the
    // `events` extension). Without a hub they are refused.
    void setEventHub(EventHub *hub);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // An answer in a connection's line: answers leave in the order their
    // requests came, so one that waits (Response::pending) holds back the
    // ones a pipelining client asked for after it.
    struct Queued
    {
        bool ready = false;
        QByteArray bytes;
        bool close = false;
    };
    struct Line
    {
        QList<std::shared_ptr<Queued>> answers;
        QMetaObject::Connection watch; // forgets the line when the socket goes
    };
    void send(QTcpSocket *socket, const QByteArray &bytes, bool close);
    void flush(QTcpSocket *socket);

    void takeWebSockets();
    // Whether a WebSocket handshake's Origin may be echoed by Qt's answer.
    static bool originAllowed(const QHttpServerRequest &request);
    static Request toRequest(const QHttpServerRequest &request);
    static QByteArray serialize(const Response &response, bool headOnly, bool close);

    Handler m_handler;
    QTcpServer *m_tcp = nullptr;
    // Whether this turn of the event loop has run long enough that an answer
    // should leave at once (send()).
    bool longTurn();
    static constexpr qint64 kLongTurnNs = 2'000'000;
    bool m_turnWatched = false;
    QElapsedTimer m_turn; // since the loop last woke up
    bool m_tls = false;
    QSslConfiguration m_tlsConfiguration;
    QPointer<EventHub> m_events;
    // Connections upgraded to a WebSocket, by peer port, until Qt hands the
    // WebSocket over (the hub watches their unsent bytes).
    QHash<quint16, QPointer<QTcpSocket>> m_upgrading;
    // Connections with an answer still to come.
    QHash<QTcpSocket *, Line> m_lines;
};

} // namespace LittleLemon::Server
