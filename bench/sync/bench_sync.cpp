// bench_sync: the sync engine against a real littlelemon-server on loopback,
// at restaurant scale. Prints each figure against its target, and the peak RSS.
//
//   bench_sync [--items N] [--orders N] [--bookings N] [--edits N] [--server PATH]
//
// 1. initial sync of 500 menu items + 10,000 orders + 1,000 bookings into an
//    empty cache (target ≤ 3 s);
// 2. a sync when nothing changed (target ≤ 50 ms; one /api/changes request
//    where the server has the feed, full reads otherwise);
// 3. 1,000 edits queued offline, then pushed (target ≤ 10 s).
// The server is seeded with its own `dev seed-bench` command; bookings are
// posted over HTTP when the server offers them.

#include "bench/support/serverprocess.h"
#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/requestjob.h"
#include "api/client/syncengine.h"
#include "models/localstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace LittleLemon;
using namespace LittleLemon::Client;

namespace {

const QString kUser = QStringLiteral("bench-manager");
const QString kPassword = QStringLiteral("Bench#Lemon2026");

long peakRssKb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void figure(const char *what, double ms, double targetMs, const QString &note)
{
    const char *verdict = targetMs <= 0 ? "" : ms <= targetMs ? "ok" : "OVER TARGET";
    if (targetMs > 0)
        std::printf("  %-44s %9.1f ms  (target %6.0f ms: %s)  %s\n", what, ms, targetMs, verdict, qPrintable(note));
    else
        std::printf("  %-44s %9.1f ms  %s\n", what, ms, qPrintable(note));
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_sync: %s\n", qPrintable(message));
    std::exit(1);
}

// Runs the server binary with `args`, `input` on stdin; dies unless it exits 0.
void runServerCommand(const QString &binary, const QStringList &args, const QByteArray &input = QByteArray())
{
    QProcess p;
    p.start(binary, args);
    if (!p.waitForStarted(10000))
        die(QStringLiteral("cannot start %1").arg(binary));
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        die(QStringLiteral("%1 %2 failed: %3").arg(binary, args.join(u' '), QString::fromUtf8(p.readAllStandardError())));
}

// Waits (benchmark code: a local loop is fine here) until `job` finishes.
template<typename J>
void wait(J *job)
{
    if (job->isFinished())
        return;
    QEventLoop loop;
    QObject::connect(job, &ApiJob::finished, &loop, &QEventLoop::quit);
    loop.exec();
}

SyncReport syncOnce(SyncEngine &engine)
{
    SyncReport report;
    QEventLoop loop;
    auto c = QObject::connect(&engine, &SyncEngine::syncFinished, &loop, [&](const SyncReport &r) {
        report = r;
        loop.quit();
    });
    engine.syncNow();
    loop.exec();
    QObject::disconnect(c);
    return report;
}

QString describe(const SyncReport &r)
{
    return QStringLiteral("%1 requests, %2 records/changes read, %3 sent%4%5")
        .arg(r.requests)
        .arg(r.pulled)
        .arg(r.sent)
        .arg(r.fullRead ? QStringLiteral(", full reads") : QStringLiteral(", /api/changes"))
        .arg(r.ok ? QString() : QStringLiteral(", FAILED: ") + r.error.userMessage());
}

// Posts `count` bookings, 20 at a time.
void seedBookings(ApiClient &client, int count)
{
    int next = 0;
    int done = 0;
    int failed = 0;
    QEventLoop loop;
    std::function<void()> post = [&]() {
        if (next >= count)
            return;
        const int i = next++;
        const QDate day = QDate::currentDate().addDays(i % 30);
        const QJsonObject body { { QStringLiteral("name"), QStringLiteral("Guest %1").arg(i) },
                                 { QStringLiteral("phone"), QStringLiteral("555-%1").arg(i, 4, 10, QLatin1Char('0')) },
                                 { QStringLiteral("date"), day.toString(Qt::ISODate) },
                                 { QStringLiteral("time"), QTime(11, 0).addSecs(60 * 15 * (i % 40)).toString(QStringLiteral("HH:mm")) },
                                 { QStringLiteral("guests"), 1 + i % 6 },
                                 { QStringLiteral("table"), QJsonValue() },
                                 { QStringLiteral("notes"), QString() } };
        RequestJob *job = client.send(Request::write("POST", QStringLiteral("/api/bookings"), body));
        QObject::connect(job, &ApiJob::finished, &loop, [&](const ApiError &error) {
            ++done;
            if (error.isError() && ++failed == 1)
                std::fprintf(stderr, "bench_sync: a booking was refused: %s\n", qPrintable(error.userMessage()));
            if (done == count)
                loop.quit();
            else
                post();
        });
    };
    for (int k = 0; k < 20 && k < count; ++k)
        post();
    if (count > 0)
        loop.exec();
    if (failed > 0)
        std::printf("  (%d of %d bookings were refused)\n", failed, count);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_sync"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({ { QStringLiteral("items"), QStringLiteral("Menu items."), QStringLiteral("N"), QStringLiteral("500") },
                        { QStringLiteral("orders"), QStringLiteral("Orders."), QStringLiteral("N"), QStringLiteral("10000") },
                        { QStringLiteral("bookings"), QStringLiteral("Bookings (where the server has them)."), QStringLiteral("N"),
                          QStringLiteral("1000") },
                        { QStringLiteral("edits"), QStringLiteral("Edits queued offline, then pushed."), QStringLiteral("N"),
                          QStringLiteral("1000") },
                        { QStringLiteral("server"), QStringLiteral("The littlelemon-server binary."), QStringLiteral("PATH"),
                          QStringLiteral(LL_SERVER_BINARY) },
                        { QStringLiteral("verbose"), QStringLiteral("Show the engine's log.") } });
    parser.process(app);
    if (!parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("littlelemon.*.info=false\nlittlelemon.*.debug=false"));
    const int items = parser.value(QStringLiteral("items")).toInt();
    const int orders = parser.value(QStringLiteral("orders")).toInt();
    const int bookings = parser.value(QStringLiteral("bookings")).toInt();
    const int edits = parser.value(QStringLiteral("edits")).toInt();
    const QString binary = parser.value(QStringLiteral("server"));

    QTemporaryDir tmp;
    if (!tmp.isValid())
        die(QStringLiteral("no temporary directory"));
    const QString dataDir = tmp.filePath(QStringLiteral("server"));
    const QStringList common { QStringLiteral("--data-dir"), dataDir, QStringLiteral("--hash-iterations"), QStringLiteral("1000") };

    QElapsedTimer clock;
    clock.start();
    runServerCommand(binary, QStringList { QStringLiteral("dev"), QStringLiteral("seed-bench"), QStringLiteral("--menu-items"),
                                           QString::number(items), QStringLiteral("--orders"), QString::number(orders) }
                         + common);
    runServerCommand(binary, QStringList { QStringLiteral("user"), QStringLiteral("add"), kUser, QStringLiteral("--role"),
                                           QStringLiteral("manager"), QStringLiteral("--password-stdin") }
                         + common,
                     kPassword.toUtf8() + '\n');

    // The server's own page size is raised too, for a server without page_size
    // (a client cannot raise the cloud's 3; ours can be configured).
    QProcess server;
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.setStandardErrorFile(QProcess::nullDevice());
    server.start(binary, QStringList { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--page-size"),
                                       QStringLiteral("500"), QStringLiteral("--throttle-anon"), QStringLiteral("1000000000"),
                                       QStringLiteral("--throttle-user"), QStringLiteral("1000000000") }
                         + common);
    if (!server.waitForStarted(10000))
        die(QStringLiteral("the server did not start"));
    const QString url = LittleLemon::Bench::listeningUrl(server);
    if (url.isEmpty())
        die(QStringLiteral("the server did not say where it listens"));
    const double seedMs = double(clock.elapsed());

    ApiClient client(ServerEndpoint::fromUserInput(url));
    client.setRateLimit(1000000000);
    client.setTimeout(60000);
    auto *login = client.session()->login(kUser, kPassword);
    login->setAutoDelete(false);
    wait(login);
    if (!login->result())
        die(QStringLiteral("sign-in failed: %1").arg(login->result().error().userMessage()));
    delete login;
    const QStringList features = client.serverMeta().features;
    int bookingsSeeded = 0;
    if (features.contains(QStringLiteral("bookings"))) {
        seedBookings(client, bookings);
        bookingsSeeded = bookings;
    }

    std::printf("bench_sync: %d menu items, %d orders, %d bookings on %s (%s); seeded in %.1f s\n", items, orders,
                bookingsSeeded, qPrintable(url),
                features.isEmpty() ? "no extensions" : qPrintable(QStringLiteral("extensions: ") + features.join(u' ')),
                seedMs / 1000.0);
    if (!features.contains(QStringLiteral("bookings")))
        std::printf("  (bookings skipped: this server does not offer the 'bookings' extension yet)\n");

    LocalStore store;
    if (!store.open({ tmp.filePath(QStringLiteral("cache.sqlite")), tmp.filePath(QStringLiteral("outbox.sqlite")) }))
        die(QStringLiteral("cannot open the cache: %1").arg(store.errorString()));
    SyncEngine engine(&client, &store);

    // 1. Into an empty cache.
    SyncReport report = syncOnce(engine);
    if (!report.ok)
        die(QStringLiteral("initial sync failed: %1").arg(report.error.userMessage()));
    figure("initial sync into an empty cache", double(report.elapsedMs), 3000,
           describe(report) + QStringLiteral("; cache: %1 items, %2 orders, %3 bookings")
                                  .arg(store.cache()->rowCount(Entity::MenuItem))
                                  .arg(store.cache()->rowCount(Entity::Order))
                                  .arg(store.cache()->rowCount(Entity::Booking)));
    std::printf("  peak RSS after the initial sync %.1f MB\n", double(peakRssKb()) / 1024.0);

    // 2. Nothing changed: the median of five.
    QList<qint64> times;
    for (int i = 0; i < 5; ++i) {
        report = syncOnce(engine);
        if (!report.ok)
            die(QStringLiteral("no-change sync failed: %1").arg(report.error.userMessage()));
        times << report.elapsedMs;
    }
    std::sort(times.begin(), times.end());
    figure("no-change sync (median of 5)", double(times.at(2)), 50,
           describe(report) + QStringLiteral("; fastest %1 ms").arg(times.first()));

    // 3. Edits made offline, then pushed in one run.
    const auto menu = store.cache()->menuItems();
    if (menu.isEmpty())
        die(QStringLiteral("no menu items in the cache"));
    QElapsedTimer queueClock;
    queueClock.start();
    for (int i = 0; i < edits; ++i) {
        const MenuItem &m = menu.at(i % menu.size()).record;
        const LocalEdit edit = store.outbox()->setMenuItemPrice(m.id, Money(100 + (i * 7) % 5000));
        if (!edit)
            die(QStringLiteral("edit %1 failed: %2").arg(i).arg(edit.error));
    }
    figure("queueing the edits offline", double(queueClock.elapsed()), 0,
           QStringLiteral("%1 edits in the outbox").arg(store.outbox()->pendingCount()));
    report = syncOnce(engine);
    if (!report.ok || store.outbox()->count() != 0)
        die(QStringLiteral("push failed: %1 (%2 left)").arg(report.error.userMessage()).arg(store.outbox()->count()));
    figure(qPrintable(QStringLiteral("%1 queued edits pushed (and pulled)").arg(edits)), double(report.elapsedMs), 10000,
           describe(report));

    std::printf("  peak RSS %.1f MB\n", double(peakRssKb()) / 1024.0);
    server.terminate();
    server.waitForFinished(10000);
    return 0;
}
