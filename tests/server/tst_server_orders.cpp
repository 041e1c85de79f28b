#include "cloudfixture.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace LittleLemon::Test;

// The cart and orders: what each role may do (every cell of the roles
// table: cart, list, create, read, PATCH, DELETE), what an order holds, that
// ordering empties the cart in one go, and that a refused change changes
// nothing.
class TstServerOrders : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<CloudFixture> m_users;

    // ids from the fixture: admin 1, mario 2, crew 3, cust 4; then cust2 5, crew2 6.
    static constexpr qint64 kCrew = 3;
    static constexpr qint64 kCust = 4;

    HttpReply as(const QString &role, const QByteArray &method, const QString &path, const QByteArray &body = QByteArray())
    {
        HttpTestClient http(m_server.url());
        if (role != u"anon")
            http.setToken(m_users->token(role));
        return http.send(method, path, body, { { "Content-Type", "application/json" } });
    }

    // A fresh order of `customer` (one Soda), optionally assigned to `crewId`.
    qint64 makeOrder(const QString &customer = QStringLiteral("cust"), qint64 crewId = 0)
    {
        if (as(customer, "POST", QStringLiteral("/api/cart"), "{\"menuitem\":2,\"quantity\":1}").status != 201)
            return -1;
        const HttpReply r = as(customer, "POST", QStringLiteral("/api/orders"));
        if (r.status != 201)
            return -1;
        const qint64 id = r.object().value(QStringLiteral("order_id")).toInteger();
        if (crewId) {
            const HttpReply p = as(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/orders/%1").arg(id),
                                   QStringLiteral("{\"delivery_crew\":%1}").arg(crewId).toUtf8());
            if (p.status != 200)
                return -1;
        }
        return id;
    }

    QJsonObject order(qint64 id)
    {
        return as(QStringLiteral("mario"), "GET", QStringLiteral("/api/orders/%1").arg(id)).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(CloudFixture::relaxedArgs()), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::populate(m_server, &error), qPrintable(error));
        QVERIFY(m_server.addUser(QStringLiteral("cust2"), QStringLiteral("customer"), CloudFixture::password(QStringLiteral("cust2"))));
        QVERIFY(m_server.addUser(QStringLiteral("crew2"), QStringLiteral("delivery-crew"), CloudFixture::password(QStringLiteral("crew2"))));
        m_users = std::make_unique<CloudFixture>(m_server);
    }

    // Roles table: "cart | customers only (not manager, not delivery-crew)".
    void cartRoles_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<bool>("onItem");
        QTest::addColumn<int>("status");
        const QStringList roles { QStringLiteral("anon"), QStringLiteral("cust"), QStringLiteral("crew"),
                                  QStringLiteral("mario"), QStringLiteral("admin") };
        const QList<std::tuple<const char *, bool, QList<int>>> actions {
            { "GET", false, { 401, 200, 403, 403, 403 } },
            { "POST", false, { 401, 201, 403, 403, 403 } },
            { "PATCH", true, { 401, 200, 403, 403, 403 } },
            { "DELETE", true, { 401, 200, 403, 403, 403 } },
        };
        for (const auto &[method, onItem, statuses] : actions) {
            for (qsizetype i = 0; i < roles.size(); ++i)
                QTest::addRow("%s as %s", method, qPrintable(roles.at(i))) << roles.at(i) << QByteArray(method) << onItem << statuses.at(i);
        }
    }
    void cartRoles()
    {
        QFETCH(QString, role);
        QFETCH(QByteArray, method);
        QFETCH(bool, onItem);
        QFETCH(int, status);
        // A row of the customer's to PATCH/DELETE, or of the caller's own when a customer.
        const HttpReply added = as(QStringLiteral("cust"), "POST", QStringLiteral("/api/cart"), "{\"menuitem\":3,\"quantity\":1}");
        QCOMPARE(added.status, 201);
        const qint64 row = added.object().value(QStringLiteral("id")).toInteger();
        const QString path = onItem ? QStringLiteral("/api/cart/%1").arg(row) : QStringLiteral("/api/cart");
        const QByteArray body = method == "POST" ? "{\"menuitem\":5,\"quantity\":2}" : method == "PATCH" ? "{\"quantity\":4}" : "";
        const HttpReply r = as(role, method, path, body);
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        if (status == 403)
            QCOMPARE(r.json(), parseJson("{\"detail\":\"You do not have permission to perform this action.\"}"));
        // Clean the customer's cart for the next row.
        const QJsonArray cart = as(QStringLiteral("cust"), "GET", QStringLiteral("/api/cart")).array();
        for (const QJsonValue &c : cart)
            as(QStringLiteral("cust"), "DELETE", QStringLiteral("/api/cart/%1").arg(c.toObject().value(QStringLiteral("id")).toInteger()));
        QCOMPARE(as(QStringLiteral("cust"), "GET", QStringLiteral("/api/cart")).array().size(), 0);
    }

    void cartRules()
    {
        HttpReply r = as(QStringLiteral("cust"), "POST", QStringLiteral("/api/cart"), "{\"menuitem\":2,\"quantity\":3}");
        QCOMPARE(r.status, 201);
        const qint64 row = r.object().value(QStringLiteral("id")).toInteger();
        // The same dish again adds to its row.
        r = as(QStringLiteral("cust"), "POST", QStringLiteral("/api/cart"), "{\"menuitem\":2,\"quantity\":2}");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value(QStringLiteral("id")).toInteger(), row);
        QCOMPARE(r.object().value(QStringLiteral("quantity")).toInt(), 5);
        QCOMPARE(r.object().value(QStringLiteral("price")).toString(), QStringLiteral("27.50"));
        // A merged add uses up no id: the next new line is the very next id, as on the cloud.
        r = as(QStringLiteral("cust"), "POST", QStringLiteral("/api/cart"), "{\"menuitem\":3,\"quantity\":1}");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value(QStringLiteral("id")).toInteger(), row + 1);
        QCOMPARE(as(QStringLiteral("cust"), "DELETE", QStringLiteral("/api/cart/%1").arg(row + 1)).status, 200);
        r = as(QStringLiteral("cust"), "PATCH", QStringLiteral("/api/cart/%1").arg(row), "{\"quantity\":\"2\"}");
        QCOMPARE(r.json(), parseJson(QStringLiteral("{\"id\":%1,\"menuitem_name\":\"Soda\",\"menuitem\":2,\"quantity\":2,\"price\":\"11.00\"}")
                                         .arg(row).toUtf8()));
        // Carts are private: another customer neither sees nor touches this row.
        QCOMPARE(as(QStringLiteral("cust2"), "GET", QStringLiteral("/api/cart")).array().size(), 0);
        r = as(QStringLiteral("cust2"), "PATCH", QStringLiteral("/api/cart/%1").arg(row), "{\"quantity\":9}");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json(), parseJson("{\"error\":\"Cart item not found.\"}"));
        QCOMPARE(as(QStringLiteral("cust2"), "DELETE", QStringLiteral("/api/cart/%1").arg(row)).status, 404);
        QCOMPARE(as(QStringLiteral("cust"), "GET", QStringLiteral("/api/cart")).array().at(0).toObject().value(QStringLiteral("quantity")).toInt(), 2);
        QCOMPARE(as(QStringLiteral("cust"), "DELETE", QStringLiteral("/api/cart/%1").arg(row)).status, 200);
    }

    void cartValidation_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("errors");
        QTest::newRow("nothing") << QByteArray("POST") << QByteArray("{}")
                                 << QByteArray("{\"menuitem\":[\"This field is required.\"],\"quantity\":[\"This field is required.\"]}");
        QTest::newRow("zero") << QByteArray("POST") << QByteArray("{\"menuitem\":2,\"quantity\":0}")
                              << QByteArray("{\"quantity\":[\"Ensure this value is greater than or equal to 1.\"]}");
        QTest::newRow("negative") << QByteArray("POST") << QByteArray("{\"menuitem\":2,\"quantity\":-3}")
                                  << QByteArray("{\"quantity\":[\"Ensure this value is greater than or equal to 1.\"]}");
        QTest::newRow("too many") << QByteArray("POST") << QByteArray("{\"menuitem\":2,\"quantity\":32768}")
                                  << QByteArray("{\"quantity\":[\"Ensure this value is less than or equal to 32767.\"]}");
        QTest::newRow("fraction") << QByteArray("POST") << QByteArray("{\"menuitem\":2,\"quantity\":1.5}")
                                  << QByteArray("{\"quantity\":[\"A valid integer is required.\"]}");
        QTest::newRow("unknown dish") << QByteArray("POST") << QByteArray("{\"menuitem\":999,\"quantity\":1}")
                                      << QByteArray("{\"menuitem\":[\"Invalid pk \\\"999\\\" - object does not exist.\"]}");
        QTest::newRow("dish as list") << QByteArray("POST") << QByteArray("{\"menuitem\":[2],\"quantity\":1}")
                                      << QByteArray("{\"menuitem\":[\"Incorrect type. Expected pk value, received list.\"]}");
        QTest::newRow("patch null") << QByteArray("PATCH") << QByteArray("{\"quantity\":null}")
                                    << QByteArray("{\"error\":\"Quantity is required.\"}");
        QTest::newRow("patch zero") << QByteArray("PATCH") << QByteArray("{\"quantity\":0}")
                                    << QByteArray("{\"error\":\"Quantity must be a whole number from 1 to 32767.\"}");
        QTest::newRow("patch text") << QByteArray("PATCH") << QByteArray("{\"quantity\":\"lots\"}")
                                    << QByteArray("{\"error\":\"Quantity must be a whole number from 1 to 32767.\"}");
    }
    void cartValidation()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, errors);
        const HttpReply added = as(QStringLiteral("cust2"), "POST", QStringLiteral("/api/cart"), "{\"menuitem\":1,\"quantity\":1}");
        const qint64 row = added.object().value(QStringLiteral("id")).toInteger();
        const QString path = method == "POST" ? QStringLiteral("/api/cart") : QStringLiteral("/api/cart/%1").arg(row);
        const HttpReply r = as(QStringLiteral("cust2"), method, path, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json(), parseJson(errors));
        const QJsonArray cart = as(QStringLiteral("cust2"), "GET", QStringLiteral("/api/cart")).array();
        QCOMPARE(cart.size(), 1); // nothing added, nothing changed
        QCOMPARE(cart.at(0).toObject().value(QStringLiteral("quantity")).toInt(), 1);
        as(QStringLiteral("cust2"), "DELETE", QStringLiteral("/api/cart/%1").arg(row));
    }

    void orderingEmptiesTheCartAndKeepsHistory()
    {
        auto admin = m_users->as(QStringLiteral("admin"));
        const HttpReply dish = admin->post(QStringLiteral("/api/menu-items"),
                                           QJsonObject { { QStringLiteral("title"), QStringLiteral("Seasonal tart") },
                                                         { QStringLiteral("price"), QStringLiteral("6.40") },
                                                         { QStringLiteral("featured"), false }, { QStringLiteral("category"), 3 } });
        const qint64 dishId = dish.object().value(QStringLiteral("id")).toInteger();
        QVERIFY(as(QStringLiteral("cust"), "POST", QStringLiteral("/api/cart"), QStringLiteral("{\"menuitem\":%1,\"quantity\":2}").arg(dishId).toUtf8()).status == 201);
        QVERIFY(as(QStringLiteral("cust"), "POST", QStringLiteral("/api/cart"), "{\"menuitem\":5,\"quantity\":1}").status == 201);
        HttpReply r = as(QStringLiteral("cust"), "POST", QStringLiteral("/api/orders"), "{\"ignored\":true}");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value(QStringLiteral("total")).toString(), QStringLiteral("17.58"));
        QCOMPARE(r.object().value(QStringLiteral("items")).toArray().size(), 2);
        const qint64 id = r.object().value(QStringLiteral("order_id")).toInteger();
        QCOMPARE(as(QStringLiteral("cust"), "GET", QStringLiteral("/api/cart")).array().size(), 0);
        QCOMPARE(as(QStringLiteral("cust"), "POST", QStringLiteral("/api/orders")).status, 400);

        // The dish changes price, then leaves the menu: the order does not change.
        QCOMPARE(m_users->as(QStringLiteral("mario"))->patch(QStringLiteral("/api/menu-items/%1").arg(dishId),
                                                             QJsonObject { { QStringLiteral("price"), QStringLiteral("9.00") } }).status, 200);
        QCOMPARE(admin->del(QStringLiteral("/api/menu-items/%1").arg(dishId)).status, 204);
        const QJsonObject o = order(id);
        QCOMPARE(o.value(QStringLiteral("total")).toString(), QStringLiteral("17.58"));
        QCOMPARE(o.value(QStringLiteral("user")).toInteger(), kCust);
        QCOMPARE(o.value(QStringLiteral("date")).toString(), QDate::currentDate().toString(Qt::ISODate));
        const QJsonObject line = o.value(QStringLiteral("items")).toArray().at(0).toObject();
        QCOMPARE(line, parseJson(QStringLiteral("{\"menuitem\":%1,\"menuitem_title\":\"Seasonal tart\",\"quantity\":2,"
                                                "\"unit_price\":\"6.40\",\"price\":\"12.80\"}").arg(dishId).toUtf8()).toObject());
    }

    void aTotalTooLargeLeavesTheCartAlone()
    {
        auto admin = m_users->as(QStringLiteral("admin"));
        QList<qint64> dishes;
        for (int i = 0; i < 2; ++i) {
            const HttpReply d = admin->post(QStringLiteral("/api/menu-items"),
                                            QJsonObject { { QStringLiteral("title"), QStringLiteral("Banquet %1").arg(i) },
                                                          { QStringLiteral("price"), QStringLiteral("9999.99") },
                                                          { QStringLiteral("featured"), false }, { QStringLiteral("category"), 4 } });
            dishes << d.object().value(QStringLiteral("id")).toInteger();
        }
        for (qint64 d : dishes)
            QCOMPARE(as(QStringLiteral("cust2"), "POST", QStringLiteral("/api/cart"), QStringLiteral("{\"menuitem\":%1,\"quantity\":10000}").arg(d).toUtf8()).status, 201);
        const int before = as(QStringLiteral("mario"), "GET", QStringLiteral("/api/orders")).object().value(QStringLiteral("count")).toInt();
        const HttpReply r = as(QStringLiteral("cust2"), "POST", QStringLiteral("/api/orders"));
        QCOMPARE(r.status, 400);
        QCOMPARE(as(QStringLiteral("cust2"), "GET", QStringLiteral("/api/cart")).array().size(), 2);
        QCOMPARE(as(QStringLiteral("mario"), "GET", QStringLiteral("/api/orders")).object().value(QStringLiteral("count")).toInt(), before);
        for (const QJsonValue &c : as(QStringLiteral("cust2"), "GET", QStringLiteral("/api/cart")).array())
            as(QStringLiteral("cust2"), "DELETE", QStringLiteral("/api/cart/%1").arg(c.toObject().value(QStringLiteral("id")).toInteger()));
    }

    // Roles table: "create order | from the caller's cart; empty cart → 400".
    void createRoles_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<int>("status");
        QTest::newRow("anon") << "anon" << 401;
        QTest::newRow("customer with a cart") << "cust" << 201;
        QTest::newRow("crew (no cart)") << "crew" << 400;
        QTest::newRow("manager (no cart)") << "mario" << 400;
        QTest::newRow("admin (no cart)") << "admin" << 400;
    }
    void createRoles()
    {
        QFETCH(QString, role);
        QFETCH(int, status);
        if (role == u"cust")
            QCOMPARE(as(role, "POST", QStringLiteral("/api/cart"), "{\"menuitem\":1,\"quantity\":1}").status, 201);
        const HttpReply r = as(role, "POST", QStringLiteral("/api/orders"));
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        if (status == 400)
            QCOMPARE(r.json(), parseJson("{\"detail\":\"The cart is empty!\"}"));
    }

    // Roles table: "list orders | manager: all; delivery crew: assigned to them; others: their own".
    void listScopes()
    {
        const qint64 mine = makeOrder(QStringLiteral("cust"), kCrew);
        const qint64 theirs = makeOrder(QStringLiteral("cust2"));
        QVERIFY(mine > 0 && theirs > 0);
        auto all = [&](const QString &role) {
            QList<qint64> out;
            QString next = QStringLiteral("/api/orders?ordering=-id");
            while (!next.isEmpty()) {
                const HttpReply r = as(role, "GET", next);
                if (r.status != 200)
                    return QList<qint64> { -r.status };
                for (const QJsonValue &o : r.object().value(QStringLiteral("results")).toArray()) {
                    const QJsonObject order = o.toObject();
                    out << order.value(QStringLiteral("id")).toInteger();
                    if (role == u"cust" && order.value(QStringLiteral("user")).toInteger() != kCust)
                        return QList<qint64> { -1 };
                    if (role == u"crew" && order.value(QStringLiteral("delivery_crew")).toInteger() != kCrew)
                        return QList<qint64> { -2 };
                }
                next = r.object().value(QStringLiteral("next")).toString().mid(m_server.url().toString().size());
            }
            return out;
        };
        const QList<qint64> manager = all(QStringLiteral("mario"));
        QVERIFY(manager.contains(mine) && manager.contains(theirs));
        QVERIFY(std::is_sorted(manager.rbegin(), manager.rend())); // ?ordering=-id
        const QList<qint64> cust = all(QStringLiteral("cust"));
        QVERIFY(cust.contains(mine) && !cust.contains(theirs));
        const QList<qint64> crew = all(QStringLiteral("crew"));
        QCOMPARE(crew, QList<qint64> { mine });
        QCOMPARE(all(QStringLiteral("crew2")), QList<qint64>());
        QCOMPARE(all(QStringLiteral("admin")), QList<qint64>());
        QCOMPARE(all(QStringLiteral("anon")), QList<qint64> { -401 });
    }

    // Roles table, reading one order (the cloud's 403 sentence, "acess" included).
    void readRoles_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<int>("status");
        QTest::newRow("owner") << "cust" << 200;
        QTest::newRow("another customer") << "cust2" << 403;
        QTest::newRow("assigned crew") << "crew" << 200;
        QTest::newRow("other crew") << "crew2" << 403;
        QTest::newRow("manager") << "mario" << 200;
        QTest::newRow("admin, not the owner") << "admin" << 403;
        QTest::newRow("anonymous") << "anon" << 401;
    }
    void readRoles()
    {
        QFETCH(QString, role);
        QFETCH(int, status);
        const qint64 id = makeOrder(QStringLiteral("cust"), kCrew);
        const HttpReply r = as(role, "GET", QStringLiteral("/api/orders/%1").arg(id));
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        if (status == 403)
            QCOMPARE(r.json(), parseJson("{\"detail\":\"You do not have permission to acess this information.\"}"));
        if (status == 200)
            QCOMPARE(r.object().value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(as(role, "GET", QStringLiteral("/api/orders/999999")).status, role == u"anon" ? 401 : 404);
    }

    // Roles table: "PATCH order | manager: status and delivery_crew; delivery crew: status only (must
    // send it); customer: 400" — and a refusal leaves the order as it was.
    void patchRoles_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<bool>("statusAfter");
        QTest::addColumn<qint64>("crewAfter");
        const QByteArray notCrew = "[\"The assigned user is not part of the 'delivery-crew' group.\"]";
        QTest::newRow("manager: status") << "mario" << QByteArray("PATCH") << QByteArray("{\"status\":true}") << 200 << QByteArray() << true << kCrew;
        QTest::newRow("manager: status by PUT") << "mario" << QByteArray("PUT") << QByteArray("{\"status\":1}") << 200 << QByteArray() << true << kCrew;
        QTest::newRow("manager: reassign") << "mario" << QByteArray("PATCH") << QByteArray("{\"delivery_crew\":6}") << 200 << QByteArray() << false << qint64(6);
        QTest::newRow("manager: unassign") << "mario" << QByteArray("PATCH") << QByteArray("{\"delivery_crew\":null}") << 200 << QByteArray() << false << qint64(0);
        QTest::newRow("manager: both") << "mario" << QByteArray("PATCH") << QByteArray("{\"delivery_crew\":6,\"status\":true}") << 200 << QByteArray() << true << qint64(6);
        QTest::newRow("manager: a customer as crew") << "mario" << QByteArray("PATCH") << QByteArray("{\"delivery_crew\":4,\"status\":true}") << 400 << notCrew << false << kCrew;
        QTest::newRow("manager: no such user") << "mario" << QByteArray("PATCH") << QByteArray("{\"delivery_crew\":999}") << 400 << notCrew << false << kCrew;
        QTest::newRow("manager: crew as text") << "mario" << QByteArray("PATCH") << QByteArray("{\"delivery_crew\":\"crew\"}") << 400
                                               << QByteArray("{\"delivery_crew\":[\"Incorrect type. Expected pk value, received str.\"]}") << false << kCrew;
        QTest::newRow("manager: bad status") << "mario" << QByteArray("PATCH") << QByteArray("{\"status\":\"maybe\"}") << 400
                                             << QByteArray("{\"status\":[\"Must be a valid boolean.\"]}") << false << kCrew;
        QTest::newRow("manager: nothing") << "mario" << QByteArray("PATCH") << QByteArray("{}") << 200 << QByteArray() << false << kCrew;
        QTest::newRow("crew: status") << "crew" << QByteArray("PATCH") << QByteArray("{\"status\":true}") << 200 << QByteArray() << true << kCrew;
        QTest::newRow("crew: nothing") << "crew" << QByteArray("PATCH") << QByteArray("{}") << 400
                                       << QByteArray("[\"The delivery crew must provide a status.\"]") << false << kCrew;
        QTest::newRow("crew: reassign") << "crew" << QByteArray("PATCH") << QByteArray("{\"status\":true,\"delivery_crew\":6}") << 400
                                        << QByteArray("[\"The delivery crew may only change the status.\"]") << false << kCrew;
        QTest::newRow("crew: bad status") << "crew" << QByteArray("PATCH") << QByteArray("{\"status\":\"done\"}") << 400
                                          << QByteArray("{\"status\":[\"Must be a valid boolean.\"]}") << false << kCrew;
        QTest::newRow("other crew") << "crew2" << QByteArray("PATCH") << QByteArray("{\"status\":true}") << 403
                                    << QByteArray("{\"detail\":\"You do not have permission to acess this information.\"}") << false << kCrew;
        QTest::newRow("owner customer") << "cust" << QByteArray("PATCH") << QByteArray("{\"status\":true}") << 400
                                        << QByteArray("[\"A customer cannot change an order.\"]") << false << kCrew;
        QTest::newRow("other customer") << "cust2" << QByteArray("PATCH") << QByteArray("{\"status\":true}") << 403 << QByteArray() << false << kCrew;
        QTest::newRow("admin") << "admin" << QByteArray("PATCH") << QByteArray("{\"status\":true}") << 403 << QByteArray() << false << kCrew;
        QTest::newRow("anonymous") << "anon" << QByteArray("PATCH") << QByteArray("{\"status\":true}") << 401 << QByteArray() << false << kCrew;
        QTest::newRow("broken JSON") << "mario" << QByteArray("PATCH") << QByteArray("{\"status\":tru}") << 400
                                     << QByteArray("{\"detail\":\"JSON parse error - Expecting value: line 1 column 11 (char 10)\"}") << false << kCrew;
    }
    void patchRoles()
    {
        QFETCH(QString, role);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, answer);
        QFETCH(bool, statusAfter);
        QFETCH(qint64, crewAfter);
        const qint64 id = makeOrder(QStringLiteral("cust"), kCrew);
        QVERIFY(id > 0);
        const QJsonObject before = order(id);
        const HttpReply r = as(role, method, QStringLiteral("/api/orders/%1").arg(id), body);
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        if (!answer.isEmpty())
            QCOMPARE(r.json(), parseJson(answer));
        const QJsonObject after = order(id);
        if (status == 200)
            QCOMPARE(r.object(), after); // the whole order, as it now is
        QCOMPARE(after.value(QStringLiteral("status")).toBool(), statusAfter);
        QCOMPARE(after.value(QStringLiteral("delivery_crew")).toInteger(), crewAfter);
        // Nothing else ever moves.
        for (const QString &key : { QStringLiteral("id"), QStringLiteral("user"), QStringLiteral("total"), QStringLiteral("date"),
                                    QStringLiteral("items") })
            QCOMPARE(after.value(key), before.value(key));
    }

    void deleteRoles_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<int>("status");
        QTest::newRow("owner") << "cust" << 204;
        QTest::newRow("manager") << "mario" << 204;
        QTest::newRow("assigned crew") << "crew" << 403;
        QTest::newRow("other customer") << "cust2" << 403;
        QTest::newRow("admin") << "admin" << 403;
        QTest::newRow("anonymous") << "anon" << 401;
    }
    void deleteRoles()
    {
        QFETCH(QString, role);
        QFETCH(int, status);
        const qint64 id = makeOrder(QStringLiteral("cust"), kCrew);
        const HttpReply r = as(role, "DELETE", QStringLiteral("/api/orders/%1").arg(id));
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        const int after = as(QStringLiteral("mario"), "GET", QStringLiteral("/api/orders/%1").arg(id)).status;
        QCOMPARE(after, status == 204 ? 404 : 200);
        if (status == 204)
            QCOMPARE(as(role, "DELETE", QStringLiteral("/api/orders/%1").arg(id)).status, 404);
    }
};

QTEST_GUILESS_MAIN(TstServerOrders)
#include "tst_server_orders.moc"
