#include "api/server/tlsserver.h"

#include "api/server/connectionguard.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace LittleLemon::Server {

Q_LOGGING_CATEGORY(lcTls, "littlelemon.server.tls", QtInfoMsg)

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("LittleLemon::Server::TlsServer", text);
}

bool readFile(const QString &path, QByteArray *out, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    // PEM files are a few kilobytes; a huge one is the wrong file.
    *out = f.read(1024 * 1024);
    return true;
}
} // namespace

TlsServer::TlsServer(const QSslConfiguration &configuration, qint64 maxBodyBytes, QObject *parent)
    : QSslServer(parent)
    , m_maxBody(maxBodyBytes)
{
    setSslConfiguration(configuration);
    // Emitted from incomingConnection(), before the socket is handed on:
    // the guard's readyRead connection comes first and so runs first.
    connect(this, &QSslServer::startedEncryptionHandshake, this,
            [this](QSslSocket *socket) { new ConnectionGuard(socket, m_maxBody); });
    // A terminal that does not trust the certificate ends the handshake:
    // worth a line in the log, since the terminal only says "TLS error".
    connect(this, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
        qCInfo(lcTls) << "TLS connection from" << socket->peerAddress().toString() << "failed:"
                      << socket->errorString();
    });
}

bool TlsServer::loadConfiguration(const QString &certificatePath, const QString &keyPath, QSslConfiguration *out,
                                  QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = tr("this system's Qt has no TLS support (is libssl3 installed?)");
        return false;
    }
    QByteArray pem;
    if (!readFile(certificatePath, &pem, error))
        return false;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(pem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = tr("%1 holds no PEM certificate (\"-----BEGIN CERTIFICATE-----\")").arg(certificatePath);
        return false;
    }
    const QSslCertificate &certificate = chain.first();
    if (certificate.expiryDate() < QDateTime::currentDateTimeUtc())
        qCWarning(lcTls) << "the certificate in" << certificatePath << "expired on"
                         << certificate.expiryDate().toString(Qt::ISODate) << "- terminals will refuse it";

    QByteArray keyPem;
    if (!readFile(keyPath, &keyPem, error))
        return false;
    if (keyPem.contains("ENCRYPTED")) {
        *error = tr("%1 is protected by a passphrase, which a service cannot type: "
                    "write it without one (openssl pkey -in KEY -out KEY.plain) and keep it readable "
                    "by the server's user only")
                     .arg(keyPath);
        return false;
    }
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = tr("%1 holds no PEM private key this server can use (RSA or EC)").arg(keyPath);
        return false;
    }
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificateChain(chain);
    conf.setPrivateKey(key);
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    // Terminals are not asked for certificates of their own.
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    *out = conf;
    return true;
}

} // namespace LittleLemon::Server
