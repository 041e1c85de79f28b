// bench_rush: a Friday-night rush (or a quiet evening) on a signed-in desk.
//
// The parent (this program) is the restaurant's other terminals: it signs in
// to a running littlelemon-server as a manager and writes counter orders and
// stage moves at a steady pace, while a child process (bench_rush --desk) is
// the staff terminal under test: the desk's own controller signs in to that
// server through the same code a person uses, opens the main window at
// 1366×768 and nobody acknowledges anything. Every 30 s the parent prints the
// desk's RSS (from /proc), the longest event-loop stall the desk saw (a 10 ms
// timer measuring its own lateness), the window's size against the screen's,
// and the board's columns.
//
//   bench_rush --url http://127.0.0.1:PORT --user NAME --password PW
//              [--mode rush|soak] [--duration SECONDS]
//
// rush: ~5 counter orders/s and ~15 moves/s for 240 s (targets: RSS growth
//       <= 15 MB per 1,000 orders, no stall over 50 ms, the window never
//       larger than the screen, the columns never fewer or narrower).
// soak: one order a minute, a move every 10 s, a price edit every 2 minutes,
//       for 1,800 s (target: RSS flat within 5 MB after the first 2 minutes).
//
// Exit status 0 when the run completed (the targets are printed with a
// verdict, not enforced), 2 when the desk or the server could not be used.

#include "bench/support/procstatus.h"
#include "models/localstore.h"
#include "ui/deskcontroller.h"
#include "ui/mainwindow.h"
#include "ui/ordercolumn.h"
#include "ui/orderboardpage.h"
#include "ui/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QScreen>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace LittleLemon;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// ---- the desk under test (child) ----

qint64 threadCpuUs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

int runDesk(const QUrl &url, const QString &user, const QString &password)
{
    Ui::DeskController::Options options;
    options.standalone = false;
    options.silentSignIn = false;
    Ui::DeskController desk(nullptr, options);

    // The probe: a 10 ms timer that notes how late it fires, and how much of
    // that lateness the desk's thread spent on the CPU (the rest is the
    // machine being busy with something else).
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 lastCpuUs = 0;
    qint64 worstMs = 0;
    qint64 worstCpuMs = 0;
    qint64 busiestMs = 0; // the most CPU time between two ticks
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        const qint64 now = clock.elapsed();
        const qint64 cpuUs = threadCpuUs();
        const qint64 late = now - last - probe.interval();
        const qint64 busy = (cpuUs - lastCpuUs) / 1000;
        if (late > worstMs) {
            worstMs = late;
            worstCpuMs = busy;
        }
        busiestMs = std::max(busiestMs, busy);
        last = now;
        lastCpuUs = cpuUs;
    });

    QTimer report;
    report.setInterval(1000);
    QObject::connect(&report, &QTimer::timeout, &report, [&] {
        Ui::MainWindow *window = desk.mainWindow();
        Ui::Workspace *workspace = desk.workspace();
        if (!window || !workspace)
            return;
        auto *board = window->findChild<Ui::OrderBoardPage *>();
        QStringList widths;
        int columns = 0;
        if (board) {
            for (Ui::OrderColumn *c : board->columns()) {
                widths << QString::number(c->width());
                ++columns;
            }
        }
        const QRect screen = window->screen()->geometry();
        const int orders = workspace->store()->cache()->orderSummaries().size();
        out() << "desk stall " << worstMs << " cpu " << worstCpuMs << " busy " << busiestMs << " window " << window->frameGeometry().width() << 'x'
              << window->frameGeometry().height() << " screen " << screen.width() << 'x' << screen.height()
              << " columns " << columns << ' ' << (widths.isEmpty() ? QStringLiteral("-") : widths.join(u','))
              << " new " << (board ? board->unacknowledgedOrders().size() : 0) << " orders " << orders << Qt::endl;
        worstMs = worstCpuMs = busiestMs = 0;
    });

    QObject::connect(&desk, &Ui::DeskController::sessionOpened, &desk, [&](Ui::MainWindow *window) {
        window->resize(1366, 768);
        window->move(0, 0);
        window->show();
        out() << "desk signed-in " << QCoreApplication::applicationPid() << Qt::endl;
        clock.start();
        last = 0;
        lastCpuUs = threadCpuUs();
        probe.start();
        report.start();
    });
    QObject::connect(&desk, &Ui::DeskController::quitRequested, qApp, [] { QCoreApplication::exit(2); });
    desk.start();
    desk.signIn({ Ui::ServerKind::Lan, url.toString() }, user, password, false);
    QTimer::singleShot(60000, qApp, [&desk] {
        if (!desk.mainWindow()) {
            out() << "desk could not sign in: " << desk.signInDialog()->errorText(Ui::SignInDialog::Field::General)
                  << desk.signInDialog()->errorText(Ui::SignInDialog::Field::Address)
                  << desk.signInDialog()->errorText(Ui::SignInDialog::Field::Password) << Qt::endl;
            QCoreApplication::exit(2);
        }
    });
    return QApplication::exec();
}

// ---- the restaurant's other terminals (parent) ----

class Writer : public QObject
{
public:
    Writer(QUrl url, QString user, QString password)
        : m_url(std::move(url))
        , m_user(std::move(user))
        , m_password(std::move(password))
    {
        m_clock.start();
    }

    int created = 0;
    int moved = 0;
    int edited = 0;
    int refused = 0;

    QJsonValue call(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        QNetworkRequest request(m_url.resolved(QUrl(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token);
        QNetworkReply *reply = m_net.sendCustomRequest(request, method,
                                                       body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        if (status == 401 && path != QLatin1String("/auth/jwt/create/") && login())
            return call(method, path, body);
        if (status < 200 || status >= 300) {
            ++refused;
            return {};
        }
        return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }

    bool login()
    {
        m_token.clear();
        const QJsonObject a = call("POST", QStringLiteral("/auth/jwt/create/"),
                                   { { QStringLiteral("username"), m_user }, { QStringLiteral("password"), m_password } })
                                  .toObject();
        m_token = a.value(QStringLiteral("access")).toString().toLatin1();
        return !m_token.isEmpty();
    }

    bool loadMenu()
    {
        const QJsonObject page = call("GET", QStringLiteral("/api/menu-items?page_size=100")).toObject();
        for (const QJsonValue &v : page.value(QStringLiteral("results")).toArray())
            m_items << v.toObject().value(QStringLiteral("id")).toInteger();
        return !m_items.isEmpty();
    }

    // Fire and forget, so the pace holds whatever the server's latency.
    void send(const QByteArray &method, const QString &path, const QJsonObject &body,
              std::function<void(const QJsonObject &)> done = {})
    {
        QNetworkRequest request(m_url.resolved(QUrl(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + m_token);
        QNetworkReply *reply = m_net.sendCustomRequest(request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, this, [this, reply, done] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 401) {
                login();
                return;
            }
            if (status < 200 || status >= 300) {
                ++refused;
                return;
            }
            if (done)
                done(QJsonDocument::fromJson(reply->readAll()).object());
        });
    }

    void createOrder()
    {
        auto *rng = QRandomGenerator::global();
        QJsonArray lines;
        for (int l = 0, n = 1 + int(rng->bounded(3)); l < n; ++l)
            lines.append(QJsonObject { { QStringLiteral("menuitem"), m_items.at(rng->bounded(int(m_items.size()))) },
                                       { QStringLiteral("quantity"), 1 + int(rng->bounded(3)) } });
        send("POST", QStringLiteral("/api/orders"),
             { { QStringLiteral("items"), lines }, { QStringLiteral("note"), QStringLiteral("rush %1").arg(created) } },
             [this](const QJsonObject &o) {
                 const qint64 id = o.value(QStringLiteral("order_id")).toInteger();
                 if (id > 0) {
                     ++created;
                     m_open.insert(id, { 0, m_clock.elapsed() });
                 }
             });
    }

    // One stage forward for a random open order of ours. Nobody starts on a
    // new order in its first minute, so the desk always has a few hundred it
    // has not acknowledged (the rush of the issue).
    void moveOne()
    {
        static const QStringList stages { QStringLiteral("received"), QStringLiteral("preparing"),
                                          QStringLiteral("ready"), QStringLiteral("out_for_delivery"),
                                          QStringLiteral("delivered") };
        const qint64 now = m_clock.elapsed();
        QList<qint64> candidates;
        for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
            if (it->stage > 0 || now - it->createdMs >= kUntouchedMs)
                candidates << it.key();
        }
        if (candidates.isEmpty())
            return;
        const qint64 id = candidates.at(QRandomGenerator::global()->bounded(int(candidates.size())));
        auto it = m_open.find(id);
        const int next = it->stage + 1;
        if (next + 1 >= stages.size())
            m_open.erase(it);
        else
            it->stage = next;
        send("PATCH", QStringLiteral("/api/orders/%1").arg(id), { { QStringLiteral("stage"), stages.at(next) } },
             [this](const QJsonObject &) { ++moved; });
    }

    void editPrice()
    {
        const qint64 item = m_items.at(QRandomGenerator::global()->bounded(int(m_items.size())));
        const QString price = QStringLiteral("%1.%2").arg(5 + QRandomGenerator::global()->bounded(20)).arg(
            QRandomGenerator::global()->bounded(10) * 10, 2, 10, QLatin1Char('0'));
        send("PATCH", QStringLiteral("/api/menu-items/%1").arg(item), { { QStringLiteral("price"), price } },
             [this](const QJsonObject &) { ++edited; });
    }

    int openCount() const { return int(m_open.size()); }

private:
    QUrl m_url;
    QString m_user;
    QString m_password;
    QByteArray m_token;
    QNetworkAccessManager m_net;
    QList<qint64> m_items;
    struct Open
    {
        int stage; // index in the stages of moveOne()
        qint64 createdMs;
    };
    static constexpr qint64 kUntouchedMs = 60000;
    QElapsedTimer m_clock;
    QHash<qint64, Open> m_open;
};

struct DeskLine
{
    qint64 stall = 0;
    qint64 stallCpu = 0; // of which the desk's thread was on the CPU
    qint64 busy = 0;     // the most CPU time the desk's thread spent between two ticks
    QSize window;
    QSize screen;
    int columns = 0;
    QString widths;
    int fresh = 0;
    int orders = 0;
};

DeskLine parse(const QByteArray &line)
{
    // "desk stall N cpu N busy N window WxH screen WxH columns N w,w,w new N orders N"
    QList<QByteArray> f = line.simplified().split(' ');
    const qint64 cpu = f.value(4).toLongLong();
    const qint64 busy = f.value(6).toLongLong();
    f.remove(3, 4);
    auto size = [](const QByteArray &s) {
        const QList<QByteArray> p = s.split('x');
        return QSize(p.value(0).toInt(), p.value(1).toInt());
    };
    DeskLine d;
    d.stall = f.value(2).toLongLong();
    d.stallCpu = cpu;
    d.busy = busy;
    d.window = size(f.value(4));
    d.screen = size(f.value(6));
    d.columns = f.value(8).toInt();
    d.widths = QString::fromLatin1(f.value(9));
    d.fresh = f.value(11).toInt();
    d.orders = f.value(13).toInt();
    return d;
}

int runBench(const QUrl &url, const QString &user, const QString &password, bool soak, int duration)
{
    Writer writer(url, user, password);
    if (!writer.login() || !writer.loadMenu()) {
        out() << "cannot use the server at " << url.toString() << " as " << user << Qt::endl;
        return 2;
    }

    QTemporaryDir home;
    QProcess desk;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.path() + QStringLiteral("/cache"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("disabled:"));
    // The desk's request log would drown the figures; warnings still show.
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("littlelemon.*.info=false"));
    if (!env.contains(QStringLiteral("DISPLAY")) && !env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    desk.setProcessEnvironment(env);
    desk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // BENCH_RUSH_WRAP="heaptrack -o FILE" (or valgrind …) runs the desk under a tool.
    QStringList command = QProcessEnvironment::systemEnvironment()
                              .value(QStringLiteral("BENCH_RUSH_WRAP"))
                              .split(u' ', Qt::SkipEmptyParts);
    command << QCoreApplication::applicationFilePath() << QStringLiteral("--desk") << QStringLiteral("--url")
            << url.toString() << QStringLiteral("--user") << user << QStringLiteral("--password") << password;
    desk.start(command.takeFirst(), command);
    if (!desk.waitForStarted()) {
        out() << "the desk did not start" << Qt::endl;
        return 2;
    }
    qint64 pid = desk.processId(); // the desk's own, once it says (a wrapper may sit between)

    DeskLine latest;
    qint64 worstStall = 0, periodStall = 0, worstStallCpu = 0, periodStallCpu = 0, longestBusy = 0;
    QSize largestWindow;
    bool signedIn = false;
    bool shapeKept = true;
    DeskLine first;
    QObject::connect(&desk, &QProcess::readyReadStandardOutput, &desk, [&] {
        while (desk.canReadLine()) {
            const QByteArray line = desk.readLine();
            if (line.startsWith("desk signed-in")) {
                signedIn = true;
                pid = line.simplified().split(' ').value(2).toLongLong();
                continue;
            }
            if (!line.startsWith("desk stall")) {
                out() << line;
                continue;
            }
            latest = parse(line);
            if (first.columns == 0)
                first = latest;
            else if (latest.columns != first.columns || latest.widths != first.widths)
                shapeKept = false;
            if (latest.stall > periodStall) {
                periodStall = latest.stall;
                periodStallCpu = latest.stallCpu;
            }
            if (latest.stall > worstStall) {
                worstStall = latest.stall;
                worstStallCpu = latest.stallCpu;
            }
            longestBusy = std::max(longestBusy, latest.busy);
            largestWindow = largestWindow.expandedTo(latest.window);
        }
    });
    QEventLoop waitDesk;
    QObject::connect(&desk, &QProcess::finished, &waitDesk, [&] { waitDesk.exit(1); });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &waitDesk, [&] {
        if (signedIn && latest.columns > 0)
            waitDesk.exit(0);
    });
    poll.start(100);
    if (waitDesk.exec() != 0) {
        out() << "the desk stopped before its board was up" << Qt::endl;
        return 2;
    }
    // The first sync and the first paint are done: what the rush adds starts here.
    QEventLoop settle;
    QTimer::singleShot(5000, &settle, &QEventLoop::quit);
    settle.exec();
    worstStall = periodStall = worstStallCpu = periodStallCpu = longestBusy = 0;
    const qint64 rss0 = Bench::procStatusKb(pid);
    const qint64 cpu0 = Bench::procCpuTicks(QStringLiteral("/proc/%1/stat").arg(pid));
    out() << "mode " << (soak ? "soak" : "rush") << ", " << duration << " s; desk pid " << pid << ", RSS at start "
          << QString::number(rss0 / 1024.0, 'f', 1) << " MB, window " << latest.window.width() << 'x'
          << latest.window.height() << " on a " << latest.screen.width() << 'x' << latest.screen.height()
          << " screen, " << latest.columns << " columns " << latest.widths << Qt::endl;

    QTimer orders, moves, edits;
    orders.setInterval(soak ? 60000 : 200);
    moves.setInterval(soak ? 10000 : 67);
    edits.setInterval(soak ? 120000 : 0);
    QObject::connect(&orders, &QTimer::timeout, &writer, [&] { writer.createOrder(); });
    QObject::connect(&moves, &QTimer::timeout, &writer, [&] { writer.moveOne(); });
    QObject::connect(&edits, &QTimer::timeout, &writer, [&] { writer.editPrice(); });
    if (soak)
        writer.createOrder();
    orders.start();
    moves.start();
    if (soak)
        edits.start();

    QElapsedTimer elapsed;
    elapsed.start();
    qint64 soakLow = -1, soakHigh = -1;
    QTimer every30;
    every30.setInterval(30000);
    QEventLoop run;
    auto line = [&] {
        const qint64 rss = Bench::procStatusKb(pid);
        const int t = int((elapsed.elapsed() + 500) / 1000);
        if (soak && t >= 120) {
            soakLow = soakLow < 0 ? rss : std::min(soakLow, rss);
            soakHigh = std::max(soakHigh, rss);
        }
        out() << QStringLiteral("t=%1s  orders %2  moves %3  edits %4  desk RSS %5 MB (%6%7)  longest stall %8 ms  "
                                "(cpu %15 ms)  window %9x%10  columns %11 [%12]  new %13  cached %14")
                     .arg(t, 4)
                     .arg(writer.created, 5)
                     .arg(writer.moved, 5)
                     .arg(writer.edited)
                     .arg(rss / 1024.0, 0, 'f', 1)
                     .arg(rss >= rss0 ? QStringLiteral("+") : QString())
                     .arg((rss - rss0) / 1024.0, 0, 'f', 1)
                     .arg(periodStall)
                     .arg(latest.window.width())
                     .arg(latest.window.height())
                     .arg(latest.columns)
                     .arg(latest.widths)
                     .arg(latest.fresh)
                     .arg(latest.orders)
                     .arg(periodStallCpu)
              << Qt::endl;
        periodStall = periodStallCpu = 0;
    };
    QObject::connect(&every30, &QTimer::timeout, &run, [&] {
        line();
        if (elapsed.elapsed() >= qint64(duration) * 1000 - 1000)
            run.quit();
    });
    QObject::connect(&desk, &QProcess::finished, &run, [&] { run.exit(1); });
    every30.start();
    if (run.exec() != 0) {
        out() << "the desk stopped during the run" << Qt::endl;
        return 2;
    }
    orders.stop();
    moves.stop();
    edits.stop();
    const qint64 rss1 = Bench::procStatusKb(pid);
    const qint64 cpu1 = Bench::procCpuTicks(QStringLiteral("/proc/%1/stat").arg(pid));
    desk.terminate();
    desk.waitForFinished(5000);

    const double growthMb = (rss1 - rss0) / 1024.0;
    const bool fits = largestWindow.width() <= latest.screen.width() && largestWindow.height() <= latest.screen.height();
    out() << "---" << Qt::endl;
    out() << "writes         " << writer.created << " orders, " << writer.moved << " moves, " << writer.edited
          << " price edits (" << writer.refused << " refused)" << Qt::endl;
    out() << "desk CPU       " << (cpu1 - cpu0) << " ticks in " << elapsed.elapsed() / 1000 << " s" << Qt::endl;
    if (soak) {
        const double spread = (soakHigh - soakLow) / 1024.0;
        out() << QStringLiteral("desk RSS       %1 → %2 MB; after the first 2 minutes between %3 and %4 MB: spread "
                                "%5 MB (target ≤ 5 MB) %6")
                     .arg(rss0 / 1024.0, 0, 'f', 1)
                     .arg(rss1 / 1024.0, 0, 'f', 1)
                     .arg(soakLow / 1024.0, 0, 'f', 1)
                     .arg(soakHigh / 1024.0, 0, 'f', 1)
                     .arg(spread, 0, 'f', 1)
                     .arg(spread <= 5 ? QStringLiteral("ok") : QStringLiteral("MISSED"))
              << Qt::endl;
    } else {
        const double perThousand = writer.created > 0 ? growthMb * 1000.0 / writer.created : 0;
        out() << QStringLiteral("desk RSS       %1 → %2 MB: %3 MB for %4 orders, %5 MB per 1,000 (target ≤ 15) %6")
                     .arg(rss0 / 1024.0, 0, 'f', 1)
                     .arg(rss1 / 1024.0, 0, 'f', 1)
                     .arg(growthMb, 0, 'f', 1)
                     .arg(writer.created)
                     .arg(perThousand, 0, 'f', 1)
                     .arg(perThousand <= 15 ? QStringLiteral("ok") : QStringLiteral("MISSED"))
              << Qt::endl;
    }
    out() << "longest stall  " << worstStall << " ms, of which " << worstStallCpu
          << " ms on the desk's CPU time (target ≤ 50) " << (worstStall <= 50 ? "ok" : "MISSED") << Qt::endl;
    out() << "longest busy   " << longestBusy << " ms of the desk's own CPU time between two ticks "
          << "(what a stall would be on an idle machine)" << Qt::endl;
    out() << "window         largest " << largestWindow.width() << 'x' << largestWindow.height() << " on a "
          << latest.screen.width() << 'x' << latest.screen.height() << " screen " << (fits ? "ok" : "MISSED") << Qt::endl;
    out() << "columns        " << first.columns << " [" << first.widths << "] → " << latest.columns << " ["
          << latest.widths << "] " << (shapeKept ? "ok" : "CHANGED") << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("littlelemon-desk"));
    QApplication::setOrganizationName(QStringLiteral("Little Lemon"));
    QCommandLineParser parser;
    const QCommandLineOption deskMode(QStringLiteral("desk"), QStringLiteral("Be the desk under test."));
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("The server."), QStringLiteral("URL"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("A manager."), QStringLiteral("NAME"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("Their password."), QStringLiteral("PW"));
    const QCommandLineOption mode(QStringLiteral("mode"), QStringLiteral("rush or soak."), QStringLiteral("MODE"),
                                  QStringLiteral("rush"));
    const QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("Seconds."), QStringLiteral("S"));
    parser.addOptions({ deskMode, url, user, password, mode, duration });
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(url) || !parser.isSet(user) || !parser.isSet(password)) {
        out() << "usage: bench_rush --url URL --user NAME --password PW [--mode rush|soak] [--duration S]" << Qt::endl;
        return 2;
    }
    if (parser.isSet(deskMode))
        return runDesk(QUrl(parser.value(url)), parser.value(user), parser.value(password));
    const bool soak = parser.value(mode) == u"soak";
    const int seconds = parser.isSet(duration) ? parser.value(duration).toInt() : (soak ? 1800 : 240);
    return runBench(QUrl(parser.value(url)), parser.value(user), parser.value(password), soak, seconds);
}
