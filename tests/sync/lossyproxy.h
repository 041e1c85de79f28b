#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace LittleLemon::Test {

// A small HTTP-aware TCP proxy in front of a real littlelemon-server, for the
// one failure a server cannot be asked to make: a write the server committed
// whose answer never reaches the client. Armed with dropNextWriteResponse(),
// it forwards the next write to the server as usual, then cuts the server's
// answer (after `keepBytes` bytes: 0 loses it whole, a few bytes leave the
// client reading a broken answer) and closes both connections. Everything
// else is passed through byte for byte. It logs every request it forwarded.
class LossyProxy : public QObject
{
    Q_OBJECT

public:
    explicit LossyProxy(QObject *parent = nullptr);
    ~LossyProxy() override;

    // Listens on 127.0.0.1 (a free port) and forwards to 127.0.0.1:upstreamPort.
    bool listen(quint16 upstreamPort);
    QUrl url() const;

    // The next write (not GET/HEAD/OPTIONS) whose path starts with `pathPrefix`.
    void dropNextWriteResponse(const QString &pathPrefix = QString(), int keepBytes = 0);
    bool isArmed() const { return m_armed; }
    int droppedResponses() const { return m_dropped; }
    // "POST /api/menu-items", in the order forwarded.
    QStringList requestLog() const { return m_log; }
    int count(const QString &methodAndPath) const { return int(m_log.count(methodAndPath)); }

Q_SIGNALS:
    void responseDropped(const QString &request);

private:
    struct Pipe
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
        QByteArray fromClient; // not yet forwarded (waiting for a whole request or the connection)
        bool upstreamReady = false;
        bool dropAnswer = false;
        int keepBytes = 0;
        QString request;
    };

    void onNewConnection();
    void forwardRequests(Pipe *pipe);
    void onUpstreamData(Pipe *pipe);
    void closePipe(Pipe *pipe, bool abort = false);

    QTcpServer m_server;
    quint16 m_upstreamPort = 0;
    QList<Pipe *> m_pipes;
    QStringList m_log;
    QString m_armedPrefix;
    int m_armedKeep = 0;
    bool m_armed = false;
    int m_dropped = 0;
};

} // namespace LittleLemon::Test
