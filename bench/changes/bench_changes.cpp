// bench_changes: GET /api/changes on littlelemon-server over 10,000 orders.
//
// Seeds 500 menu items and 10,000 orders (`dev seed-bench`), starts the
// server on loopback with throttling out of the way, signs in as a manager
// (who sees every order) and measures, over one kept-alive connection:
//   - GET /api/changes?since=0&limit=500  (a full page of the snapshot)
//   - GET /api/changes?since=<latest>     (nothing new: the poll of an idle terminal)
// as seen by the client and as the server's own request log times them; then
// how long after a write's answer its event reaches an /api/events socket.
// Prints median and p95 of each, the targets (full page <= 20 ms, no change
// <= 1 ms, event <= 100 ms) and the server's peak RSS.
//
//   bench_changes [--orders N] [--runs N] [--server PATH]

#include "bench/support/serverprocess.h"
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>

namespace {

struct Figures
{
    QList<double> ms;
    double median() const { return at(0.5); }
    double p95() const { return at(0.95); }
    double at(double q) const
    {
        if (ms.isEmpty())
            return 0;
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(q * double(sorted.size()))));
    }
};

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "bench_changes: %s\n", qPrintable(why));
    std::exit(1);
}

int run(const QString &program, const QStringList &args, const QByteArray &input = QByteArray())
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted())
        die(QStringLiteral("cannot start %1").arg(program));
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(600000))
        die(QStringLiteral("%1 %2 took too long").arg(program, args.join(u' ')));
    if (p.exitCode() != 0)
        die(QString::fromUtf8(p.readAllStandardError()));
    return p.exitCode();
}

// One request on the shared manager, waited for (a benchmark, not product code).
QNetworkReply *send(QNetworkAccessManager &nam, const QNetworkRequest &request, const QByteArray &method,
                    const QByteArray &body = QByteArray())
{
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    return reply;
}

// A bare HTTP/1.1 client on one kept-alive connection, blocking: what is
// timed is the server and the loopback, not a client library's machinery.
class RawClient
{
public:
    bool connectTo(const QUrl &base)
    {
        m_host = base.host().toLatin1();
        m_socket.connectToHost(base.host(), quint16(base.port()));
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        return m_socket.waitForConnected(5000);
    }

    // Status and body of GET `pathAndQuery`.
    std::pair<int, QByteArray> get(const QByteArray &pathAndQuery, const QByteArray &token)
    {
        m_socket.write("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + m_host + "\r\nAuthorization: Bearer " + token
                       + "\r\n\r\n");
        QByteArray head;
        while (!head.contains("\r\n\r\n")) {
            if (!m_socket.bytesAvailable() && !m_socket.waitForReadyRead(10000))
                return { 0, {} };
            head += m_socket.readAll();
        }
        const qsizetype end = head.indexOf("\r\n\r\n") + 4;
        QByteArray body = head.mid(end);
        head.truncate(end);
        static const QRegularExpression length(QStringLiteral("Content-Length: (\\d+)"), QRegularExpression::CaseInsensitiveOption);
        const qsizetype want = length.match(QString::fromLatin1(head)).captured(1).toLongLong();
        while (body.size() < want) {
            if (!m_socket.bytesAvailable() && !m_socket.waitForReadyRead(10000))
                return { 0, {} };
            body += m_socket.readAll();
        }
        return { head.mid(9, 3).toInt(), body };
    }

private:
    QTcpSocket m_socket;
    QByteArray m_host;
};

double vmHwmMb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({
        { QStringLiteral("orders"), QStringLiteral("Orders to seed (default 10000)."), QStringLiteral("N"), QStringLiteral("10000") },
        { QStringLiteral("runs"), QStringLiteral("Requests per figure (default 300)."), QStringLiteral("N"), QStringLiteral("300") },
        { QStringLiteral("server"), QStringLiteral("The littlelemon-server to run."), QStringLiteral("PATH"),
          QStringLiteral(LL_SERVER_BINARY) },
    });
    parser.addHelpOption();
    parser.process(app);
    const QString server = parser.value(QStringLiteral("server"));
    const int runs = std::max(10, parser.value(QStringLiteral("runs")).toInt());

    QTemporaryDir work;
    const QString data = work.filePath(QStringLiteral("data"));
    std::printf("== seeding 500 menu items and %s orders\n", qPrintable(parser.value(QStringLiteral("orders"))));
    std::fflush(stdout);
    run(server, { QStringLiteral("--data-dir"), data, QStringLiteral("dev"), QStringLiteral("seed-bench"), QStringLiteral("--menu-items"),
                  QStringLiteral("500"), QStringLiteral("--orders"), parser.value(QStringLiteral("orders")),
                  QStringLiteral("--hash-iterations"), QStringLiteral("1000") });
    run(server, { QStringLiteral("--data-dir"), data, QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("benchmanager"),
                  QStringLiteral("--role"), QStringLiteral("manager"), QStringLiteral("--password-stdin"),
                  QStringLiteral("--hash-iterations"), QStringLiteral("1000") },
        "bench-manager-password\n");

    QProcess process;
    process.setStandardErrorFile(work.filePath(QStringLiteral("server.log")));
    process.start(server, { QStringLiteral("--data-dir"), data, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--throttle-anon"), QStringLiteral("1000000000"), QStringLiteral("--throttle-user"),
                            QStringLiteral("1000000000") });
    if (!process.waitForStarted())
        die(QStringLiteral("the server did not start"));
    const QString base = LittleLemon::Bench::listeningUrl(process);
    if (base.isEmpty())
        die(QStringLiteral("the server did not say where it listens"));

    QNetworkAccessManager nam;
    QNetworkRequest login(QUrl(base + QStringLiteral("/auth/jwt/create/")));
    login.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *r = send(nam, login, "POST", R"({"username":"benchmanager","password":"bench-manager-password"})");
    const QByteArray token = QJsonDocument::fromJson(r->readAll()).object().value(QStringLiteral("access")).toString().toUtf8();
    r->deleteLater();
    if (token.isEmpty())
        die(QStringLiteral("cannot sign in"));
    auto get = [&](const QString &pathAndQuery) {
        QNetworkRequest q(QUrl(base + pathAndQuery));
        q.setRawHeader("Authorization", "Bearer " + token);
        return q;
    };

    // Where the log ends now.
    r = send(nam, get(QStringLiteral("/api/changes?since=0&limit=500")), "GET");
    const QJsonObject first = QJsonDocument::fromJson(r->readAll()).object();
    r->deleteLater();
    const qsizetype pageEntries = first.value(QStringLiteral("changes")).toArray().size();
    qint64 latest = first.value(QStringLiteral("next")).toInteger();
    qint64 entries = pageEntries;
    for (;;) {
        r = send(nam, get(QStringLiteral("/api/changes?since=%1&limit=1000").arg(latest)), "GET");
        const QJsonObject page = QJsonDocument::fromJson(r->readAll()).object();
        r->deleteLater();
        const qsizetype n = page.value(QStringLiteral("changes")).toArray().size();
        entries += n;
        latest = page.value(QStringLiteral("next")).toInteger();
        if (n == 0)
            break;
    }
    std::printf("== %s on %s: %lld entries in the log (one per row), latest seq %lld\n", qPrintable(server),
                qPrintable(base), entries, latest);

    RawClient raw;
    if (!raw.connectTo(QUrl(base)))
        die(QStringLiteral("cannot connect"));
    auto measure = [&](const QString &path, int count, qsizetype *bytes) {
        Figures f;
        for (int i = 0; i < 10; ++i) // warm-up
            raw.get(path.toLatin1(), token);
        for (int i = 0; i < count; ++i) {
            QElapsedTimer t;
            t.start();
            const auto [status, body] = raw.get(path.toLatin1(), token);
            f.ms << double(t.nsecsElapsed()) / 1e6;
            if (status != 200)
                die(QStringLiteral("%1 answered %2 %3").arg(path).arg(status).arg(QString::fromUtf8(body.left(200))));
            if (bytes)
                *bytes = body.size();
        }
        return f;
    };
    qsizetype pageBytes = 0;
    const Figures full = measure(QStringLiteral("/api/changes?since=0&limit=500"), runs, &pageBytes);
    // A page of orders only (past the menu), each with its lines and history.
    qsizetype orderBytes = 0;
    const Figures ordersPage = measure(QStringLiteral("/api/changes?since=%1&limit=500").arg(latest / 2), runs, &orderBytes);
    const Figures idle = measure(QStringLiteral("/api/changes?since=%1").arg(latest), runs * 5, nullptr);

    // Events: a socket as the manager; a price change by HTTP; the time from
    // sending the write to its event (the write's own handling included, so
    // an upper bound of commit → push).
    QWebSocket socket;
    QNetworkRequest upgrade(QUrl(QString(base).replace(QStringLiteral("http://"), QStringLiteral("ws://")) + QStringLiteral("/api/events")));
    upgrade.setRawHeader("Authorization", "Bearer " + token);
    QElapsedTimer clock;
    clock.start();
    qint64 eventAt = -1;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString &) { eventAt = clock.nsecsElapsed(); });
    {
        QEventLoop loop;
        QObject::connect(&socket, &QWebSocket::connected, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        socket.open(upgrade);
        loop.exec();
        if (socket.state() != QAbstractSocket::ConnectedState)
            die(QStringLiteral("the event socket did not connect"));
    }
    Figures events;
    for (int i = 0; i < std::min(runs, 100); ++i) {
        eventAt = -1;
        QNetworkRequest patch = get(QStringLiteral("/api/menu-items/%1").arg(1 + i % 500));
        patch.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        const qint64 answered = clock.nsecsElapsed(); // sent
        QNetworkReply *reply = send(nam, patch, "PATCH", QStringLiteral("{\"price\":\"%1.00\"}").arg(10 + i).toUtf8());
        reply->deleteLater();
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (eventAt >= 0 || clock.nsecsElapsed() - answered > 2'000'000'000)
                loop.quit();
        });
        poll.start(0);
        loop.exec();
        if (eventAt < 0)
            die(QStringLiteral("no event within 2 s of a write"));
        events.ms << std::max(0.0, double(eventAt - answered) / 1e6);
    }
    const double rss = vmHwmMb(process.processId());

    process.terminate();
    process.waitForFinished(10000);
    // The server's own time per request, from its log ("GET /api/changes 200 1234us").
    Figures serverFull;
    Figures serverOrders;
    Figures serverIdle;
    {
        QFile log(work.filePath(QStringLiteral("server.log")));
        log.open(QIODevice::ReadOnly);
        static const QRegularExpression line(QStringLiteral("GET /api/changes 200 (\\d+)us"));
        QList<double> all;
        for (auto it = line.globalMatch(QString::fromUtf8(log.readAll())); it.hasNext();)
            all << it.next().captured(1).toDouble() / 1000.0;
        // In order: the paging above, 10 + runs full pages, 10 + runs order
        // pages, 10 + 5 x runs idle polls.
        const qsizetype paging = all.size() - 2 * (10 + runs) - (10 + runs * 5);
        if (paging >= 0) {
            serverFull.ms = all.mid(paging + 10, runs);
            serverOrders.ms = all.mid(paging + 10 + runs + 10, runs);
            serverIdle.ms = all.mid(paging + 2 * (10 + runs) + 10, runs * 5);
        }
    }

    std::printf("== %d requests each, one kept-alive connection (milliseconds: median / p95)\n", runs);
    std::printf("GET /api/changes?since=0&limit=500   client %7.3f / %7.3f   server %7.3f / %7.3f   (%lld entries, %lld bytes)\n",
                full.median(), full.p95(), serverFull.median(), serverFull.p95(), qint64(pageEntries), qint64(pageBytes));
    std::printf("  the same, a page of orders only    client %7.3f / %7.3f   server %7.3f / %7.3f   (since=%lld, %lld bytes)\n",
                ordersPage.median(), ordersPage.p95(), serverOrders.median(), serverOrders.p95(), latest / 2,
                qint64(orderBytes));
    std::printf("GET /api/changes?since=%lld (none) client %7.3f / %7.3f   server %7.3f / %7.3f\n", latest, idle.median(),
                idle.p95(), serverIdle.median(), serverIdle.p95());
    std::printf("event, from sending the write         %7.3f / %7.3f   (%lld writes)\n", events.median(), events.p95(),
                qint64(events.ms.size()));
    std::printf("peak RSS of the server (VmHWM)       %.1f MB\n", rss);
    auto verdict = [](double v, double target) { return v <= target ? "met" : "MISSED"; };
    std::printf("== targets (client-side median; p95 in brackets)\n"
                "full page <= 20 ms: %s (%s)   no change <= 1 ms: %s (%s)   event <= 100 ms: %s (%s)\n",
                verdict(std::max(full.median(), ordersPage.median()), 20), verdict(std::max(full.p95(), ordersPage.p95()), 20),
                verdict(idle.median(), 1), verdict(idle.p95(), 1), verdict(events.median(), 100), verdict(events.p95(), 100));
    return 0;
}
