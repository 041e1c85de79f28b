#include "securitytest.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QWebSocket>
#include <QtTest>

using namespace LittleLemon::Test;

// Sign-ins can be taken back (issue 20): each user has a token generation,
// stored with the user; a password change, a deactivation, a deletion or a
// sign-out from every terminal moves it on and every older access and
// refresh token is refused at once. Refresh tokens rotate (each refreshes
// once) and /auth/jwt/verify/ takes only a usable access token.
class TstSecurityRevocation : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

    struct Pair
    {
        QString access;
        QString refresh;
    };

    Pair signIn(const QString &user)
    {
        HttpTestClient http(m_server.url());
        Pair p;
        p.access = http.login(user, CloudFixture::password(user), false, &p.refresh);
        return p;
    }
    int read(const QString &access)
    {
        HttpTestClient http(m_server.url());
        http.setToken(access);
        return http.get(QStringLiteral("/auth/users/me/")).status;
    }
    HttpReply refresh(const QString &token)
    {
        HttpTestClient http(m_server.url());
        return http.post(QStringLiteral("/auth/jwt/refresh/"), QJsonObject { { QStringLiteral("refresh"), token } });
    }
    int verify(const QString &token)
    {
        HttpTestClient http(m_server.url());
        return http.post(QStringLiteral("/auth/jwt/verify/"), QJsonObject { { QStringLiteral("token"), token } }).status;
    }
    int user(const QStringList &args, const QByteArray &input = {}, QByteArray *out = nullptr)
    {
        QByteArray err;
        const int code = m_server.runCommand(QStringList { QStringLiteral("user") } + args, input, out, &err);
        if (code != 0)
            qWarning("user %s: %s", qPrintable(args.join(u' ')), err.constData());
        return code;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(CloudFixture::relaxedArgs()), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::populate(m_server, &error), qPrintable(error));
    }

    void passwordChangeRevokesEverything()
    {
        const Pair old = signIn(QStringLiteral("crew"));
        QVERIFY(!old.access.isEmpty());
        QCOMPARE(read(old.access), 200);
        QCOMPARE(user({ QStringLiteral("passwd"), QStringLiteral("crew"), QStringLiteral("--password-stdin"),
                        QStringLiteral("--hash-iterations"), QStringLiteral("1000") },
                      CloudFixture::password(QStringLiteral("crew")).toUtf8() + '\n'),
                 0);
        QCOMPARE(read(old.access), 401);
        QCOMPARE(refresh(old.refresh).status, 401);
        QCOMPARE(verify(old.access), 401);
        // A new sign-in works (the password itself is the same text here).
        const Pair fresh = signIn(QStringLiteral("crew"));
        QCOMPARE(read(fresh.access), 200);
    }

    void refreshTokensRotate()
    {
        const Pair first = signIn(QStringLiteral("cust"));
        const HttpReply r = refresh(first.refresh);
        QCOMPARE(r.status, 200);
        const QString access = r.object().value(QStringLiteral("access")).toString();
        const QString next = r.object().value(QStringLiteral("refresh")).toString();
        QVERIFY(!access.isEmpty());
        QVERIFY(!next.isEmpty());
        QVERIFY(next != first.refresh);
        QCOMPARE(read(access), 200);
        // The used one is refused, the new one works once.
        const HttpReply again = refresh(first.refresh);
        QCOMPARE(again.status, 401);
        QCOMPARE(again.object().value(QStringLiteral("code")).toString(), QStringLiteral("token_not_valid"));
        QCOMPARE(refresh(next).status, 200);
        QCOMPARE(refresh(next).status, 401);
    }

    void verifyChecksTheType()
    {
        const Pair p = signIn(QStringLiteral("cust"));
        QCOMPARE(verify(p.access), 200);
        QCOMPARE(verify(p.refresh), 401);
    }

    void signOutEverywhere()
    {
        const Pair a = signIn(QStringLiteral("mario"));
        const Pair b = signIn(QStringLiteral("mario"));
        HttpTestClient http(m_server.url());
        http.setToken(a.access);
        QCOMPARE(http.post(QStringLiteral("/auth/users/me/sign-out-everywhere/"), QJsonObject {}).status, 204);
        for (const Pair &p : { a, b }) {
            QCOMPARE(read(p.access), 401);
            QCOMPARE(refresh(p.refresh).status, 401);
        }
        // And from the command line.
        const Pair c = signIn(QStringLiteral("mario"));
        QCOMPARE(read(c.access), 200);
        QCOMPARE(user({ QStringLiteral("sign-out"), QStringLiteral("mario") }), 0);
        QCOMPARE(read(c.access), 401);
        QCOMPARE(read(signIn(QStringLiteral("mario")).access), 200);
    }

    // A live-update socket goes with its sign-in.
    void eventSocketClosedOnSignOut()
    {
        const Pair p = signIn(QStringLiteral("admin"));
        QWebSocket socket;
        QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/events").arg(m_server.port())));
        request.setRawHeader("Authorization", "Bearer " + p.access.toLatin1());
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy closed(&socket, &QWebSocket::disconnected);
        socket.open(request);
        QVERIFY(connected.wait(10000));
        QCOMPARE(user({ QStringLiteral("sign-out"), QStringLiteral("admin") }), 0);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    }

    void deactivateAndActivate()
    {
        const Pair p = signIn(QStringLiteral("crew"));
        QCOMPARE(user({ QStringLiteral("deactivate"), QStringLiteral("crew") }), 0);
        QCOMPARE(read(p.access), 401);
        QCOMPARE(refresh(p.refresh).status, 401);
        QVERIFY(signIn(QStringLiteral("crew")).access.isEmpty());
        QByteArray list;
        QCOMPARE(user({ QStringLiteral("list") }, {}, &list), 0);
        QVERIFY2(list.contains("(inactive)"), list.constData());
        QCOMPARE(user({ QStringLiteral("activate"), QStringLiteral("crew") }), 0);
        // Activating does not bring old tokens back.
        QCOMPARE(read(p.access), 401);
        QCOMPARE(read(signIn(QStringLiteral("crew")).access), 200);
    }

    // Deleting keeps the orders and the name they carry; the name stays
    // taken, so no one new inherits the history.
    void deleteKeepsTheRecords()
    {
        QVERIFY(m_server.addUser(QStringLiteral("paolo"), QStringLiteral("customer"), CloudFixture::password(QStringLiteral("paolo"))));
        const Pair p = signIn(QStringLiteral("paolo"));
        HttpTestClient http(m_server.url());
        http.setToken(p.access);
        QCOMPARE(http.post(QStringLiteral("/api/cart"), QJsonObject { { QStringLiteral("menuitem"), 2 }, { QStringLiteral("quantity"), 1 } }).status, 201);
        const HttpReply order = http.post(QStringLiteral("/api/orders"), QJsonObject {});
        QCOMPARE(order.status, 201);
        const qint64 orderId = order.object().value(QStringLiteral("order_id")).toInteger();

        QCOMPARE(user({ QStringLiteral("delete"), QStringLiteral("paolo") }), 0);
        QCOMPARE(read(p.access), 401);
        QCOMPARE(refresh(p.refresh).status, 401);
        QVERIFY(signIn(QStringLiteral("paolo")).access.isEmpty());
        QByteArray list;
        QCOMPARE(user({ QStringLiteral("list") }, {}, &list), 0);
        QVERIFY2(!list.contains("paolo"), list.constData());
        QVERIFY(user({ QStringLiteral("activate"), QStringLiteral("paolo") }) != 0);

        const auto manager = CloudFixture(m_server).as(QStringLiteral("mario"));
        QCOMPARE(manager->get(QStringLiteral("/api/orders/%1").arg(orderId)).status, 200);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("revocation"));
            db.setDatabaseName(databaseOf(m_server));
            QVERIFY(db.open());
            QSqlQuery q(QStringLiteral("SELECT u.username FROM orders o JOIN users u ON u.id = o.user_id WHERE o.id = %1").arg(orderId), db);
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("paolo"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("revocation"));

        HttpTestClient anonymous(m_server.url());
        const HttpReply again = anonymous.post(QStringLiteral("/auth/users/"),
                                               QJsonObject { { QStringLiteral("username"), QStringLiteral("paolo") },
                                                             { QStringLiteral("password"), QStringLiteral("Quite-long#Pass9") },
                                                             { QStringLiteral("re_password"), QStringLiteral("Quite-long#Pass9") } });
        QCOMPARE(again.status, 400);
    }
};

QTEST_GUILESS_MAIN(TstSecurityRevocation)
#include "tst_security_revocation.moc"
