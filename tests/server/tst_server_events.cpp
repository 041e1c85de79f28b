#include "extfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace LittleLemon::Test;

namespace {
// A WebSocket to /api/events that keeps what it receives.
class EventSocket : public QObject
{
public:
    explicit EventSocket(const QUrl &server, const QByteArray &authorization)
    {
        QUrl url = server;
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/events"));
        QNetworkRequest request(url);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            messages << QJsonDocument::fromJson(text.toUtf8()).object();
        });
        socket.open(request);
    }

    bool waitConnected()
    {
        if (socket.state() == QAbstractSocket::ConnectedState)
            return true;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        return connected.wait(10000);
    }

    // The messages about `entity` `id`, in order.
    QList<QJsonObject> about(const QString &entity, qint64 id) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : messages) {
            if (m.value(QStringLiteral("entity")).toString() == entity && m.value(QStringLiteral("id")).toInteger() == id)
                out << m;
        }
        return out;
    }

    QWebSocket socket;
    QList<QJsonObject> messages;
};

// A raw TCP connection with a tiny receive buffer that upgrades to a
// WebSocket and then never reads: the slowest possible consumer.
int stalledSubscriber(quint16 port, const QByteArray &token)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int size = 2048;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    const QByteArray handshake = "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                 "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer "
        + token + "\r\n\r\n";
    if (::write(fd, handshake.constData(), size_t(handshake.size())) != handshake.size()) {
        ::close(fd);
        return -1;
    }
    // The 101 answer, up to its blank line; nothing after it is read.
    QByteArray answer;
    char c = 0;
    while (!answer.endsWith("\r\n\r\n") && answer.size() < 4096 && ::read(fd, &c, 1) == 1)
        answer += c;
    if (!answer.startsWith("HTTP/1.1 101")) {
        ::close(fd);
        return -1;
    }
    return fd;
}
} // namespace

// The `events` extension over a real WebSocket on loopback: a change made
// by another client arrives as {"seq","entity","id","op"} to those who may
// see it (and only them); a missing, bad or expiring token closes the socket
// with CloseCodePolicyViolated and a reason; a reader that stops reading is
// dropped instead of growing the server's memory.
class TstServerEvents : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<ExtFixture> m_api;

    QByteArray bearer(const QString &user) { return "Bearer " + m_api->token(user).toUtf8(); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(ExtFixture::start(m_server, &error), qPrintable(error));
        m_api = std::make_unique<ExtFixture>(m_server);
    }

    void metaListsEvents()
    {
        const HttpReply r = m_api->get(QStringLiteral("anon"), QStringLiteral("/api/meta"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value(QStringLiteral("features")).toArray().contains(QStringLiteral("events")));
    }

    void eventForAnotherClientsChange()
    {
        const qint64 order = m_api->cartOrder(QStringLiteral("cust"));
        QVERIFY(order > 0);
        EventSocket crew(m_server.url(), bearer(QStringLiteral("crew")));
        EventSocket cust(m_server.url(), bearer(QStringLiteral("cust")));
        EventSocket cust2(m_server.url(), bearer(QStringLiteral("cust2")));
        EventSocket mario(m_server.url(), bearer(QStringLiteral("mario")));
        for (EventSocket *s : { &crew, &cust, &cust2, &mario })
            QVERIFY(s->waitConnected());

        // The manager (another client) assigns the customer's order to crew.
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/orders/%1").arg(order),
                             QJsonObject { { QStringLiteral("delivery_crew"), ExtFixture::kCrew } }).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(crew.about(QStringLiteral("order"), order).size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(cust.about(QStringLiteral("order"), order).size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(mario.about(QStringLiteral("order"), order).size(), 1, 5000);
        const QJsonObject event = crew.about(QStringLiteral("order"), order).first();
        const QStringList keys = event.keys();
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
                 (QSet<QString> { QStringLiteral("seq"), QStringLiteral("entity"), QStringLiteral("id"), QStringLiteral("op") }));
        QCOMPARE(event.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
        // Its seq is where the feed has it.
        const HttpReply feed = m_api->get(QStringLiteral("crew"), QStringLiteral("/api/changes?since=%1")
                                                                      .arg(event.value(QStringLiteral("seq")).toInteger() - 1));
        QCOMPARE(feed.object().value(QStringLiteral("changes")).toArray().first().toObject().value(QStringLiteral("id")).toInteger(), order);

        // A menu change goes to everyone; another customer's order never did.
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/3"),
                             QJsonObject { { QStringLiteral("featured"), true } }).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(cust2.about(QStringLiteral("menu-item"), 3).size(), 1, 5000);
        QCOMPARE(cust2.about(QStringLiteral("order"), order).size(), 0);

        // Reassigned away: crew hears it as a delete of their own.
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/orders/%1").arg(order),
                             QJsonObject { { QStringLiteral("delivery_crew"), ExtFixture::kCrew2 } }).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(crew.about(QStringLiteral("order"), order).size(), 2, 5000);
        QCOMPARE(crew.about(QStringLiteral("order"), order).last().value(QStringLiteral("op")).toString(), QStringLiteral("delete"));
        QTRY_COMPARE_WITH_TIMEOUT(cust.about(QStringLiteral("order"), order).size(), 2, 5000);
        QCOMPARE(cust.about(QStringLiteral("order"), order).last().value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));

        // 86'd: a delete for customers, an upsert for staff.
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/5"),
                             QJsonObject { { QStringLiteral("available"), false } }).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(cust2.about(QStringLiteral("menu-item"), 5).size(), 1, 5000);
        QCOMPARE(cust2.about(QStringLiteral("menu-item"), 5).first().value(QStringLiteral("op")).toString(), QStringLiteral("delete"));
        QTRY_COMPARE_WITH_TIMEOUT(mario.about(QStringLiteral("menu-item"), 5).size(), 1, 5000);
        QCOMPARE(mario.about(QStringLiteral("menu-item"), 5).first().value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/5"),
                             QJsonObject { { QStringLiteral("available"), true } }).status, 200);

        // Nothing else: no event about rows cust2 may not see.
        for (const QJsonObject &m : cust2.messages) {
            const QString entity = m.value(QStringLiteral("entity")).toString();
            QVERIFY2(entity == u"menu-item" || entity == u"category", qPrintable(entity));
        }
    }

    // A change made by another process (the command line) arrives too.
    void eventForAnotherProcess()
    {
        EventSocket admin(m_server.url(), bearer(QStringLiteral("admin")));
        QVERIFY(admin.waitConnected());
        QVERIFY(m_server.addUser(QStringLiteral("newcrew"), QStringLiteral("delivery-crew"),
                                 CloudFixture::password(QStringLiteral("newcrew"))));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(admin.messages.cbegin(), admin.messages.cend(), [](const QJsonObject &m) {
            return m.value(QStringLiteral("entity")).toString() == u"group-membership";
        }), 5000);
    }

    void refusedTokens_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no Authorization header") << QByteArray() << QStringLiteral("Authentication credentials were not provided.");
        QTest::newRow("malformed token") << QByteArray("Bearer not.a.token") << QStringLiteral("Token is invalid or expired");
        QTest::newRow("another scheme") << QByteArray("Basic bWFyaW86eA==") << QStringLiteral("Authentication credentials were not provided.");
    }
    void refusedTokens()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(QString, reason);
        EventSocket s(m_server.url(), authorization);
        QSignalSpy closed(&s.socket, &QWebSocket::disconnected);
        QVERIFY(closed.wait(10000));
        QCOMPARE(s.socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(s.socket.closeReason(), reason);
        QVERIFY(s.messages.isEmpty());
    }

    void refreshTokenIsRefused()
    {
        HttpTestClient http(m_server.url());
        QString refresh;
        QVERIFY(!http.login(QStringLiteral("mario"), CloudFixture::password(QStringLiteral("mario")), false, &refresh).isEmpty());
        EventSocket s(m_server.url(), "Bearer " + refresh.toUtf8());
        QSignalSpy closed(&s.socket, &QWebSocket::disconnected);
        QVERIFY(closed.wait(10000));
        QCOMPARE(s.socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(s.socket.closeReason(), QStringLiteral("Token has wrong type"));
    }

    // A token that runs out while connected closes the socket, with a reason.
    void tokenExpiringWhileConnected()
    {
        TestServer shortLived;
        QVERIFY2(shortLived.start(CloudFixture::relaxedArgs() << QStringLiteral("--access-ttl") << QStringLiteral("2")),
                 qPrintable(shortLived.errorString()));
        QVERIFY(shortLived.addUser(QStringLiteral("mario"), QStringLiteral("manager"), CloudFixture::password(QStringLiteral("mario"))));
        HttpTestClient http(shortLived.url());
        const QString token = http.login(QStringLiteral("mario"), CloudFixture::password(QStringLiteral("mario")));
        EventSocket s(shortLived.url(), "Bearer " + token.toUtf8());
        QVERIFY(s.waitConnected());
        QSignalSpy closed(&s.socket, &QWebSocket::disconnected);
        QVERIFY(closed.wait(10000));
        QCOMPARE(s.socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY2(s.socket.closeReason().contains(QStringLiteral("expired")), qPrintable(s.socket.closeReason()));
    }

    // A subscriber that stops reading is dropped once its backlog passes the
    // bound; the server keeps serving everyone else.
    void slowConsumerIsDropped()
    {
        TestServer server;
        QString error;
        QVERIFY2(ExtFixture::start(server, &error, { QStringLiteral("--events-backlog"), QStringLiteral("4096") }),
                 qPrintable(error));
        ExtFixture api(server);
        const int fd = stalledSubscriber(server.port(), api.token(QStringLiteral("mario")).toUtf8());
        QVERIFY(fd >= 0);
        EventSocket healthy(server.url(), "Bearer " + api.token(QStringLiteral("cust")).toUtf8());
        QVERIFY(healthy.waitConnected());
        int writes = 0;
        bool dropped = false;
        while (!dropped && writes < 4000) {
            QCOMPARE(api.call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/%1").arg(1 + writes % 6),
                              QJsonObject { { QStringLiteral("featured"), (writes / 6) % 2 == 0 } }).status, 200);
            ++writes;
            if (writes % 100 == 0)
                dropped = server.logText().contains(QStringLiteral("does not keep up"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(server.logText().contains(QStringLiteral("does not keep up")), 5000);
        qInfo("dropped after %d changes", writes);
        // The stalled connection is cut: reading it now ends (after what was
        // buffered) instead of waiting forever.
        QTcpSocket stalled;
        QVERIFY(stalled.setSocketDescriptor(fd));
        QSignalSpy gone(&stalled, &QTcpSocket::disconnected);
        stalled.readAll();
        QTRY_VERIFY_WITH_TIMEOUT(gone.count() > 0 || stalled.state() == QAbstractSocket::UnconnectedState, 10000);
        // The reader that keeps up got every change.
        QTRY_VERIFY_WITH_TIMEOUT(healthy.messages.size() >= writes, 10000);
        QCOMPARE(api.get(QStringLiteral("mario"), QStringLiteral("/api/menu-items/1")).status, 200);
    }

    void plainRequestsToTheSocketPath()
    {
        const HttpReply r = m_api->get(QStringLiteral("mario"), QStringLiteral("/api/events"));
        QCOMPARE(r.status, 426);
        QCOMPARE(r.header("Upgrade"), QByteArray("websocket"));
        // A WebSocket to any other path is not offered.
        QUrl url = m_server.url();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/orders"));
        QWebSocket other;
        QSignalSpy failed(&other, &QWebSocket::disconnected);
        other.open(url);
        QVERIFY(failed.wait(10000));
        QVERIFY(other.state() != QAbstractSocket::ConnectedState);
    }
};

QTEST_GUILESS_MAIN(TstServerEvents)
#include "tst_server_events.moc"
