// The UI's own proxy models under QAbstractItemModelTester while the store
// changes under them: the board's columns (filters per keystroke, moves
// between stages, new, removed and renumbered orders) and the menu filter
// (category, search, available only, edits, creates, deletes).

#include "models/localstore.h"
#include "models/menumodel.h"
#include "models/ordersmodel.h"
#include "storefixtures.h"
#include "ui/boardcolumnmodel.h"
#include "ui/menufiltermodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace LittleLemon;
using namespace LittleLemon::Fixtures;

class TestUiModels : public QObject
{
    Q_OBJECT

private slots:
    void boardColumnsFollowTheStore_data();
    void boardColumnsFollowTheStore();
    void boardColumnOrder();
    void menuFilterFollowsTheStore();

private:
    struct Board
    {
        std::unique_ptr<OrdersModel> orders;
        std::vector<std::unique_ptr<Ui::BoardColumnModel>> columns;
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    };
    static void makeBoard(LocalStore &store, Board &board);
    // Every order that passes the text filter is in exactly one column, the others in none.
    static void checkPartition(const Board &board, const QString &filter = QString());
};

namespace {
const QList<OrderStage> kStages { OrderStage::Received, OrderStage::Preparing, OrderStage::Ready,
                                  OrderStage::OutForDelivery, OrderStage::Delivered, OrderStage::Cancelled };

QString placed(int minutesAgo)
{
    return QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo).toString(Qt::ISODate);
}

void seedOrders(LocalStore &store)
{
    QList<QJsonObject> orders;
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const QString yesterday = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
    for (int i = 1; i <= 36; ++i) {
        const QString stage = toWire(kStages.at(i % kStages.size()));
        QJsonObject o = order(i, stage, i % 4 == 0 ? yesterday : today, i % 3 == 0 ? QJsonValue(3) : QJsonValue(),
                              placed(100 - i));
        if (i % 5 == 0)
            o.insert(QStringLiteral("note"), QStringLiteral("no onions"));
        orders << o;
    }
    QVERIFY(store.cache()->replaceAll(Entity::Order, orders));
    QVERIFY(store.cache()->replaceAll(Entity::GroupMember,
                             { QJsonObject { { QStringLiteral("id"), 3 },
                                             { QStringLiteral("username"), QStringLiteral("crew") },
                                             { QStringLiteral("email"), QString() } } },
                             kDeliveryCrewGroup));
}
} // namespace

void TestUiModels::makeBoard(LocalStore &store, Board &board)
{
    board.orders = std::make_unique<OrdersModel>(&store);
    for (OrderStage stage : kStages) {
        auto column = std::make_unique<Ui::BoardColumnModel>();
        column->setSourceModel(board.orders.get());
        column->setStages({ stage });
        column->setNewestFirst(isFinal(stage));
        board.testers.push_back(std::make_unique<QAbstractItemModelTester>(
            column.get(), QAbstractItemModelTester::FailureReportingMode::QtTest));
        board.columns.push_back(std::move(column));
    }
}

void TestUiModels::checkPartition(const Board &board, const QString &filter)
{
    QHash<qint64, int> seen;
    for (const auto &column : board.columns) {
        for (int row = 0; row < column->rowCount(); ++row)
            ++seen[column->orderAt(row)];
    }
    const QStringList tokens = filter.toLower().split(u' ', Qt::SkipEmptyParts);
    int expected = 0;
    for (int row = 0; row < board.orders->rowCount(); ++row) {
        const OrderRow &o = board.orders->rowAt(row);
        const bool shown = std::all_of(tokens.begin(), tokens.end(),
                                       [&](const QString &t) { return o.searchText.contains(t); });
        expected += shown;
        QCOMPARE(seen.value(o.order.id), shown ? 1 : 0);
    }
    QCOMPARE(seen.size(), expected);
}

void TestUiModels::boardColumnsFollowTheStore_data()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("no filter") << QString();
    QTest::newRow("a dish") << QStringLiteral("lasagna");
    QTest::newRow("a note") << QStringLiteral("onions");
}

void TestUiModels::boardColumnsFollowTheStore()
{
    QFETCH(QString, filter);
    QTemporaryDir dir;
    LocalStore store;
    QVERIFY(store.open(pathsIn(dir)));
    QVERIFY(store.cache()->setServerFeatures({ QStringLiteral("stages"), QStringLiteral("counter_orders") }));
    seedMenu(store);
    seedOrders(store);
    Board board;
    makeBoard(store, board);
    checkPartition(board);

    // A search typed one key at a time, on every column.
    QString typed;
    for (QChar c : filter) {
        typed += c;
        for (const auto &column : board.columns)
            column->setFilterText(typed);
    }
    // Crew and dates on and off.
    for (const auto &column : board.columns) {
        column->setCrew(3);
        column->setCrew(Ui::BoardColumnModel::NoCrew);
        column->setCrew(Ui::BoardColumnModel::AnyCrew);
        column->setDateRange(QDate::currentDate(), QDate::currentDate());
        column->setDateRange(QDate(), QDate());
    }
    checkPartition(board, filter);

    // Orders move along, get a crew, arrive, go, and get a number from the server.
    for (qint64 id : { 1, 2, 7, 8, 13 }) {
        const auto o = store.cache()->order(id);
        QVERIFY(o);
        if (const auto next = nextStage(o->record.effectiveStage()))
            QVERIFY(store.outbox()->setOrderStage(id, *next));
    }
    QVERIFY(store.outbox()->assignDeliveryCrew(2, 3));
    QVERIFY(store.cache()->upsertFromServer(Entity::Order, order(100, QStringLiteral("received"),
                                                        QDate::currentDate().toString(Qt::ISODate), QJsonValue(),
                                                        placed(1))));
    QVERIFY(store.cache()->removeFromServer(Entity::Order, 5));
    const LocalEdit counter = store.outbox()->createCounterOrder({ { 1, 2 }, { 2, 1 } }, QStringLiteral("table 4"));
    QVERIFY(counter);
    QVERIFY(counter.id < 0);
    checkPartition(board, filter);
    QVERIFY(store.outbox()->markSending(counter.seq));
    QVERIFY(store.outbox()->markDone(counter.seq, QJsonObject { { QStringLiteral("order_id"), 101 },
                                                      { QStringLiteral("total"), QStringLiteral("36.50") },
                                                      { QStringLiteral("items"), QJsonArray() },
                                                      { QStringLiteral("detail"), QStringLiteral("ok") } }));
    QVERIFY(!store.cache()->order(counter.id));
    QVERIFY(store.cache()->order(101));
    checkPartition(board, filter);
    // A full read that drops some and changes others.
    QList<QJsonObject> fewer;
    for (int i = 20; i <= 30; ++i)
        fewer << order(i, QStringLiteral("ready"), QDate::currentDate().toString(Qt::ISODate));
    QVERIFY(store.cache()->replaceAll(Entity::Order, fewer));
    checkPartition(board, filter);
    for (const auto &column : board.columns)
        column->clearFilters();
}

void TestUiModels::boardColumnOrder()
{
    // Open work oldest first (the most urgent on top), finished newest first;
    // an order not numbered yet counts as the newest.
    QTemporaryDir dir;
    LocalStore store;
    QVERIFY(store.open(pathsIn(dir)));
    QVERIFY(store.cache()->setServerFeatures({ QStringLiteral("stages"), QStringLiteral("counter_orders") }));
    seedMenu(store);
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    QVERIFY(store.cache()->replaceAll(Entity::Order, { order(1, QStringLiteral("received"), today, QJsonValue(), placed(5)),
                                              order(2, QStringLiteral("received"), today, QJsonValue(), placed(30)),
                                              order(3, QStringLiteral("received"), today, QJsonValue(), placed(15)),
                                              order(4, QStringLiteral("delivered"), today, QJsonValue(), placed(50)),
                                              order(5, QStringLiteral("delivered"), today, QJsonValue(), placed(40)) }));
    OrdersModel orders(&store);
    Ui::BoardColumnModel open;
    open.setSourceModel(&orders);
    open.setStages({ OrderStage::Received });
    Ui::BoardColumnModel done;
    done.setSourceModel(&orders);
    done.setStages({ OrderStage::Delivered });
    done.setNewestFirst(true);
    QAbstractItemModelTester t1(&open, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&done, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto ids = [](const Ui::BoardColumnModel &m) {
        QList<qint64> out;
        for (int row = 0; row < m.rowCount(); ++row)
            out << m.orderAt(row);
        return out;
    };
    QCOMPARE(ids(open), (QList<qint64> { 2, 3, 1 }));
    QCOMPARE(ids(done), (QList<qint64> { 5, 4 }));
    const LocalEdit counter = store.outbox()->createCounterOrder({ { 1, 1 } });
    QVERIFY(counter);
    QCOMPARE(ids(open), (QList<qint64> { 2, 3, 1, counter.id }));
    QVERIFY(store.outbox()->setOrderStage(3, OrderStage::Delivered));
    QCOMPARE(ids(open), (QList<qint64> { 2, 1, counter.id }));
    QCOMPARE(ids(done), (QList<qint64> { 3, 5, 4 }));
    QCOMPARE(open.rowOfOrder(1), 1);
    QCOMPARE(open.rowOfOrder(3), -1);
}

void TestUiModels::menuFilterFollowsTheStore()
{
    QTemporaryDir dir;
    LocalStore store;
    QVERIFY(store.open(pathsIn(dir)));
    QVERIFY(store.cache()->setServerFeatures({ QStringLiteral("availability") }));
    seedMenu(store);
    MenuModel menu(&store);
    Ui::MenuFilterModel filter;
    filter.setSourceModel(&menu);
    filter.sort(MenuModel::TitleColumn);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto titles = [&] {
        QStringList out;
        for (int row = 0; row < filter.rowCount(); ++row)
            out << filter.index(row, MenuModel::TitleColumn).data().toString();
        return out;
    };
    QCOMPARE(titles(), (QStringList { "Greek salad", "Lasagna", "Soda" }));
    filter.setCategory(1);
    QCOMPARE(titles(), (QStringList { "Greek salad", "Lasagna" }));
    filter.setSearchText(QStringLiteral("LAS"));
    QCOMPARE(titles(), QStringList { "Lasagna" });
    filter.setSearchText(QStringLiteral("mains salad"));
    QCOMPARE(titles(), QStringList { "Greek salad" });
    filter.setSearchText(QString());
    filter.setCategory(0);

    // Edits re-sort and re-filter in place.
    QVERIFY(store.outbox()->setMenuItemTitle(3, QStringLiteral("Aubergine bake")));
    QCOMPARE(titles(), (QStringList { "Aubergine bake", "Lasagna", "Soda" }));
    filter.setAvailableOnly(true);
    QVERIFY(store.outbox()->setMenuItemAvailable(1, false));
    QCOMPARE(titles(), (QStringList { "Aubergine bake", "Soda" }));
    QVERIFY(store.outbox()->setMenuItemAvailable(1, true));
    QCOMPARE(titles(), (QStringList { "Aubergine bake", "Lasagna", "Soda" }));
    MenuItem fresh;
    fresh.title = QStringLiteral("Baklava");
    fresh.price = Money(500);
    fresh.category = 2;
    const LocalEdit made = store.outbox()->createMenuItem(fresh);
    QVERIFY(made);
    QCOMPARE(filter.rowOfItem(made.id), 1);
    QVERIFY(store.outbox()->deleteMenuItem(2));
    QCOMPARE(titles(), (QStringList { "Aubergine bake", "Baklava", "Lasagna" }));
    // The server numbers the new item: same row, new id.
    QVERIFY(store.outbox()->markSending(made.seq));
    QJsonObject answer = menuItem(42, QStringLiteral("Baklava"), QStringLiteral("5.00"), 2);
    QVERIFY(store.outbox()->markDone(made.seq, answer));
    QCOMPARE(filter.rowOfItem(42), 1);
    QCOMPARE(filter.rowOfItem(made.id), -1);
}

QTEST_MAIN(TestUiModels)
#include "tst_ui_models.moc"
