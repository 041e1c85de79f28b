#include "securitytest.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace LittleLemon::Test;

// Forged and misused JWTs, beyond tst_server_auth's alg none / HS512 /
// wrong key / expired / refresh-as-access: HS384; RS256 (the HMAC key
// confusion, a real RSA signature from the attacker's own key, an embedded
// JWK, a jku to fetch keys from); every spelling of "none"; ES256 and
// unknown algorithms; tokens of another littlelemon-server (another secret,
// same user ids); a token that expired a second ago or expires this very
// second; tokens sent anywhere but the Authorization header; a deleted
// user's tokens (also once someone takes their name), a deactivated user's,
// and a demoted manager's (the role comes from the database, not the token).
// Every refusal is checked at the REST API and at the /api/events WebSocket,
// and against the whole database: nothing changed.
class TstSecurityTokens : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    TestServer m_other; // another restaurant's server: its own secret
    std::unique_ptr<CloudFixture> m_users;
    QByteArray m_secret;
    QTemporaryDir m_keys;

    QByteArray snapshot() { return DbSnapshot::of(databaseOf(m_server)); }

    // A write every role but the customer's could try: the request a forged
    // token is most wanted for (a manager's price change).
    HttpReply tryWrites(const QByteArray &authorization)
    {
        HttpTestClient http(m_server.url());
        const HttpTestClient::Headers h { { "Authorization", authorization }, { "Content-Type", "application/json" } };
        HttpReply r = http.send("PATCH", QStringLiteral("/api/menu-items/1"), "{\"price\":\"0.01\"}", h);
        if (r.status != 401)
            return r;
        r = http.send("POST", QStringLiteral("/api/groups/manager/users"), "{\"username\":\"cust\"}", h);
        if (r.status != 401)
            return r;
        r = http.send("POST", QStringLiteral("/api/categories"), "{\"slug\":\"forged\",\"title\":\"Forged\"}", h);
        if (r.status != 401)
            return r;
        return http.send("GET", QStringLiteral("/api/orders"), QByteArray(), h);
    }

    // The events socket closes at once with 1008 and a reason, sending nothing.
    bool eventsRefuse(const QByteArray &authorization, QString *why)
    {
        QUrl url = m_server.url();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/events"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", authorization);
        QWebSocket socket;
        int messages = 0;
        connect(&socket, &QWebSocket::textMessageReceived, this, [&messages] { ++messages; });
        QSignalSpy closed(&socket, &QWebSocket::disconnected);
        socket.open(request);
        if (!closed.wait(10000)) {
            *why = QStringLiteral("still open after 10 s");
            return false;
        }
        *why = QStringLiteral("code %1, reason \"%2\", %3 messages").arg(socket.closeCode()).arg(socket.closeReason()).arg(messages);
        return socket.closeCode() == QWebSocketProtocol::CloseCodePolicyViolated && messages == 0;
    }

    // An RS256 signature by a key only the attacker has (openssl, as any
    // JWT tool would make one).
    QByteArray rsaSign(const QByteArray &input)
    {
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), { QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-sign"),
                                                   m_keys.filePath(QStringLiteral("attacker.pem")) });
        openssl.write(input);
        openssl.closeWriteChannel();
        openssl.waitForFinished(20000);
        return openssl.readAllStandardOutput();
    }

    qint64 userId(const QString &name)
    {
        const QStringList ids = DbSnapshot::rows(databaseOf(m_server),
                                                 QStringLiteral("SELECT id FROM users WHERE username = '%1'").arg(name));
        return ids.value(0).toLongLong();
    }

    bool execSql(const QString &sql)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tokens-admin"));
            db.setDatabaseName(databaseOf(m_server));
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(QStringLiteral("PRAGMA foreign_keys = ON")) && q.exec(sql);
                if (!ok)
                    qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tokens-admin"));
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(CloudFixture::relaxedArgs()), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::populate(m_server, &error), qPrintable(error));
        m_users = std::make_unique<CloudFixture>(m_server);
        QFile secret(m_server.dataDir() + QStringLiteral("/jwt-secret"));
        QVERIFY(secret.open(QIODevice::ReadOnly));
        m_secret = secret.readAll().trimmed();
        QVERIFY(m_secret.size() >= 32);
        // The same cast on another server: same names, same ids, another secret.
        QVERIFY2(m_other.start(CloudFixture::relaxedArgs()), qPrintable(m_other.errorString()));
        QVERIFY2(CloudFixture::addUsers(m_other, &error), qPrintable(error));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), { QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                                                   QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
                                                   QStringLiteral("-out"), m_keys.filePath(QStringLiteral("attacker.pem")) });
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        // A customer's cart, so there is something a forged token could take.
        QCOMPARE(m_users->as(QStringLiteral("cust"))->post(QStringLiteral("/api/cart"),
                     QJsonObject { { QStringLiteral("menuitem"), 2 }, { QStringLiteral("quantity"), 1 } }).status, 201);
    }

    void forgedTokens_data()
    {
        QTest::addColumn<QByteArray>("token");
        // Signed with our secret after all (what is wrong is a claim):
        // SimpleJWT's verify may call such a token valid, as it checks only
        // the signature and the expiry.
        QTest::addColumn<bool>("ours");
        const QJsonObject manager = tokenClaims(QStringLiteral("access"), 2); // mario
        const QJsonObject admin = tokenClaims(QStringLiteral("access"), 1);
        auto header = [](const char *alg) {
            return QJsonObject { { QStringLiteral("alg"), QString::fromLatin1(alg) }, { QStringLiteral("typ"), QStringLiteral("JWT") } };
        };
        auto withClaim = [](QJsonObject claims, const char *name, const QJsonValue &value) {
            claims.insert(QString::fromLatin1(name), value);
            return claims;
        };
        auto forged = [](const char *name, const QByteArray &token) { QTest::newRow(name) << token << false; };
        auto ours = [](const char *name, const QByteArray &token) { QTest::newRow(name) << token << true; };

        forged("HS384 with our secret", hmacToken(header("HS384"), manager, m_secret, QCryptographicHash::Sha384));
        forged("HS384 header, HS256 signature", hmacToken(header("HS384"), manager, m_secret));
        forged("HS512 header, HS256 signature", hmacToken(header("HS512"), manager, m_secret));
        // Key confusion: an RS256 header with an HMAC over our secret, for a
        // server that would take the secret as a public key.
        forged("RS256 header, HMAC signature", hmacToken(header("RS256"), manager, m_secret));
        const QByteArray rsInput = signingInput(header("RS256"), admin);
        forged("RS256 signed by the attacker's key", rsInput + '.' + base64Url(rsaSign(rsInput)));
        QJsonObject jwk = header("RS256");
        jwk.insert(QStringLiteral("jwk"), QJsonObject { { QStringLiteral("kty"), QStringLiteral("RSA") },
                                                        { QStringLiteral("e"), QStringLiteral("AQAB") },
                                                        { QStringLiteral("n"), QStringLiteral("attacker-modulus") } });
        const QByteArray jwkInput = signingInput(jwk, admin);
        forged("RS256 with an embedded JWK", jwkInput + '.' + base64Url(rsaSign(jwkInput)));
        QJsonObject jku = header("RS256");
        jku.insert(QStringLiteral("jku"), QStringLiteral("http://127.0.0.1:1/keys.json"));
        jku.insert(QStringLiteral("kid"), QStringLiteral("../../../../dev/null"));
        const QByteArray jkuInput = signingInput(jku, admin);
        forged("RS256 with jku and a kid path", jkuInput + '.' + base64Url(rsaSign(jkuInput)));
        forged("ES256 header", signingInput(header("ES256"), admin) + '.' + base64Url(QByteArray(64, '\x01')));
        forged("unknown algorithm", hmacToken(header("HS1"), admin, m_secret, QCryptographicHash::Sha1));
        for (const char *none : { "None", "NONE", "nOnE", "" }) {
            QTest::addRow("alg \"%s\", unsigned", none) << hmacToken(header(none), admin, QByteArray()) << false;
            QTest::addRow("alg \"%s\", HS256 signature", none) << hmacToken(header(none), admin, m_secret) << false;
        }
        forged("no alg at all", hmacToken(QJsonObject { { QStringLiteral("typ"), QStringLiteral("JWT") } }, admin, m_secret));
        forged("one-byte HMAC key", hmacToken(header("HS256"), admin, QByteArray(1, '\0')));
        forged("the secret with a newline", hmacToken(header("HS256"), admin, m_secret + '\n'));
        const QByteArray good = hmacToken(header("HS256"), manager, m_secret);
        const QList<QByteArray> parts = good.split('.');
        forged("four parts", good + ".x");
        forged("padded header", parts.at(0) + "==." + parts.at(1) + '.' + parts.at(2));
        forged("admin payload, manager signature",
               parts.at(0) + '.' + base64Url(compactJson(admin)) + '.' + parts.at(2));
        ours("expired a second ago", hmacToken(header("HS256"), tokenClaims(QStringLiteral("access"), 2, -1), m_secret));
        ours("expires this second", hmacToken(header("HS256"), tokenClaims(QStringLiteral("access"), 2, 0), m_secret));
        ours("type \"Access\"", hmacToken(header("HS256"), tokenClaims(QStringLiteral("Access"), 2), m_secret));
        ours("no type", hmacToken(header("HS256"), withClaim(manager, "token_type", QJsonValue()), m_secret));
        ours("user id 0", hmacToken(header("HS256"), tokenClaims(QStringLiteral("access"), 0), m_secret));
        ours("user id negative", hmacToken(header("HS256"), tokenClaims(QStringLiteral("access"), -2), m_secret));
        ours("user id as a list", hmacToken(header("HS256"), withClaim(manager, "user_id", QJsonArray { 2 }), m_secret));
        ours("user id past 64 bits",
             hmacToken(header("HS256"), withClaim(manager, "user_id", QStringLiteral("18446744073709551618")), m_secret));
        ours("over 4 KiB", hmacToken(header("HS256"), withClaim(manager, "pad", QString(5000, u'a')), m_secret));
    }
    void forgedTokens()
    {
        QFETCH(QByteArray, token);
        QFETCH(bool, ours);
        const QByteArray before = snapshot();
        const HttpReply r = tryWrites("Bearer " + token);
        QVERIFY2(r.status == 401, qPrintable(r.describe()));
        const QString code = r.object().value(QStringLiteral("code")).toString();
        QVERIFY2(code == u"token_not_valid" || (ours && code == u"user_not_found"), qPrintable(r.describe()));
        QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
        QString why;
        QVERIFY2(eventsRefuse("Bearer " + token, &why), qPrintable(why));
        HttpTestClient http(m_server.url());
        if (!ours) {
            // Verify agrees: none of these is a token of ours.
            const HttpReply v = http.post(QStringLiteral("/auth/jwt/verify/"),
                                          QJsonObject { { QStringLiteral("token"), QString::fromLatin1(token) } });
            QVERIFY2(v.status == 401, qPrintable(v.describe()));
        }
        const HttpReply refresh = http.post(QStringLiteral("/auth/jwt/refresh/"),
                                            QJsonObject { { QStringLiteral("refresh"), QString::fromLatin1(token) } });
        QVERIFY2(refresh.status == 401, qPrintable(refresh.describe()));
        QCOMPARE(snapshot(), before);
    }

    // The same signature is fine: only the algorithm's name differs. libjwt
    // compares names without regard to case (found by fuzz_jwt); the HMAC
    // is still SHA-256 under our secret, so nobody without it gets in.
    void algorithmNameCaseNeedsTheSecretAnyway()
    {
        const QJsonObject hs256 { { QStringLiteral("alg"), QStringLiteral("hs256") } };
        HttpTestClient http(m_server.url());
        const QByteArray withKey = hmacToken(hs256, tokenClaims(QStringLiteral("access"), 4), m_secret);
        QCOMPARE(http.get(QStringLiteral("/api/cart"), { { "Authorization", "Bearer " + withKey } }).status, 200);
        const QByteArray withoutKey = hmacToken(hs256, tokenClaims(QStringLiteral("access"), 4), QByteArray(48, 'k'));
        QCOMPARE(http.get(QStringLiteral("/api/cart"), { { "Authorization", "Bearer " + withoutKey } }).status, 401);
    }

    // Two restaurants, two servers, the same user ids: a token from one
    // is nothing at the other.
    void anotherServersTokens()
    {
        HttpTestClient there(m_other.url());
        QString refresh;
        const QString access = there.login(QStringLiteral("mario"), CloudFixture::password(QStringLiteral("mario")), false, &refresh);
        QVERIFY(!access.isEmpty());
        QCOMPARE(there.get(QStringLiteral("/api/orders"), { { "Authorization", "Bearer " + access.toUtf8() } }).status, 200);
        const QByteArray before = snapshot();
        const HttpReply r = tryWrites("Bearer " + access.toUtf8());
        QVERIFY2(r.status == 401, qPrintable(r.describe()));
        HttpTestClient here(m_server.url());
        QCOMPARE(here.post(QStringLiteral("/auth/jwt/refresh/"), QJsonObject { { QStringLiteral("refresh"), refresh } }).status, 401);
        QString why;
        QVERIFY2(eventsRefuse("Bearer " + access.toUtf8(), &why), qPrintable(why));
        QCOMPARE(snapshot(), before);
    }

    // Only the Authorization header carries a token: not the query, a
    // cookie or another header (a token in a URL ends up in logs).
    void tokensElsewhereAreIgnored_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        const QByteArray t = m_users->token(QStringLiteral("mario")).toUtf8();
        QTest::newRow("query access_token") << "/api/orders?access_token=" + QString::fromLatin1(t) << QByteArray() << QByteArray();
        QTest::newRow("query token") << "/api/orders?token=" + QString::fromLatin1(t) << QByteArray() << QByteArray();
        QTest::newRow("cookie") << QStringLiteral("/api/orders") << QByteArray("Cookie") << "access=" + t + "; token=" + t;
        QTest::newRow("X-Access-Token") << QStringLiteral("/api/orders") << QByteArray("X-Access-Token") << t;
        QTest::newRow("Proxy-Authorization") << QStringLiteral("/api/orders") << QByteArray("Proxy-Authorization") << "Bearer " + t;
        QTest::newRow("JWT scheme") << QStringLiteral("/api/orders") << QByteArray("Authorization") << "JWT " + t;
        QTest::newRow("Token scheme") << QStringLiteral("/api/orders") << QByteArray("Authorization") << "Token " + t;
    }
    void tokensElsewhereAreIgnored()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        HttpTestClient http(m_server.url());
        HttpTestClient::Headers headers;
        if (!header.isEmpty())
            headers.append({ header, value });
        const HttpReply r = http.get(path, headers);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.object().value(QStringLiteral("detail")).toString(), QStringLiteral("Authentication credentials were not provided."));
    }

    // A deleted account's tokens die with it, also once someone else signs
    // up with the same name (ids are never reused).
    void deletedUsersTokens()
    {
        QVERIFY(m_server.addUser(QStringLiteral("gone"), QStringLiteral("customer"), QStringLiteral("gone-Pass#1")));
        HttpTestClient http(m_server.url());
        QString refresh;
        const QString access = http.login(QStringLiteral("gone"), QStringLiteral("gone-Pass#1"), true, &refresh);
        QVERIFY(!access.isEmpty());
        QCOMPARE(http.post(QStringLiteral("/api/cart"), QJsonObject { { QStringLiteral("menuitem"), 3 }, { QStringLiteral("quantity"), 2 } }).status, 201);
        const qint64 oldId = userId(QStringLiteral("gone"));
        QVERIFY(oldId > 0);
        QVERIFY(execSql(QStringLiteral("DELETE FROM users WHERE id = %1").arg(oldId)));

        const QByteArray before = snapshot();
        HttpReply r = http.get(QStringLiteral("/api/cart"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.object().value(QStringLiteral("detail")).toString(), QStringLiteral("User not found"));
        r = http.post(QStringLiteral("/api/orders"), QJsonObject {});
        QCOMPARE(r.status, 401);
        r = http.post(QStringLiteral("/auth/jwt/refresh/"), QJsonObject { { QStringLiteral("refresh"), refresh } });
        const QString fresh = r.object().value(QStringLiteral("access")).toString();
        // SimpleJWT's refresh checks only the token; whatever it gives is refused at once.
        if (r.status == 200)
            QCOMPARE(http.get(QStringLiteral("/api/cart"), { { "Authorization", "Bearer " + fresh.toUtf8() } }).status, 401);
        else
            QCOMPARE(r.status, 401);
        QString why;
        QVERIFY2(eventsRefuse("Bearer " + access.toUtf8(), &why), qPrintable(why));
        QCOMPARE(snapshot(), before);

        // A newcomer named "gone": a new id; the old token is still nobody.
        QVERIFY(m_server.addUser(QStringLiteral("gone"), QStringLiteral("manager"), QStringLiteral("gone-Pass#2")));
        QVERIFY(userId(QStringLiteral("gone")) != oldId);
        const QByteArray withNewcomer = snapshot();
        QCOMPARE(http.get(QStringLiteral("/api/orders")).status, 401);
        QCOMPARE(tryWrites("Bearer " + access.toUtf8()).status, 401);
        QCOMPARE(snapshot(), withNewcomer);
    }

    // A deactivated account: its tokens and its password stop working.
    void deactivatedUsersTokens()
    {
        QVERIFY(m_server.addUser(QStringLiteral("idle"), QStringLiteral("manager"), QStringLiteral("idle-Pass#1")));
        HttpTestClient http(m_server.url());
        QString refresh;
        const QString access = http.login(QStringLiteral("idle"), QStringLiteral("idle-Pass#1"), true, &refresh);
        QVERIFY(!access.isEmpty());
        QVERIFY(execSql(QStringLiteral("UPDATE users SET is_active = 0 WHERE username = 'idle'")));
        const QByteArray before = snapshot();
        HttpReply r = tryWrites("Bearer " + access.toUtf8());
        QCOMPARE(r.status, 401);
        QCOMPARE(r.object().value(QStringLiteral("detail")).toString(), QStringLiteral("User is inactive"));
        HttpTestClient again(m_server.url());
        QVERIFY(again.login(QStringLiteral("idle"), QStringLiteral("idle-Pass#1")).isEmpty());
        r = http.post(QStringLiteral("/auth/jwt/refresh/"), QJsonObject { { QStringLiteral("refresh"), refresh } });
        if (r.status == 200)
            QCOMPARE(tryWrites("Bearer " + r.object().value(QStringLiteral("access")).toString().toUtf8()).status, 401);
        else
            QCOMPARE(r.status, 401);
        QString why;
        QVERIFY2(eventsRefuse("Bearer " + access.toUtf8(), &why), qPrintable(why));
        QCOMPARE(snapshot(), before);
    }

    // A manager demoted while signed in keeps a valid token but loses the
    // rights at the next request: roles are read from the database.
    void demotedManagersToken()
    {
        QVERIFY(m_server.addUser(QStringLiteral("boss"), QStringLiteral("manager"), QStringLiteral("boss-Pass#1")));
        HttpTestClient http(m_server.url());
        QVERIFY(!http.login(QStringLiteral("boss"), QStringLiteral("boss-Pass#1")).isEmpty());
        QCOMPARE(http.get(QStringLiteral("/api/groups/manager/users")).status, 200);
        QCOMPARE(m_server.runCommand({ QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("boss"), QStringLiteral("customer") }), 0);
        const QByteArray before = snapshot();
        QCOMPARE(http.patch(QStringLiteral("/api/menu-items/1"), QJsonObject { { QStringLiteral("price"), QStringLiteral("0.01") } }).status, 403);
        QCOMPARE(http.post(QStringLiteral("/api/groups/manager/users"), QJsonObject { { QStringLiteral("username"), QStringLiteral("boss") } }).status, 403);
        QCOMPARE(http.get(QStringLiteral("/api/groups/manager/users")).status, 403);
        const HttpReply orders = http.get(QStringLiteral("/api/orders"));
        QCOMPARE(orders.status, 200);
        QCOMPARE(orders.object().value(QStringLiteral("count")).toInt(), 0); // a customer's own: none
        QCOMPARE(snapshot(), before);
    }

    void cleanupTestCase()
    {
        QVERIFY(m_server.stop());
        QVERIFY(m_other.stop());
    }
};

QTEST_GUILESS_MAIN(TstSecurityTokens)
#include "tst_security_tokens.moc"
