#include "cloudfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

using namespace LittleLemon::Test;

// Hostile and broken input, limits and lifetime: malformed requests of every
// kind answer a 4xx with a JSON body and change nothing; oversized bodies are
// 413; raw protocol garbage never takes the server down; throttling answers
// 429 with Retry-After; a restart (even after SIGKILL) keeps every
// acknowledged write; SIGTERM stops cleanly.
class TstServerRobustness : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<CloudFixture> m_users;

    QByteArray snapshot()
    {
        // Everything a manager can read, page by page.
        QByteArray out;
        for (const QString &list : { QStringLiteral("/api/menu-items"), QStringLiteral("/api/categories"), QStringLiteral("/api/orders") }) {
            QString next = list;
            while (!next.isEmpty()) {
                const HttpReply r = m_users->as(QStringLiteral("mario"))->get(next);
                out += QByteArray::number(r.status) + r.body;
                next = r.object().value(QStringLiteral("next")).toString().mid(m_server.url().toString().size());
            }
        }
        out += m_users->as(QStringLiteral("cust"))->get(QStringLiteral("/api/cart")).body;
        out += m_users->as(QStringLiteral("mario"))->get(QStringLiteral("/api/groups/delivery-crew/users")).body;
        return out;
    }

    bool alive()
    {
        HttpTestClient http(m_server.url());
        return http.get(QStringLiteral("/health")).status == 200;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(CloudFixture::relaxedArgs()), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::populate(m_server, &error), qPrintable(error));
        m_users = std::make_unique<CloudFixture>(m_server);
        auto cust = m_users->as(QStringLiteral("cust"));
        QCOMPARE(cust->post(QStringLiteral("/api/cart"), QJsonObject { { QStringLiteral("menuitem"), 2 }, { QStringLiteral("quantity"), 1 } }).status, 201);
        QCOMPARE(cust->post(QStringLiteral("/api/orders"), QJsonObject {}).status, 201);
        QCOMPARE(cust->post(QStringLiteral("/api/cart"), QJsonObject { { QStringLiteral("menuitem"), 3 }, { QStringLiteral("quantity"), 2 } }).status, 201);
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("detail"); // a piece of the answer's text
        const QByteArray json = "application/json";
        auto row = [&](const char *name, const char *actor, const char *method, const char *path, const QByteArray &type,
                       const QByteArray &body, int status, const char *detail) {
            QTest::newRow(name) << QString::fromLatin1(actor) << QByteArray(method) << QString::fromUtf8(path) << type << body
                                << status << QString::fromUtf8(detail);
        };
        // Broken JSON, each on a write the actor may otherwise do.
        row("json: cut", "mario", "PATCH", "/api/menu-items/1", json, "{\"price\":", 400, "Expecting value");
        row("json: single quotes", "mario", "PATCH", "/api/menu-items/1", json, "{'price':'1.00'}", 400, "Expecting property name");
        row("json: trailing comma", "admin", "POST", "/api/categories", json, "{\"slug\":\"x\",}", 400, "Expecting property name");
        row("json: two objects", "cust", "POST", "/api/cart", json, "{}{}", 400, "Extra data");
        row("json: bare word", "cust", "POST", "/api/cart", json, "menuitem=2", 400, "Expecting value");
        row("json: control character", "admin", "POST", "/api/menu-items", json, "{\"title\":\"a\tb\"}", 400, "Invalid control character");
        row("json: bad escape", "admin", "POST", "/api/menu-items", json, "{\"title\":\"\\x41\"}", 400, "Invalid \\escape");
        row("json: invalid utf-8", "admin", "POST", "/api/menu-items", json, "{\"title\":\"\xff\xfe\"}", 400, "codec can't decode");
        row("json: BOM", "cust", "POST", "/api/cart", json, "\xef\xbb\xbf{}", 400, "BOM");
        row("json: NaN", "cust", "POST", "/api/cart", json, "{\"menuitem\":NaN,\"quantity\":1}", 400, "Expecting value");
        row("json: deep nesting", "cust", "POST", "/api/cart", json, QByteArray(5000, '[') + QByteArray(5000, ']'), 400, "Nesting deeper");
        row("json: unterminated string", "mario", "POST", "/api/groups/manager/users", json, "{\"username\":\"tem", 400, "Unterminated string");
        row("json: token refresh", "anon", "POST", "/auth/jwt/refresh/", json, "{refresh}", 400, "Expecting property name");
        row("json: login", "anon", "POST", "/auth/jwt/create/", json, "{\"username\":\"cust\" \"password\":\"x\"}", 400, "Expecting ',' delimiter");
        row("json: register", "anon", "POST", "/auth/users/", json, "[", 400, "Expecting value");
        row("json: order create", "cust", "POST", "/api/orders", json, "{", 400, "Expecting property name");
        row("json: order patch", "mario", "PATCH", "/api/orders/1", json, "{\"status\":}", 400, "Expecting value");
        // Right JSON, wrong shape or types.
        row("shape: list", "cust", "POST", "/api/cart", json, "[1,2]", 400, "Expected a dictionary, but got list");
        row("shape: number", "admin", "POST", "/api/categories", json, "42", 400, "Expected a dictionary, but got int");
        row("shape: string", "mario", "PATCH", "/api/menu-items/1", json, "\"price\"", 400, "Expected a dictionary, but got str");
        row("shape: null", "cust", "POST", "/api/cart", json, "null", 400, "This field is required");
        row("type: quantity object", "cust", "POST", "/api/cart", json, "{\"menuitem\":2,\"quantity\":{}}", 400, "A valid integer is required");
        row("type: quantity huge", "cust", "POST", "/api/cart", json, "{\"menuitem\":2,\"quantity\":1e300}", 400, "A valid integer is required");
        row("type: menuitem float", "cust", "POST", "/api/cart", json, "{\"menuitem\":2.5,\"quantity\":1}", 400, "Incorrect type");
        row("type: menuitem huge", "cust", "POST", "/api/cart", json, "{\"menuitem\":1e30,\"quantity\":1}", 400, "Incorrect type");
        row("type: menuitem negative", "cust", "POST", "/api/cart", json, "{\"menuitem\":-2,\"quantity\":1}", 400, "object does not exist");
        row("type: price list", "mario", "PATCH", "/api/menu-items/1", json, "{\"price\":[1]}", 400, "A valid number is required");
        row("type: price exponent", "mario", "PATCH", "/api/menu-items/1", json, "{\"price\":\"1e3\"}", 400, "A valid number is required");
        row("type: price infinite", "mario", "PATCH", "/api/menu-items/1", json, "{\"price\":\"Infinity\"}", 400, "A valid number is required");
        row("type: price huge text", "mario", "PATCH", "/api/menu-items/1", json, "{\"price\":\"" + QByteArray(5000, '9') + "\"}", 400, "String value too large");
        row("type: title object", "mario", "PATCH", "/api/menu-items/1", json, "{\"title\":{\"a\":1}}", 400, "Not a valid string");
        row("type: featured text", "mario", "PATCH", "/api/menu-items/1", json, "{\"featured\":\"perhaps\"}", 400, "Must be a valid boolean");
        row("type: category null", "mario", "PATCH", "/api/menu-items/1", json, "{\"category\":null}", 400, "may not be null");
        row("type: slug injection", "admin", "POST", "/api/categories", json, "{\"slug\":\"x'; DROP TABLE orders;--\",\"title\":\"t\"}", 400, "valid");
        row("type: status list", "mario", "PATCH", "/api/orders/1", json, "{\"status\":[true]}", 400, "Must be a valid boolean");
        row("type: crew float", "mario", "PATCH", "/api/orders/1", json, "{\"delivery_crew\":3.5}", 400, "Incorrect type");
        row("type: username list", "mario", "POST", "/api/groups/manager/users", json, "{\"username\":[\"cust\"]}", 400, "must be a string");
        row("type: login password number", "anon", "POST", "/auth/jwt/create/", json, "{\"username\":\"cust\",\"password\":123}", 400, "may not be blank");
        row("type: refresh number", "anon", "POST", "/auth/jwt/refresh/", json, "{\"refresh\":123}", 401, "Token is invalid");
        row("type: verify object", "anon", "POST", "/auth/jwt/verify/", json, "{\"token\":{}}", 400, "Not a valid string");
        // Content types.
        row("type: text/plain", "cust", "POST", "/api/cart", "text/plain", "{\"menuitem\":2}", 415, "Unsupported media type \\\"text/plain\\\"");
        row("type: none", "cust", "POST", "/api/cart", "", "{\"menuitem\":2}", 415, "Unsupported media type");
        row("type: xml", "admin", "POST", "/api/categories", "application/xml", "<slug/>", 415, "Unsupported media type");
        row("form: works like DRF", "cust", "POST", "/api/cart", "application/x-www-form-urlencoded", "menuitem=5&quantity=1", 201, "Canada Dry");
        row("form: bad value", "cust", "POST", "/api/cart", "application/x-www-form-urlencoded", "menuitem=5&quantity=many", 400, "A valid integer");
        // Unknown things.
        row("unknown: order", "mario", "GET", "/api/orders/424242", "", "", 404, "Order not found.");
        row("unknown: menu item patch", "mario", "PATCH", "/api/menu-items/424242", json, "{}", 404, "Not found.");
        row("unknown: category", "cust", "GET", "/api/categories/424242", "", "", 404, "Not found.");
        row("unknown: cart row", "cust", "DELETE", "/api/cart/424242", "", "", 404, "Cart item not found.");
        row("unknown: group member", "mario", "DELETE", "/api/groups/manager/users/424242", "", "", 404, "User not found");
        row("unknown: path", "anon", "GET", "/api/menu", "", "", 404, "Not found.");
        row("unknown: root", "anon", "GET", "/", "", "", 404, "Not found.");
        row("unknown: api root", "anon", "GET", "/api/", "", "", 404, "Not found.");
        row("unknown: extra segment", "anon", "GET", "/api/menu-items/1/extra", "", "", 404, "Not found.");
        row("unknown: upper case", "anon", "GET", "/API/MENU-ITEMS", "", "", 404, "Not found.");
        row("unknown: auth without slash", "anon", "POST", "/auth/jwt/create", json, "{}", 404, "Not found.");
        row("unknown: id with sign", "anon", "GET", "/api/menu-items/+1", "", "", 404, "Not found.");
        row("unknown: id too long", "anon", "GET", "/api/menu-items/1234567890123456789012", "", "", 404, "Not found.");
        row("unknown: long path", "anon", "GET", QByteArray("/" + QByteArray(6000, 'a')).constData(), "", "", 404, "Not found.");
        row("unknown: traversal", "anon", "GET", "/api/menu-items/%2E%2E/%2E%2E/etc/passwd", "", "", 404, "Not found.");
        // Methods.
        row("method: PUT list", "cust", "PUT", "/api/cart", json, "{}", 405, "Method \\\"PUT\\\" not allowed.");
        row("method: DELETE menu list", "admin", "DELETE", "/api/menu-items", "", "", 405, "Method \\\"DELETE\\\" not allowed.");
        row("method: GET token", "anon", "GET", "/auth/jwt/create/", "", "", 405, "Method \\\"GET\\\" not allowed.");
        row("method: POST health", "anon", "POST", "/health", json, "{}", 405, "Method \\\"POST\\\" not allowed.");
        row("method: PATCH orders list", "mario", "PATCH", "/api/orders", json, "{}", 405, "Method \\\"PATCH\\\" not allowed.");
        // Qt HTTP Server 6.4 does not say which verb it did not know.
        row("method: TRACE", "anon", "TRACE", "/api/menu-items", "", "", 405, "not allowed");
        row("method: unknown verb", "anon", "BREW", "/api/menu-items", "", "", 405, "not allowed");
    }
    void malformedRequests()
    {
        QFETCH(QString, actor);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, detail);
        const QByteArray before = snapshot();
        HttpTestClient http(m_server.url());
        if (actor != u"anon")
            http.setToken(m_users->token(actor));
        HttpTestClient::Headers headers;
        if (!contentType.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), contentType));
        const HttpReply r = http.send(method, path, body, headers);
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        QVERIFY2(r.header("Content-Type").startsWith("application/json"), qPrintable(r.describe()));
        QVERIFY2(!r.json().isUndefined(), qPrintable(r.describe()));
        // The piece may be written as it travels (escaped) or as it reads.
        QVERIFY2(QString::fromUtf8(r.body).contains(detail)
                     || r.object().value(QStringLiteral("detail")).toString().contains(detail),
                 qPrintable(r.describe()));
        if (status == 201) {
            // The one row that is allowed to write: undo it.
            m_users->as(QStringLiteral("cust"))->del(QStringLiteral("/api/cart/%1").arg(r.object().value(QStringLiteral("id")).toInteger()));
        } else {
            QCOMPARE(snapshot(), before);
        }
    }

    void bodiesOverOneMebibyte()
    {
        auto admin = m_users->as(QStringLiteral("admin"));
        QByteArray big = "{\"slug\":\"big\",\"title\":\"" + QByteArray(1024 * 1024, 'x') + "\"}";
        HttpReply r = admin->send("POST", QStringLiteral("/api/categories"), big, { { "Content-Type", "application/json" } });
        QCOMPARE(r.status, 413);
        QVERIFY(r.object().value(QStringLiteral("detail")).toString().contains(QStringLiteral("larger than")));
        // Exactly 1 MiB is still read (and refused for its content, not its size).
        QByteArray limit = "{\"slug\":\"big\",\"title\":\"";
        limit += QByteArray(1024 * 1024 - limit.size() - 2, 'x') + "\"}";
        QCOMPARE(limit.size(), 1024 * 1024);
        r = admin->send("POST", QStringLiteral("/api/categories"), limit, { { "Content-Type", "application/json" } });
        QCOMPARE(r.status, 400);
        QVERIFY(r.object().contains(QStringLiteral("title")));
        QVERIFY(alive());
    }

    // Qt would buffer a whole body before the server sees the request; the
    // limits are enforced on the connection instead, before the bytes arrive.
    void limitsHoldAtTheSocket_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("status");
        QTest::newRow("announced 100 MB") << QByteArray("POST /api/cart HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                                        "Content-Length: 100000000\r\n\r\n{")
                                          << 413;
        QTest::newRow("chunked") << QByteArray("POST /api/cart HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")
                                 << 411;
        QTest::newRow("bad length") << QByteArray("POST /api/cart HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n") << 400;
        QTest::newRow("huge header block") << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(70000, 'b') + "\r\n\r\n")
                                           << 431;
        QTest::newRow("endless header") << QByteArray("GET /health HTTP/1.1\r\nX-Big: " + QByteArray(100000, 'b')) << 431;
    }
    void limitsHoldAtTheSocket()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, status);
        QElapsedTimer timer;
        timer.start();
        const QByteArray answer = HttpTestClient::rawExchange(m_server.url(), head, 5000);
        QCOMPARE(HttpTestClient::rawStatus(answer), status);
        QVERIFY(timer.elapsed() < 4000); // answered at once, not after a timeout
        QVERIFY(answer.contains("Connection: close"));
        QVERIFY(!parseJson(HttpTestClient::rawBody(answer)).isUndefined());
        QVERIFY(alive());
    }

    void expectContinueIsAnswered()
    {
        const QByteArray body = "{\"menuitem\":2,\"quantity\":1}";
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server.port());
        QVERIFY(socket.waitForConnected(3000));
        socket.write("POST /api/cart HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                     "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
        QVERIFY(socket.waitForReadyRead(3000));
        QCOMPARE(socket.readAll(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        socket.write(body);
        QVERIFY(socket.waitForReadyRead(3000));
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 401")); // no token: the request itself went through
    }

    void protocolGarbage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not http") << QByteArray("HELLO THERE\r\n\r\n");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe\r\n\r\n", 8);
        QTest::newRow("no version") << QByteArray("GET /health\r\n\r\n");
        QTest::newRow("bad header line") << QByteArray("GET /health HTTP/1.1\r\nthis is not a header\r\n\r\n");
        QTest::newRow("negative length") << QByteArray("POST /api/cart HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n");
        QTest::newRow("huge length, no body") << QByteArray("POST /api/cart HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\nabc");
        QTest::newRow("bad chunking") << QByteArray("POST /api/cart HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        QTest::newRow("half a request") << QByteArray("GET /api/menu-items HTTP/1.1\r\nHost: x\r\n");
        QTest::newRow("many headers") << [] {
            QByteArray b = "GET /health HTTP/1.1\r\nHost: x\r\n";
            for (int i = 0; i < 2000; ++i)
                b += "X-H" + QByteArray::number(i) + ": v\r\n";
            b += "\r\n";
            return b;
        }();
        QTest::newRow("a long header") << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nX-Long: " + QByteArray(200000, 'a') + "\r\n\r\n");
        QTest::newRow("path with NUL") << QByteArray("GET /health%00 HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("invalid utf-8 in path") << QByteArray("GET /api/menu-items?search=%ff%fe HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("absolute form") << QByteArray("GET http://evil.example/health HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    void protocolGarbage()
    {
        QFETCH(QByteArray, bytes);
        const QByteArray answer = HttpTestClient::rawExchange(m_server.url(), bytes, 2000);
        const int status = HttpTestClient::rawStatus(answer);
        // Either a well-formed answer (never a 5xx) or a closed connection.
        QVERIFY2(status == 0 || (status >= 200 && status < 500), answer.left(200).constData());
        QVERIFY(alive());
    }

    void pipelinedRequestsGetAnswersInOrder()
    {
        const QByteArray two = "GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /api/menu-items/424242 HTTP/1.1\r\nHost: x\r\n\r\n";
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server.port());
        QVERIFY(socket.waitForConnected(3000));
        socket.write(two);
        QByteArray answer;
        QElapsedTimer timer;
        timer.start();
        while (answer.count("HTTP/1.1 ") < 2 || !answer.endsWith("}")) {
            if (timer.elapsed() > 5000)
                break;
            if (socket.waitForReadyRead(200))
                answer += socket.readAll();
        }
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK"), answer.constData());
        QVERIFY2(answer.contains("HTTP/1.1 404 Not Found"), answer.constData());
        QVERIFY(answer.indexOf("200 OK") < answer.indexOf("404 Not Found"));
    }

    void queryStringsAreDecodedLikeDjango()
    {
        HttpTestClient http(m_server.url());
        // '+' is a space, %2B a plus, a bare key is an empty value, the last value wins.
        QCOMPARE(http.get(QStringLiteral("/api/menu-items?search=canada+dry")).object().value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(http.get(QStringLiteral("/api/menu-items?search=canada%2Bdry")).object().value(QStringLiteral("count")).toInt(), 0);
        QCOMPARE(http.get(QStringLiteral("/api/menu-items?category")).object().value(QStringLiteral("count")).toInt(), 6);
        QCOMPARE(http.get(QStringLiteral("/api/menu-items?category=meals&category=drinks")).object().value(QStringLiteral("count")).toInt(), 2);
        QCOMPARE(http.get(QStringLiteral("/api/menu-items?search=%E2%82%AC")).status, 200);
        // Thousands of search words: still an answer, not a statement SQLite refuses.
        QString many = QStringLiteral("/api/menu-items?search=");
        for (int i = 0; i < 3000; ++i)
            many += QStringLiteral("a+");
        QCOMPARE(http.get(many).status, 200);
        QCOMPARE(m_users->as(QStringLiteral("cust"))->get(QString(many).replace(QStringLiteral("menu-items"), QStringLiteral("categories"))).status, 200);
    }

    void throttling()
    {
        TestServer server;
        QVERIFY2(server.start({ QStringLiteral("--throttle-anon"), QStringLiteral("3"), QStringLiteral("--throttle-user"),
                                QStringLiteral("5"), QStringLiteral("--hash-iterations"), QStringLiteral("1000") }),
                 qPrintable(server.errorString()));
        QVERIFY(server.addUser(QStringLiteral("cust"), QStringLiteral("customer"), QStringLiteral("cust-Pass#1")));
        QVERIFY(server.addUser(QStringLiteral("cust2"), QStringLiteral("customer"), QStringLiteral("cust2-Pass#1")));
        HttpTestClient anon(server.url());
        // Logging in is an anonymous request too (SimpleJWT's views are throttled like any DRF view).
        HttpTestClient a(server.url());
        QVERIFY(!a.login(QStringLiteral("cust"), QStringLiteral("cust-Pass#1")).isEmpty());
        HttpTestClient b(server.url());
        QVERIFY(!b.login(QStringLiteral("cust2"), QStringLiteral("cust2-Pass#1")).isEmpty());
        QCOMPARE(anon.get(QStringLiteral("/api/menu-items")).status, 200);
        HttpReply r = anon.get(QStringLiteral("/api/menu-items"));
        QCOMPARE(r.status, 429);
        QVERIFY(r.hasHeader("Retry-After"));
        const int wait = r.header("Retry-After").toInt();
        QVERIFY(wait >= 1 && wait <= 60);
        QCOMPARE(r.object().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("Request was throttled. Expected available in %1 second%2.").arg(wait).arg(wait == 1 ? "" : "s"));
        // The health check is never throttled; a bad token is refused before it costs anything.
        QCOMPARE(anon.get(QStringLiteral("/health")).status, 200);
        QCOMPARE(anon.get(QStringLiteral("/api/cart"), { { "Authorization", "Bearer junk" } }).status, 401);
        // Users have their own budget, one each.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(a.get(QStringLiteral("/api/cart")).status, 200);
        r = a.get(QStringLiteral("/api/cart"));
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Retry-After").toInt() >= 55);
        QCOMPARE(b.get(QStringLiteral("/api/cart")).status, 200);
        // Budgets live in memory: a restart starts afresh.
        QVERIFY(server.restart());
        QCOMPARE(a.get(QStringLiteral("/api/cart")).status, 200);
    }

    void restartKeepsEverything()
    {
        auto mario = m_users->as(QStringLiteral("mario"));
        QCOMPARE(mario->patch(QStringLiteral("/api/orders/1"), QJsonObject { { QStringLiteral("delivery_crew"), 3 } }).status, 200);
        QCOMPARE(mario->patch(QStringLiteral("/api/menu-items/4"), QJsonObject { { QStringLiteral("price"), QStringLiteral("12.34") } }).status, 200);
        QCOMPARE(mario->post(QStringLiteral("/api/groups/delivery-crew/users"), QJsonObject { { QStringLiteral("username"), QStringLiteral("cust") } }).status, 201);
        const QByteArray before = snapshot();
        QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
        QCOMPARE(snapshot(), before);
        QVERIFY(before.contains("12.34"));
        // A crash right after acknowledged writes loses none of them.
        QCOMPARE(mario->del(QStringLiteral("/api/groups/delivery-crew/users/4")).status, 200);
        auto cust = m_users->as(QStringLiteral("cust"));
        QCOMPARE(cust->post(QStringLiteral("/api/orders"), QJsonObject {}).status, 201);
        const QByteArray acknowledged = snapshot();
        m_server.kill();
        QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
        QCOMPARE(snapshot(), acknowledged);
    }

    void stopsCleanlyWithOpenConnections()
    {
        QTcpSocket idle;
        idle.connectToHost(QStringLiteral("127.0.0.1"), m_server.port());
        QVERIFY(idle.waitForConnected(3000));
        idle.write("GET /api/menu-items HTTP/1.1\r\nHost: x\r\n"); // never finished
        QVERIFY(idle.waitForBytesWritten(3000));
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(m_server.stop(), qPrintable(m_server.errorString()));
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(m_server.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TstServerRobustness)
#include "tst_server_robustness.moc"
