#include "extfixture.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace LittleLemon::Test;

// The `idempotency` and `etag` extensions against the real server: a write
// with an Idempotency-Key runs once per key and user (also when 20 copies
// arrive at once), repeats get the stored status and body, keys are kept
// 24 hours; single resources and write answers carry an ETag, and a write
// with a stale If-Match gets 412 with the current resource and changes nothing.
class TstServerIdempotency : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<ExtFixture> m_api;

    static HttpTestClient::Headers key(const QByteArray &k) { return { { "Idempotency-Key", k } }; }

    int countOrdersWithNote(const QString &note)
    {
        int n = 0;
        for (const QJsonObject &o : m_api->readAll(QStringLiteral("mario"), QStringLiteral("/api/orders")))
            n += o.value(QStringLiteral("note")).toString() == note ? 1 : 0;
        return n;
    }

    // Sends `copies` identical requests at once, each on its own connection.
    QList<HttpReply> concurrently(int copies, const QString &user, const QByteArray &method, const QString &path,
                                  const QJsonObject &body, const QByteArray &idempotencyKey)
    {
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        QList<QNetworkReply *> replies;
        const QByteArray bytes = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        for (int i = 0; i < copies; ++i) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            QNetworkRequest request(m_server.url(path));
            request.setRawHeader("Authorization", "Bearer " + m_api->token(user).toUtf8());
            request.setRawHeader("Idempotency-Key", idempotencyKey);
            if (!bytes.isEmpty())
                request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            replies << managers.back()->sendCustomRequest(request, method, bytes);
        }
        if (!QTest::qWaitFor([&] { return std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); }); },
                             30000))
            qWarning("not every answer arrived"); // the unfinished ones have status 0 and fail the caller's checks
        QList<HttpReply> out;
        for (QNetworkReply *r : replies) {
            HttpReply h;
            h.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            h.body = r->readAll();
            h.headers = r->rawHeaderPairs();
            out << h;
            r->deleteLater();
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(ExtFixture::start(m_server, &error), qPrintable(error));
        m_api = std::make_unique<ExtFixture>(m_server);
    }

    void twentyConcurrentCounterOrdersMakeOne()
    {
        const QJsonObject body { { QStringLiteral("items"), QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 1 },
                                                                                      { QStringLiteral("quantity"), 2 } } } },
                                 { QStringLiteral("note"), QStringLiteral("twenty at once") } };
        const QList<HttpReply> replies = concurrently(20, QStringLiteral("mario"), "POST", QStringLiteral("/api/orders"), body,
                                                      "0f8fad5b-d9cb-469f-a165-70867728950e");
        QCOMPARE(replies.size(), 20);
        int replayed = 0;
        for (const HttpReply &r : replies) {
            QVERIFY2(r.status == 201, qPrintable(r.describe()));
            QCOMPARE(r.body, replies.first().body);
            QCOMPARE(r.header("ETag"), replies.first().header("ETag"));
            replayed += r.header("Idempotent-Replayed") == "true" ? 1 : 0;
        }
        QCOMPARE(replayed, 19);
        QCOMPARE(countOrdersWithNote(QStringLiteral("twenty at once")), 1);
    }

    // From a cart: one order, and the cart emptied once.
    void twentyConcurrentCartOrdersMakeOne()
    {
        QCOMPARE(m_api->call(QStringLiteral("cust2"), "POST", QStringLiteral("/api/cart"),
                             QJsonObject { { QStringLiteral("menuitem"), 4 }, { QStringLiteral("quantity"), 1 } }).status, 201);
        const int before = int(m_api->readAll(QStringLiteral("cust2"), QStringLiteral("/api/orders")).size());
        const QList<HttpReply> replies = concurrently(20, QStringLiteral("cust2"), "POST", QStringLiteral("/api/orders"),
                                                      QJsonObject {}, "cart-checkout-1");
        for (const HttpReply &r : replies) {
            QVERIFY2(r.status == 201, qPrintable(r.describe()));
            QCOMPARE(r.body, replies.first().body);
        }
        QCOMPARE(m_api->readAll(QStringLiteral("cust2"), QStringLiteral("/api/orders")).size(), before + 1);
    }

    void repeatGetsTheStoredAnswer()
    {
        const QJsonObject dish { { QStringLiteral("title"), QStringLiteral("Retry soup") }, { QStringLiteral("price"), QStringLiteral("4.00") },
                                 { QStringLiteral("featured"), false }, { QStringLiteral("category"), 4 } };
        const HttpReply first = m_api->call(QStringLiteral("admin"), "POST", QStringLiteral("/api/menu-items"), dish, key("soup-1"));
        QCOMPARE(first.status, 201);
        QVERIFY(!first.hasHeader("Idempotent-Replayed"));
        // Meanwhile the dish changes: the repeat still answers what the first got.
        const qint64 id = first.object().value(QStringLiteral("id")).toInteger();
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/%1").arg(id),
                             QJsonObject { { QStringLiteral("price"), QStringLiteral("4.50") } }).status, 200);
        const HttpReply again = m_api->call(QStringLiteral("admin"), "POST", QStringLiteral("/api/menu-items"), dish, key("soup-1"));
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, first.body);
        QCOMPARE(again.header("ETag"), first.header("ETag"));
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        int soups = 0;
        for (const QJsonObject &m : m_api->readAll(QStringLiteral("admin"), QStringLiteral("/api/menu-items")))
            soups += m.value(QStringLiteral("title")).toString() == u"Retry soup" ? 1 : 0;
        QCOMPARE(soups, 1);

        // Keys are per user: the same key from another user is another request.
        const HttpReply other = m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/%1").arg(id),
                                            QJsonObject { { QStringLiteral("featured"), true } }, key("soup-1"));
        QCOMPARE(other.status, 200);
        QVERIFY(!other.hasHeader("Idempotent-Replayed"));
    }

    void deleteRepeatedIsNotANotFound()
    {
        const HttpReply made = m_api->call(QStringLiteral("admin"), "POST", QStringLiteral("/api/categories"),
                                           QJsonObject { { QStringLiteral("slug"), QStringLiteral("gone") }, { QStringLiteral("title"), QStringLiteral("Gone") } });
        QCOMPARE(made.status, 201);
        const QString path = QStringLiteral("/api/categories/%1").arg(made.object().value(QStringLiteral("id")).toInteger());
        QCOMPARE(m_api->call(QStringLiteral("admin"), "DELETE", path, QJsonValue(QJsonValue::Undefined), key("del-1")).status, 204);
        const HttpReply again = m_api->call(QStringLiteral("admin"), "DELETE", path, QJsonValue(QJsonValue::Undefined), key("del-1"));
        QCOMPARE(again.status, 204);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(m_api->call(QStringLiteral("admin"), "DELETE", path).status, 404);
    }

    // A refusal of the request itself is an answer too; a key used for
    // something else is refused; a stale If-Match is not kept (a retry with
    // the right one runs).
    void refusalsAndMisuse()
    {
        const QJsonObject bad { { QStringLiteral("title"), QStringLiteral("No price") }, { QStringLiteral("category"), 1 } };
        const HttpReply refused = m_api->call(QStringLiteral("admin"), "POST", QStringLiteral("/api/menu-items"), bad, key("bad-1"));
        QCOMPARE(refused.status, 400);
        const HttpReply again = m_api->call(QStringLiteral("admin"), "POST", QStringLiteral("/api/menu-items"), bad, key("bad-1"));
        QCOMPARE(again.status, 400);
        QCOMPARE(again.body, refused.body);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));

        const HttpReply misuse = m_api->call(QStringLiteral("admin"), "POST", QStringLiteral("/api/menu-items"),
                                             QJsonObject { { QStringLiteral("title"), QStringLiteral("Other") } }, key("bad-1"));
        QCOMPARE(misuse.status, 422);

        const QByteArray current = m_api->get(QStringLiteral("mario"), QStringLiteral("/api/menu-items/2")).header("ETag");
        HttpTestClient::Headers stale = key("stale-1");
        stale.append(qMakePair(QByteArray("If-Match"), QByteArray("\"0000000000000000\"")));
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/2"),
                             QJsonObject { { QStringLiteral("featured"), true } }, stale).status, 412);
        HttpTestClient::Headers fresh = key("stale-1");
        fresh.append(qMakePair(QByteArray("If-Match"), current));
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/2"),
                             QJsonObject { { QStringLiteral("featured"), true } }, fresh).status, 200);

        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/2"),
                             QJsonObject { { QStringLiteral("featured"), true } }, key(QByteArray(300, 'k'))).status, 400);
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/2"),
                             QJsonObject { { QStringLiteral("featured"), true } }, key("has space")).status, 400);
    }

    // Anonymous writes have no user to keep a key for: the key is ignored.
    void anonymousWritesIgnoreTheKey()
    {
        const QJsonObject user { { QStringLiteral("username"), QStringLiteral("walkin") }, { QStringLiteral("email"), QStringLiteral("w@example.com") },
                                 { QStringLiteral("password"), QStringLiteral("Lemon-Squeezy-42") },
                                 { QStringLiteral("re_password"), QStringLiteral("Lemon-Squeezy-42") } };
        QCOMPARE(m_api->call(QStringLiteral("anon"), "POST", QStringLiteral("/auth/users/"), user, key("reg-1")).status, 201);
        QCOMPARE(m_api->call(QStringLiteral("anon"), "POST", QStringLiteral("/auth/users/"), user, key("reg-1")).status, 400);
    }

    // After 24 hours a key is forgotten: the same key runs again.
    void keysExpireAfterADay()
    {
        const QJsonObject body { { QStringLiteral("items"), QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 3 },
                                                                                      { QStringLiteral("quantity"), 1 } } } },
                                 { QStringLiteral("note"), QStringLiteral("yesterday's key") } };
        QCOMPARE(m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/orders"), body, key("day-old")).status, 201);
        QCOMPARE(m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/orders"), body, key("day-old")).status, 201);
        QCOMPARE(countOrdersWithNote(QStringLiteral("yesterday's key")), 1);
        {
            // A day passes (on the clock the key was stored with).
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("age-keys"));
            db.setDatabaseName(QDir(m_server.dataDir()).filePath(QStringLiteral("littlelemon.sqlite3")));
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.prepare(QStringLiteral("UPDATE idempotency_keys SET created_at = ? WHERE key = 'day-old'")));
            q.addBindValue(QDateTime::currentSecsSinceEpoch() - 24 * 3600 - 1);
            QVERIFY(q.exec());
            QCOMPARE(q.numRowsAffected(), 1);
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("age-keys"));
        QCOMPARE(m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/orders"), body, key("day-old")).status, 201);
        QCOMPARE(countOrdersWithNote(QStringLiteral("yesterday's key")), 2);
    }

    // ---- etag

    void singleResourcesCarryETags_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("path");
        QTest::newRow("menu item") << QStringLiteral("anon") << QStringLiteral("/api/menu-items/1");
        QTest::newRow("category") << QStringLiteral("cust") << QStringLiteral("/api/categories/1");
        QTest::newRow("me") << QStringLiteral("cust") << QStringLiteral("/auth/users/me/");
    }
    void singleResourcesCarryETags()
    {
        QFETCH(QString, user);
        QFETCH(QString, path);
        const HttpReply a = m_api->get(user, path);
        QCOMPARE(a.status, 200);
        QVERIFY(a.header("ETag").startsWith('"'));
        QCOMPARE(m_api->get(user, path).header("ETag"), a.header("ETag")); // stable while nothing changes
    }

    void writeAnswersCarryTheNewETag()
    {
        const qint64 order = m_api->cartOrder(QStringLiteral("cust"), 2, 1);
        QVERIFY(order > 0);
        const QString path = QStringLiteral("/api/orders/%1").arg(order);
        const HttpReply read = m_api->get(QStringLiteral("mario"), path);
        const HttpReply moved = m_api->call(QStringLiteral("mario"), "PATCH", path,
                                            QJsonObject { { QStringLiteral("stage"), QStringLiteral("preparing") } },
                                            { { "If-Match", read.header("ETag") } });
        QCOMPARE(moved.status, 200);
        QVERIFY(moved.header("ETag") != read.header("ETag"));
        QCOMPARE(m_api->get(QStringLiteral("mario"), path).header("ETag"), moved.header("ETag"));
        // Any role reads the same representation, so the same tag.
        QCOMPARE(m_api->get(QStringLiteral("cust"), path).header("ETag"), moved.header("ETag"));

        // Creating an order answers {"order_id",...} with the new order's own tag.
        QCOMPARE(m_api->call(QStringLiteral("cust"), "POST", QStringLiteral("/api/cart"),
                             QJsonObject { { QStringLiteral("menuitem"), 1 }, { QStringLiteral("quantity"), 1 } }).status, 201);
        const HttpReply created = m_api->call(QStringLiteral("cust"), "POST", QStringLiteral("/api/orders"));
        QCOMPARE(created.status, 201);
        const qint64 id = created.object().value(QStringLiteral("order_id")).toInteger();
        QCOMPARE(created.header("ETag"), m_api->get(QStringLiteral("cust"), QStringLiteral("/api/orders/%1").arg(id)).header("ETag"));
    }

    void staleIfMatchIsRefused_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("body");
        QTest::newRow("PATCH menu item") << QByteArray("PATCH") << QStringLiteral("/api/menu-items/3")
                                         << QJsonObject { { QStringLiteral("price"), QStringLiteral("1.11") } };
        QTest::newRow("PUT category") << QByteArray("PUT") << QStringLiteral("/api/categories/2")
                                      << QJsonObject { { QStringLiteral("slug"), QStringLiteral("drinks") }, { QStringLiteral("title"), QStringLiteral("Beverages") } };
        QTest::newRow("DELETE menu item") << QByteArray("DELETE") << QStringLiteral("/api/menu-items/6") << QJsonObject {};
        QTest::newRow("PATCH me") << QByteArray("PATCH") << QStringLiteral("/auth/users/me/")
                                  << QJsonObject { { QStringLiteral("email"), QStringLiteral("admin2@example.com") } };
    }
    void staleIfMatchIsRefused()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QJsonObject, body);
        const QString user = method == "PATCH" && path.startsWith(u"/api/menu") ? QStringLiteral("mario") : QStringLiteral("admin");
        const HttpReply before = m_api->get(user, path);
        QCOMPARE(before.status, 200);
        // Someone else changes it first (featured/title/email flipped and back would keep the tag: change for real).
        if (path.startsWith(u"/api/menu-items")) {
            QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", path, QJsonObject { { QStringLiteral("featured"),
                                 !before.object().value(QStringLiteral("featured")).toBool() } }).status, 200);
        } else if (path.startsWith(u"/api/categories")) {
            QCOMPARE(m_api->call(QStringLiteral("admin"), "PATCH", path, QJsonObject { { QStringLiteral("title"), QStringLiteral("Soft drinks") } }).status, 200);
        } else {
            QCOMPARE(m_api->call(user, "PATCH", path, QJsonObject { { QStringLiteral("email"), QStringLiteral("admin-other@example.com") } }).status, 200);
        }
        const HttpReply current = m_api->get(user, path);
        QVERIFY(current.header("ETag") != before.header("ETag"));

        const HttpReply stale = m_api->call(user, method, path, body.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(body),
                                            { { "If-Match", before.header("ETag") } });
        QVERIFY2(stale.status == 412, qPrintable(stale.describe()));
        // The answer is the resource as it is now, with its tag.
        QCOMPARE(stale.json(), current.json());
        QCOMPARE(stale.header("ETag"), current.header("ETag"));
        // Nothing changed.
        const HttpReply after = m_api->get(user, path);
        QCOMPARE(after.json(), current.json());
        // With the current tag (or "*") it goes through.
        const HttpReply ok = m_api->call(user, method, path, body.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(body),
                                         { { "If-Match", method == "DELETE" ? QByteArray("*") : current.header("ETag") } });
        QVERIFY2(ok.status == 200 || ok.status == 204, qPrintable(ok.describe()));
    }

    // Without If-Match a write goes through as it always did (cloud clients).
    void noIfMatchNoCheck()
    {
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/1"),
                             QJsonObject { { QStringLiteral("price"), QStringLiteral("15.75") } }).status, 200);
    }
};

QTEST_GUILESS_MAIN(TstServerIdempotency)
#include "tst_server_idempotency.moc"
