#include "cutproxy.h"

#include <QTcpSocket>

namespace LittleLemon::Test {

CutProxy::CutProxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &CutProxy::onNewConnection);
}

CutProxy::~CutProxy()
{
    const QList<Pipe *> pipes = std::exchange(m_pipes, {});
    for (Pipe *p : pipes) {
        for (QTcpSocket *s : { p->client.data(), p->upstream.data() }) {
            if (s) {
                s->disconnect(this);
                s->abort();
            }
        }
        delete p;
    }
}

bool CutProxy::listen(quint16 upstreamPort)
{
    m_upstreamPort = upstreamPort;
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl CutProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void CutProxy::cutNextEventMessage(int keepBytes)
{
    m_keep = std::max(0, keepBytes);
}

void CutProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *pipe = new Pipe;
        m_pipes << pipe;
        pipe->client = client;
        auto *upstream = new QTcpSocket(this);
        pipe->upstream = upstream;
        connect(client, &QTcpSocket::readyRead, this, [this, pipe] {
            const QByteArray data = pipe->client->readAll();
            if (!pipe->events && data.contains("GET /api/events")
                && data.toLower().contains("upgrade: websocket")) {
                pipe->events = true;
                ++m_eventConnections;
            }
            if (pipe->upstream && pipe->upstream->state() == QAbstractSocket::ConnectedState)
                pipe->upstream->write(data);
            else
                pipe->pending += data;
        });
        connect(upstream, &QTcpSocket::connected, this, [pipe] {
            if (!pipe->pending.isEmpty())
                pipe->upstream->write(std::exchange(pipe->pending, QByteArray()));
        });
        connect(upstream, &QTcpSocket::readyRead, this, [this, pipe] {
            QByteArray data = pipe->upstream->readAll();
            // The handshake answer passes; the first message after it is cut.
            if (pipe->events && m_keep >= 0 && !data.startsWith("HTTP/")) {
                pipe->client->write(data.left(m_keep));
                pipe->client->flush();
                m_keep = -1;
                ++m_cuts;
                closePipe(pipe);
                return;
            }
            pipe->client->write(data);
        });
        connect(client, &QTcpSocket::disconnected, this, [this, pipe] { closePipe(pipe); });
        connect(upstream, &QTcpSocket::disconnected, this, [this, pipe] { closePipe(pipe); });
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }
}

void CutProxy::closePipe(Pipe *pipe)
{
    if (!m_pipes.contains(pipe))
        return;
    m_pipes.removeOne(pipe);
    if (pipe->client) {
        pipe->client->disconnect(this);
        pipe->client->abort();
        pipe->client->deleteLater();
    }
    if (pipe->upstream) {
        pipe->upstream->disconnect(this);
        pipe->upstream->abort();
        pipe->upstream->deleteLater();
    }
    delete pipe;
}

} // namespace LittleLemon::Test
