// littlelemon-cli against the cloud API's own code (the cloud peer, throttle
// on): sign-in through the cloud's HTML 404 for /api/meta, decided once; the
// first sync; an edit; an edit queued while the cloud is down and delivered
// when it is back; exit codes as the help states them.
// Runs in a private D-Bus session with a keyring (with-keyring.sh), so each
// command signs in again from the keychain as on a desktop.

#include "cloudpeer.h"
#include "httptestclient.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace LittleLemon::Test;

namespace {

const QString kManager = QStringLiteral("cli_mario");
const QString kPassword = QStringLiteral("CliManager#1");

struct CliRun
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QString describe() const
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(code).arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
};

int countPath(const QList<CloudPeer::Request> &requests, const QString &path)
{
    return int(std::count_if(requests.cbegin(), requests.cend(),
                             [&](const CloudPeer::Request &r) { return r.path.section(u'?', 0, 0) == path; }));
}

} // namespace

class tst_CloudCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loginDecidesDiscoveryOnce();
    void wrongPasswordIsExitThree();
    void editsReachTheCloudAndWaitOutAnOutage();
    void unreadableAnswerIsExitOne();
    // The one 429 of the whole cloud suite (about a minute).
    void throttledSyncWaitsVisibly();

private:
    CliRun cli(const QStringList &args, const QByteArray &input = QByteArray());
    QString price(qint64 item);

    CloudPeer m_peer;
    QTemporaryDir m_home;
};

CliRun tst_CloudCli::cli(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LL_CLI_BINARY), args);
    CliRun run;
    if (!p.waitForStarted(10000))
        return run;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(180000)) {
        p.kill();
        p.waitForFinished();
        return run;
    }
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    run.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return run;
}

QString tst_CloudCli::price(qint64 item)
{
    return m_peer.pythonText(QStringLiteral("from LittleLemon.LittleLemonAPI.models import MenuItem\n"
                                            "print(MenuItem.objects.get(id=%1).price)")
                                 .arg(item));
}

void tst_CloudCli::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Seeded without the throttle, then restarted with it: the test's budget is the test's.
    QVERIFY2(m_peer.start(CloudPeer::Throttle::Off), qPrintable(m_peer.errorString()));
    QVERIFY2(m_peer.addUser(kManager, kPassword, QStringLiteral("manager")), qPrintable(m_peer.errorString()));
    QVERIFY2(m_peer.seedOrders(QStringLiteral("cust"), 30, 3), qPrintable(m_peer.errorString()));
    QVERIFY2(m_peer.restart(CloudPeer::Throttle::On), qPrintable(m_peer.errorString()));
}

void tst_CloudCli::loginDecidesDiscoveryOnce()
{
    const qint64 mark = m_peer.mark();
    const CliRun run = cli({ QStringLiteral("--json"), QStringLiteral("login"), QStringLiteral("--server"),
                             m_peer.url().toString(), QStringLiteral("--user"), kManager, QStringLiteral("--password-stdin") },
                           kPassword.toUtf8() + '\n');
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(run.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("role")).toString(),
             QStringLiteral("manager"));
    QVERIFY2(run.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("30 orders")), qPrintable(run.describe()));
    QVERIFY(m_peer.waitForRequests(mark, 1));
    const auto requests = m_peer.requests(mark);
    // The cloud's HTML 404 for /api/meta decides "no extensions" once; nothing asks again.
    QCOMPARE(countPath(requests, QStringLiteral("/api/meta")), 1);
    QCOMPARE(countPath(requests, QStringLiteral("/auth/jwt/create/")), 1);
    for (const auto &r : requests)
        QVERIFY2(r.status != 429, qPrintable(r.path));

    // A later command signs in from the keychain: one discovery for that sign-in, the list from the cloud.
    const qint64 before = m_peer.mark();
    const CliRun list = cli({ QStringLiteral("--json"), QStringLiteral("orders"), QStringLiteral("list"), QStringLiteral("--open") });
    QVERIFY2(list.code == 0, qPrintable(list.describe()));
    QCOMPARE(list.json().value(QStringLiteral("data")).toArray().size(), 3);
    QVERIFY(m_peer.waitForRequests(before, 1));
    QCOMPARE(countPath(m_peer.requests(before), QStringLiteral("/api/meta")), 1);
}

void tst_CloudCli::wrongPasswordIsExitThree()
{
    QTemporaryDir elsewhere;
    const CliRun run = cli({ QStringLiteral("login"), QStringLiteral("--server"), m_peer.url().toString(),
                             QStringLiteral("--user"), kManager, QStringLiteral("--password-stdin"),
                             QStringLiteral("--data-dir"), elsewhere.path() },
                           "not the password\n");
    QVERIFY2(run.code == 3, qPrintable(run.describe()));
}

void tst_CloudCli::editsReachTheCloudAndWaitOutAnOutage()
{
    // Signed in by loginDecidesDiscoveryOnce (the profile and the keychain keep it).
    CliRun run = cli({ QStringLiteral("--json"), QStringLiteral("menu"), QStringLiteral("set-price"), QStringLiteral("2"),
                       QStringLiteral("5.95") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(price(2), QStringLiteral("5.95"));

    m_peer.kill();
    run = cli({ QStringLiteral("menu"), QStringLiteral("set-price"), QStringLiteral("2"), QStringLiteral("6.25") });
    QVERIFY2(run.code == 4, qPrintable(run.describe()));
    run = cli({ QStringLiteral("--json"), QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--offline") });
    QCOMPARE(run.json().value(QStringLiteral("data")).toArray().size(), 1);

    QVERIFY2(m_peer.restart(CloudPeer::Throttle::On), qPrintable(m_peer.errorString()));
    run = cli({ QStringLiteral("--json"), QStringLiteral("sync") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(price(2), QStringLiteral("6.25"));
    run = cli({ QStringLiteral("--json"), QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--offline") });
    QCOMPARE(run.json().value(QStringLiteral("data")).toArray().size(), 0);
}

void tst_CloudCli::unreadableAnswerIsExitOne()
{
    // Something at the address that answers every request with a web page
    // (a captive portal, a misrouted proxy): not an outage, an answer this
    // program cannot read. The help promises exit code 1 for that.
    QTcpServer portal;
    QVERIFY(portal.listen(QHostAddress::LocalHost, 0));
    connect(&portal, &QTcpServer::newConnection, &portal, [&portal] {
        while (QTcpSocket *s = portal.nextPendingConnection()) {
            connect(s, &QTcpSocket::readyRead, s, [s] {
                if (!s->readAll().contains("\r\n\r\n"))
                    return;
                const QByteArray page = "<html><body>Welcome to the hotel network</body></html>";
                s->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: "
                         + QByteArray::number(page.size()) + "\r\n\r\n" + page);
                s->disconnectFromHost();
            });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    QTemporaryDir elsewhere;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), elsewhere.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), elsewhere.filePath(QStringLiteral("data")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LL_CLI_BINARY),
            { QStringLiteral("login"), QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:%1").arg(portal.serverPort()),
              QStringLiteral("--user"), kManager, QStringLiteral("--password-stdin") });
    p.write(kPassword.toUtf8() + '\n');
    p.closeWriteChannel();
    QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 30000);
    QVERIFY2(p.exitCode() == 1, p.readAllStandardError().constData());
}

void tst_CloudCli::throttledSyncWaitsVisibly()
{
    // Another client of the same user (a phone, a script) spends the user's
    // 100 requests of this minute.
    HttpTestClient phone(m_peer.url());
    QVERIFY(!phone.login(kManager, kPassword).isEmpty());
    int spent = 0;
    while (spent < 150 && phone.get(QStringLiteral("/api/categories")).status != 429)
        ++spent;
    QVERIFY2(spent < 150, "the cloud peer never throttled");

    const qint64 mark = m_peer.mark();
    const CliRun run = cli({ QStringLiteral("--json"), QStringLiteral("sync") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    // The wait was said on stderr, in words; stdout holds the JSON answer alone.
    QVERIFY2(run.err.contains("Waiting for the cloud's rate limit ("), qPrintable(run.describe()));
    QCOMPARE(run.json().value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
    QCOMPARE(run.err.count("Waiting for the cloud's rate limit ("), 1);
    // Waited out, not hammered: the cloud frees one request when the oldest
    // of the other client's leaves its minute, so a second, short 429 may follow
    // while the rest of that burst ages out.
    const auto requests = m_peer.requests(mark);
    const auto throttled = std::count_if(requests.cbegin(), requests.cend(),
                                         [](const CloudPeer::Request &r) { return r.status == 429; });
    QVERIFY2(throttled >= 1 && throttled <= 3, qPrintable(QString::number(throttled)));
}

QTEST_GUILESS_MAIN(tst_CloudCli)
#include "tst_cloud_cli.moc"
