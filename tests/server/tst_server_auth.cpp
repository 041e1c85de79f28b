#include "cloudfixture.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace LittleLemon::Test;

namespace {
QByteArray b64(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A JWT made by hand, the way another issuer (the cloud, an attacker) would.
QByteArray makeToken(const QJsonObject &header, const QJsonObject &payload, const QByteArray &key,
                     QCryptographicHash::Algorithm algorithm)
{
    const QByteArray signingInput = b64(compact(header)) + '.' + b64(compact(payload));
    if (key.isEmpty())
        return signingInput + '.';
    return signingInput + '.' + b64(QMessageAuthenticationCode::hash(signingInput, key, algorithm));
}

QJsonObject claims(const QString &type, qint64 userId, qint64 expiresIn = 600)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return { { QStringLiteral("token_type"), type },
             { QStringLiteral("exp"), now + expiresIn },
             { QStringLiteral("iat"), now },
             { QStringLiteral("jti"), QStringLiteral("0123456789abcdef0123456789abcdef") },
             { QStringLiteral("user_id"), userId } };
}

QJsonObject decodePart(const QString &token, int part)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(token.split(u'.').value(part).toLatin1(),
                                                          QByteArray::Base64UrlEncoding))
        .object();
}
} // namespace

// Sign-in over HTTP: SimpleJWT's create/refresh/verify with their exact
// answers, what a token looks like, expiry, wrong type, tampering, "alg":
// "none", other algorithms and keys, Authorization header forms, djoser's
// registration with Django's password rules, /auth/users/me/, and a password
// hash made by Django signing in.
class TstServerAuth : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<CloudFixture> m_users;
    QByteArray m_secret;

    HttpReply ordersWith(const QByteArray &authorization)
    {
        HttpTestClient http(m_server.url());
        return http.get(QStringLiteral("/api/orders"), { { "Authorization", authorization } });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(CloudFixture::relaxedArgs()), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::addUsers(m_server, &error), qPrintable(error));
        m_users = std::make_unique<CloudFixture>(m_server);
        QFile secret(m_server.dataDir() + QStringLiteral("/jwt-secret"));
        QVERIFY(secret.open(QIODevice::ReadOnly));
        m_secret = secret.readAll().trimmed();
        QVERIFY(m_secret.size() >= 32);
        QCOMPARE(secret.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void tokensLookLikeSimpleJwt()
    {
        HttpTestClient http(m_server.url());
        QString refresh;
        const QString access = http.login(QStringLiteral("crew"), CloudFixture::password(QStringLiteral("crew")), false, &refresh);
        QVERIFY(!access.isEmpty());
        const QJsonObject header = decodePart(access, 0);
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
        QCOMPARE(header.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
        const QJsonObject a = decodePart(access, 1);
        QCOMPARE(a.value(QStringLiteral("token_type")).toString(), QStringLiteral("access"));
        QCOMPARE(a.value(QStringLiteral("user_id")).toInteger(), qint64(3));
        QCOMPARE(a.value(QStringLiteral("exp")).toInteger() - a.value(QStringLiteral("iat")).toInteger(), qint64(15 * 60));
        QCOMPARE(a.value(QStringLiteral("jti")).toString().size(), 32);
        const QJsonObject r = decodePart(refresh, 1);
        QCOMPARE(r.value(QStringLiteral("token_type")).toString(), QStringLiteral("refresh"));
        QCOMPARE(r.value(QStringLiteral("exp")).toInteger() - r.value(QStringLiteral("iat")).toInteger(),
                 qint64(7 * 24 * 3600));
        QVERIFY(a.value(QStringLiteral("jti")) != r.value(QStringLiteral("jti")));
    }

    void createRefusesBadBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty body") << QByteArray() << 400
                                    << QByteArray("{\"password\":[\"This field is required.\"],\"username\":[\"This field is required.\"]}");
        QTest::newRow("blank") << QByteArray("{\"username\":\"\",\"password\":\"\"}") << 400
                               << QByteArray("{\"password\":[\"This field may not be blank.\"],\"username\":[\"This field may not be blank.\"]}");
        QTest::newRow("nulls") << QByteArray("{\"username\":null,\"password\":null}") << 400
                               << QByteArray("{\"password\":[\"This field may not be null.\"],\"username\":[\"This field may not be null.\"]}");
        QTest::newRow("unknown user") << QByteArray("{\"username\":\"ghost\",\"password\":\"x\"}") << 401
                                      << QByteArray("{\"detail\":\"No active account found with the given credentials\"}");
        QTest::newRow("password with a space") << QByteArray("{\"username\":\"cust\",\"password\":\" cust-Pass#1\"}") << 401
                                               << QByteArray("{\"detail\":\"No active account found with the given credentials\"}");
        QTest::newRow("username case") << QByteArray("{\"username\":\"CUST\",\"password\":\"cust-Pass#1\"}") << 401
                                       << QByteArray("{\"detail\":\"No active account found with the given credentials\"}");
        QTest::newRow("a list") << QByteArray("[]") << 400
                                << QByteArray("{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}");
        QTest::newRow("right") << QByteArray("{\"username\":\"cust\",\"password\":\"cust-Pass#1\"}") << 200 << QByteArray();
    }
    void createRefusesBadBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, expected);
        HttpTestClient http(m_server.url());
        const HttpReply r = http.send("POST", QStringLiteral("/auth/jwt/create/"), body, { { "Content-Type", "application/json" } });
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        if (!expected.isEmpty())
            QCOMPARE(r.json(), parseJson(expected));
        if (status == 401)
            QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer realm=\"api\""));
    }

    void authorizationHeaderForms_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QString>("detail");
        const QString notProvided = QStringLiteral("Authentication credentials were not provided.");
        QTest::newRow("another scheme") << QByteArray("Basic Y3VzdDp4") << notProvided;
        QTest::newRow("lower-case bearer") << QByteArray("bearer abc.def.ghi") << notProvided;
        QTest::newRow("bearer alone") << QByteArray("Bearer") << "Authorization header must contain two space-delimited values";
        QTest::newRow("three parts") << QByteArray("Bearer a b") << "Authorization header must contain two space-delimited values";
        QTest::newRow("garbage token") << QByteArray("Bearer !!!") << "Given token not valid for any token type";
        QTest::newRow("two dots of nothing") << QByteArray("Bearer ..") << "Given token not valid for any token type";
    }
    void authorizationHeaderForms()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(QString, detail);
        const HttpReply r = ordersWith(authorization);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.object().value(QStringLiteral("detail")).toString(), detail);
        QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer realm=\"api\""));
    }

    void handMadeTokens_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        const QJsonObject hs256 { { QStringLiteral("alg"), QStringLiteral("HS256") }, { QStringLiteral("typ"), QStringLiteral("JWT") } };
        const QJsonObject hs512 { { QStringLiteral("alg"), QStringLiteral("HS512") }, { QStringLiteral("typ"), QStringLiteral("JWT") } };
        const QJsonObject none { { QStringLiteral("alg"), QStringLiteral("none") }, { QStringLiteral("typ"), QStringLiteral("JWT") } };
        const QByteArray key = m_secret;
        const QString invalid = QStringLiteral("Token is invalid or expired");

        // The cloud's SimpleJWT signs like this with the same secret: accepted.
        QTest::newRow("HS256 with our secret") << makeToken(hs256, claims(QStringLiteral("access"), 4), key, QCryptographicHash::Sha256)
                                               << 200 << QString();
        QTest::newRow("user id as a string") << makeToken(hs256, [] { auto c = claims(QStringLiteral("access"), 4); c.insert(QStringLiteral("user_id"), QStringLiteral("4")); return c; }(), key, QCryptographicHash::Sha256)
                                             << 200 << QString();
        QTest::newRow("alg none") << makeToken(none, claims(QStringLiteral("access"), 4), QByteArray(), QCryptographicHash::Sha256)
                                  << 401 << invalid;
        QTest::newRow("alg none claiming HS256") << makeToken(hs256, claims(QStringLiteral("access"), 4), QByteArray(), QCryptographicHash::Sha256)
                                                 << 401 << invalid;
        QTest::newRow("HS512 with our secret") << makeToken(hs512, claims(QStringLiteral("access"), 4), key, QCryptographicHash::Sha512)
                                               << 401 << invalid;
        QTest::newRow("wrong key") << makeToken(hs256, claims(QStringLiteral("access"), 4), QByteArray(40, 'w'), QCryptographicHash::Sha256)
                                   << 401 << invalid;
        QTest::newRow("expired") << makeToken(hs256, claims(QStringLiteral("access"), 4, -1), key, QCryptographicHash::Sha256)
                                 << 401 << invalid;
        QTest::newRow("refresh type") << makeToken(hs256, claims(QStringLiteral("refresh"), 4), key, QCryptographicHash::Sha256)
                                      << 401 << QStringLiteral("Token has wrong type");
        QTest::newRow("no type") << makeToken(hs256, [] { auto c = claims(QStringLiteral("access"), 4); c.remove(QStringLiteral("token_type")); return c; }(), key, QCryptographicHash::Sha256)
                                 << 401 << invalid;
        QTest::newRow("no exp") << makeToken(hs256, [] { auto c = claims(QStringLiteral("access"), 4); c.remove(QStringLiteral("exp")); return c; }(), key, QCryptographicHash::Sha256)
                                << 401 << invalid;
        QTest::newRow("no user") << makeToken(hs256, [] { auto c = claims(QStringLiteral("access"), 4); c.remove(QStringLiteral("user_id")); return c; }(), key, QCryptographicHash::Sha256)
                                 << 401 << invalid;
        QTest::newRow("unknown user") << makeToken(hs256, claims(QStringLiteral("access"), 999), key, QCryptographicHash::Sha256)
                                      << 401 << QStringLiteral("User not found");
        const QByteArray good = makeToken(hs256, claims(QStringLiteral("access"), 4), key, QCryptographicHash::Sha256);
        QByteArray badSignature = good;
        badSignature[badSignature.size() - 2] = badSignature.at(badSignature.size() - 2) == 'A' ? 'B' : 'A';
        QTest::newRow("tampered signature") << badSignature << 401 << invalid;
        // Promote to user 2 (the manager) keeping the customer's signature.
        const QList<QByteArray> parts = good.split('.');
        const QByteArray promoted = parts.at(0) + '.' + b64(compact(claims(QStringLiteral("access"), 2))) + '.' + parts.at(2);
        QTest::newRow("tampered payload") << promoted << 401 << invalid;
        QTest::newRow("signature stripped") << parts.at(0) + '.' + parts.at(1) + '.' << 401 << invalid;
    }
    void handMadeTokens()
    {
        QFETCH(QByteArray, token);
        QFETCH(int, status);
        QFETCH(QString, message);
        const HttpReply r = ordersWith("Bearer " + token);
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        if (status == 401) {
            const QJsonObject body = r.object();
            if (body.contains(QStringLiteral("messages")))
                QCOMPARE(body.value(QStringLiteral("messages")).toArray().at(0).toObject().value(QStringLiteral("message")).toString(), message);
            else
                QCOMPARE(body.value(QStringLiteral("detail")).toString(), message);
        }
        // /verify agrees with a request on what is a usable access token
        // (issue 20: a refresh token or one of no user is not).
        HttpTestClient http(m_server.url());
        const HttpReply v = http.post(QStringLiteral("/auth/jwt/verify/"), QJsonObject { { QStringLiteral("token"), QString::fromLatin1(token) } });
        QCOMPARE(v.status, status);
    }

    void refreshFlows()
    {
        HttpTestClient http(m_server.url());
        QString refresh;
        const QString access = http.login(QStringLiteral("cust"), CloudFixture::password(QStringLiteral("cust")), false, &refresh);
        HttpReply r = http.post(QStringLiteral("/auth/jwt/refresh/"), QJsonObject { { QStringLiteral("refresh"), refresh } });
        QCOMPARE(r.status, 200);
        // Refresh tokens rotate (issue 20): the answer carries the next one.
        QCOMPARE(r.object().keys(), (QStringList { QStringLiteral("access"), QStringLiteral("refresh") }));
        const QString fresh = r.object().value(QStringLiteral("access")).toString();
        http.setToken(fresh);
        QCOMPARE(http.get(QStringLiteral("/api/cart")).status, 200);
        http.setToken(QString());

        r = http.post(QStringLiteral("/auth/jwt/refresh/"), QJsonObject { { QStringLiteral("refresh"), access } });
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json(), parseJson("{\"detail\":\"Token has wrong type\",\"code\":\"token_not_valid\"}"));
        r = http.post(QStringLiteral("/auth/jwt/refresh/"), QJsonObject { { QStringLiteral("refresh"), QStringLiteral("x") } });
        QCOMPARE(r.json(), parseJson("{\"detail\":\"Token is invalid or expired\",\"code\":\"token_not_valid\"}"));
        r = http.post(QStringLiteral("/auth/jwt/refresh/"), QJsonObject {});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json(), parseJson("{\"refresh\":[\"This field is required.\"]}"));

        // verify takes only an access token a request would take (issue 20).
        r = http.post(QStringLiteral("/auth/jwt/verify/"), QJsonObject { { QStringLiteral("token"), refresh } });
        QCOMPARE(r.status, 401);
        r = http.post(QStringLiteral("/auth/jwt/verify/"), QJsonObject { { QStringLiteral("token"), access } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{}"));
        // The token endpoints ignore a stale Authorization header, as SimpleJWT's do.
        r = http.post(QStringLiteral("/auth/jwt/verify/"), QJsonObject { { QStringLiteral("token"), access } },
                      { { "Authorization", "Bearer junk" } });
        QCOMPARE(r.status, 200);
    }

    void tokensExpire()
    {
        TestServer server;
        QVERIFY2(server.start(CloudFixture::relaxedArgs() + QStringList { QStringLiteral("--access-ttl"), QStringLiteral("1"),
                                                                           QStringLiteral("--refresh-ttl"), QStringLiteral("2") }),
                 qPrintable(server.errorString()));
        QVERIFY(server.addUser(QStringLiteral("cust"), QStringLiteral("customer"), QStringLiteral("cust-Pass#1")));
        HttpTestClient http(server.url());
        QString refresh;
        QVERIFY(!http.login(QStringLiteral("cust"), QStringLiteral("cust-Pass#1"), true, &refresh).isEmpty());
        // Within a second of issue the token is good; then it is refused with SimpleJWT's words.
        QTRY_COMPARE_WITH_TIMEOUT(http.get(QStringLiteral("/api/cart")).status, 401, 5000);
        const HttpReply r = http.get(QStringLiteral("/api/cart"));
        QCOMPARE(r.object().value(QStringLiteral("messages")).toArray().at(0).toObject().value(QStringLiteral("message")).toString(),
                 QStringLiteral("Token is invalid or expired"));
        http.setToken(QString());
        QTRY_COMPARE_WITH_TIMEOUT(http.post(QStringLiteral("/auth/jwt/refresh/"), QJsonObject { { QStringLiteral("refresh"), refresh } }).status,
                                  401, 6000);
    }

    void tokensSurviveARestart()
    {
        TestServer server;
        QVERIFY2(server.start(CloudFixture::relaxedArgs()), qPrintable(server.errorString()));
        QVERIFY(server.addUser(QStringLiteral("cust"), QStringLiteral("customer"), QStringLiteral("cust-Pass#1")));
        HttpTestClient http(server.url());
        QVERIFY(!http.login(QStringLiteral("cust"), QStringLiteral("cust-Pass#1")).isEmpty());
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        QCOMPARE(http.get(QStringLiteral("/api/cart")).status, 200);
    }

    void registration_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("expected");
        auto body = [](const char *username, const char *email, const char *password, const char *rePassword) {
            QJsonObject o;
            if (username)
                o.insert(QStringLiteral("username"), QString::fromUtf8(username));
            if (email)
                o.insert(QStringLiteral("email"), QString::fromUtf8(email));
            if (password)
                o.insert(QStringLiteral("password"), QString::fromUtf8(password));
            if (rePassword)
                o.insert(QStringLiteral("re_password"), QString::fromUtf8(rePassword));
            return compact(o);
        };
        QTest::newRow("nothing") << QByteArray("{}") << 400
                                 << QByteArray("{\"password\":[\"This field is required.\"],\"re_password\":[\"This field is required.\"],\"username\":[\"This field is required.\"]}");
        QTest::newRow("taken") << body("mario", "m@example.com", "Lemon-Squeezy-42", "Lemon-Squeezy-42") << 400
                               << QByteArray("{\"username\":[\"A user with that username already exists.\"]}");
        QTest::newRow("bad characters") << body("no spaces", "", "Lemon-Squeezy-42", "Lemon-Squeezy-42") << 400
                                        << QByteArray("{\"username\":[\"Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.\"]}");
        QTest::newRow("bad email") << body("newcomer", "not-an-email", "Lemon-Squeezy-42", "Lemon-Squeezy-42") << 400
                                   << QByteArray("{\"email\":[\"Enter a valid email address.\"]}");
        QTest::newRow("short and numeric") << body("newcomer", "", "1234", "1234") << 400
                                           << QByteArray("{\"password\":[\"This password is too short. It must contain at least 8 characters.\",\"This password is entirely numeric.\"]}");
        QTest::newRow("like the username") << body("giuseppe", "", "giuseppe1", "giuseppe1") << 400
                                           << QByteArray("{\"password\":[\"The password is too similar to the username.\"]}");
        QTest::newRow("common") << body("newcomer", "", "password", "password") << 400
                                << QByteArray("{\"password\":[\"This password is too common.\"]}");
        QTest::newRow("mismatch") << body("newcomer", "", "Lemon-Squeezy-42", "Lemon-Squeezy-43") << 400
                                  << QByteArray("{\"non_field_errors\":[\"The two password fields didn't match.\"]}");
        QTest::newRow("no email is fine") << body("newcomer", nullptr, "Lemon-Squeezy-42", "Lemon-Squeezy-42") << 201
                                          << QByteArray("{\"email\":\"\",\"username\":\"newcomer\"}");
        QTest::newRow("unicode name") << body("zoë.k", "zoe@example.com", "Lemon-Squeezy-42", "Lemon-Squeezy-42") << 201
                                      << QByteArray("{\"email\":\"zoe@example.com\",\"username\":\"zoë.k\"}");
    }
    void registration()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, expected);
        HttpTestClient http(m_server.url());
        const HttpReply r = http.send("POST", QStringLiteral("/auth/users/"), body, { { "Content-Type", "application/json" } });
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        QCOMPARE(r.json(), parseJson(expected));
        if (status == 201) {
            // A new account is a customer: the cart is theirs, staff pages are not.
            const QString username = QJsonDocument::fromJson(body).object().value(QStringLiteral("username")).toString();
            QVERIFY(!http.login(username, QStringLiteral("Lemon-Squeezy-42")).isEmpty());
            QCOMPARE(http.get(QStringLiteral("/api/cart")).status, 200);
            QCOMPARE(http.get(QStringLiteral("/api/groups/manager/users")).status, 403);
        }
    }

    void meAndUserList()
    {
        auto cust = m_users->as(QStringLiteral("cust"));
        HttpReply r = cust->get(QStringLiteral("/auth/users/me/"));
        QString where;
        QVERIFY2(jsonMatches(r.json(), parseJson("{\"email\":\"cust@example.com\",\"username\":\"cust\"}"), false, &where),
                 qPrintable(where));
        r = cust->patch(QStringLiteral("/auth/users/me/"), QJsonObject { { QStringLiteral("email"), QStringLiteral("bad") } });
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json(), parseJson("{\"email\":[\"Enter a valid email address.\"]}"));
        r = cust->patch(QStringLiteral("/auth/users/me/"), QJsonObject { { QStringLiteral("email"), QStringLiteral("c2@example.com") },
                                                                         { QStringLiteral("username"), QStringLiteral("hijack") } });
        QVERIFY2(jsonMatches(r.json(), parseJson("{\"email\":\"c2@example.com\",\"username\":\"cust\"}"), false, &where),
                 qPrintable(where));
        QCOMPARE(cust->get(QStringLiteral("/auth/users/me/")).object().value(QStringLiteral("email")).toString(),
                 QStringLiteral("c2@example.com"));
        r = cust->get(QStringLiteral("/auth/users/"));
        QCOMPARE(r.object().value(QStringLiteral("count")).toInt(), 1);
        r = m_users->as(QStringLiteral("admin"))->get(QStringLiteral("/auth/users/"));
        QVERIFY(r.object().value(QStringLiteral("count")).toInt() >= 4);
        HttpTestClient anon(m_server.url());
        QCOMPARE(anon.get(QStringLiteral("/auth/users/me/")).status, 401);
        QCOMPARE(anon.get(QStringLiteral("/auth/users/me")).status, 404); // auth paths end with a slash
        QCOMPARE(anon.send("DELETE", QStringLiteral("/auth/users/me/")).status, 401);
        QCOMPARE(cust->send("DELETE", QStringLiteral("/auth/users/me/")).status, 405);
    }

    void djangoHashSignsIn()
    {
        // A user moved from the cloud keeps the hash Django made.
        const QString connection = QStringLiteral("django-import");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(m_server.dataDir() + QStringLiteral("/littlelemon.sqlite3"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.prepare(QStringLiteral("UPDATE users SET password = ? WHERE username = 'mario'")));
            q.addBindValue(QStringLiteral("pbkdf2_sha256$260000$87Ix1MI5qouu8SdLnGAn1Q$EiYe2voxugnPExULh27rkYJIzb8l9/4mtkj0QKjsQCI="));
            QVERIFY(q.exec());
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(connection);
        HttpTestClient http(m_server.url());
        QVERIFY(http.login(QStringLiteral("mario"), QStringLiteral("mario-Pass#1")).isEmpty());
        QVERIFY(!http.login(QStringLiteral("mario"), QStringLiteral("LemonManager#1")).isEmpty());
        QCOMPARE(http.get(QStringLiteral("/api/groups/manager/users")).status, 200);
    }

    void cleanupTestCase()
    {
        // The request log names method, path, status and time: never a
        // password or a token.
        QVERIFY(m_server.stop());
        const QString log = m_server.logText();
        QVERIFY(log.contains(QStringLiteral("POST /auth/jwt/create/ 200")));
        for (const QString &secret : { QStringLiteral("cust-Pass#1"), QStringLiteral("LemonManager#1"),
                                       QStringLiteral("Lemon-Squeezy-42"), m_users->token(QStringLiteral("cust")).left(20),
                                       QString::fromLatin1(m_secret) })
            QVERIFY2(!log.contains(secret), qPrintable(secret));
    }
};

QTEST_GUILESS_MAIN(TstServerAuth)
#include "tst_server_auth.moc"
