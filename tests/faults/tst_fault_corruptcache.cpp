#include "securitytest.h"
#include "tests/sync/synctest.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;

namespace {
void damage(const QString &file, const QByteArray &how)
{
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY2(size >= 4096, qPrintable(QStringLiteral("%1 is only %2 bytes").arg(file).arg(size)));
    if (how == "zeroed") {
        f.seek(0);
        f.write(QByteArray(size, '\0'));
    } else if (how == "text") {
        f.resize(0);
        f.write("this is not a database\n");
    } else if (how == "torn page") {
        // A write cut off by a power failure: half of the second page.
        f.seek(4096 + 1024);
        f.write(QByteArray(2048, '\xA5'));
    } else if (how == "stale wal") {
        // Garbage where SQLite looks for a write-ahead log left by a crash.
        QFile wal(file + QStringLiteral("-wal"));
        QVERIFY(wal.open(QIODevice::WriteOnly));
        QByteArray junk(8192, '\0');
        for (int i = 0; i < junk.size(); ++i)
            junk[i] = char(i * 31);
        wal.write(junk);
    }
}

// Another program's database where the cache should be: sound SQLite, a
// schema from nowhere and a version from the future.
void replaceWithForeignDatabase(const QString &file)
{
    QFile::remove(file);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE menu_items (x BLOB)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO menu_items VALUES (zeroblob(8192))")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 999")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
}
} // namespace

// A desk's cache file damaged while the desk was closed and offline, with
// unsent edits in its outbox: on the next start the damage is found, the
// file set aside (kept for a look, never deleted), the cache rebuilt from
// the server by the next sync, and every queued edit sent once.
class TstFaultCorruptCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corruptCacheIsRebuiltAndTheOutboxSent_data()
    {
        QTest::addColumn<QByteArray>("how");
        QTest::newRow("zeroed") << QByteArray("zeroed");
        QTest::newRow("replaced by text") << QByteArray("text");
        QTest::newRow("torn page") << QByteArray("torn page");
        QTest::newRow("another program's database") << QByteArray("foreign");
        QTest::newRow("stale write-ahead log") << QByteArray("stale wal");
    }
    void corruptCacheIsRebuiltAndTheOutboxSent()
    {
        QFETCH(QByteArray, how);
        TestServer server;
        QVERIFY(startServer(server, {}, 40, 60));
        auto mario = http(server);
        Terminal desk;
        QVERIFY2(desk.open(server.url(), QStringLiteral("mario")), qPrintable(desk.error));
        Client::SyncReport report = desk.sync();
        QVERIFY2(report.ok, qPrintable(describe(report)));
        const int items = desk.store->cache()->rowCount(Entity::MenuItem);
        const int orders = desk.store->cache()->rowCount(Entity::Order);
        QVERIFY(items == 40 && orders > 0);

        // Offline: a price, a counter order and a dish's new name wait in the outbox.
        QVERIFY(server.stop());
        const Money price = Money::fromCents(desk.store->cache()->menuItem(5)->record.price.cents() + 250);
        QVERIFY(desk.store->outbox()->setMenuItemPrice(5, price));
        QVERIFY(desk.store->outbox()->createCounterOrder({ { 7, 2 }, { 8, 1 } }, QStringLiteral("corrupt-cache %1").arg(QString::fromLatin1(how))));
        QVERIFY(desk.store->outbox()->setMenuItemTitle(6, QStringLiteral("Special %1").arg(QString::fromLatin1(how))));
        QCOMPARE(desk.store->outbox()->count(), 3);
        const QList<OutboxEntry> queued = desk.store->outbox()->entries();
        const LocalStore::Paths paths = desk.store->paths();

        // The desk closes; the cache file is damaged.
        desk.engine.reset();
        desk.store.reset();
        if (how == "foreign")
            replaceWithForeignDatabase(paths.cache);
        else
            damage(paths.cache, how);
        QVERIFY(QFile::exists(paths.cache));

        // The desk starts again.
        desk.store = std::make_unique<LocalStore>();
        QVERIFY2(desk.store->open(paths), qPrintable(desk.store->errorString()));
        const LocalStore::OpenReport &opened = desk.store->openReport();
        if (how != "stale wal") {
            QVERIFY2(opened.cacheRebuilt, "the damage was not noticed");
            QVERIFY(QFile::exists(opened.cacheSetAsidePath));
            QVERIFY(opened.cacheSetAsidePath.startsWith(paths.cache + QStringLiteral(".corrupt-")));
        }
        QVERIFY(!opened.outboxRebuilt);
        QCOMPARE(desk.store->outbox()->count(), 3);
        QCOMPARE(desk.store->outbox()->entries().size(), queued.size());
        for (qsizetype i = 0; i < queued.size(); ++i)
            QCOMPARE(desk.store->outbox()->entries().at(i).uuid, queued.at(i).uuid);

        // Online again: one sync rebuilds the cache from the server and sends the edits once.
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        desk.engine = std::make_unique<Client::SyncEngine>(desk.client.get(), desk.store.get());
        desk.engine->setBackoff(100, 400);
        desk.engine->setDebounce(50);
        report = desk.sync();
        QVERIFY2(report.ok, qPrintable(describe(report)));
        QCOMPARE(report.sent, 3);
        QCOMPARE(desk.store->outbox()->count(), 0);
        QCOMPARE(desk.store->cache()->rowCount(Entity::MenuItem), items);
        QCOMPARE(desk.store->cache()->rowCount(Entity::Order), orders + 1);
        QCOMPARE(desk.store->cache()->menuItem(5)->record.price, price);
        QCOMPARE(desk.store->cache()->menuItem(5)->sync, SyncState::Synced);

        // The server has each edit once.
        QCOMPARE(mario->get(QStringLiteral("/api/menu-items/5")).object().value(QStringLiteral("price")).toString(), price.toString());
        QCOMPARE(DbSnapshot::rows(databaseOf(server), QStringLiteral("SELECT count(*) FROM orders WHERE note = 'corrupt-cache %1'").arg(QString::fromLatin1(how))),
                 QStringList { QStringLiteral("1") });
        QCOMPARE(mario->get(QStringLiteral("/api/menu-items/6")).object().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Special %1").arg(QString::fromLatin1(how)));
        // A second sync has nothing to do.
        report = desk.sync();
        QVERIFY2(report.ok && report.sent == 0, qPrintable(describe(report)));
    }
};

QTEST_GUILESS_MAIN(TstFaultCorruptCache)
#include "tst_fault_corruptcache.moc"
