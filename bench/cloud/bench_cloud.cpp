// bench_cloud: the sync engine against the cloud API's own code (the cloud
// peer, throttle on), counting requests from the peer's access log.
//
//   bench_cloud first  [--orders 3000]   first sign-in and full read; then a
//                                        no-change cycle and a cycle after one
//                                        new order and one status change
//   bench_cloud follow [--minutes 10] [--orders 300]
//                                        following while 4 orders a minute are
//                                        created and delivered and a price
//                                        changes every 2 minutes: budget used,
//                                        and how long each change took to show
//   bench_cloud idle   [--minutes 5] [--orders 300]
//                                        a signed-in idle desk: requests a
//                                        minute, an edit's cost, and whether a
//                                        second client of the same user gets a 429
//
// Each run seeds a fresh peer with the throttle off (the newest 9 orders
// open), restarts it throttled, and prints its figures. Not a test: it takes
// minutes of real time by design (the throttle is per minute).

#include "cloudpeer.h"
#include "cloudterminal.h"
#include "httptestclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTimer>

#include <cstdio>

using namespace LittleLemon;
using namespace LittleLemon::Test;

namespace {

const QString kDesk = QStringLiteral("bench_mario");
const QString kCloudPassword = QStringLiteral("BenchCloud#2026");
const QString kDeskAgent = QStringLiteral("LittleLemonDesk/");

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "bench_cloud: %s\n", qPrintable(why));
    std::exit(1);
}

void waitMs(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

// gunicorn logs a request after its answer went out: let the last lines land.
QList<CloudPeer::Request> logged(const CloudPeer &peer, qint64 mark, const QString &agent = QString())
{
    waitMs(500);
    return peer.requests(mark, agent);
}

int count429(const QList<CloudPeer::Request> &requests)
{
    return int(std::count_if(requests.cbegin(), requests.cend(), [](const CloudPeer::Request &r) { return r.status == 429; }));
}

void seed(CloudPeer &peer, int orders)
{
    if (!peer.start(CloudPeer::Throttle::Off))
        die(peer.errorString());
    if (!peer.addUser(kDesk, kCloudPassword, QStringLiteral("manager")) || !peer.addUser(QStringLiteral("bench_driver"), kCloudPassword, QStringLiteral("manager"))
        || !peer.seedOrders(QStringLiteral("cust"), orders, 9))
        die(peer.errorString());
    if (!peer.restart(CloudPeer::Throttle::On))
        die(peer.errorString());
    say(QStringLiteral("peer: %1 orders (the 9 newest open), throttle on, %2").arg(orders).arg(peer.url().toString()));
}

void signIn(CloudTerminal &desk, CloudPeer &peer)
{
    if (!desk.open(peer.url(), kDesk, kCloudPassword))
        die(QStringLiteral("sign-in: ") + desk.error);
}

int openOrders(const LocalStore &store)
{
    int open = 0;
    for (const OrderSummary &o : store.cache()->orderSummaries())
        open += o.status ? 0 : 1;
    return open;
}

// ---- first ------------------------------------------------------------------

void benchFirst(int orders)
{
    CloudPeer peer;
    seed(peer, orders);
    CloudTerminal desk;
    qint64 mark = peer.mark();
    QElapsedTimer clock;
    clock.start();
    signIn(desk, peer);
    say(QStringLiteral("sign-in: %1 requests, %2 ms").arg(logged(peer, mark).size()).arg(clock.elapsed()));

    // Usable: the menu and the open orders in the cache, while the history loads.
    qint64 usableMs = -1;
    QObject::connect(desk.store.get()->cache(), &LocalCache::changed, desk.store.get(), [&] {
        if (usableMs < 0 && desk.store->cache()->rowCount(Entity::MenuItem) == 6 && openOrders(*desk.store) == 9)
            usableMs = clock.elapsed();
    });
    mark = peer.mark();
    clock.restart();
    const Client::SyncReport first = desk.sync(30 * 60 * 1000);
    const auto firstRequests = logged(peer, mark);
    say(QStringLiteral("first full read: %1 (%2 requests by the engine, %3 in the access log), %4 s; "
                       "429s in the log: %5; error shown: %6")
            .arg(first.ok ? QStringLiteral("ok") : QStringLiteral("FAILED"))
            .arg(first.requests)
            .arg(firstRequests.size())
            .arg(clock.elapsed() / 1000)
            .arg(count429(firstRequests))
            .arg(first.error.isError() ? first.error.userMessage() : QStringLiteral("none")));
    say(QStringLiteral("usable (menu and the 9 open orders in the cache): after %1 ms; orders cached: %2")
            .arg(usableMs)
            .arg(desk.store->cache()->rowCount(Entity::Order)));

    mark = peer.mark();
    const Client::SyncReport quiet = desk.sync();
    say(QStringLiteral("cycle with no change: %1 requests (engine) / %2 (log)").arg(quiet.requests).arg(logged(peer, mark).size()));

    bool ok = false;
    const QString newest = QString::fromUtf8(peer.python(QStringLiteral(
                                                             "from LittleLemon.LittleLemonAPI.models import Order\n"
                                                             "o = Order.objects.filter(status=False).order_by('id').first()\n"
                                                             "o.status = True\no.save()\nprint(o.id)"),
                                                         &ok))
                               .trimmed();
    if (!ok || !peer.seedOrders(QStringLiteral("cust"), 1, 1))
        die(peer.errorString());
    mark = peer.mark();
    const Client::SyncReport moved = desk.sync();
    const qint64 newId = orders + 1;
    say(QStringLiteral("cycle after one new order and one status change: %1 requests (engine) / %2 (log); "
                       "new order #%3 on the board: %4; #%5 delivered on the board: %6")
            .arg(moved.requests)
            .arg(logged(peer, mark).size())
            .arg(newId)
            .arg(desk.order(newId) ? QStringLiteral("yes") : QStringLiteral("no"))
            .arg(newest)
            .arg(desk.order(newest.toLongLong()) && desk.order(newest.toLongLong())->status ? QStringLiteral("yes")
                                                                                          : QStringLiteral("no")));
}

// ---- follow -----------------------------------------------------------------

struct Pending
{
    QString what;
    qint64 madeAt = 0;
    std::function<bool()> visible;
};

void benchFollow(int minutes, int orders)
{
    CloudPeer peer;
    seed(peer, orders);
    CloudTerminal desk;
    signIn(desk, peer);
    QSignalSpy firstRun(desk.engine.get(), &Client::SyncEngine::syncFinished);
    desk.engine->setInterval(15000);
    desk.engine->start();
    CloudTerminal::wait(firstRun, 30 * 60 * 1000);
    say(QStringLiteral("first read done: %1 orders cached").arg(desk.store->cache()->rowCount(Entity::Order)));
    // Let the first read's minute pass, so the budget counts the following only.
    waitMs(60000);

    HttpTestClient customer(peer.url());
    HttpTestClient driver(peer.url());
    customer.login(QStringLiteral("cust"), QStringLiteral("LemonCust#1"));
    driver.login(QStringLiteral("bench_driver"), kCloudPassword);

    const qint64 mark = peer.mark();
    QElapsedTimer clock;
    clock.start();
    QList<Pending> pending;
    QList<qint64> latencies;
    QList<qint64> created;
    int made = 0;
    int delivered = 0;
    int priced = 0;
    QObject::connect(desk.engine.get(), &Client::SyncEngine::syncFinished, desk.engine.get(), [&] {
        for (qsizetype i = pending.size() - 1; i >= 0; --i) {
            if (pending.at(i).visible()) {
                latencies << clock.elapsed() - pending.at(i).madeAt;
                pending.removeAt(i);
            }
        }
    });
    const qint64 total = qint64(minutes) * 60000;
    const qint64 orderEvery = 60000 / 4;
    qint64 nextOrder = 0;
    qint64 nextPrice = 60000;
    while (clock.elapsed() < total) {
        const qint64 now = clock.elapsed();
        if (now >= nextOrder) {
            nextOrder += orderEvery;
            // A customer orders (cart, then order) ...
            customer.post(QStringLiteral("/api/cart"), QJsonObject { { QStringLiteral("menuitem"), 1 }, { QStringLiteral("quantity"), 1 } });
            const qint64 id = customer.post(QStringLiteral("/api/orders"), QJsonObject()).object().value(QStringLiteral("order_id")).toInteger();
            if (id > 0) {
                ++made;
                created << id;
                pending.append({ QStringLiteral("order %1").arg(id), clock.elapsed(), [&desk, id] { return desk.order(id).has_value(); } });
            }
            // ... and the order from two before is delivered.
            if (created.size() > 2) {
                const qint64 done = created.takeFirst();
                if (driver.patch(QStringLiteral("/api/orders/%1").arg(done), QJsonObject { { QStringLiteral("status"), true } }).status == 200) {
                    ++delivered;
                    pending.append({ QStringLiteral("delivery %1").arg(done), clock.elapsed(),
                                     [&desk, done] { return desk.order(done) && desk.order(done)->status; } });
                }
            }
        }
        if (now >= nextPrice) {
            nextPrice += 120000;
            const int cents = 500 + ++priced;
            const QString price = Money::fromCents(cents).toString();
            if (driver.patch(QStringLiteral("/api/menu-items/2"), QJsonObject { { QStringLiteral("price"), price } }).status == 200) {
                pending.append({ QStringLiteral("price %1").arg(price), clock.elapsed(), [&desk, cents] {
                                     const auto item = desk.store->cache()->menuItem(2);
                                     return item && item->record.price == Money::fromCents(cents);
                                 } });
            }
        }
        waitMs(250);
    }
    waitMs(20000); // the last changes' cycle
    const auto requests = logged(peer, mark, kDeskAgent);
    const int deskRequests = int(requests.size());
    const double share = 100.0 * deskRequests / (100.0 * minutes);
    qint64 worst = 0;
    int within15 = 0;
    for (qint64 l : std::as_const(latencies)) {
        worst = std::max(worst, l);
        within15 += l <= 15000 ? 1 : 0;
    }
    say(QStringLiteral("followed %1 min: %2 orders made, %3 delivered, %4 price changes").arg(minutes).arg(made).arg(delivered).arg(priced));
    say(QStringLiteral("desk requests: %1 = %2 % of the user's budget (100 a minute); 429s to the desk: %3")
            .arg(deskRequests)
            .arg(share, 0, 'f', 1)
            .arg(count429(requests)));
    say(QStringLiteral("changes on the board: %1 of %2, %3 within 15 s, slowest %4 s; not seen: %5")
            .arg(latencies.size())
            .arg(latencies.size() + pending.size())
            .arg(within15)
            .arg(worst / 1000.0, 0, 'f', 1)
            .arg(pending.size()));
}

// ---- idle -------------------------------------------------------------------

void benchIdle(int minutes, int orders)
{
    CloudPeer peer;
    seed(peer, orders);
    CloudTerminal desk;
    signIn(desk, peer);
    QSignalSpy runs(desk.engine.get(), &Client::SyncEngine::syncFinished);
    desk.engine->setInterval(15000);
    desk.engine->start();
    CloudTerminal::wait(runs, 30 * 60 * 1000);
    say(QStringLiteral("first read done: %1 orders cached; waiting a minute").arg(desk.store->cache()->rowCount(Entity::Order)));
    waitMs(60000);

    // The same manager on a second device: a request every 2 s.
    HttpTestClient phone(peer.url());
    phone.login(kDesk, kCloudPassword);
    int phoneRequests = 0;
    int phone429 = 0;
    const qint64 mark = peer.mark();
    QElapsedTimer clock;
    clock.start();
    QList<int> perMinute;
    qint64 minuteMark = mark;
    while (clock.elapsed() < qint64(minutes) * 60000) {
        const int status = phone.get(QStringLiteral("/api/orders?page=1")).status;
        ++phoneRequests;
        phone429 += status == 429 ? 1 : 0;
        waitMs(2000);
        if (clock.elapsed() >= (perMinute.size() + 1) * 60000LL) {
            perMinute << int(peer.requests(minuteMark, kDeskAgent).size());
            minuteMark = peer.mark();
        }
    }
    const int deskRequests = int(peer.requests(mark, kDeskAgent).size());
    QStringList minutesText;
    for (int n : std::as_const(perMinute))
        minutesText << QString::number(n);
    say(QStringLiteral("idle desk over %1 min: %2 requests = %3 a minute (per minute: %4)")
            .arg(minutes)
            .arg(deskRequests)
            .arg(double(deskRequests) / minutes, 0, 'f', 1)
            .arg(minutesText.join(QStringLiteral(", "))));
    say(QStringLiteral("second client of the same user: %1 requests, %2 answered 429").arg(phoneRequests).arg(phone429));

    // An edit: its own run, counted.
    runs.clear();
    const qint64 before = peer.mark();
    desk.store->outbox()->setMenuItemPrice(3, Money::fromCents(777));
    const Client::SyncReport edit = CloudTerminal::wait(runs);
    say(QStringLiteral("an edit: %1 requests (engine) / %2 (log), sent: %3")
            .arg(edit.requests)
            .arg(logged(peer, before, kDeskAgent).size())
            .arg(edit.sent));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qputenv("QT_LOGGING_RULES", "*.debug=false\nlittlelemon.*.info=false");
    const QStringList args = app.arguments().mid(1);
    const QString mode = args.value(0);
    auto option = [&args](const QString &name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 ? args.value(at + 1).toInt() : fallback;
    };
    if (mode == u"first")
        benchFirst(option(QStringLiteral("--orders"), 3000));
    else if (mode == u"follow")
        benchFollow(option(QStringLiteral("--minutes"), 10), option(QStringLiteral("--orders"), 300));
    else if (mode == u"idle")
        benchIdle(option(QStringLiteral("--minutes"), 5), option(QStringLiteral("--orders"), 300));
    else
        die(QStringLiteral("usage: bench_cloud first|follow|idle [--orders N] [--minutes N]"));
    return 0;
}
