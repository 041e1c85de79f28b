#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>

class QSslServer;
class QTcpSocket;

namespace LittleLemon::Test {

// TLS in front of a plain-HTTP littlelemon-server, the way a restaurant puts
// a LAN server behind stunnel or nginx: it decrypts and passes the bytes on
// unchanged, both ways. The server never knows, so the `next` links it writes
// say http:// with the proxy's port, which the client must re-home onto the
// https:// address it was given.
class TlsProxy : public QObject
{
    Q_OBJECT

public:
    TlsProxy(const QSslConfiguration &tls, quint16 upstreamPort, QObject *parent = nullptr);
    ~TlsProxy() override;

    bool listen();
    quint16 port() const;
    // How many connections completed the TLS handshake.
    int handshakes() const { return m_handshakes; }
    // The request heads the client sent, decrypted ("GET /path HTTP/1.1\r\nHeader: …"), in order per connection.
    QList<QByteArray> requestHeads() const;
    void clearLog() { m_sent.clear(); }

    // The test certificate in tests/client/data (self-signed, CN 127.0.0.1).
    static QSslConfiguration testConfiguration(QString *error);

private:
    void onConnection();

    QSslServer *m_server;
    quint16 m_upstreamPort;
    int m_handshakes = 0;
    QList<QByteArray> m_sent; // client → server bytes, one entry per connection
};

} // namespace LittleLemon::Test
