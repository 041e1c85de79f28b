// bench_store: LocalStore, the outbox and the orders models at restaurant
// scale. Prints each figure and the peak RSS.
//
//   bench_store [--orders N] [--keep DIR]

#include "models/localstore.h"
#include "models/orderfiltermodel.h"
#include "models/ordersmodel.h"

#include <algorithm>
#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <sys/resource.h>

using namespace LittleLemon;

namespace {

const QStringList kDishes { QStringLiteral("Lasagna"), QStringLiteral("Greek salad"),
    QStringLiteral("Bruschetta"), QStringLiteral("Lemon dessert"), QStringLiteral("Grilled fish"),
    QStringLiteral("Soda"), QStringLiteral("Pasta"), QStringLiteral("Moussaka"), QStringLiteral("Baklava") };
const QStringList kStages { QStringLiteral("received"), QStringLiteral("preparing"), QStringLiteral("ready"),
    QStringLiteral("out_for_delivery"), QStringLiteral("delivered"), QStringLiteral("cancelled") };

QList<QJsonObject> makeMenu(int count)
{
    QList<QJsonObject> out;
    for (int i = 1; i <= count; ++i) {
        out << QJsonObject { { QStringLiteral("id"), i },
            { QStringLiteral("title"), QStringLiteral("%1 %2").arg(kDishes.at(i % kDishes.size())).arg(i) },
            { QStringLiteral("price"), Money(500 + (i * 37) % 3000).toString() },
            { QStringLiteral("featured"), i % 7 == 0 }, { QStringLiteral("category"), 1 + i % 5 },
            { QStringLiteral("available"), i % 11 != 0 } };
    }
    return out;
}

QList<QJsonObject> makeOrders(int count, int menuCount)
{
    QList<QJsonObject> out;
    const QDateTime start(QDate(2026, 10, 1), QTime(11, 0), Qt::UTC);
    for (int i = 1; i <= count; ++i) {
        QJsonArray items;
        Money total;
        for (int line = 0; line < 3; ++line) {
            const int item = 1 + (i * 7 + line * 13) % menuCount;
            const int quantity = 1 + (i + line) % 3;
            const Money unit(500 + (item * 37) % 3000);
            total += unit * quantity;
            items.append(QJsonObject { { QStringLiteral("menuitem"), item },
                { QStringLiteral("menuitem_title"),
                    QStringLiteral("%1 %2").arg(kDishes.at(item % kDishes.size())).arg(item) },
                { QStringLiteral("quantity"), quantity }, { QStringLiteral("unit_price"), unit.toString() },
                { QStringLiteral("price"), (unit * quantity).toString() } });
        }
        const QDateTime placed = start.addSecs(qint64(i) * 300);
        const QString stage = kStages.at(i % kStages.size());
        out << QJsonObject { { QStringLiteral("id"), i }, { QStringLiteral("user"), 10 + i % 40 },
            { QStringLiteral("delivery_crew"), i % 4 ? QJsonValue(3 + i % 3) : QJsonValue() },
            { QStringLiteral("status"), stage == QLatin1String("delivered") },
            { QStringLiteral("total"), total.toString() },
            { QStringLiteral("date"), placed.date().toString(Qt::ISODate) },
            { QStringLiteral("items"), items }, { QStringLiteral("stage"), stage },
            { QStringLiteral("note"), i % 9 == 0 ? QStringLiteral("ring twice") : QString() },
            { QStringLiteral("history"),
                QJsonArray { QJsonObject { { QStringLiteral("stage"), QStringLiteral("received") },
                    { QStringLiteral("by"), 10 + i % 40 },
                    { QStringLiteral("at"), placed.toString(Qt::ISODateWithMs) } } } } };
    }
    return out;
}

QList<QJsonObject> makeBookings(int count)
{
    QList<QJsonObject> out;
    for (int i = 1; i <= count; ++i) {
        out << QJsonObject { { QStringLiteral("id"), i }, { QStringLiteral("user"), 10 + i % 40 },
            { QStringLiteral("name"), QStringLiteral("Guest %1").arg(i) },
            { QStringLiteral("phone"), QStringLiteral("555-%1").arg(i, 4, 10, QLatin1Char('0')) },
            { QStringLiteral("date"), QDate(2026, 11, 1).addDays(i % 60).toString(Qt::ISODate) },
            { QStringLiteral("time"),
                QTime(17, 0).addSecs((i % 16) * 900).toString(QStringLiteral("HH:mm")) },
            { QStringLiteral("guests"), 1 + i % 8 },
            { QStringLiteral("table"), i % 3 ? QJsonValue(1 + i % 12) : QJsonValue() },
            { QStringLiteral("notes"), QString() }, { QStringLiteral("status"), QStringLiteral("booked") } };
    }
    return out;
}

long peakRssKb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void report(const char *what, double ms, const QString &note = QString())
{
    std::printf("  %-52s %9.1f ms  %s\n", what, ms, qPrintable(note));
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LocalStore benchmark"));
    parser.addHelpOption();
    const QCommandLineOption ordersOption(QStringLiteral("orders"), QStringLiteral("Orders to cache."),
        QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption keepOption(
        QStringLiteral("keep"), QStringLiteral("Keep the files in DIR."), QStringLiteral("DIR"));
    parser.addOption(ordersOption);
    parser.addOption(keepOption);
    parser.process(app);
    const int orderCount = parser.value(ordersOption).toInt();
    const int menuCount = 500;
    const int bookingCount = 1000;
    const int editCount = 1000;

    QTemporaryDir temp;
    const QString folder = parser.isSet(keepOption) ? parser.value(keepOption) : temp.path();
    QDir().mkpath(folder);
    const LocalStore::Paths paths { folder + QStringLiteral("/bench.cache.sqlite"),
        folder + QStringLiteral("/bench.outbox.sqlite") };
    QFile::remove(paths.cache);
    QFile::remove(paths.outbox);

    const QList<QJsonObject> menu = makeMenu(menuCount);
    const QList<QJsonObject> orders = makeOrders(orderCount, menuCount);
    const QList<QJsonObject> bookings = makeBookings(bookingCount);
    QList<QJsonObject> categories;
    for (int i = 1; i <= 5; ++i)
        categories << QJsonObject { { QStringLiteral("id"), i },
            { QStringLiteral("slug"), QStringLiteral("cat%1").arg(i) },
            { QStringLiteral("title"), QStringLiteral("Category %1").arg(i) } };
    QList<QJsonObject> crew;
    for (int i = 3; i <= 5; ++i)
        crew << QJsonObject { { QStringLiteral("id"), i },
            { QStringLiteral("username"), QStringLiteral("crew%1").arg(i) },
            { QStringLiteral("email"), QString() } };

    std::printf("bench_store: %d menu items, %d orders (3 lines each), %d bookings; files in %s\n", menuCount,
        orderCount, bookingCount, qPrintable(folder));

    LocalStore store;
    QElapsedTimer t;
    t.start();
    if (!store.open(paths)) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(store.errorString()));
        return 1;
    }
    report("open an empty store (create both schemas)", msSince(t));
    store.cache()->setServerFeatures({ QStringLiteral("stages"), QStringLiteral("availability") });

    int announced = 0;
    QObject::connect(store.cache(), &LocalCache::changed, [&announced](const StoreChange &c) {
        announced += int(c.inserted.size() + c.updated.size() + c.removed.size());
    });
    t.restart();
    const bool replaced = store.cache()->replaceAll(
        { { Entity::Category, QString(), categories }, { Entity::MenuItem, QString(), menu },
            { Entity::Order, QString(), orders }, { Entity::Booking, QString(), bookings },
            { Entity::GroupMember, QStringLiteral("delivery-crew"), crew } },
        1);
    const double fullReplace = msSince(t);
    if (!replaced) {
        std::fprintf(stderr, "replaceAll failed: %s\n", qPrintable(store.errorString()));
        return 1;
    }
    report("replaceAll into an empty cache (one transaction)", fullReplace,
        QStringLiteral("%1 rows announced").arg(announced));

    t.restart();
    store.cache()->replaceAll({ { Entity::Category, QString(), categories }, { Entity::MenuItem, QString(), menu },
        { Entity::Order, QString(), orders }, { Entity::Booking, QString(), bookings } });
    report("replaceAll again, nothing changed", msSince(t));

    QList<QJsonObject> changed = orders;
    for (int i = 0; i < changed.size(); i += 100)
        changed[i].insert(QStringLiteral("note"), QStringLiteral("changed"));
    changed.removeLast();
    t.restart();
    store.cache()->replaceAll(Entity::Order, changed);
    report("replaceAll of orders, 1% changed, 1 deleted", msSince(t));

    t.restart();
    const QList<OrderSummary> summaries = store.cache()->orderSummaries();
    report("read every order summary", msSince(t), QStringLiteral("%1 orders").arg(summaries.size()));

    t.restart();
    OrdersModel model(&store);
    const double modelLoad = msSince(t);
    report("load OrdersModel", modelLoad, QStringLiteral("%1 rows").arg(model.rowCount()));

    OrderFilterModel filter;
    t.restart();
    filter.setSourceModel(&model);
    filter.sort(OrdersModel::NumberColumn, Qt::DescendingOrder);
    report("OrderFilterModel: attach and sort by number", msSince(t),
        QStringLiteral("%1 rows").arg(filter.rowCount()));

    // Typing "lasagna 1" and erasing it again, one keystroke at a time.
    const QString typed = QStringLiteral("lasagna 1");
    QList<double> keystrokes;
    for (int i = 1; i <= typed.size(); ++i) {
        t.restart();
        filter.setFilterText(typed.left(i));
        keystrokes << msSince(t);
    }
    const int matched = filter.rowCount();
    for (int i = typed.size() - 1; i >= 0; --i) {
        t.restart();
        filter.setFilterText(typed.left(i));
        keystrokes << msSince(t);
    }
    const double worst = *std::max_element(keystrokes.begin(), keystrokes.end());
    double sum = 0;
    for (double k : keystrokes)
        sum += k;
    report("filter keystroke, worst of typing and erasing", worst,
        QStringLiteral("mean %1 ms over %2 keystrokes; \"%3\" matches %4")
            .arg(sum / keystrokes.size(), 0, 'f', 2)
            .arg(keystrokes.size())
            .arg(typed)
            .arg(matched));
    t.restart();
    filter.setCrew(4);
    report("filter by crew", msSince(t), QStringLiteral("%1 rows").arg(filter.rowCount()));
    t.restart();
    filter.setStages({ OrderStage::Received, OrderStage::Preparing, OrderStage::Ready });
    report("filter by stages", msSince(t), QStringLiteral("%1 rows").arg(filter.rowCount()));
    filter.clearFilters();

    // Edits while the models watch, as in the app.
    t.restart();
    for (int i = 0; i < editCount; ++i) {
        const LocalEdit edit = (i % 2) ? store.outbox()->setMenuItemPrice(1 + i % menuCount, Money(600 + i))
                                       : store.outbox()->setOrderStage(1 + (i * 7) % orderCount, OrderStage::Preparing);
        if (!edit) {
            std::fprintf(stderr, "edit failed: %s\n", qPrintable(edit.error));
            return 1;
        }
    }
    const double edits = msSince(t);
    report("1,000 queued edits (each: cache + outbox, one commit)", edits,
        QStringLiteral("%1 ms per edit").arg(edits / editCount, 0, 'f', 3));

    t.restart();
    const auto next = store.outbox()->nextToSend(1);
    report("nextToSend with 1,000 queued", msSince(t));
    t.restart();
    store.outbox()->markSending(next.first().seq);
    store.outbox()->markDone(next.first().seq, QJsonObject());
    report("markSending + markDone of one entry", msSince(t));

    store.close();
    t.restart();
    LocalStore again;
    again.open(paths);
    report("reopen (integrity check, reconcile 999 entries)", msSince(t),
        QStringLiteral("%1 entries").arg(again.outbox()->count()));

    const QFileInfo cacheFile(paths.cache);
    std::printf("  cache file %.1f MB, outbox file %.1f MB\n", double(cacheFile.size()) / 1e6,
        double(QFileInfo(paths.outbox).size()) / 1e6);
    std::printf("  peak RSS %.1f MB\n", double(peakRssKb()) / 1024.0);
    return 0;
}
