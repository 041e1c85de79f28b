// LocalStore: files, schema, recovery, server data and change signals.

#include "models/localstore.h"
#include "storefixtures.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace LittleLemon;
using namespace LittleLemon::Fixtures;

namespace {

// Every change signal of a commit, merged per entity.
StoreChange changeFor(const QSignalSpy &spy, Entity entity)
{
    StoreChange merged;
    merged.entity = entity;
    for (const QList<QVariant> &args : spy) {
        const auto change = args.at(0).value<StoreChange>();
        if (change.entity != entity)
            continue;
        merged.inserted += change.inserted;
        merged.updated += change.updated;
        merged.removed += change.removed;
        merged.renamed += change.renamed;
    }
    return merged;
}

QStringList tableNames(const QString &file)
{
    QStringList names;
    const QString name = QStringLiteral("tables-of");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        db.open();
        QSqlQuery q(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"), db);
        while (q.next())
            names << q.value(0).toString();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return names;
}

void corrupt(const QString &file, const QByteArray &how)
{
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(size > 8192);
    if (how == "header") {
        f.seek(0);
        f.write(QByteArray(100, 'X'));
    } else if (how == "pages") {
        // Garbage over every page but the first: the schema still reads,
        // the b-trees do not.
        for (qint64 at = 4096; at + 512 <= size; at += 4096) {
            f.seek(at);
            QByteArray junk(512, '\0');
            for (int i = 0; i < junk.size(); ++i)
                junk[i] = char((i * 37 + at) & 0xff);
            f.write(junk);
        }
    } else if (how == "truncated") {
        f.resize(1000);
    }
    f.close();
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("littlelemon-test"));
    }

    void migratesAnEmptyFile_data()
    {
        QTest::addColumn<bool>("filesExist");
        QTest::newRow("no files yet") << false;
        QTest::newRow("empty files") << true;
    }
    void migratesAnEmptyFile()
    {
        QFETCH(bool, filesExist);
        QTemporaryDir dir;
        const auto paths = pathsIn(dir);
        if (filesExist) {
            for (const QString &path : { paths.cache, paths.outbox }) {
                QFile f(path);
                QVERIFY(f.open(QIODevice::WriteOnly));
            }
        }
        {
            LocalStore store;
            QVERIFY2(store.open(paths), qPrintable(store.errorString()));
            QVERIFY(store.isOpen());
            QVERIFY(!store.openReport().cacheRebuilt);
            QVERIFY(!store.openReport().outboxRebuilt);
            QCOMPARE(store.outbox()->count(), 0);
            QCOMPARE(store.cache()->rowCount(Entity::MenuItem), 0);
            // foreign keys are on for the store's own connection
            QSqlQuery fk(
                QStringLiteral("PRAGMA foreign_keys"), QSqlDatabase::database(store.connectionName()));
            QVERIFY(fk.next());
            QCOMPARE(fk.value(0).toInt(), 1);
            QSqlQuery sync(
                QStringLiteral("PRAGMA cache.synchronous"), QSqlDatabase::database(store.connectionName()));
            QVERIFY(sync.next());
            QCOMPARE(sync.value(0).toInt(), 1); // NORMAL: the cache can always be fetched again
            QSqlQuery outboxSync(
                QStringLiteral("PRAGMA main.synchronous"), QSqlDatabase::database(store.connectionName()));
            QVERIFY(outboxSync.next());
            QCOMPARE(outboxSync.value(0).toInt(), 2); // FULL: queued edits survive a power cut too
        }
        QCOMPARE(peek(paths.cache, QStringLiteral("PRAGMA user_version")).toInt(),
            LocalStore::kCacheSchemaVersion);
        QCOMPARE(peek(paths.outbox, QStringLiteral("PRAGMA user_version")).toInt(),
            LocalStore::kOutboxSchemaVersion);
        // WAL is a property of the file and stays on.
        QCOMPARE(peek(paths.cache, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(peek(paths.outbox, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        const QStringList cacheTables = tableNames(paths.cache);
        for (const char *name : { "categories", "menu_items", "orders", "order_items", "order_history",
                 "bookings", "dining_tables", "group_members", "server_copy", "sync_meta" })
            QVERIFY2(cacheTables.contains(QLatin1String(name)), name);
        QVERIFY(tableNames(paths.outbox).contains(QStringLiteral("outbox")));
        QVERIFY(!cacheTables.contains(QStringLiteral("outbox"))); // the queue lives in its own file
    }

    void reopensWithoutMigratingAgain()
    {
        QTemporaryDir dir;
        {
            LocalStore store;
            QVERIFY(store.open(pathsIn(dir)));
            seedMenu(store);
            QVERIFY(store.cache()->setServerFeatures({ QStringLiteral("stages"), QStringLiteral("changes") }));
            QVERIFY(store.cache()->setChangeSeq(41));
            QVERIFY(store.cache()->setLastSyncTime(QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC)));
            QVERIFY(store.cache()->setCurrentUserId(2));
        }
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        QCOMPARE(store.cache()->menuItems().size(), 3);
        QCOMPARE(
            store.cache()->serverFeatures(), QStringList({ QStringLiteral("stages"), QStringLiteral("changes") }));
        QVERIFY(store.cache()->hasFeature(QStringLiteral("stages")));
        QVERIFY(!store.cache()->hasFeature(QStringLiteral("bookings")));
        QCOMPARE(store.cache()->changeSeq(), 41);
        QCOMPARE(store.cache()->lastSyncTime(), QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC));
        QCOMPARE(store.cache()->currentUserId(), 2);
    }

    void refusesAnOutboxFromANewerVersion()
    {
        QTemporaryDir dir;
        const auto paths = pathsIn(dir);
        {
            LocalStore store;
            QVERIFY(store.open(paths));
        }
        QVERIFY(execOn(paths.outbox, { QStringLiteral("PRAGMA user_version = 99") }));
        LocalStore store;
        QVERIFY(!store.open(paths));
        QVERIFY(store.errorString().contains(QStringLiteral("newer")));
        QVERIFY(QFile::exists(paths.outbox));
        QCOMPARE(peek(paths.outbox, QStringLiteral("PRAGMA user_version")).toInt(), 99);
    }

    void pathsPerServerAndUser()
    {
        const auto a = LocalStore::pathsFor(QStringLiteral("http://Host:8000/"), QStringLiteral("mario"));
        const auto b = LocalStore::pathsFor(QStringLiteral("http://host:8000"), QStringLiteral("mario"));
        const auto c = LocalStore::pathsFor(QStringLiteral("http://host:8000"), QStringLiteral("crew"));
        const auto e = LocalStore::pathsFor(QStringLiteral("http://host:8001"), QStringLiteral("mario"));
        QCOMPARE(a.cache, b.cache);
        QVERIFY(a.cache != c.cache);
        QVERIFY(a.cache != e.cache);
        QVERIFY(a.cache != a.outbox);
        QVERIFY(a.cache.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(a.cache.contains(QStringLiteral("host-8000-mario")));
        QCOMPARE(LocalStore::normalizedServerKey(QStringLiteral("HTTP://Host:8000/")),
            QStringLiteral("http://host:8000"));
    }

    void replaceAllDetectsInsertsUpdatesAndDeletes()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedMenu(store);
        QSignalSpy spy(store.cache(), &LocalCache::changed);
        QVERIFY(store.cache()->replaceAll(Entity::MenuItem,
            { menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("15.50"), 1),
                menuItem(2, QStringLiteral("Soda"), QStringLiteral("6.00"), 2),
                menuItem(4, QStringLiteral("Tiramisu"), QStringLiteral("7.25"), 1) }));
        QCOMPARE(spy.size(), 1); // one commit, one entity
        const StoreChange change = changeFor(spy, Entity::MenuItem);
        QCOMPARE(change.inserted, QList<qint64>({ 4 }));
        QCOMPARE(change.updated, QList<qint64>({ 2 })); // 1 did not change
        QCOMPARE(change.removed, QList<qint64>({ 3 }));
        QCOMPARE(store.cache()->menuItem(2)->record.price, Money(600));
        QVERIFY(!store.cache()->menuItem(3));
        QCOMPARE(store.cache()->menuItems().size(), 3);

        spy.clear();
        QVERIFY(store.cache()->replaceAll(Entity::MenuItem,
            { menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("15.50"), 1),
                menuItem(2, QStringLiteral("Soda"), QStringLiteral("6.00"), 2),
                menuItem(4, QStringLiteral("Tiramisu"), QStringLiteral("7.25"), 1) }));
        QCOMPARE(spy.size(), 0); // nothing changed, nothing said

        QVERIFY(store.cache()->replaceAll(Entity::MenuItem, {}));
        QCOMPARE(store.cache()->rowCount(Entity::MenuItem), 0);
        QCOMPARE(changeFor(spy, Entity::MenuItem).removed, QList<qint64>({ 1, 2, 4 }));
    }

    void replaceAllOfEveryEntity_data()
    {
        QTest::addColumn<int>("entity");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QJsonObject>("first");
        QTest::addColumn<QJsonObject>("changed");
        QTest::newRow("category") << int(Entity::Category) << QString()
                                  << category(5, QStringLiteral("Desserts"))
                                  << category(5, QStringLiteral("Sweets"));
        QTest::newRow("menu item") << int(Entity::MenuItem) << QString()
                                   << menuItem(5, QStringLiteral("Tiramisu"), QStringLiteral("7.00"))
                                   << menuItem(5, QStringLiteral("Tiramisu"), QStringLiteral("7.00"), 1, true,
                                          false);
        QTest::newRow("order") << int(Entity::Order) << QString() << order(5)
                               << order(5, QStringLiteral("ready"));
        QTest::newRow("booking") << int(Entity::Booking) << QString()
                                 << booking(5, QStringLiteral("Ana"), QStringLiteral("2026-11-24"),
                                        QStringLiteral("19:00"))
                                 << booking(5, QStringLiteral("Ana"), QStringLiteral("2026-11-24"),
                                        QStringLiteral("19:30"));
        QTest::newRow("table") << int(Entity::Table) << QString() << table(5, QStringLiteral("T5"), 4)
                               << table(5, QStringLiteral("T5"), 6);
        QTest::newRow("member") << int(Entity::GroupMember) << QStringLiteral("delivery-crew")
                                << member(5, QStringLiteral("crew")) << member(5, QStringLiteral("crew2"));
    }
    void replaceAllOfEveryEntity()
    {
        QFETCH(int, entity);
        QFETCH(QString, scope);
        QFETCH(QJsonObject, first);
        QFETCH(QJsonObject, changed);
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        QSignalSpy spy(store.cache(), &LocalCache::changed);
        QVERIFY2(store.cache()->replaceAll(Entity(entity), { first }, scope), qPrintable(store.errorString()));
        QCOMPARE(changeFor(spy, Entity(entity)).inserted, QList<qint64>({ 5 }));
        QCOMPARE(spy.at(0).at(0).value<StoreChange>().scope, scope);
        QCOMPARE(store.cache()->rowCount(Entity(entity)), 1);
        QCOMPARE(*store.cache()->serverCopy(Entity(entity), 5, scope), first);
        spy.clear();
        QVERIFY(store.cache()->replaceAll(Entity(entity), { changed }, scope));
        QCOMPARE(changeFor(spy, Entity(entity)).updated, QList<qint64>({ 5 }));
        QCOMPARE(*store.cache()->serverCopy(Entity(entity), 5, scope), changed);
        spy.clear();
        QVERIFY(store.cache()->replaceAll(Entity(entity), {}, scope));
        QCOMPARE(changeFor(spy, Entity(entity)).removed, QList<qint64>({ 5 }));
        QCOMPARE(store.cache()->rowCount(Entity(entity)), 0);
        QVERIFY(!store.cache()->serverCopy(Entity(entity), 5, scope));
    }

    void replaceAllRefusesABadRecordWhole()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedMenu(store);
        QSignalSpy spy(store.cache(), &LocalCache::changed);
        QJsonObject bad = menuItem(9, QStringLiteral("Bad"), QStringLiteral("1.234"));
        QVERIFY(!store.cache()->replaceAll(
            Entity::MenuItem, { menuItem(1, QStringLiteral("Changed"), QStringLiteral("1.00")), bad }));
        QVERIFY2(store.errorString().contains(QStringLiteral("price")), qPrintable(store.errorString()));
        QCOMPARE(spy.size(), 0);
        QCOMPARE(store.cache()->menuItem(1)->record.title, QStringLiteral("Lasagna"));
        QCOMPARE(store.cache()->menuItems().size(), 3);
    }

    void replaceSeveralInOneTransaction()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        QVERIFY(store.cache()->replaceAll(
            { { Entity::Category, QString(), { category(1, QStringLiteral("Mains")) } },
                { Entity::MenuItem, QString(),
                    { menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("15.50")) } },
                { Entity::GroupMember, QStringLiteral("manager"), { member(2, QStringLiteral("mario")) } } },
            77));
        QCOMPARE(store.cache()->changeSeq(), 77);
        QCOMPARE(store.cache()->rowCount(Entity::Category), 1);
        QCOMPARE(store.cache()->groupMembers(QStringLiteral("manager")).size(), 1);
        // one bad snapshot refuses them all
        QVERIFY(!store.cache()->replaceAll(
            { { Entity::Category, QString(), {} },
                { Entity::MenuItem, QString(), { QJsonObject { { QStringLiteral("id"), 1 } } } } },
            90));
        QCOMPARE(store.cache()->rowCount(Entity::Category), 1);
        QCOMPARE(store.cache()->changeSeq(), 77);
    }

    void applyChangesUpsertsDeletesAndRecordsTheSequence()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedMenu(store);
        QSignalSpy spy(store.cache(), &LocalCache::changed);
        QSignalSpy meta(store.cache(), &LocalCache::syncMetaChanged);
        ChangeFeed feed;
        feed.changes = {
            { 10, QStringLiteral("menu-item"), 2, Change::Op::Upsert,
                menuItem(2, QStringLiteral("Soda"), QStringLiteral("6.50"), 2) },
            { 11, QStringLiteral("menu-item"), 3, Change::Op::Delete, {} },
            { 12, QStringLiteral("menu-item"), 7, Change::Op::Upsert,
                menuItem(7, QStringLiteral("Pie"), QStringLiteral("4.00"), 1) },
            { 13, QStringLiteral("order"), 1, Change::Op::Upsert, order(1) },
            { 14, QStringLiteral("something-new"), 1, Change::Op::Upsert,
                QJsonObject { { QStringLiteral("x"), 1 } } },
            { 15, QStringLiteral("menu-item"), 7, Change::Op::Upsert,
                menuItem(7, QStringLiteral("Apple pie"), QStringLiteral("4.00"), 1) },
        };
        feed.next = 15;
        QVERIFY2(store.cache()->applyChanges(feed), qPrintable(store.errorString()));
        QCOMPARE(store.cache()->changeSeq(), 15);
        QCOMPARE(meta.size(), 1);
        const StoreChange menu = changeFor(spy, Entity::MenuItem);
        QCOMPARE(menu.inserted, QList<qint64>({ 7 }));
        QCOMPARE(menu.updated, QList<qint64>({ 2 }));
        QCOMPARE(menu.removed, QList<qint64>({ 3 }));
        QCOMPARE(changeFor(spy, Entity::Order).inserted, QList<qint64>({ 1 }));
        QCOMPARE(store.cache()->menuItem(7)->record.title, QStringLiteral("Apple pie"));
        QCOMPARE(store.cache()->menuItem(2)->record.price, Money(650));
        QVERIFY(!store.cache()->menuItem(3));

        // A bad change refuses the whole page: nothing applied, sequence kept.
        spy.clear();
        ChangeFeed bad;
        bad.changes = { { 16, QStringLiteral("menu-item"), 1, Change::Op::Delete, {} },
            { 17, QStringLiteral("order"), 2, Change::Op::Upsert,
                QJsonObject { { QStringLiteral("id"), 2 } } } };
        bad.next = 17;
        QVERIFY(!store.cache()->applyChanges(bad));
        QCOMPARE(store.cache()->changeSeq(), 15);
        QVERIFY(store.cache()->menuItem(1));
        QCOMPARE(spy.size(), 0);
    }

    void applyChangesOfGroupMemberships()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        QVERIFY(store.cache()->replaceAll(
            Entity::GroupMember, { member(4, QStringLiteral("cust")) }, QStringLiteral("manager")));
        ChangeFeed feed;
        // The feed may name only the group and the user id.
        feed.changes = { { 20, QStringLiteral("group-membership"), 31, Change::Op::Upsert,
            QJsonObject { { QStringLiteral("group"), QStringLiteral("delivery-crew") },
                { QStringLiteral("user"), 4 } } } };
        feed.next = 20;
        QSignalSpy spy(store.cache(), &LocalCache::changed);
        QVERIFY2(store.cache()->applyChanges(feed), qPrintable(store.errorString()));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<StoreChange>().scope, QStringLiteral("delivery-crew"));
        const auto crew = store.cache()->groupMembers(QStringLiteral("delivery-crew"));
        QCOMPARE(crew.size(), 1);
        QCOMPARE(crew.first().record.username, QStringLiteral("cust"));
        QCOMPARE(store.cache()->userName(4), QStringLiteral("cust"));

        ChangeFeed removal;
        removal.changes = { { 21, QStringLiteral("group-membership"), 31, Change::Op::Delete, {} } };
        removal.next = 21;
        QVERIFY(store.cache()->applyChanges(removal));
        QVERIFY(store.cache()->groupMembers(QStringLiteral("delivery-crew")).isEmpty());
        QCOMPARE(store.cache()->groupMembers(QStringLiteral("manager")).size(), 1);
        QCOMPARE(store.cache()->changeSeq(), 21);
    }

    void upsertFromServerKeepsTheEtag()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        seedMenu(store);
        QVERIFY(store.cache()->upsertFromServer(
            Entity::MenuItem, menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("15.50")), "\"v7\""));
        QCOMPARE(store.cache()->etag(Entity::MenuItem, 1), QByteArray("\"v7\""));
        // the same record in a list keeps it
        QVERIFY(store.cache()->replaceAll(
            Entity::MenuItem, { menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("15.50")) }));
        QCOMPARE(store.cache()->etag(Entity::MenuItem, 1), QByteArray("\"v7\""));
        // a changed record forgets it: the list says nothing about versions
        QVERIFY(store.cache()->replaceAll(
            Entity::MenuItem, { menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("16.00")) }));
        QVERIFY(store.cache()->etag(Entity::MenuItem, 1).isEmpty());
        QVERIFY(!store.cache()->upsertFromServer(Entity::MenuItem, QJsonObject { { QStringLiteral("id"), 1 } }));
        QVERIFY(store.cache()->removeFromServer(Entity::MenuItem, 1));
        QVERIFY(!store.cache()->menuItem(1));
    }

    void ordersKeepLinesHistoryAndSummary()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        QVERIFY(store.cache()->replaceAll(Entity::Order,
            { order(1, QStringLiteral("preparing"), QStringLiteral("2026-11-24"), 3,
                  QStringLiteral("2026-11-24T11:05:00.000Z")),
                order(2, QStringLiteral("delivered")) }));
        const auto rows = store.cache()->orderSummaries();
        QCOMPARE(rows.size(), 2);
        const OrderSummary &one = rows.at(0);
        QCOMPARE(one.id, 1);
        QCOMPARE(one.itemsSummary, QStringLiteral("1× Lasagna, 1× Soda"));
        QCOMPARE(one.itemCount, 2);
        QCOMPARE(one.total, Money(2100));
        QCOMPARE(one.deliveryCrew, std::optional<qint64>(3));
        QCOMPARE(one.stage, std::optional<OrderStage>(OrderStage::Preparing));
        QCOMPARE(one.placedAt, QDateTime(QDate(2026, 11, 24), QTime(11, 5), Qt::UTC));
        QCOMPARE(one.date, QDate(2026, 11, 24));
        QVERIFY(rows.at(1).status);
        QVERIFY(!rows.at(1).placedAt.isValid());
        const auto full = store.cache()->order(1);
        QVERIFY(full);
        QCOMPARE(full->record.items.size(), 2);
        QCOMPARE(full->record.items.at(0).menuitemTitle, QStringLiteral("Lasagna"));
        QCOMPARE(full->record.items.at(1).unitPrice, Money(550));
        QCOMPARE(full->record.history.size(), 1);
        QCOMPARE(full->record.history.at(0).by, 4);
        // lines are replaced, not appended, when the order changes
        QJsonObject changed = order(1, QStringLiteral("ready"));
        changed.insert(QStringLiteral("items"),
            QJsonArray {
                orderLine(3, QStringLiteral("Salad"), 2, QStringLiteral("12.00"), QStringLiteral("24.00")) });
        QVERIFY(store.cache()->upsertFromServer(Entity::Order, changed));
        QCOMPARE(store.cache()->order(1)->record.items.size(), 1);
        QCOMPARE(store.cache()->orderSummaries({ 1 }).at(0).itemsSummary, QStringLiteral("2× Salad"));
        QVERIFY(store.cache()->removeFromServer(Entity::Order, 1));
        QCOMPARE(
            peek(store.paths().cache, QStringLiteral("SELECT COUNT(*) FROM order_items WHERE order_id = 1"))
                .toInt(),
            0);
    }

    void bookingsByDay()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(pathsIn(dir)));
        QVERIFY(store.cache()->replaceAll(Entity::Booking,
            { booking(1, QStringLiteral("Ana"), QStringLiteral("2026-11-24"), QStringLiteral("20:00")),
                booking(2, QStringLiteral("Bo"), QStringLiteral("2026-11-24"), QStringLiteral("18:30"), 4, 1),
                booking(3, QStringLiteral("Cy"), QStringLiteral("2026-11-25"), QStringLiteral("19:00")) }));
        const auto day = store.cache()->bookingsOn(QDate(2026, 11, 24));
        QCOMPARE(day.size(), 2);
        QCOMPARE(day.at(0).record.name, QStringLiteral("Bo")); // by time
        QCOMPARE(day.at(0).record.table, std::optional<qint64>(1));
        QCOMPARE(day.at(0).record.time, QTime(18, 30));
        QCOMPARE(store.cache()->bookingsOn(QDate(2026, 11, 25)).size(), 1);
    }

    void corruptCacheIsSetAsideAndTheOutboxSurvives_data()
    {
        QTest::addColumn<QByteArray>("how");
        QTest::newRow("header overwritten") << QByteArray("header");
        QTest::newRow("pages overwritten") << QByteArray("pages");
        QTest::newRow("truncated") << QByteArray("truncated");
    }
    void corruptCacheIsSetAsideAndTheOutboxSurvives()
    {
        QFETCH(QByteArray, how);
        QTemporaryDir dir;
        const auto paths = pathsIn(dir);
        QString uuid;
        {
            LocalStore store;
            QVERIFY(store.open(paths));
            seedMenu(store);
            QList<QJsonObject> orders;
            for (int i = 1; i <= 200; ++i)
                orders << order(i);
            QVERIFY(store.cache()->replaceAll(Entity::Order, orders));
            QVERIFY(store.cache()->setChangeSeq(500));
            const LocalEdit edit = store.outbox()->setMenuItemPrice(1, Money(1700));
            QVERIFY(edit);
            uuid = edit.uuid;
        }
        corrupt(paths.cache, how);

        LocalStore store;
        QVERIFY2(store.open(paths), qPrintable(store.errorString()));
        QVERIFY(store.openReport().cacheRebuilt);
        QVERIFY(!store.openReport().outboxRebuilt);
        QVERIFY(QFile::exists(store.openReport().cacheSetAsidePath));
        QVERIFY(store.openReport().cacheSetAsidePath.startsWith(paths.cache + QStringLiteral(".corrupt-")));
        // A fresh cache: no rows, and the change feed starts over.
        QCOMPARE(store.cache()->rowCount(Entity::Order), 0);
        QCOMPARE(store.cache()->changeSeq(), 0);
        // The queued edit is intact ...
        QCOMPARE(store.outbox()->count(), 1);
        QCOMPARE(store.outbox()->entries().first().uuid, uuid);
        // ... and shows again as soon as the record is back from the server.
        seedMenu(store);
        QCOMPARE(store.cache()->menuItem(1)->record.price, Money(1700));
        QCOMPARE(store.cache()->menuItem(1)->sync, SyncState::Pending);
    }

    void corruptOutboxIsSetAside()
    {
        QTemporaryDir dir;
        const auto paths = pathsIn(dir);
        {
            LocalStore store;
            QVERIFY(store.open(paths));
            seedMenu(store);
            for (int i = 0; i < 300; ++i)
                QVERIFY(store.outbox()->setMenuItemTitle(1, QStringLiteral("Lasagna %1").arg(i)));
        }
        corrupt(paths.outbox, "header");
        LocalStore store;
        QVERIFY2(store.open(paths), qPrintable(store.errorString()));
        QVERIFY(store.openReport().outboxRebuilt);
        QVERIFY(!store.openReport().cacheRebuilt);
        QVERIFY(QFile::exists(store.openReport().outboxSetAsidePath));
        QCOMPARE(store.outbox()->count(), 0);
        // the cache shows the server's copy again: no entry keeps the edits up
        QCOMPARE(store.cache()->menuItem(1)->record.title, QStringLiteral("Lasagna"));
        QCOMPARE(store.cache()->menuItem(1)->sync, SyncState::Synced);
    }
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
