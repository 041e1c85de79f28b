// bench_hub: the site server as a hub to the cloud (issue 19), against the
// cloud API's own code (the cloud peer, throttle on).
//
//   bench_hub [--cut-seconds 300] [--orders 50] [--prices 10] [--terminals 3] [--hub-log FILE]
//
// Seeds a fresh peer (throttle off: `--orders` open orders of cust), restarts
// it throttled, starts littlelemon-server --upstream on it, puts the
// terminals (sync engines, live) on the hub, then cuts the cloud (kills the
// peer) for --cut-seconds while the terminals, in turn, deliver every order
// and change --prices prices, spread over the cut. Prints how long each other
// terminal took to see each change through the hub (worst and median), how
// long the hub took to deliver what waited once the cloud is back, whether
// every change reached the cloud exactly once (PATCHes in the peer's access
// log, values read back), the 429s the cloud sent, and how long a
// customer's order placed on the cloud took to reach a terminal while the
// hub was still delivering the backlog and right after it (the tail share,
// SyncEngine::setTailShare). --hub-log FILE keeps the hub's log (with
// QT_LOGGING_RULES set, e.g. littlelemon.sync.debug=true). Not a
// test: it takes minutes of real time by design.

#include "cloudpeer.h"
#include "httptestclient.h"
#include "synctest.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace LittleLemon;
using namespace LittleLemon::Test;

namespace {

const QString kHubUser = QStringLiteral("bench_hub");
const QString kCloudPassword = QStringLiteral("BenchHub#2026");

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "bench_hub: %s\n", qPrintable(why));
    std::exit(1);
}

void waitMs(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

template<typename Predicate>
bool waitFor(Predicate done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

QJsonObject upstream(const TestServer &hub)
{
    HttpTestClient http(hub.url());
    return http.get(QStringLiteral("/api/meta")).object().value(QStringLiteral("upstream")).toObject();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) // set: the hub (and the terminals) log as asked
        qputenv("QT_LOGGING_RULES", "*.debug=false\nlittlelemon.*.info=false");
    const QStringList args = app.arguments().mid(1);
    auto option = [&args](const QString &name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 ? args.value(at + 1).toInt() : fallback;
    };
    const int cutSeconds = option(QStringLiteral("--cut-seconds"), 300);
    const int orders = option(QStringLiteral("--orders"), 50);
    const int prices = option(QStringLiteral("--prices"), 10);
    const int terminalCount = std::max(2, option(QStringLiteral("--terminals"), 3));

    CloudPeer peer;
    if (!peer.start(CloudPeer::Throttle::Off) || !peer.addUser(kHubUser, kCloudPassword, QStringLiteral("manager"))
        || !peer.seedOrders(QStringLiteral("cust"), orders, orders) || !peer.restart(CloudPeer::Throttle::On))
        die(peer.errorString());
    QTemporaryDir dir;
    const QString passwordFile = dir.filePath(QStringLiteral("upstream.password"));
    QFile f(passwordFile);
    if (!f.open(QIODevice::WriteOnly))
        die(QStringLiteral("cannot write the password file"));
    f.write(kCloudPassword.toUtf8() + '\n');
    f.close();

    TestServer hub;
    QElapsedTimer clock;
    clock.start();
    if (!hub.start({ QStringLiteral("--upstream"), peer.url().toString(), QStringLiteral("--upstream-user"), kHubUser,
                     QStringLiteral("--upstream-password-file"), passwordFile, QStringLiteral("--throttle-user"),
                     QStringLiteral("100000") }))
        die(hub.errorString());
    std::vector<std::unique_ptr<Terminal>> terminals;
    for (int i = 0; i < terminalCount; ++i) {
        const QString name = QStringLiteral("terminal%1").arg(i + 1);
        if (!hub.addUser(name, QStringLiteral("manager"), kPassword))
            die(QStringLiteral("cannot add %1").arg(name));
        auto t = std::make_unique<Terminal>();
        if (!t->open(hub.url(), name))
            die(t->error);
        t->engine->start();
        terminals.push_back(std::move(t));
    }
    for (const auto &t : terminals) {
        if (!waitFor([&] { return t->engine->isLive() && t->store->cache()->orderSummaries().size() == orders; }, 120000))
            die(QStringLiteral("the terminals did not get the cloud's %1 orders through the hub").arg(orders));
    }
    say(QStringLiteral("hub mirrored %1 orders to %2 live terminals in %3 ms").arg(orders).arg(terminalCount).arg(clock.elapsed()));

    // The cut.
    const qint64 mark = peer.mark();
    peer.kill();
    if (!waitFor([&] { return upstream(hub).value(QStringLiteral("state")).toString() == u"offline"; }, 60000))
        die(QStringLiteral("the hub did not notice the cut"));
    clock.restart();
    const int changes = orders + prices;
    const int gapMs = std::max(0, cutSeconds * 1000 / std::max(1, changes));
    QList<qint64> latencies;
    QHash<qint64, QString> lastPrice; // menu item → the price it must end with
    QHash<qint64, int> priceChanges;
    const QList<qint64> items { 1, 2, 3, 4, 5, 6 };
    int made = 0;
    qint64 nextOrder = 1;
    const int step = prices > 0 ? std::max(1, changes / prices) : changes + 1;
    for (int i = 0; i < changes; ++i) {
        Terminal &by = *terminals.at(size_t(i % terminalCount));
        QElapsedTimer seen;
        seen.start();
        std::function<bool(Terminal &)> shows;
        const bool isPrice = made < prices && (i % step == step - 1 || changes - i <= prices - made);
        if (!isPrice && nextOrder <= orders) {
            const qint64 id = nextOrder++;
            if (!by.store->outbox()->setOrderStatus(id, true))
                die(QStringLiteral("cannot deliver order %1").arg(id));
            shows = [id](Terminal &t) { return t.store->cache()->orderSummaries({ id }).value(0).effectiveStage() == OrderStage::Delivered; };
        } else {
            const qint64 item = items.at(made % items.size());
            const QString price = QStringLiteral("%1.%2").arg(5 + made).arg(10 + made, 2, 10, QLatin1Char('0'));
            ++made;
            if (!by.store->outbox()->setMenuItemPrice(item, Money::parse(price).value()))
                die(QStringLiteral("cannot change a price"));
            lastPrice.insert(item, price);
            ++priceChanges[item];
            shows = [item, price](Terminal &t) {
                const auto m = t.store->cache()->menuItem(item);
                return m && m->record.price.toString() == price;
            };
        }
        for (const auto &t : terminals) {
            if (t.get() == &by)
                continue;
            if (!waitFor([&] { return shows(*t); }, 10000))
                die(QStringLiteral("a terminal did not see change %1 within 10 s").arg(i));
        }
        latencies << seen.elapsed();
        waitMs(std::max(0, gapMs - int(seen.elapsed())));
    }
    // Orders skipped for prices are delivered at the end of the cut.
    for (qint64 id = 1; id <= orders; ++id) {
        if (terminals.front()->store->cache()->orderSummaries({ id }).value(0).effectiveStage() != OrderStage::Delivered)
            terminals.front()->store->outbox()->setOrderStatus(id, true);
    }
    waitFor([&] { return upstream(hub).value(QStringLiteral("waiting")).toInt() >= orders; }, 10000);
    const int waiting = upstream(hub).value(QStringLiteral("waiting")).toInt();
    std::sort(latencies.begin(), latencies.end());
    say(QStringLiteral("cloud cut for %1 s: %2 changes by %3 terminals, each seen by the others through the hub in "
                       "median %4 ms, worst %5 ms; %6 changes waiting on the hub")
            .arg(clock.elapsed() / 1000)
            .arg(latencies.size())
            .arg(terminalCount)
            .arg(latencies.value(latencies.size() / 2))
            .arg(latencies.isEmpty() ? 0 : latencies.last())
            .arg(waiting));

    // A customer's order on the cloud (the customer's own account and
    // throttle): its cloud id once placed.
    auto placeCustomerOrder = [&peer]() -> qint64 {
        HttpTestClient cust(peer.url());
        if (cust.login(QStringLiteral("cust"), QStringLiteral("LemonCust#1")).isEmpty())
            die(QStringLiteral("cannot sign in as cust"));
        cust.post(QStringLiteral("/api/cart"), QJsonObject { { QStringLiteral("menuitem"), 6 }, { QStringLiteral("quantity"), 1 } });
        return cust.post(QStringLiteral("/api/orders"), QJsonObject {}).object().value(QStringLiteral("order_id")).toInteger();
    };
    auto reached = [&terminals](qint64 id) { return terminals.back()->store->cache()->orderSummaries({ id }).size() == 1; };

    // Back up. A customer orders while the hub is still delivering the backlog.
    if (!peer.restart(CloudPeer::Throttle::On))
        die(peer.errorString());
    clock.restart();
    if (!waitFor([&] { return upstream(hub).value(QStringLiteral("waiting")).toInt() <= waiting - 5; }, 120000))
        die(QStringLiteral("the hub did not start delivering what waited"));
    const qint64 duringId = placeCustomerOrder();
    QElapsedTimer during;
    during.start();
    qint64 duringMs = -1;
    int waitingThen = upstream(hub).value(QStringLiteral("waiting")).toInt();
    if (!waitFor(
            [&] {
                if (duringMs < 0 && reached(duringId))
                    duringMs = during.elapsed();
                return upstream(hub).value(QStringLiteral("waiting")).toInt() == 0;
            },
            600000))
        die(QStringLiteral("the hub did not deliver what waited"));
    say(QStringLiteral("cloud back: %1 waiting changes delivered in %2 ms").arg(waiting).arg(clock.elapsed()));
    if (duringMs < 0 && !waitFor([&] { return reached(duringId); }, 60000))
        die(QStringLiteral("the customer's order placed during the delivery did not reach the terminal"));
    if (duringMs < 0)
        duringMs = during.elapsed();
    say(QStringLiteral("a customer's order placed on the cloud while the hub delivered (%1 changes still waiting) "
                       "reached a terminal through the hub in %2 ms")
            .arg(waitingThen)
            .arg(duringMs));

    // A customer's order right after the backlog is delivered reaches a terminal.
    const qint64 afterId = placeCustomerOrder(); // right after: the backlog just spent the minute
    clock.restart();
    if (!waitFor([&] { return reached(afterId); }, 60000))
        die(QStringLiteral("the customer's order did not reach the terminal"));
    say(QStringLiteral("a customer's order placed on the cloud right after the delivery reached a terminal through the "
                       "hub in %1 ms (one cycle: 5 s)")
            .arg(clock.elapsed()));

    HttpTestClient cloud(peer.url());
    if (cloud.login(QStringLiteral("mario"), QStringLiteral("LemonManager#1")).isEmpty())
        die(QStringLiteral("cannot sign in to the cloud to read back"));
    int delivered = 0;
    int doubled = 0;
    int missing = 0;
    int throttled = 0;
    const auto requests = peer.requests(mark);
    QHash<QString, int> patches;
    for (const auto &r : requests) {
        if (r.method == "PATCH")
            ++patches[r.path];
        if (r.status == 429)
            ++throttled;
    }
    for (qint64 id = 1; id <= orders; ++id) {
        delivered += cloud.get(QStringLiteral("/api/orders/%1").arg(id)).object().value(QStringLiteral("status")).toBool() ? 1 : 0;
        const int n = patches.value(QStringLiteral("/api/orders/%1").arg(id));
        doubled += n > 1 ? 1 : 0;
        missing += n == 0 ? 1 : 0;
    }
    int pricesRight = 0;
    for (auto it = lastPrice.cbegin(); it != lastPrice.cend(); ++it) {
        pricesRight += cloud.get(QStringLiteral("/api/menu-items/%1").arg(it.key())).object().value(QStringLiteral("price")).toString()
                == it.value();
        const int n = patches.value(QStringLiteral("/api/menu-items/%1").arg(it.key()));
        doubled += n > priceChanges.value(it.key()) ? 1 : 0;
    }
    say(QStringLiteral("on the cloud: %1 of %2 orders delivered (%3 sent twice, %4 never sent), %5 of %6 prices right; "
                       "%7 answers 429 from the cloud to the hub, 0 possible to terminals (they talk to the hub)")
            .arg(delivered)
            .arg(orders)
            .arg(doubled)
            .arg(missing)
            .arg(pricesRight)
            .arg(lastPrice.size())
            .arg(throttled));

    const qsizetype logAt = args.indexOf(QStringLiteral("--hub-log"));
    if (logAt >= 0) {
        QFile log(args.value(logAt + 1));
        if (log.open(QIODevice::WriteOnly))
            log.write(hub.logText().toUtf8());
    }
    return 0;
}
