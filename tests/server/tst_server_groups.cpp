#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace LittleLemon::Test;

// Group membership: every cell of the roles table ("manager or admin"), the
// cloud's answers, group names in any case, and that membership is the
// role (a new manager may edit the menu at once; a removed crew member
// loses their orders).
class TstServerGroups : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<CloudFixture> m_users;

    HttpReply as(const QString &role, const QByteArray &method, const QString &path, const QByteArray &body = QByteArray())
    {
        HttpTestClient http(m_server.url());
        if (role != u"anon")
            http.setToken(m_users->token(role));
        return http.send(method, path, body, { { "Content-Type", "application/json" } });
    }

    QStringList members(const QString &group)
    {
        QStringList out;
        for (const QJsonValue &m : as(QStringLiteral("admin"), "GET", QStringLiteral("/api/groups/%1/users").arg(group)).array())
            out << m.toObject().value(QStringLiteral("username")).toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(CloudFixture::relaxedArgs()), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::populate(m_server, &error), qPrintable(error));
        QVERIFY(m_server.addUser(QStringLiteral("temp"), QStringLiteral("customer"), CloudFixture::password(QStringLiteral("temp")),
                                 QStringLiteral("temp@example.com")));
        m_users = std::make_unique<CloudFixture>(m_server);
    }

    void roles_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("group");
        QTest::addColumn<int>("status");
        const QStringList roles { QStringLiteral("anon"), QStringLiteral("cust"), QStringLiteral("crew"),
                                  QStringLiteral("mario"), QStringLiteral("admin") };
        const QList<int> allowed { 401, 403, 403, 0, 0 };
        for (const QString &group : { QStringLiteral("manager"), QStringLiteral("delivery-crew") }) {
            for (const char *method : { "GET", "POST", "DELETE" }) {
                const int ok = QByteArray(method) == "GET" ? 200 : QByteArray(method) == "POST" ? 201 : 200;
                for (qsizetype i = 0; i < roles.size(); ++i) {
                    int status = allowed.at(i) ? allowed.at(i) : ok;
                    // Our extension (issue 14): the crew reads the crew's names, nothing more.
                    if (group == u"delivery-crew" && QByteArray(method) == "GET" && roles.at(i) == u"crew")
                        status = 200;
                    QTest::addRow("%s %s as %s", method, qPrintable(group), qPrintable(roles.at(i)))
                        << roles.at(i) << QByteArray(method) << group << status;
                }
            }
        }
    }
    void roles()
    {
        QFETCH(QString, role);
        QFETCH(QByteArray, method);
        QFETCH(QString, group);
        QFETCH(int, status);
        // DELETE needs temp in the group first; POST needs temp out of it.
        if (method == "DELETE")
            QCOMPARE(as(QStringLiteral("admin"), "POST", QStringLiteral("/api/groups/%1/users").arg(group), "{\"username\":\"temp\"}").status, 201);
        const QString path = method == "DELETE" ? QStringLiteral("/api/groups/%1/users/5").arg(group)
                                                : QStringLiteral("/api/groups/%1/users").arg(group);
        const HttpReply r = as(role, method, path, method == "POST" ? "{\"username\":\"temp\"}" : "");
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        const bool member = members(group).contains(QStringLiteral("temp"));
        if (method == "POST")
            QCOMPARE(member, status == 201);
        if (method == "DELETE")
            QCOMPARE(member, status != 200);
        if (member)
            QCOMPARE(as(QStringLiteral("admin"), "DELETE", QStringLiteral("/api/groups/%1/users/5").arg(group)).status, 200);
        if (method == "GET" && status == 200)
            QVERIFY(r.body.startsWith('[')); // a plain array, never a page
    }

    void groupNamesInAnyCase()
    {
        HttpReply r = as(QStringLiteral("mario"), "GET", QStringLiteral("/api/groups/Manager/users"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), parseJson("[{\"id\":2,\"username\":\"mario\",\"email\":\"mario@example.com\"}]"));
        r = as(QStringLiteral("mario"), "POST", QStringLiteral("/api/groups/DELIVERY-CREW/users"), "{\"username\":\"temp\"}");
        QCOMPARE(r.json(), parseJson("{\"message\":\"User 'temp' added to group 'delivery-crew'.\"}"));
        QCOMPARE(as(QStringLiteral("mario"), "DELETE", QStringLiteral("/api/groups/delivery-crew/users/5")).status, 200);
        QCOMPARE(as(QStringLiteral("mario"), "GET", QStringLiteral("/api/groups/chefs/users")).json(),
                 parseJson("{\"error\":\"Group not found\"}"));
        QCOMPARE(as(QStringLiteral("mario"), "DELETE", QStringLiteral("/api/groups/chefs/users/5")).status, 404);
        QCOMPARE(as(QStringLiteral("mario"), "GET", QStringLiteral("/api/groups/manager/users/")).status, 404);
        QCOMPARE(as(QStringLiteral("mario"), "GET", QStringLiteral("/api/groups/manager/users/5")).status, 405);
    }

    void badBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("empty") << QByteArray() << 400 << QByteArray("{\"error\":\"'username' field is required.\"}");
        QTest::newRow("blank") << QByteArray("{\"username\":\"\"}") << 400 << QByteArray("{\"error\":\"'username' field is required.\"}");
        QTest::newRow("null") << QByteArray("{\"username\":null}") << 400 << QByteArray("{\"error\":\"'username' field is required.\"}");
        QTest::newRow("number") << QByteArray("{\"username\":5}") << 400 << QByteArray("{\"error\":\"'username' must be a string.\"}");
        QTest::newRow("array body") << QByteArray("[\"temp\"]") << 400
                                    << QByteArray("{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}");
        QTest::newRow("ghost") << QByteArray("{\"username\":\"ghost\"}") << 404 << QByteArray("{\"error\":\"User not found\"}");
        QTest::newRow("case matters for users") << QByteArray("{\"username\":\"TEMP\"}") << 404 << QByteArray("{\"error\":\"User not found\"}");
    }
    void badBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, answer);
        const HttpReply r = as(QStringLiteral("mario"), "POST", QStringLiteral("/api/groups/delivery-crew/users"), body);
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        QCOMPARE(r.json(), parseJson(answer));
        QVERIFY(!members(QStringLiteral("delivery-crew")).contains(QStringLiteral("temp")));
    }

    void membershipIsTheRole()
    {
        HttpTestClient temp(m_server.url());
        QVERIFY(!temp.login(QStringLiteral("temp"), CloudFixture::password(QStringLiteral("temp"))).isEmpty());
        // A customer: a cart, no menu edits.
        QCOMPARE(temp.get(QStringLiteral("/api/cart")).status, 200);
        QCOMPARE(temp.patch(QStringLiteral("/api/menu-items/1"), QJsonObject { { QStringLiteral("featured"), true } }).status, 403);
        // Promoted by the manager: the same token now edits the menu and has no cart.
        QCOMPARE(as(QStringLiteral("mario"), "POST", QStringLiteral("/api/groups/manager/users"), "{\"username\":\"temp\"}").status, 201);
        QCOMPARE(temp.patch(QStringLiteral("/api/menu-items/1"), QJsonObject { { QStringLiteral("featured"), true } }).status, 200);
        QCOMPARE(temp.get(QStringLiteral("/api/cart")).status, 403);
        QCOMPARE(temp.get(QStringLiteral("/api/groups/delivery-crew/users")).status, 200);
        // And back.
        QCOMPARE(as(QStringLiteral("mario"), "DELETE", QStringLiteral("/api/groups/manager/users/5")).status, 200);
        QCOMPARE(temp.patch(QStringLiteral("/api/menu-items/1"), QJsonObject { { QStringLiteral("featured"), false } }).status, 403);
        QCOMPARE(temp.get(QStringLiteral("/api/cart")).status, 200);
    }

    void commandLineRolesShowOverHttp()
    {
        QByteArray out;
        QCOMPARE(m_server.runCommand({ QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("temp"),
                                       QStringLiteral("delivery-crew") }, {}, &out), 0);
        QCOMPARE(members(QStringLiteral("delivery-crew")), (QStringList { QStringLiteral("crew"), QStringLiteral("temp") }));
        QCOMPARE(m_server.runCommand({ QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("temp"),
                                       QStringLiteral("customer") }), 0);
        QCOMPARE(members(QStringLiteral("delivery-crew")), QStringList { QStringLiteral("crew") });
    }
};

QTEST_GUILESS_MAIN(TstServerGroups)
#include "tst_server_groups.moc"
