// bench_hardening: issue 20's figures against a real littlelemon-server.
//
//   bench_hardening --server PATH signins
//       20 failed sign-ins from 127.0.0.1 and 20 from 127.0.0.2, all at once
//       (unknown names: each costs the server a full PBKDF2 hash), while a
//       signed-in terminal on 127.0.0.3 reads GET /api/orders?page=1 back to
//       back. Prints the reads' p50/p99/max. Target: p99 <= 50 ms.
//
//   bench_hardening --server PATH uploads [--uploads 1000] [--hold 20] [--after 60]
//       N connections from 127.0.0.1 each send a 1 MB body but its last 16
//       bytes and wait; meanwhile the terminal (127.0.0.2) reads every 200 ms.
//       After --hold seconds the uploads give up (close); --after seconds
//       later the server's RSS is read again. Targets: RSS growth <= 100 MB,
//       reads p99 <= 50 ms, RSS within 30 MB of the start afterwards.
//
// The driver starts the server itself (a fresh data directory with 1,000
// orders) and prints one line per figure.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkProxy>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace {

qint64 rssOf(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// One keep-alive connection from a chosen loopback address; counts and times answers.
class Client : public QObject
{
public:
    explicit Client(const QString &from)
    {
        m_socket.setProxy(QNetworkProxy::NoProxy);
        m_socket.bind(QHostAddress(from), 0);
        connect(&m_socket, &QIODevice::readyRead, this, [this] { read(); });
    }
    bool connectTo(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return m_socket.waitForConnected(10000);
    }
    void send(const QByteArray &bytes)
    {
        m_waiting = true;
        m_timer.start();
        m_socket.write(bytes);
    }
    bool waiting() const { return m_waiting; }
    QTcpSocket &socket() { return m_socket; }
    std::function<void(int status, const QByteArray &body, qint64 ms)> onAnswer;

private:
    void read()
    {
        m_buffer += m_socket.readAll();
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            static const QRegularExpression lengthRe(QStringLiteral("(?i)\r\ncontent-length:\\s*(\\d+)"));
            const auto m = lengthRe.match(QString::fromLatin1(m_buffer.left(end + 2)));
            const qsizetype length = m.hasMatch() ? m.captured(1).toLongLong() : 0;
            if (m_buffer.size() < end + 4 + length)
                return;
            const int status = m_buffer.mid(9, 3).toInt();
            const QByteArray body = m_buffer.mid(end + 4, length);
            m_buffer.remove(0, end + 4 + length);
            m_waiting = false;
            if (onAnswer)
                onAnswer(status, body, m_timer.elapsed());
        }
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QElapsedTimer m_timer;
    bool m_waiting = false;
};

QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &token = {},
                   const QByteArray &body = {})
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        out += "Authorization: Bearer " + token + "\r\n";
    if (method == "POST")
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

QByteArray signInBody(const QString &user, const QString &password)
{
    return QJsonDocument(QJsonObject { { QStringLiteral("username"), user }, { QStringLiteral("password"), password } })
        .toJson(QJsonDocument::Compact);
}

struct Server
{
    QTemporaryDir dir;
    QProcess process;
    quint16 port = 0;

    bool start(const QString &binary)
    {
        const QString data = dir.filePath(QStringLiteral("data"));
        auto run = [&](const QStringList &args, const QByteArray &input = {}) {
            QProcess p;
            p.start(binary, QStringList { QStringLiteral("--data-dir"), data } + args);
            p.write(input);
            p.closeWriteChannel();
            return p.waitForFinished(120000) && p.exitCode() == 0;
        };
        if (!run({ QStringLiteral("dev"), QStringLiteral("seed-bench"), QStringLiteral("--menu-items"), QStringLiteral("50"),
                   QStringLiteral("--orders"), QStringLiteral("1000"), QStringLiteral("--hash-iterations"), QStringLiteral("1000") })
            || !run({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("boss"), QStringLiteral("--role"),
                      QStringLiteral("manager"), QStringLiteral("--password-stdin"), QStringLiteral("--hash-iterations"),
                      QStringLiteral("1000") },
                    "Boss-Pass#1\n"))
            return false;
        process.setStandardErrorFile(dir.filePath(QStringLiteral("server.log")));
        process.start(binary, { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data-dir"), data,
                                QStringLiteral("--throttle-user"), QStringLiteral("1000000000") });
        QElapsedTimer t;
        t.start();
        QByteArray out;
        static const QRegularExpression listening(QStringLiteral("listening on http://127.0.0.1:(\\d+)"));
        while (t.elapsed() < 20000 && process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(200);
            out += process.readAllStandardOutput();
            const auto m = listening.match(QString::fromUtf8(out));
            if (m.hasMatch()) {
                port = quint16(m.captured(1).toUInt());
                return true;
            }
        }
        return false;
    }
    ~Server()
    {
        process.terminate();
        if (!process.waitForFinished(10000))
            process.kill();
    }
};

QByteArray signInFrom(const QString &from, quint16 port, const QString &user, const QString &password)
{
    Client c(from);
    if (!c.connectTo(port))
        return {};
    QByteArray token;
    QEventLoop loop;
    c.onAnswer = [&](int status, const QByteArray &body, qint64) {
        if (status == 200)
            token = QJsonDocument::fromJson(body).object().value(QStringLiteral("access")).toString().toLatin1();
        loop.quit();
    };
    c.send(request("POST", "/auth/jwt/create/", {}, signInBody(user, password)));
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    return token;
}

void printLatencies(const char *what, QList<qint64> ms)
{
    if (ms.isEmpty()) {
        std::printf("%s: no reads\n", what);
        return;
    }
    std::sort(ms.begin(), ms.end());
    const qint64 p50 = ms.at(ms.size() / 2);
    const qint64 p99 = ms.at(std::min<qsizetype>(ms.size() - 1, ms.size() * 99 / 100));
    std::printf("%s: %lld reads, p50 %lld ms, p99 %lld ms, max %lld ms (target p99 <= 50 ms: %s)\n", what,
                qint64(ms.size()), p50, p99, ms.last(), p99 <= 50 ? "met" : "MISSED");
}

int signins(Server &server)
{
    const QByteArray token = signInFrom(QStringLiteral("127.0.0.3"), server.port, QStringLiteral("boss"), QStringLiteral("Boss-Pass#1"));
    if (token.isEmpty()) {
        std::fprintf(stderr, "cannot sign the terminal in\n");
        return 1;
    }
    Client terminal(QStringLiteral("127.0.0.3"));
    terminal.connectTo(server.port);
    std::vector<std::unique_ptr<Client>> attackers;
    int answered = 0;
    QMap<int, int> statuses;
    for (int i = 0; i < 40; ++i) {
        auto c = std::make_unique<Client>(i < 20 ? QStringLiteral("127.0.0.1") : QStringLiteral("127.0.0.2"));
        c->connectTo(server.port);
        c->onAnswer = [&](int status, const QByteArray &, qint64) {
            ++answered;
            ++statuses[status];
        };
        attackers.push_back(std::move(c));
    }
    QList<qint64> reads;
    const QByteArray read = request("GET", "/api/orders?page=1", token);
    terminal.onAnswer = [&](int status, const QByteArray &, qint64 ms) {
        if (status == 200)
            reads << ms;
    };
    QElapsedTimer burst;
    burst.start();
    for (int i = 0; i < 40; ++i)
        attackers[size_t(i)]->send(request("POST", "/auth/jwt/create/", {},
                                           signInBody(QStringLiteral("ghost%1").arg(i), QStringLiteral("wrong"))));
    QTimer reader;
    reader.setInterval(10);
    QObject::connect(&reader, &QTimer::timeout, [&] {
        if (!terminal.waiting())
            terminal.send(read);
    });
    reader.start();
    QEventLoop loop;
    QTimer check;
    check.setInterval(20);
    QObject::connect(&check, &QTimer::timeout, [&] {
        if (answered == 40 || burst.elapsed() > 300000)
            loop.quit();
    });
    check.start();
    loop.exec();
    reader.stop();
    std::printf("40 failed sign-ins (20 from each of 2 addresses) answered in %.1f s:", burst.elapsed() / 1000.0);
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        std::printf(" %d x %d", it.value(), it.key());
    std::printf("\n");
    printLatencies("terminal GET /api/orders meanwhile", reads);
    return 0;
}

int uploads(Server &server, int count, int holdSeconds, int afterSeconds)
{
    const qint64 pid = server.process.processId();
    const QByteArray token = signInFrom(QStringLiteral("127.0.0.2"), server.port, QStringLiteral("boss"), QStringLiteral("Boss-Pass#1"));
    Client terminal(QStringLiteral("127.0.0.2"));
    terminal.connectTo(server.port);
    const QByteArray read = request("GET", "/api/orders?page=1", token);
    QList<qint64> reads;
    terminal.onAnswer = [&](int status, const QByteArray &, qint64 ms) {
        if (status == 200)
            reads << ms;
    };
    for (int i = 0; i < 20; ++i) {
        terminal.send(read);
        while (terminal.waiting())
            wait(1);
    }
    reads.clear();
    wait(1000);
    const qint64 start = rssOf(pid);

    QMap<int, int> statuses;
    int closedByServer = 0;
    std::vector<std::unique_ptr<Client>> held;
    const QByteArray body(1000000 - 16, 'x');
    const QByteArray head = "POST /auth/users/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n";
    for (int i = 0; i < count; ++i) {
        auto c = std::make_unique<Client>(QStringLiteral("127.0.0.1"));
        if (!c->connectTo(server.port))
            break;
        c->onAnswer = [&](int status, const QByteArray &, qint64) { ++statuses[status]; };
        QObject::connect(&c->socket(), &QAbstractSocket::disconnected, [&closedByServer] { ++closedByServer; });
        c->socket().write(head);
        c->socket().write(body);
        held.push_back(std::move(c));
    }
    qint64 peak = start;
    QTimer reader;
    reader.setInterval(200);
    QObject::connect(&reader, &QTimer::timeout, [&] {
        if (!terminal.waiting())
            terminal.send(read);
        peak = std::max(peak, rssOf(pid));
    });
    reader.start();
    wait(holdSeconds * 1000);
    reader.stop();
    peak = std::max(peak, rssOf(pid));
    std::printf("%d held 1 MB uploads from one address for %d s:", int(held.size()), holdSeconds);
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        std::printf(" %d x %d", it.value(), it.key());
    std::printf(", %d closed by the server\n", closedByServer);
    std::printf("server RSS: %lld MB at the start, %lld MB at the peak: growth %lld MB (target <= 100 MB: %s)\n",
                start >> 20, peak >> 20, (peak - start) >> 20, peak - start <= 100ll * 1024 * 1024 ? "met" : "MISSED");
    printLatencies("terminal GET /api/orders meanwhile (another address)", reads);
    for (auto &c : held)
        c->socket().abort();
    held.clear();
    wait(afterSeconds * 1000);
    const qint64 after = rssOf(pid);
    std::printf("server RSS %d s after the uploads ended: %lld MB, %+lld MB from the start (target within 30 MB: %s)\n",
                afterSeconds, after >> 20, (after - start) >> 20, after - start <= 30ll * 1024 * 1024 ? "met" : "MISSED");
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("what"), QStringLiteral("signins or uploads"));
    parser.addOptions({
        { QStringLiteral("server"), QStringLiteral("The littlelemon-server executable."), QStringLiteral("PATH") },
        { QStringLiteral("uploads"), QStringLiteral("Held uploads (1000)."), QStringLiteral("N"), QStringLiteral("1000") },
        { QStringLiteral("hold"), QStringLiteral("Seconds they are held (20)."), QStringLiteral("S"), QStringLiteral("20") },
        { QStringLiteral("after"), QStringLiteral("Seconds before the last RSS reading (60)."), QStringLiteral("S"),
          QStringLiteral("60") },
    });
    parser.process(app);
    const QString what = parser.positionalArguments().value(0);
    if (!parser.isSet(QStringLiteral("server")) || (what != u"signins" && what != u"uploads"))
        parser.showHelp(2);
    Server server;
    if (!server.start(parser.value(QStringLiteral("server")))) {
        std::fprintf(stderr, "the server did not start\n");
        return 1;
    }
    if (what == u"signins")
        return signins(server);
    return uploads(server, parser.value(QStringLiteral("uploads")).toInt(), parser.value(QStringLiteral("hold")).toInt(),
                   parser.value(QStringLiteral("after")).toInt());
}
