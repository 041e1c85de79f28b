// bench_live: live terminals (issue 13) on loopback. Prints its figures.
//
//   bench_live [latency|lan|soak|all] [--moves N] [--orders N] [--clients N] [--rate N] [--seconds N]
//
// latency  littlelemon-server; a writer (HTTP, as another terminal) and one
//          desk sync engine with its OrdersModel: N stage moves (default 200)
//          and N new counter orders, each timed from just before the request
//          is sent until the watcher's model shows it. Targets p50 ≤ 100 ms,
//          p99 ≤ 500 ms.
// lan      the same against a standalone desk (StandaloneServer, in this
//          process as in the desk): the writer uses the desk's loopback
//          listener, the watcher its network listener.
// soak     littlelemon-server, 20 watching engines, 50 writes a second for
//          60 s (new orders and stage moves, each order moved at most every
//          few seconds): each watcher must show every (order, stage) exactly
//          once and end equal to /api/changes read from 0; the server's RSS
//          growth is held to ≤ 5 MB.

#include "bench/support/procstatus.h"
#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/eventsocket.h"
#include "api/client/syncengine.h"
#include "models/localstore.h"
#include "models/ordersmodel.h"
#include "standaloneserver.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

using namespace LittleLemon;
using namespace LittleLemon::Client;

namespace {

const QString kUser = QStringLiteral("bench-manager");
const QString kPassword = QStringLiteral("Bench#Lemon2026");
QElapsedTimer g_clock;

double nowMs()
{
    return double(g_clock.nsecsElapsed()) / 1e6;
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_live: %s\n", qPrintable(message));
    std::exit(1);
}

void spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i
        = std::clamp<qsizetype>(qsizetype(p * double(v.size()) + 0.999999) - 1, 0, v.size() - 1);
    return v.at(i);
}

void report(const char *what, const QList<double> &ms, int missing)
{
    const double p50 = percentile(ms, 0.50);
    const double p99 = percentile(ms, 0.99);
    const bool ok = p50 <= 100 && p99 <= 500 && missing == 0;
    std::printf("  %-46s n=%-4lld p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  missing %d  (targets p50 <= 100, "
                "p99 <= 500: %s)\n",
        what, qint64(ms.size()), p50, p99, percentile(ms, 1.0), missing, ok ? "ok" : "OVER TARGET");
    std::fflush(stdout);
}

// A writer: HTTP calls as another terminal makes them, answered synchronously.
class Writer
{
public:
    explicit Writer(QUrl base)
        : m_base(std::move(base))
    { }

    QJsonObject call(
        const QByteArray &method, const QString &path, const QJsonObject &body = {}, int *status = nullptr)
    {
        QNetworkRequest request(QUrl(m_base.toString() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method,
            body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status)
            *status = code;
        const QJsonObject out = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return out;
    }

    // Without waiting: `done` gets the status and body.
    void callAsync(const QByteArray &method, const QString &path, const QJsonObject &body,
        std::function<void(int, const QJsonObject &)> done)
    {
        QNetworkRequest request(QUrl(m_base.toString() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        QNetworkReply *reply
            = m_nam.sendCustomRequest(request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done] {
            done(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object());
            reply->deleteLater();
        });
    }

    void login()
    {
        const QJsonObject tokens = call("POST", QStringLiteral("/auth/jwt/create/"),
            { { QStringLiteral("username"), kUser }, { QStringLiteral("password"), kPassword } });
        m_token = tokens.value(QStringLiteral("access")).toString();
        if (m_token.isEmpty())
            die(QStringLiteral("the writer could not sign in at %1").arg(m_base.toString()));
    }

    qint64 counterOrder(qint64 menuItem)
    {
        int status = 0;
        const QJsonObject created = call("POST", QStringLiteral("/api/orders"), orderBody(menuItem), &status);
        if (status != 201)
            die(QStringLiteral("counter order refused: %1").arg(status));
        return created.value(QStringLiteral("order_id")).toInteger();
    }

    static QJsonObject orderBody(qint64 menuItem)
    {
        return { { QStringLiteral("items"),
            QJsonArray { QJsonObject {
                { QStringLiteral("menuitem"), menuItem }, { QStringLiteral("quantity"), 1 } } } } };
    }

    void move(qint64 order, const QString &stage)
    {
        int status = 0;
        call("PATCH", QStringLiteral("/api/orders/%1").arg(order), { { QStringLiteral("stage"), stage } },
            &status);
        if (status != 200)
            die(QStringLiteral("move of order %1 to %2 refused: %3").arg(order).arg(stage).arg(status));
    }

    qint64 firstMenuItem()
    {
        const QJsonObject page = call("GET", QStringLiteral("/api/menu-items?page_size=1"));
        return page.value(QStringLiteral("results"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("id"))
            .toInteger();
    }

    // The orders as /api/changes read from 0 gives them: id → stage; *next the feed's end.
    QHash<qint64, QString> feedOrders(qint64 *next)
    {
        QHash<qint64, QString> out;
        qint64 since = 0;
        for (;;) {
            const QJsonObject feed
                = call("GET", QStringLiteral("/api/changes?since=%1&limit=1000").arg(since));
            const QJsonArray changes = feed.value(QStringLiteral("changes")).toArray();
            for (const QJsonValue &v : changes) {
                const QJsonObject c = v.toObject();
                if (c.value(QStringLiteral("entity")).toString() != QLatin1String("order"))
                    continue;
                const qint64 id = c.value(QStringLiteral("id")).toInteger();
                if (c.value(QStringLiteral("op")).toString() == QLatin1String("delete"))
                    out.remove(id);
                else
                    out.insert(id,
                        c.value(QStringLiteral("data")).toObject().value(QStringLiteral("stage")).toString());
            }
            since = feed.value(QStringLiteral("next")).toInteger();
            if (changes.isEmpty())
                break;
        }
        *next = since;
        return out;
    }

private:
    QUrl m_base;
    QString m_token;
    QNetworkAccessManager m_nam;
};

// A terminal that watches: its own cache, sync engine and orders model.
// Each (order, stage) the model comes to show is timed once; showing one
// again later (a flap, a change applied twice) counts as a duplicate.
class Watcher
{
public:
    explicit Watcher(const QUrl &url)
        : m_client(ServerEndpoint::fromUserInput(url.toString()))
    {
        if (!m_store.open({ m_dir.filePath(QStringLiteral("cache.sqlite")),
                m_dir.filePath(QStringLiteral("outbox.sqlite")) }))
            die(QStringLiteral("cannot open a cache: %1").arg(m_store.errorString()));
        m_engine = std::make_unique<SyncEngine>(&m_client, &m_store);
        m_model = std::make_unique<OrdersModel>(&m_store);
        QObject::connect(m_model.get(), &QAbstractItemModel::rowsInserted, m_model.get(),
            [this](const QModelIndex &, int first, int last) { look(first, last); });
        QObject::connect(m_model.get(), &QAbstractItemModel::dataChanged, m_model.get(),
            [this](const QModelIndex &tl, const QModelIndex &br) { look(tl.row(), br.row()); });
        QObject::connect(m_model.get(), &QAbstractItemModel::modelReset, m_model.get(),
            [this] { look(0, m_model->rowCount() - 1); });
    }

    void start()
    {
        bool done = false;
        bool ok = false;
        Job<User> *job = m_client.session()->login(kUser, kPassword);
        job->then(m_model.get(), [&](const Result<User> &r) {
            ok = bool(r);
            done = true;
        });
        spinUntil([&] { return done; }, 30000);
        if (!ok)
            die(QStringLiteral("a watcher could not sign in"));
        m_engine->start();
    }

    bool isLive() const { return m_engine->isLive(); }
    bool idle() const { return !m_engine->isSyncing(); }
    qint64 changeSeq() const { return m_store.cache()->changeSeq(); }
    // When (nowMs) the model first showed `order` at `stage`; < 0 if not yet.
    double seenAt(qint64 order, OrderStage stage) const { return m_seen.value({ order, int(stage) }, -1); }
    int duplicates() const { return m_duplicates; }
    int seenCount() const { return int(m_seen.size()); }
    QHash<qint64, QString> orders() const
    {
        QHash<qint64, QString> out;
        for (const OrderSummary &o : m_store.cache()->orderSummaries())
            out.insert(o.id, o.stage ? toWire(*o.stage) : QString());
        return out;
    }
    SyncEngine *engine() const { return m_engine.get(); }

private:
    void look(int first, int last)
    {
        const double at = nowMs();
        for (int row = first; row <= last && row >= 0; ++row) {
            const QModelIndex index = m_model->index(row, 0);
            const qint64 id = index.data(OrdersModel::IdRole).toLongLong();
            const int stage = index.data(OrdersModel::StageRole).toInt();
            if (m_last.value(id, -1) == stage)
                continue;
            m_last.insert(id, stage);
            const QPair<qint64, int> key { id, stage };
            if (m_seen.contains(key))
                ++m_duplicates;
            else
                m_seen.insert(key, at);
        }
    }

    QTemporaryDir m_dir;
    ApiClient m_client;
    LocalStore m_store;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<OrdersModel> m_model;
    QHash<qint64, int> m_last;
    QHash<QPair<qint64, int>, double> m_seen;
    int m_duplicates = 0;
};

// littlelemon-server as a child process, seeded, throttles lifted.
class ServerProcess
{
public:
    ServerProcess()
    {
        m_port = freePort();
        const QString data = m_dir.filePath(QStringLiteral("data"));
        run({ QStringLiteral("--data-dir"), data, QStringLiteral("dev"), QStringLiteral("seed-bench"),
            QStringLiteral("--menu-items"), QStringLiteral("20"), QStringLiteral("--orders"),
            QStringLiteral("50"), QStringLiteral("--hash-iterations"), QStringLiteral("1000") });
        run({ QStringLiteral("--data-dir"), data, QStringLiteral("user"), QStringLiteral("add"), kUser,
                QStringLiteral("--role"), QStringLiteral("manager"), QStringLiteral("--password-stdin"),
                QStringLiteral("--hash-iterations"), QStringLiteral("1000") },
            kPassword.toUtf8() + '\n');
        m_process.setProcessChannelMode(QProcess::ForwardedOutputChannel);
        m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("server.log")));
        m_process.start(QStringLiteral(LL_SERVER_BINARY),
            { QStringLiteral("--data-dir"), data, QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("--throttle-user"),
                QStringLiteral("1000000000"), QStringLiteral("--throttle-anon"),
                QStringLiteral("1000000000") });
        if (!m_process.waitForStarted(10000))
            die(QStringLiteral("cannot start the server"));
        QNetworkAccessManager nam;
        bool up = false;
        QElapsedTimer t;
        t.start();
        while (!up && t.elapsed() < 20000) {
            QNetworkReply *r = nam.get(QNetworkRequest(QUrl(url().toString() + QStringLiteral("/health"))));
            QEventLoop loop;
            QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            up = r->error() == QNetworkReply::NoError;
            r->deleteLater();
            if (!up)
                spinUntil([] { return false; }, 100);
        }
        if (!up)
            die(QStringLiteral("the server did not come up"));
    }
    ~ServerProcess()
    {
        m_process.terminate();
        m_process.waitForFinished(10000);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    qint64 pid() const { return m_process.processId(); }

private:
    static void run(const QStringList &args, const QByteArray &input = QByteArray())
    {
        QProcess p;
        p.start(QStringLiteral(LL_SERVER_BINARY), args);
        p.waitForStarted(10000);
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(120000) || p.exitCode() != 0)
            die(QStringLiteral("server command failed: %1").arg(QString::fromUtf8(p.readAllStandardError())));
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

void waitLive(const QList<Watcher *> &watchers)
{
    spinUntil(
        [&] {
            return std::all_of(
                watchers.begin(), watchers.end(), [](Watcher *w) { return w->isLive() && w->idle(); });
        },
        60000);
    for (Watcher *w : watchers)
        if (!w->isLive())
            die(QStringLiteral("a watcher did not go live"));
}

// 200 moves and 200 new orders, one at a time, each timed until `watcher` shows it.
void latencyRun(const char *label, Writer &writer, Watcher &watcher, int moves, int orders)
{
    const qint64 item = writer.firstMenuItem();
    const QList<QPair<OrderStage, QString>> stages { { OrderStage::Preparing, QStringLiteral("preparing") },
        { OrderStage::Ready, QStringLiteral("ready") },
        { OrderStage::OutForDelivery, QStringLiteral("out_for_delivery") },
        { OrderStage::Delivered, QStringLiteral("delivered") } };
    // Orders to move, in place first (not timed).
    QList<qint64> ids;
    for (int i = 0; i < (moves + 3) / 4; ++i)
        ids << writer.counterOrder(item);
    spinUntil(
        [&] {
            return std::all_of(ids.begin(), ids.end(),
                [&](qint64 id) { return watcher.seenAt(id, OrderStage::Received) >= 0; });
        },
        30000);
    QList<double> moveMs;
    int missing = 0;
    int done = 0;
    for (const auto &[stage, wire] : stages) {
        for (qint64 id : std::as_const(ids)) {
            if (done++ >= moves)
                break;
            const double t0 = nowMs();
            writer.move(id, wire);
            spinUntil([&] { return watcher.seenAt(id, stage) >= 0; }, 5000);
            const double seen = watcher.seenAt(id, stage);
            if (seen < 0)
                ++missing;
            else
                moveMs << seen - t0;
        }
    }
    report(qPrintable(QStringLiteral("%1: stage move -> other's model").arg(QLatin1String(label))), moveMs,
        missing);

    QList<double> newMs;
    missing = 0;
    for (int i = 0; i < orders; ++i) {
        const double t0 = nowMs();
        const qint64 id = writer.counterOrder(item);
        spinUntil([&] { return watcher.seenAt(id, OrderStage::Received) >= 0; }, 5000);
        const double seen = watcher.seenAt(id, OrderStage::Received);
        if (seen < 0)
            ++missing;
        else
            newMs << seen - t0;
    }
    report(qPrintable(QStringLiteral("%1: new counter order -> other's model").arg(QLatin1String(label))),
        newMs, missing);
    std::printf("  %-46s %d events received, %d duplicates shown\n", label,
        watcher.engine()->eventsReceived(), watcher.duplicates());
}

void latency(int moves, int orders)
{
    std::printf("latency: littlelemon-server on loopback, a writer and a desk engine\n");
    ServerProcess server;
    Writer writer(server.url());
    writer.login();
    Watcher watcher(server.url());
    watcher.start();
    waitLive({ &watcher });
    latencyRun("server", writer, watcher, moves, orders);
}

void lan(int moves, int orders)
{
    std::printf(
        "lan: a standalone desk serving its network; writer on its loopback, watcher on the network port\n");
    QTemporaryDir dir;
    Desk::StandaloneOptions options;
    options.dataDir = dir.filePath(QStringLiteral("desk"));
    options.hashIterations = 1000;
    Desk::StandaloneServer server(options);
    server.start();
    spinUntil([&] { return server.state() != Ui::LocalServer::State::Starting; }, 30000);
    if (server.state() != Ui::LocalServer::State::Running)
        die(server.errorString());
    QString error = QStringLiteral("pending");
    server.createRestaurant(QStringLiteral("Bench"), kUser, QStringLiteral("bench@example.com"), kPassword,
        &server, [&](const QString &e) { error = e; });
    spinUntil([&] { return error != QStringLiteral("pending"); }, 60000);
    if (!error.isEmpty())
        die(error);
    const quint16 port = freePort();
    error = QStringLiteral("pending");
    server.serveNetwork(true, port, &server, [&](const QString &e) { error = e; });
    spinUntil([&] { return error != QStringLiteral("pending"); }, 30000);
    if (!error.isEmpty())
        die(error);
    Writer writer(server.url());
    writer.login();
    int status = 0;
    const QJsonObject category = writer.call("POST", QStringLiteral("/api/categories"),
        { { QStringLiteral("slug"), QStringLiteral("mains") },
            { QStringLiteral("title"), QStringLiteral("Mains") } },
        &status);
    writer.call("POST", QStringLiteral("/api/menu-items"),
        { { QStringLiteral("title"), QStringLiteral("Soup") },
            { QStringLiteral("price"), QStringLiteral("5.00") }, { QStringLiteral("featured"), false },
            { QStringLiteral("category"), category.value(QStringLiteral("id")) } },
        &status);
    if (status != 201)
        die(QStringLiteral("menu item refused: %1").arg(status));
    Watcher watcher(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    watcher.start();
    waitLive({ &watcher });
    latencyRun("lan", writer, watcher, moves, orders);
    server.stop();
    spinUntil([&] { return server.state() == Ui::LocalServer::State::Stopped; }, 20000);
}

void soak(int clients, int rate, int seconds)
{
    std::printf(
        "soak: %d watching engines, %d writes/s for %d s on littlelemon-server\n", clients, rate, seconds);
    ServerProcess server;
    Writer writer(server.url());
    writer.login();
    const qint64 item = writer.firstMenuItem();
    std::vector<std::unique_ptr<Watcher>> watchers;
    QList<Watcher *> all;
    for (int i = 0; i < clients; ++i) {
        watchers.push_back(std::make_unique<Watcher>(server.url()));
        watchers.back()->start();
        all << watchers.back().get();
    }
    waitLive(all);
    spinUntil([] { return false; }, 1000); // settle
    const qint64 rssBefore = Bench::procStatusKb(server.pid());

    // Writes: a new order, or the next stage of the order moved longest ago
    // (at most one move per order every few seconds).
    const QStringList next { QStringLiteral("preparing"), QStringLiteral("ready"),
        QStringLiteral("out_for_delivery"), QStringLiteral("delivered") };
    struct Open
    {
        qint64 id;
        int moves;
        double at;
    };
    QList<Open> open;
    QSet<QPair<qint64, int>> written; // (order, stage) the server took
    QHash<QPair<qint64, int>, double> sentAt; // when its request left
    int sent = 0;
    int answered = 0;
    int refused = 0;
    int inFlight = 0;
    const int total = rate * seconds;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    const double begin = nowMs();
    QObject::connect(&tick, &QTimer::timeout, [&] {
        // Catch up to the schedule (a late tick sends what is due).
        while (sent < total && sent < (nowMs() - begin) * rate / 1000.0) {
            ++sent;
            ++inFlight;
            const bool move = !open.isEmpty() && nowMs() - open.first().at > 2000 && open.size() > 40;
            const double t0 = nowMs();
            if (move) {
                Open o = open.takeFirst();
                const int stage = o.moves;
                writer.callAsync("PATCH", QStringLiteral("/api/orders/%1").arg(o.id),
                    { { QStringLiteral("stage"), next.at(stage) } },
                    [&, o, stage, t0](int status, const QJsonObject &) {
                        --inFlight;
                        ++answered;
                        if (status != 200) {
                            ++refused;
                            return;
                        }
                        written.insert({ o.id, int(stage) + 1 });
                        sentAt.insert({ o.id, int(stage) + 1 }, t0);
                        if (stage + 1 < next.size())
                            open.append({ o.id, stage + 1, nowMs() });
                    });
            } else {
                writer.callAsync("POST", QStringLiteral("/api/orders"), Writer::orderBody(item),
                    [&, t0](int status, const QJsonObject &body) {
                        --inFlight;
                        ++answered;
                        if (status != 201) {
                            ++refused;
                            return;
                        }
                        const qint64 id = body.value(QStringLiteral("order_id")).toInteger();
                        written.insert({ id, int(OrderStage::Received) });
                        sentAt.insert({ id, int(OrderStage::Received) }, t0);
                        open.append({ id, 0, nowMs() });
                    });
            }
        }
    });
    tick.start(5);
    spinUntil([&] { return sent >= total && inFlight == 0; }, (seconds + 60) * 1000);
    tick.stop();
    const double writeSeconds = (nowMs() - begin) / 1000.0;
    qint64 feedEnd = 0;
    const QHash<qint64, QString> truth = writer.feedOrders(&feedEnd);
    // Everyone catches up (the last events trigger their reads).
    spinUntil(
        [&] {
            return std::all_of(
                all.begin(), all.end(), [&](Watcher *w) { return w->changeSeq() >= feedEnd && w->idle(); });
        },
        60000);
    const qint64 rssAfter = Bench::procStatusKb(server.pid());

    std::printf("  writes: %d sent, %d answered, %d refused in %.1f s (%.1f/s)\n", sent, answered, refused,
        writeSeconds, answered / writeSeconds);
    int worstMissed = 0;
    int duplicates = 0;
    int mismatched = 0;
    int behind = 0;
    int minEvents = INT_MAX;
    QList<double> latencies;
    for (Watcher *w : all) {
        int missed = 0;
        for (const auto &key : std::as_const(written)) {
            const double seen = w->seenAt(key.first, OrderStage(key.second));
            if (seen < 0)
                ++missed;
            else
                latencies << seen - sentAt.value(key);
        }
        worstMissed = std::max(worstMissed, missed);
        duplicates += w->duplicates();
        if (w->changeSeq() < feedEnd)
            ++behind;
        const QHash<qint64, QString> mine = w->orders();
        for (auto it = truth.constBegin(); it != truth.constEnd(); ++it)
            if (mine.value(it.key()) != it.value())
                ++mismatched;
        minEvents = std::min(minEvents, w->engine()->eventsReceived());
    }
    const bool ok = worstMissed == 0 && duplicates == 0 && mismatched == 0 && behind == 0;
    std::printf("  every (order, stage) written: %lld; worst watcher missed %d; duplicates shown %d; "
                "rows differing from /api/changes %d; watchers behind %d  (%s)\n",
        qint64(written.size()), worstMissed, duplicates, mismatched, behind,
        ok ? "ok: each saw every change exactly once" : "NOT EXACT");
    std::printf("  fewest events one watcher received: %d\n", minEvents);
    report("soak: write -> each watcher's model", latencies, 0);
    const double growthMb = double(rssAfter - rssBefore) / 1024.0;
    std::printf("  server RSS %lld kB -> %lld kB: growth %.2f MB  (target <= 5 MB: %s)\n", rssBefore,
        rssAfter, growthMb, growthMb <= 5.0 ? "ok" : "OVER TARGET");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Little Lemon Bench"));
    QLoggingCategory::setFilterRules(QStringLiteral("*.info=false\n*.debug=false\n*.warning=false"));
    g_clock.start();
    const QStringList args = app.arguments().mid(1);
    auto value = [&](const QString &name, int fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
    };
    const QString mode = args.value(0, QStringLiteral("all"));
    const int moves = value(QStringLiteral("--moves"), 200);
    const int orders = value(QStringLiteral("--orders"), 200);
    if (mode == u"latency" || mode == u"all")
        latency(moves, orders);
    if (mode == u"lan" || mode == u"all")
        lan(moves, orders);
    if (mode == u"soak" || mode == u"all")
        soak(value(QStringLiteral("--clients"), 20), value(QStringLiteral("--rate"), 50),
            value(QStringLiteral("--seconds"), 60));
    return 0;
}
