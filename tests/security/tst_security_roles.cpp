#include "securitytest.h"

#include <QJsonArray>
#include <QTest>

using namespace LittleLemon::Test;

// Every way round the roles table of CONTRACT.md: each role tries each
// action the table keeps from it (anonymous 401, signed-in 403, a customer's
// order change 400 as the contract says, someone else's booking 404), and
// the whole database is compared before and after each refusal. Then the
// quieter escalations: fields that would name another owner or a role
// (registration with is_staff and groups, /me with a new username or id,
// cart rows, bookings and orders "for" someone else), which are answered but
// must not take effect; roles checked at the end with `user list`.
class TstSecurityRoles : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<CloudFixture> m_users;
    QByteArray m_userList;

    QByteArray snapshot() { return DbSnapshot::of(databaseOf(m_server)); }

    QByteArray userList()
    {
        QByteArray out;
        m_server.runCommand({ QStringLiteral("user"), QStringLiteral("list") }, QByteArray(), &out);
        return out;
    }

    HttpReply send(const QString &actor, const QByteArray &method, const QString &path, const QByteArray &body = QByteArray())
    {
        HttpTestClient http(m_server.url());
        HttpTestClient::Headers headers;
        if (actor != u"anon")
            headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + m_users->token(actor).toUtf8()));
        if (!body.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return http.send(method, path, body, headers);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(CloudFixture::relaxedArgs()), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::populate(m_server, &error), qPrintable(error)); // admin 1, mario 2, crew 3, cust 4
        QVERIFY(m_server.addUser(QStringLiteral("cust2"), QStringLiteral("customer"), CloudFixture::password(QStringLiteral("cust2")))); // 5
        QVERIFY(m_server.addUser(QStringLiteral("crew2"), QStringLiteral("delivery-crew"), CloudFixture::password(QStringLiteral("crew2")))); // 6
        m_users = std::make_unique<CloudFixture>(m_server);
        auto cust = m_users->as(QStringLiteral("cust"));
        auto cust2 = m_users->as(QStringLiteral("cust2"));
        auto mario = m_users->as(QStringLiteral("mario"));
        // Order 1: cust's, assigned to crew. Order 2: cust2's, assigned to crew2.
        QCOMPARE(cust->post(QStringLiteral("/api/cart"), QJsonObject { { QStringLiteral("menuitem"), 2 }, { QStringLiteral("quantity"), 2 } }).status, 201);
        QCOMPARE(cust->post(QStringLiteral("/api/orders"), QJsonObject {}).status, 201);
        QCOMPARE(cust2->post(QStringLiteral("/api/cart"), QJsonObject { { QStringLiteral("menuitem"), 1 }, { QStringLiteral("quantity"), 1 } }).status, 201);
        QCOMPARE(cust2->post(QStringLiteral("/api/orders"), QJsonObject {}).status, 201);
        QCOMPARE(mario->patch(QStringLiteral("/api/orders/1"), QJsonObject { { QStringLiteral("delivery_crew"), 3 } }).status, 200);
        QCOMPARE(mario->patch(QStringLiteral("/api/orders/2"), QJsonObject { { QStringLiteral("delivery_crew"), 6 } }).status, 200);
        // cust keeps a cart row; a table; a booking each for cust (1) and cust2 (2).
        QCOMPARE(cust->post(QStringLiteral("/api/cart"), QJsonObject { { QStringLiteral("menuitem"), 5 }, { QStringLiteral("quantity"), 1 } }).status, 201);
        QCOMPARE(mario->post(QStringLiteral("/api/tables"), QJsonObject { { QStringLiteral("name"), QStringLiteral("T1") }, { QStringLiteral("seats"), 4 } }).status, 201);
        const QJsonObject booking { { QStringLiteral("name"), QStringLiteral("Ana") }, { QStringLiteral("date"), QStringLiteral("2030-05-01") },
                                    { QStringLiteral("time"), QStringLiteral("19:00") }, { QStringLiteral("guests"), 2 } };
        QCOMPARE(cust->post(QStringLiteral("/api/bookings"), booking).status, 201);
        QCOMPARE(cust2->post(QStringLiteral("/api/bookings"), booking).status, 201);
        m_userList = userList();
        QVERIFY(m_userList.contains("cust2"));
    }

    void refusedByTheRolesTable_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        auto row = [](const char *actor, const char *method, const char *path, const char *body, int status) {
            QTest::addRow("%s %s %s %s", actor, method, path, body)
                << QString::fromLatin1(actor) << QByteArray(method) << QString::fromLatin1(path) << QByteArray(body) << status;
        };
        const char *item = "{\"title\":\"Free lunch\",\"price\":\"0.01\",\"featured\":true,\"category\":1}";
        const char *price = "{\"price\":\"0.01\",\"available\":false}";
        const char *category = "{\"slug\":\"stolen\",\"title\":\"Stolen\"}";
        const char *table = "{\"name\":\"T9\",\"seats\":2}";
        const char *booking = "{\"name\":\"X\",\"date\":\"2030-05-02\",\"time\":\"20:00\",\"guests\":2}";

        // Anonymous: 401 everywhere but reading the menu.
        for (const char *m : { "POST" })
            row("anon", m, "/api/menu-items", item, 401);
        for (const char *m : { "PUT", "PATCH" })
            row("anon", m, "/api/menu-items/1", price, 401);
        row("anon", "DELETE", "/api/menu-items/1", "", 401);
        row("anon", "GET", "/api/categories", "", 401);
        row("anon", "GET", "/api/categories/1", "", 401);
        row("anon", "POST", "/api/categories", category, 401);
        row("anon", "DELETE", "/api/categories/1", "", 401);
        row("anon", "GET", "/api/cart", "", 401);
        row("anon", "POST", "/api/cart", "{\"menuitem\":1,\"quantity\":1}", 401);
        row("anon", "GET", "/api/orders", "", 401);
        row("anon", "GET", "/api/orders/1", "", 401);
        row("anon", "POST", "/api/orders", "{\"items\":[{\"menuitem\":1,\"quantity\":1}]}", 401);
        row("anon", "PATCH", "/api/orders/1", "{\"status\":true}", 401);
        row("anon", "DELETE", "/api/orders/1", "", 401);
        row("anon", "GET", "/api/groups/manager/users", "", 401);
        row("anon", "POST", "/api/groups/manager/users", "{\"username\":\"cust\"}", 401);
        row("anon", "DELETE", "/api/groups/manager/users/2", "", 401);
        row("anon", "GET", "/api/tables", "", 401);
        row("anon", "POST", "/api/tables", table, 401);
        row("anon", "GET", "/api/bookings", "", 401);
        row("anon", "POST", "/api/bookings", booking, 401);
        row("anon", "GET", "/api/changes?since=0", "", 401);
        row("anon", "GET", "/auth/users/me/", "", 401);
        row("anon", "PATCH", "/auth/users/me/", "{\"email\":\"x@example.com\"}", 401);

        // Customers: staff resources 403; changing an order 400 (the contract
        // overrules the cloud's quirk); others' orders 403, others' bookings 404.
        for (const char *who : { "cust", "crew" }) {
            row(who, "POST", "/api/menu-items", item, 403);
            row(who, "PATCH", "/api/menu-items/1", price, 403);
            row(who, "PUT", "/api/menu-items/1", item, 403);
            row(who, "DELETE", "/api/menu-items/1", "", 403);
            row(who, "POST", "/api/categories", category, 403);
            row(who, "PATCH", "/api/categories/1", "{\"title\":\"Mine\"}", 403);
            row(who, "DELETE", "/api/categories/1", "", 403);
            row(who, "GET", "/api/groups/manager/users", "", 403);
            // The crew may read the crew's names (issue 14, our extension); the customer may not.
            if (who == QByteArray("cust"))
                row(who, "GET", "/api/groups/delivery-crew/users", "", 403);
            row(who, "POST", "/api/groups/manager/users", who == QByteArray("cust") ? "{\"username\":\"cust\"}" : "{\"username\":\"crew\"}", 403);
            row(who, "POST", "/api/groups/delivery-crew/users", "{\"username\":\"cust\"}", 403);
            row(who, "DELETE", "/api/groups/manager/users/2", "", 403);
            row(who, "DELETE", "/api/groups/delivery-crew/users/3", "", 403);
            row(who, "POST", "/api/tables", table, 403);
            row(who, "PATCH", "/api/tables/1", "{\"seats\":40}", 403);
            row(who, "DELETE", "/api/tables/1", "", 403);
            row(who, "GET", "/api/orders/2", "", 403);
            row(who, "GET", "/api/bookings/2", "", 404);
            row(who, "PATCH", "/api/bookings/2", "{\"status\":\"cancelled\"}", 404);
            row(who, "DELETE", "/api/bookings/2", "", 404);
        }
        row("cust", "GET", "/api/tables", "", 403);
        row("cust", "PATCH", "/api/orders/1", "{\"status\":true}", 400);
        row("cust", "PATCH", "/api/orders/1", "{\"stage\":\"cancelled\"}", 400);
        row("cust", "PATCH", "/api/orders/1", "{\"delivery_crew\":3}", 400);
        row("cust", "PUT", "/api/orders/1", "{\"status\":true}", 400);
        row("cust", "DELETE", "/api/orders/2", "", 403);
        row("cust", "PATCH", "/api/orders/2", "{\"status\":true}", 403);
        // A customer's counter order is no counter order: it is their cart (empty: 400).
        row("cust2", "POST", "/api/orders", "{\"items\":[{\"menuitem\":1,\"quantity\":50}],\"note\":\"free\"}", 400);

        // Delivery crew: no cart; only the status of their own orders.
        row("crew", "GET", "/api/cart", "", 403);
        row("crew", "POST", "/api/cart", "{\"menuitem\":1,\"quantity\":1}", 403);
        row("crew", "PATCH", "/api/orders/1", "{\"delivery_crew\":6}", 400);
        row("crew", "PATCH", "/api/orders/1", "{\"status\":true,\"delivery_crew\":null}", 400);
        row("crew", "PATCH", "/api/orders/1", "{\"note\":\"mine now\"}", 400);
        row("crew", "PATCH", "/api/orders/1", "{\"stage\":\"cancelled\"}", 400);
        row("crew", "PATCH", "/api/orders/2", "{\"status\":true}", 403);
        row("crew", "DELETE", "/api/orders/1", "", 403);
        row("crew", "DELETE", "/api/orders/2", "", 403);
        row("crew", "POST", "/api/orders", "{\"items\":[{\"menuitem\":1,\"quantity\":1}]}", 400);

        // Managers: not the admin's menu and category writes, no cart.
        row("mario", "POST", "/api/menu-items", item, 403);
        row("mario", "DELETE", "/api/menu-items/1", "", 403);
        row("mario", "POST", "/api/categories", category, 403);
        row("mario", "DELETE", "/api/categories/1", "", 403);
        row("mario", "GET", "/api/cart", "", 403);
        row("mario", "POST", "/api/cart", "{\"menuitem\":1,\"quantity\":1}", 403);
        row("mario", "PATCH", "/api/orders/1", "{\"delivery_crew\":4}", 400);

        // Admins outside the manager group: not a manager's menu or order edits.
        row("admin", "PATCH", "/api/menu-items/1", price, 403);
        row("admin", "PUT", "/api/menu-items/1", item, 403);
        row("admin", "PATCH", "/api/orders/1", "{\"status\":true}", 403);
        row("admin", "GET", "/api/cart", "", 403);
    }
    void refusedByTheRolesTable()
    {
        QFETCH(QString, actor);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const QByteArray before = snapshot();
        const HttpReply r = send(actor, method, path, body);
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        QVERIFY2(!r.json().isUndefined(), qPrintable(r.describe()));
        if (status == 401)
            QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
        if (status == 403 && r.object().contains(QStringLiteral("detail"))) {
            const QString detail = r.object().value(QStringLiteral("detail")).toString();
            QVERIFY2(detail == u"You do not have permission to perform this action."
                         || detail == u"You do not have permission to acess this information.",
                     qPrintable(detail));
        }
        QCOMPARE(snapshot(), before);
    }

    // Lists show each role its own part only.
    void listsShowOnlyWhatTheRoleMaySee()
    {
        const auto custOrders = send(QStringLiteral("cust"), "GET", QStringLiteral("/api/orders?page_size=100")).object();
        QCOMPARE(custOrders.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(custOrders.value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("user")).toInt(), 4);
        const auto crewOrders = send(QStringLiteral("crew"), "GET", QStringLiteral("/api/orders?page_size=100")).object();
        QCOMPARE(crewOrders.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(crewOrders.value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("delivery_crew")).toInt(), 3);
        const auto custBookings = send(QStringLiteral("cust"), "GET", QStringLiteral("/api/bookings?page_size=100")).object();
        QCOMPARE(custBookings.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(custBookings.value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("user")).toInt(), 4);
        // djoser's user list: a customer sees only themself.
        const auto users = send(QStringLiteral("cust"), "GET", QStringLiteral("/auth/users/")).object();
        QCOMPARE(users.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(users.value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("username")).toString(), QStringLiteral("cust"));
        // The change feed: no one else's order or booking, no group changes.
        const auto changes = send(QStringLiteral("cust"), "GET", QStringLiteral("/api/changes?since=0&limit=1000")).object();
        for (const QJsonValue &v : changes.value(QStringLiteral("changes")).toArray()) {
            const QJsonObject c = v.toObject();
            const QString entity = c.value(QStringLiteral("entity")).toString();
            QVERIFY2(entity != u"group-membership" && entity != u"table", qPrintable(entity));
            if (entity == u"order" || entity == u"booking") {
                const QJsonObject data = c.value(QStringLiteral("data")).toObject();
                QVERIFY2(data.isEmpty() || data.value(QStringLiteral("user")).toInt() == 4,
                         QJsonDocument(c).toJson(QJsonDocument::Compact).constData());
            }
        }
    }

    // Fields that would make someone staff, or speak for another user, are
    // not the caller's to set: the request is answered, the field ignored.
    void registrationCannotPickARole()
    {
        HttpTestClient anon(m_server.url());
        const QJsonObject body { { QStringLiteral("username"), QStringLiteral("sneaky") },
                                 { QStringLiteral("email"), QStringLiteral("s@example.com") },
                                 { QStringLiteral("password"), QStringLiteral("Lemon-Squeezy-42") },
                                 { QStringLiteral("re_password"), QStringLiteral("Lemon-Squeezy-42") },
                                 { QStringLiteral("is_staff"), true },
                                 { QStringLiteral("is_superuser"), true },
                                 { QStringLiteral("groups"), QJsonArray { QStringLiteral("manager"), 1 } },
                                 { QStringLiteral("id"), 1 } };
        const HttpReply r = anon.post(QStringLiteral("/auth/users/"), body);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().keys(), (QStringList { QStringLiteral("email"), QStringLiteral("username") }));
        HttpTestClient sneaky(m_server.url());
        QVERIFY(!sneaky.login(QStringLiteral("sneaky"), QStringLiteral("Lemon-Squeezy-42")).isEmpty());
        const QJsonObject me = sneaky.get(QStringLiteral("/auth/users/me/")).object();
        QCOMPARE(me.value(QStringLiteral("is_staff")).toBool(true), false);
        QCOMPARE(me.value(QStringLiteral("groups")).toArray(), QJsonArray {});
        QVERIFY(me.value(QStringLiteral("id")).toInt() > 6);
        QCOMPARE(sneaky.get(QStringLiteral("/api/groups/manager/users")).status, 403);
        // `user list`: id, username, role, email.
        QByteArray role;
        for (const QByteArray &line : userList().split('\n')) {
            const QList<QByteArray> columns = line.simplified().split(' ');
            if (columns.value(1) == "sneaky")
                role = columns.value(2);
        }
        QCOMPARE(role, QByteArray("customer"));
    }

    void meCannotBecomeSomeoneElse_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("PATCH role") << QByteArray("PATCH") << QByteArray("{\"is_staff\":true,\"groups\":[\"manager\"]}");
        QTest::newRow("PATCH name and id") << QByteArray("PATCH") << QByteArray("{\"username\":\"admin\",\"id\":1}");
        QTest::newRow("PUT everything") << QByteArray("PUT")
                                        << QByteArray("{\"username\":\"mario\",\"id\":2,\"is_staff\":true,\"groups\":[\"manager\"],\"is_active\":true,\"password\":\"x\"}");
    }
    void meCannotBecomeSomeoneElse()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        const QByteArray before = snapshot();
        const HttpReply r = send(QStringLiteral("cust"), method, QStringLiteral("/auth/users/me/"), body);
        QVERIFY2(r.status == 200 || r.status == 400, qPrintable(r.describe()));
        const QJsonObject me = send(QStringLiteral("cust"), "GET", QStringLiteral("/auth/users/me/")).object();
        QCOMPARE(me.value(QStringLiteral("username")).toString(), QStringLiteral("cust"));
        QCOMPARE(me.value(QStringLiteral("id")).toInt(), 4);
        QCOMPARE(me.value(QStringLiteral("is_staff")).toBool(true), false);
        QCOMPARE(me.value(QStringLiteral("groups")).toArray(), QJsonArray {});
        QCOMPARE(snapshot(), before);
        // The password did not change either.
        HttpTestClient again(m_server.url());
        QVERIFY(!again.login(QStringLiteral("cust"), CloudFixture::password(QStringLiteral("cust"))).isEmpty());
    }

    // A body naming another user as owner: the record is the caller's anyway.
    void ownersComeFromTheToken()
    {
        const QString db = databaseOf(m_server);
        HttpReply r = send(QStringLiteral("cust"), "POST", QStringLiteral("/api/cart"),
                           "{\"menuitem\":3,\"quantity\":1,\"user\":2,\"user_id\":2,\"price\":\"0.01\",\"unit_price\":\"0.01\"}");
        QCOMPARE(r.status, 201);
        QCOMPARE(DbSnapshot::rows(db, QStringLiteral("SELECT user_id, unit_price_cents FROM cart_items WHERE menuitem_id = 3")),
                 QStringList { QStringLiteral("4|725") });
        r = send(QStringLiteral("cust"), "POST", QStringLiteral("/api/bookings"),
                 "{\"name\":\"B\",\"date\":\"2030-06-01\",\"time\":\"12:00\",\"guests\":2,\"user\":5}");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value(QStringLiteral("user")).toInt(), 4);
        r = send(QStringLiteral("cust"), "POST", QStringLiteral("/api/orders"), "{\"user\":5,\"total\":\"0.01\",\"delivery_crew\":3}");
        QCOMPARE(r.status, 201);
        const qint64 order = r.object().value(QStringLiteral("order_id")).toInteger();
        QCOMPARE(DbSnapshot::rows(db, QStringLiteral("SELECT user_id, delivery_crew_id, total_cents FROM orders WHERE id = %1").arg(order)),
                 QStringList { QStringLiteral("4|NULL|1203") }); // 7.25 + 4.78: the menu's prices
        // A manager moving an order to another customer: not a field of an order's PATCH.
        const QByteArray before = DbSnapshot::rows(db, QStringLiteral("SELECT user_id FROM orders WHERE id = 1")).join(u',').toUtf8();
        r = send(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/orders/1"), "{\"user\":5}");
        QCOMPARE(r.status, 200);
        QCOMPARE(DbSnapshot::rows(db, QStringLiteral("SELECT user_id FROM orders WHERE id = 1")).join(u',').toUtf8(), before);
    }

    // Whatever was tried, the cast is who it was.
    void rolesAreUnchanged()
    {
        QByteArray now = userList();
        // Only the users this test registered on purpose were added.
        QByteArrayList lines;
        for (const QByteArray &line : now.split('\n')) {
            if (!line.contains("sneaky"))
                lines << line;
        }
        QCOMPARE(lines.join('\n'), m_userList);
    }
};

QTEST_GUILESS_MAIN(TstSecurityRoles)
#include "tst_security_roles.moc"
