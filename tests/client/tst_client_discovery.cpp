// Discovery: GET /api/meta refused in any form (404 with HTML, with an empty
// body, with JSON; 200 with a web page) means "the cloud, no extensions",
// decided once and never asked again before other requests. The cloud's own
// HTML 404 is checked against the real thing in tests/cloud; the other
// shapes come from servers in front of it (proxies, gateways), stood in for
// here by a few canned answers.

#include "api/client/apiclient.h"
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

QTEST_GUILESS_MAIN(tst_ClientDiscovery)
#include "tst_client_discovery.moc"
