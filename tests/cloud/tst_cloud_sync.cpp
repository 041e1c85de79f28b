// The sync engine against the cloud API's own code (the cloud peer, throttle
// on). Each flow signs in as its own user (the throttle counts per user):
// following orders from the tail of the list for a few requests a cycle, an
// edit for at most three, an edit queued while the cloud is down and sent
// when it is back, a create whose answer was lost found instead of repeated,
// an access token expired by the cloud's clock and refreshed, and the
// contract's cloud quirks checked against the real thing.

#include "cloudpeer.h"
#include "cloudterminal.h"
#include "httptestclient.h"
#include "lossyproxy.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;

namespace {

const QString kCloudPassword = QStringLiteral("CloudSync#2026");

} // namespace

class tst_CloudSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void contractQuirksOnTheRealCloud();
    void ordersAreFollowedFromTheTail();
    void editsCostLittleAndWaitOutAnOutage();
    void lostReplyIsLookedUpNotRepeated();
    void idleDeskLeavesTheBudgetToOtherDevices();
    // Last: it moves the peer's clock.
    void expiredTokenIsRefreshedByTheServersClock();

private:
    CloudPeer m_peer;
};

void tst_CloudSync::initTestCase()
{
    // start() names any Debian package the peer needs that is missing.
    QVERIFY2(m_peer.start(CloudPeer::Throttle::Off), qPrintable(m_peer.errorString()));
    for (const char *manager : { "tail_mario", "edit_mario", "token_mario", "idle_mario" })
        QVERIFY2(m_peer.addUser(QLatin1String(manager), kCloudPassword, QStringLiteral("manager")), qPrintable(m_peer.errorString()));
    QVERIFY2(m_peer.addUser(QStringLiteral("lost_admin"), kCloudPassword, QStringLiteral("admin")), qPrintable(m_peer.errorString()));
    QVERIFY2(m_peer.seedOrders(QStringLiteral("cust"), 30, 3), qPrintable(m_peer.errorString()));
    QVERIFY2(m_peer.restart(CloudPeer::Throttle::On), qPrintable(m_peer.errorString()));
}

void tst_CloudSync::contractQuirksOnTheRealCloud()
{
    HttpTestClient http(m_peer.url());
    // Unknown paths, /api/meta included: 404 with an HTML page.
    const HttpReply meta = http.get(QStringLiteral("/api/meta"));
    QCOMPARE(meta.status, 404);
    QVERIFY2(meta.header("Content-Type").startsWith("text/html"), meta.header("Content-Type").constData());

    // Orders: oldest first, three a page, ?ordering= ignored.
    QVERIFY(!http.login(QStringLiteral("mario"), QStringLiteral("LemonManager#1")).isEmpty());
    const QJsonObject page = http.get(QStringLiteral("/api/orders?ordering=-id")).object();
    QCOMPARE(page.value(QStringLiteral("count")).toInt(), 30);
    const QJsonArray results = page.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    QVERIFY(results.at(0).toObject().value(QStringLiteral("id")).toInteger()
            < results.at(2).toObject().value(QStringLiteral("id")).toInteger());

    // Cart ids have no gaps: an add that merges uses up no id.
    QVERIFY(!http.login(QStringLiteral("cust"), QStringLiteral("LemonCust#1")).isEmpty());
    const qint64 first = http.post(QStringLiteral("/api/cart"), QJsonObject { { QStringLiteral("menuitem"), 1 }, { QStringLiteral("quantity"), 1 } })
                             .object()
                             .value(QStringLiteral("id"))
                             .toInteger();
    QVERIFY(first > 0);
    QCOMPARE(http.post(QStringLiteral("/api/cart"), QJsonObject { { QStringLiteral("menuitem"), 1 }, { QStringLiteral("quantity"), 2 } })
                 .object()
                 .value(QStringLiteral("id"))
                 .toInteger(),
             first);
    QCOMPARE(http.post(QStringLiteral("/api/cart"), QJsonObject { { QStringLiteral("menuitem"), 2 }, { QStringLiteral("quantity"), 1 } })
                 .object()
                 .value(QStringLiteral("id"))
                 .toInteger(),
             first + 1);

    // A full menu-item create without featured is refused.
    QVERIFY(!http.login(QStringLiteral("admin"), QStringLiteral("LemonAdmin#1")).isEmpty());
    const HttpReply create = http.post(QStringLiteral("/api/menu-items"),
                                       QJsonObject { { QStringLiteral("title"), QStringLiteral("Quirk pie") },
                                                     { QStringLiteral("price"), QStringLiteral("4.00") },
                                                     { QStringLiteral("category"), 1 } });
    QCOMPARE(create.status, 400);
    QCOMPARE(create.object(), (QJsonObject { { QStringLiteral("featured"), QJsonArray { QStringLiteral("This field is required.") } } }));
}

void tst_CloudSync::ordersAreFollowedFromTheTail()
{
    CloudTerminal desk;
    QVERIFY2(desk.open(m_peer.url(), QStringLiteral("tail_mario"), kCloudPassword), qPrintable(desk.error));
    QVERIFY(desk.client->serverMeta().features.isEmpty());
    Client::SyncReport report = desk.sync();
    QVERIFY2(report.ok, qPrintable(describe(report)));
    QCOMPARE(desk.store->cache()->rowCount(Entity::Order), 30);
    QCOMPARE(desk.store->cache()->rowCount(Entity::MenuItem), 6);

    // Nothing changed: the last page (where the three open orders are) and nothing else.
    report = desk.sync();
    QVERIFY2(report.ok && !report.changed, qPrintable(describe(report)));
    QVERIFY2(report.requests <= 3, qPrintable(describe(report)));
    QCOMPARE(report.requests, 1);

    // One new order and one delivered: the tail pages, no more.
    QVERIFY(m_peer.seedOrders(QStringLiteral("cust"), 1, 1));
    QCOMPARE(m_peer.pythonText(QStringLiteral("from LittleLemon.LittleLemonAPI.models import Order\n"
                                   "Order.objects.filter(id=28).update(status=True)\nprint('ok')")),
             QStringLiteral("ok"));
    report = desk.sync();
    QVERIFY2(report.ok && report.changed, qPrintable(describe(report)));
    QVERIFY2(report.requests <= 6, qPrintable(describe(report)));
    QCOMPARE(desk.store->cache()->rowCount(Entity::Order), 31);
    QVERIFY(desk.order(31).has_value());
    QCOMPARE(desk.order(28)->status, true);

    // Open orders older than the window are refreshed too: three new orders
    // move 29 and 30 off the newest pages; 29 is delivered meanwhile.
    QVERIFY(m_peer.seedOrders(QStringLiteral("cust"), 3, 3));
    QCOMPARE(m_peer.pythonText(QStringLiteral("from LittleLemon.LittleLemonAPI.models import Order\n"
                                   "Order.objects.filter(id=29).update(status=True)\nprint('ok')")),
             QStringLiteral("ok"));
    report = desk.sync();
    QVERIFY2(report.ok, qPrintable(describe(report)));
    QVERIFY2(report.requests <= 6, qPrintable(describe(report)));
    QCOMPARE(desk.store->cache()->rowCount(Entity::Order), 34);
    QCOMPARE(desk.order(29)->status, true);
    QCOMPARE(desk.order(30)->status, false);

    // An order deleted on the cloud: the count does not add up, and a full read puts it right.
    QCOMPARE(m_peer.pythonText(QStringLiteral("from LittleLemon.LittleLemonAPI.models import Order\n"
                                   "Order.objects.filter(id=3).delete()\nprint('ok')")),
             QStringLiteral("ok"));
    QVERIFY(m_peer.seedOrders(QStringLiteral("cust"), 1, 1));
    report = desk.sync();
    QVERIFY2(report.ok, qPrintable(describe(report)));
    QCOMPARE(desk.store->cache()->rowCount(Entity::Order), 34);
    QVERIFY(!desk.order(3).has_value());
    QVERIFY(desk.order(35).has_value());
}

void tst_CloudSync::editsCostLittleAndWaitOutAnOutage()
{
    CloudTerminal desk;
    QVERIFY2(desk.open(m_peer.url(), QStringLiteral("edit_mario"), kCloudPassword), qPrintable(desk.error));
    QSignalSpy runs(desk.engine.get(), &Client::SyncEngine::syncFinished);
    desk.engine->setInterval(60000);
    desk.engine->start();
    Client::SyncReport report = CloudTerminal::wait(runs);
    QVERIFY2(report.ok, qPrintable(describe(report)));

    // A price edit: the check that nobody changed it first and the write; the pull waits for the next cycle.
    QVERIFY(desk.store->outbox()->setMenuItemPrice(2, Money::fromCents(710)));
    report = CloudTerminal::wait(runs);
    QVERIFY2(report.ok && report.sent == 1 && report.pushOnly, qPrintable(describe(report)));
    QVERIFY2(report.requests <= 3, qPrintable(describe(report)));
    QCOMPARE(m_peer.pythonText(QStringLiteral("from LittleLemon.LittleLemonAPI.models import MenuItem\nprint(MenuItem.objects.get(id=2).price)")),
             QStringLiteral("7.10"));

    // A crew assignment, and a delivery.
    QVERIFY(desk.store->outbox()->assignDeliveryCrew(30, 3));
    report = CloudTerminal::wait(runs);
    QVERIFY2(report.ok && report.sent == 1, qPrintable(describe(report)));
    QVERIFY(desk.store->outbox()->setOrderStatus(30, true));
    report = CloudTerminal::wait(runs);
    QVERIFY2(report.ok && report.sent == 1, qPrintable(describe(report)));
    QCOMPARE(m_peer.pythonText(QStringLiteral("from LittleLemon.LittleLemonAPI.models import Order\n"
                                   "o = Order.objects.get(id=30)\nprint(o.delivery_crew_id, o.status)")),
             QStringLiteral("3 True"));

    // The cloud goes away: the edit waits in the outbox, and goes when it is back.
    m_peer.kill();
    QVERIFY(desk.store->outbox()->setMenuItemPrice(2, Money::fromCents(720)));
    report = CloudTerminal::wait(runs);
    QVERIFY2(!report.ok && report.offline, qPrintable(describe(report)));
    QCOMPARE(desk.store->outbox()->pendingCount(), 1);
    QVERIFY2(m_peer.restart(CloudPeer::Throttle::On), qPrintable(m_peer.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(desk.store->outbox()->pendingCount(), 0, 30000);
    QCOMPARE(m_peer.pythonText(QStringLiteral("from LittleLemon.LittleLemonAPI.models import MenuItem\nprint(MenuItem.objects.get(id=2).price)")),
             QStringLiteral("7.20"));
    desk.engine->stop();
}

void tst_CloudSync::lostReplyIsLookedUpNotRepeated()
{
    LossyProxy proxy;
    QVERIFY(proxy.listen(m_peer.port()));
    CloudTerminal desk;
    QVERIFY2(desk.open(proxy.url(), QStringLiteral("lost_admin"), kCloudPassword), qPrintable(desk.error));
    Client::SyncReport report = desk.sync();
    QVERIFY2(report.ok, qPrintable(describe(report)));

    MenuItem item;
    item.title = QStringLiteral("Lost Reply Lemonade");
    item.price = Money::fromCents(300);
    item.category = 1;
    QVERIFY(desk.store->outbox()->createMenuItem(item));
    // The cloud commits the create; its answer never arrives.
    proxy.dropNextWriteResponse(QStringLiteral("/api/menu-items"));
    report = desk.sync();
    QVERIFY2(!report.ok, qPrintable(describe(report)));
    QCOMPARE(proxy.droppedResponses(), 1);
    QCOMPARE(desk.store->outbox()->pendingCount(), 1);

    // The next run looks for it before sending again (the cloud has no idempotency keys).
    report = desk.sync();
    QVERIFY2(report.ok && report.found == 1, qPrintable(describe(report)));
    QCOMPARE(desk.store->outbox()->pendingCount(), 0);
    QCOMPARE(proxy.count(QStringLiteral("POST /api/menu-items")), 1);
    QCOMPARE(m_peer.pythonText(QStringLiteral("from LittleLemon.LittleLemonAPI.models import MenuItem\n"
                                   "print(MenuItem.objects.filter(title='Lost Reply Lemonade').count())")),
             QStringLiteral("1"));
}

void tst_CloudSync::idleDeskLeavesTheBudgetToOtherDevices()
{
    CloudTerminal desk;
    QVERIFY2(desk.open(m_peer.url(), QStringLiteral("idle_mario"), kCloudPassword), qPrintable(desk.error));
    QSignalSpy runs(desk.engine.get(), &Client::SyncEngine::syncFinished);
    // Far more eager than the desk's 15 s: only the budget holds it back.
    desk.engine->setInterval(200);
    desk.engine->start();
    Client::SyncReport report = CloudTerminal::wait(runs);
    QVERIFY2(report.ok, qPrintable(describe(report)));
    QCOMPARE(desk.engine->requestBudget(), 10);

    // The same manager's phone meanwhile: sixty requests, none refused.
    const qint64 mark = m_peer.mark();
    HttpTestClient phone(m_peer.url());
    QVERIFY(!phone.login(QStringLiteral("idle_mario"), kCloudPassword).isEmpty());
    QElapsedTimer clock;
    clock.start();
    int refused = 0;
    for (int i = 0; i < 60; ++i) {
        refused += phone.get(QStringLiteral("/api/categories")).status == 429 ? 1 : 0;
        QTest::qWait(50);
    }
    QTest::qWait(std::max<qint64>(0, 6000 - clock.elapsed()));
    desk.engine->stop();
    QCOMPARE(refused, 0);
    // Idle, the desk kept within a tenth of the user's 100 a minute (the
    // first sync counts against it too); without the budget a 200 ms
    // interval would have sent a request every cycle.
    QVERIFY(m_peer.waitForRequests(mark, 61));
    const auto deskRequests = m_peer.requests(mark, QStringLiteral("LittleLemonDesk/"));
    QVERIFY2(deskRequests.size() <= 10, qPrintable(QString::number(deskRequests.size())));
}

void tst_CloudSync::expiredTokenIsRefreshedByTheServersClock()
{
    CloudTerminal desk;
    QVERIFY2(desk.open(m_peer.url(), QStringLiteral("token_mario"), kCloudPassword), qPrintable(desk.error));
    Client::SyncReport report = desk.sync();
    QVERIFY2(report.ok, qPrintable(describe(report)));
    QCOMPARE(desk.client->session()->refreshCount(), 0);
    QVERIFY(desk.client->session()->accessDeadline().remainingTime() <= 900 * 1000);

    // Sixteen minutes later by the cloud's clock: its 15-minute access token
    // is dead (this computer's clock does not know), the refresh token alive.
    m_peer.setClockOffset(16 * 60);
    QVERIFY2(m_peer.restart(CloudPeer::Throttle::On), qPrintable(m_peer.errorString()));
    const qint64 mark = m_peer.mark();
    report = desk.sync();
    QVERIFY2(report.ok, qPrintable(describe(report)));
    QCOMPARE(desk.client->session()->refreshCount(), 1);
    const auto requests = m_peer.requests(mark);
    QCOMPARE(std::count_if(requests.cbegin(), requests.cend(), [](const CloudPeer::Request &r) { return r.status == 401; }), 1);

    // SimpleJWT copies the sign-in's iat into the refreshed token, so exp − iat
    // says 31 minutes; exp against the cloud's Date says the true 15.
    const qint64 left = desk.client->session()->accessDeadline().remainingTime();
    QVERIFY2(left <= 900 * 1000 && left > 800 * 1000, qPrintable(QString::number(left)));
    m_peer.setClockOffset(0);
}

QTEST_GUILESS_MAIN(tst_CloudSync)
#include "tst_cloud_sync.moc"
