// HTTPS: verified by default, and a LAN server's self-signed certificate
// trusted on purpose by its fingerprint. The server sits behind a TLS proxy
// (tlsproxy.h) and writes http:// `next` links; the client keeps to the
// https:// address it was given.
//
// data/selfsigned.{crt,key}: a throwaway certificate for 127.0.0.1, made with
//   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500
//     -subj "/CN=127.0.0.1/O=Little Lemon test" -addext "subjectAltName=IP:127.0.0.1,DNS:localhost"
#include "clienttest.h"
#include "tlsproxy.h"

#include <QCryptographicHash>
#include <QSslSocket>

using namespace LittleLemon;
using namespace LittleLemon::Client;
using namespace LittleLemon::Test;

class TestClientTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void untrustedByDefault();
    void trustedByFingerprint();
    void otherFingerprintStillRefused();
    void transportHeaders();

private:
    QUrl proxyUrl() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_proxy->port())); }

    TestServer m_server;
    std::unique_ptr<TlsProxy> m_proxy;
    QString m_fingerprint; // "AB:CD:…"
    QList<MenuItem> m_menu;
};

void TestClientTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("this Qt has no TLS backend");
    QVERIFY(startServer(m_server, { QStringLiteral("--page-size"), QStringLiteral("3") }));
    QString error;
    m_menu = createMenu(m_server, 10, &error);
    QVERIFY2(m_menu.size() == 10, qPrintable(error));
    const QSslConfiguration tls = TlsProxy::testConfiguration(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_fingerprint = QString::fromLatin1(
        tls.localCertificate().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    m_proxy = std::make_unique<TlsProxy>(tls, m_server.port());
    QVERIFY(m_proxy->listen());
}

void TestClientTls::untrustedByDefault()
{
    auto client = makeClient(proxyUrl());
    QSignalSpy untrusted(client.get(), &ApiClient::untrustedCertificate);
    const auto result = waitFor(client->menuItems());
    QCOMPARE(result.error().kind(), ApiError::Kind::Tls);
    QVERIFY2(result.error().userMessage().startsWith(
                 QStringLiteral("The identity of the server at 127.0.0.1:%1 cannot be verified (").arg(m_proxy->port())),
             qPrintable(result.error().userMessage()));
    // The sentence carries the fingerprint a person compares before trusting.
    QVERIFY(result.error().userMessage().endsWith(m_fingerprint));
    QVERIFY(untrusted.count() >= 1);
    QCOMPARE(untrusted.first().first().toString(), m_fingerprint);
}

void TestClientTls::trustedByFingerprint()
{
    auto client = makeClient(proxyUrl());
    client->setTrustedCertificate(m_fingerprint);
    client->setPageSize(0); // the server's pages of 3, so several `next` links are followed
    const int handshakesBefore = m_proxy->handshakes();
    LL_VERIFY_OK(signIn(*client, QStringLiteral("mario")));
    auto *job = client->menuItems();
    job->setAutoDelete(false);
    QSignalSpy done(job, &ApiJob::finished);
    QVERIFY(done.wait(30000));
    LL_VERIFY_OK(job->result());
    // Four pages, their `next` links written as http://127.0.0.1:<proxy port>
    // by a server that knows nothing of TLS, all read over https.
    QCOMPARE(job->result().value(), m_menu);
    QCOMPARE(job->pagesDone(), 4);
    delete job;
    // One QNetworkAccessManager keeps its connections: far fewer handshakes than requests.
    const int handshakes = m_proxy->handshakes() - handshakesBefore;
    QVERIFY2(handshakes >= 1 && handshakes <= 6, qPrintable(QString::number(handshakes)));
}

void TestClientTls::otherFingerprintStillRefused()
{
    auto client = makeClient(proxyUrl());
    // The fingerprint of some other certificate: trust is for that one only.
    QString other = m_fingerprint;
    other.replace(0, 2, other.startsWith(QLatin1String("00")) ? QStringLiteral("11") : QStringLiteral("00"));
    client->setTrustedCertificate(other);
    const auto result = waitFor(client->menuItems());
    QCOMPARE(result.error().kind(), ApiError::Kind::Tls);
}

// What goes over the wire, read in the clear at the proxy.
void TestClientTls::transportHeaders()
{
    auto client = makeClient(proxyUrl());
    client->setTrustedCertificate(m_fingerprint);
    m_proxy->clearLog();
    LL_VERIFY_OK(signIn(*client, QStringLiteral("mario")));
    LL_VERIFY_OK(waitFor(client->orders()));
    WriteOptions options;
    options.ifMatch = QByteArrayLiteral("\"v1\"");
    options.idempotencyKey = QStringLiteral("3b0b6f0e-0c1d-4e55-9c1e-6d1b1f6b2a10");
    const auto written = waitFor(client->updateMenuItem(m_menu.first().id, { { QStringLiteral("featured"), true } }, options));
    if (!client->hasFeature(QStringLiteral("etag")))
        LL_VERIFY_OK(written);

    const QList<QByteArray> heads = m_proxy->requestHeads();
    QVERIFY(heads.size() >= 5);
    auto headOf = [&](const QByteArray &start) {
        for (const QByteArray &h : heads) {
            if (h.startsWith(start))
                return h;
        }
        return QByteArray();
    };
    auto hasHeader = [](const QByteArray &head, const QByteArray &line) {
        return head.toLower().contains(QByteArray("\r\n" + line.toLower()));
    };
    auto valueOf = [](const QByteArray &head, const QByteArray &name) {
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
                return line.mid(name.size() + 1).trimmed();
        }
        return QByteArray();
    };
    for (const QByteArray &h : heads) {
        // gzip accepted, connections kept, JSON asked for; nothing secret in a URL.
        const QList<QByteArray> codings = valueOf(h, "Accept-Encoding").split(',');
        QVERIFY2(std::any_of(codings.cbegin(), codings.cend(), [](const QByteArray &c) { return c.trimmed() == "gzip"; }),
                 h.constData());
        QVERIFY2(hasHeader(h, "Connection: Keep-Alive"), h.constData());
        QVERIFY2(hasHeader(h, "Accept: application/json"), h.constData());
        const QByteArray requestLine = h.left(h.indexOf("\r\n"));
        QVERIFY(!requestLine.contains(kPassword.toUtf8()));
        QVERIFY(!requestLine.contains("eyJ")); // no JWT
    }
    const QByteArray login = headOf("POST /auth/jwt/create/ ");
    QVERIFY(!login.isEmpty());
    QVERIFY2(!login.toLower().contains("authorization:"), login.constData());
    // "GET /api/orders " or, where page_size is offered, "GET /api/orders?page_size=...".
    QByteArray orders = headOf("GET /api/orders ");
    if (orders.isEmpty())
        orders = headOf("GET /api/orders?");
    QVERIFY2(orders.contains("\r\nAuthorization: Bearer eyJ"), orders.constData());
    const QByteArray patch = headOf("PATCH /api/menu-items/");
    QVERIFY(!patch.isEmpty());
    // If-Match and Idempotency-Key go only to a server that says it honours them.
    QCOMPARE(hasHeader(patch, "If-Match: \"v1\""), client->hasFeature(QStringLiteral("etag")));
    QCOMPARE(hasHeader(patch, "Idempotency-Key: " + options.idempotencyKey.toLatin1()),
             client->hasFeature(QStringLiteral("idempotency")));
}

QTEST_GUILESS_MAIN(TestClientTls)
#include "tst_client_tls.moc"
