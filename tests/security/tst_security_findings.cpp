#include "securitytest.h"

#include <QDirIterator>
#include <QtTest>

using namespace LittleLemon::Test;

// The smaller findings of issue 20's probe, one test each: ambiguous
// Content-Length, links built from a forged Host, lone surrogate escapes,
// fullwidth user names, forged log lines, restores in the same second, and
// an Origin echoed into the WebSocket handshake.
class TstSecurityFindings : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<CloudFixture> m_users;

    QByteArray raw(const QByteArray &bytes, int timeoutMs = 5000)
    {
        return HttpTestClient::rawExchange(m_server.url(), bytes, timeoutMs);
    }
    QByteArray handshake(const QByteArray &extraHeaders)
    {
        const QByteArray token = m_users->token(QStringLiteral("mario")).toLatin1();
        return raw("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_server.port())
                       + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                         "Authorization: Bearer "
                       + token + "\r\n" + extraHeaders + "\r\n",
                   1500);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(CloudFixture::relaxedArgs()), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::populate(m_server, &error), qPrintable(error));
        m_users = std::make_unique<CloudFixture>(m_server);
    }

    // Behind a proxy two lengths (or a "+13" one side reads as 13 and the
    // other refuses) let a request hide inside another: refused.
    void ambiguousContentLength_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::newRow("two values") << QByteArray("Content-Length: 2\r\nContent-Length: 13\r\n");
        QTest::newRow("plus sign") << QByteArray("Content-Length: +2\r\n");
        QTest::newRow("list") << QByteArray("Content-Length: 2, 2\r\n");
        QTest::newRow("negative") << QByteArray("Content-Length: -2\r\n");
    }
    void ambiguousContentLength()
    {
        QFETCH(QByteArray, headers);
        const QByteArray answer = raw("POST /auth/jwt/create/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                      + headers + "\r\n{}");
        QCOMPARE(HttpTestClient::rawStatus(answer), 400);
    }

    // With public_url set, links ("next") start with it, never with the
    // Host header a client sent.
    void linksUseThePublicAddress()
    {
        TestServer server;
        QTemporaryDir dir;
        const QString conf = dir.filePath(QStringLiteral("server.conf"));
        {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("public_url = https://lemon.example.com/\n");
        }
        QVERIFY2(server.start(CloudFixture::relaxedArgs() + QStringList { QStringLiteral("--config"), conf }),
                 qPrintable(server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::populate(server, &error), qPrintable(error));
        const QByteArray answer = HttpTestClient::rawExchange(
            server.url(), "GET /api/menu-items HTTP/1.1\r\nHost: evil.example:666\r\nConnection: close\r\n\r\n");
        QCOMPARE(HttpTestClient::rawStatus(answer), 200);
        const QJsonObject page = QJsonDocument::fromJson(HttpTestClient::rawBody(answer)).object();
        QCOMPARE(page.value(QStringLiteral("next")).toString(),
                 QStringLiteral("https://lemon.example.com/api/menu-items?page=2"));
        QVERIFY(!answer.contains("evil.example"));
    }

    // A lone surrogate escape is no text: refused, never stored otherwise
    // than answered. A proper pair is kept exactly.
    void loneSurrogatesRefused_data()
    {
        QTest::addColumn<QByteArray>("title");
        QTest::newRow("high then text") << QByteArray("a\\ud800b");
        QTest::newRow("high at the end") << QByteArray("a\\ud800");
        QTest::newRow("low alone") << QByteArray("a\\udc00b");
        QTest::newRow("high then high") << QByteArray("\\ud800\\ud800");
    }
    void loneSurrogatesRefused()
    {
        QFETCH(QByteArray, title);
        const auto admin = m_users->as(QStringLiteral("admin"));
        const HttpReply r = admin->send("POST", QStringLiteral("/api/categories"),
                                        "{\"slug\":\"surrogate\",\"title\":\"" + title + "\"}",
                                        { { "Content-Type", "application/json" } });
        QVERIFY2(r.status == 400, qPrintable(r.describe()));
        QVERIFY2(r.body.contains("surrogate"), r.body.constData());
    }
    void surrogatePairKept()
    {
        const auto admin = m_users->as(QStringLiteral("admin"));
        const HttpReply r = admin->send("POST", QStringLiteral("/api/categories"),
                                        "{\"slug\":\"lemons\",\"title\":\"a\\ud83c\\udf4bb\"}",
                                        { { "Content-Type", "application/json" } });
        QVERIFY2(r.status == 201, qPrintable(r.describe()));
        const QString lemon = QStringLiteral("a") + QString::fromUcs4(U"\U0001F34B") + QStringLiteral("b");
        QCOMPARE(r.object().value(QStringLiteral("title")).toString(), lemon);
        const HttpReply back = admin->get(QStringLiteral("/api/categories/%1").arg(r.object().value(QStringLiteral("id")).toInt()));
        QCOMPARE(back.object().value(QStringLiteral("title")).toString(), lemon);
    }

    // Django normalises user names with NFKC: fullwidth "ｍａｒｉｏ" is mario, taken.
    void fullwidthNamesAreNormalised()
    {
        HttpTestClient http(m_server.url());
        auto registration = [](const QString &name) {
            return QJsonObject { { QStringLiteral("username"), name },
                                 { QStringLiteral("password"), QStringLiteral("Quite-long#Pass9") },
                                 { QStringLiteral("re_password"), QStringLiteral("Quite-long#Pass9") } };
        };
        const HttpReply taken = http.post(QStringLiteral("/auth/users/"), registration(QStringLiteral("ｍａｒｉｏ")));
        QCOMPARE(taken.status, 400);
        QVERIFY2(taken.object().contains(QStringLiteral("username")), taken.body.constData());
        const HttpReply fresh = http.post(QStringLiteral("/auth/users/"), registration(QStringLiteral("ｂｅｐｐｅ")));
        QCOMPARE(fresh.status, 201);
        QCOMPARE(fresh.object().value(QStringLiteral("username")).toString(), QStringLiteral("beppe"));
    }

    // The request log shows the decoded path: a %0a in it must not start a
    // line of its own.
    void logLinesCannotBeForged()
    {
        const QByteArray answer = raw("GET /api/x%0a2026-01-01%20FORGED%0d%1b[2J HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(HttpTestClient::rawStatus(answer), 404);
        QTRY_VERIFY(m_server.logText().contains(QStringLiteral("FORGED")));
        const QString log = m_server.logText();
        QVERIFY2(log.contains(QStringLiteral("/api/x\\x0a2026-01-01 FORGED\\x0d\\x1b[2J 404")), qPrintable(log.right(400)));
        for (const QString &line : log.split(u'\n'))
            QVERIFY2(!line.startsWith(QStringLiteral("2026-01-01 FORGED")), qPrintable(line));
    }

    // Two restores within one second keep both safety copies.
    void restoresInOneSecondKeepBothCopies()
    {
        TestServer server;
        QVERIFY2(server.start(CloudFixture::relaxedArgs()), qPrintable(server.errorString()));
        QTemporaryDir dir;
        const QString backup = dir.filePath(QStringLiteral("b.sqlite"));
        QCOMPARE(server.runCommand({ QStringLiteral("backup"), QStringLiteral("--to"), backup }), 0);
        QVERIFY(server.stop());
        QCOMPARE(server.runCommand({ QStringLiteral("restore"), QStringLiteral("--from"), backup }), 0);
        QCOMPARE(server.runCommand({ QStringLiteral("restore"), QStringLiteral("--from"), backup }), 0);
        QStringList copies;
        QDirIterator it(server.dataDir() + QStringLiteral("/backups"), { QStringLiteral("before-restore-*.sqlite") }, QDir::Files);
        while (it.hasNext())
            copies << it.next();
        QCOMPARE(copies.size(), 2);
    }

    // Qt's handshake answer copies the Origin into Access-Control-Allow-
    // Origin: only no Origin or this server's own is let through.
    void websocketOriginNotEchoed_data()
    {
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<bool>("upgrades");
        QTest::newRow("none") << QByteArray() << true;
        QTest::newRow("same origin") << QByteArray("http://127.0.0.1:PORT") << true;
        QTest::newRow("another site") << QByteArray("http://evil.example") << false;
        QTest::newRow("bare CR") << QByteArray("http://evil.example\rSet-Cookie: x=1") << false;
        QTest::newRow("null") << QByteArray("null") << false;
    }
    void websocketOriginNotEchoed()
    {
        QFETCH(QByteArray, origin);
        QFETCH(bool, upgrades);
        origin.replace("PORT", QByteArray::number(m_server.port()));
        const QByteArray answer = handshake(origin.isEmpty() ? QByteArray() : "Origin: " + origin + "\r\n");
        if (upgrades) {
            QCOMPARE(HttpTestClient::rawStatus(answer), 101);
            return;
        }
        QVERIFY2(HttpTestClient::rawStatus(answer) != 101, answer.constData());
        QVERIFY2(!answer.contains("evil.example"), answer.constData());
        QVERIFY2(!answer.toLower().contains("access-control-allow-origin"), answer.constData());
    }
};

QTEST_GUILESS_MAIN(TstSecurityFindings)
#include "tst_security_findings.moc"
