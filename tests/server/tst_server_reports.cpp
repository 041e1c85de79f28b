#include "extfixture.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace LittleLemon::Test;

// The `reports` extension (issue 18) over HTTP: who may read a report, the
// words of every refusal, today's figures to the cent, sold-out intervals,
// and the Z close: numbered, stored, never changed (409, 405), with later
// changes to a closed day's orders reported as corrections on the next open
// day.
class TstServerReports : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<ExtFixture> m_api;
    const QString m_today = QDate::currentDate().toString(Qt::ISODate);
    const QString m_tomorrow = QDate::currentDate().addDays(1).toString(Qt::ISODate);
    qint64 m_online = 0;   // cust: 2 × Eggplant Parmiggiana (15.50) = 31.00
    qint64 m_counter = 0;  // mario at the counter: 3 × Soda (5.50) = 16.50
    qint64 m_cancelled = 0; // cust: 1 × Bolognese Lasagna (14.99), cancelled

    QJsonObject report(const QString &from, const QString &to = QString())
    {
        const QString path = QStringLiteral("/api/reports?from=%1").arg(from) + (to.isEmpty() ? QString() : QStringLiteral("&to=") + to);
        const HttpReply r = m_api->get(QStringLiteral("mario"), path);
        if (r.status != 200)
            qWarning("%s", qPrintable(r.describe()));
        return r.object();
    }
    static QJsonObject totals(const QJsonObject &report) { return report.value(QStringLiteral("totals")).toObject(); }
    static QJsonObject find(const QJsonArray &rows, const QString &key, const QJsonValue &value)
    {
        for (const QJsonValue &v : rows) {
            if (v.toObject().value(key) == value)
                return v.toObject();
        }
        return {};
    }
    static QString detailOf(const HttpReply &r) { return r.object().value(QStringLiteral("detail")).toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(ExtFixture::start(m_server, &error), qPrintable(error));
        m_api = std::make_unique<ExtFixture>(m_server);
        m_online = m_api->cartOrder(QStringLiteral("cust"), 1, 2);
        QVERIFY(m_online > 0);
        const HttpReply counter = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/orders"),
                                              QJsonObject { { QStringLiteral("items"),
                                                              QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 2 },
                                                                                         { QStringLiteral("quantity"), 3 } } } } });
        QCOMPARE(counter.status, 201);
        m_counter = counter.object().value(QStringLiteral("order_id")).toInteger();
        m_cancelled = m_api->cartOrder(QStringLiteral("cust"), 6, 1);
        QVERIFY(m_cancelled > 0);
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/orders/%1").arg(m_cancelled),
                             QJsonObject { { QStringLiteral("stage"), QStringLiteral("cancelled") } })
                     .status,
                 200);
    }

    void listedInMeta()
    {
        const QJsonArray features = m_api->get(QStringLiteral("anon"), QStringLiteral("/api/meta")).object().value(QStringLiteral("features")).toArray();
        QVERIFY(features.contains(QStringLiteral("reports")));
    }

    void managersAndAdminsOnly_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("status");
        QTest::newRow("anonymous") << QStringLiteral("anon") << 401;
        QTest::newRow("customer") << QStringLiteral("cust") << 403;
        QTest::newRow("crew") << QStringLiteral("crew") << 403;
        QTest::newRow("manager") << QStringLiteral("mario") << 200;
        QTest::newRow("admin") << QStringLiteral("admin") << 200;
    }
    void managersAndAdminsOnly()
    {
        QFETCH(QString, user);
        QFETCH(int, status);
        for (const QString &path : { QStringLiteral("/api/reports?from=%1").arg(m_today), QStringLiteral("/api/reports/z") }) {
            const HttpReply r = m_api->get(user, path);
            QCOMPARE(r.status, status);
            if (status != 200)
                QVERIFY2(!detailOf(r).isEmpty(), qPrintable(r.describe()));
        }
        if (status == 403) {
            const HttpReply close = m_api->call(user, "POST", QStringLiteral("/api/reports/close"),
                                                QJsonObject { { QStringLiteral("date"), m_today } });
            QCOMPARE(close.status, 403);
            QVERIFY(!detailOf(close).isEmpty());
        }
    }

    void badDaysAreRefusedWithWords_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("no from") << QString() << QStringLiteral("from");
        QTest::newRow("not a date") << QStringLiteral("from=yesterday") << QStringLiteral("from");
        QTest::newRow("month 13") << QStringLiteral("from=2026-13-01") << QStringLiteral("from");
        QTest::newRow("30 February") << QStringLiteral("from=2026-02-30") << QStringLiteral("from");
        QTest::newRow("short") << QStringLiteral("from=2026-3-1") << QStringLiteral("from");
        QTest::newRow("bad to") << QStringLiteral("from=2026-03-01&to=2026-03-xx") << QStringLiteral("to");
        QTest::newRow("to before from") << QStringLiteral("from=2026-03-02&to=2026-03-01") << QStringLiteral("to");
        QTest::newRow("over a year") << QStringLiteral("from=2025-01-01&to=2026-03-01") << QStringLiteral("to");
    }
    void badDaysAreRefusedWithWords()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpReply r = m_api->get(QStringLiteral("mario"), QStringLiteral("/api/reports?") + query);
        QCOMPARE(r.status, 400);
        const QJsonArray words = r.object().value(field).toArray();
        QVERIFY2(!words.isEmpty() && words.first().toString().size() > 10, qPrintable(r.describe()));
    }

    void todaysFiguresToTheCent()
    {
        const QJsonObject r = report(m_today);
        QCOMPARE(r.value(QStringLiteral("from")).toString(), m_today);
        QCOMPARE(r.value(QStringLiteral("to")).toString(), m_today);
        const QJsonObject t = totals(r);
        QCOMPARE(t.value(QStringLiteral("orders")).toInt(), 2);
        QCOMPARE(t.value(QStringLiteral("cancelled")).toInt(), 1);
        QCOMPARE(t.value(QStringLiteral("items")).toInt(), 5);
        QCOMPARE(t.value(QStringLiteral("revenue")).toString(), QStringLiteral("47.50"));
        QCOMPARE(t.value(QStringLiteral("average_ticket")).toString(), QStringLiteral("23.75"));
        QCOMPARE(t.value(QStringLiteral("cancelled_value")).toString(), QStringLiteral("14.99"));
        const QJsonArray sources = r.value(QStringLiteral("by_source")).toArray();
        QCOMPARE(find(sources, QStringLiteral("source"), QStringLiteral("online")).value(QStringLiteral("revenue")).toString(),
                 QStringLiteral("31.00"));
        QCOMPARE(find(sources, QStringLiteral("source"), QStringLiteral("counter")).value(QStringLiteral("revenue")).toString(),
                 QStringLiteral("16.50"));
        const QJsonArray categories = r.value(QStringLiteral("by_category")).toArray();
        QCOMPARE(categories.size(), 2);
        QCOMPARE(categories.at(0).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Meals"));
        QCOMPARE(categories.at(0).toObject().value(QStringLiteral("revenue")).toString(), QStringLiteral("31.00"));
        QCOMPARE(categories.at(1).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Drinks"));
        QCOMPARE(categories.at(1).toObject().value(QStringLiteral("quantity")).toInt(), 3);
        const QJsonArray dishes = r.value(QStringLiteral("by_dish")).toArray();
        QCOMPARE(dishes.size(), 2); // the cancelled lasagna is not a sale
        QCOMPARE(dishes.at(0).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Eggplant Parmiggiana"));
        QCOMPARE(dishes.at(0).toObject().value(QStringLiteral("quantity")).toInt(), 2);
        // Every hour is there; the two orders sit in this hour (or the one just gone).
        const QJsonArray hours = r.value(QStringLiteral("by_hour")).toArray();
        QCOMPARE(hours.size(), 24);
        int ordersInHours = 0;
        for (const QJsonValue &h : hours)
            ordersInHours += h.toObject().value(QStringLiteral("orders")).toInt();
        QCOMPARE(ordersInHours, 2);
        QCOMPARE(r.value(QStringLiteral("stages")).toArray().size(), 4);
        QCOMPARE(r.value(QStringLiteral("closed")).toArray().size(), 0);
        // An empty day is all zeros, not an error.
        const QJsonObject empty = totals(report(QStringLiteral("2020-01-01")));
        QCOMPARE(empty.value(QStringLiteral("orders")).toInt(), 0);
        QCOMPARE(empty.value(QStringLiteral("revenue")).toString(), QStringLiteral("0.00"));
        QCOMPARE(empty.value(QStringLiteral("average_ticket")).toString(), QStringLiteral("0.00"));
    }

    void crewAndStageTimes()
    {
        // The counter order goes through the kitchen to crew and is delivered.
        const QString path = QStringLiteral("/api/orders/%1").arg(m_online);
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", path, QJsonObject { { QStringLiteral("delivery_crew"), ExtFixture::kCrew } }).status, 200);
        for (const char *stage : { "preparing", "ready", "out_for_delivery", "delivered" }) {
            QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", path, QJsonObject { { QStringLiteral("stage"), QString::fromLatin1(stage) } }).status,
                     200);
        }
        const QJsonObject r = report(m_today);
        const QJsonArray crew = r.value(QStringLiteral("by_crew")).toArray();
        QCOMPARE(crew.size(), 1);
        QCOMPARE(crew.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("crew"));
        QCOMPARE(crew.at(0).toObject().value(QStringLiteral("delivered")).toInt(), 1);
        QVERIFY(crew.at(0).toObject().value(QStringLiteral("median_seconds")).toInteger() >= 0);
        const QJsonObject received = r.value(QStringLiteral("stages")).toArray().at(0).toObject();
        QCOMPARE(received.value(QStringLiteral("stage")).toString(), QStringLiteral("received"));
        QCOMPARE(received.value(QStringLiteral("count")).toInt(), 1); // only the delivered one left "received"
    }

    void soldOutIntervals()
    {
        const QString item = QStringLiteral("/api/menu-items/3");
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", item, QJsonObject { { QStringLiteral("available"), false } }).status, 200);
        QJsonArray out = report(m_today).value(QStringLiteral("sold_out")).toArray();
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.at(0).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Crème Brûlée"));
        QCOMPARE(out.at(0).toObject().value(QStringLiteral("still_out")).toBool(), true);
        // A sold-out period is kept to the second: a real second must pass
        // for it to have a length (the server's clock, not the test's).
        QTest::qWait(1100);
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", item, QJsonObject { { QStringLiteral("available"), true } }).status, 200);
        out = report(m_today).value(QStringLiteral("sold_out")).toArray();
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.at(0).toObject().value(QStringLiteral("still_out")).toBool(), false);
        QCOMPARE(out.at(0).toObject().value(QStringLiteral("times")).toInt(), 1);
        QVERIFY(out.at(0).toObject().value(QStringLiteral("seconds")).toInteger() >= 1);
        // Another day knows nothing of it.
        QCOMPARE(report(QStringLiteral("2020-01-01")).value(QStringLiteral("sold_out")).toArray().size(), 0);
    }

    void closeTheDay()
    {
        const QJsonObject before = report(m_today);
        const HttpReply closed = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/reports/close"),
                                             QJsonObject { { QStringLiteral("date"), m_today } });
        QCOMPARE(closed.status, 201);
        const QJsonObject z = closed.object();
        QCOMPARE(z.value(QStringLiteral("number")).toInteger(), 1);
        QCOMPARE(z.value(QStringLiteral("date")).toString(), m_today);
        QCOMPARE(z.value(QStringLiteral("closed_by")).toInteger(), ExtFixture::kMario);
        QCOMPARE(totals(z.value(QStringLiteral("report")).toObject()), totals(before));

        // Twice → 409 with words, whoever asks.
        for (const QString &user : { QStringLiteral("mario"), QStringLiteral("admin") }) {
            const HttpReply again = m_api->call(user, "POST", QStringLiteral("/api/reports/close"),
                                                QJsonObject { { QStringLiteral("date"), m_today } });
            QCOMPARE(again.status, 409);
            QVERIFY2(detailOf(again).contains(QStringLiteral("already closed")), qPrintable(again.describe()));
        }
        // The Z cannot be changed or deleted through any endpoint.
        const QString one = QStringLiteral("/api/reports/z/1");
        for (const QByteArray &method : { QByteArray("PUT"), QByteArray("PATCH"), QByteArray("DELETE") }) {
            const HttpReply r = m_api->call(QStringLiteral("admin"), method, one, QJsonObject { { QStringLiteral("report"), QJsonObject() } });
            QCOMPARE(r.status, 405);
            QVERIFY2(detailOf(r).contains(QStringLiteral("cannot be changed")), qPrintable(r.describe()));
            QCOMPARE(r.header("Allow"), QByteArray("GET, HEAD, OPTIONS"));
            const HttpReply asCustomer = m_api->call(QStringLiteral("cust"), method, one, QJsonObject());
            QCOMPARE(asCustomer.status, 403);
        }
        for (const QByteArray &method : { QByteArray("PUT"), QByteArray("PATCH"), QByteArray("DELETE") }) {
            const HttpReply r = m_api->call(QStringLiteral("admin"), method, QStringLiteral("/api/reports/close"), QJsonObject());
            QCOMPARE(r.status, 405);
            QVERIFY(!detailOf(r).isEmpty());
        }
        // Listed and readable.
        const QJsonObject list = m_api->get(QStringLiteral("mario"), QStringLiteral("/api/reports/z")).object();
        QCOMPARE(list.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(m_api->get(QStringLiteral("mario"), QStringLiteral("/api/reports/z?date=") + m_today).object().value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(m_api->get(QStringLiteral("mario"), QStringLiteral("/api/reports/z?date=2020-01-01")).object().value(QStringLiteral("count")).toInt(), 0);
        QCOMPARE(m_api->get(QStringLiteral("mario"), one).object().value(QStringLiteral("report")).toObject(),
                 z.value(QStringLiteral("report")).toObject());
        QCOMPARE(m_api->get(QStringLiteral("mario"), QStringLiteral("/api/reports/z/99")).status, 404);
        // The X report of a closed day says so.
        const QJsonArray closedDays = report(m_today).value(QStringLiteral("closed")).toArray();
        QCOMPARE(closedDays.size(), 1);
        QCOMPARE(closedDays.at(0).toObject().value(QStringLiteral("number")).toInteger(), 1);
    }

    void closeRefusals_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("no date") << QJsonObject() << 400;
        QTest::newRow("not a date") << QJsonObject { { QStringLiteral("date"), QStringLiteral("today") } } << 400;
        QTest::newRow("a number") << QJsonObject { { QStringLiteral("date"), 20260328 } } << 400;
        QTest::newRow("tomorrow") << QJsonObject { { QStringLiteral("date"), m_tomorrow } } << 400;
    }
    void closeRefusals()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        const HttpReply r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/reports/close"), body);
        QCOMPARE(r.status, status);
        QVERIFY2(!r.object().value(QStringLiteral("date")).toArray().isEmpty(), qPrintable(r.describe()));
    }

    void laterChangesAreCorrectionsOnTheNextOpenDay()
    {
        const QJsonObject stored = m_api->get(QStringLiteral("mario"), QStringLiteral("/api/reports/z/1")).object();
        // The delivered online order (31.00) of the closed day is cancelled after all.
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/orders/%1").arg(m_counter),
                             QJsonObject { { QStringLiteral("stage"), QStringLiteral("cancelled") } })
                     .status,
                 200);
        // And an order still comes in on the closed day.
        const qint64 late = m_api->cartOrder(QStringLiteral("cust2"), 4, 1); // Bruschetta 11.52
        QVERIFY(late > 0);
        // The stored Z did not move.
        QCOMPARE(m_api->get(QStringLiteral("mario"), QStringLiteral("/api/reports/z/1")).object(), stored);
        // The next open day (tomorrow) carries both corrections.
        const QJsonObject next = report(m_tomorrow);
        const QJsonArray corrections = next.value(QStringLiteral("corrections")).toArray();
        QCOMPARE(corrections.size(), 2);
        const QJsonObject cancelled = corrections.at(0).toObject();
        QCOMPARE(cancelled.value(QStringLiteral("what")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(cancelled.value(QStringLiteral("closed_day")).toString(), m_today);
        QCOMPARE(cancelled.value(QStringLiteral("applies_to")).toString(), m_tomorrow);
        QCOMPARE(cancelled.value(QStringLiteral("order")).toInteger(), m_counter);
        QCOMPARE(cancelled.value(QStringLiteral("revenue")).toString(), QStringLiteral("-16.50"));
        QCOMPARE(cancelled.value(QStringLiteral("orders")).toInt(), -1);
        QCOMPARE(cancelled.value(QStringLiteral("cancelled")).toInt(), 1);
        const QJsonObject added = corrections.at(1).toObject();
        QCOMPARE(added.value(QStringLiteral("what")).toString(), QStringLiteral("added"));
        QCOMPARE(added.value(QStringLiteral("revenue")).toString(), QStringLiteral("11.52"));
        QCOMPARE(next.value(QStringLiteral("corrections_revenue")).toString(), QStringLiteral("-4.98"));
        // A change that moves no figure (a note) is no correction.
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/orders/%1").arg(late),
                             QJsonObject { { QStringLiteral("note"), QStringLiteral("extra bread") } })
                     .status,
                 200);
        QCOMPARE(report(m_tomorrow).value(QStringLiteral("corrections")).toArray().size(), 2);
        // The closed day's own X report shows the data as it is now.
        QCOMPARE(totals(report(m_today)).value(QStringLiteral("revenue")).toString(), QStringLiteral("42.52"));
        QCOMPARE(totals(stored.value(QStringLiteral("report")).toObject()).value(QStringLiteral("revenue")).toString(),
                 QStringLiteral("47.50"));
    }

    void zSurvivesARestart()
    {
        const QJsonObject stored = m_api->get(QStringLiteral("mario"), QStringLiteral("/api/reports/z/1")).object();
        QVERIFY(m_server.restart());
        m_api = std::make_unique<ExtFixture>(m_server);
        QCOMPARE(m_api->get(QStringLiteral("mario"), QStringLiteral("/api/reports/z/1")).object(), stored);
        QCOMPARE(m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/reports/close"),
                             QJsonObject { { QStringLiteral("date"), m_today } })
                     .status,
                 409);
    }
};

QTEST_GUILESS_MAIN(TstServerReports)
#include "tst_server_reports.moc"
