#include "cloudfixture.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace LittleLemon::Test;

void addCloudExampleRows(); // cloudexamples_rows.cpp

// Every row of cloud-examples.md, replayed against littlelemon-server in the
// order they were recorded (later rows depend on earlier ones: the cart
// rows make order 1, the crew is assigned to it, ...). Each row gives the
// actor, the request, the status and the body (exact unless it starts with
// "~", which means "at least these fields"). Where the cloud is marked as
// quirky the row states the contract's intent.
class TstServerCloudExamples : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<CloudFixture> m_users;
    QString m_custRefresh;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(CloudFixture::relaxedArgs()), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::populate(m_server, &error), qPrintable(error));
        m_users = std::make_unique<CloudFixture>(m_server);
        HttpTestClient http(m_server.url());
        QVERIFY(!http.login(QStringLiteral("cust"), CloudFixture::password(QStringLiteral("cust")), false, &m_custRefresh)
                     .isEmpty());
    }

    void rows_data() { addCloudExampleRows(); }

    void rows()
    {
        QFETCH(QString, actor);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, expected);
        QFETCH(QByteArray, header);

        HttpTestClient http(m_server.url());
        HttpTestClient::Headers headers;
        if (actor == u"malformed")
            headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer not.a.token")));
        else if (actor == u"refresh")
            headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + m_custRefresh.toUtf8()));
        else if (actor != u"anon")
            http.setToken(m_users->token(actor));
        body.replace("$REFRESH", m_custRefresh.toUtf8());
        if (!body.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));

        const HttpReply reply = http.send(method, path, body, headers);
        QVERIFY2(reply.status == status, qPrintable(reply.describe()));

        if (!expected.isEmpty()) {
            const bool subset = expected.startsWith('~');
            if (subset)
                expected.remove(0, 1);
            expected.replace("$PORT", QByteArray::number(m_server.port()));
            expected.replace("$TODAY", QDate::currentDate().toString(Qt::ISODate).toLatin1());
            const QJsonValue want = parseJson(expected);
            QVERIFY2(!want.isUndefined(), expected.constData());
            QString where;
            QVERIFY2(jsonMatches(parseJson(reply.body), want, subset, &where),
                     qPrintable(where + QStringLiteral(": ") + reply.describe()));
        } else if (status == 204) {
            QVERIFY(reply.body.isEmpty());
        }
        if (!header.isEmpty()) {
            const qsizetype colon = header.indexOf(':');
            QCOMPARE(reply.header(header.left(colon)), header.mid(colon + 2));
        }
        // Every answer of ours is JSON (or empty for 204).
        if (status != 204)
            QVERIFY2(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type").constData());
    }

    // The 21st anonymous request in a minute, with the cloud's default throttles.
    void throttledAfterTwentyAnonymousRequests()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        HttpTestClient http(server.url());
        for (int i = 1; i <= 20; ++i)
            QCOMPARE(http.get(QStringLiteral("/api/menu-items")).status, 200);
        const HttpReply r = http.get(QStringLiteral("/api/menu-items"));
        QCOMPARE(r.status, 429);
        const int wait = r.header("Retry-After").toInt();
        QVERIFY2(wait >= 55 && wait <= 60, r.header("Retry-After").constData());
        QCOMPARE(r.object().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("Request was throttled. Expected available in %1 seconds.").arg(wait));
    }
};

QTEST_GUILESS_MAIN(TstServerCloudExamples)
#include "tst_server_cloudexamples.moc"
