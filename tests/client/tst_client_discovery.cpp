// Discovery: GET /api/meta refused in any form (404 with HTML, with an empty
// body, with JSON; 200 with a web page) means "the cloud, no extensions",
// decided once and never asked again before other requests. The cloud's own
// HTML 404 is checked against the real thing in tests/cloud; the other
// shapes come from servers in front of it (proxies, gateways), stood in for
// here by a few canned answers.

#include "api/client/apiclient.h"
#include "api/client/collectionreader.h"
#include "api/client/requestjob.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace LittleLemon;
using namespace LittleLemon::Client;

namespace {

// Answers /api/meta with one fixed answer and /health with {"status":"ok"};
// counts what it was asked.
class CannedServer : public QTcpServer
{
public:
    QByteArray metaStatus;
    QByteArray metaType;
    QByteArray metaBody;
    // Other paths (with their query) answered 200 with this JSON body.
    QHash<QByteArray, QByteArray> pages;
    QStringList asked;

    CannedServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
                connect(s, &QTcpSocket::readyRead, s, [this, s] { serve(s); });
            }
        });
    }

private:
    void serve(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        const int end = int(buffer.indexOf("\r\n\r\n"));
        if (end < 0)
            return;
        const QByteArray path = buffer.left(buffer.indexOf("\r\n")).split(' ').value(1);
        buffer.remove(0, end + 4);
        asked << QString::fromLatin1(path);
        QByteArray status = "200 OK", type = "application/json", body = "{\"status\":\"ok\"}";
        if (path == "/api/meta") {
            status = metaStatus;
            type = metaType;
            body = metaBody;
        } else if (pages.contains(path)) {
            body = pages.value(path);
        }
        QByteArray head = "HTTP/1.1 " + status + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        if (!type.isEmpty())
            head += "Content-Type: " + type + "\r\n";
        s->write(head + "\r\n" + body);
    }

    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class tst_ClientDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anyRefusalIsTheCloud_data();
    void anyRefusalIsTheCloud();
    void collectionsFromAServerThatMisbehaves_data();
    void collectionsFromAServerThatMisbehaves();
};

void tst_ClientDiscovery::anyRefusalIsTheCloud_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("404 html (Django, DEBUG off)")
        << QByteArray("404 Not Found") << QByteArray("text/html")
        << QByteArray("\n<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  "
                      "<h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n");
    QTest::newRow("404 empty") << QByteArray("404 Not Found") << QByteArray() << QByteArray();
    QTest::newRow("404 json") << QByteArray("404 Not Found") << QByteArray("application/json")
                              << QByteArray("{\"detail\":\"Not found.\"}");
    QTest::newRow("403 html (a gateway)") << QByteArray("403 Forbidden") << QByteArray("text/html")
                                          << QByteArray("<html><body>Forbidden</body></html>");
    QTest::newRow("200 html (a web front end)") << QByteArray("200 OK") << QByteArray("text/html")
                                                << QByteArray("<html><body>Little Lemon</body></html>");
}

void tst_ClientDiscovery::anyRefusalIsTheCloud()
{
    QFETCH(QByteArray, status);
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, body);
    CannedServer server;
    server.metaStatus = status;
    server.metaType = type;
    server.metaBody = body;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    ApiClient client(ServerEndpoint::fromUserInput(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())));
    auto *job = client.discover();
    job->setAutoDelete(false);
    QSignalSpy done(job, &ApiJob::finished);
    QVERIFY(done.wait(10000));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().userMessage()));
    delete job;
    QVERIFY(client.isDiscovered());
    QVERIFY(client.serverMeta().features.isEmpty());

    // Decided: later requests go straight out, with no /api/meta before them.
    for (int i = 0; i < 3; ++i) {
        auto *health = client.health();
        QSignalSpy healthDone(health, &ApiJob::finished);
        QVERIFY(healthDone.wait(10000));
    }
    QCOMPARE(server.asked, (QStringList { QStringLiteral("/api/meta"), QStringLiteral("/health"), QStringLiteral("/health"),
                                          QStringLiteral("/health") }));
}

void tst_ClientDiscovery::collectionsFromAServerThatMisbehaves_data()
{
    QTest::addColumn<QByteArray>("page2");
    QTest::addColumn<QString>("why");
    const QByteArray dish = R"({"id":1,"title":"Soup","price":"5.00","featured":false,"category":1})";
    // Page 2 links to itself: both readers stop instead of reading forever.
    QTest::newRow("a loop") << QByteArray(R"({"count":2,"next":"http://cloud.example/api/menu-items?page=2",)"
                                          R"("previous":null,"results":[)" + dish + "]}")
                            << QStringLiteral("next: links to a page already read");
    QTest::newRow("a record that is not an object")
        << QByteArray(R"({"count":2,"next":null,"previous":null,"results":[7]})")
        << QStringLiteral("results[0]: expected an object");
}

// ListJob (typed records) and CollectionReader (the server's own JSON) walk
// pages with one walker: both read every page or fail whole, naming why.
void tst_ClientDiscovery::collectionsFromAServerThatMisbehaves()
{
    QFETCH(QByteArray, page2);
    QFETCH(QString, why);
    CannedServer server;
    server.metaStatus = "404 Not Found"; // the cloud: no extensions
    server.pages.insert("/api/menu-items?page=1",
                        R"({"count":2,"next":"http://cloud.example/api/menu-items?page=2","previous":null,"results":[)"
                        R"({"id":1,"title":"Soup","price":"5.00","featured":false,"category":1}]})");
    server.pages.insert("/api/menu-items?page=2", page2);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ApiClient client(ServerEndpoint::fromUserInput(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())));

    Request first = Request::get(QStringLiteral("/api/menu-items"), Request::Auth::Optional);
    first.query.addQueryItem(QStringLiteral("page"), QStringLiteral("1"));
    auto *typed = client.list<MenuItem>(first);
    typed->setAutoDelete(false);
    QSignalSpy typedDone(typed, &ApiJob::finished);
    QVERIFY(typedDone.wait(10000));
    QCOMPARE(typed->error().kind(), ApiError::Kind::Protocol);
    QVERIFY2(typed->error().serverMessage().contains(why), qPrintable(typed->error().serverMessage()));
    QVERIFY(typed->pagesDone() <= 2);
    delete typed;

    CollectionReader raw(&client, first);
    QSignalSpy rawDone(&raw, &ApiJob::finished);
    raw.start();
    QVERIFY(rawDone.wait(10000));
    QCOMPARE(raw.error().kind(), ApiError::Kind::Protocol);
    QVERIFY2(raw.error().serverMessage().contains(why), qPrintable(raw.error().serverMessage()));
    QVERIFY(raw.result().error().isError());
    // The next link named another host: it was read from the configured server.
    QVERIFY(server.asked.contains(QStringLiteral("/api/menu-items?page=2")));
}

QTEST_GUILESS_MAIN(tst_ClientDiscovery)
#include "tst_client_discovery.moc"
