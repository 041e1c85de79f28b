#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace LittleLemon::Test;

// The server as a process: it starts on a free port, prints the line scripts
// wait for, answers /health, stops cleanly on SIGTERM and SIGINT, comes back
// on the same port with the same data; the user commands work without (and
// beside) the HTTP side; --demo-data loads once and prints working passwords.
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

    void stopsOnSigint()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        ::kill(pid_t(server.processId()), SIGINT);
        QTRY_VERIFY_WITH_TIMEOUT(!server.isRunning(), 10000);
        QVERIFY(server.stop()); // already gone: reports how it ended
        QCOMPARE(server.exitCode(), 0);
    }

    void userCommands()
    {
        TestServer server; // no server process needed: the commands work on the data directory
        QVERIFY(server.addUser(QStringLiteral("mario"), QStringLiteral("manager"), QStringLiteral("pw-mario"),
                               QStringLiteral("mario@example.com")));
        QVERIFY(server.addUser(QStringLiteral("ann"), QStringLiteral("customer"), QStringLiteral("pw-ann")));
        QVERIFY(!server.addUser(QStringLiteral("ann"), QStringLiteral("customer"), QStringLiteral("again")));
        QVERIFY(server.errorString().contains(QStringLiteral("already exists")));

        QByteArray out;
        QByteArray err;
        auto run = [&](const QStringList &args, const QByteArray &input = QByteArray()) {
            out.clear();
            err.clear();
            return server.runCommand(args, input, &out, &err);
        };
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("list") }), 0);
        QVERIFY(out.contains("mario"));
        QVERIFY(out.contains("manager"));
        QVERIFY(out.contains("mario@example.com"));
        QVERIFY(out.contains("ann"));
        QVERIFY(!out.contains("pbkdf2")); // never a hash on screen

        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--role"),
                       QStringLiteral("chef"), QStringLiteral("--password-stdin") }, "pw\n"), 2);
        QVERIFY(err.contains("unknown role"));
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--role"),
                       QStringLiteral("customer") }), 2);
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bad name"), QStringLiteral("--role"),
                       QStringLiteral("customer"), QStringLiteral("--password-stdin") }, "pw\n"), 1);
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("empty"), QStringLiteral("--role"),
                       QStringLiteral("customer"), QStringLiteral("--password-stdin") }, "\n"), 1);
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("ghost"), QStringLiteral("admin") }), 1);
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("frobnicate") }), 2);
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("ann"), QStringLiteral("delivery-crew") }), 0);
        QCOMPARE(run({ QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("ann"), QStringLiteral("--password-stdin"),
                       QStringLiteral("--hash-iterations"), QStringLiteral("1000") }, "new secret\n"), 0);

        // What the commands did shows over HTTP.
        QVERIFY2(server.start(CloudFixture::relaxedArgs()), qPrintable(server.errorString()));
        HttpTestClient http(server.url());
        QVERIFY(http.login(QStringLiteral("ann"), QStringLiteral("pw-ann")).isEmpty());
        QVERIFY(!http.login(QStringLiteral("ann"), QStringLiteral("new secret")).isEmpty());
        QCOMPARE(http.get(QStringLiteral("/api/cart")).status, 403); // delivery crew now
        QVERIFY(!http.login(QStringLiteral("mario"), QStringLiteral("pw-mario")).isEmpty());
        const HttpReply crew = http.get(QStringLiteral("/api/groups/delivery-crew/users"));
        QCOMPARE(crew.array().size(), 1);
        QCOMPARE(crew.array().at(0).toObject().value(QStringLiteral("username")).toString(), QStringLiteral("ann"));
        // And while it runs: a user added now can sign in at once.
        QVERIFY(server.addUser(QStringLiteral("late"), QStringLiteral("admin"), QStringLiteral("pw-late")));
        QVERIFY(!http.login(QStringLiteral("late"), QStringLiteral("pw-late")).isEmpty());
        QCOMPARE(http.get(QStringLiteral("/api/groups/manager/users")).status, 200);
    }

    void demoDataOnFirstStartOnly()
    {
        TestServer server;
        QVERIFY2(server.start({ QStringLiteral("--demo-data"), QStringLiteral("--hash-iterations"), QStringLiteral("1000") }),
                 qPrintable(server.errorString()));
        const QString out = QString::fromUtf8(server.standardOutput());
        QHash<QString, QString> passwords;
        static const QRegularExpression line(QStringLiteral("^\\s+(admin|manager|delivery-crew|customer)\\s+(\\S+)\\s+(\\S+)$"),
                                             QRegularExpression::MultilineOption);
        for (auto it = line.globalMatch(out); it.hasNext();) {
            const auto m = it.next();
            passwords.insert(m.captured(1), m.captured(2) + u' ' + m.captured(3));
        }
        QCOMPARE(passwords.size(), 4);
        HttpTestClient http(server.url());
        const HttpReply menu = http.get(QStringLiteral("/api/menu-items?search=lasagna"));
        QCOMPARE(menu.object().value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("price")).toString(),
                 QStringLiteral("14.99"));
        QVERIFY(http.get(QStringLiteral("/api/menu-items")).object().value(QStringLiteral("count")).toInt() > 6);
        QCOMPARE(http.get(QStringLiteral("/api/menu-items?category=drinks&search=soda")).object().value(QStringLiteral("count")).toInt(), 1);
        for (const QString &role : passwords.keys()) {
            const QStringList parts = passwords.value(role).split(u' ');
            QVERIFY2(!http.login(parts.at(0), parts.at(1), false).isEmpty(), qPrintable(role));
        }
        // Each role is what it says: the manager edits the menu, the customer has a cart.
        const QStringList manager = passwords.value(QStringLiteral("manager")).split(u' ');
        http.login(manager.at(0), manager.at(1));
        QCOMPARE(http.patch(QStringLiteral("/api/menu-items/2"), QJsonObject { { QStringLiteral("featured"), true } }).status, 200);
        const QStringList customer = passwords.value(QStringLiteral("customer")).split(u' ');
        http.login(customer.at(0), customer.at(1));
        QCOMPARE(http.get(QStringLiteral("/api/cart")).status, 200);

        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        QVERIFY(!server.standardOutput().contains("Demo users"));
        QCOMPARE(http.get(QStringLiteral("/api/menu-items/2")).object().value(QStringLiteral("featured")).toBool(), true);
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
