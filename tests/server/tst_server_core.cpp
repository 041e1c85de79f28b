#include "api/server/backend.h"
#include "api/server/fieldreader.h"
#include "api/server/jsonsyntax.h"
#include "api/server/jsonwriter.h"
#include "models/jsoncodec.h"
#include "api/server/passwordhasher.h"
#include "api/server/passwordpolicy.h"
#include "api/server/router.h"
#include "api/server/throttle.h"
#include "api/server/tokenservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace LittleLemon;
using namespace LittleLemon::Server;

// The server's parts without sockets: the Python-worded JSON errors, the
// router, the throttle's arithmetic, DRF-style field reading, Django password
// hashes and policy, tokens, and Backend::handle() driven with plain Request
// values (the path a fuzzer takes).
class TstServerCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The request log is the server's business, not this test's output.
        QLoggingCategory::setFilterRules(QStringLiteral("littlelemon.*.info=false"));
    }

    void jsonErrorsAreWordedLikePython_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        // Each expectation is what CPython 3.11's json.loads() says.
        QTest::newRow("empty") << QByteArray("") << "Expecting value: line 1 column 1 (char 0)";
        QTest::newRow("spaces") << QByteArray("   ") << "Expecting value: line 1 column 4 (char 3)";
        QTest::newRow("cloud example") << QByteArray("{\"price\":") << "Expecting value: line 1 column 10 (char 9)";
        QTest::newRow("open brace") << QByteArray("{")
                                    << "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)";
        QTest::newRow("single quotes") << QByteArray("{'a':1}")
                                       << "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)";
        QTest::newRow("no colon") << QByteArray("{\"a\" 1}") << "Expecting ':' delimiter: line 1 column 6 (char 5)";
        QTest::newRow("no comma") << QByteArray("{\"a\":1 \"b\":2}") << "Expecting ',' delimiter: line 1 column 8 (char 7)";
        QTest::newRow("trailing comma object")
            << QByteArray("{\"a\":1,}") << "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)";
        QTest::newRow("trailing comma array") << QByteArray("[1,]") << "Expecting value: line 1 column 4 (char 3)";
        QTest::newRow("array no comma") << QByteArray("[1 2]") << "Expecting ',' delimiter: line 1 column 4 (char 3)";
        QTest::newRow("extra data") << QByteArray("{\"a\":1} x") << "Extra data: line 1 column 9 (char 8)";
        QTest::newRow("two documents") << QByteArray("{}{}") << "Extra data: line 1 column 3 (char 2)";
        QTest::newRow("unterminated") << QByteArray("\"abc") << "Unterminated string starting at: line 1 column 1 (char 0)";
        QTest::newRow("bad escape") << QByteArray("{\"a\":\"x\\qy\"}") << "Invalid \\escape: line 1 column 8 (char 7)";
        QTest::newRow("control char") << QByteArray("{\"a\":\"x\ny\"}")
                                      << "Invalid control character at: line 1 column 8 (char 7)";
        QTest::newRow("bad unicode escape") << QByteArray("[\"\\u12G4\"]") << "Invalid \\uXXXX escape: line 1 column 4 (char 3)";
        QTest::newRow("truncated literal") << QByteArray("tru") << "Expecting value: line 1 column 1 (char 0)";
        QTest::newRow("lines") << QByteArray("\n\n  {\"a\":}") << "Expecting value: line 3 column 8 (char 9)";
        QTest::newRow("code points, not bytes") << QByteArray("{\"\xc3\xa9\":") << "Expecting value: line 1 column 6 (char 5)";
        QTest::newRow("leading zero") << QByteArray("[01]") << "Expecting ',' delimiter: line 1 column 3 (char 2)";
        QTest::newRow("minus alone") << QByteArray("[-]") << "Expecting value: line 1 column 2 (char 1)";
        QTest::newRow("bad utf-8") << QByteArray("\xff") << "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte";
        QTest::newRow("cut utf-8") << QByteArray("[\"\xc3") << "'utf-8' codec can't decode byte 0xc3 in position 2: unexpected end of data";
        QTest::newRow("bom") << QByteArray("\xef\xbb\xbf{}") << "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)";
    }
    void jsonErrorsAreWordedLikePython()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        QString why;
        QVERIFY(!JsonSyntax::parse(body, &why));
        QCOMPARE(why, error);
    }

    void validJsonParses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("object") << QByteArray("{\"a\": [1, 2.5, -3e2, true, false, null, \"\\u00e9\\n\"]}");
        QTest::newRow("array") << QByteArray(" [ ] ");
        QTest::newRow("scalar") << QByteArray("42");
        QTest::newRow("string") << QByteArray("\"x\"");
        QTest::newRow("nested") << QByteArray(200, '[') + QByteArray(200, ']');
    }
    void validJsonParses()
    {
        QFETCH(QByteArray, body);
        QString why;
        QVERIFY2(JsonSyntax::parse(body, &why), qPrintable(why));
        QVERIFY(JsonSyntax::check(body).isEmpty());
    }

    void deepNestingIsRefusedWithoutCrashing()
    {
        const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
        QString why;
        QVERIFY(!JsonSyntax::parse(deep, &why));
        QVERIFY(why.startsWith(QStringLiteral("Nesting deeper than")));
    }

    void routerMatchesExactly_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("pattern");
        QTest::newRow("list") << "/api/menu-items" << "/api/menu-items";
        QTest::newRow("item") << "/api/menu-items/12" << "/api/menu-items/{id}";
        QTest::newRow("trailing slash") << "/api/menu-items/" << "";
        QTest::newRow("not an id") << "/api/menu-items/abc" << "";
        QTest::newRow("negative id") << "/api/menu-items/-1" << "";
        QTest::newRow("huge id") << "/api/menu-items/99999999999999999999999" << "";
        QTest::newRow("group") << "/api/groups/manager/users" << "/api/groups/{group}/users";
        QTest::newRow("group member") << "/api/groups/manager/users/7" << "/api/groups/{group}/users/{id}";
        QTest::newRow("empty group") << "/api/groups//users" << "";
        QTest::newRow("auth without slash") << "/auth/users/me" << "";
        QTest::newRow("auth") << "/auth/users/me/" << "/auth/users/me/";
        QTest::newRow("double slash") << "//api/menu-items" << "";
    }
    void routerMatchesExactly()
    {
        QFETCH(QString, path);
        QFETCH(QString, pattern);
        Router router;
        for (const char *p : { "/api/menu-items", "/api/menu-items/{id}", "/api/groups/{group}/users",
                               "/api/groups/{group}/users/{id}", "/auth/users/me/" }) {
            router.add(QString::fromLatin1(p), Router::Access::Public);
            router.on(QString::fromLatin1(p), Request::Method::Get, [](RequestContext &) { return Response(); });
        }
        const auto m = router.match(path);
        QCOMPARE(m ? m->route->pattern : QString(), pattern);
        if (m && pattern.contains(u"{id}"))
            QVERIFY(m->params.id() > 0);
        if (m && pattern.contains(u"{group}"))
            QCOMPARE(m->params.text(u"group"), QStringLiteral("manager"));
    }

    void throttleFollowsDrfArithmetic()
    {
        Throttle t(60000, 100);
        int wait = 0;
        QVERIFY(t.allow("a", 3, 1000, &wait));
        QVERIFY(t.allow("a", 3, 2000, &wait));
        QVERIFY(t.allow("a", 3, 3000, &wait));
        QVERIFY(!t.allow("a", 3, 4000, &wait));
        QCOMPARE(wait, 57); // the oldest (t=1s) leaves the window at 61s
        QVERIFY(t.allow("b", 3, 4000, &wait)); // another client is not affected
        QVERIFY(!t.allow("a", 3, 60999, &wait));
        QCOMPARE(wait, 1);
        QVERIFY(t.allow("a", 3, 61001, &wait)); // the first request has left the window
        QVERIFY(!t.allow("a", 3, 61002, &wait));
        // Refused requests are not counted; memory stays bounded under a huge limit.
        for (qint64 ms = 0; ms < 600000; ms += 1)
            t.allow("flood", 1000000000, ms, nullptr);
        t.prune(2000000);
        QCOMPARE(t.clientCount(), qsizetype(0));
    }

    void fieldReaderCoercesLikeDrf_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("errors");
        QTest::newRow("all good") << QByteArray("{\"n\":\"3\",\"b\":\"yes\",\"m\":5.5,\"s\":\" x \",\"pk\":\"2\"}") << QByteArray("{}");
        QTest::newRow("float integer") << QByteArray("{\"n\":3.0,\"b\":0,\"m\":\"1\",\"s\":7,\"pk\":2}") << QByteArray("{}");
        QTest::newRow("missing") << QByteArray("{}")
                                 << QByteArray("{\"b\":[\"This field is required.\"],\"m\":[\"This field is required.\"],"
                                               "\"n\":[\"This field is required.\"],\"pk\":[\"This field is required.\"],"
                                               "\"s\":[\"This field is required.\"]}");
        QTest::newRow("nulls") << QByteArray("{\"n\":null,\"b\":null,\"m\":null,\"s\":null,\"pk\":null}")
                               << QByteArray("{\"b\":[\"This field may not be null.\"],\"m\":[\"This field may not be null.\"],"
                                             "\"n\":[\"This field may not be null.\"],\"pk\":[\"This field may not be null.\"],"
                                             "\"s\":[\"This field may not be null.\"]}");
        QTest::newRow("wrong types")
            << QByteArray("{\"n\":3.5,\"b\":\"maybe\",\"m\":\"abc\",\"s\":true,\"pk\":\"x\"}")
            << QByteArray("{\"b\":[\"Must be a valid boolean.\"],\"m\":[\"A valid number is required.\"],"
                          "\"n\":[\"A valid integer is required.\"],\"pk\":[\"Incorrect type. Expected pk value, received str.\"],"
                          "\"s\":[\"Not a valid string.\"]}");
        QTest::newRow("limits") << QByteArray("{\"n\":0,\"b\":true,\"m\":\"12345.67\",\"s\":\"   \",\"pk\":true}")
                                << QByteArray("{\"m\":[\"Ensure that there are no more than 6 digits in total.\"],"
                                              "\"n\":[\"Ensure this value is greater than or equal to 1.\"],"
                                              "\"pk\":[\"Incorrect type. Expected pk value, received bool.\"],"
                                              "\"s\":[\"This field may not be blank.\"]}");
        QTest::newRow("decimal places") << QByteArray("{\"n\":11,\"b\":false,\"m\":\"1.234\",\"s\":\"abcdefghijk\",\"pk\":1}")
                                        << QByteArray("{\"m\":[\"Ensure that there are no more than 2 decimal places.\"],"
                                                      "\"n\":[\"Ensure this value is less than or equal to 10.\"],"
                                                      "\"s\":[\"Ensure this field has no more than 10 characters.\"]}");
        QTest::newRow("whole digits") << QByteArray("{\"n\":1,\"b\":1,\"m\":\"99999\",\"s\":\"x\",\"pk\":1}")
                                      << QByteArray("{\"m\":[\"Ensure that there are no more than 4 digits before the decimal point.\"]}");
    }
    void fieldReaderCoercesLikeDrf()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, errors);
        FieldReader r(QJsonDocument::fromJson(body).object(), false);
        r.integer(QStringLiteral("n"), 1, 10);
        r.boolean(QStringLiteral("b"));
        r.money(QStringLiteral("m"), 6, 2);
        r.string(QStringLiteral("s"), 10);
        r.primaryKey(QStringLiteral("pk"));
        QJsonObject got;
        try {
            r.throwIfErrors();
        } catch (const HttpError &e) {
            QCOMPARE(e.status(), 400);
            got = e.body().toObject();
        }
        QCOMPARE(QJsonDocument(got).toJson(QJsonDocument::Compact), QJsonDocument::fromJson(errors).toJson(QJsonDocument::Compact));
    }

    void djangoHashVectorVerifies()
    {
        // Made by the cloud's Django (QT64-NOTES.md).
        const QString django = QStringLiteral(
            "pbkdf2_sha256$260000$87Ix1MI5qouu8SdLnGAn1Q$EiYe2voxugnPExULh27rkYJIzb8l9/4mtkj0QKjsQCI=");
        QVERIFY(PasswordHasher::verify(QStringLiteral("LemonManager#1"), django));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("LemonManager#2"), django));
        QCOMPARE(PasswordHasher::hash(QStringLiteral("LemonManager#1"), QStringLiteral("87Ix1MI5qouu8SdLnGAn1Q"), 260000),
                 django);
        QCOMPARE(PasswordHasher::iterations(django), 260000);
    }

    void passwordHashesRoundTrip_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<bool>("ok");
        const QString good = PasswordHasher::hash(QStringLiteral("s3cret pass"), 1000);
        QTest::newRow("ours") << good << true;
        QTest::newRow("other algorithm") << QString(good).replace(QStringLiteral("pbkdf2_sha256"), QStringLiteral("pbkdf2_sha1")) << false;
        QTest::newRow("unusable") << QStringLiteral("!abcdef") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("zero iterations") << QStringLiteral("pbkdf2_sha256$0$salt$hash") << false;
        QTest::newRow("absurd iterations") << QStringLiteral("pbkdf2_sha256$2000000000$salt$hash") << false;
        QTest::newRow("missing part") << QStringLiteral("pbkdf2_sha256$1000$salt") << false;
    }
    void passwordHashesRoundTrip()
    {
        QFETCH(QString, stored);
        QFETCH(bool, ok);
        QCOMPARE(PasswordHasher::verify(QStringLiteral("s3cret pass"), stored), ok);
        const QString fresh = PasswordHasher::hash(QStringLiteral("x"), 10);
        QCOMPARE(fresh.split(u'$').at(2).size(), 22); // Django's salt length
        QVERIFY(fresh != PasswordHasher::hash(QStringLiteral("x"), 10)); // salted
    }

    void passwordPolicy_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QStringList>("problems");
        QTest::newRow("fine") << "Lemon-Squeezy-42" << "newbie" << QStringList();
        QTest::newRow("short") << "Ab#1" << "newbie"
                               << QStringList { "This password is too short. It must contain at least 8 characters." };
        QTest::newRow("numeric") << "83920174" << "newbie" << QStringList { "This password is entirely numeric." };
        QTest::newRow("common") << "password" << "newbie" << QStringList { "This password is too common." };
        QTest::newRow("like the username") << "giuseppe1" << "giuseppe"
                                           << QStringList { "The password is too similar to the username." };
        QTest::newRow("short and numeric") << "1234" << "newbie"
                                           << QStringList { "This password is too short. It must contain at least 8 characters.",
                                                            "This password is entirely numeric." };
    }
    void passwordPolicy()
    {
        QFETCH(QString, password);
        QFETCH(QString, username);
        QFETCH(QStringList, problems);
        QCOMPARE(PasswordPolicy::problems(password, username, QString()), problems);
    }

    void tokensRoundTripAndExpire()
    {
        TokenService tokens;
        tokens.setSecret(QByteArray(40, 'k'));
        tokens.setLifetimes(60, 120);
        const TokenPair pair = tokens.issuePair(7, 0);
        const auto access = tokens.verify(pair.access.toUtf8());
        QVERIFY(access);
        QCOMPARE(access->type, QStringLiteral("access"));
        QCOMPARE(access->userId, qint64(7));
        QCOMPARE(access->expires - access->issuedAt, qint64(60));
        QCOMPARE(access->jti.size(), 32);
        QCOMPARE(tokens.verify(pair.refresh.toUtf8())->type, QStringLiteral("refresh"));
        TokenService other;
        other.setSecret(QByteArray(40, 'x'));
        QVERIFY(!other.verify(pair.access.toUtf8()));
        QVERIFY(!tokens.verify(QByteArray()));
        QVERIFY(!tokens.verify("a.b"));
        QVERIFY(!tokens.verify(pair.access.toUtf8() + QByteArray(1, '\0') + "x"));
        QVERIFY(!tokens.verify(QByteArray(5000, 'a')));
        tokens.setLifetimes(-1, -1); // already expired when issued
        QVERIFY(!tokens.verify(tokens.issue(QStringLiteral("access"), 7).toUtf8()));
    }

    void secretFileIsPrivateAndStable()
    {
        QTemporaryDir dir;
        TokenService a;
        QString error;
        QVERIFY2(a.loadOrCreateSecret(dir.path(), &error), qPrintable(error));
        const QFile::Permissions perms = QFile::permissions(dir.filePath(QStringLiteral("jwt-secret")));
        QCOMPARE(perms & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther), QFile::Permissions());
        const QString token = a.issue(QStringLiteral("access"), 1);
        TokenService b;
        QVERIFY(b.loadOrCreateSecret(dir.path(), &error));
        QVERIFY(b.verify(token.toUtf8())); // the same secret after a restart
    }

    // The fast writer says what the shared codec says (same values), in the cloud's key order
    // followed by the documented extension fields (available; stage and note).
    void wireMatchesTheSharedCodec()
    {
        MenuItem m;
        m.id = 7;
        m.title = QStringLiteral("Cr\u00e8me \"br\u00fbl\u00e9e\"\\ \t\n\x01 \U0001F34B");
        m.price = Money(1205);
        m.featured = true;
        m.category = 3;
        QCOMPARE(QJsonDocument::fromJson(Wire::object(m)).object(), Json::encode(m, Json::Flavor::Extended));
        QVERIFY(Wire::object(m).startsWith("{\"id\":7,\"title\":"));
        Order o;
        o.id = 1;
        o.user = 4;
        o.total = Money(3149);
        o.date = QDate(2026, 11, 24);
        o.items = { OrderItem { 2, QStringLiteral("Soda"), 3, Money(550), Money(1650) },
                    OrderItem { 6, QStringLiteral("Bolognese Lasagna"), 1, Money(1499), Money(1499) } };
        QCOMPARE(QJsonDocument::fromJson(Wire::object(o)).object(), Json::encode(o, Json::Flavor::Extended));
        QCOMPARE(Wire::object(o), QByteArray("{\"id\":1,\"user\":4,\"delivery_crew\":null,\"status\":false,\"total\":\"31.49\","
                                             "\"date\":\"2026-11-24\",\"items\":[{\"menuitem\":2,\"menuitem_title\":\"Soda\","
                                             "\"quantity\":3,\"unit_price\":\"5.50\",\"price\":\"16.50\"},{\"menuitem\":6,"
                                             "\"menuitem_title\":\"Bolognese Lasagna\",\"quantity\":1,\"unit_price\":\"14.99\","
                                             "\"price\":\"14.99\"}],\"note\":\"\"}"));
        o.deliveryCrew = 3;
        QCOMPARE(QJsonDocument::fromJson(Wire::object(o)).object(), Json::encode(o, Json::Flavor::Extended));
        const CartItem c { 1, 2, QStringLiteral("Soda"), 3, Money(1650) };
        QCOMPARE(Wire::object(c), QByteArray("{\"id\":1,\"menuitem_name\":\"Soda\",\"menuitem\":2,\"quantity\":3,\"price\":\"16.50\"}"));
        const Category cat { 2, QStringLiteral("drinks"), QStringLiteral("Drinks") };
        QCOMPARE(QJsonDocument::fromJson(Wire::object(cat)).object(), Json::encode(cat));
        for (qint64 cents : { qint64(0), qint64(5), qint64(-5), qint64(99999999999) }) {
            JsonWriter w;
            w.money(Money(cents));
            QCOMPARE(w.bytes(), "\"" + Money(cents).toString().toUtf8() + "\"");
        }
    }

    void backendAnswersWithoutSockets_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("allow");
        QTest::newRow("health") << QByteArray("GET") << "/health" << QByteArray() << 200 << QByteArray("GET, HEAD, OPTIONS");
        QTest::newRow("menu") << QByteArray("GET") << "/api/menu-items" << QByteArray() << 200
                              << QByteArray("GET, POST, HEAD, OPTIONS");
        QTest::newRow("unknown") << QByteArray("GET") << "/nope" << QByteArray() << 404 << QByteArray();
        QTest::newRow("405") << QByteArray("DELETE") << "/api/menu-items" << QByteArray() << 405
                             << QByteArray("GET, POST, HEAD, OPTIONS");
        QTest::newRow("413") << QByteArray("POST") << "/api/menu-items" << QByteArray(1024 * 1024 + 1, ' ') << 413
                             << QByteArray();
        QTest::newRow("options") << QByteArray("OPTIONS") << "/api/orders/3" << QByteArray() << 401
                                 << QByteArray("GET, PUT, PATCH, DELETE, HEAD, OPTIONS");
    }
    void backendAnswersWithoutSockets()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, allow);
        QTemporaryDir dir;
        ServerConfig config;
        config.dataDir = dir.filePath(QStringLiteral("data"));
        Backend backend(config);
        QString error;
        QVERIFY2(backend.open(&error), qPrintable(error));
        Request r;
        r.methodName = method;
        r.method = Request::methodFromName(method);
        r.path = path;
        r.body = body;
        r.headers = { { "Host", "example.test" }, { "Content-Type", "application/json" } };
        r.peer = QHostAddress::LocalHost;
        const Response response = backend.handle(r);
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("Allow"), allow);
        QCOMPARE(response.contentType, QByteArray("application/json"));
        QVERIFY(!QJsonDocument::fromJson(response.body).isNull());
    }
};

QTEST_GUILESS_MAIN(TstServerCore)
#include "tst_server_core.moc"
