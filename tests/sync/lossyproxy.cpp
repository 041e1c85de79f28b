#include "lossyproxy.h"

#include <QTcpSocket>

namespace LittleLemon::Test {

LossyProxy::LossyProxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LossyProxy::onNewConnection);
}

LossyProxy::~LossyProxy()
{
    m_server.close();
    for (Pipe *pipe : std::as_const(m_pipes)) {
        if (pipe->client)
            pipe->client->disconnect(this);
        if (pipe->upstream)
            pipe->upstream->disconnect(this);
    }
    for (Pipe *pipe : std::as_const(m_pipes)) {
        if (pipe->client)
            pipe->client->abort();
        if (pipe->upstream)
            pipe->upstream->abort();
        delete pipe;
    }
}

bool LossyProxy::listen(quint16 upstreamPort)
{
    m_upstreamPort = upstreamPort;
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl LossyProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void LossyProxy::dropNextWriteResponse(const QString &pathPrefix, int keepBytes)
{
    m_armed = true;
    m_armedPrefix = pathPrefix;
    m_armedKeep = keepBytes;
}

void LossyProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *pipe = new Pipe;
        pipe->client = client;
        pipe->upstream = new QTcpSocket(this);
        m_pipes.append(pipe);
        connect(client, &QTcpSocket::readyRead, this, [this, pipe] {
            pipe->fromClient += pipe->client->readAll();
            forwardRequests(pipe);
        });
        connect(client, &QTcpSocket::disconnected, this, [this, pipe] { closePipe(pipe); });
        connect(pipe->upstream, &QTcpSocket::connected, this, [this, pipe] {
            pipe->upstreamReady = true;
            forwardRequests(pipe);
        });
        connect(pipe->upstream, &QTcpSocket::readyRead, this, [this, pipe] { onUpstreamData(pipe); });
        connect(pipe->upstream, &QTcpSocket::disconnected, this, [this, pipe] { closePipe(pipe); });
        connect(pipe->upstream, &QTcpSocket::errorOccurred, this, [this, pipe](QAbstractSocket::SocketError) {
            if (!pipe->upstreamReady)
                closePipe(pipe);
        });
        pipe->upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }
}

void LossyProxy::forwardRequests(Pipe *pipe)
{
    if (!pipe->upstreamReady || !pipe->upstream)
        return;
    // Whole requests only, so each can be named and, when armed, marked.
    for (;;) {
        const qsizetype headEnd = pipe->fromClient.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QByteArray head = pipe->fromClient.left(headEnd);
        qsizetype bodyLength = 0;
        for (const QByteArray &line : head.split('\n')) {
            const QByteArray l = line.trimmed();
            if (l.toLower().startsWith("content-length:"))
                bodyLength = l.mid(15).trimmed().toLongLong();
        }
        const qsizetype total = headEnd + 4 + bodyLength;
        if (pipe->fromClient.size() < total)
            return;
        const QByteArray requestLine = head.left(head.indexOf("\r\n"));
        const QList<QByteArray> parts = requestLine.split(' ');
        const QString method = QString::fromLatin1(parts.value(0));
        QString path = QString::fromLatin1(parts.value(1));
        path = path.left(path.indexOf(u'?') < 0 ? path.size() : path.indexOf(u'?'));
        const QString name = method + u' ' + path;
        m_log.append(name);
        const bool write = method != u"GET" && method != u"HEAD" && method != u"OPTIONS";
        if (m_armed && write && path.startsWith(m_armedPrefix)) {
            m_armed = false;
            pipe->dropAnswer = true;
            pipe->keepBytes = m_armedKeep;
            pipe->request = name;
        }
        pipe->upstream->write(pipe->fromClient.left(total));
        pipe->fromClient.remove(0, total);
    }
}

void LossyProxy::onUpstreamData(Pipe *pipe)
{
    const QByteArray data = pipe->upstream->readAll();
    if (!pipe->client)
        return;
    if (!pipe->dropAnswer) {
        pipe->client->write(data);
        return;
    }
    // The server has answered, so it has committed: the client must not learn it.
    if (pipe->keepBytes > 0) {
        pipe->client->write(data.left(pipe->keepBytes));
        pipe->client->flush();
    }
    ++m_dropped;
    const QString request = pipe->request;
    closePipe(pipe, true);
    Q_EMIT responseDropped(request);
}

void LossyProxy::closePipe(Pipe *pipe, bool abort)
{
    if (!m_pipes.contains(pipe))
        return;
    m_pipes.removeOne(pipe);
    if (pipe->client) {
        pipe->client->disconnect(this);
        if (abort)
            pipe->client->abort();
        else
            pipe->client->disconnectFromHost();
        pipe->client->deleteLater();
    }
    if (pipe->upstream) {
        pipe->upstream->disconnect(this);
        if (abort)
            pipe->upstream->abort();
        else
            pipe->upstream->disconnectFromHost();
        pipe->upstream->deleteLater();
    }
    delete pipe;
}

} // namespace LittleLemon::Test
