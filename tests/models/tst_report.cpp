// models/report.* and its codecs without a server: the rules a hand can
// check (nearest rank, half-up average, time in stage over undo moves,
// cancelled orders out of revenue, days outside the period ignored), the
// JSON round trip, and CSV quoting where the decimal sign is a comma.

#include "models/report.h"
#include "models/reportexport.h"
#include "models/reportjson.h"

#include <QTest>

using namespace LittleLemon;

namespace {
ReportOrder order(qint64 id, const QDate &day, qint64 cents, OrderStage stage, OrderSource source = OrderSource::Online)
{
    ReportOrder o;
    o.id = id;
    o.date = day;
    o.total = Money(cents);
    o.stage = stage;
    o.source = source;
    o.lines.append(ReportLine { 1, QStringLiteral("Soda"), 1, Money(cents) });
    return o;
}
} // namespace

class TstReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nearestRank_data()
    {
        QTest::addColumn<QList<qint64>>("values");
        QTest::addColumn<int>("p");
        QTest::addColumn<qint64>("expected");
        const QList<qint64> ten { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        QTest::newRow("median of 10") << ten << 50 << qint64(5);
        QTest::newRow("p90 of 10") << ten << 90 << qint64(9);
        QTest::newRow("p100 of 10") << ten << 100 << qint64(10);
        QTest::newRow("p1 of 10") << ten << 1 << qint64(1);
        QTest::newRow("median of 3") << QList<qint64> { 10, 20, 30 } << 50 << qint64(20);
        QTest::newRow("one") << QList<qint64> { 42 } << 90 << qint64(42);
        QTest::newRow("none") << QList<qint64> {} << 50 << qint64(0);
    }
    void nearestRank()
    {
        QFETCH(QList<qint64>, values);
        QFETCH(int, p);
        QFETCH(qint64, expected);
        QCOMPARE(LittleLemon::nearestRank(values, p), expected);
    }

    void timeInStageOverUndoMoves()
    {
        const qint64 t0 = 1'700'000'000'000;
        const QList<ReportMark> marks {
            { OrderStage::Received, t0 },           { OrderStage::Preparing, t0 + 60'000 },
            { OrderStage::Ready, t0 + 180'000 },    { OrderStage::Preparing, t0 + 200'000 }, // undo
            { OrderStage::Ready, t0 + 260'000 },    { OrderStage::Delivered, t0 + 300'500 },
        };
        const OrderTimings t = orderTimings(marks);
        QCOMPARE(t.createdMs, t0);
        QCOMPARE(t.stageSeconds[0], 60);       // received
        QCOMPARE(t.stageSeconds[1], 120 + 60); // preparing, twice
        QCOMPARE(t.stageSeconds[2], 20 + 40);  // ready, twice
        QCOMPARE(t.stageSeconds[3], -1);       // never out for delivery
        QCOMPARE(t.deliveredSeconds, 300);     // 300.5 s, whole seconds
        QCOMPARE(orderTimings({}).createdMs, -1);
    }

    void totalsToTheCent()
    {
        const QDate day(2026, 3, 28);
        ReportInput in;
        in.from = day;
        in.to = day;
        in.zone = QTimeZone("Europe/Lisbon");
        in.orders = { order(1, day, 1000, OrderStage::Delivered), order(2, day, 1, OrderStage::Received, OrderSource::Counter),
                      order(3, day, 999, OrderStage::Cancelled), order(4, day.addDays(1), 5000, OrderStage::Delivered),
                      order(5, day.addDays(-1), 7000, OrderStage::Delivered) };
        const Report r = computeReport(in);
        QCOMPARE(r.totals.orders, 2);
        QCOMPARE(r.totals.cancelled, 1);
        QCOMPARE(r.totals.revenue, Money(1001));
        QCOMPARE(r.totals.cancelledValue, Money(999));
        QCOMPARE(r.totals.averageTicket, Money(501)); // 500.5 half up
        QCOMPARE(r.bySource.at(0).revenue, Money(1000));
        QCOMPARE(r.bySource.at(1).revenue, Money(1));
        QCOMPARE(r.byDish.size(), 1);
        QCOMPARE(r.byDish.first().revenue, Money(1001));
        QCOMPARE(r.byDay.size(), 1);
        QCOMPARE(r.ordersWithoutTime, 2); // no time of day known for them
        QCOMPARE(r.timeZone, QStringLiteral("Europe/Lisbon"));
    }

    void jsonRoundTrip()
    {
        const QDate day(2026, 3, 29);
        ReportInput in;
        in.from = day;
        in.to = day.addDays(1);
        in.orders = { order(1, day, 1550, OrderStage::Delivered) };
        in.orders[0].crew = 3;
        in.orders[0].timings.createdMs = QDateTime(day, QTime(12, 0), QTimeZone("UTC")).toMSecsSinceEpoch();
        in.orders[0].timings.deliveredSeconds = 900;
        in.crewNames.insert(3, QStringLiteral("crew"));
        in.corrections = { ReportCorrection { day, day.addDays(-1), 7, -1, 1, Money(-1650), QStringLiteral("cancelled"), 0 } };
        const Report r = computeReport(in);
        const QJsonObject json = reportToJson(r);
        QString error;
        const auto back = reportFromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(reportToJson(*back), json);
        QCOMPARE(back->correctionsRevenue, Money(-1650));
        QCOMPARE(back->byCrew.first().medianSeconds, 900);
        QJsonObject broken = json;
        broken.remove(QStringLiteral("totals"));
        QVERIFY(!reportFromJson(broken, &error));
        QVERIFY(!error.isEmpty());
    }

    void csvQuotingAndSeparator()
    {
        QCOMPARE(CsvWriter::separatorFor(QLocale(QLocale::Portuguese, QLocale::Brazil)), QChar(u';'));
        QCOMPARE(CsvWriter::separatorFor(QLocale(QLocale::Spanish, QLocale::Spain)), QChar(u';'));
        QCOMPARE(CsvWriter::separatorFor(QLocale(QLocale::English, QLocale::UnitedStates)), QChar(u','));
        CsvWriter csv(QLocale(QLocale::Portuguese, QLocale::Brazil));
        csv.row({ QStringLiteral("Pão; \"caseiro\""), csv.money(Money(1250)), QStringLiteral("two\nlines"), QStringLiteral("plain") });
        QCOMPARE(csv.data(), QByteArray("\xEF\xBB\xBF\"P\xC3\xA3o; \"\"caseiro\"\"\";12,50;\"two\nlines\";plain\r\n"));
    }
};

QTEST_GUILESS_MAIN(TstReport)
#include "tst_report.moc"
