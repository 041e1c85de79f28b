// The desk itself (offscreen) against the cloud API's own code, throttle on:
// signed in through the dialog as "a Little Lemon server on this network",
// the board filled from the cloud, a price edit, a crew assignment and a
// delivery reaching it, and a wait for the rate limit said in the status bar.

#include "cloudpeer.h"
#include "deskfixture.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>

using namespace LittleLemon;
using namespace LittleLemon::Test;

namespace {
const QString kManager = QStringLiteral("desk_mario");
const QString kPassword = QStringLiteral("CloudDesk#2026");
} // namespace

class tst_CloudDesk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theDeskWorksOnTheCloud();

private:
    CloudPeer m_peer;
};

void tst_CloudDesk::initTestCase()
{
    // start() names any Debian package the peer needs that is missing.
    QVERIFY2(m_peer.start(CloudPeer::Throttle::Off), qPrintable(m_peer.errorString()));
    QVERIFY2(m_peer.addUser(kManager, kPassword, QStringLiteral("manager")), qPrintable(m_peer.errorString()));
    QVERIFY2(m_peer.seedOrders(QStringLiteral("cust"), 12, 3), qPrintable(m_peer.errorString()));
    QVERIFY2(m_peer.restart(CloudPeer::Throttle::On), qPrintable(m_peer.errorString()));
}

void tst_CloudDesk::theDeskWorksOnTheCloud()
{
    DeskFixture fixture;
    Ui::DeskController *controller = fixture.makeController(false, false);
    QVERIFY2(fixture.signIn(kManager, kPassword, false, m_peer.url().toString()), qPrintable(fixture.errorString()));
    QVERIFY(controller->client()->serverMeta().features.isEmpty());

    // The board: twelve orders, the three newest open; the seed menu.
    LocalStore *store = fixture.store();
    QCOMPARE(store->cache()->rowCount(Entity::Order), 12);
    QCOMPARE(store->cache()->rowCount(Entity::MenuItem), 6);
    int open = 0;
    for (const OrderSummary &o : store->cache()->orderSummaries())
        open += o.status ? 0 : 1;
    QCOMPARE(open, 3);

    // A price edit, a crew assignment, a delivery: each on the cloud.
    QSignalSpy runs(fixture.engine(), &Client::SyncEngine::syncFinished);
    QVERIFY(store->outbox()->setMenuItemPrice(5, Money::fromCents(499)));
    QVERIFY(fixture.waitSynced(30000));
    QCOMPARE(m_peer.pythonText(QStringLiteral("from LittleLemon.LittleLemonAPI.models import MenuItem\nprint(MenuItem.objects.get(id=5).price)")),
             QStringLiteral("4.99"));
    QVERIFY(store->outbox()->assignDeliveryCrew(12, 3));
    QVERIFY(fixture.waitSynced(30000));
    QVERIFY(store->outbox()->setOrderStatus(11, true));
    QVERIFY(fixture.waitSynced(30000));
    QCOMPARE(m_peer.pythonText(QStringLiteral("from LittleLemon.LittleLemonAPI.models import Order\n"
                                   "print(Order.objects.get(id=12).delivery_crew_id, Order.objects.get(id=11).status)")),
             QStringLiteral("3 True"));

    // Held back by the rate limit for more than two seconds: the status bar says so.
    Client::ApiClient *client = controller->client();
    client->setRateLimit(1);
    fixture.engine()->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(fixture.window()->statusBar()->currentMessage().startsWith(
                                 QStringLiteral("Waiting for the cloud's rate limit (")),
                             10000);
    client->setRateLimit(0);
    QVERIFY(fixture.waitSynced(30000));
}

LL_UI_TEST_MAIN(tst_CloudDesk)
#include "tst_cloud_desk.moc"
