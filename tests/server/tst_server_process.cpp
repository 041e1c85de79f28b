#include "tests/support/httptestclient.h"
#include "tests/support/testserver.h"

#include <QTest>

using namespace LittleLemon::Test;

// The server as a process: it starts on a free port, prints the line scripts
// wait for, answers /health, stops cleanly on SIGTERM and comes back on the
// same port with the same data.
class TstServerProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAndAnswersHealth()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(server.port() != 0);
        QVERIFY(server.standardOutput().startsWith("littlelemon-server listening on http://127.0.0.1:"));
        HttpTestClient http(server.url());
        const HttpReply r = http.get(QStringLiteral("/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QVERIFY2(server.stop(), qPrintable(server.errorString()));
        QCOMPARE(server.exitCode(), 0);
    }

    void restartKeepsThePort()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const quint16 port = server.port();
        {
            HttpTestClient http(server.url());
            QCOMPARE(http.get(QStringLiteral("/health")).status, 200);
        }
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        QCOMPARE(server.port(), port);
        HttpTestClient http(server.url());
        QCOMPARE(http.get(QStringLiteral("/health")).status, 200);
        server.kill();
        QVERIFY(!server.isRunning());
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        QCOMPARE(http.get(QStringLiteral("/health")).status, 200);
    }

    void refusesBadCommandLines_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no data dir") << QStringList { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0") };
        QTest::newRow("bad listen") << QStringList { QStringLiteral("--listen"), QStringLiteral("nowhere"),
                                                     QStringLiteral("--data-dir"), QDir::tempPath() };
        QTest::newRow("bad page size") << QStringList { QStringLiteral("--page-size"), QStringLiteral("0"),
                                                        QStringLiteral("--data-dir"), QDir::tempPath() };
        QTest::newRow("bad ttl") << QStringList { QStringLiteral("--access-ttl"), QStringLiteral("soon"),
                                                  QStringLiteral("--data-dir"), QDir::tempPath() };
    }
    void refusesBadCommandLines()
    {
        QFETCH(QStringList, args);
        QProcess p;
        p.start(TestServer::binaryPath(), args);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY(p.exitCode() != 0);
        QVERIFY(!p.readAllStandardError().isEmpty());
    }

    void printsItsVersion()
    {
        QProcess p;
        p.start(TestServer::binaryPath(), { QStringLiteral("--version") });
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains(LL_VERSION));
    }
};

QTEST_GUILESS_MAIN(TstServerProcess)
#include "tst_server_process.moc"
