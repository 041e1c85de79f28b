#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace LittleLemon::Test;

namespace {
QList<qint64> ids(const HttpReply &r)
{
    QList<qint64> out;
    for (const QJsonValue &v : r.object().value(QStringLiteral("results")).toArray())
        out << v.toObject().value(QStringLiteral("id")).toInteger();
    return out;
}
} // namespace

// Menu items and categories: pagination edges, filters, search, ordering,
// validation, and every cell of the roles table for both (allowed and
// refused, anonymous included).
class TstServerMenu : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<CloudFixture> m_users;

    qint64 createItem(const QString &title = QStringLiteral("Scratch dish"))
    {
        const HttpReply r = m_users->as(QStringLiteral("admin"))
                                ->post(QStringLiteral("/api/menu-items"),
                                       QJsonObject { { QStringLiteral("title"), title }, { QStringLiteral("price"), QStringLiteral("1.00") },
                                                     { QStringLiteral("featured"), false }, { QStringLiteral("category"), 1 } });
        return r.status == 201 ? r.object().value(QStringLiteral("id")).toInteger() : -1;
    }

    qint64 createCategory(const QString &slug)
    {
        const HttpReply r = m_users->as(QStringLiteral("admin"))
                                ->post(QStringLiteral("/api/categories"),
                                       QJsonObject { { QStringLiteral("slug"), slug }, { QStringLiteral("title"), slug.toUpper() } });
        return r.status == 201 ? r.object().value(QStringLiteral("id")).toInteger() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(CloudFixture::relaxedArgs()), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::populate(m_server, &error), qPrintable(error));
        m_users = std::make_unique<CloudFixture>(m_server);
    }

    void pages_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QList<qint64>>("expectedIds");
        QTest::addColumn<QString>("next");
        QTest::addColumn<QString>("previous");
        const QString base = QStringLiteral("/api/menu-items");
        QTest::newRow("no page") << "" << 200 << QList<qint64> { 1, 2, 3 } << base + "?page=2" << "";
        QTest::newRow("page 1") << "?page=1" << 200 << QList<qint64> { 1, 2, 3 } << base + "?page=2" << "";
        QTest::newRow("page 2 links back without page") << "?page=2" << 200 << QList<qint64> { 4, 5, 6 } << "" << base;
        QTest::newRow("last") << "?page=last" << 200 << QList<qint64> { 4, 5, 6 } << "" << base;
        QTest::newRow("spaces around the number") << "?page=%202%20" << 200 << QList<qint64> { 4, 5, 6 } << "" << base;
        QTest::newRow("empty page is page 1") << "?page=" << 200 << QList<qint64> { 1, 2, 3 } << base + "?page=2" << "";
        QTest::newRow("page 3") << "?page=3" << 404 << QList<qint64>() << "" << "";
        QTest::newRow("page 0") << "?page=0" << 404 << QList<qint64>() << "" << "";
        QTest::newRow("page -1") << "?page=-1" << 404 << QList<qint64>() << "" << "";
        QTest::newRow("page 1.0") << "?page=1.0" << 404 << QList<qint64>() << "" << "";
        QTest::newRow("page abc") << "?page=abc" << 404 << QList<qint64>() << "" << "";
        QTest::newRow("huge page") << "?page=99999999999999999999" << 404 << QList<qint64>() << "" << "";
        QTest::newRow("the last page= wins") << "?page=5&page=2" << 200 << QList<qint64> { 4, 5, 6 } << "" << base;
        QTest::newRow("empty list has page 1") << "?category=none" << 200 << QList<qint64>() << "" << "";
        QTest::newRow("empty list has no page 2") << "?category=none&page=2" << 404 << QList<qint64>() << "" << "";
        QTest::newRow("other params kept, sorted") << "?search=a&ordering=-price" << 200 << QList<qint64> { 1, 6, 4 }
                                                   << base + "?ordering=-price&page=2&search=a" << "";
        QTest::newRow("spaces encoded as plus") << "?search=Bolognese+lasagna" << 200 << QList<qint64> { 6 } << "" << "";
    }
    void pages()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QList<qint64>, expectedIds);
        QFETCH(QString, next);
        QFETCH(QString, previous);
        HttpTestClient http(m_server.url());
        const HttpReply r = http.get(QStringLiteral("/api/menu-items") + query);
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        if (status == 404) {
            QCOMPARE(r.json(), parseJson("{\"detail\":\"Invalid page.\"}"));
            return;
        }
        QCOMPARE(ids(r), expectedIds);
        const QString host = m_server.url().toString();
        QCOMPARE(r.object().value(QStringLiteral("next")).toString(), next.isEmpty() ? QString() : host + next);
        QCOMPARE(r.object().value(QStringLiteral("previous")).toString(), previous.isEmpty() ? QString() : host + previous);
        QVERIFY(r.object().value(QStringLiteral("next")).isNull() == next.isEmpty());
    }

    void linksFollowTheHostHeader()
    {
        HttpTestClient http(m_server.url());
        const HttpReply r = http.get(QStringLiteral("/api/menu-items"), { { "Host", "lemon.local:8000" } });
        QCOMPARE(r.object().value(QStringLiteral("next")).toString(), QStringLiteral("http://lemon.local:8000/api/menu-items?page=2"));
        const HttpReply odd = http.get(QStringLiteral("/api/menu-items"), { { "Host", "evil\"<x>" } });
        QCOMPARE(odd.object().value(QStringLiteral("next")).toString(), QStringLiteral("http://localhost/api/menu-items?page=2"));
    }

    void configurablePageSize()
    {
        TestServer server;
        QVERIFY2(server.start(CloudFixture::relaxedArgs() + QStringList { QStringLiteral("--page-size"), QStringLiteral("4") }),
                 qPrintable(server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::populate(server, &error), qPrintable(error));
        HttpTestClient http(server.url());
        HttpReply r = http.get(QStringLiteral("/api/menu-items"));
        QCOMPARE(ids(r), (QList<qint64> { 1, 2, 3, 4 }));
        r = http.get(QStringLiteral("/api/menu-items?page=2"));
        QCOMPARE(ids(r), (QList<qint64> { 5, 6 }));
        QVERIFY(r.object().value(QStringLiteral("next")).isNull());
    }

    void filters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<qint64>>("expectedIds");
        QTest::addColumn<int>("count");
        QTest::newRow("category lower") << "?category=drinks" << QList<qint64> { 2, 5 } << 2;
        QTest::newRow("category upper") << "?category=DRINKS" << QList<qint64> { 2, 5 } << 2;
        QTest::newRow("category mixed") << "?category=MeAlS" << QList<qint64> { 1, 6 } << 2;
        QTest::newRow("category unknown") << "?category=soups" << QList<qint64>() << 0;
        QTest::newRow("category empty is no filter") << "?category=" << QList<qint64> { 1, 2, 3 } << 6;
        QTest::newRow("price exact") << "?price=5.50" << QList<qint64> { 2 } << 1;
        QTest::newRow("price one place") << "?price=5.5" << QList<qint64> { 2 } << 1;
        QTest::newRow("price none") << "?price=5.51" << QList<qint64>() << 0;
        QTest::newRow("search title any case") << "?search=LASAGNA" << QList<qint64> { 6 } << 1;
        QTest::newRow("search accents any case") << "?search=CR%C3%88ME" << QList<qint64> { 3 } << 1;
        QTest::newRow("search category slug") << "?search=drink" << QList<qint64> { 2, 5 } << 2;
        QTest::newRow("search id") << "?search=4" << QList<qint64> { 4 } << 1;
        QTest::newRow("search two terms") << "?search=soda%20drinks" << QList<qint64> { 2 } << 1;
        QTest::newRow("search comma terms") << "?search=canada,dry" << QList<qint64> { 5 } << 1;
        QTest::newRow("search nothing") << "?search=pizza" << QList<qint64>() << 0;
        QTest::newRow("search blank") << "?search=%20%20" << QList<qint64> { 1, 2, 3 } << 6;
        QTest::newRow("search quote") << "?search=%27%22%25_" << QList<qint64>() << 0;
        QTest::newRow("ordering price") << "?ordering=price" << QList<qint64> { 5, 2, 3 } << 6;
        QTest::newRow("ordering -price") << "?ordering=-price" << QList<qint64> { 1, 6, 4 } << 6;
        QTest::newRow("ordering unknown ignored") << "?ordering=title" << QList<qint64> { 1, 2, 3 } << 6;
        QTest::newRow("ordering first valid term") << "?ordering=title,-price" << QList<qint64> { 1, 6, 4 } << 6;
        QTest::newRow("everything") << "?category=meals&search=a&ordering=price" << QList<qint64> { 6, 1 } << 2;
        QTest::newRow("unknown parameter ignored") << "?colour=red" << QList<qint64> { 1, 2, 3 } << 6;
    }
    void filters()
    {
        QFETCH(QString, query);
        QFETCH(QList<qint64>, expectedIds);
        QFETCH(int, count);
        HttpTestClient http(m_server.url());
        const HttpReply r = http.get(QStringLiteral("/api/menu-items") + query);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(ids(r), expectedIds);
        QCOMPARE(r.object().value(QStringLiteral("count")).toInt(), count);
    }

    void badPriceFilter()
    {
        HttpTestClient http(m_server.url());
        const HttpReply r = http.get(QStringLiteral("/api/menu-items?price=abc"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json(), parseJson("{\"price\":[\"A valid number is required.\"]}"));
    }

    void readItems()
    {
        HttpTestClient http(m_server.url());
        HttpReply r = http.get(QStringLiteral("/api/menu-items/6"));
        QString where;
        QVERIFY2(jsonMatches(r.json(), parseJson("{\"id\":6,\"title\":\"Bolognese Lasagna\",\"price\":\"14.99\",\"featured\":true,\"category\":4}"),
                             false, &where),
                 qPrintable(where));
        r = http.send("HEAD", QStringLiteral("/api/menu-items/6"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(http.get(QStringLiteral("/api/menu-items/0")).status, 404);
        QCOMPARE(http.get(QStringLiteral("/api/menu-items/6/")).status, 404);
        QCOMPARE(http.get(QStringLiteral("/api/menu-items/six")).status, 404);
    }

    // The roles table, menu rows: who may do what (every role, anonymous too).
    void menuRoles_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<bool>("onItem");
        QTest::addColumn<int>("status");
        const QStringList roles { QStringLiteral("anon"), QStringLiteral("cust"), QStringLiteral("crew"),
                                  QStringLiteral("mario"), QStringLiteral("admin") };
        struct Action
        {
            const char *method;
            bool onItem;
            QList<int> statuses; // anon, cust, crew, mario, admin
        };
        const QList<Action> actions {
            { "GET", false, { 200, 200, 200, 200, 200 } },
            { "GET", true, { 200, 200, 200, 200, 200 } },
            { "POST", false, { 401, 403, 403, 403, 201 } },
            { "PUT", true, { 401, 403, 403, 200, 403 } },
            { "PATCH", true, { 401, 403, 403, 200, 403 } },
            { "DELETE", true, { 401, 403, 403, 403, 204 } },
        };
        for (const Action &a : actions) {
            for (qsizetype i = 0; i < roles.size(); ++i) {
                QTest::addRow("%s %s as %s", a.method, a.onItem ? "item" : "list", qPrintable(roles.at(i)))
                    << roles.at(i) << QByteArray(a.method) << a.onItem << a.statuses.at(i);
            }
        }
    }
    void menuRoles()
    {
        QFETCH(QString, role);
        QFETCH(QByteArray, method);
        QFETCH(bool, onItem);
        QFETCH(int, status);
        const qint64 id = createItem();
        QVERIFY(id > 0);
        HttpTestClient http(m_server.url());
        if (role != u"anon")
            http.setToken(m_users->token(role));
        const QString path = onItem ? QStringLiteral("/api/menu-items/%1").arg(id) : QStringLiteral("/api/menu-items");
        const QJsonObject body { { QStringLiteral("title"), QStringLiteral("Renamed") }, { QStringLiteral("price"), QStringLiteral("2.50") },
                                 { QStringLiteral("featured"), true }, { QStringLiteral("category"), 2 } };
        const QByteArray bytes = method == "GET" || method == "DELETE" ? QByteArray() : QJsonDocument(body).toJson();
        const HttpReply r = http.send(method, path, bytes, { { "Content-Type", "application/json" } });
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        HttpTestClient anon(m_server.url());
        const HttpReply after = anon.get(QStringLiteral("/api/menu-items/%1").arg(id));
        if (status == 403 || status == 401) {
            // A refusal changes nothing.
            QCOMPARE(after.object().value(QStringLiteral("title")).toString(), QStringLiteral("Scratch dish"));
            QCOMPARE(after.object().value(QStringLiteral("price")).toString(), QStringLiteral("1.00"));
        } else if (method == "PUT" || method == "PATCH") {
            QString where;
            QVERIFY2(jsonMatches(after.json(), parseJson(QStringLiteral("{\"id\":%1,\"title\":\"Renamed\",\"price\":\"2.50\",\"featured\":true,\"category\":2}")
                                                             .arg(id).toUtf8()),
                                 false, &where),
                     qPrintable(where));
        } else if (method == "DELETE") {
            QCOMPARE(after.status, 404);
        } else if (method == "POST") {
            QCOMPARE(r.object().value(QStringLiteral("title")).toString(), QStringLiteral("Renamed"));
            QVERIFY(m_users->as(QStringLiteral("admin"))->del(QStringLiteral("/api/menu-items/%1").arg(r.object().value(QStringLiteral("id")).toInteger())).status == 204);
        }
        if (status != 204)
            QCOMPARE(m_users->as(QStringLiteral("admin"))->del(QStringLiteral("/api/menu-items/%1").arg(id)).status, 204);
    }

    void menuValidation_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("errors");
        QTest::newRow("post nothing") << QByteArray("POST") << QByteArray("{}")
                                      << QByteArray("{\"category\":[\"This field is required.\"],\"featured\":[\"This field is required.\"],\"price\":[\"This field is required.\"],\"title\":[\"This field is required.\"]}");
        // The cloud's model has no default for featured: a full create or replace must send it.
        QTest::newRow("post without featured") << QByteArray("POST") << QByteArray("{\"title\":\"X\",\"price\":\"1\",\"category\":1}")
                                               << QByteArray("{\"featured\":[\"This field is required.\"]}");
        QTest::newRow("put without featured") << QByteArray("PUT") << QByteArray("{\"title\":\"X\",\"price\":\"1\",\"category\":1}")
                                              << QByteArray("{\"featured\":[\"This field is required.\"]}");
        QTest::newRow("unknown category") << QByteArray("POST") << QByteArray("{\"featured\":false,\"title\":\"X\",\"price\":\"1\",\"category\":99}")
                                          << QByteArray("{\"category\":[\"Invalid pk \\\"99\\\" - object does not exist.\"]}");
        QTest::newRow("category as text") << QByteArray("POST") << QByteArray("{\"featured\":false,\"title\":\"X\",\"price\":\"1\",\"category\":\"drinks\"}")
                                          << QByteArray("{\"category\":[\"Incorrect type. Expected pk value, received str.\"]}");
        QTest::newRow("negative price") << QByteArray("POST") << QByteArray("{\"featured\":false,\"title\":\"X\",\"price\":\"-1.00\",\"category\":1}")
                                        << QByteArray("{\"price\":[\"Ensure this value is greater than or equal to 0.\"]}");
        QTest::newRow("too many places") << QByteArray("POST") << QByteArray("{\"featured\":false,\"title\":\"X\",\"price\":\"1.005\",\"category\":1}")
                                         << QByteArray("{\"price\":[\"Ensure that there are no more than 2 decimal places.\"]}");
        QTest::newRow("too many digits") << QByteArray("POST") << QByteArray("{\"featured\":false,\"title\":\"X\",\"price\":\"12345.67\",\"category\":1}")
                                         << QByteArray("{\"price\":[\"Ensure that there are no more than 6 digits in total.\"]}");
        QTest::newRow("too many whole digits") << QByteArray("POST") << QByteArray("{\"featured\":false,\"title\":\"X\",\"price\":\"12345.6\",\"category\":1}")
                                               << QByteArray("{\"price\":[\"Ensure that there are no more than 4 digits before the decimal point.\"]}");
        QTest::newRow("long title") << QByteArray("POST") << QByteArray("{\"featured\":false,\"title\":\"" + QByteArray(256, 'x') + "\",\"price\":\"1\",\"category\":1}")
                                    << QByteArray("{\"title\":[\"Ensure this field has no more than 255 characters.\"]}");
        QTest::newRow("blank title") << QByteArray("POST") << QByteArray("{\"featured\":false,\"title\":\"  \",\"price\":\"1\",\"category\":1}")
                                     << QByteArray("{\"title\":[\"This field may not be blank.\"]}");
        QTest::newRow("bad featured") << QByteArray("POST") << QByteArray("{\"title\":\"X\",\"price\":\"1\",\"category\":1,\"featured\":\"sometimes\"}")
                                      << QByteArray("{\"featured\":[\"Must be a valid boolean.\"]}");
        QTest::newRow("put needs everything") << QByteArray("PUT") << QByteArray("{\"title\":\"X\"}")
                                              << QByteArray("{\"category\":[\"This field is required.\"],\"featured\":[\"This field is required.\"],\"price\":[\"This field is required.\"]}");
        QTest::newRow("patch null title") << QByteArray("PATCH") << QByteArray("{\"title\":null}")
                                          << QByteArray("{\"title\":[\"This field may not be null.\"]}");
        QTest::newRow("patch price as number") << QByteArray("PATCH") << QByteArray("{\"price\":7.5}") << QByteArray();
        QTest::newRow("patch price as text") << QByteArray("PATCH") << QByteArray("{\"price\":\" 8.25 \"}") << QByteArray();
        QTest::newRow("patch ignores id") << QByteArray("PATCH") << QByteArray("{\"id\":1234}") << QByteArray();
    }
    void menuValidation()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, errors);
        const qint64 id = createItem();
        // POST as admin, PUT/PATCH as the manager: the writers the roles table names.
        auto http = m_users->as(method == "POST" ? QStringLiteral("admin") : QStringLiteral("mario"));
        const QString path = method == "POST" ? QStringLiteral("/api/menu-items") : QStringLiteral("/api/menu-items/%1").arg(id);
        const HttpReply r = http->send(method, path, body, { { "Content-Type", "application/json" } });
        if (errors.isEmpty()) {
            QVERIFY2(r.status == 200, qPrintable(r.describe()));
            QCOMPARE(r.object().value(QStringLiteral("id")).toInteger(), id);
        } else {
            QVERIFY2(r.status == 400, qPrintable(r.describe()));
            QCOMPARE(r.json(), parseJson(errors));
        }
        m_users->as(QStringLiteral("admin"))->del(QStringLiteral("/api/menu-items/%1").arg(id));
    }

    void categoryRules()
    {
        auto admin = m_users->as(QStringLiteral("admin"));
        HttpReply r = admin->post(QStringLiteral("/api/categories"), QJsonObject { { QStringLiteral("slug"), QStringLiteral("DRINKS") },
                                                                                   { QStringLiteral("title"), QStringLiteral("Again") } });
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json(), parseJson("{\"slug\":[\"category with this slug already exists.\"]}"));
        r = admin->post(QStringLiteral("/api/categories"), QJsonObject { { QStringLiteral("slug"), QStringLiteral("hot soups") },
                                                                         { QStringLiteral("title"), QString() } });
        QCOMPARE(r.json(), parseJson("{\"slug\":[\"Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.\"],"
                                     "\"title\":[\"This field may not be blank.\"]}"));
        // A category with dishes stays: the menu would be left pointing nowhere.
        r = admin->del(QStringLiteral("/api/categories/2"));
        QCOMPARE(r.status, 400);
        QCOMPARE(admin->get(QStringLiteral("/api/categories/2")).status, 200);
        QCOMPARE(admin->del(QStringLiteral("/api/categories/999")).status, 404);
        QCOMPARE(admin->patch(QStringLiteral("/api/categories/999"), QJsonObject {}).status, 404);
        // Keeping its own slug is not a duplicate.
        r = admin->put(QStringLiteral("/api/categories/2"), QJsonObject { { QStringLiteral("slug"), QStringLiteral("drinks") },
                                                                           { QStringLiteral("title"), QStringLiteral("Drinks") } });
        QCOMPARE(r.status, 200);
        // Search and ordering of categories.
        r = admin->get(QStringLiteral("/api/categories?search=dess"));
        QCOMPARE(ids(r), QList<qint64> { 3 });
        r = admin->get(QStringLiteral("/api/categories?ordering=-title&search=s"));
        QCOMPARE(ids(r).mid(0, 3), (QList<qint64> { 4, 2, 3 }));
    }

    // The roles table, category rows: every signed-in user reads, admins write.
    void categoryRoles_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<bool>("onItem");
        QTest::addColumn<int>("status");
        const QStringList roles { QStringLiteral("anon"), QStringLiteral("cust"), QStringLiteral("crew"),
                                  QStringLiteral("mario"), QStringLiteral("admin") };
        struct Action
        {
            const char *method;
            bool onItem;
            QList<int> statuses;
        };
        const QList<Action> actions {
            { "GET", false, { 401, 200, 200, 200, 200 } },  { "GET", true, { 401, 200, 200, 200, 200 } },
            { "POST", false, { 401, 403, 403, 403, 201 } }, { "PUT", true, { 401, 403, 403, 403, 200 } },
            { "PATCH", true, { 401, 403, 403, 403, 200 } }, { "DELETE", true, { 401, 403, 403, 403, 204 } },
        };
        for (const Action &a : actions) {
            for (qsizetype i = 0; i < roles.size(); ++i)
                QTest::addRow("%s %s as %s", a.method, a.onItem ? "item" : "list", qPrintable(roles.at(i)))
                    << roles.at(i) << QByteArray(a.method) << a.onItem << a.statuses.at(i);
        }
    }
    void categoryRoles()
    {
        QFETCH(QString, role);
        QFETCH(QByteArray, method);
        QFETCH(bool, onItem);
        QFETCH(int, status);
        static int serial = 0;
        const qint64 id = createCategory(QStringLiteral("scratch-%1").arg(++serial));
        QVERIFY(id > 0);
        HttpTestClient http(m_server.url());
        if (role != u"anon")
            http.setToken(m_users->token(role));
        const QString path = onItem ? QStringLiteral("/api/categories/%1").arg(id) : QStringLiteral("/api/categories");
        const QByteArray bytes = method == "GET" || method == "DELETE"
            ? QByteArray()
            : QStringLiteral("{\"slug\":\"renamed-%1\",\"title\":\"Renamed\"}").arg(serial).toUtf8();
        const HttpReply r = http.send(method, path, bytes, { { "Content-Type", "application/json" } });
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        if (status == 401)
            QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer realm=\"api\""));
        const HttpReply after = m_users->as(QStringLiteral("admin"))->get(QStringLiteral("/api/categories/%1").arg(id));
        if (status == 403 || status == 401)
            QCOMPARE(after.object().value(QStringLiteral("slug")).toString(), QStringLiteral("scratch-%1").arg(serial));
        else if (method == "DELETE")
            QCOMPARE(after.status, 404);
        else if (method == "PUT" || method == "PATCH")
            QCOMPARE(after.object().value(QStringLiteral("title")).toString(), QStringLiteral("Renamed"));
    }

};

QTEST_GUILESS_MAIN(TstServerMenu)
#include "tst_server_menu.moc"
