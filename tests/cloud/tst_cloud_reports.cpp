// The Reports page (issue 18) against the cloud API's own code, throttle on:
// the cloud has no `reports` feature, so the desk signs in as a manager of
// its own, syncs the cloud's orders and computes today's figures from its
// copy with the same code (models/localreport.*, computeReport), says so,
// and shows what the cloud cannot know (times of day, time in stage, Z
// reports) as unavailable rather than as zeros. The figures are compared
// with this test's own table of orders, computed here in cents.

#include "cloudpeer.h"
#include "deskfixture.h"

#include "ui/reportspage.h"
#include "ui/reportview.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

using namespace LittleLemon;
using namespace LittleLemon::Test;

namespace {
const QString kManager = QStringLiteral("report_lena");
const QString kPassword = QStringLiteral("CloudReports#2026");
const QString kCustomer = QStringLiteral("report_ana");

// One order line of the test's table: the menu item (the seed menu's ids
// 1..6), the quantity and the unit price in cents.
struct Line
{
    int menuitem;
    int quantity;
    qint64 unitCents;
};

struct SeedOrder
{
    int dayOffset; // 0: today, -1: yesterday (must not count)
    bool delivered;
    bool crew; // assigned to the seed's delivery crew user
    QList<Line> lines;
};

// Prices with odd cents so a float sum would drift; one order yesterday.
const QList<SeedOrder> kOrders = {
    { 0, true, true, { { 1, 2, 1299 }, { 2, 1, 705 } } },
    { 0, true, false, { { 2, 3, 705 }, { 3, 1, 1015 } } },
    { 0, false, false, { { 1, 1, 1299 } } },
    { 0, false, true, { { 4, 5, 333 }, { 3, 2, 1015 }, { 1, 1, 1299 } } },
    { -1, true, false, { { 1, 7, 1299 }, { 5, 2, 450 } } },
};

QString cents(qint64 c)
{
    return QStringLiteral("%1.%2").arg(c / 100).arg(c % 100, 2, 10, QLatin1Char('0'));
}
} // namespace

class tst_CloudReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theReportIsComputedFromTheCloudsOrders();

private:
    CloudPeer m_peer;
    QDate m_today;
    qint64 m_crewId = 0;
};

void tst_CloudReports::initTestCase()
{
    // The desk's "today" is this machine's local day; the orders get it
    // explicitly (the cloud's auto_now_add date is its UTC day).
    m_today = QDate::currentDate();
    QVERIFY2(m_peer.start(CloudPeer::Throttle::Off), qPrintable(m_peer.errorString()));
    QVERIFY2(m_peer.addUser(kManager, kPassword, QStringLiteral("manager")), qPrintable(m_peer.errorString()));
    QVERIFY2(m_peer.addUser(kCustomer, QStringLiteral("Customer#2026"), QStringLiteral("customer")), qPrintable(m_peer.errorString()));

    // The orders straight into the cloud's database, one Python run: each
    // order's total is the sum of its lines' prices as Python's Decimal says.
    QString orders;
    for (const SeedOrder &o : kOrders) {
        QString lines;
        for (const Line &l : o.lines)
            lines += QStringLiteral("(%1,%2,'%3'),").arg(l.menuitem).arg(l.quantity).arg(cents(l.unitCents));
        orders += QStringLiteral("('%1',%2,%3,[%4]),")
                      .arg(m_today.addDays(o.dayOffset).toString(Qt::ISODate), o.delivered ? QStringLiteral("True") : QStringLiteral("False"),
                           o.crew ? QStringLiteral("True") : QStringLiteral("False"), lines);
    }
    const QString code = QStringLiteral(R"py(
import datetime
from decimal import Decimal
from django.db import transaction
from django.contrib.auth.models import User
from LittleLemon.LittleLemonAPI.models import MenuItem, Order, OrderItem
u = User.objects.get(username='%1')
crew = User.objects.get(username='crew')
with transaction.atomic():
    for day, delivered, withCrew, lines in [%2]:
        total = sum((Decimal(p) * q for _, q, p in lines), Decimal('0'))
        o = Order.objects.create(user=u, status=delivered, total=total, delivery_crew=crew if withCrew else None)
        Order.objects.filter(id=o.id).update(date=datetime.date.fromisoformat(day))
        for m, q, p in lines:
            OrderItem.objects.create(order=o, menuitem=MenuItem.objects.get(id=m), quantity=q, unit_price=Decimal(p), price=Decimal(p) * q)
print(Order.objects.filter(user=u).count(), crew.id)
)py")
                             .arg(kCustomer, orders);
    const QString out = m_peer.pythonText(code);
    QCOMPARE(out.section(u' ', 0, 0), QString::number(kOrders.size()));
    m_crewId = out.section(u' ', 1, 1).toLongLong();
    QVERIFY(m_crewId > 0);
    QVERIFY2(m_peer.restart(CloudPeer::Throttle::On), qPrintable(m_peer.errorString()));
}

void tst_CloudReports::theReportIsComputedFromTheCloudsOrders()
{
    // The expected figures from the table, apart from the desk's code.
    int expectedOrders = 0;
    qint64 expectedRevenue = 0;
    int expectedItems = 0;
    int expectedCrewDelivered = 0;
    QMap<int, int> expectedQuantity;    // menu item → quantity today
    QMap<int, qint64> expectedDishCents; // menu item → revenue today
    for (const SeedOrder &o : kOrders) {
        if (o.dayOffset != 0)
            continue;
        ++expectedOrders;
        expectedCrewDelivered += o.crew && o.delivered ? 1 : 0;
        for (const Line &l : o.lines) {
            expectedRevenue += l.quantity * l.unitCents;
            expectedItems += l.quantity;
            expectedQuantity[l.menuitem] += l.quantity;
            expectedDishCents[l.menuitem] += l.quantity * l.unitCents;
        }
    }
    QCOMPARE(expectedRevenue, qint64(2 * 1299 + 705 + 3 * 705 + 1015 + 1299 + 5 * 333 + 2 * 1015 + 1299)); // 12 734

    // The desk signed in to the cloud through the dialog, synced.
    const qint64 mark = m_peer.mark();
    DeskFixture fixture;
    fixture.makeController(false, false);
    QVERIFY2(fixture.signIn(kManager, kPassword, false, m_peer.url().toString()), qPrintable(fixture.errorString()));
    QVERIFY(!fixture.workspace()->hasFeature(QStringLiteral("reports")));
    QCOMPARE(fixture.store()->cache()->rowCount(Entity::Order), int(kOrders.size()));

    // Today's report on the page.
    auto *page = qobject_cast<Ui::ReportsPage *>(fixture.window()->page(Ui::MainWindow::ReportsPageId));
    QVERIFY(page);
    QVERIFY(page->isEnabled()); // a manager may
    page->setPeriod(m_today, m_today);
    QSignalSpy shown(page, &Ui::ReportsPage::reportShown);
    page->refresh();
    QVERIFY(shown.count() > 0 || shown.wait(15000));
    QCOMPARE(page->source(), QStringLiteral("local"));
    const QString notice = page->statusLabel()->text();
    QVERIFY2(notice.contains(QStringLiteral("computed from this desk's copy")), qPrintable(notice));

    const Report &r = page->report();
    QCOMPARE(r.totals.orders, expectedOrders);
    QCOMPARE(r.totals.revenue, Money::fromCents(expectedRevenue));
    QCOMPARE(r.totals.items, expectedItems);
    // The cloud's Order has only `status` (delivered or not): no cancelled
    // state exists there (a DELETE removes the order, so it is simply not in
    // the copy), so cancelled orders cannot be seeded; the page must say 0
    // of them and leave nothing out of the revenue.
    QCOMPARE(r.totals.cancelled, 0);
    QCOMPARE(r.totals.cancelledValue, Money());
    QCOMPARE(r.byDish.size(), expectedQuantity.size());
    for (const DishFigure &d : r.byDish) {
        QVERIFY2(expectedQuantity.contains(int(d.menuitem)), qPrintable(QString::number(d.menuitem)));
        QCOMPARE(d.quantity, expectedQuantity.value(int(d.menuitem)));
        QCOMPARE(d.revenue, Money::fromCents(expectedDishCents.value(int(d.menuitem))));
    }
    // The customer is no staff member: every order is an online one.
    QCOMPARE(r.bySource.at(0).source, OrderSource::Online);
    QCOMPARE(r.bySource.at(0).orders, expectedOrders);
    QCOMPARE(r.bySource.at(1).orders, 0);

    // What the page shows: the same figures in the page's locale.
    Ui::ReportView *view = page->view();
    const QLocale l = view->locale();
    QCOMPARE(view->totalText(QStringLiteral("orders")), l.toString(expectedOrders));
    QCOMPARE(view->totalText(QStringLiteral("revenue")), Money::fromCents(expectedRevenue).toInput(l));
    QCOMPARE(view->totalText(QStringLiteral("average")),
             Money::fromCents((expectedRevenue * 2 + expectedOrders) / (2 * expectedOrders)).toInput(l)); // half up
    QTableWidget *dishes = view->table(QStringLiteral("dishes"));
    QCOMPARE(dishes->rowCount(), int(expectedQuantity.size()));
    for (int row = 0; row < dishes->rowCount(); ++row) {
        const int item = int(r.byDish.at(row).menuitem);
        QCOMPARE(dishes->item(row, 1)->text(), l.toString(expectedQuantity.value(item)));
        QCOMPARE(dishes->item(row, 2)->text(), Money::fromCents(expectedDishCents.value(item)).toInput(l));
    }

    // What the cloud cannot provide, shown as unknown, not as zeros: the
    // hour of an order (it keeps a date only), said in the notice and no
    // hour rows; the time in each stage ("–"); the crew's delivery time
    // ("–", though their delivered count is known); no Z reports to close.
    QCOMPARE(r.ordersWithoutTime, expectedOrders);
    QVERIFY2(notice.contains(QStringLiteral("without a time of day")), qPrintable(notice));
    QCOMPARE(view->table(QStringLiteral("hours"))->rowCount(), 0);
    QTableWidget *stages = view->table(QStringLiteral("stages"));
    QCOMPARE(stages->rowCount(), 4);
    for (int row = 0; row < stages->rowCount(); ++row) {
        QCOMPARE(stages->item(row, 2)->text(), QStringLiteral("–"));
        QCOMPARE(stages->item(row, 3)->text(), QStringLiteral("–"));
    }
    QTableWidget *crew = view->table(QStringLiteral("crew"));
    QCOMPARE(crew->rowCount(), 1);
    QCOMPARE(r.byCrew.first().id, m_crewId);
    QCOMPARE(crew->item(0, 1)->text(), l.toString(expectedCrewDelivered));
    QCOMPARE(crew->item(0, 2)->text(), QStringLiteral("–"));
    QVERIFY(!page->closeButton()->isEnabled());

    // The whole flow (sign-in, sync) well within the cloud's budget of 100
    // requests a minute per user.
    const int requests = int(m_peer.requests(mark).size());
    qInfo("requests to the cloud: %d", requests);
    QVERIFY2(requests < 60, qPrintable(QString::number(requests)));
}

LL_UI_TEST_MAIN(tst_CloudReports)
#include "tst_cloud_reports.moc"
