#include "tlsproxy.h"

#include <QFile>
#include <QRegularExpression>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpSocket>

namespace LittleLemon::Test {

TlsProxy::TlsProxy(const QSslConfiguration &tls, quint16 upstreamPort, QObject *parent)
    : QObject(parent)
    , m_server(new QSslServer(this))
    , m_upstreamPort(upstreamPort)
{
    m_server->setSslConfiguration(tls);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &TlsProxy::onConnection);
}

TlsProxy::~TlsProxy() = default;

bool TlsProxy::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 TlsProxy::port() const
{
    return m_server->serverPort();
}

QSslConfiguration TlsProxy::testConfiguration(QString *error)
{
    QFile certFile(QStringLiteral(LL_CLIENT_TEST_DATA "/selfsigned.crt"));
    QFile keyFile(QStringLiteral(LL_CLIENT_TEST_DATA "/selfsigned.key"));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the test certificate in " LL_CLIENT_TEST_DATA);
        return {};
    }
    const QSslCertificate cert(&certFile, QSsl::Pem);
    const QSslKey key(&keyFile, QSsl::Ec, QSsl::Pem);
    if (cert.isNull() || key.isNull()) {
        *error = QStringLiteral("the test certificate or key does not load");
        return {};
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(cert);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

void TlsProxy::onConnection()
{
    // QSslServer hands out a connection only once its handshake succeeded.
    while (m_server->hasPendingConnections()) {
        auto *client = qobject_cast<QSslSocket *>(m_server->nextPendingConnection());
        if (!client)
            continue;
        ++m_handshakes;
        const qsizetype index = m_sent.size();
        m_sent.append(QByteArray());
        auto *upstream = new QTcpSocket(client);
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        // Bytes that arrive before the upstream connection is up wait in the socket.
        auto pump = [this, index, client, upstream] {
            if (upstream->state() != QAbstractSocket::ConnectedState || !client->bytesAvailable())
                return;
            const QByteArray bytes = client->readAll();
            if (index < m_sent.size())
                m_sent[index] += bytes;
            upstream->write(bytes);
        };
        connect(client, &QIODevice::readyRead, upstream, pump);
        connect(upstream, &QAbstractSocket::connected, upstream, pump);
        connect(upstream, &QIODevice::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
        connect(upstream, &QAbstractSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        connect(upstream, &QAbstractSocket::errorOccurred, client, [client] { client->disconnectFromHost(); });
        connect(client, &QAbstractSocket::disconnected, client, &QObject::deleteLater);
        pump();
    }
}

QList<QByteArray> TlsProxy::requestHeads() const
{
    // A head follows the previous request's body directly, with no line break between them.
    static const QRegularExpression head(
        QStringLiteral("((?:GET|POST|PUT|PATCH|DELETE) /[^\\r\\n ]* HTTP/1\\.1\\r\\n.*?)\\r\\n\\r\\n"),
        QRegularExpression::DotMatchesEverythingOption);
    QList<QByteArray> heads;
    for (const QByteArray &stream : m_sent) {
        const QString text = QString::fromLatin1(stream);
        auto it = head.globalMatch(text);
        while (it.hasNext())
            heads << it.next().captured(1).toLatin1();
    }
    return heads;
}

} // namespace LittleLemon::Test
