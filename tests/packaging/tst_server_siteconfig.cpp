#include "httptestclient.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <csignal>

using namespace LittleLemon::Test;

namespace {

// littlelemon-server as the site server runs it: `--config FILE` plus the
// options given, in a temporary data directory; waits for the line that
// says where it listens.
class SiteServer
{
public:
    explicit SiteServer(const QString &dataDir)
        : m_dataDir(dataDir)
    {
    }
    ~SiteServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    bool start(const QStringList &args, QString *error)
    {
        m_process.setProgram(QStringLiteral(LL_SERVER_BINARY));
        m_process.setArguments(QStringList { QStringLiteral("--data-dir"), m_dataDir } + args);
        m_process.start();
        if (!m_process.waitForStarted()) {
            *error = m_process.errorString();
            return false;
        }
        static const QRegularExpression line(QStringLiteral("listening on (https?://127\\.0\\.0\\.1:\\d+)\\n"));
        QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            m_out += m_process.readAllStandardOutput();
            const auto m = line.match(QString::fromUtf8(m_out));
            if (m.hasMatch()) {
                m_url = QUrl(m.captured(1));
                return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            m_process.waitForReadyRead(200);
        }
        *error = QStringLiteral("no listening line; stdout: %1 stderr: %2")
                     .arg(QString::fromUtf8(m_out), QString::fromUtf8(m_process.readAllStandardError()));
        return false;
    }
    QUrl url() const { return m_url; }
    QByteArray output() const { return m_out; }
    bool stop()
    {
        ::kill(pid_t(m_process.processId()), SIGTERM);
        return m_process.waitForFinished(15000) && m_process.exitCode() == 0;
    }

private:
    QString m_dataDir;
    QProcess m_process;
    QByteArray m_out;
    QUrl m_url;
};

// Runs the server expecting it to refuse to start; returns its exit code
// and stderr.
int runToFailure(const QStringList &args, QByteArray *stdErr)
{
    QProcess p;
    p.start(QStringLiteral(LL_SERVER_BINARY), args);
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    *stdErr = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// A self-signed certificate for 127.0.0.1 made by the openssl command, as
// an administrator would make one (README, "HTTPS").
bool makeCertificate(const QString &dir, const QString &keyType, QString *error)
{
    QStringList args { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                       dir + QStringLiteral("/server.key"), QStringLiteral("-out"), dir + QStringLiteral("/server.crt") };
    if (keyType == u"ec")
        args << QStringLiteral("-newkey") << QStringLiteral("ec") << QStringLiteral("-pkeyopt")
             << QStringLiteral("ec_paramgen_curve:prime256v1");
    else
        args << QStringLiteral("-newkey") << QStringLiteral("rsa:2048");
    QProcess p;
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        *error = QStringLiteral("openssl failed: %1 %2").arg(p.errorString(), QString::fromUtf8(p.readAllStandardError()));
        return false;
    }
    return true;
}

void trustOnly(const QString &certificatePath)
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setCaCertificates(QSslCertificate::fromPath(certificatePath));
    QSslConfiguration::setDefaultConfiguration(conf);
}

} // namespace

// The site server's configuration: /etc/littlelemon/server.conf read with
// --config (the command line wins over it, a bad line stops the start with
// its line number) and HTTPS from a certificate and key made by openssl:
// a client that trusts the certificate talks to it (pagination links say
// https), plain HTTP and untrusting clients get nothing, and the body limit
// still holds behind TLS.
class TstServerSiteConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void configFileIsReadAndTheCommandLineWins()
    {
        QTemporaryDir tmp;
        const QString conf = tmp.filePath(QStringLiteral("server.conf"));
        QVERIFY(writeFile(conf, "# site\nlisten = 127.0.0.1:0\npage_size = 2\nthrottle_anon = 1000\nbackup_keep = 0\n"));
        {
            SiteServer server(tmp.filePath(QStringLiteral("data")));
            QString error;
            QVERIFY2(server.start({ QStringLiteral("--config"), conf, QStringLiteral("--demo-data") }, &error),
                     qPrintable(error));
            HttpTestClient http(server.url());
            const HttpReply page = http.get(QStringLiteral("/api/menu-items"));
            QCOMPARE(page.status, 200);
            QCOMPARE(page.object().value(QStringLiteral("results")).toArray().size(), 2);
            QVERIFY(server.stop());
        }
        SiteServer server(tmp.filePath(QStringLiteral("data")));
        QString error;
        QVERIFY2(server.start({ QStringLiteral("--config"), conf, QStringLiteral("--page-size"), QStringLiteral("4") },
                              &error),
                 qPrintable(error));
        HttpTestClient http(server.url());
        QCOMPARE(http.get(QStringLiteral("/api/menu-items")).object().value(QStringLiteral("results")).toArray().size(), 4);
        QVERIFY(server.stop());
    }

    void badConfigStopsTheStart_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown key") << QByteArray("listen = 127.0.0.1:0\nlisten_port = 80\n") << ":2: unknown key";
        QTest::newRow("bad value") << QByteArray("page_size = lots\n") << ":1: page_size";
        QTest::newRow("certificate without key")
            << QByteArray("listen = 127.0.0.1:0\ntls_certificate = /etc/ssl/certs/ssl-cert-snakeoil.pem\n")
            << "tls_certificate and tls_key";
    }

    void badConfigStopsTheStart()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, mentions);
        QTemporaryDir tmp;
        const QString conf = tmp.filePath(QStringLiteral("server.conf"));
        QVERIFY(writeFile(conf, text));
        QByteArray err;
        QCOMPARE(runToFailure({ QStringLiteral("--config"), conf, QStringLiteral("--data-dir"), tmp.filePath("d") }, &err),
                 2);
        QVERIFY2(err.contains(mentions.toUtf8()), err.constData());
        QVERIFY(runToFailure({ QStringLiteral("--config"), tmp.filePath(QStringLiteral("none.conf")),
                               QStringLiteral("--data-dir"), tmp.filePath("d") },
                             &err)
                != 0);
        QVERIFY2(err.contains("none.conf"), err.constData());
    }

    void servesHttps_data()
    {
        QTest::addColumn<QString>("keyType");
        QTest::addColumn<bool>("fromConfigFile");
        QTest::newRow("rsa, server.conf") << "rsa" << true;
        QTest::newRow("ec, command line") << "ec" << false;
    }

    void servesHttps()
    {
        QFETCH(QString, keyType);
        QFETCH(bool, fromConfigFile);
        const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
        QTemporaryDir tmp;
        QString error;
        QVERIFY2(makeCertificate(tmp.path(), keyType, &error), qPrintable(error));
        const QString crt = tmp.filePath(QStringLiteral("server.crt"));
        const QString key = tmp.filePath(QStringLiteral("server.key"));
        QStringList args { QStringLiteral("--demo-data"), QStringLiteral("--max-body-bytes"), QStringLiteral("4096") };
        const QString conf = tmp.filePath(QStringLiteral("server.conf"));
        if (fromConfigFile) {
            QVERIFY(writeFile(conf, "listen = 127.0.0.1:0\nbackup_keep = 0\ntls_certificate = " + crt.toUtf8()
                                        + "\ntls_key = " + key.toUtf8() + "\n"));
            args << QStringLiteral("--config") << conf;
        } else {
            args << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0") << QStringLiteral("--backup-keep")
                 << QStringLiteral("0") << QStringLiteral("--tls-certificate") << crt << QStringLiteral("--tls-key")
                 << key;
        }
        SiteServer server(tmp.filePath(QStringLiteral("data")));
        QVERIFY2(server.start(args, &error), qPrintable(error));
        QCOMPARE(server.url().scheme(), QStringLiteral("https"));
        // The fingerprint terminals compare before trusting the certificate, as openssl and the desk write it.
        const QByteArray fingerprint
            = QSslCertificate::fromPath(crt).value(0).digest(QCryptographicHash::Sha256).toHex(':').toUpper();
        QVERIFY2(server.output().contains(QByteArray("SHA-256 fingerprint: " + fingerprint + '\n')), server.output().constData());

        // A client that trusts nothing in particular refuses the self-signed certificate.
        {
            HttpTestClient untrusting(server.url());
            const HttpReply r = untrusting.get(QStringLiteral("/health"));
            QCOMPARE(r.status, 0);
            QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);
        }
        trustOnly(crt);
        HttpTestClient http(server.url());
        const HttpReply health = http.get(QStringLiteral("/health"));
        QVERIFY2(health.status == 200, qPrintable(health.describe()));
        const HttpReply page = http.get(QStringLiteral("/api/menu-items"));
        QCOMPARE(page.status, 200);
        const QString next = page.object().value(QStringLiteral("next")).toString();
        QVERIFY2(next.startsWith(server.url().toString() + QStringLiteral("/api/menu-items?")), qPrintable(next));
        QCOMPARE(http.sendUrl("GET", QUrl(next)).status, 200);
        // Live updates (/api/events) ride the same TLS connection: wss://.
        QProcess add;
        add.start(QStringLiteral(LL_SERVER_BINARY),
                  { QStringLiteral("--data-dir"), tmp.filePath(QStringLiteral("data")), QStringLiteral("user"),
                    QStringLiteral("add"), QStringLiteral("ada"), QStringLiteral("--role"), QStringLiteral("admin"),
                    QStringLiteral("--password-stdin"), QStringLiteral("--hash-iterations"), QStringLiteral("1000") });
        add.write("Lemon-Admin-42\n");
        add.closeWriteChannel();
        QVERIFY(add.waitForFinished(30000));
        QCOMPARE(add.exitCode(), 0);
        const QString token = http.login(QStringLiteral("ada"), QStringLiteral("Lemon-Admin-42"));
        QVERIFY(!token.isEmpty());
        QUrl wss = server.url();
        wss.setScheme(QStringLiteral("wss"));
        wss.setPath(QStringLiteral("/api/events"));
        QNetworkRequest upgrade(wss);
        upgrade.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QWebSocket events;
        events.setSslConfiguration(QSslConfiguration::defaultConfiguration());
        QSignalSpy connected(&events, &QWebSocket::connected);
        QSignalSpy message(&events, &QWebSocket::textMessageReceived);
        events.open(upgrade);
        QVERIFY2(connected.wait(10000), qPrintable(events.errorString()));
        QCOMPARE(http.post(QStringLiteral("/api/categories"),
                           QJsonObject { { QStringLiteral("slug"), QStringLiteral("tls") },
                                         { QStringLiteral("title"), QStringLiteral("Over TLS") } })
                     .status,
                 201);
        QTRY_VERIFY_WITH_TIMEOUT(!message.isEmpty(), 10000);
        QVERIFY2(message.first().first().toString().contains(QStringLiteral("\"op\"")),
                 qPrintable(message.first().first().toString()));
        events.close();

        // The socket-level limits hold behind TLS too.
        const HttpReply big = http.send("POST", QStringLiteral("/api/categories"), QByteArray(64 * 1024, 'x'),
                                        { { "Content-Type", "application/json" } });
        QCOMPARE(big.status, 413);

        // Plain HTTP to the TLS port gets no HTTP answer.
        QUrl plain = server.url();
        plain.setScheme(QStringLiteral("http"));
        const QByteArray answer = HttpTestClient::rawExchange(plain, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n", 3000);
        QVERIFY2(!answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(server.stop());
        QSslConfiguration::setDefaultConfiguration(original);
    }

    void badTlsFilesStopTheStart_data()
    {
        QTest::addColumn<QString>("broken");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing certificate") << "no-crt" << "cannot read";
        QTest::newRow("key is not a key") << "bad-key" << "no PEM private key";
        QTest::newRow("certificate is a key") << "key-as-crt" << "no PEM certificate";
        QTest::newRow("key with a passphrase") << "encrypted" << "passphrase";
    }

    void badTlsFilesStopTheStart()
    {
        QFETCH(QString, broken);
        QFETCH(QString, mentions);
        QTemporaryDir tmp;
        QString error;
        QVERIFY2(makeCertificate(tmp.path(), QStringLiteral("ec"), &error), qPrintable(error));
        QString crt = tmp.filePath(QStringLiteral("server.crt"));
        QString key = tmp.filePath(QStringLiteral("server.key"));
        if (broken == u"no-crt") {
            crt = tmp.filePath(QStringLiteral("missing.crt"));
        } else if (broken == u"bad-key") {
            QVERIFY(writeFile(key, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n"));
        } else if (broken == u"key-as-crt") {
            crt = key;
        } else if (broken == u"encrypted") {
            QProcess p;
            p.start(QStringLiteral("openssl"), { QStringLiteral("pkey"), QStringLiteral("-in"), key,
                                                 QStringLiteral("-aes256"), QStringLiteral("-passout"),
                                                 QStringLiteral("pass:lemon"), QStringLiteral("-out"),
                                                 tmp.filePath(QStringLiteral("enc.key")) });
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitCode(), 0);
            key = tmp.filePath(QStringLiteral("enc.key"));
        }
        QByteArray err;
        QCOMPARE(runToFailure({ QStringLiteral("--data-dir"), tmp.filePath(QStringLiteral("data")),
                                QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--tls-certificate"), crt, QStringLiteral("--tls-key"), key },
                              &err),
                 1);
        QVERIFY2(err.contains(mentions.toUtf8()), err.constData());
    }
};

QTEST_GUILESS_MAIN(TstServerSiteConfig)
#include "tst_server_siteconfig.moc"
