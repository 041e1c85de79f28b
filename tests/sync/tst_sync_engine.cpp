// SyncEngine against a real littlelemon-server that the tests stop, restart
// and put a lossy proxy in front of.

#include "api/client/connectivitymonitor.h"
#include "lossyproxy.h"
#include "synctest.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace LittleLemon;
using namespace LittleLemon::Client;
using namespace LittleLemon::Test;

class tst_SyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initialSyncMirrorsTheServer();
    void syncsByItselfOnEditsAndOnTheInterval();
    void editsWhileDownArriveInOrderOnce();
    void lostReplyMakesNoDuplicate_data();
    void lostReplyMakesNoDuplicate();
    void lostCounterOrderReplyMakesNoDuplicate();
    void refusedEditRollsBackWithServerWords();
    void conflictIsKeptForTheUser_data();
    void conflictIsKeptForTheUser();
    void staleIfMatchIsAConflict();
    void cloudLikeServerConvergesByPages();
    void noChangeSyncIsOneRequest();
    void oldFormOutboxIsDeliveredAfterTheUpgrade();
};

namespace {

qint64 userId(HttpTestClient &http, const QString &group, const QString &name)
{
    const HttpReply reply = http.get(QStringLiteral("/api/groups/%1/users").arg(group));
    for (const QJsonValue &v : reply.array()) {
        if (v.toObject().value(QStringLiteral("username")).toString() == name)
            return v.toObject().value(QStringLiteral("id")).toInteger();
    }
    return 0;
}

QList<QJsonObject> titled(const QList<QJsonObject> &items, const QString &title)
{
    QList<QJsonObject> out;
    for (const QJsonObject &o : items)
        if (o.value(QStringLiteral("title")).toString() == title)
            out << o;
    return out;
}

} // namespace

void tst_SyncEngine::initialSyncMirrorsTheServer()
{
    TestServer server;
    QVERIFY(startServer(server));
    Terminal t;
    QVERIFY2(t.open(server.url(), QStringLiteral("mario")), qPrintable(t.error));
    QSignalSpy status(t.engine.get(), &SyncEngine::statusChanged);
    QSignalSpy progress(t.engine.get(), &SyncEngine::progressChanged);
    QVERIFY(!t.engine->lastSyncTime().isValid());

    const SyncReport report = t.sync();
    QVERIFY2(report.ok, qPrintable(describe(report)));
    QCOMPARE(t.engine->status(), SyncEngine::Status::Online);
    QVERIFY(t.engine->isOnline());
    QVERIFY(t.engine->lastSyncTime().isValid());
    QVERIFY(!progress.isEmpty());
    QVERIFY(status.count() >= 2); // syncing, then online

    auto direct = http(server);
    QCOMPARE(t.store->cache()->menuItems().size(), readAll(*direct, QStringLiteral("/api/menu-items")).size());
    QCOMPARE(t.store->cache()->orderSummaries().size(), 20);
    QCOMPARE(t.store->cache()->categories().size(), readAll(*direct, QStringLiteral("/api/categories")).size());
    QVERIFY(!t.store->cache()->groupMembers(QStringLiteral("delivery-crew")).isEmpty());
    QCOMPARE(t.store->cache()->currentUserId(), t.client->session()->user().id);
    QCOMPARE(report.fullRead, !serverFeatures(server).contains(QStringLiteral("changes")));
}

void tst_SyncEngine::syncsByItselfOnEditsAndOnTheInterval()
{
    TestServer server;
    QVERIFY(startServer(server));
    Terminal t;
    QVERIFY2(t.open(server.url(), QStringLiteral("mario")), qPrintable(t.error));
    QSignalSpy finished(t.engine.get(), &SyncEngine::syncFinished);
    QSignalSpy counts(t.engine.get(), &SyncEngine::countsChanged);
    // Polling, as without the server's `events` (live updates: tests/live).
    t.engine->setLiveEnabled(false);
    t.engine->setInterval(0);
    t.engine->setDebounce(100);
    QVERIFY(!t.engine->isStarted());
    // On start.
    t.engine->start();
    QVERIFY(t.engine->isSyncing());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QVERIFY(finished.last().at(0).value<SyncReport>().ok);

    // On a local edit, after the quiet time: a burst of edits goes in one run.
    const qint64 item = t.store->cache()->menuItems().first().record.id;
    QVERIFY(t.store->outbox()->setMenuItemPrice(item, Money(101)));
    QVERIFY(t.store->outbox()->setMenuItemPrice(item, Money(202)));
    QVERIFY(t.store->outbox()->setMenuItemFeatured(item, true));
    QCOMPARE(t.engine->pendingCount(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(t.engine->pendingCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    QCOMPARE(finished.last().at(0).value<SyncReport>().sent, 3);
    QVERIFY(!counts.isEmpty());
    QCOMPARE(counts.last().at(0).toInt(), 0);

    // On the interval while online, with nothing to send.
    t.engine->setInterval(200);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 4, 10000);
    t.engine->stop();
    QVERIFY(!t.engine->isStarted());
    QTRY_VERIFY_WITH_TIMEOUT(!t.engine->isSyncing(), 10000);
    QCOMPARE(t.engine->status(), SyncEngine::Status::Online);
    QCOMPARE(t.engine->interval(), 200);
}

void tst_SyncEngine::editsWhileDownArriveInOrderOnce()
{
    TestServer server;
    QVERIFY(startServer(server));
    auto direct = http(server);
    const qint64 crewId = userId(*direct, QStringLiteral("delivery-crew"), QStringLiteral("crew"));
    QVERIFY(crewId > 0);

    // Through a proxy that counts what reaches the server.
    LossyProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    Terminal manager;
    QVERIFY2(manager.open(proxy.url(), QStringLiteral("mario")), qPrintable(manager.error));
    Terminal admin;
    QVERIFY2(admin.open(proxy.url(), QStringLiteral("admin")), qPrintable(admin.error));
    QVERIFY(manager.sync().ok);
    QVERIFY(admin.sync().ok);
    const auto items = manager.store->cache()->menuItems();
    const auto orders = manager.store->cache()->orderSummaries();
    QVERIFY(items.size() >= 3 && orders.size() >= 2);
    const qint64 a = items.at(0).record.id;
    const qint64 b = items.at(1).record.id;
    const qint64 c = items.at(2).record.id;
    const qint64 o1 = orders.at(0).id;
    const qint64 o2 = orders.at(1).id;

    QVERIFY(server.stop());
    manager.engine->start();
    admin.engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(manager.engine->status(), SyncEngine::Status::Offline, 10000);

    // Offline is a state: edits are taken and kept, nothing fails.
    QVERIFY(manager.store->outbox()->setMenuItemPrice(a, Money(500)));
    QVERIFY(manager.store->outbox()->setMenuItemPrice(a, Money(600)));
    QVERIFY(manager.store->outbox()->setMenuItemPrice(a, Money(725)));
    QVERIFY(manager.store->outbox()->setMenuItemFeatured(b, true));
    QVERIFY(manager.store->outbox()->setMenuItemTitle(c, QStringLiteral("Renamed While Down")));
    QVERIFY(manager.store->outbox()->setOrderStatus(o1, true));
    QVERIFY(manager.store->outbox()->assignDeliveryCrew(o2, crewId));
    MenuItem dish;
    dish.title = QStringLiteral("Offline Special");
    dish.price = Money(1234);
    dish.category = admin.store->cache()->categories().first().record.id;
    const LocalEdit created = admin.store->outbox()->createMenuItem(dish);
    QVERIFY(created);
    QVERIFY(created.id < 0);
    QCOMPARE(manager.engine->pendingCount(), 7);
    QCOMPARE(admin.engine->pendingCount(), 1);
    QCOMPARE(manager.engine->failedCount(), 0);
    QVERIFY(!manager.engine->statusMessage().isEmpty());
    // The price shows at once, before the server has it.
    QCOMPARE(manager.store->cache()->menuItem(a)->record.price, Money(725));

    // Backoff grows to its cap while the server stays away.
    QTRY_COMPARE_WITH_TIMEOUT(manager.engine->connectivity()->currentBackoff(), 400, 10000);
    QVERIFY(manager.engine->connectivity()->failedProbes() >= 2);

    QSignalSpy sent(manager.engine.get(), &SyncEngine::entrySent);
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(manager.engine->pendingCount(), 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(admin.engine->pendingCount(), 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(manager.engine->status(), SyncEngine::Status::Online, 10000);
    QCOMPARE(manager.engine->failedCount() + manager.engine->conflictCount(), 0);

    // In order: the outbox's sequence, one entry after another.
    QCOMPARE(sent.count(), 7);
    for (int i = 1; i < sent.count(); ++i)
        QVERIFY(sent.at(i).at(0).toLongLong() > sent.at(i - 1).at(0).toLongLong());

    // On the server, each edit once, the last price last.
    direct = http(server);
    const QJsonObject itemA = direct->get(QStringLiteral("/api/menu-items/%1").arg(a)).object();
    QCOMPARE(itemA.value(QStringLiteral("price")).toString(), QStringLiteral("7.25"));
    QCOMPARE(direct->get(QStringLiteral("/api/menu-items/%1").arg(b)).object().value(QStringLiteral("featured")).toBool(), true);
    QCOMPARE(direct->get(QStringLiteral("/api/menu-items/%1").arg(c)).object().value(QStringLiteral("title")).toString(),
             QStringLiteral("Renamed While Down"));
    QCOMPARE(direct->get(QStringLiteral("/api/orders/%1").arg(o1)).object().value(QStringLiteral("status")).toBool(), true);
    QCOMPARE(direct->get(QStringLiteral("/api/orders/%1").arg(o2)).object().value(QStringLiteral("delivery_crew")).toInteger(),
             crewId);
    QCOMPARE(proxy.count(QStringLiteral("PATCH /api/menu-items/%1").arg(a)), 3);
    QCOMPARE(proxy.count(QStringLiteral("PATCH /api/orders/%1").arg(o2)), 1);
    QCOMPARE(proxy.count(QStringLiteral("POST /api/menu-items")), 1);
    const auto specials = titled(readAll(*direct, QStringLiteral("/api/menu-items")), QStringLiteral("Offline Special"));
    QCOMPARE(specials.size(), 1);
    // The temporary id became the server's.
    const qint64 serverId = specials.first().value(QStringLiteral("id")).toInteger();
    QVERIFY(!admin.store->cache()->menuItem(created.id));
    QVERIFY(admin.store->cache()->menuItem(serverId));

    // Everyone's cache converges on the server.
    QVERIFY(manager.sync().ok);
    QCOMPARE(manager.store->cache()->menuItem(serverId)->record.title, QStringLiteral("Offline Special"));
    QCOMPARE(manager.store->cache()->menuItem(a)->record.price, Money(725));
    QCOMPARE(manager.store->cache()->menuItem(a)->sync, SyncState::Synced);
}

void tst_SyncEngine::lostReplyMakesNoDuplicate_data()
{
    QTest::addColumn<bool>("extensions");
    QTest::addColumn<int>("keepBytes");
    // Without idempotency the engine must look for the record before sending again.
    QTest::newRow("cloud-like, answer lost whole") << false << 0;
    QTest::newRow("cloud-like, answer cut short") << false << 12;
    // With it, the same Idempotency-Key gets the first answer again.
    QTest::newRow("idempotency, answer lost whole") << true << 0;
    QTest::newRow("idempotency, answer cut short") << true << 12;
}

void tst_SyncEngine::lostReplyMakesNoDuplicate()
{
    QFETCH(bool, extensions);
    QFETCH(int, keepBytes);
    TestServer server;
    QVERIFY(startServer(server));
    // Our server lists the extension; a build that dropped it fails here, it is not skipped.
    QVERIFY2(!extensions || serverFeatures(server).contains(QStringLiteral("idempotency")),
             "littlelemon-server no longer lists the 'idempotency' extension in /api/meta");
    LossyProxy proxy;
    QVERIFY(proxy.listen(server.port()));

    Terminal admin;
    QVERIFY2(admin.open(proxy.url(), QStringLiteral("admin"), extensions), qPrintable(admin.error));
    QVERIFY(admin.sync().ok);
    MenuItem dish;
    dish.title = QStringLiteral("Lost Reply Soup");
    dish.price = Money(990);
    dish.category = admin.store->cache()->categories().first().record.id;
    const LocalEdit created = admin.store->outbox()->createMenuItem(dish);
    QVERIFY(created);

    proxy.dropNextWriteResponse(QStringLiteral("/api/menu-items"), keepBytes);
    SyncReport first = admin.sync();
    QCOMPARE(proxy.droppedResponses(), 1);
    // The server committed it; without idempotency nothing may send it again
    // (Qt would, by itself, on a fresh connection: the engine forbids that).
    if (!extensions)
        QCOMPARE(proxy.count(QStringLiteral("POST /api/menu-items")), 1);
    for (int i = 0; i < 5 && admin.engine->pendingCount() > 0; ++i)
        first = admin.sync();
    QVERIFY2(first.ok, qPrintable(describe(first)));
    QCOMPARE(admin.engine->pendingCount(), 0);
    QCOMPARE(admin.engine->failedCount(), 0);
    if (!extensions) {
        // Found on the server, not sent again.
        QCOMPARE(proxy.count(QStringLiteral("POST /api/menu-items")), 1);
    }

    auto direct = http(server);
    const auto soups = titled(readAll(*direct, QStringLiteral("/api/menu-items")), dish.title);
    QCOMPARE(soups.size(), 1);
    const qint64 id = soups.first().value(QStringLiteral("id")).toInteger();
    QVERIFY(admin.store->cache()->menuItem(id));
    QVERIFY(!admin.store->cache()->menuItem(created.id));
    int local = 0;
    for (const auto &m : admin.store->cache()->menuItems())
        local += m.record.title == dish.title ? 1 : 0;
    QCOMPARE(local, 1);
}

void tst_SyncEngine::lostCounterOrderReplyMakesNoDuplicate()
{
    TestServer server;
    QVERIFY(startServer(server));
    const QStringList features = serverFeatures(server);
    for (const QString &needed : { QStringLiteral("counter_orders"), QStringLiteral("idempotency") }) {
        QVERIFY2(features.contains(needed),
                 qPrintable(QStringLiteral("littlelemon-server no longer lists the '%1' extension in /api/meta")
                                .arg(needed)));
    }
    LossyProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    Terminal manager;
    QVERIFY2(manager.open(proxy.url(), QStringLiteral("mario")), qPrintable(manager.error));
    QVERIFY(manager.sync().ok);
    const qint64 item = manager.store->cache()->menuItems().first().record.id;
    QVERIFY(manager.store->outbox()->createCounterOrder({ { item, 2 } }, QStringLiteral("table 7, lost reply")));
    proxy.dropNextWriteResponse(QStringLiteral("/api/orders"));
    manager.sync();
    QCOMPARE(proxy.droppedResponses(), 1);
    for (int i = 0; i < 5 && manager.engine->pendingCount() > 0; ++i)
        manager.sync();
    QCOMPARE(manager.engine->pendingCount(), 0);
    auto direct = http(server);
    int withNote = 0;
    for (const QJsonObject &o : readAll(*direct, QStringLiteral("/api/orders")))
        withNote += o.value(QStringLiteral("note")).toString() == QStringLiteral("table 7, lost reply") ? 1 : 0;
    QCOMPARE(withNote, 1);
}

void tst_SyncEngine::refusedEditRollsBackWithServerWords()
{
    TestServer server;
    QVERIFY(startServer(server));
    auto direct = http(server);
    HttpTestClient asCust(server.url());
    asCust.login(QStringLiteral("cust"), kPassword);
    const qint64 custId = asCust.get(QStringLiteral("/auth/users/me/")).object().value(QStringLiteral("id")).toInteger();

    Terminal manager;
    QVERIFY2(manager.open(server.url(), QStringLiteral("mario")), qPrintable(manager.error));
    QVERIFY(manager.sync().ok);
    qint64 order = 0;
    for (const OrderSummary &o : manager.store->cache()->orderSummaries()) {
        if (!o.deliveryCrew && !o.status) {
            order = o.id;
            break;
        }
    }
    QVERIFY(order > 0);
    // A customer cannot deliver: the server says so, in its words.
    const qint64 notCrew = custId > 0 ? custId : manager.client->session()->user().id;
    QVERIFY(manager.store->outbox()->assignDeliveryCrew(order, notCrew));
    QCOMPARE(*manager.store->cache()->orderSummaries({ order }).first().deliveryCrew, notCrew);

    QSignalSpy failed(manager.engine.get(), &SyncEngine::entryFailed);
    const SyncReport report = manager.sync();
    QVERIFY2(report.ok, qPrintable(describe(report)));
    QCOMPARE(report.failed, 1);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(manager.engine->failedCount(), 1);
    const OutboxEntry entry = manager.engine->failedEntries().first();
    QCOMPARE(entry.state, OutboxEntry::State::Failed);
    QVERIFY2(entry.lastError.contains(QStringLiteral("is not part of the 'delivery-crew' group")), qPrintable(entry.lastError));
    // The cache shows the server's value again; the server never changed.
    const OrderSummary now = manager.store->cache()->orderSummaries({ order }).first();
    QVERIFY(!now.deliveryCrew);
    QCOMPARE(now.sync, SyncState::Failed);
    QVERIFY(direct->get(QStringLiteral("/api/orders/%1").arg(order)).object().value(QStringLiteral("delivery_crew")).isNull());

    // Dropping it leaves nothing behind.
    QVERIFY(manager.engine->discard(entry.seq));
    QCOMPARE(manager.store->outbox()->count(), 0);
    QCOMPARE(manager.store->cache()->orderSummaries({ order }).first().sync, SyncState::Synced);
}

void tst_SyncEngine::conflictIsKeptForTheUser_data()
{
    QTest::addColumn<bool>("keepMine");
    QTest::addColumn<bool>("extensions");
    QTest::newRow("keep mine") << true << true;
    QTest::newRow("take theirs") << false << true;
    QTest::newRow("keep mine, cloud-like") << true << false;
    QTest::newRow("take theirs, cloud-like") << false << false;
}

void tst_SyncEngine::conflictIsKeptForTheUser()
{
    QFETCH(bool, keepMine);
    QFETCH(bool, extensions);
    TestServer server;
    QVERIFY(startServer(server));
    Terminal mine;
    Terminal theirs;
    QVERIFY2(mine.open(server.url(), QStringLiteral("mario"), extensions), qPrintable(mine.error));
    QVERIFY2(theirs.open(server.url(), QStringLiteral("mario"), extensions), qPrintable(theirs.error));
    QVERIFY(mine.sync().ok);
    QVERIFY(theirs.sync().ok);
    const qint64 item = mine.store->cache()->menuItems().first().record.id;

    QVERIFY(theirs.store->outbox()->setMenuItemPrice(item, Money(1111)));
    QVERIFY(theirs.sync().ok);
    QVERIFY(mine.store->outbox()->setMenuItemPrice(item, Money(2222)));
    QSignalSpy conflicts(mine.engine.get(), &SyncEngine::entryConflict);
    const SyncReport report = mine.sync();
    QCOMPARE(report.conflicts, 1);
    QCOMPARE(conflicts.count(), 1);
    QCOMPARE(mine.engine->conflictCount(), 1);
    const OutboxEntry entry = mine.engine->conflictEntries().first();
    QCOMPARE(entry.serverValue.value(QStringLiteral("price")).toString(), QStringLiteral("11.11"));
    auto direct = http(server);
    // Nothing was overwritten behind anyone's back.
    QCOMPARE(direct->get(QStringLiteral("/api/menu-items/%1").arg(item)).object().value(QStringLiteral("price")).toString(),
             QStringLiteral("11.11"));

    if (keepMine) {
        QVERIFY(mine.engine->keepMine(entry.seq));
        const SyncReport again = mine.sync();
        QVERIFY2(again.ok, qPrintable(describe(again)));
        QCOMPARE(again.sent, 1);
        QCOMPARE(direct->get(QStringLiteral("/api/menu-items/%1").arg(item)).object().value(QStringLiteral("price")).toString(),
                 QStringLiteral("22.22"));
        QCOMPARE(mine.store->cache()->menuItem(item)->record.price, Money(2222));
    } else {
        QVERIFY(mine.engine->takeTheirs(entry.seq));
        QCOMPARE(mine.store->cache()->menuItem(item)->record.price, Money(1111));
        QVERIFY(mine.sync().ok);
        QCOMPARE(direct->get(QStringLiteral("/api/menu-items/%1").arg(item)).object().value(QStringLiteral("price")).toString(),
                 QStringLiteral("11.11"));
    }
    QCOMPARE(mine.store->outbox()->count(), 0);
    QCOMPARE(mine.store->cache()->menuItem(item)->sync, SyncState::Synced);
}

void tst_SyncEngine::staleIfMatchIsAConflict()
{
    TestServer server;
    QVERIFY(startServer(server));
    QVERIFY2(serverFeatures(server).contains(QStringLiteral("etag")),
             "littlelemon-server no longer lists the 'etag' extension in /api/meta");
    Terminal mine;
    QVERIFY2(mine.open(server.url(), QStringLiteral("mario")), qPrintable(mine.error));
    QVERIFY(mine.sync().ok);
    const qint64 item = mine.store->cache()->menuItems().first().record.id;
    // The record with its ETag, as a single GET gives it.
    auto direct = http(server);
    const HttpReply one = direct->get(QStringLiteral("/api/menu-items/%1").arg(item));
    QVERIFY(!one.header("ETag").isEmpty());
    QVERIFY(mine.store->cache()->upsertFromServer(Entity::MenuItem, one.object(), one.header("ETag")));
    QVERIFY(mine.store->outbox()->setMenuItemFeatured(item, !one.object().value(QStringLiteral("featured")).toBool()));
    // Someone else changes another field: the ETag no longer matches.
    QCOMPARE(direct->patch(QStringLiteral("/api/menu-items/%1").arg(item), QJsonObject { { QStringLiteral("price"), QStringLiteral("3.33") } })
                 .status,
             200);
    const SyncReport report = mine.sync();
    QCOMPARE(report.conflicts, 1);
    QCOMPARE(mine.engine->conflictEntries().first().serverValue.value(QStringLiteral("price")).toString(),
             QStringLiteral("3.33"));
    const OutboxEntry entry = mine.engine->conflictEntries().first();
    QVERIFY(mine.engine->keepMine(entry.seq));
    QVERIFY(mine.sync().ok);
    QCOMPARE(mine.store->outbox()->count(), 0);
}

void tst_SyncEngine::cloudLikeServerConvergesByPages()
{
    TestServer server;
    QVERIFY(startServer(server, { QStringLiteral("--page-size"), QStringLiteral("3") }));
    Terminal manager;
    // Extensions off: the client behaves as against the cloud, whatever the server offers.
    QVERIFY2(manager.open(server.url(), QStringLiteral("mario"), false), qPrintable(manager.error));
    SyncReport report = manager.sync();
    QVERIFY2(report.ok, qPrintable(describe(report)));
    QVERIFY(report.fullRead);
    QCOMPARE(manager.store->cache()->orderSummaries().size(), 20);
    // 20 orders 3 a page: 7 pages, so pagination was followed.
    QVERIFY2(report.requests >= 7 + 4, qPrintable(describe(report)));
    QVERIFY(manager.store->cache()->serverFeatures().isEmpty());

    // Changes made by others, including a delete, arrive with the next full read.
    auto asAdmin = http(server, QStringLiteral("admin"));
    auto direct = http(server);
    const auto items = manager.store->cache()->menuItems();
    const qint64 gone = items.at(0).record.id;
    const qint64 repriced = items.at(1).record.id;
    QVERIFY(asAdmin->del(QStringLiteral("/api/menu-items/%1").arg(gone)).status < 300);
    QCOMPARE(direct->patch(QStringLiteral("/api/menu-items/%1").arg(repriced), QJsonObject { { QStringLiteral("price"), QStringLiteral("4.44") } })
                 .status,
             200);
    const HttpReply added = asAdmin->post(QStringLiteral("/api/menu-items"),
                                          QJsonObject { { QStringLiteral("title"), QStringLiteral("Paged In") },
                                                        { QStringLiteral("price"), QStringLiteral("1.00") },
                                                        { QStringLiteral("featured"), false },
                                                        { QStringLiteral("category"), manager.store->cache()->categories().first().record.id } });
    QCOMPARE(added.status, 201);
    // And an edit of ours goes up on the way. A plain cycle follows orders
    // from the tail and leaves the menu for when it is due (every few minutes,
    // or every cycle while orders move); "refresh everything" reads it all now.
    QVERIFY(manager.store->outbox()->setMenuItemTitle(items.at(2).record.id, QStringLiteral("Retitled by Pages")));
    report = manager.sync();
    QVERIFY2(report.ok && !report.catalogRead, qPrintable(describe(report)));
    QCOMPARE(report.sent, 1);
    QVERIFY(manager.store->cache()->menuItem(gone));
    QSignalSpy refreshed(manager.engine.get(), &SyncEngine::syncFinished);
    manager.engine->refreshEverything();
    QVERIFY(refreshed.wait(60000));
    report = refreshed.first().at(0).value<SyncReport>();
    QVERIFY2(report.ok && report.catalogRead, qPrintable(describe(report)));
    QVERIFY(!manager.store->cache()->menuItem(gone));
    QCOMPARE(manager.store->cache()->menuItem(repriced)->record.price, Money(444));
    QVERIFY(manager.store->cache()->menuItem(added.object().value(QStringLiteral("id")).toInteger()));
    const auto onServer = readAll(*direct, QStringLiteral("/api/menu-items"));
    QCOMPARE(manager.store->cache()->menuItems().size(), onServer.size());
    QCOMPARE(titled(onServer, QStringLiteral("Retitled by Pages")).size(), 1);
}

void tst_SyncEngine::noChangeSyncIsOneRequest()
{
    TestServer server;
    QVERIFY(startServer(server));
    QVERIFY2(serverFeatures(server).contains(QStringLiteral("changes")),
             "littlelemon-server no longer lists the 'changes' extension in /api/meta");
    Terminal manager;
    QVERIFY2(manager.open(server.url(), QStringLiteral("mario")), qPrintable(manager.error));
    SyncReport report = manager.sync();
    QVERIFY2(report.ok, qPrintable(describe(report)));
    QVERIFY(manager.store->cache()->changeSeq() > 0);
    report = manager.sync();
    QVERIFY2(report.ok, qPrintable(describe(report)));
    QCOMPARE(report.requests, 1);
    QCOMPARE(report.pulled, 0);
    // A change elsewhere comes through the feed.
    auto direct = http(server);
    const qint64 item = manager.store->cache()->menuItems().first().record.id;
    QCOMPARE(direct->patch(QStringLiteral("/api/menu-items/%1").arg(item), QJsonObject { { QStringLiteral("price"), QStringLiteral("5.55") } })
                 .status,
             200);
    report = manager.sync();
    QVERIFY2(report.ok, qPrintable(describe(report)));
    QVERIFY(!report.fullRead);
    QCOMPARE(manager.store->cache()->menuItem(item)->record.price, Money(555));
}

QTEST_GUILESS_MAIN(tst_SyncEngine)
// An edit queued by the version before typed commands (outbox schema 1: the
// row holds PATCH, the path and the body) reaches the server once after the
// upgrade, with its original Idempotency-Key.
void tst_SyncEngine::oldFormOutboxIsDeliveredAfterTheUpgrade()
{
    TestServer server;
    QVERIFY(startServer(server));
    Terminal t;
    QVERIFY2(t.open(server.url(), QStringLiteral("mario")), qPrintable(t.error));
    QVERIFY(t.sync().ok);
    const qint64 item = t.store->cache()->menuItems().first().record.id;
    const LocalEdit edit = t.store->outbox()->setMenuItemPrice(item, Money(1357));
    QVERIFY(edit);
    const LocalStore::Paths paths = t.store->paths();
    t.store->close();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema1"));
        db.setDatabaseName(paths.outbox);
        QVERIFY(db.open());
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE outbox SET method = 'PATCH', path = ?, body = ? WHERE seq = ?"));
        q.addBindValue(QStringLiteral("/api/menu-items/%1").arg(item));
        q.addBindValue(QByteArray(R"({"price":"13.57"})"));
        q.addBindValue(edit.seq);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        for (const char *sql : { "ALTER TABLE outbox DROP COLUMN command", "ALTER TABLE outbox DROP COLUMN payload",
                 "PRAGMA user_version = 1" })
            QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema1"));

    QVERIFY2(t.store->open(paths), qPrintable(t.store->errorString()));
    QCOMPARE(t.store->outbox()->entry(edit.seq)->uuid, edit.uuid);
    const SyncReport report = t.sync();
    QVERIFY2(report.ok, qPrintable(describe(report)));
    QCOMPARE(report.sent, 1);
    QCOMPARE(t.store->outbox()->count(), 0);
    auto direct = http(server);
    QCOMPARE(direct->get(QStringLiteral("/api/menu-items/%1").arg(item)).object().value(QStringLiteral("price")).toString(),
             QStringLiteral("13.57"));
    QCOMPARE(t.store->cache()->menuItem(item)->record.price, Money(1357));
}

#include "tst_sync_engine.moc"
