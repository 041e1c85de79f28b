#include "extfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace LittleLemon::Test;

// /api/meta, `me`, `page_size` and `availability` against the real server,
// and that each stays out of the way of a request that does not use it.
class TstServerExtensions : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<ExtFixture> m_api;

    QList<qint64> menuIds(const QString &user)
    {
        QList<qint64> ids;
        for (const QJsonObject &m : m_api->readAll(user, QStringLiteral("/api/menu-items")))
            ids << m.value(QStringLiteral("id")).toInteger();
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        // The cloud's page size (3); relaxed throttles, which /api/meta states.
        QVERIFY2(ExtFixture::start(m_server, &error), qPrintable(error));
        m_api = std::make_unique<ExtFixture>(m_server);
    }

    void meta()
    {
        const HttpReply r = m_api->get(QStringLiteral("anon"), QStringLiteral("/api/meta"));
        QCOMPARE(r.status, 200);
        const QJsonObject m = r.object();
        QCOMPARE(m.value(QStringLiteral("server")).toString(), QStringLiteral("littlelemon-server"));
        QVERIFY(!m.value(QStringLiteral("version")).toString().isEmpty());
        QStringList features;
        for (const QJsonValue &f : m.value(QStringLiteral("features")).toArray())
            features << f.toString();
        QCOMPARE(features, (QStringList { QStringLiteral("me"), QStringLiteral("page_size"), QStringLiteral("bookings"),
                                          QStringLiteral("tables"), QStringLiteral("stages"), QStringLiteral("availability"),
                                          QStringLiteral("counter_orders"), QStringLiteral("changes"), QStringLiteral("events"),
                                          QStringLiteral("idempotency"), QStringLiteral("etag"),
                                          QStringLiteral("kitchen"), QStringLiteral("reports"),
                                          QStringLiteral("print_host"), QStringLiteral("line_notes") }));
        // The throttles the server runs with (CloudFixture::relaxedArgs).
        QCOMPARE(m.value(QStringLiteral("limits")).toObject(),
                 parseJson("{\"anon\":1000000,\"user\":1000000}").toObject());
        // Read before signing in: a stale token is no reason to refuse it.
        QCOMPARE(m_api->get(QStringLiteral("anon"), QStringLiteral("/api/meta"), { { "Authorization", "Bearer expired.or.not" } }).status, 200);
    }

    // With the cloud's throttles the limits say so, and reading /api/meta
    // does not use them up.
    void metaStatesDefaultLimitsAndIsNotThrottled()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        HttpTestClient http(server.url());
        for (int i = 0; i < 30; ++i)
            QCOMPARE(http.get(QStringLiteral("/api/meta")).status, 200);
        QCOMPARE(http.get(QStringLiteral("/api/meta")).object().value(QStringLiteral("limits")).toObject(),
                 parseJson("{\"anon\":20,\"user\":100}").toObject());
        QCOMPARE(http.get(QStringLiteral("/api/menu-items")).status, 200);
    }

    void me_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<qint64>("id");
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<bool>("isStaff");
        QTest::newRow("admin") << QStringLiteral("admin") << ExtFixture::kAdmin << QStringList {} << true;
        QTest::newRow("manager") << QStringLiteral("mario") << ExtFixture::kMario << QStringList { QStringLiteral("manager") } << false;
        QTest::newRow("crew") << QStringLiteral("crew") << ExtFixture::kCrew << QStringList { QStringLiteral("delivery-crew") } << false;
        QTest::newRow("customer") << QStringLiteral("cust") << ExtFixture::kCust << QStringList {} << false;
    }
    void me()
    {
        QFETCH(QString, user);
        QFETCH(qint64, id);
        QFETCH(QStringList, groups);
        QFETCH(bool, isStaff);
        const HttpReply r = m_api->get(user, QStringLiteral("/auth/users/me/"));
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.object();
        // The cloud's two fields first, then ours.
        QVERIFY(r.body.startsWith("{\"email\":"));
        QCOMPARE(o.value(QStringLiteral("username")).toString(), user);
        QCOMPARE(o.value(QStringLiteral("id")).toInteger(), id);
        QStringList got;
        for (const QJsonValue &g : o.value(QStringLiteral("groups")).toArray())
            got << g.toString();
        QCOMPARE(got, groups);
        QCOMPARE(o.value(QStringLiteral("is_staff")).toBool(), isStaff);
        QCOMPARE(o.size(), 5);
    }

    void pageSize()
    {
        // 6 menu items: the server's page of 3 without page_size, as the cloud.
        HttpReply r = m_api->get(QStringLiteral("anon"), QStringLiteral("/api/menu-items"));
        QCOMPARE(r.object().value(QStringLiteral("results")).toArray().size(), 3);
        r = m_api->get(QStringLiteral("anon"), QStringLiteral("/api/menu-items?page_size=4"));
        QCOMPARE(r.object().value(QStringLiteral("results")).toArray().size(), 4);
        const QString next = r.object().value(QStringLiteral("next")).toString();
        QVERIFY2(next.endsWith(QStringLiteral("/api/menu-items?page=2&page_size=4")), qPrintable(next));
        r = m_api->get(QStringLiteral("anon"), QStringLiteral("/api/menu-items?page=2&page_size=4"));
        QCOMPARE(r.object().value(QStringLiteral("results")).toArray().size(), 2);
        QVERIFY(r.object().value(QStringLiteral("previous")).toString().endsWith(QStringLiteral("/api/menu-items?page_size=4")));
        QCOMPARE(m_api->get(QStringLiteral("anon"), QStringLiteral("/api/menu-items?page_size=500")).object().value(QStringLiteral("results")).toArray().size(), 6);
        // Every paginated list takes it.
        for (const QString &path : { QStringLiteral("/api/categories"), QStringLiteral("/api/orders"), QStringLiteral("/api/bookings"),
                                     QStringLiteral("/api/tables"), QStringLiteral("/auth/users/") }) {
            r = m_api->get(QStringLiteral("admin"), path + QStringLiteral("?page_size=1"));
            QVERIFY2(r.status == 200, qPrintable(path + u' ' + r.describe()));
            QVERIFY2(r.object().value(QStringLiteral("results")).toArray().size() <= 1, qPrintable(path));
        }
        QCOMPARE(m_api->get(QStringLiteral("admin"), QStringLiteral("/api/categories?page_size=2")).object().value(QStringLiteral("results")).toArray().size(), 2);
    }

    void pageSizeOutOfRange_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("0") << QStringLiteral("0");
        QTest::newRow("501") << QStringLiteral("501");
        QTest::newRow("negative") << QStringLiteral("-3");
        QTest::newRow("not a number") << QStringLiteral("many");
        QTest::newRow("empty") << QString();
    }
    void pageSizeOutOfRange()
    {
        QFETCH(QString, value);
        const HttpReply r = m_api->get(QStringLiteral("anon"), QStringLiteral("/api/menu-items?page_size=") + value);
        QVERIFY2(r.status == 400, qPrintable(r.describe()));
        QVERIFY(r.object().value(QStringLiteral("page_size")).isArray());
    }

    void availability()
    {
        const QString soda = QStringLiteral("/api/menu-items/2");
        QVERIFY(m_api->get(QStringLiteral("anon"), soda).object().value(QStringLiteral("available")).toBool());
        // Only managers toggle it.
        QCOMPARE(m_api->call(QStringLiteral("cust"), "PATCH", soda, QJsonObject { { QStringLiteral("available"), false } }).status, 403);
        QCOMPARE(m_api->call(QStringLiteral("admin"), "PATCH", soda, QJsonObject { { QStringLiteral("available"), false } }).status, 403);
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", soda, QJsonObject { { QStringLiteral("available"), "maybe" } }).status, 400);
        // A customer puts one in the cart before it runs out.
        QCOMPARE(m_api->call(QStringLiteral("cust"), "POST", QStringLiteral("/api/cart"),
                             QJsonObject { { QStringLiteral("menuitem"), 2 }, { QStringLiteral("quantity"), 1 } }).status, 201);
        HttpReply r = m_api->call(QStringLiteral("mario"), "PATCH", soda, QJsonObject { { QStringLiteral("available"), false } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("available")).toBool(), false);

        // Hidden from customers' and anonymous lists (and counts), not from staff.
        for (const QString &user : { QStringLiteral("anon"), QStringLiteral("cust") }) {
            QVERIFY2(!menuIds(user).contains(2), qPrintable(user));
            QCOMPARE(m_api->get(user, QStringLiteral("/api/menu-items")).object().value(QStringLiteral("count")).toInt(), 5);
        }
        for (const QString &user : { QStringLiteral("crew"), QStringLiteral("mario"), QStringLiteral("admin") })
            QVERIFY2(menuIds(user).contains(2), qPrintable(user));
        // Still on the menu: its own page says it is out.
        QCOMPARE(m_api->get(QStringLiteral("cust"), soda).object().value(QStringLiteral("available")).toBool(), false);

        // Refused by name: into a cart, out of a cart, on a counter order.
        r = m_api->call(QStringLiteral("cust2"), "POST", QStringLiteral("/api/cart"),
                        QJsonObject { { QStringLiteral("menuitem"), 2 }, { QStringLiteral("quantity"), 1 } });
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json(), parseJson("{\"menuitem\":[\"Soda is not available right now.\"]}"));
        r = m_api->call(QStringLiteral("cust"), "POST", QStringLiteral("/api/orders"));
        QCOMPARE(r.status, 400);
        QVERIFY2(r.object().value(QStringLiteral("detail")).toString().startsWith(QStringLiteral("Soda is not available")), qPrintable(r.describe()));
        QCOMPARE(m_api->get(QStringLiteral("cust"), QStringLiteral("/api/cart")).array().size(), 1); // nothing taken from the cart
        r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/orders"),
                        QJsonObject { { QStringLiteral("items"), QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 2 }, { QStringLiteral("quantity"), 1 } } } } });
        QCOMPARE(r.status, 400);
        QVERIFY2(r.object().value(QStringLiteral("items")).toArray().first().toString().contains(QStringLiteral("Soda is not available")),
                 qPrintable(r.describe()));

        // Back on: everyone sees it, and the waiting cart goes through.
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", soda, QJsonObject { { QStringLiteral("available"), true } }).status, 200);
        QVERIFY(menuIds(QStringLiteral("cust")).contains(2));
        QCOMPARE(m_api->call(QStringLiteral("cust"), "POST", QStringLiteral("/api/orders")).status, 201);
    }

    // An admin can make an item that starts out 86'd; PUT keeps it as sent.
    void availabilityOnCreateAndPut()
    {
        HttpReply r = m_api->call(QStringLiteral("admin"), "POST", QStringLiteral("/api/menu-items"),
                                  QJsonObject { { QStringLiteral("title"), QStringLiteral("Tomorrow's pie") }, { QStringLiteral("price"), QStringLiteral("3.00") },
                                                { QStringLiteral("featured"), false }, { QStringLiteral("category"), 3 },
                                                { QStringLiteral("available"), false } });
        QCOMPARE(r.status, 201);
        const qint64 id = r.object().value(QStringLiteral("id")).toInteger();
        QVERIFY(!menuIds(QStringLiteral("anon")).contains(id));
        // A cloud client's PUT (no "available") leaves it as it is.
        r = m_api->call(QStringLiteral("mario"), "PUT", QStringLiteral("/api/menu-items/%1").arg(id),
                        QJsonObject { { QStringLiteral("title"), QStringLiteral("Pie") }, { QStringLiteral("price"), QStringLiteral("3.50") },
                                      { QStringLiteral("featured"), true }, { QStringLiteral("category"), 3 } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("available")).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TstServerExtensions)
#include "tst_server_extensions.moc"
