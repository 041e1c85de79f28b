// Issue 17 against the real server: the restaurant's one kitchen print host
// as a lease (PUT/GET/DELETE /api/print-host: another terminal is refused
// with its name until it takes over; an expired lease is free; who may; what
// is refused), and a note per counter-order line (kept, returned, 140
// characters at most).
#include "extfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace LittleLemon::Test;

class TstServerPrintHost : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<ExtFixture> m_api;

    static QJsonObject lease(const QString &id, const QString &name, bool takeOver = false, int ttl = 0)
    {
        QJsonObject o { { QStringLiteral("terminal_id"), id }, { QStringLiteral("terminal_name"), name } };
        if (takeOver)
            o.insert(QStringLiteral("take_over"), true);
        if (ttl)
            o.insert(QStringLiteral("ttl_seconds"), ttl);
        return o;
    }
    HttpReply put(const QJsonValue &body, const QString &user = QStringLiteral("mario"))
    {
        return m_api->call(user, "PUT", QStringLiteral("/api/print-host"), body);
    }
    QJsonObject current()
    {
        return m_api->get(QStringLiteral("mario"), QStringLiteral("/api/print-host")).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(ExtFixture::start(m_server, &error), qPrintable(error));
        m_api = std::make_unique<ExtFixture>(m_server);
    }

    void init()
    {
        // Each test starts with nobody holding it.
        const QJsonObject now = current();
        if (now.value(QStringLiteral("held")).toBool())
            QCOMPARE(m_api->call(QStringLiteral("mario"), "DELETE",
                                 QStringLiteral("/api/print-host?terminal_id=")
                                     + now.value(QStringLiteral("terminal_id")).toString())
                         .status,
                     204);
    }

    void metaNamesTheExtensions()
    {
        const QJsonArray features
            = m_api->get(QStringLiteral("anon"), QStringLiteral("/api/meta")).object().value(QStringLiteral("features")).toArray();
        QVERIFY(features.contains(QStringLiteral("print_host")));
        QVERIFY(features.contains(QStringLiteral("line_notes")));
    }

    void secondTerminalIsToldWhoPrintsAndMayTakeOver()
    {
        QCOMPARE(current().value(QStringLiteral("held")).toBool(), false);
        HttpReply r = put(lease(QStringLiteral("t-a"), QStringLiteral("Counter")));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.object().value(QStringLiteral("terminal_name")).toString(), QStringLiteral("Counter"));
        QJsonObject now = current();
        QCOMPARE(now.value(QStringLiteral("held")).toBool(), true);
        QCOMPARE(now.value(QStringLiteral("terminal_id")).toString(), QStringLiteral("t-a"));
        QVERIFY(now.value(QStringLiteral("seconds_left")).toInteger() > 60);

        // Another terminal: refused, in words naming the one that prints.
        r = put(lease(QStringLiteral("t-b"), QStringLiteral("Bar till")));
        QVERIFY2(r.status == 409, qPrintable(r.describe()));
        QVERIFY2(r.object().value(QStringLiteral("detail")).toString().contains(QStringLiteral("\"Counter\"")), qPrintable(r.describe()));
        QCOMPARE(r.object().value(QStringLiteral("holder")).toObject().value(QStringLiteral("terminal_id")).toString(),
                 QStringLiteral("t-a"));
        QCOMPARE(current().value(QStringLiteral("terminal_id")).toString(), QStringLiteral("t-a"));

        // The holder renews; the other takes over explicitly; then the first is refused.
        QCOMPARE(put(lease(QStringLiteral("t-a"), QStringLiteral("Counter"))).status, 200);
        r = put(lease(QStringLiteral("t-b"), QStringLiteral("Bar till"), true));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(current().value(QStringLiteral("terminal_name")).toString(), QStringLiteral("Bar till"));
        r = put(lease(QStringLiteral("t-a"), QStringLiteral("Counter")));
        QCOMPARE(r.status, 409);
        QVERIFY(r.object().value(QStringLiteral("detail")).toString().contains(QStringLiteral("\"Bar till\"")));

        // Only the holder lets it go.
        QCOMPARE(m_api->call(QStringLiteral("mario"), "DELETE", QStringLiteral("/api/print-host?terminal_id=t-a")).status, 409);
        QCOMPARE(m_api->call(QStringLiteral("mario"), "DELETE", QStringLiteral("/api/print-host?terminal_id=t-b")).status, 204);
        QCOMPARE(current().value(QStringLiteral("held")).toBool(), false);
    }

    void anExpiredLeaseIsFree()
    {
        QCOMPARE(put(lease(QStringLiteral("t-a"), QStringLiteral("Counter"), false, 10)).status, 200);
        QCOMPARE(put(lease(QStringLiteral("t-b"), QStringLiteral("Bar till"))).status, 409);
        // The holder stopped renewing (switched off): after its ten seconds anyone may.
        QTRY_VERIFY_WITH_TIMEOUT(!current().value(QStringLiteral("held")).toBool(), 15000);
        QCOMPARE(put(lease(QStringLiteral("t-b"), QStringLiteral("Bar till"))).status, 200);
    }

    void whoMay()
    {
        QCOMPARE(m_api->get(QStringLiteral("anon"), QStringLiteral("/api/print-host")).status, 401);
        QCOMPARE(m_api->get(QStringLiteral("cust"), QStringLiteral("/api/print-host")).status, 403);
        QCOMPARE(m_api->get(QStringLiteral("crew"), QStringLiteral("/api/print-host")).status, 403);
        QCOMPARE(put(lease(QStringLiteral("t-c"), QStringLiteral("Phone")), QStringLiteral("cust")).status, 403);
        QCOMPARE(m_api->get(QStringLiteral("admin"), QStringLiteral("/api/print-host")).status, 200);
    }

    void badInput_data()
    {
        QTest::addColumn<QJsonValue>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no id") << QJsonValue(QJsonObject { { QStringLiteral("terminal_name"), QStringLiteral("X") } })
                               << QStringLiteral("terminal_id");
        QTest::newRow("blank name") << QJsonValue(lease(QStringLiteral("t-a"), QStringLiteral("")))
                                    << QStringLiteral("terminal_name");
        QTest::newRow("long id") << QJsonValue(lease(QString(65, u'x'), QStringLiteral("X"))) << QStringLiteral("terminal_id");
        QTest::newRow("long name") << QJsonValue(lease(QStringLiteral("t-a"), QString(101, u'x')))
                                   << QStringLiteral("terminal_name");
        QTest::newRow("ttl too short") << QJsonValue(lease(QStringLiteral("t-a"), QStringLiteral("X"), false, 5))
                                       << QStringLiteral("ttl_seconds");
        QJsonObject o = lease(QStringLiteral("t-a"), QStringLiteral("X"));
        o.insert(QStringLiteral("take_over"), QStringLiteral("perhaps"));
        QTest::newRow("take_over not a boolean") << QJsonValue(o) << QStringLiteral("take_over");
    }
    void badInput()
    {
        QFETCH(QJsonValue, body);
        QFETCH(QString, field);
        const HttpReply r = put(body);
        QVERIFY2(r.status == 400, qPrintable(r.describe()));
        QVERIFY2(r.object().value(field).isArray(), qPrintable(r.describe()));
        QVERIFY(!r.object().value(field).toArray().first().toString().isEmpty());
        QCOMPARE(current().value(QStringLiteral("held")).toBool(), false);
        // Not JSON, not an object: 400 in JSON too.
        const HttpReply broken = m_api->call(QStringLiteral("mario"), "PUT", QStringLiteral("/api/print-host"), QJsonArray { 1 });
        QCOMPARE(broken.status, 400);
        QVERIFY(broken.json().isObject());
        QCOMPARE(m_api->call(QStringLiteral("mario"), "DELETE", QStringLiteral("/api/print-host")).status, 400);
    }

    void lineNotesAreKept()
    {
        const QJsonObject body {
            { QStringLiteral("items"),
              QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 1 }, { QStringLiteral("quantity"), 2 },
                                         { QStringLiteral("note"), QStringLiteral("  sin cebolla, ¡gracias!  ") } },
                           QJsonObject { { QStringLiteral("menuitem"), 2 }, { QStringLiteral("quantity"), 1 } },
                           QJsonObject { { QStringLiteral("menuitem"), 3 }, { QStringLiteral("quantity"), 1 },
                                         { QStringLiteral("note"), QString(140, u'é') } } } },
            { QStringLiteral("note"), QStringLiteral("table 4") } };
        const HttpReply r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/orders"), body);
        QVERIFY2(r.status == 201, qPrintable(r.describe()));
        const qint64 id = r.object().value(QStringLiteral("order_id")).toInteger();
        const QJsonArray items = m_api->get(QStringLiteral("mario"), QStringLiteral("/api/orders/%1").arg(id))
                                     .object()
                                     .value(QStringLiteral("items"))
                                     .toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("note")).toString(), QStringLiteral("sin cebolla, ¡gracias!"));
        QVERIFY(!items.at(1).toObject().contains(QStringLiteral("note"))); // as the cloud writes a line
        QCOMPARE(items.at(2).toObject().value(QStringLiteral("note")).toString(), QString(140, u'é'));
        // The list carries them too.
        bool found = false;
        for (const QJsonObject &o : m_api->readAll(QStringLiteral("mario"), QStringLiteral("/api/orders")))
            if (o.value(QStringLiteral("id")).toInteger() == id)
                found = o.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("note")).toString()
                    == QStringLiteral("sin cebolla, ¡gracias!");
        QVERIFY(found);
    }

    void lineNoteRefused_data()
    {
        QTest::addColumn<QJsonValue>("note");
        QTest::addColumn<QString>("words");
        QTest::newRow("141 characters") << QJsonValue(QString(141, u'x')) << QStringLiteral("at most 140");
        QTest::newRow("a number") << QJsonValue(5) << QStringLiteral("must be text");
    }
    void lineNoteRefused()
    {
        QFETCH(QJsonValue, note);
        QFETCH(QString, words);
        const qint64 before = m_api->readAll(QStringLiteral("mario"), QStringLiteral("/api/orders")).size();
        const QJsonObject body { { QStringLiteral("items"),
                                   QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 1 },
                                                              { QStringLiteral("quantity"), 1 },
                                                              { QStringLiteral("note"), note } } } } };
        const HttpReply r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/orders"), body);
        QVERIFY2(r.status == 400, qPrintable(r.describe()));
        const QString message = r.object().value(QStringLiteral("items")).toArray().first().toString();
        QVERIFY2(message.contains(words) && message.startsWith(QStringLiteral("Line 1")), qPrintable(message));
        QCOMPARE(m_api->readAll(QStringLiteral("mario"), QStringLiteral("/api/orders")).size(), before);
    }
};

QTEST_GUILESS_MAIN(TstServerPrintHost)
#include "tst_server_printhost.moc"
