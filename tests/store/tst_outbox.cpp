// LocalStore's outbox: every edit queued with its cache change in one
// transaction, temporary ids, the sync engine's API, crash safety.

#include "api/client/outboxrequest.h"
#include "models/localstore.h"
#include "storefixtures.h"

#include <cstdio>
#include <functional>
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QJsonArray>

using namespace LittleLemon;
using namespace LittleLemon::Fixtures;

using Edit = std::function<LocalEdit(LocalStore &)>;
// Returns what is wrong with the cache after the edit, or nothing.
using Check = std::function<QString(LocalStore &, const LocalEdit &)>;
Q_DECLARE_METATYPE(Edit)
Q_DECLARE_METATYPE(Check)

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

struct OldRow
{
    const char *method;
    const char *path;
    const char *body;
};

// Turns an outbox file back into schema 1 (before typed commands): the
// rows, in seq order, get `rows`' method, path and body, as that version wrote them.
bool rewriteAsSchema1(const QString &file, const QList<OldRow> &rows)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema1"));
        db.setDatabaseName(file);
        ok = db.open();
        QSqlQuery q(db);
        QList<qint64> seqs;
        ok = ok && q.exec(QStringLiteral("SELECT seq FROM outbox ORDER BY seq"));
        while (ok && q.next())
            seqs << q.value(0).toLongLong();
        ok = ok && seqs.size() == rows.size();
        for (qsizetype i = 0; ok && i < rows.size(); ++i) {
            QSqlQuery u(db);
            u.prepare(QStringLiteral("UPDATE outbox SET method = ?, path = ?, body = ? WHERE seq = ?"));
            u.addBindValue(QString::fromLatin1(rows.at(i).method));
            u.addBindValue(QString::fromLatin1(rows.at(i).path));
            u.addBindValue(QByteArray(rows.at(i).body));
            u.addBindValue(seqs.at(i));
            ok = u.exec();
        }
        for (const char *sql : { "ALTER TABLE outbox DROP COLUMN command", "ALTER TABLE outbox DROP COLUMN payload",
                 "PRAGMA user_version = 1" }) {
            if (ok && !q.exec(QString::fromLatin1(sql))) {
                qWarning() << sql << q.lastError().text();
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema1"));
    return ok;
}

const QString kToday = QStringLiteral("2026-11-24");

// A restaurant with every kind of record, on a server with every extension.
void seedAll(LocalStore &store)
{
    seedMenu(store);
    store.cache()->setServerFeatures({ QStringLiteral("stages"), QStringLiteral("availability"),
        QStringLiteral("counter_orders"), QStringLiteral("bookings"), QStringLiteral("tables") });
    store.cache()->setCurrentUserId(2);
    store.cache()->replaceAll(Entity::Order, { order(10), order(11, QStringLiteral("ready")) });
    store.cache()->replaceAll(Entity::Table, { table(1, QStringLiteral("T1"), 4), table(2, QStringLiteral("T2"), 2) });
    store.cache()->replaceAll(
        Entity::Booking, { booking(20, QStringLiteral("Ana"), kToday, QStringLiteral("19:00"), 2, 1) });
    store.cache()->replaceAll(
        Entity::GroupMember, { member(3, QStringLiteral("crew")) }, QStringLiteral("delivery-crew"));
    store.cache()->replaceAll(Entity::GroupMember, { member(2, QStringLiteral("mario")) }, QStringLiteral("manager"));
}

QString expect(bool ok, const QString &what)
{
    return ok ? QString() : what;
}

QJsonObject obj(std::initializer_list<QPair<QString, QJsonValue>> fields)
{
    return QJsonObject(fields);
}

// The crash test's child: queue edits as fast as it can and say which committed.
int crashWriter(const QString &folder)
{
    LocalStore store;
    QTemporaryDir unused;
    const LocalStore::Paths paths { folder + QStringLiteral("/cache.sqlite"),
        folder + QStringLiteral("/outbox.sqlite") };
    if (!store.open(paths)) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(store.errorString()));
        return 2;
    }
    for (qint64 i = 0;; ++i) {
        LocalEdit edit;
        switch (i % 4) {
        case 0:
        case 1:
            edit = store.outbox()->setMenuItemPrice(1 + i % 3, Money(100 + i));
            break;
        case 2:
            edit = store.outbox()->createCounterOrder(
                { { 1 + i % 3, int(1 + i % 5) } }, QStringLiteral("crash %1").arg(i));
            break;
        case 3:
            edit = store.outbox()->setOrderStage(10, (i / 4) % 2 ? OrderStage::Preparing : OrderStage::Ready);
            break;
        }
        if (!edit) {
            std::fprintf(stderr, "edit failed: %s\n", qPrintable(edit.error));
            return 3;
        }
        // Some entries are caught mid-send by the kill.
        if (i % 5 == 0) {
            const auto next = store.outbox()->nextToSend(1);
            if (!next.isEmpty())
                store.outbox()->markSending(next.first().seq);
        }
        std::printf("committed %s\n", qPrintable(edit.uuid));
        std::fflush(stdout);
    }
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private slots:
    // The one translation of a command into a request, on our server (every
    // extension) and on the cloud (none: no stages, no 86'ing, no line notes;
    // CONTRACT.md), so a queued edit is right whichever server it reaches.
    void commandsBecomeRequestsOnBothServers()
    {
        using K = OutboxCommand::Kind;
        const auto ours = [](const QString &) { return true; };
        const auto cloud = [](const QString &) { return false; };
        const OutboxCommand ready = OutboxCommand::make(K::MoveOrder, obj({ { "stage", "ready" } }));
        const OutboxCommand delivered = OutboxCommand::make(K::MoveOrder, obj({ { "stage", "delivered" } }));
        QCOMPARE(Client::OutboxRequest::body(ready, ours), QJsonValue(obj({ { "stage", "ready" } })));
        QCOMPARE(Client::OutboxRequest::body(ready, cloud), QJsonValue(obj({ { "status", false } })));
        QCOMPARE(Client::OutboxRequest::body(delivered, cloud), QJsonValue(obj({ { "status", true } })));

        const OutboxCommand dish = OutboxCommand::make(K::CreateMenuItem,
            obj({ { "title", "Pie" }, { "cents", 405 }, { "featured", true }, { "category", 2 }, { "available", false } }));
        QCOMPARE(Client::OutboxRequest::body(dish, ours),
            QJsonValue(obj({ { "title", "Pie" }, { "price", "4.05" }, { "featured", true }, { "category", 2 },
                { "available", false } })));
        QCOMPARE(Client::OutboxRequest::body(dish, cloud),
            QJsonValue(obj({ { "title", "Pie" }, { "price", "4.05" }, { "featured", true }, { "category", 2 } })));

        const OutboxCommand counter = OutboxCommand::make(K::CreateCounterOrder,
            obj({ { "lines", QJsonArray { obj({ { "item", 3 }, { "quantity", 2 }, { "note", "no salt" } }) } },
                { "note", "" } }));
        QCOMPARE(Client::OutboxRequest::body(counter, ours),
            QJsonValue(obj({ { "items", QJsonArray { obj({ { "menuitem", 3 }, { "quantity", 2 }, { "note", "no salt" } }) } },
                { "note", "" } })));
        QCOMPARE(Client::OutboxRequest::body(counter, cloud),
            QJsonValue(obj({ { "items", QJsonArray { obj({ { "menuitem", 3 }, { "quantity", 2 } }) } }, { "note", "" } })));

        // Method, path and key come from the entry, the same on both servers.
        OutboxEntry e;
        e.uuid = QStringLiteral("0b4a3f7e-0000-4000-8000-000000000001");
        e.entity = Entity::GroupMember;
        e.scope = QStringLiteral("delivery crew");
        e.targetId = 4;
        e.operation = OutboxEntry::Operation::Delete;
        e.command = OutboxCommand::make(K::Delete);
        for (const auto &has : { Client::OutboxRequest::HasFeature(ours), Client::OutboxRequest::HasFeature(cloud) }) {
            const Client::Request r = Client::OutboxRequest::request(e, has);
            QCOMPARE(r.method, QByteArray("DELETE"));
            QCOMPARE(r.path, QStringLiteral("/api/groups/delivery%20crew/users/4"));
            QVERIFY(r.json.isUndefined());
            QCOMPARE(r.idempotencyKey, e.uuid);
        }
    }

    // An outbox written before typed commands (schema 1: method, path and
    // body in the row) is read after the upgrade as the commands it held,
    // with its keys, bases and states.
    void oldFormEntriesSurviveTheUpgrade()
    {
        QTemporaryDir dir;
        QString uuid;
        {
            LocalStore store;
            QVERIFY(store.open(pathsIn(dir)));
            seedAll(store);
            const LocalEdit price = store.outbox()->setMenuItemPrice(1, Money(1250));
            QVERIFY(price);
            QVERIFY(store.outbox()->createBooking(Booking { 0, 0, QStringLiteral("Bo"), QStringLiteral("555"),
                QDate(2026, 11, 24), QTime(20, 30), 3, 2, QString(), BookingStatus::Booked }));
            QVERIFY(store.outbox()->setOrderStage(10, OrderStage::Preparing));
            uuid = price.uuid;
            store.close();
        }
        QVERIFY(rewriteAsSchema1(pathsIn(dir).outbox, {
            { "PATCH", "/api/menu-items/1", R"({"price":"12.50"})" },
            { "POST", "/api/bookings",
                R"({"name":"Bo","phone":"555","date":"2026-11-24","time":"20:30","guests":3,"table":2,"notes":""})" },
            { "PATCH", "/api/orders/10", R"({"stage":"preparing"})" } }));

        LocalStore store;
        QVERIFY2(store.open(pathsIn(dir)), qPrintable(store.errorString()));
        const QList<OutboxEntry> entries = store.outbox()->entries();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).uuid, uuid);
        QCOMPARE(entries.at(0).command, OutboxCommand::make(OutboxCommand::Kind::SetMenuItemPrice, obj({ { "cents", 1250 } })));
        QCOMPARE(entries.at(0).base, obj({ { "price", "15.50" } }));
        QCOMPARE(entries.at(1).command.kind, OutboxCommand::Kind::CreateBooking);
        QCOMPARE(entries.at(2).command.kind, OutboxCommand::Kind::MoveOrder);
        QCOMPARE(sentMethod(entries.at(0)), QStringLiteral("PATCH"));
        QCOMPARE(sentPath(entries.at(0)), QStringLiteral("/api/menu-items/1"));
        QCOMPARE(sentBody(store, entries.at(0)), QJsonValue(obj({ { "price", "12.50" } })));
        QCOMPARE(sentPath(entries.at(1)), QStringLiteral("/api/bookings"));
        QCOMPARE(sentBody(store, entries.at(1)).toObject().value(QStringLiteral("table")).toInt(), 2);
        QCOMPARE(sentBody(store, entries.at(2)), QJsonValue(obj({ { "stage", "preparing" } })));
        QCOMPARE(store.cache()->menuItem(1)->record.price, Money(1250)); // still shown
        // A body the desk never wrote is kept and sent as it was.
        QCOMPARE(OutboxCommand::fromLegacy(Entity::MenuItem, QStringLiteral("PATCH"), obj({ { "title", "A" }, { "featured", true } })).kind,
            OutboxCommand::Kind::Legacy);
        // Saved again (sent), the row takes the new form.
        QVERIFY(store.outbox()->markSending(entries.at(0).seq));
        QCOMPARE(store.outbox()->entry(entries.at(0).seq)->command, entries.at(0).command);
    }

    void everyEditIsQueuedWithItsRequest_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("body");
        QTest::addColumn<QJsonObject>("base");
        QTest::addColumn<Check>("check");

        QTest::newRow("menu item price")
            << Edit([](LocalStore &s) { return s.outbox()->setMenuItemPrice(1, Money(1250)); }) << "PATCH"
            << "/api/menu-items/1" << QJsonValue(obj({ { "price", "12.50" } }))
            << obj({ { "price", "15.50" } }) << Check([](LocalStore &s, const LocalEdit &) {
                   return expect(s.cache()->menuItem(1)->record.price == Money(1250), "price not shown");
               });
        QTest::newRow("menu item title")
            << Edit([](LocalStore &s) { return s.outbox()->setMenuItemTitle(1, QStringLiteral(" Lasagne ")); })
            << "PATCH"
            << "/api/menu-items/1" << QJsonValue(obj({ { "title", "Lasagne" } }))
            << obj({ { "title", "Lasagna" } }) << Check([](LocalStore &s, const LocalEdit &) {
                   return expect(s.cache()->menuItem(1)->record.title == QLatin1String("Lasagne"), "title not shown");
               });
        QTest::newRow("menu item featured")
            << Edit([](LocalStore &s) { return s.outbox()->setMenuItemFeatured(2, true); }) << "PATCH"
            << "/api/menu-items/2" << QJsonValue(obj({ { "featured", true } }))
            << obj({ { "featured", false } }) << Check([](LocalStore &s, const LocalEdit &) {
                   return expect(s.cache()->menuItem(2)->record.featured, "not featured");
               });
        QTest::newRow("menu item 86'd")
            << Edit([](LocalStore &s) { return s.outbox()->setMenuItemAvailable(2, false); }) << "PATCH"
            << "/api/menu-items/2" << QJsonValue(obj({ { "available", false } }))
            << obj({ { "available", true } }) << Check([](LocalStore &s, const LocalEdit &) {
                   return expect(!s.cache()->menuItem(2)->record.available, "still available");
               });
        QTest::newRow("menu item category")
            << Edit([](LocalStore &s) { return s.outbox()->setMenuItemCategory(3, 2); }) << "PATCH"
            << "/api/menu-items/3" << QJsonValue(obj({ { "category", 2 } })) << obj({ { "category", 1 } })
            << Check([](LocalStore &s, const LocalEdit &) {
                   return expect(s.cache()->menuItem(3)->record.category == 2, "category");
               });
        QTest::newRow("menu item created")
            << Edit([](LocalStore &s) {
                   return s.outbox()->createMenuItem(MenuItem { 0, QStringLiteral("Pie"), Money(400), false, 1, true });
               })
            << "POST"
            << "/api/menu-items"
            << QJsonValue(obj({ { "title", "Pie" }, { "price", "4.00" }, { "featured", false },
                   { "category", 1 }, { "available", true } }))
            << QJsonObject() << Check([](LocalStore &s, const LocalEdit &e) {
                   const auto item = s.cache()->menuItem(e.id);
                   return expect(e.id < 0 && item && item->record.title == QLatin1String("Pie")
                           && item->sync == SyncState::Pending,
                       "new item not shown under a temporary id");
               });
        QTest::newRow("menu item deleted")
            << Edit([](LocalStore &s) { return s.outbox()->deleteMenuItem(2); }) << "DELETE"
            << "/api/menu-items/2" << QJsonValue()
            << menuItem(2, QStringLiteral("Soda"), QStringLiteral("5.50"), 2)
            << Check([](LocalStore &s, const LocalEdit &) { return expect(!s.cache()->menuItem(2), "still shown"); });
        QTest::newRow("category created")
            << Edit([](LocalStore &s) { return s.outbox()->createCategory(QStringLiteral("Desserts & Cakes")); })
            << "POST"
            << "/api/categories"
            << QJsonValue(obj({ { "slug", "desserts-cakes" }, { "title", "Desserts & Cakes" } }))
            << QJsonObject() << Check([](LocalStore &s, const LocalEdit &e) {
                   return expect(s.cache()->category(e.id).has_value(), "category not shown");
               });
        QTest::newRow("category renamed")
            << Edit([](LocalStore &s) { return s.outbox()->renameCategory(1, QStringLiteral("Main dishes")); })
            << "PATCH"
            << "/api/categories/1" << QJsonValue(obj({ { "title", "Main dishes" } }))
            << obj({ { "title", "Mains" } }) << Check([](LocalStore &s, const LocalEdit &) {
                   return expect(s.cache()->category(1)->record.title == QLatin1String("Main dishes"), "title");
               });
        QTest::newRow("order stage")
            << Edit([](LocalStore &s) { return s.outbox()->setOrderStage(10, OrderStage::Preparing); }) << "PATCH"
            << "/api/orders/10" << QJsonValue(obj({ { "stage", "preparing" } }))
            << obj({ { "stage", "received" } }) << Check([](LocalStore &s, const LocalEdit &) {
                   return expect(s.cache()->orderSummaries({ 10 }).at(0).stage == OrderStage::Preparing, "stage");
               });
        QTest::newRow("order delivered (status)")
            << Edit([](LocalStore &s) { return s.outbox()->setOrderStatus(11, true); }) << "PATCH"
            << "/api/orders/11" << QJsonValue(obj({ { "status", true } })) << obj({ { "status", false } })
            << Check([](LocalStore &s, const LocalEdit &) {
                   const OrderSummary o = s.cache()->orderSummaries({ 11 }).at(0);
                   return expect(
                       o.status && o.stage == OrderStage::Delivered, "status and stage follow each other");
               });
        QTest::newRow("order crew assigned")
            << Edit([](LocalStore &s) { return s.outbox()->assignDeliveryCrew(10, 3); }) << "PATCH"
            << "/api/orders/10" << QJsonValue(obj({ { "delivery_crew", 3 } }))
            << obj({ { "delivery_crew", QJsonValue() } }) << Check([](LocalStore &s, const LocalEdit &) {
                   return expect(
                       s.cache()->orderSummaries({ 10 }).at(0).deliveryCrew == std::optional<qint64>(3), "crew");
               });
        QTest::newRow("order crew removed")
            << Edit([](LocalStore &s) { return s.outbox()->assignDeliveryCrew(10, std::nullopt); }) << "PATCH"
            << "/api/orders/10" << QJsonValue(obj({ { "delivery_crew", QJsonValue() } }))
            << obj({ { "delivery_crew", QJsonValue() } }) << Check([](LocalStore &s, const LocalEdit &) {
                   return expect(!s.cache()->orderSummaries({ 10 }).at(0).deliveryCrew, "crew");
               });
        QTest::newRow("counter order")
            << Edit([](LocalStore &s) {
                   return s.outbox()->createCounterOrder({ { 1, 2 }, { 2, 1 } }, QStringLiteral("no onions"));
               })
            << "POST"
            << "/api/orders"
            << QJsonValue(obj({ { "items",
                                    QJsonArray { obj({ { "menuitem", 1 }, { "quantity", 2 } }),
                                        obj({ { "menuitem", 2 }, { "quantity", 1 } }) } },
                   { "note", "no onions" } }))
            << QJsonObject() << Check([](LocalStore &s, const LocalEdit &e) {
                   const auto rows = s.cache()->orderSummaries({ e.id });
                   if (rows.size() != 1)
                       return QStringLiteral("order not shown");
                   const OrderSummary &o = rows.first();
                   return expect(o.total == Money(3650)
                           && o.itemsSummary == QStringLiteral("2× Lasagna, 1× Soda")
                           && o.stage == OrderStage::Received && o.placedAt.isValid() && o.user == 2
                           && o.note == QLatin1String("no onions"),
                       "order shown wrong");
               });
        const Booking fresh { 0, 0, QStringLiteral("Bo"), QStringLiteral("555"), QDate(2026, 11, 24),
            QTime(20, 30), 3, 2, QStringLiteral("window"), BookingStatus::Booked };
        QTest::newRow("booking created")
            << Edit([fresh](LocalStore &s) { return s.outbox()->createBooking(fresh); }) << "POST"
            << "/api/bookings"
            << QJsonValue(obj({ { "name", "Bo" }, { "phone", "555" }, { "date", "2026-11-24" },
                   { "time", "20:30" }, { "guests", 3 }, { "table", 2 }, { "notes", "window" } }))
            << QJsonObject() << Check([](LocalStore &s, const LocalEdit &e) {
                   const auto b = s.cache()->booking(e.id);
                   return expect(b && b->record.guests == 3 && b->record.status == BookingStatus::Booked
                           && s.cache()->bookingsOn(QDate(2026, 11, 24)).size() == 2,
                       "booking not shown");
               });
        QTest::newRow("booking changed")
            << Edit([](LocalStore &s) {
                   Booking b = s.cache()->booking(20)->record;
                   b.guests = 4;
                   b.time = QTime(20, 0);
                   return s.outbox()->updateBooking(b);
               })
            << "PATCH"
            << "/api/bookings/20" << QJsonValue(obj({ { "guests", 4 }, { "time", "20:00" } }))
            << obj({ { "guests", 2 }, { "time", "19:00" } }) << Check([](LocalStore &s, const LocalEdit &) {
                   return expect(s.cache()->booking(20)->record.guests == 4, "guests");
               });
        QTest::newRow("booking seated")
            << Edit([](LocalStore &s) { return s.outbox()->setBookingStatus(20, BookingStatus::Seated); }) << "PATCH"
            << "/api/bookings/20" << QJsonValue(obj({ { "status", "seated" } }))
            << obj({ { "status", "booked" } }) << Check([](LocalStore &s, const LocalEdit &) {
                   return expect(s.cache()->booking(20)->record.status == BookingStatus::Seated, "status");
               });
        QTest::newRow("booking cancelled")
            << Edit([](LocalStore &s) { return s.outbox()->cancelBooking(20); }) << "PATCH"
            << "/api/bookings/20" << QJsonValue(obj({ { "status", "cancelled" } }))
            << obj({ { "status", "booked" } }) << Check([](LocalStore &s, const LocalEdit &) {
                   return expect(s.cache()->booking(20)->record.status == BookingStatus::Cancelled, "status");
               });
        QTest::newRow("booking deleted")
            << Edit([](LocalStore &s) { return s.outbox()->deleteBooking(20); }) << "DELETE"
            << "/api/bookings/20" << QJsonValue()
            << booking(20, QStringLiteral("Ana"), kToday, QStringLiteral("19:00"), 2, 1)
            << Check([](LocalStore &s, const LocalEdit &) { return expect(!s.cache()->booking(20), "still shown"); });
        QTest::newRow("table created") << Edit([](LocalStore &s) {
            return s.outbox()->createTable(DiningTable { 0, QStringLiteral("T9"), 2 });
        }) << "POST"
                                       << "/api/tables"
                                       << QJsonValue(obj({ { "name", "T9" }, { "seats", 2 } }))
                                       << QJsonObject() << Check([](LocalStore &s, const LocalEdit &e) {
                                              return expect(s.cache()->table(e.id).has_value(), "table");
                                          });
        QTest::newRow("table changed") << Edit([](LocalStore &s) {
            return s.outbox()->updateTable(DiningTable { 1, QStringLiteral("T1"), 6 });
        }) << "PATCH"
                                       << "/api/tables/1" << QJsonValue(obj({ { "seats", 6 } }))
                                       << obj({ { "seats", 4 } })
                                       << Check([](LocalStore &s, const LocalEdit &) {
                                              return expect(s.cache()->table(1)->record.seats == 6, "seats");
                                          });
        QTest::newRow("member added")
            << Edit([](LocalStore &s) {
                   return s.outbox()->addGroupMember(QStringLiteral("delivery-crew"), QStringLiteral("cust"));
               })
            << "POST"
            << "/api/groups/delivery-crew/users" << QJsonValue(obj({ { "username", "cust" } }))
            << QJsonObject() << Check([](LocalStore &s, const LocalEdit &e) {
                   const auto crew = s.cache()->groupMembers(QStringLiteral("delivery-crew"));
                   return expect(e.id < 0 && crew.size() == 2, "member not shown");
               });
        QTest::newRow("member removed")
            << Edit([](LocalStore &s) { return s.outbox()->removeGroupMember(QStringLiteral("delivery-crew"), 3); })
            << "DELETE"
            << "/api/groups/delivery-crew/users/3" << QJsonValue() << member(3, QStringLiteral("crew"))
            << Check([](LocalStore &s, const LocalEdit &) {
                   return expect(s.cache()->groupMembers(QStringLiteral("delivery-crew")).isEmpty(), "still shown");
               });
    }
    void everyEditIsQueuedWithItsRequest()
    {
        QFETCH(Edit, edit);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QJsonValue, body);
        QFETCH(QJsonObject, base);
        QFETCH(Check, check);
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedAll(store);
        QSignalSpy changes(store.cache(), &LocalCache::changed);
        QSignalSpy outbox(store.outbox(), &Outbox::changed);
        QSignalSpy counts(store.outbox(), &Outbox::countsChanged);

        const LocalEdit done = edit(store);
        QVERIFY2(done.ok, qPrintable(done.error));
        QVERIFY(done.seq > 0);
        QVERIFY(!done.uuid.isEmpty());
        const QString problem = check(store, done);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(changes.size(), 1); // the row, once, after the commit
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.at(0).at(0).value<OutboxChange>().inserted, QList<qint64>({ done.seq }));
        QCOMPARE(counts.size(), 1);
        QCOMPARE(counts.at(0).at(0).toInt(), 1);

        const auto entry = store.outbox()->entry(done.seq);
        QVERIFY(entry);
        QCOMPARE(entry->uuid, done.uuid);
        QCOMPARE(QUuid::fromString(entry->uuid).isNull(), false);
        QCOMPARE(sentMethod(*entry), method);
        QCOMPARE(sentPath(*entry), path);
        QCOMPARE(sentBody(store, *entry), body.isNull() ? QJsonValue(QJsonValue::Undefined) : body);
        QCOMPARE(entry->base, base);
        QCOMPARE(entry->state, OutboxEntry::State::Pending);
        QCOMPARE(entry->attempts, 0);
        QVERIFY(!entry->summary.isEmpty());
        QVERIFY(entry->createdAt.isValid());
        QCOMPARE(store.outbox()->pendingCount(), 1);

        // It survives a restart exactly.
        store.close();
        QVERIFY(store.open(pathsIn(dir)));
        const auto again = store.outbox()->entry(done.seq);
        QVERIFY(again);
        QCOMPARE(again->command, entry->command);
        QCOMPARE(sentPath(*again), sentPath(*entry));
        QCOMPARE(again->uuid, entry->uuid);
        const QString after = check(store, done);
        QVERIFY2(after.isEmpty(), qPrintable(after));
    }

    void refusesEditsThatCannotBeRight_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::newRow("empty title") << Edit(
            [](LocalStore &s) { return s.outbox()->setMenuItemTitle(1, QStringLiteral("  ")); });
        QTest::newRow("negative price")
            << Edit([](LocalStore &s) { return s.outbox()->setMenuItemPrice(1, Money(-1)); });
        QTest::newRow("price too large")
            << Edit([](LocalStore &s) { return s.outbox()->setMenuItemPrice(1, Money(1000000)); });
        QTest::newRow("unknown item") << Edit([](LocalStore &s) { return s.outbox()->setMenuItemFeatured(99, true); });
        QTest::newRow("unknown category") << Edit([](LocalStore &s) { return s.outbox()->setMenuItemCategory(1, 99); });
        QTest::newRow("empty order") << Edit([](LocalStore &s) { return s.outbox()->createCounterOrder({}); });
        QTest::newRow("zero quantity") << Edit([](LocalStore &s) {
            return s.outbox()->createCounterOrder({ { 1, 0 } });
        });
        QTest::newRow("order of unknown item") << Edit([](LocalStore &s) {
            return s.outbox()->createCounterOrder({ { 99, 1 } });
        });
        QTest::newRow("completed before seated")
            << Edit([](LocalStore &s) { return s.outbox()->setBookingStatus(20, BookingStatus::Completed); });
        QTest::newRow("booking without guests") << Edit([](LocalStore &s) {
            return s.outbox()->createBooking(Booking { 0, 0, QStringLiteral("X"), {}, QDate(2026, 11, 24), QTime(19, 0),
                0, {}, {}, BookingStatus::Booked });
        });
        QTest::newRow("member twice") << Edit([](LocalStore &s) {
            return s.outbox()->addGroupMember(QStringLiteral("delivery-crew"), QStringLiteral("CREW"));
        });
        QTest::newRow("delete unknown") << Edit([](LocalStore &s) { return s.outbox()->deleteTable(99); });
    }
    void refusesEditsThatCannotBeRight()
    {
        QFETCH(Edit, edit);
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedAll(store);
        QSignalSpy changes(store.cache(), &LocalCache::changed);
        const LocalEdit done = edit(store);
        QVERIFY(!done.ok);
        QVERIFY(!done.error.isEmpty());
        QCOMPARE(store.outbox()->count(), 0);
        QCOMPARE(changes.size(), 0);
    }

    void anEditIsAllOrNothing_data()
    {
        QTest::addColumn<bool>("inOutbox");
        QTest::addColumn<QString>("trigger");
        QTest::addColumn<Edit>("edit");
        QTest::newRow("outbox insert fails")
            << true
            << "CREATE TRIGGER fail BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'injected'); END"
            << Edit([](LocalStore &s) { return s.outbox()->setMenuItemPrice(1, Money(999)); });
        QTest::newRow("cache row update fails after the entry was written")
            << false
            << "CREATE TRIGGER fail BEFORE UPDATE ON menu_items BEGIN SELECT RAISE(ABORT, 'injected'); END"
            << Edit([](LocalStore &s) { return s.outbox()->setMenuItemPrice(1, Money(999)); });
        QTest::newRow("order lines fail after the order row was written")
            << false
            << "CREATE TRIGGER fail BEFORE INSERT ON order_items BEGIN SELECT RAISE(ABORT, 'injected'); END"
            << Edit([](LocalStore &s) {
                   return s.outbox()->createCounterOrder({ { 1, 1 } });
               });
        QTest::newRow("temporary id counter fails")
            << true
            << "CREATE TRIGGER fail BEFORE INSERT ON outbox_meta BEGIN SELECT RAISE(ABORT, 'injected'); END"
            << Edit([](LocalStore &s) {
                   return s.outbox()->createTable(DiningTable { 0, QStringLiteral("T9"), 2 });
               });
    }
    void anEditIsAllOrNothing()
    {
        QFETCH(bool, inOutbox);
        QFETCH(QString, trigger);
        QFETCH(Edit, edit);
        QTemporaryDir dir;
        const auto paths = pathsIn(dir);
        LocalStore store;
        QVERIFY(store.open(paths));
        seedAll(store);
        const auto menuBefore = store.cache()->menuItems().size();
        const auto ordersBefore = store.cache()->orderSummaries().size();
        const auto tablesBefore = store.cache()->tables().size();
        // A real failure inside SQLite, from another connection, mid-transaction.
        QVERIFY(execOn(inOutbox ? paths.outbox : paths.cache, { trigger }));
        QSignalSpy changes(store.cache(), &LocalCache::changed);
        QSignalSpy outbox(store.outbox(), &Outbox::changed);

        const LocalEdit failed = edit(store);
        QVERIFY(!failed.ok);
        QVERIFY2(failed.error.contains(QStringLiteral("injected")), qPrintable(failed.error));
        QCOMPARE(store.outbox()->count(), 0);
        QCOMPARE(store.cache()->menuItem(1)->record.price, Money(1550));
        QCOMPARE(store.cache()->menuItem(1)->sync, SyncState::Synced);
        QCOMPARE(store.cache()->menuItems().size(), menuBefore);
        QCOMPARE(store.cache()->orderSummaries().size(), ordersBefore);
        QCOMPARE(store.cache()->tables().size(), tablesBefore);
        QCOMPARE(peek(paths.cache, QStringLiteral("SELECT COUNT(*) FROM order_items")).toInt(), 4);
        QCOMPARE(changes.size(), 0);
        QCOMPARE(outbox.size(), 0);

        // The store goes on working once the fault is gone.
        QVERIFY(execOn(inOutbox ? paths.outbox : paths.cache, { QStringLiteral("DROP TRIGGER fail") }));
        const LocalEdit ok = edit(store);
        QVERIFY2(ok.ok, qPrintable(ok.error));
        QCOMPARE(store.outbox()->count(), 1);
    }

    void temporaryIdsAreReplacedEverywhere()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedAll(store);
        // Offline: a category, an item in it, an order of that item, a price
        // change of the new item, a table and a booking at it.
        const LocalEdit cat = store.outbox()->createCategory(QStringLiteral("Desserts"));
        const LocalEdit item
            = store.outbox()->createMenuItem(MenuItem { 0, QStringLiteral("Pie"), Money(400), false, cat.id, true });
        const LocalEdit price = store.outbox()->setMenuItemPrice(item.id, Money(450));
        const LocalEdit ord = store.outbox()->createCounterOrder({ { item.id, 2 } });
        const LocalEdit tab = store.outbox()->createTable(DiningTable { 0, QStringLiteral("T9"), 6 });
        Booking b { 0, 0, QStringLiteral("Cy"), {}, QDate(2026, 11, 24), QTime(21, 0), 5, tab.id, {},
            BookingStatus::Booked };
        const LocalEdit book = store.outbox()->createBooking(b);
        for (const LocalEdit &e : { cat, item, price, ord, tab, book })
            QVERIFY2(e.ok, qPrintable(e.error));
        QVERIFY(cat.id < 0 && item.id < 0 && ord.id < 0 && tab.id < 0 && book.id < 0);
        QCOMPARE(store.cache()->menuItem(item.id)->record.category, cat.id);
        QCOMPARE(store.cache()->menuItem(item.id)->record.price, Money(450));

        // Only what does not wait on an unsent create may go first.
        const auto sendable = store.outbox()->nextToSend(10);
        QList<qint64> seqs;
        for (const auto &e : sendable)
            seqs << e.seq;
        QCOMPARE(seqs, QList<qint64>({ cat.seq, tab.seq }));
        QVERIFY(store.outbox()->entry(item.seq)->isBlocked());
        QVERIFY(store.outbox()->entry(price.seq)->isBlocked());

        QSignalSpy changes(store.cache(), &LocalCache::changed);
        QVERIFY(store.outbox()->markSending(cat.seq));
        QVERIFY2(store.outbox()->markDone(cat.seq, category(7, QStringLiteral("Desserts")), "\"c1\""),
            qPrintable(store.errorString()));
        // the category row, the item's reference and the item's outbox body
        QVERIFY(!store.cache()->category(cat.id));
        QCOMPARE(store.cache()->category(7)->record.title, QStringLiteral("Desserts"));
        QCOMPARE(store.cache()->menuItem(item.id)->record.category, 7);
        QCOMPARE(sentBody(store, *store.outbox()->entry(item.seq)).toObject().value(QStringLiteral("category")).toInt(), 7);
        QVERIFY(!store.outbox()->entry(cat.seq));
        bool renamedCategory = false;
        bool itemUpdated = false;
        for (const auto &args : changes) {
            const auto c = args.at(0).value<StoreChange>();
            if (c.entity == Entity::Category && c.renamed.contains({ cat.id, 7 }))
                renamedCategory = true;
            if (c.entity == Entity::MenuItem && c.updated.contains(item.id))
                itemUpdated = true;
        }
        QVERIFY(renamedCategory);
        QVERIFY(itemUpdated);
        QVERIFY(!store.outbox()->entry(item.seq)->isBlocked());

        QCOMPARE(store.outbox()->nextToSend(1).first().seq, item.seq); // unblocked, and first in line
        QVERIFY(store.outbox()->markSending(tab.seq));
        QVERIFY(store.outbox()->markDone(tab.seq, table(5, QStringLiteral("T9"), 6)));
        QCOMPARE(store.cache()->booking(book.id)->record.table, std::optional<qint64>(5));
        QCOMPARE(sentBody(store, *store.outbox()->entry(book.seq)).toObject().value(QStringLiteral("table")).toInt(), 5);

        QVERIFY(store.outbox()->markSending(item.seq));
        QVERIFY(store.outbox()->markDone(
            item.seq, menuItem(42, QStringLiteral("Pie"), QStringLiteral("4.00"), 7), "\"m1\""));
        // the price edit now names the real item and is based on what the server made
        const auto priceEntry = store.outbox()->entry(price.seq);
        QCOMPARE(priceEntry->targetId, 42);
        QCOMPARE(sentPath(*priceEntry), QStringLiteral("/api/menu-items/42"));
        QCOMPARE(priceEntry->base, obj({ { "price", "4.00" } }));
        QCOMPARE(priceEntry->etag, QByteArray("\"m1\""));
        QVERIFY(!priceEntry->isBlocked());
        // the row shows my pending price on top of the server's item
        QCOMPARE(store.cache()->menuItem(42)->record.price, Money(450));
        QCOMPARE(store.cache()->menuItem(42)->sync, SyncState::Pending);
        QVERIFY(!store.cache()->menuItem(item.id));
        // the counter order's line points at the real item, in the row and the body
        QCOMPARE(store.cache()->order(ord.id)->record.items.first().menuitem, 42);
        QCOMPARE(sentBody(store, *store.outbox()->entry(ord.seq))
                     .toObject()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("menuitem"))
                     .toInt(),
            42);

        // A counter order's answer is {"order_id", "total", ...}, not the order.
        QVERIFY(store.outbox()->markSending(ord.seq));
        QVERIFY(store.outbox()->markDone(
            ord.seq, obj({ { "order_id", 90 }, { "total", "9.00" }, { "detail", "Order created!" } })));
        const auto o = store.cache()->order(90);
        QVERIFY(o);
        QCOMPARE(o->record.total, Money(900));
        QCOMPARE(o->record.items.size(), 1);
        QCOMPARE(o->sync, SyncState::Synced);
        QVERIFY(!store.cache()->order(ord.id));
        QCOMPARE(
            peek(store.paths().cache, QStringLiteral("SELECT COUNT(*) FROM order_items WHERE order_id < 0"))
                .toInt(),
            0);
    }

    void takingBackAnUnsentCreateLeavesNothing()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedAll(store);
        const LocalEdit cat = store.outbox()->createCategory(QStringLiteral("Specials"));
        const LocalEdit item
            = store.outbox()->createMenuItem(MenuItem { 0, QStringLiteral("Soup"), Money(500), false, cat.id, true });
        QVERIFY(store.outbox()->setMenuItemTitle(item.id, QStringLiteral("Soup of the day")));
        const LocalEdit order = store.outbox()->createCounterOrder({ { item.id, 1 } });
        QCOMPARE(store.outbox()->count(), 4);
        // Deleting the new item takes back its create, its edit and the order of it.
        const LocalEdit gone = store.outbox()->deleteMenuItem(item.id);
        QVERIFY2(gone.ok, qPrintable(gone.error));
        QCOMPARE(gone.seq, 0);
        QVERIFY(!store.cache()->menuItem(item.id));
        QVERIFY(store.cache()->orderSummaries({ order.id }).isEmpty());
        QCOMPARE(store.outbox()->count(), 1);
        // Discarding the category's create takes nothing else with it now.
        QVERIFY(store.outbox()->discard(cat.seq));
        QCOMPARE(store.outbox()->count(), 0);
        QVERIFY(!store.cache()->category(cat.id));

        // A member added offline and removed again: nothing to send.
        const LocalEdit add = store.outbox()->addGroupMember(QStringLiteral("manager"), QStringLiteral("ana"));
        QVERIFY(store.outbox()->removeGroupMember(QStringLiteral("manager"), add.id));
        QCOMPARE(store.outbox()->count(), 0);
        QCOMPARE(store.cache()->groupMembers(QStringLiteral("manager")).size(), 1);
    }

    void discardingACreateTakesItsDependents()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedAll(store);
        const LocalEdit cat = store.outbox()->createCategory(QStringLiteral("Specials"));
        const LocalEdit item
            = store.outbox()->createMenuItem(MenuItem { 0, QStringLiteral("Soup"), Money(500), false, cat.id, true });
        const LocalEdit moved = store.outbox()->setMenuItemCategory(1, cat.id); // a server item moved into it
        const LocalEdit other = store.outbox()->setMenuItemPrice(2, Money(600));
        QVERIFY(store.outbox()->markSending(cat.seq));
        QVERIFY(
            store.outbox()->markFailed(cat.seq, QStringLiteral("You do not have permission to perform this action.")));
        // refused: the category and everything in it roll back
        QVERIFY(!store.cache()->category(cat.id));
        QCOMPARE(store.outbox()->entry(cat.seq)->state, OutboxEntry::State::Failed);
        QVERIFY(store.outbox()->discard(cat.seq));
        QVERIFY(!store.outbox()->entry(item.seq));
        QVERIFY(!store.outbox()->entry(moved.seq));
        QVERIFY(store.outbox()->entry(other.seq));
        QVERIFY(!store.cache()->menuItem(item.id));
        QCOMPARE(store.cache()->menuItem(1)->record.category, 1);
        QCOMPARE(store.cache()->menuItem(1)->sync, SyncState::Synced);
        QCOMPARE(store.cache()->menuItem(2)->record.price, Money(600));
    }

    void anEntryCaughtSendingIsPendingAfterReopen()
    {
        QTemporaryDir dir;
        qint64 seq = 0;
        QString uuid;
        {
            LocalStore store;
            QVERIFY(store.open(pathsIn(dir)));
            seedAll(store);
            const LocalEdit e = store.outbox()->setMenuItemPrice(1, Money(1800));
            QVERIFY(store.outbox()->markSending(e.seq));
            QCOMPARE(store.outbox()->entry(e.seq)->state, OutboxEntry::State::Sending);
            QVERIFY(store.outbox()->nextToSend(5).isEmpty()); // nothing else, and not twice
            seq = e.seq;
            uuid = e.uuid;
        }
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        QCOMPARE(store.openReport().requeued, 1);
        const auto entry = store.outbox()->entry(seq);
        QCOMPARE(entry->state, OutboxEntry::State::Pending);
        QCOMPARE(entry->uuid, uuid); // the same Idempotency-Key for the resend
        QCOMPARE(entry->attempts, 1);
        QCOMPARE(store.outbox()->nextToSend(1).first().seq, seq);
        QCOMPARE(store.cache()->menuItem(1)->record.price, Money(1800));
    }

    void nextToSendKeepsOrder()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedAll(store);
        const LocalEdit a = store.outbox()->setMenuItemPrice(1, Money(100));
        const LocalEdit b = store.outbox()->setMenuItemPrice(2, Money(200));
        const LocalEdit c = store.outbox()->setMenuItemPrice(1, Money(300));
        const LocalEdit d = store.outbox()->setOrderStage(10, OrderStage::Preparing);
        auto seqsOf = [](const QList<OutboxEntry> &list) {
            QList<qint64> out;
            for (const auto &e : list)
                out << e.seq;
            return out;
        };
        QCOMPARE(seqsOf(store.outbox()->nextToSend(10)), QList<qint64>({ a.seq, b.seq, d.seq })); // c waits behind a
        QCOMPARE(seqsOf(store.outbox()->nextToSend(10, { Entity::MenuItem })), QList<qint64>({ d.seq }));
        QVERIFY(store.outbox()->markSending(a.seq));
        QCOMPARE(seqsOf(store.outbox()->nextToSend(10)), QList<qint64>({ b.seq, d.seq }));
        QVERIFY(!store.outbox()->markSending(a.seq)); // not twice
        QVERIFY(store.outbox()->markPending(a.seq, QStringLiteral("offline")));
        QCOMPARE(store.outbox()->entry(a.seq)->lastError, QStringLiteral("offline"));
        QCOMPARE(seqsOf(store.outbox()->nextToSend(1)), QList<qint64>({ a.seq }));
        QVERIFY(store.outbox()->markSending(a.seq));
        QVERIFY(store.outbox()->markDone(a.seq, menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("1.00"), 1)));
        QCOMPARE(seqsOf(store.outbox()->nextToSend(10)), QList<qint64>({ b.seq, c.seq, d.seq }));
        QCOMPARE(store.outbox()->entry(a.seq).has_value(), false);
        QCOMPARE(store.outbox()->pendingCount(), 3);
    }

    void aRefusedEditRollsBackWithTheServersWords()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedAll(store);
        const LocalEdit title = store.outbox()->setMenuItemTitle(1, QStringLiteral("Lasagne"));
        const LocalEdit price = store.outbox()->setMenuItemPrice(1, Money(1999));
        QVERIFY(store.outbox()->markSending(title.seq));
        QVERIFY(
            store.outbox()->markDone(title.seq, menuItem(1, QStringLiteral("Lasagne"), QStringLiteral("15.50"), 1)));
        QVERIFY(store.outbox()->markSending(price.seq));
        QSignalSpy changes(store.cache(), &LocalCache::changed);
        QSignalSpy counts(store.outbox(), &Outbox::countsChanged);
        const QString words
            = QStringLiteral("Ensure that there are no more than 4 digits before the decimal point.");
        QVERIFY(store.outbox()->markFailed(price.seq, words));
        // the row is the server's again, marked refused
        QCOMPARE(store.cache()->menuItem(1)->record.price, Money(1550));
        QCOMPARE(store.cache()->menuItem(1)->record.title, QStringLiteral("Lasagne"));
        QCOMPARE(store.cache()->menuItem(1)->sync, SyncState::Failed);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(counts.last().at(1).toInt(), 1);
        const auto entry = store.outbox()->entry(price.seq);
        QCOMPARE(entry->state, OutboxEntry::State::Failed);
        QCOMPARE(entry->lastError, words);
        QCOMPARE(store.outbox()->failedCount(), 1);
        QCOMPARE(store.outbox()->pendingCount(), 0);
        QVERIFY(store.outbox()->nextToSend(5).isEmpty());
        // a pull keeps the mark
        QVERIFY(store.cache()->replaceAll(Entity::MenuItem,
            { menuItem(1, QStringLiteral("Lasagne"), QStringLiteral("15.75"), 1),
                menuItem(2, QStringLiteral("Soda"), QStringLiteral("5.50"), 2),
                menuItem(3, QStringLiteral("Greek salad"), QStringLiteral("12.00"), 1) }));
        QCOMPARE(store.cache()->menuItem(1)->sync, SyncState::Failed);
        QCOMPARE(store.cache()->menuItem(1)->record.price, Money(1575));
        // retry: mine again, queued
        QVERIFY(store.outbox()->retry(price.seq));
        QCOMPARE(store.cache()->menuItem(1)->record.price, Money(1999));
        QCOMPARE(store.cache()->menuItem(1)->sync, SyncState::Pending);
        QCOMPARE(store.outbox()->entry(price.seq)->lastError, QString());
        // discard: the server's
        QVERIFY(store.outbox()->discard(price.seq));
        QCOMPARE(store.cache()->menuItem(1)->record.price, Money(1575));
        QCOMPARE(store.cache()->menuItem(1)->sync, SyncState::Synced);
        QCOMPARE(store.outbox()->count(), 0);
    }

    void aConflictWaitsForTheUser_data()
    {
        QTest::addColumn<bool>("keepMine");
        QTest::newRow("keep mine") << true;
        QTest::newRow("take theirs") << false;
    }
    void aConflictWaitsForTheUser()
    {
        QFETCH(bool, keepMine);
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedAll(store);
        QVERIFY(store.cache()->upsertFromServer(
            Entity::MenuItem, menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("15.50")), "\"v1\""));
        const LocalEdit mine = store.outbox()->setMenuItemPrice(1, Money(1600));
        QCOMPARE(store.outbox()->entry(mine.seq)->etag, QByteArray("\"v1\""));
        QVERIFY(store.outbox()->markSending(mine.seq));
        // 412: someone set 17.00 first
        const QJsonObject theirs = menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("17.00"));
        QVERIFY(store.outbox()->markConflict(mine.seq, theirs, "\"v2\""));
        QCOMPARE(store.outbox()->conflictCount(), 1);
        QCOMPARE(store.cache()->menuItem(1)->sync, SyncState::Conflict);
        QCOMPARE(store.cache()->menuItem(1)->record.price, Money(1700)); // the server's, until the user decides
        const auto entry = store.outbox()->entry(mine.seq);
        QCOMPARE(entry->serverValue, theirs);
        QVERIFY(!entry->lastError.isEmpty());
        QVERIFY(store.outbox()->nextToSend(5).isEmpty());

        if (keepMine) {
            QVERIFY(store.outbox()->resolveKeepMine(mine.seq));
            const auto requeued = store.outbox()->entry(mine.seq);
            QCOMPARE(requeued->state, OutboxEntry::State::Pending);
            QCOMPARE(requeued->etag, QByteArray("\"v2\"")); // the new base
            QCOMPARE(requeued->base, obj({ { "price", "17.00" } }));
            QCOMPARE(requeued->uuid, mine.uuid);
            QCOMPARE(store.cache()->menuItem(1)->record.price, Money(1600));
            QCOMPARE(store.cache()->menuItem(1)->sync, SyncState::Pending);
            QCOMPARE(store.outbox()->nextToSend(1).first().seq, mine.seq);
        } else {
            QVERIFY(store.outbox()->resolveTakeTheirs(mine.seq));
            QVERIFY(!store.outbox()->entry(mine.seq));
            QCOMPARE(store.cache()->menuItem(1)->record.price, Money(1700));
            QCOMPARE(store.cache()->menuItem(1)->sync, SyncState::Synced);
        }
        QCOMPARE(store.outbox()->conflictCount(), 0);
        QVERIFY(!store.outbox()->resolveKeepMine(mine.seq)); // nothing left to resolve
    }

    void laterEditsMoveWithTheOnesBeforeThem()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedAll(store);
        QVERIFY(store.cache()->upsertFromServer(
            Entity::MenuItem, menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("15.50")), "\"v1\""));
        const LocalEdit first = store.outbox()->setMenuItemPrice(1, Money(1600));
        const LocalEdit second = store.outbox()->setMenuItemPrice(1, Money(1700));
        QCOMPARE(
            store.outbox()->entry(second.seq)->base, obj({ { "price", "15.50" } })); // the server's, not my first
        QVERIFY(store.outbox()->markSending(first.seq));
        QVERIFY(store.outbox()->markDone(
            first.seq, menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("16.00")), "\"v2\""));
        // the second was made on top of the first: its base and ETag follow
        const auto next = store.outbox()->entry(second.seq);
        QCOMPARE(next->etag, QByteArray("\"v2\""));
        QCOMPARE(next->base, obj({ { "price", "16.00" } }));
        QCOMPARE(store.cache()->menuItem(1)->record.price, Money(1700));
        QCOMPARE(*store.cache()->serverCopy(Entity::MenuItem, 1),
            menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("16.00")));
        QCOMPARE(store.cache()->etag(Entity::MenuItem, 1), QByteArray("\"v2\""));
    }

    void aPullNeverHidesAnUnsentEdit_data()
    {
        QTest::addColumn<int>("how");
        QTest::newRow("full read") << 0;
        QTest::newRow("change feed") << 1;
        QTest::newRow("single record") << 2;
    }
    void aPullNeverHidesAnUnsentEdit()
    {
        QFETCH(int, how);
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedAll(store);
        QVERIFY(store.outbox()->setMenuItemPrice(1, Money(1999)));
        QVERIFY(store.outbox()->setOrderStage(10, OrderStage::Ready));
        QVERIFY(store.outbox()->deleteMenuItem(3));
        const LocalEdit created
            = store.outbox()->createMenuItem(MenuItem { 0, QStringLiteral("Pie"), Money(400), false, 1, true });

        // Someone else renamed item 1 and changed item 3; order 10 got a note.
        const QJsonObject item1 = menuItem(1, QStringLiteral("Lasagna al forno"), QStringLiteral("15.50"), 1);
        const QJsonObject item3 = menuItem(3, QStringLiteral("Greek salad"), QStringLiteral("13.00"), 1);
        QJsonObject order10 = order(10);
        order10.insert(QStringLiteral("note"), QStringLiteral("extra napkins"));
        switch (how) {
        case 0:
            QVERIFY(store.cache()->replaceAll(Entity::MenuItem,
                { item1, menuItem(2, QStringLiteral("Soda"), QStringLiteral("5.50"), 2), item3 }));
            QVERIFY(store.cache()->replaceAll(Entity::Order, { order10, order(11, QStringLiteral("ready")) }));
            break;
        case 1: {
            ChangeFeed feed;
            feed.changes = { { 1, QStringLiteral("menu-item"), 1, Change::Op::Upsert, item1 },
                { 2, QStringLiteral("menu-item"), 3, Change::Op::Upsert, item3 },
                { 3, QStringLiteral("order"), 10, Change::Op::Upsert, order10 } };
            feed.next = 3;
            QVERIFY(store.cache()->applyChanges(feed));
            break;
        }
        case 2:
            QVERIFY(store.cache()->upsertFromServer(Entity::MenuItem, item1));
            QVERIFY(store.cache()->upsertFromServer(Entity::MenuItem, item3));
            QVERIFY(store.cache()->upsertFromServer(Entity::Order, order10));
            break;
        }
        // mine on top of theirs
        const auto one = store.cache()->menuItem(1);
        QCOMPARE(one->record.price, Money(1999));
        QCOMPARE(one->record.title, QStringLiteral("Lasagna al forno"));
        QCOMPARE(one->sync, SyncState::Pending);
        const OrderSummary o = store.cache()->orderSummaries({ 10 }).first();
        QCOMPARE(o.stage, std::optional<OrderStage>(OrderStage::Ready));
        QCOMPARE(o.note, QStringLiteral("extra napkins"));
        QVERIFY(!store.cache()->menuItem(3)); // my delete stays
        QVERIFY(store.cache()->menuItem(created.id)); // my new item stays
        QCOMPARE(*store.cache()->serverCopy(Entity::MenuItem, 1), item1);
        QCOMPARE(store.outbox()->count(), 4);
    }

    void aMemberAddedOfflineGetsItsIdFromTheNextPull()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedAll(store);
        const QString crew = QStringLiteral("delivery-crew");
        const LocalEdit add = store.outbox()->addGroupMember(crew, QStringLiteral("cust"));
        QVERIFY(add.id < 0);
        QVERIFY(store.outbox()->markSending(add.seq));
        QVERIFY(
            store.outbox()->markDone(add.seq, obj({ { "message", "User 'cust' added to group 'delivery-crew'." } })));
        QCOMPARE(store.cache()->groupMembers(crew).size(), 2);
        // removing it now must wait for the server's id
        const LocalEdit remove = store.outbox()->removeGroupMember(crew, add.id);
        QVERIFY(remove.seq > 0);
        QVERIFY(store.outbox()->entry(remove.seq)->isBlocked());
        QVERIFY(store.outbox()->nextToSend(5).isEmpty());
        QVERIFY(store.cache()->replaceAll(Entity::GroupMember,
            { member(3, QStringLiteral("crew")), member(4, QStringLiteral("cust")) }, crew));
        const auto entry = store.outbox()->entry(remove.seq);
        QCOMPARE(entry->targetId, 4);
        QCOMPARE(sentPath(*entry), QStringLiteral("/api/groups/delivery-crew/users/4"));
        QVERIFY(!entry->isBlocked());
        QCOMPARE(store.cache()->groupMembers(crew).size(), 1); // the removal still shows
        QVERIFY(store.outbox()->markSending(remove.seq));
        QVERIFY(store.outbox()->markDone(remove.seq, obj({ { "message", "removed" } })));
        QCOMPARE(store.cache()->groupMembers(crew).size(), 1);
        QVERIFY(!store.cache()->serverCopy(Entity::GroupMember, 4, crew));
        QVERIFY(!store.cache()->serverCopy(Entity::GroupMember, add.id, crew));
    }

    void twoProgramsShareOneStore()
    {
        // The app and littlelemon-cli on the same server and user.
        QTemporaryDir dir;
        LocalStore app;
        QVERIFY(app.open(pathsIn(dir)));
        seedAll(app);
        LocalStore cli;
        QVERIFY(cli.open(pathsIn(dir)));
        const LocalEdit a = app.outbox()->createTable(DiningTable { 0, QStringLiteral("A"), 2 });
        const LocalEdit b = cli.outbox()->createTable(DiningTable { 0, QStringLiteral("B"), 2 });
        const LocalEdit c = app.outbox()->setMenuItemPrice(1, Money(1234));
        QVERIFY(a && b && c);
        QVERIFY(a.id != b.id); // temporary ids come from the shared outbox file
        QVERIFY(b.seq > a.seq && c.seq > b.seq);
        QCOMPARE(app.outbox()->count(), 3);
        QCOMPARE(cli.outbox()->count(), 3);
        QCOMPARE(cli.cache()->menuItem(1)->record.price, Money(1234));
    }

    void aCrashLosesNoCommittedEntry_data()
    {
        QTest::addColumn<int>("killAfter");
        QTest::newRow("early") << 7;
        QTest::newRow("later") << 211;
    }
    void aCrashLosesNoCommittedEntry()
    {
        QFETCH(int, killAfter);
        QTemporaryDir dir;
        const LocalStore::Paths paths { dir.filePath(QStringLiteral("cache.sqlite")),
            dir.filePath(QStringLiteral("outbox.sqlite")) };
        {
            LocalStore store;
            QVERIFY(store.open(paths));
            seedAll(store);
        }
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(
            QCoreApplication::applicationFilePath(), { QStringLiteral("--crash-writer"), dir.path() });
        QVERIFY(child.waitForStarted());
        QByteArray out;
        while (out.count('\n') < killAfter) {
            QVERIFY2(child.state() == QProcess::Running || child.bytesAvailable(),
                child.readAllStandardError().constData());
            child.waitForReadyRead(5000);
            out += child.readAllStandardOutput();
        }
        child.kill(); // SIGKILL, mid-transaction or not
        QVERIFY(child.waitForFinished(5000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        out += child.readAllStandardOutput();

        QSet<QString> reported;
        for (const QByteArray &line : out.split('\n')) {
            if (line.startsWith("committed "))
                reported.insert(QString::fromLatin1(line.mid(10)));
        }
        QVERIFY(reported.size() >= killAfter);

        LocalStore store;
        QVERIFY2(store.open(paths), qPrintable(store.errorString()));
        QVERIFY(!store.openReport().cacheRebuilt);
        QVERIFY(!store.openReport().outboxRebuilt);
        const QList<OutboxEntry> entries = store.outbox()->entries();
        QSet<QString> found;
        for (const OutboxEntry &e : entries) {
            found.insert(e.uuid);
            QVERIFY(e.state == OutboxEntry::State::Pending); // none left "sending"
        }
        for (const QString &uuid : reported)
            QVERIFY2(found.contains(uuid), qPrintable(uuid));
        QVERIFY(found.size() <= reported.size() + 1); // at most the one between commit and print

        // The cache agrees with the outbox: each item shows its last queued price.
        QHash<qint64, QString> lastPrice;
        int counterOrders = 0;
        for (const OutboxEntry &e : entries) {
            if (e.entity == Entity::MenuItem)
                lastPrice.insert(e.targetId, e.overlay.value(QStringLiteral("price")).toString());
            if (e.entity == Entity::Order && e.operation == OutboxEntry::Operation::Create)
                ++counterOrders;
        }
        for (auto it = lastPrice.constBegin(); it != lastPrice.constEnd(); ++it)
            QCOMPARE(store.cache()->menuItem(it.key())->record.price.toString(), it.value());
        int localOrders = 0;
        for (const OrderSummary &o : store.cache()->orderSummaries())
            localOrders += o.id < 0 ? 1 : 0;
        QCOMPARE(localOrders, counterOrders);
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--crash-writer") == 0) {
        QCoreApplication app(argc, argv);
        return crashWriter(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestOutbox test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_outbox.moc"
