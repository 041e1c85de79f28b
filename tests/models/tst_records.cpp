#include "models/booking.h"
#include "models/order.h"
#include "models/user.h"

#include <QTest>

using namespace LittleLemon;

Q_DECLARE_METATYPE(LittleLemon::Role)
Q_DECLARE_METATYPE(LittleLemon::OrderStage)
Q_DECLARE_METATYPE(LittleLemon::BookingStatus)
Q_DECLARE_METATYPE(std::optional<LittleLemon::OrderStage>)

// The domain records' rules: who a user is, and how orders and bookings move.
class TstRecords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void role_data()
    {
        QTest::addColumn<bool>("isStaff");
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("manager");
        QTest::addColumn<bool>("crew");
        QTest::addColumn<bool>("customer");

        QTest::newRow("no groups") << false << QStringList() << Role::Customer << false << false << true;
        QTest::newRow("unrelated group")
            << false << QStringList { QStringLiteral("chefs") } << Role::Customer << false << false << true;
        QTest::newRow("manager") << false << QStringList { QStringLiteral("manager") } << Role::Manager
                                 << true << false << false;
        QTest::newRow("Manager capitalised")
            << false << QStringList { QStringLiteral("Manager") } << Role::Manager << true << false << false;
        QTest::newRow("MANAGER") << false << QStringList { QStringLiteral("MANAGER") } << Role::Manager
                                 << true << false << false;
        QTest::newRow("delivery-crew") << false << QStringList { QStringLiteral("delivery-crew") }
                                       << Role::DeliveryCrew << false << true << false;
        QTest::newRow("DELIVERY-CREW") << false << QStringList { QStringLiteral("DELIVERY-CREW") }
                                       << Role::DeliveryCrew << false << true << false;
        QTest::newRow("Delivery-Crew among others")
            << false << QStringList { QStringLiteral("chefs"), QStringLiteral("Delivery-Crew") }
            << Role::DeliveryCrew << false << true << false;
        QTest::newRow("manager beats crew")
            << false << QStringList { QStringLiteral("delivery-crew"), QStringLiteral("Manager") }
            << Role::Manager << true << true << false;
        QTest::newRow("staff without groups")
            << true << QStringList() << Role::Admin << false << false << false;
        QTest::newRow("staff beats manager")
            << true << QStringList { QStringLiteral("manager") } << Role::Admin << true << false << false;
        // Near misses are not the group: the cloud's names are exact apart from case.
        QTest::newRow("delivery_crew underscore") << false << QStringList { QStringLiteral("delivery_crew") }
                                                  << Role::Customer << false << false << true;
        QTest::newRow("managers plural") << false << QStringList { QStringLiteral("managers") }
                                         << Role::Customer << false << false << true;
        QTest::newRow("manager with space") << false << QStringList { QStringLiteral(" manager") }
                                            << Role::Customer << false << false << true;
    }
    void role()
    {
        QFETCH(bool, isStaff);
        QFETCH(QStringList, groups);
        QFETCH(Role, role);
        QFETCH(bool, manager);
        QFETCH(bool, crew);
        QFETCH(bool, customer);

        QCOMPARE(roleFor(isStaff, groups), role);
        User u;
        u.username = QStringLiteral("someone");
        u.isStaff = isStaff;
        u.groups = groups;
        QCOMPARE(u.role(), role);
        QCOMPARE(u.isAdmin(), isStaff);
        QCOMPARE(u.isManager(), manager);
        QCOMPARE(u.isDeliveryCrew(), crew);
        QCOMPARE(u.isCustomer(), customer);
    }

    void roleWire_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<QString>("wire");
        QTest::newRow("admin") << Role::Admin << QStringLiteral("admin");
        QTest::newRow("manager") << Role::Manager << QStringLiteral("manager");
        QTest::newRow("delivery crew") << Role::DeliveryCrew << QStringLiteral("delivery-crew");
        QTest::newRow("customer") << Role::Customer << QStringLiteral("customer");
    }
    void roleWire()
    {
        QFETCH(Role, role);
        QFETCH(QString, wire);
        QCOMPARE(toWire(role), wire);
        QCOMPARE(roleFromWire(wire), std::optional<Role>(role));
        QCOMPARE(roleFromWire(wire.toUpper()), std::optional<Role>(role));
        QVERIFY(!displayName(role).isEmpty());
    }
    void roleFromWireRejects()
    {
        for (const char *text : { "", "staff", "delivery_crew", "managerx", "admin " })
            QVERIFY2(!roleFromWire(QString::fromLatin1(text)), text);
    }

    void stageWire_data()
    {
        QTest::addColumn<OrderStage>("stage");
        QTest::addColumn<QString>("wire");
        QTest::addColumn<QString>("display");
        QTest::addColumn<bool>("final");
        QTest::newRow("received") << OrderStage::Received << QStringLiteral("received")
                                  << QStringLiteral("Received") << false;
        QTest::newRow("preparing") << OrderStage::Preparing << QStringLiteral("preparing")
                                   << QStringLiteral("Preparing") << false;
        QTest::newRow("ready") << OrderStage::Ready << QStringLiteral("ready") << QStringLiteral("Ready")
                               << false;
        QTest::newRow("out for delivery") << OrderStage::OutForDelivery << QStringLiteral("out_for_delivery")
                                          << QStringLiteral("Out for delivery") << false;
        QTest::newRow("delivered") << OrderStage::Delivered << QStringLiteral("delivered")
                                   << QStringLiteral("Delivered") << true;
        QTest::newRow("cancelled") << OrderStage::Cancelled << QStringLiteral("cancelled")
                                   << QStringLiteral("Cancelled") << true;
    }
    void stageWire()
    {
        QFETCH(OrderStage, stage);
        QFETCH(QString, wire);
        QFETCH(QString, display);
        QFETCH(bool, final);
        QCOMPARE(toWire(stage), wire);
        QCOMPARE(orderStageFromWire(wire), std::optional<OrderStage>(stage));
        QCOMPARE(displayName(stage), display);
        QCOMPARE(isFinal(stage), final);
        QVERIFY(allOrderStages().contains(stage));
    }
    void stageFromWireRejects_data()
    {
        QTest::addColumn<QString>("wire");
        QTest::newRow("empty") << QString();
        QTest::newRow("capitalised") << QStringLiteral("Received");
        QTest::newRow("spaces") << QStringLiteral("out for delivery");
        QTest::newRow("hyphens") << QStringLiteral("out-for-delivery");
        QTest::newRow("american spelling") << QStringLiteral("canceled");
        QTest::newRow("unknown") << QStringLiteral("shipped");
        QTest::newRow("trailing space") << QStringLiteral("ready ");
    }
    void stageFromWireRejects()
    {
        QFETCH(QString, wire);
        QVERIFY(!orderStageFromWire(wire));
    }
    void allStagesInOrder()
    {
        const QList<OrderStage> expected { OrderStage::Received, OrderStage::Preparing, OrderStage::Ready,
            OrderStage::OutForDelivery, OrderStage::Delivered, OrderStage::Cancelled };
        QCOMPARE(allOrderStages(), expected);
    }

    void stageSteps_data()
    {
        QTest::addColumn<OrderStage>("stage");
        QTest::addColumn<std::optional<OrderStage>>("next");
        QTest::addColumn<std::optional<OrderStage>>("previous");
        using S = std::optional<OrderStage>;
        QTest::newRow("received") << OrderStage::Received << S(OrderStage::Preparing) << S();
        QTest::newRow("preparing") << OrderStage::Preparing << S(OrderStage::Ready)
                                   << S(OrderStage::Received);
        QTest::newRow("ready") << OrderStage::Ready << S(OrderStage::OutForDelivery)
                               << S(OrderStage::Preparing);
        QTest::newRow("out for delivery")
            << OrderStage::OutForDelivery << S(OrderStage::Delivered) << S(OrderStage::Ready);
        QTest::newRow("delivered") << OrderStage::Delivered << S() << S(OrderStage::OutForDelivery);
        QTest::newRow("cancelled") << OrderStage::Cancelled << S() << S();
    }
    void stageSteps()
    {
        QFETCH(OrderStage, stage);
        QFETCH(std::optional<OrderStage>, next);
        QFETCH(std::optional<OrderStage>, previous);
        QCOMPARE(nextStage(stage), next);
        QCOMPARE(previousStage(stage), previous);
        // Forward then back (and back then forward) returns to the start.
        if (next)
            QCOMPARE(previousStage(*next), std::optional<OrderStage>(stage));
        if (previous)
            QCOMPARE(nextStage(*previous), std::optional<OrderStage>(stage));
    }

    // The cloud has only `status`; the stage follows from it when absent.
    void effectiveStage_data()
    {
        QTest::addColumn<bool>("status");
        QTest::addColumn<std::optional<OrderStage>>("stage");
        QTest::addColumn<OrderStage>("effective");
        using S = std::optional<OrderStage>;
        QTest::newRow("cloud, not delivered") << false << S() << OrderStage::Received;
        QTest::newRow("cloud, delivered") << true << S() << OrderStage::Delivered;
        QTest::newRow("stage wins") << false << S(OrderStage::Ready) << OrderStage::Ready;
        QTest::newRow("cancelled") << false << S(OrderStage::Cancelled) << OrderStage::Cancelled;
    }
    void effectiveStage()
    {
        QFETCH(bool, status);
        QFETCH(std::optional<OrderStage>, stage);
        QFETCH(OrderStage, effective);
        Order o;
        o.status = status;
        o.stage = stage;
        QCOMPARE(o.effectiveStage(), effective);
    }

    void bookingWire_data()
    {
        QTest::addColumn<BookingStatus>("status");
        QTest::addColumn<QString>("wire");
        QTest::addColumn<QString>("display");
        QTest::newRow("booked") << BookingStatus::Booked << QStringLiteral("booked")
                                << QStringLiteral("Booked");
        QTest::newRow("seated") << BookingStatus::Seated << QStringLiteral("seated")
                                << QStringLiteral("Seated");
        QTest::newRow("completed") << BookingStatus::Completed << QStringLiteral("completed")
                                   << QStringLiteral("Completed");
        QTest::newRow("cancelled") << BookingStatus::Cancelled << QStringLiteral("cancelled")
                                   << QStringLiteral("Cancelled");
        QTest::newRow("no show") << BookingStatus::NoShow << QStringLiteral("no_show")
                                 << QStringLiteral("No-show");
    }
    void bookingWire()
    {
        QFETCH(BookingStatus, status);
        QFETCH(QString, wire);
        QFETCH(QString, display);
        QCOMPARE(toWire(status), wire);
        QCOMPARE(bookingStatusFromWire(wire), std::optional<BookingStatus>(status));
        QCOMPARE(displayName(status), display);
    }
    void bookingFromWireRejects()
    {
        for (const char *text : { "", "Booked", "no-show", "noshow", "pending", "canceled", " seated" })
            QVERIFY2(!bookingStatusFromWire(QString::fromLatin1(text)), text);
    }

    // booked → seated → completed; booked → cancelled or no_show; staying put is no move.
    void bookingMoves_data()
    {
        QTest::addColumn<BookingStatus>("from");
        QTest::addColumn<BookingStatus>("to");
        QTest::addColumn<bool>("allowed");
        const QList<BookingStatus> all { BookingStatus::Booked, BookingStatus::Seated,
            BookingStatus::Completed, BookingStatus::Cancelled, BookingStatus::NoShow };
        const QList<QPair<BookingStatus, BookingStatus>> allowedMoves {
            { BookingStatus::Booked, BookingStatus::Seated },
            { BookingStatus::Booked, BookingStatus::Cancelled },
            { BookingStatus::Booked, BookingStatus::NoShow },
            { BookingStatus::Seated, BookingStatus::Completed },
        };
        for (BookingStatus from : all)
            for (BookingStatus to : all)
                QTest::addRow("%s -> %s", qPrintable(toWire(from)), qPrintable(toWire(to)))
                    << from << to << (from == to || allowedMoves.contains(qMakePair(from, to)));
    }
    void bookingMoves()
    {
        QFETCH(BookingStatus, from);
        QFETCH(BookingStatus, to);
        QFETCH(bool, allowed);
        QCOMPARE(isAllowedMove(from, to), allowed);
    }

    void recordEquality()
    {
        Order a;
        a.id = 1;
        a.items = { OrderItem { 2, QStringLiteral("Soda"), 3, Money(550), Money(1650) } };
        Order b = a;
        QCOMPARE(a, b);
        b.items[0].quantity = 4;
        QVERIFY(a != b);
        b = a;
        b.history
            = { StageChange { OrderStage::Ready, 2, QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC) } };
        QVERIFY(a != b);

        Booking x;
        x.table = 3;
        Booking y = x;
        QCOMPARE(x, y);
        y.table.reset();
        QVERIFY(x != y);
    }
};

QTEST_GUILESS_MAIN(TstRecords)
#include "tst_records.moc"
