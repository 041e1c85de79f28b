#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace LittleLemon::Test {

// A byte-for-byte TCP proxy in front of a real littlelemon-server that can
// cut an event socket in the middle of a message: armed with
// cutNextEventMessage(keep), the next bytes the server sends on a
// connection that was upgraded to /api/events are forwarded only up to
// `keep` bytes (a WebSocket frame cut short), then both sides are aborted,
// as when a route dies mid-send. Everything else passes untouched.
class CutProxy : public QObject
{
    Q_OBJECT

public:
    explicit CutProxy(QObject *parent = nullptr);
    ~CutProxy() override;

    bool listen(quint16 upstreamPort);
    QUrl url() const;

    void cutNextEventMessage(int keepBytes);
    int cuts() const { return m_cuts; }
    // Event sockets that went through the proxy so far.
    int eventConnections() const { return m_eventConnections; }

private:
    struct Pipe
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
        QByteArray pending; // from the client, before the upstream is connected
        bool events = false;
    };

    void onNewConnection();
    void closePipe(Pipe *pipe);

    QTcpServer m_server;
    quint16 m_upstreamPort = 0;
    QList<Pipe *> m_pipes;
    int m_keep = -1; // armed when >= 0
    int m_cuts = 0;
    int m_eventConnections = 0;
};

} // namespace LittleLemon::Test
