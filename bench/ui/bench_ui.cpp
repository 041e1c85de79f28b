// bench_ui: the staff terminal with 10,000 orders and 500 menu items in its
// cache. Prints
//   - the time from process start to the orders board painted (target 1.5 s),
//     measured by this program around a child process it starts, so loading
//     the libraries, Qt, the cache and all four pages is counted;
//   - the time one search keystroke takes on the board, typed key by key
//     (target 30 ms), with the board's default filter and with "All dates";
//   - the child's peak RSS (target 200 MB).
//
//   bench_ui [--orders N] [--menu-items N] [--runs N] [--keep DIR]
//
// The child (bench_ui --child DIR) opens the cache as the desk does after
// signing in: a Workspace over the LocalStore, the main window with every
// page, shown; it reports "painted" after the board's first paint.

#include "models/localstore.h"
#include "models/user.h"
#include "ui/boardcolumnmodel.h"
#include "ui/bookingspage.h"
#include "ui/mainwindow.h"
#include "ui/menupage.h"
#include "ui/ordercolumn.h"
#include "ui/ordercolumnview.h"
#include "ui/orderboardpage.h"
#include "ui/staffpage.h"
#include "ui/theme.h"
#include "ui/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QLineEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace LittleLemon;

namespace {

const QStringList kDishes { QStringLiteral("Lasagna"),  QStringLiteral("Greek salad"),   QStringLiteral("Bruschetta"),
                            QStringLiteral("Lemon dessert"), QStringLiteral("Grilled fish"), QStringLiteral("Soda"),
                            QStringLiteral("Pasta primavera"), QStringLiteral("Moussaka"), QStringLiteral("Baklava"),
                            QStringLiteral("Espresso") };

QString dish(int item)
{
    return QStringLiteral("%1 %2").arg(kDishes.at(item % kDishes.size())).arg(item);
}

Money price(int item)
{
    return Money(300 + (item * 37) % 2500);
}

QList<QJsonObject> makeMenu(int count)
{
    QList<QJsonObject> out;
    for (int i = 1; i <= count; ++i) {
        out << QJsonObject { { QStringLiteral("id"), i },
                             { QStringLiteral("title"), dish(i) },
                             { QStringLiteral("price"), price(i).toString() },
                             { QStringLiteral("featured"), i % 7 == 0 },
                             { QStringLiteral("category"), 1 + i % 5 },
                             { QStringLiteral("available"), i % 13 != 0 } };
    }
    return out;
}

// Two months of a busy restaurant: everything before today delivered (a few
// cancelled); today's last orders still on their way through the kitchen.
QList<QJsonObject> makeOrders(int count, int menuCount)
{
    static const char *const open[] = { "received", "preparing", "ready", "out_for_delivery" };
    QList<QJsonObject> out;
    out.reserve(count);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 span = 60LL * 24 * 3600;
    for (int i = 1; i <= count; ++i) {
        QJsonArray items;
        Money total;
        const int lines = 1 + i % 4;
        for (int line = 0; line < lines; ++line) {
            const int item = 1 + (i * 7 + line * 13) % menuCount;
            const int quantity = 1 + (i + line) % 3;
            total += price(item) * quantity;
            items.append(QJsonObject { { QStringLiteral("menuitem"), item },
                                       { QStringLiteral("menuitem_title"), dish(item) },
                                       { QStringLiteral("quantity"), quantity },
                                       { QStringLiteral("unit_price"), price(item).toString() },
                                       { QStringLiteral("price"), (price(item) * quantity).toString() } });
        }
        const QDateTime placed = now.addSecs(-span + span * i / count);
        const int fromEnd = count - i;
        QString stage = i % 97 == 0 ? QStringLiteral("cancelled") : QStringLiteral("delivered");
        if (fromEnd < 40)
            stage = QString::fromLatin1(open[fromEnd % 4]);
        out << QJsonObject { { QStringLiteral("id"), i },
                             { QStringLiteral("user"), 100 + i % 400 },
                             { QStringLiteral("delivery_crew"), i % 3 ? QJsonValue(3 + i % 4) : QJsonValue() },
                             { QStringLiteral("status"), stage == QLatin1String("delivered") },
                             { QStringLiteral("total"), total.toString() },
                             { QStringLiteral("date"), placed.toLocalTime().date().toString(Qt::ISODate) },
                             { QStringLiteral("items"), items },
                             { QStringLiteral("stage"), stage },
                             { QStringLiteral("note"), i % 9 == 0 ? QStringLiteral("ring twice") : QString() },
                             { QStringLiteral("history"),
                               QJsonArray { QJsonObject { { QStringLiteral("stage"), QStringLiteral("received") },
                                                          { QStringLiteral("by"), 100 + i % 400 },
                                                          { QStringLiteral("at"), placed.toString(Qt::ISODate) } } } } };
    }
    return out;
}

LocalStore::Paths pathsIn(const QString &dir)
{
    return { dir + QStringLiteral("/cache.sqlite"), dir + QStringLiteral("/outbox.sqlite") };
}

bool seed(const QString &dir, int orders, int menuItems)
{
    LocalStore store;
    if (!store.open(pathsIn(dir)))
        return false;
    QList<QJsonObject> categories;
    for (int i = 1; i <= 5; ++i)
        categories << QJsonObject { { QStringLiteral("id"), i },
                                    { QStringLiteral("slug"), QStringLiteral("category-%1").arg(i) },
                                    { QStringLiteral("title"), QStringLiteral("Category %1").arg(i) } };
    QList<QJsonObject> crew;
    for (int i = 3; i <= 6; ++i)
        crew << QJsonObject { { QStringLiteral("id"), i },
                              { QStringLiteral("username"), QStringLiteral("rider%1").arg(i) },
                              { QStringLiteral("email"), QString() } };
    const QList<LocalCache::Snapshot> snapshots {
        { Entity::Category, QString(), categories },
        { Entity::MenuItem, QString(), makeMenu(menuItems) },
        { Entity::Order, QString(), makeOrders(orders, menuItems) },
        { Entity::GroupMember, kDeliveryCrewGroup, crew },
    };
    return store.cache()->replaceAll(snapshots, 1) && store.cache()->setLastSyncTime(QDateTime::currentDateTimeUtc())
        && store.cache()->setServerFeatures({ QStringLiteral("me"), QStringLiteral("stages"), QStringLiteral("availability"),
                                     QStringLiteral("bookings"), QStringLiteral("tables"),
                                     QStringLiteral("counter_orders"), QStringLiteral("changes") })
        && store.cache()->setCurrentUserId(2);
}

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

struct Keystrokes
{
    double median = 0;
    double worst = 0;
};

// Types `text` into the board's search one key at a time; each keystroke is
// timed from the key event to the board repainted.
Keystrokes type(QWidget *window, QLineEdit *search, const QString &text)
{
    QList<double> times;
    search->setFocus();
    for (const QChar c : text) {
        QElapsedTimer t;
        t.start();
        QTest::keyClick(search, c.toLatin1());
        window->repaint();
        times << t.nsecsElapsed() / 1e6;
    }
    for (int i = 0; i < text.size(); ++i) {
        QElapsedTimer t;
        t.start();
        QTest::keyClick(search, Qt::Key_Backspace);
        window->repaint();
        times << t.nsecsElapsed() / 1e6;
    }
    std::sort(times.begin(), times.end());
    return { times.at(times.size() / 2), times.last() };
}

int child(const QString &dir)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    int argc = 1;
    char name[] = "bench_ui";
    char *argv[] = { name, nullptr };
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("bench_ui"));
    Ui::applyTheme(app);

    LocalStore store;
    if (!store.open(pathsIn(dir))) {
        std::fprintf(stderr, "cannot open the cache: %s\n", qPrintable(store.errorString()));
        return 1;
    }
    User mario;
    mario.id = 2;
    mario.username = QStringLiteral("mario");
    mario.groups = { kManagerGroup };
    Ui::Workspace workspace(&store, mario, Ui::ServerKind::Lan);
    workspace.setServerName(QStringLiteral("bench"));
    workspace.setServerKey(QStringLiteral("http://bench:8000"));
    Ui::MainWindow window(&workspace);
    auto *board = new Ui::OrderBoardPage(&workspace);
    window.addPage(board);
    window.addPage(new Ui::MenuPage(&workspace));
    window.addPage(new Ui::BookingsPage(&workspace));
    window.addPage(new Ui::StaffPage(&workspace));
    window.resize(1366, 800);

    // "Painted": the board's first column has been drawn once.
    QWidget *viewport = board->columns().first()->view()->viewport();
    struct PaintWatch : QObject
    {
        bool painted = false;
        bool eventFilter(QObject *, QEvent *e) override
        {
            if (e->type() == QEvent::Paint && !painted) {
                painted = true;
                QTimer::singleShot(0, [] {
                    std::printf("painted\n");
                    std::fflush(stdout);
                });
            }
            return false;
        }
    } watch;
    viewport->installEventFilter(&watch);
    window.show();
    board->activate();
    if (!QTest::qWaitFor([&] { return watch.painted; }, 30000))
        return 2;
    QCoreApplication::processEvents();

    int shown = 0;
    for (Ui::OrderColumn *c : board->columns())
        shown += c->model()->rowCount();
    const Keystrokes byDefault = type(&window, board->searchField(), QStringLiteral("lasagna 1"));
    board->setDateFilter(Ui::OrderBoardPage::DateFilter::AllDates);
    int all = 0;
    for (Ui::OrderColumn *c : board->columns())
        all += c->model()->rowCount();
    const Keystrokes allDates = type(&window, board->searchField(), QStringLiteral("lasagna 1"));
    std::printf("cards %d %d\n", shown, all);
    std::printf("keystroke %.2f %.2f %.2f %.2f\n", byDefault.median, byDefault.worst, allDates.median, allDates.worst);
    std::printf("rss %lld\n", peakRssKb());
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // The figures, not the store's diary.
    QLoggingCategory::setFilterRules(QStringLiteral("littlelemon.*.info=false"));
    if (argc == 3 && qstrcmp(argv[1], "--child") == 0)
        return child(QString::fromLocal8Bit(argv[2]));

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The staff terminal at restaurant scale."));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("orders"), QStringLiteral("Orders in the cache (10000)."), QStringLiteral("N"), QStringLiteral("10000") },
        { QStringLiteral("menu-items"), QStringLiteral("Menu items (500)."), QStringLiteral("N"), QStringLiteral("500") },
        { QStringLiteral("runs"), QStringLiteral("Starts to time; the median counts (5)."), QStringLiteral("N"), QStringLiteral("5") },
        { QStringLiteral("keep"), QStringLiteral("Build the cache in DIR and keep it."), QStringLiteral("DIR") },
    });
    parser.process(app);
    const int orders = parser.value(QStringLiteral("orders")).toInt();
    const int menuItems = parser.value(QStringLiteral("menu-items")).toInt();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    QTemporaryDir tmp;
    const QString dir = parser.isSet(QStringLiteral("keep")) ? parser.value(QStringLiteral("keep")) : tmp.path();
    QDir().mkpath(dir);
    QElapsedTimer seedClock;
    seedClock.start();
    if (!QFile::exists(pathsIn(dir).cache) && !seed(dir, orders, menuItems)) {
        std::fprintf(stderr, "cannot build the cache in %s\n", qPrintable(dir));
        return 1;
    }
    std::printf("bench_ui: %d orders, %d menu items cached (built in %lld ms)\n", orders, menuItems,
                seedClock.elapsed());

    QList<double> starts;
    QString last;
    for (int run = 0; run < runs; ++run) {
        QProcess proc;
        proc.setProcessChannelMode(QProcess::SeparateChannels);
        QElapsedTimer clock;
        clock.start();
        proc.start(QCoreApplication::applicationFilePath(), { QStringLiteral("--child"), dir });
        double painted = -1;
        QByteArray out;
        while (proc.state() != QProcess::NotRunning || proc.bytesAvailable()) {
            proc.waitForReadyRead(100);
            out += proc.readAllStandardOutput();
            if (painted < 0 && out.contains("painted\n"))
                painted = clock.nsecsElapsed() / 1e6;
            if (proc.state() == QProcess::NotRunning && !proc.bytesAvailable())
                break;
        }
        proc.waitForFinished(60000);
        out += proc.readAllStandardOutput();
        if (proc.exitCode() != 0 || painted < 0) {
            std::fprintf(stderr, "the child failed (%d): %s\n", proc.exitCode(), proc.readAllStandardError().constData());
            return 1;
        }
        starts << painted;
        last = QString::fromUtf8(out);
    }
    std::sort(starts.begin(), starts.end());
    const double start = starts.at(starts.size() / 2);

    double kMedian = 0, kWorst = 0, aMedian = 0, aWorst = 0;
    long long rss = -1;
    int shown = 0, all = 0;
    for (const QString &line : last.split(u'\n')) {
        const QStringList f = line.split(u' ');
        if (f.value(0) == u"keystroke" && f.size() == 5) {
            kMedian = f.at(1).toDouble();
            kWorst = f.at(2).toDouble();
            aMedian = f.at(3).toDouble();
            aWorst = f.at(4).toDouble();
        } else if (f.value(0) == u"rss") {
            rss = f.at(1).toLongLong();
        } else if (f.value(0) == u"cards" && f.size() == 3) {
            shown = f.at(1).toInt();
            all = f.at(2).toInt();
        }
    }
    auto verdict = [](bool ok) { return ok ? "ok" : "OVER TARGET"; };
    std::printf("start to orders board painted: %.0f ms (median of %d; fastest %.0f, slowest %.0f)  target 1500 ms  %s\n",
                start, runs, starts.first(), starts.last(), verdict(start <= 1500));
    std::printf("search keystroke, board as opened (%d cards): median %.1f ms, worst %.1f ms  target 30 ms  %s\n",
                shown, kMedian, kWorst, verdict(kWorst <= 30));
    std::printf("search keystroke, all dates (%d cards): median %.1f ms, worst %.1f ms  target 30 ms  %s\n", all,
                aMedian, aWorst, verdict(aWorst <= 30));
    std::printf("peak RSS of the terminal: %.1f MB  target 200 MB  %s\n", rss / 1024.0, verdict(rss / 1024.0 <= 200));
    return 0;
}
