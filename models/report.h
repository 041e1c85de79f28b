#pragma once

#include "money.h"
#include "order.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace LittleLemon {

// Where an order came from: a customer's cart (online) or a staff member at
// the counter (a table, a takeaway, a phone call).
enum class OrderSource { Online, Counter };
QString toWire(OrderSource source); // "online", "counter"
std::optional<OrderSource> orderSourceFromWire(QStringView text);

// ---- What a report is computed from -----------------------------------------
//
// The same input whoever computes it: littlelemon-server reads it from its
// database (api/server/reportstorage.*), the desk from its synced cache when
// the server has no `reports` feature (the cloud). Times are milliseconds
// since the epoch (UTC): cheap to carry by the hundred thousand.

struct ReportLine
{
    qint64 menuitem = 0;
    QString title;
    int quantity = 0;
    Money price; // the line's total
};

struct ReportMark
{
    OrderStage stage = OrderStage::Received;
    qint64 atMs = 0;
};

// The times of one order, from its stage history: when it was placed, the
// seconds it spent in each stage (the sum of its stays there, over its undo
// moves too; -1 for a stage it never left) and from received to delivered.
// littlelemon-server keeps these on the order row, updated with each move,
// so a report over 100,000 orders reads one row per order.
struct OrderTimings
{
    static constexpr int kTimedStages = 4; // received, preparing, ready, out_for_delivery
    qint64 createdMs = -1; // -1: unknown (the cloud keeps no time of day)
    qint64 stageSeconds[kTimedStages] = { -1, -1, -1, -1 };
    qint64 deliveredSeconds = -1; // received → (last) delivered
};
// Index 0..3 of a timed stage, -1 for delivered and cancelled.
int timedStageIndex(OrderStage stage);
OrderStage timedStage(int index);
// The one rule for an order's times (the server's write path and the desk's copy).
OrderTimings orderTimings(const QList<ReportMark> &history);

struct ReportOrder
{
    qint64 id = 0;
    std::optional<qint64> crew;
    OrderStage stage = OrderStage::Received;
    Money total;
    QDate date; // the restaurant's local day the order was placed
    OrderSource source = OrderSource::Online;
    QList<ReportLine> lines;
    OrderTimings timings;
};

// An item that was sold out from `fromMs` to `toMs` (-1: still sold out).
struct SoldOutInterval
{
    qint64 menuitem = 0;
    QString title;
    qint64 fromMs = 0;
    qint64 toMs = -1;
};

// A change made to an order of a day already closed (Z): the stored Z keeps
// its figures, and the difference is reported on `appliesTo`, the first day
// that was still open when the change was made.
struct ReportCorrection
{
    QDate appliesTo;
    QDate closedDay;
    qint64 order = 0;
    int orders = 0;    // change in the count of orders (not cancelled)
    int cancelled = 0; // change in the count of cancelled orders
    Money revenue;     // change in revenue
    QString what;      // "cancelled", "reopened", "deleted", "changed"
    qint64 atMs = 0;
};

struct ReportInput
{
    QDate from;
    QDate to; // inclusive
    QTimeZone zone = QTimeZone::systemTimeZone();
    qint64 nowMs = 0; // the end of a sold-out interval still open
    QList<ReportOrder> orders; // only those whose date lies in [from, to] are counted
    QHash<qint64, qint64> categoryOfItem; // menu item → category
    QHash<qint64, QString> categoryTitles;
    QHash<qint64, QString> crewNames;
    QList<SoldOutInterval> soldOut;
    QList<ReportCorrection> corrections; // only those applying to a day in [from, to] count
};

// ---- What a report says -----------------------------------------------------

struct ReportTotals
{
    int orders = 0;    // not cancelled
    int cancelled = 0;
    int items = 0;     // dishes sold (quantities), not cancelled
    Money revenue;     // cancelled orders left out
    Money averageTicket; // revenue / orders, rounded half up to the cent
    Money cancelledValue;
};

struct DayFigure
{
    QDate date;
    int orders = 0;
    int cancelled = 0;
    Money revenue;
};

struct CategoryFigure
{
    qint64 id = 0; // 0: a dish no longer on the menu
    QString title;
    int quantity = 0;
    Money revenue;
};

struct DishFigure
{
    qint64 menuitem = 0;
    QString title;
    qint64 category = 0;
    int quantity = 0;
    Money revenue;
};

struct HourFigure
{
    int hour = 0; // local, 0..23
    int orders = 0;
    Money revenue;
};

struct SourceFigure
{
    OrderSource source = OrderSource::Online;
    int orders = 0;
    Money revenue;
};

struct CrewFigure
{
    qint64 id = 0;
    QString name;
    int delivered = 0;
    qint64 medianSeconds = -1; // received → delivered; -1 when unknown
};

// Seconds an order spent in one stage: over the orders that left the stage.
struct StageTiming
{
    OrderStage stage = OrderStage::Received;
    int count = 0;
    qint64 minSeconds = 0;
    qint64 q1Seconds = 0;
    qint64 medianSeconds = 0;
    qint64 q3Seconds = 0;
    qint64 p90Seconds = 0;
    qint64 maxSeconds = 0;
};

struct SoldOutFigure
{
    qint64 menuitem = 0;
    QString title;
    int times = 0;
    qint64 seconds = 0; // within the period (and until now)
    bool stillOut = false;
};

struct Report
{
    QDate from;
    QDate to;
    QString timeZone; // IANA id
    ReportTotals totals;
    QList<DayFigure> byDay;            // every day of the period
    QList<CategoryFigure> byCategory;  // revenue descending
    QList<DishFigure> byDish;          // revenue descending
    QList<HourFigure> byHour;          // 24 entries
    QList<SourceFigure> bySource;      // online, counter
    QList<CrewFigure> byCrew;          // name
    QList<StageTiming> stages;         // received, preparing, ready, out_for_delivery
    QList<SoldOutFigure> soldOut;      // longest first
    QList<ReportCorrection> corrections;
    Money correctionsRevenue;          // the sum of the corrections' revenue
    int ordersWithoutTime = 0;         // left out of the hours and stages (no time of day known)
};

// The one place report figures are computed (server, desk, CLI).
Report computeReport(const ReportInput &input);

// Nearest-rank percentile of sorted values: the smallest value with at least
// p% of the values at or below it (p in 1..100). The median is p = 50.
qint64 nearestRank(const QList<qint64> &sorted, int p);

// The report input an order from the desk's cache gives: its times from
// its stage history (our server), none from the cloud.
ReportOrder reportOrderFrom(const Order &order, OrderSource source);

} // namespace LittleLemon
