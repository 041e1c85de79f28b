// The domain core (issue 15): the permission table, the order workflow, the
// backoff. The server, the desk and the CLI ask these same functions; their
// own tests (tst_server_stages, tst_ui_shift, tst_sync_cli) check that they
// do. Here: the table itself, role by role and stage by stage.

#include "models/backoff.h"
#include "models/orderworkflow.h"
#include "models/permissions.h"

#include <limits>
#include <QTest>

using namespace LittleLemon;

namespace {
User person(const QString &group, bool admin = false)
{
    User u;
    u.id = 7;
    u.username = group.isEmpty() ? QStringLiteral("someone") : group;
    if (!group.isEmpty())
        u.groups << group;
    u.isStaff = admin;
    return u;
}

Verdict move(const User &who, OrderStage from, OrderStage to, bool servedHere = false,
    std::optional<OrderStage> before = std::nullopt)
{
    return mayMove(Permissions::onOurServer(who), { from, to, servedHere, before });
}
} // namespace

class TestDomainCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void permissionTable()
    {
        const User manager = person(kManagerGroup);
        const User crew = person(kDeliveryCrewGroup);
        const User kitchen = person(kKitchenGroup);
        const User admin = person(QString(), true);
        const User customer = person(QString());
        auto may = [](const User &u, Verdict (Permissions::*rule)() const) {
            return bool((Permissions::onOurServer(u).*rule)());
        };
        QVERIFY(may(manager, &Permissions::editMenu));
        QVERIFY(!may(admin, &Permissions::editMenu));
        QVERIFY(may(admin, &Permissions::addRemoveMenuItems));
        QVERIFY(!may(manager, &Permissions::addRemoveMenuItems));
        QVERIFY(may(admin, &Permissions::manageCategories));
        QVERIFY(may(manager, &Permissions::seeReports) && may(admin, &Permissions::seeReports));
        QVERIFY(!may(crew, &Permissions::seeReports) && !may(kitchen, &Permissions::seeReports));
        QVERIFY(may(crew, &Permissions::readTables) && !may(crew, &Permissions::manageTables));
        QVERIFY(!may(kitchen, &Permissions::readTables));
        QVERIFY(!may(customer, &Permissions::moveOrders));
        QVERIFY(may(kitchen, &Permissions::moveOrders));
        QVERIFY(!may(kitchen, &Permissions::takeCounterOrders));
        QVERIFY(may(manager, &Permissions::takeCounterOrders));
        QVERIFY(may(kitchen, &Permissions::hostKitchenPrinting) && may(admin, &Permissions::hostKitchenPrinting));
        QVERIFY(!may(crew, &Permissions::hostKitchenPrinting) && !may(customer, &Permissions::hostKitchenPrinting));
        // A refusal says why, in words.
        QCOMPARE(Permissions::onOurServer(crew).editMenu().reason,
            QStringLiteral("Only managers change menu items."));
        // Without the server's extension (the cloud), what needs it is refused, for everyone.
        const Permissions onTheCloud(manager, { QStringLiteral("me") }, false);
        QVERIFY(!onTheCloud.eightySix());
        QVERIFY(!onTheCloud.takeCounterOrders());
        QVERIFY(!onTheCloud.cancelOrders());
        QVERIFY(onTheCloud.editMenu());
        // Accounts are made only where they are kept.
        QVERIFY(!Permissions::onOurServer(manager).manageAccounts());
        QVERIFY(Permissions(manager, {}, true).manageAccounts());
    }

    void orderWorkflow()
    {
        const User manager = person(kManagerGroup);
        const User crew = person(kDeliveryCrewGroup);
        const User kitchen = person(kKitchenGroup);
        using S = OrderStage;
        // One stage at a time, forward; a manager may step back one.
        QVERIFY(move(manager, S::Received, S::Preparing));
        QVERIFY(move(manager, S::Preparing, S::Received));
        const Verdict tooFar = move(manager, S::Received, S::Ready);
        QVERIFY(!tooFar);
        QVERIFY2(tooFar.reason.contains(QStringLiteral("one stage at a time")), qPrintable(tooFar.reason));
        // The kitchen: received → preparing → ready and back among those.
        QVERIFY(move(kitchen, S::Received, S::Preparing));
        QVERIFY(move(kitchen, S::Ready, S::Preparing));
        QVERIFY(!move(kitchen, S::Ready, S::OutForDelivery));
        QVERIFY(!move(kitchen, S::Received, S::Cancelled));
        // Delivery crew: out and delivered, nothing else.
        QVERIFY(move(crew, S::Ready, S::OutForDelivery));
        QVERIFY(move(crew, S::OutForDelivery, S::Delivered));
        QVERIFY(!move(crew, S::Received, S::Preparing));
        // Served here (a table): ready ↔ delivered directly, for managers.
        QVERIFY(!move(manager, S::Ready, S::Delivered));
        QVERIFY(move(manager, S::Ready, S::Delivered, true));
        QVERIFY(move(manager, S::Delivered, S::Ready, true));
        // Cancel: managers, not a final order; undo goes back where it was.
        QVERIFY(move(manager, S::Preparing, S::Cancelled));
        QVERIFY(!move(manager, S::Delivered, S::Cancelled));
        QVERIFY(move(manager, S::Cancelled, S::Preparing, false, S::Preparing));
        QVERIFY(!move(manager, S::Cancelled, S::Ready, false, S::Preparing));
        QVERIFY(!move(manager, S::Cancelled, S::Preparing));
        // The cloud: delivered or not, either way, for staff; no cancel.
        const Permissions cloud(manager, {}, false);
        QVERIFY(mayMove(cloud, { S::Received, S::Delivered, false, std::nullopt }));
        QVERIFY(!mayMove(cloud, { S::Received, S::Cancelled, false, std::nullopt }));
        QCOMPARE(nextFor(S::Received, false, false), std::optional(S::Delivered));
        QCOMPARE(nextFor(S::Ready, true, true), std::optional(S::Delivered));
        QCOMPARE(nextFor(S::Ready, true, false), std::optional(S::OutForDelivery));
        QCOMPARE(previousFor(S::Delivered, true, true), std::optional(S::Ready));
        QVERIFY(!nextFor(S::Delivered, false, false));
    }

    void servedHereAndTheStageBeforeACancel()
    {
        QVERIFY(isServedHere(std::nullopt, true));
        QVERIFY(isServedHere(qint64(0), true));
        QVERIFY(!isServedHere(qint64(3), true));
        QVERIFY(!isServedHere(std::nullopt, false));
        Order o;
        QVERIFY(!stageBeforeCancel(o));
        o.history = { { OrderStage::Received, 1, {} }, { OrderStage::Preparing, 1, {} },
            { OrderStage::Cancelled, 1, {} } };
        QCOMPARE(stageBeforeCancel(o), std::optional(OrderStage::Preparing));
    }

    void backoffDoublesToItsCapAndStartsOver()
    {
        Backoff b(1000, 5000);
        QCOMPARE(b.delay(), 1000);
        QCOMPARE(b.fail(), 2000);
        QCOMPARE(b.fail(), 4000);
        QCOMPARE(b.fail(), 5000);
        QCOMPARE(b.fail(), 5000);
        b.reset();
        QCOMPARE(b.delay(), 1000);
        // Limits changed on the way: the current wait stays within them.
        b.fail();
        b.setLimits(100, 1500);
        QCOMPARE(b.delay(), 1500);
        // No overflow at a large cap.
        Backoff big(1, std::numeric_limits<int>::max());
        for (int i = 0; i < 40; ++i)
            QVERIFY(big.fail() > 0);
        QCOMPARE(big.delay(), std::numeric_limits<int>::max());
    }
};

QTEST_GUILESS_MAIN(TestDomainCore)
#include "tst_domaincore.moc"
