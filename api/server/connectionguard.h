#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace LittleLemon::Server {

// Watches the bytes of one connection before Qt HTTP Server parses them, so
// limits hold at the socket: Qt 6.4 buffers a whole request body (and any
// header block) in memory before we see the request. The guard refuses a
// header block over kMaxHeaderBytes (431), a Content-Length over the body
// limit (413) and chunked bodies (411, their size is unknown up front),
// answering itself and closing the connection; it also answers "Expect:
// 100-continue" so clients such as curl do not wait a second before
// sending a body. After an Upgrade request (WebSocket) it steps aside.
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
    static constexpr qint64 kMaxDrainBytes = 16 * 1024 * 1024;

    ConnectionGuard(QTcpSocket *socket, qint64 maxBodyBytes);

private:
    void inspect();
    // Answers and closes; with drainBytes > 0 it first reads and drops that
    // much of the body, so a client still sending reads the answer instead
    // of a reset connection.
    void refuse(int status, const QByteArray &detail, qint64 drainBytes = 0);
    bool headerBlockDone();

    QTcpSocket *m_socket;
    qint64 m_maxBody;
    enum class State { Headers, Body, Refused, Draining, Upgraded } m_state = State::Headers;
    QByteArray m_headers;
    qint64 m_bodyLeft = 0;
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
