// The item models over LocalStore: QAbstractItemModelTester throughout,
// precise updates (never a reset for a change), editing through the outbox.

#include "models/bookingsmodel.h"
#include "models/categorymodel.h"
#include "api/client/outboxrequest.h"
#include "models/localstore.h"
#include "models/menumodel.h"
#include "models/orderfiltermodel.h"
#include "models/ordersmodel.h"
#include "models/outboxmodel.h"
#include "models/staffmodel.h"
#include "models/tablesmodel.h"
#include "storefixtures.h"

#include <algorithm>
#include <memory>
#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace LittleLemon;
using namespace LittleLemon::Fixtures;

// What the sync engine would send for the entry to this store's server
// (api/client/outboxrequest.*).
inline QString sentPath(const LittleLemon::OutboxEntry &e)
{
    return LittleLemon::Client::OutboxRequest::path(e);
}
inline QString sentMethod(const LittleLemon::OutboxEntry &e)
{
    return QString::fromLatin1(LittleLemon::Client::OutboxRequest::method(e));
}
inline QJsonValue sentBody(const LittleLemon::LocalStore &store, const LittleLemon::OutboxEntry &e)
{
    return LittleLemon::Client::OutboxRequest::body(
        e.command, [&store](const QString &feature) { return store.cache()->hasFeature(feature); });
}

namespace {

const QString kCrew = QStringLiteral("delivery-crew");

QList<qint64> idsOf(const QAbstractItemModel &model, int idRole = Qt::UserRole)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(idRole).toLongLong();
    std::sort(ids.begin(), ids.end());
    return ids;
}

template<typename T> QList<qint64> sortedIds(const QList<T> &rows)
{
    QList<qint64> ids;
    for (const auto &r : rows)
        ids << r.record.id;
    std::sort(ids.begin(), ids.end());
    return ids;
}

int rowOfId(const QAbstractItemModel &model, qint64 id)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(Qt::UserRole).toLongLong() == id)
            return row;
    }
    return -1;
}

// Rows dataChanged named, over every emission.
QSet<int> changedRows(const QSignalSpy &spy)
{
    QSet<int> rows;
    for (const auto &args : spy) {
        const auto from = args.at(0).toModelIndex();
        const auto to = args.at(1).toModelIndex();
        for (int r = from.row(); r <= to.row(); ++r)
            rows.insert(r);
    }
    return rows;
}

struct Restaurant
{
    QTemporaryDir dir;
    LocalStore store;

    Restaurant()
    {
        store.open(pathsIn(dir));
        seedMenu(store);
        store.cache()->setServerFeatures(
            { QStringLiteral("stages"), QStringLiteral("availability"), QStringLiteral("counter_orders") });
        store.cache()->replaceAll(Entity::GroupMember,
            { member(3, QStringLiteral("carla")), member(5, QStringLiteral("dino")) }, kCrew);
        store.cache()->replaceAll(
            Entity::GroupMember, { member(2, QStringLiteral("mario")) }, QStringLiteral("manager"));
        QList<QJsonObject> orders;
        for (int i = 1; i <= 12; ++i) {
            const QString stage = allOrderStages().at(i % 6) == OrderStage::Cancelled
                ? QStringLiteral("received")
                : toWire(allOrderStages().at(i % 6));
            orders << order(i, stage, QDate(2026, 11, 20 + i % 5).toString(Qt::ISODate),
                i % 3 == 0 ? QJsonValue(3) : (i % 3 == 1 ? QJsonValue(5) : QJsonValue()));
        }
        store.cache()->replaceAll(Entity::Order, orders);
        store.cache()->replaceAll(
            Entity::Table, { table(1, QStringLiteral("T1"), 4), table(2, QStringLiteral("T2"), 2) });
        store.cache()->replaceAll(Entity::Booking,
            { booking(20, QStringLiteral("Ana"), QStringLiteral("2026-11-24"), QStringLiteral("19:00"), 2, 1),
                booking(
                    21, QStringLiteral("Bo"), QStringLiteral("2026-11-24"), QStringLiteral("20:00"), 4, 2),
                booking(22, QStringLiteral("Cy"), QStringLiteral("2026-11-25"), QStringLiteral("19:00")) });
    }
};

} // namespace

class TestItemModels : public QObject
{
    Q_OBJECT

private slots:
    void menuModelShowsAndEditsThroughTheOutbox()
    {
        Restaurant r;
        MenuModel model(&r.store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(MenuModel::ColumnCount));
        QCOMPARE(idsOf(model), sortedIds(r.store.cache()->menuItems()));
        const int row = rowOfId(model, 1);
        QCOMPARE(model.index(row, MenuModel::TitleColumn).data().toString(), QStringLiteral("Lasagna"));
        QCOMPARE(model.index(row, MenuModel::CategoryColumn).data().toString(), QStringLiteral("Mains"));
        QCOMPARE(model.index(row, MenuModel::PriceColumn).data().toString(), QStringLiteral("15.50"));
        QCOMPARE(model.index(row, MenuModel::PriceColumn).data(MenuModel::PriceCentsRole).toLongLong(), 1550);
        QCOMPARE(
            model.index(row, MenuModel::AvailableColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(model.index(row, 0).data(MenuModel::PendingRole).toBool(), false);
        QVERIFY(model.flags(model.index(row, MenuModel::PriceColumn)) & Qt::ItemIsEditable);
        QVERIFY(model.flags(model.index(row, MenuModel::FeaturedColumn)) & Qt::ItemIsUserCheckable);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // price edited inline: pending on its row, and only its row changed
        QVERIFY(model.setData(model.index(row, MenuModel::PriceColumn), QStringLiteral("12.5")));
        QCOMPARE(changedRows(changed), QSet<int>({ row }));
        QCOMPARE(model.index(row, MenuModel::PriceColumn).data().toString(), QStringLiteral("12.50"));
        QCOMPARE(model.index(row, 0).data(MenuModel::PendingRole).toBool(), true);
        QCOMPARE(model.index(row, MenuModel::SyncColumn).data().toString(), displayName(SyncState::Pending));
        QCOMPARE(r.store.outbox()->pendingCount(), 1);
        QCOMPARE(sentBody(r.store, r.store.outbox()->entries().first()).toObject().value(QStringLiteral("price")).toString(),
            QStringLiteral("12.50"));

        // money is validated as text, never a float
        QSignalSpy refused(&model, &MenuModel::editRefused);
        QVERIFY(!model.setData(model.index(row, MenuModel::PriceColumn), QStringLiteral("12.345")));
        QCOMPARE(refused.size(), 1);
        QVERIFY(!model.lastError().isEmpty());
        QVERIFY(!model.setData(model.index(row, MenuModel::TitleColumn), QStringLiteral("   ")));
        QCOMPARE(r.store.outbox()->pendingCount(), 1);

        // one-click 86 and featured
        const int soda = rowOfId(model, 2);
        QVERIFY(
            model.setData(model.index(soda, MenuModel::AvailableColumn), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.index(soda, MenuModel::AvailableColumn).data(Qt::CheckStateRole).toInt(),
            int(Qt::Unchecked));
        QVERIFY(model.setData(model.index(soda, MenuModel::FeaturedColumn), true, Qt::EditRole));
        QVERIFY(model.index(soda, 0).data(MenuModel::FeaturedRole).toBool());
        QVERIFY(model.setData(model.index(soda, MenuModel::TitleColumn), QStringLiteral("Lemon soda")));
        QVERIFY(model.setData(model.index(soda, MenuModel::CategoryColumn), 1));
        QCOMPARE(model.index(soda, MenuModel::CategoryColumn).data().toString(), QStringLiteral("Mains"));
        QCOMPARE(r.store.outbox()->pendingCount(), 5);

        // read-only for those who may only look
        model.setEditable(false);
        QVERIFY(!(model.flags(model.index(soda, MenuModel::PriceColumn)) & Qt::ItemIsEditable));
        QVERIFY(!model.setData(model.index(soda, MenuModel::PriceColumn), QStringLiteral("1.00")));
        model.setEditable(true);

        // a new item offline, then numbered by the server: same row, new id
        const LocalEdit pie
            = r.store.outbox()->createMenuItem(MenuItem { 0, QStringLiteral("Pie"), Money(400), false, 2, true });
        QCOMPARE(inserted.size(), 1);
        const int pieRow = rowOfId(model, pie.id);
        QVERIFY(pieRow >= 0);
        QVERIFY(r.store.outbox()->markSending(pie.seq));
        QVERIFY(r.store.outbox()->markDone(pie.seq, menuItem(44, QStringLiteral("Pie"), QStringLiteral("4.00"), 2)));
        QCOMPARE(rowOfId(model, 44), pieRow);
        QCOMPARE(model.index(pieRow, 0).data(MenuModel::PendingRole).toBool(), false);

        // server changes: insert and delete rows, never a reset
        QVERIFY(r.store.cache()->replaceAll(Entity::MenuItem,
            { menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("15.50"), 1),
                menuItem(2, QStringLiteral("Soda"), QStringLiteral("5.50"), 2),
                menuItem(44, QStringLiteral("Pie"), QStringLiteral("4.00"), 2),
                menuItem(50, QStringLiteral("Tea"), QStringLiteral("2.00"), 2) }));
        QCOMPARE(idsOf(model), sortedIds(r.store.cache()->menuItems()));
        QCOMPARE(removed.size(), 1); // item 3
        QCOMPARE(inserted.size(), 2);
        // my unsent edits still show over the server's values
        QCOMPARE(model.index(rowOfId(model, 1), MenuModel::PriceColumn).data().toString(),
            QStringLiteral("12.50"));
        QCOMPARE(model.index(rowOfId(model, 2), MenuModel::TitleColumn).data().toString(),
            QStringLiteral("Lemon soda"));

        // a category renamed changes what the Category column says
        changed.clear();
        QVERIFY(r.store.cache()->replaceAll(Entity::Category,
            { category(1, QStringLiteral("Main dishes")), category(2, QStringLiteral("Drinks")) }));
        QCOMPARE(model.index(rowOfId(model, 1), MenuModel::CategoryColumn).data().toString(),
            QStringLiteral("Main dishes"));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(reset.size(), 0);
    }

    void categoryModel()
    {
        Restaurant r;
        CategoryModel model(&r.store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QCOMPARE(idsOf(model), QList<qint64>({ 1, 2 }));
        const int row = rowOfId(model, 2);
        QVERIFY(model.setData(model.index(row, CategoryModel::TitleColumn), QStringLiteral("Beverages")));
        QCOMPARE(model.index(row, 0).data().toString(), QStringLiteral("Beverages"));
        QVERIFY(model.index(row, 0).data(CategoryModel::PendingRole).toBool());
        QVERIFY(!(model.flags(model.index(row, CategoryModel::SlugColumn)) & Qt::ItemIsEditable));
        const LocalEdit made = r.store.outbox()->createCategory(QStringLiteral("Desserts"));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(r.store.outbox()->discard(made.seq));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(reset.size(), 0);
    }

    void ordersModelAndItsFilter()
    {
        Restaurant r;
        OrdersModel orders(&r.store);
        OrderFilterModel filter;
        filter.setSourceModel(&orders);
        QAbstractItemModelTester ordersTester(
            &orders, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.sort(OrdersModel::NumberColumn, Qt::DescendingOrder);
        QCOMPARE(orders.rowCount(), 12);
        QCOMPARE(filter.rowCount(), 12);
        QCOMPARE(filter.index(0, 0).data(OrdersModel::IdRole).toLongLong(), 12); // newest first

        const int row3 = rowOfId(orders, 3);
        QCOMPARE(orders.index(row3, OrdersModel::NumberColumn).data().toString(), QStringLiteral("#3"));
        QCOMPARE(orders.index(row3, OrdersModel::ItemsColumn).data().toString(),
            QStringLiteral("1× Lasagna, 1× Soda"));
        QCOMPARE(orders.index(row3, OrdersModel::TotalColumn).data().toString(), QStringLiteral("21.00"));
        QCOMPARE(orders.index(row3, OrdersModel::CrewColumn).data().toString(), QStringLiteral("carla"));
        QCOMPARE(orders.index(row3, 0).data(OrdersModel::StageRole).toInt(), int(OrderStage::OutForDelivery));
        QCOMPARE(orders.index(row3, OrdersModel::StageColumn).data().toString(),
            displayName(OrderStage::OutForDelivery));

        // text: every word must match (number, items, note, crew)
        filter.setFilterText(QStringLiteral("CARLA"));
        QCOMPARE(idsOf(filter), QList<qint64>({ 3, 6, 9, 12 }));
        filter.setFilterText(QStringLiteral("carla #1"));
        QCOMPARE(idsOf(filter), QList<qint64>({ 12 }));
        filter.setFilterText(QString());
        // crew
        filter.setCrew(5);
        QCOMPARE(idsOf(filter), QList<qint64>({ 1, 4, 7, 10 }));
        filter.setCrew(OrderFilterModel::NoCrew);
        QCOMPARE(idsOf(filter), QList<qint64>({ 2, 5, 8, 11 }));
        filter.setCrew(OrderFilterModel::AnyCrew);
        // date range
        filter.setDateRange(QDate(2026, 11, 22), QDate(2026, 11, 23));
        QCOMPARE(idsOf(filter), QList<qint64>({ 2, 3, 7, 8, 12 }));
        filter.setDateRange(QDate(2026, 11, 24), QDate());
        QCOMPARE(idsOf(filter), QList<qint64>({ 4, 9 }));
        filter.setDateRange(QDate(), QDate());
        // stages
        filter.setStages({ OrderStage::Ready, OrderStage::Preparing });
        QCOMPARE(idsOf(filter), QList<qint64>({ 1, 2, 7, 8 }));
        QCOMPARE(filter.stages(), QList<OrderStage>({ OrderStage::Preparing, OrderStage::Ready }));

        // a stage move through the model: the filter drops it at once
        QSignalSpy reset(&orders, &QAbstractItemModel::modelReset);
        QVERIFY(orders.setData(
            orders.index(rowOfId(orders, 1), OrdersModel::StageColumn), int(OrderStage::OutForDelivery)));
        QCOMPARE(idsOf(filter), QList<qint64>({ 2, 7, 8 }));
        QVERIFY(orders.index(rowOfId(orders, 1), 0).data(OrdersModel::PendingRole).toBool());
        // a new counter order shows up where it belongs
        filter.setStages({ OrderStage::Received });
        const LocalEdit counter
            = r.store.outbox()->createCounterOrder({ { 3, 2 } }, QStringLiteral("table by the door"));
        QVERIFY(idsOf(filter).contains(counter.id));
        QCOMPARE(orders.index(rowOfId(orders, counter.id), OrdersModel::NumberColumn).data().toString(),
            tr("New"));
        QVERIFY(
            orders.index(rowOfId(orders, counter.id), 0).data(OrdersModel::AgeSecondsRole).toLongLong() >= 0);
        filter.setFilterText(QStringLiteral("door"));
        QCOMPARE(idsOf(filter), QList<qint64>({ counter.id }));
        // numbered by the server
        QVERIFY(r.store.outbox()->markSending(counter.seq));
        QVERIFY(r.store.outbox()->markDone(counter.seq,
            QJsonObject {
                { QStringLiteral("order_id"), 100 }, { QStringLiteral("total"), QStringLiteral("24.00") } }));
        QCOMPARE(idsOf(filter), QList<qint64>({ 100 }));
        filter.clearFilters();
        // crew assignment through the model, and crew names that change
        const int row2 = rowOfId(orders, 2);
        QVERIFY(orders.setData(orders.index(row2, OrdersModel::CrewColumn), 3));
        QCOMPARE(orders.index(row2, OrdersModel::CrewColumn).data().toString(), QStringLiteral("carla"));
        QVERIFY(r.store.cache()->replaceAll(Entity::GroupMember,
            { member(3, QStringLiteral("carla.b")), member(5, QStringLiteral("dino")) }, kCrew));
        QCOMPARE(orders.index(row2, OrdersModel::CrewColumn).data().toString(), QStringLiteral("carla.b"));
        filter.setFilterText(QStringLiteral("carla.b"));
        QVERIFY(idsOf(filter).contains(2));
        filter.clearFilters();
        // deletes from the server
        QVERIFY(r.store.cache()->removeFromServer(Entity::Order, 5));
        QCOMPARE(rowOfId(orders, 5), -1);
        QCOMPARE(idsOf(orders), [&] {
            QList<qint64> ids;
            for (const auto &o : r.store.cache()->orderSummaries())
                ids << o.id;
            std::sort(ids.begin(), ids.end());
            return ids;
        }());
        QCOMPARE(filter.rowCount(), orders.rowCount());
        QCOMPARE(reset.size(), 0);
    }

    void bookingsModelShowsOneDay()
    {
        Restaurant r;
        BookingsModel model(&r.store, QDate(2026, 11, 24));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(idsOf(model), QList<qint64>({ 20, 21 }));
        const int ana = rowOfId(model, 20);
        QCOMPARE(model.index(ana, BookingsModel::TableColumn).data().toString(), QStringLiteral("T1"));
        QCOMPARE(model.index(ana, BookingsModel::NameColumn).data().toString(), QStringLiteral("Ana"));
        QCOMPARE(model.index(ana, 0).data(BookingsModel::TimeRole).toTime(), QTime(19, 0));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // seated through the model
        QVERIFY(model.setData(model.index(ana, BookingsModel::StatusColumn), int(BookingStatus::Seated)));
        QCOMPARE(model.index(ana, 0).data(BookingsModel::StatusRole).toInt(), int(BookingStatus::Seated));
        QVERIFY(!model.setData(
            model.index(ana, BookingsModel::StatusColumn), int(BookingStatus::NoShow))); // not allowed
        QVERIFY(!model.lastError().isEmpty());
        // moved to another day: leaves; moved here: joins
        Booking bo = r.store.cache()->booking(21)->record;
        bo.date = QDate(2026, 11, 25);
        QVERIFY(r.store.outbox()->updateBooking(bo));
        QCOMPARE(idsOf(model), QList<qint64>({ 20 }));
        QVERIFY(r.store.cache()->upsertFromServer(Entity::Booking,
            booking(22, QStringLiteral("Cy"), QStringLiteral("2026-11-24"), QStringLiteral("21:00"))));
        QCOMPARE(idsOf(model), QList<qint64>({ 20, 22 }));
        const LocalEdit made = r.store.outbox()->createBooking(Booking { 0, 0, QStringLiteral("Di"), {},
            QDate(2026, 11, 24), QTime(18, 0), 2, 2, {}, BookingStatus::Booked });
        QVERIFY(made.ok);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(reset.size(), 0);
        // a table renamed
        QVERIFY(r.store.cache()->upsertFromServer(Entity::Table, table(1, QStringLiteral("Window"), 4)));
        QCOMPARE(model.index(rowOfId(model, 20), BookingsModel::TableColumn).data().toString(),
            QStringLiteral("Window"));
        // another day is a new list
        model.setDate(QDate(2026, 11, 25));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(idsOf(model), QList<qint64>({ 21 }));
    }

    void tablesAndStaffModels()
    {
        Restaurant r;
        TablesModel tables(&r.store);
        StaffModel crew(&r.store, kCrew);
        StaffModel managers(&r.store, QStringLiteral("manager"));
        QAbstractItemModelTester t1(&tables, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&crew, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&managers, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(idsOf(tables), QList<qint64>({ 1, 2 }));
        QCOMPARE(idsOf(crew), QList<qint64>({ 3, 5 }));
        QCOMPARE(idsOf(managers), QList<qint64>({ 2 }));
        QSignalSpy crewReset(&crew, &QAbstractItemModel::modelReset);
        QSignalSpy managerInserted(&managers, &QAbstractItemModel::rowsInserted);

        QVERIFY(tables.setData(tables.index(rowOfId(tables, 2), TablesModel::SeatsColumn), 6));
        QCOMPARE(tables.index(rowOfId(tables, 2), TablesModel::SeatsColumn).data().toInt(), 6);
        QVERIFY(!tables.setData(tables.index(rowOfId(tables, 2), TablesModel::SeatsColumn), 0));

        const LocalEdit add = r.store.outbox()->addGroupMember(kCrew, QStringLiteral("eva"));
        QCOMPARE(idsOf(crew), QList<qint64>({ add.id, 3, 5 }));
        QCOMPARE(managerInserted.size(), 0); // another group's list is not touched
        QVERIFY(r.store.outbox()->markSending(add.seq));
        QVERIFY(r.store.outbox()->markDone(
            add.seq, QJsonObject { { QStringLiteral("message"), QStringLiteral("added") } }));
        QVERIFY(r.store.cache()->replaceAll(Entity::GroupMember,
            { member(3, QStringLiteral("carla")), member(5, QStringLiteral("dino")),
                member(9, QStringLiteral("eva")) },
            kCrew));
        QCOMPARE(idsOf(crew), QList<qint64>({ 3, 5, 9 }));
        QVERIFY(r.store.outbox()->removeGroupMember(kCrew, 5));
        QCOMPARE(idsOf(crew), QList<qint64>({ 3, 9 }));
        QCOMPARE(crewReset.size(), 0);
        QCOMPARE(crew.index(0, StaffModel::UsernameColumn).data(StaffModel::GroupRole).toString(), kCrew);
    }

    void outboxModelFollowsTheQueue()
    {
        Restaurant r;
        OutboxModel model(&r.store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        const LocalEdit a = r.store.outbox()->setMenuItemPrice(1, Money(100));
        const LocalEdit b = r.store.outbox()->createCategory(QStringLiteral("Desserts"));
        const LocalEdit c
            = r.store.outbox()->createMenuItem(MenuItem { 0, QStringLiteral("Cake"), Money(300), false, b.id, true });
        QCOMPARE(idsOf(model), QList<qint64>({ a.seq, b.seq, c.seq }));
        const int cRow = rowOfId(model, c.seq);
        QCOMPARE(model.index(cRow, 0).data(OutboxModel::BlockedRole).toBool(), true);
        QCOMPARE(model.index(cRow, OutboxModel::StateColumn).data().toString(),
            tr("Waiting for an earlier change"));
        QVERIFY(r.store.outbox()->markSending(a.seq));
        QVERIFY(r.store.outbox()->markFailed(a.seq, QStringLiteral("A valid number is required.")));
        const int aRow = rowOfId(model, a.seq);
        QCOMPARE(model.index(aRow, OutboxModel::MessageColumn).data().toString(),
            QStringLiteral("A valid number is required."));
        QCOMPARE(model.index(aRow, 0).data(OutboxModel::StateRole).toInt(), int(OutboxEntry::State::Failed));
        QCOMPARE(model.index(aRow, OutboxModel::AttemptsColumn).data().toInt(), 1);
        QVERIFY(r.store.outbox()->markSending(b.seq));
        QVERIFY(r.store.outbox()->markDone(b.seq, category(8, QStringLiteral("Desserts"))));
        QCOMPARE(idsOf(model), QList<qint64>({ a.seq, c.seq }));
        QCOMPARE(model.index(rowOfId(model, c.seq), 0).data(OutboxModel::BlockedRole).toBool(), false);
        QVERIFY(r.store.outbox()->discard(a.seq));
        QCOMPARE(idsOf(model), QList<qint64>({ c.seq }));
    }

    // Many random server changes and edits with every model watched: each
    // model always mirrors the store, and none ever resets.
    void everyModelStaysInStepWithTheStore()
    {
        Restaurant r;
        MenuModel menu(&r.store);
        CategoryModel categories(&r.store);
        OrdersModel orders(&r.store);
        OrderFilterModel filter;
        filter.setSourceModel(&orders);
        filter.setStages({ OrderStage::Received, OrderStage::Preparing });
        filter.sort(OrdersModel::TotalColumn);
        BookingsModel bookings(&r.store, QDate(2026, 11, 24));
        TablesModel tables(&r.store);
        StaffModel crew(&r.store, kCrew);
        OutboxModel outbox(&r.store);
        QList<QAbstractItemModel *> models { &menu, &categories, &orders, &filter, &bookings, &tables, &crew,
            &outbox };
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        std::vector<std::unique_ptr<QSignalSpy>> resets;
        for (QAbstractItemModel *m : models) {
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                m, QAbstractItemModelTester::FailureReportingMode::QtTest));
            resets.push_back(std::make_unique<QSignalSpy>(m, &QAbstractItemModel::modelReset));
        }
        QRandomGenerator random(20261124);
        QList<QJsonObject> serverMenu;
        for (int i = 1; i <= 3; ++i)
            serverMenu << *r.store.cache()->serverCopy(Entity::MenuItem, i);
        qint64 nextId = 100;
        for (int step = 0; step < 300; ++step) {
            const int what = random.bounded(10);
            const auto items = r.store.cache()->menuItems();
            const qint64 someItem
                = items.isEmpty() ? 1 : items.at(random.bounded(int(items.size()))).record.id;
            switch (what) {
            case 0: { // the server adds and drops items
                if (!serverMenu.isEmpty() && random.bounded(2))
                    serverMenu.removeAt(random.bounded(int(serverMenu.size())));
                serverMenu << menuItem(nextId++, QStringLiteral("Dish %1").arg(step),
                    QStringLiteral("%1.00").arg(step % 50), 1 + step % 2);
                QVERIFY2(r.store.cache()->replaceAll(Entity::MenuItem, serverMenu), qPrintable(r.store.errorString()));
                break;
            }
            case 1:
                r.store.outbox()->setMenuItemPrice(someItem, Money(random.bounded(100, 5000)));
                break;
            case 2:
                r.store.outbox()->createMenuItem(
                    MenuItem { 0, QStringLiteral("New %1").arg(step), Money(500), false, 1, true });
                break;
            case 3: { // the engine sends the next entry; the server takes it or refuses it
                const auto next = r.store.outbox()->nextToSend(1);
                if (next.isEmpty())
                    break;
                const OutboxEntry e = next.first();
                QVERIFY(r.store.outbox()->markSending(e.seq));
                if (random.bounded(4) == 0) {
                    QVERIFY(r.store.outbox()->markFailed(e.seq, QStringLiteral("refused")));
                } else {
                    QJsonObject answer;
                    if (e.entity == Entity::MenuItem && e.operation == OutboxEntry::Operation::Create) {
                        answer = e.overlay;
                        answer.insert(QStringLiteral("id"), nextId++);
                        serverMenu << answer;
                    } else if (e.entity == Entity::Order && e.operation == OutboxEntry::Operation::Create) {
                        answer = { { QStringLiteral("order_id"), nextId++ },
                            { QStringLiteral("total"), QStringLiteral("1.00") } };
                    }
                    QVERIFY2(r.store.outbox()->markDone(e.seq, answer), qPrintable(r.store.errorString()));
                }
                break;
            }
            case 4: {
                const auto entries = r.store.outbox()->entries();
                if (!entries.isEmpty()) {
                    const auto &e = entries.at(random.bounded(int(entries.size())));
                    if (e.state != OutboxEntry::State::Sending)
                        QVERIFY(r.store.outbox()->discard(e.seq));
                }
                break;
            }
            case 5: {
                const auto rows = r.store.cache()->orderSummaries();
                const auto &o = rows.at(random.bounded(int(rows.size())));
                r.store.outbox()->setOrderStage(o.id, allOrderStages().at(random.bounded(5)));
                break;
            }
            case 6:
                r.store.outbox()->createCounterOrder({ { someItem, 1 + random.bounded(3) } });
                break;
            case 7: { // a change feed page
                ChangeFeed feed;
                feed.changes << Change { step, QStringLiteral("order"), qint64(random.bounded(1, 15)),
                    random.bounded(3) ? Change::Op::Upsert : Change::Op::Delete, {} };
                if (feed.changes.first().op == Change::Op::Upsert)
                    feed.changes.first().data
                        = order(feed.changes.first().id, toWire(allOrderStages().at(random.bounded(5))),
                            QStringLiteral("2026-11-2%1").arg(random.bounded(5)));
                feed.changes << Change { step, QStringLiteral("booking"), 30 + random.bounded(5),
                    Change::Op::Upsert,
                    booking(0, QStringLiteral("Guest"),
                        QStringLiteral("2026-11-2%1").arg(4 + random.bounded(2)), QStringLiteral("19:00")) };
                feed.changes.last().data.insert(QStringLiteral("id"), feed.changes.last().id);
                feed.next = step;
                QVERIFY2(r.store.cache()->applyChanges(feed), qPrintable(r.store.errorString()));
                break;
            }
            case 8:
                if (random.bounded(2))
                    r.store.outbox()->addGroupMember(kCrew, QStringLiteral("user%1").arg(step));
                else
                    QVERIFY(r.store.cache()->replaceAll(Entity::GroupMember,
                        { member(3, QStringLiteral("carla")),
                            member(nextId++, QStringLiteral("x%1").arg(step)) },
                        kCrew));
                break;
            case 9:
                filter.setFilterText(random.bounded(2) ? QStringLiteral("lasagna") : QString());
                break;
            }
            // every model mirrors the store
            QCOMPARE(idsOf(menu), sortedIds(r.store.cache()->menuItems()));
            QCOMPARE(idsOf(categories), sortedIds(r.store.cache()->categories()));
            QCOMPARE(idsOf(bookings), sortedIds(r.store.cache()->bookingsOn(QDate(2026, 11, 24))));
            QCOMPARE(idsOf(tables), sortedIds(r.store.cache()->tables()));
            QList<qint64> orderIds;
            for (const auto &o : r.store.cache()->orderSummaries())
                orderIds << o.id;
            std::sort(orderIds.begin(), orderIds.end());
            QCOMPARE(idsOf(orders), orderIds);
            QList<qint64> crewIds;
            for (const auto &m : r.store.cache()->groupMembers(kCrew))
                crewIds << m.record.userId;
            std::sort(crewIds.begin(), crewIds.end());
            QCOMPARE(idsOf(crew), crewIds);
            QList<qint64> seqs;
            for (const auto &e : r.store.outbox()->entries())
                seqs << e.seq;
            QCOMPARE(idsOf(outbox), seqs);
            // rows show what the store says, pending marks included
            for (int row = 0; row < menu.rowCount(); ++row) {
                const qint64 id = menu.index(row, 0).data(MenuModel::IdRole).toLongLong();
                const auto item = r.store.cache()->menuItem(id);
                QCOMPARE(menu.index(row, 0).data(MenuModel::PriceCentsRole).toLongLong(),
                    item->record.price.cents());
                QCOMPARE(menu.index(row, 0).data(MenuModel::SyncStateRole).toInt(), int(item->sync));
            }
        }
        for (const auto &spy : resets)
            QCOMPARE(spy->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
