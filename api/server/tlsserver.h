#pragma once

#include <QSslConfiguration>
#include <QSslServer>
#include <QString>

namespace LittleLemon::Server {

// The HTTPS listener of littlelemon-server: a QSslServer whose connections
// get a ConnectionGuard (the same limits as plain HTTP) as soon as their
// TLS handshake starts, before Qt HTTP Server reads them.
//
// Qt 6.4's QAbstractHttpServer::sslSetup() only changes what its own
// listen() creates; our adapter bind()s a server it made itself (to guard
// the connections), so it makes this one when TLS is configured.
class TlsServer : public QSslServer
{
    Q_OBJECT

public:
    TlsServer(const QSslConfiguration &configuration, qint64 maxBodyBytes, QObject *parent = nullptr);

    // Reads the PEM files of server.conf's tls_certificate (the server's
    // certificate, then any intermediates) and tls_key (an unencrypted RSA
    // or EC private key) into a server-side configuration that allows TLS
    // 1.2 and later. False with *error saying which file is wrong and why.
    static bool loadConfiguration(const QString &certificatePath, const QString &keyPath, QSslConfiguration *out,
                                  QString *error);

private:
    qint64 m_maxBody;
};

} // namespace LittleLemon::Server
