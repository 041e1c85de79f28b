#include "report.h"

#include <QDateTime>

#include <algorithm>

namespace LittleLemon {

QString toWire(OrderSource source)
{
    return source == OrderSource::Counter ? QStringLiteral("counter") : QStringLiteral("online");
}

std::optional<OrderSource> orderSourceFromWire(QStringView text)
{
    if (text == u"online")
        return OrderSource::Online;
    if (text == u"counter")
        return OrderSource::Counter;
    return std::nullopt;
}

qint64 nearestRank(const QList<qint64> &sorted, int p)
{
    if (sorted.isEmpty())
        return 0;
    // ceil(p * n / 100), at least 1: integer arithmetic, no float rounding.
    qsizetype rank = (qsizetype(p) * sorted.size() + 99) / 100;
    rank = std::clamp<qsizetype>(rank, 1, sorted.size());
    return sorted.at(rank - 1);
}

ReportOrder reportOrderFrom(const Order &order, OrderSource source)
{
    ReportOrder r;
    r.id = order.id;
    r.crew = order.deliveryCrew;
    r.stage = order.effectiveStage();
    r.total = order.total;
    r.date = order.date;
    r.source = source;
    for (const OrderItem &item : order.items)
        r.lines.append(ReportLine { item.menuitem, item.menuitemTitle, item.quantity, item.price });
    QList<ReportMark> marks;
    for (const StageChange &change : order.history) {
        if (change.at.isValid())
            marks.append(ReportMark { change.stage, change.at.toMSecsSinceEpoch() });
    }
    r.timings = orderTimings(marks);
    return r;
}

int timedStageIndex(OrderStage stage)
{
    switch (stage) {
    case OrderStage::Received: return 0;
    case OrderStage::Preparing: return 1;
    case OrderStage::Ready: return 2;
    case OrderStage::OutForDelivery: return 3;
    case OrderStage::Delivered:
    case OrderStage::Cancelled: return -1;
    }
    return -1;
}

OrderStage timedStage(int index)
{
    static const OrderStage stages[] = { OrderStage::Received, OrderStage::Preparing, OrderStage::Ready,
                                         OrderStage::OutForDelivery };
    return stages[std::clamp(index, 0, 3)];
}

OrderTimings orderTimings(const QList<ReportMark> &history)
{
    OrderTimings t;
    if (history.isEmpty())
        return t;
    t.createdMs = history.first().atMs;
    qint64 ms[OrderTimings::kTimedStages] = { -1, -1, -1, -1 };
    for (qsizetype i = 0; i + 1 < history.size(); ++i) {
        const int index = timedStageIndex(history.at(i).stage);
        const qint64 stay = history.at(i + 1).atMs - history.at(i).atMs;
        if (index >= 0 && stay >= 0)
            ms[index] = std::max<qint64>(ms[index], 0) + stay;
    }
    for (int i = 0; i < OrderTimings::kTimedStages; ++i)
        t.stageSeconds[i] = ms[i] < 0 ? -1 : ms[i] / 1000;
    qint64 delivered = -1;
    for (const ReportMark &m : history) {
        if (m.stage == OrderStage::Delivered)
            delivered = m.atMs;
    }
    if (delivered >= t.createdMs)
        t.deliveredSeconds = (delivered - t.createdMs) / 1000;
    return t;
}

namespace {

constexpr qint64 kQuarterHourMs = 15 * 60 * 1000;

// The local hour of a moment. Every time zone's offset is a multiple of 15
// minutes, so the answer is the same within one UTC quarter hour: one time
// zone lookup per quarter hour instead of one per order.
class LocalHours
{
public:
    explicit LocalHours(const QTimeZone &zone)
        : m_zone(zone)
    {
    }
    int hour(qint64 ms)
    {
        const qint64 key = ms >= 0 ? ms / kQuarterHourMs : (ms - kQuarterHourMs + 1) / kQuarterHourMs;
        auto it = m_cache.constFind(key);
        if (it != m_cache.constEnd())
            return *it;
        const int h = QDateTime::fromMSecsSinceEpoch(key * kQuarterHourMs, m_zone).time().hour();
        m_cache.insert(key, h);
        return h;
    }

private:
    QTimeZone m_zone;
    QHash<qint64, int> m_cache;
};

Money averageOf(Money sum, int count)
{
    if (count <= 0)
        return Money();
    // Half up, in integers: (2s + n) / 2n.
    const qint64 s = sum.cents();
    const qint64 n = count;
    return Money(s >= 0 ? (2 * s + n) / (2 * n) : -((-2 * s + n) / (2 * n)));
}

// The value at nearest rank p (as nearestRank() on the sorted list), found
// with nth_element: no full sort of 100,000 durations.
qint64 rankOf(QList<qint64> &values, int p)
{
    qsizetype rank = (qsizetype(p) * values.size() + 99) / 100;
    rank = std::clamp<qsizetype>(rank, 1, values.size());
    auto nth = values.begin() + (rank - 1);
    std::nth_element(values.begin(), nth, values.end());
    return *nth;
}

StageTiming timingOf(OrderStage stage, QList<qint64> seconds)
{
    StageTiming t;
    t.stage = stage;
    t.count = int(seconds.size());
    if (seconds.isEmpty())
        return t;
    const auto [lo, hi] = std::minmax_element(seconds.cbegin(), seconds.cend());
    t.minSeconds = *lo;
    t.maxSeconds = *hi;
    t.q1Seconds = rankOf(seconds, 25);
    t.medianSeconds = rankOf(seconds, 50);
    t.q3Seconds = rankOf(seconds, 75);
    t.p90Seconds = rankOf(seconds, 90);
    return t;
}

} // namespace

Report computeReport(const ReportInput &input)
{
    Report r;
    r.from = input.from;
    r.to = input.to;
    r.timeZone = QString::fromUtf8(input.zone.id());

    const qint64 days = input.from.isValid() && input.to.isValid() ? input.from.daysTo(input.to) + 1 : 0;
    const qint64 firstDay = input.from.toJulianDay();
    for (qint64 i = 0; i < days; ++i)
        r.byDay.append(DayFigure { input.from.addDays(i), 0, 0, Money() });
    for (int h = 0; h < 24; ++h)
        r.byHour.append(HourFigure { h, 0, Money() });
    r.bySource = { SourceFigure { OrderSource::Online, 0, Money() }, SourceFigure { OrderSource::Counter, 0, Money() } };

    QHash<qint64, DishFigure> dishes;
    QHash<qint64, CategoryFigure> categories;
    QHash<qint64, QList<qint64>> crewTimes;
    QHash<qint64, int> crewDelivered;
    QList<qint64> stageSeconds[4];
    LocalHours hours(input.zone);

    for (const ReportOrder &o : input.orders) {
        const qint64 day = o.date.isValid() ? o.date.toJulianDay() - firstDay : -1;
        if (day < 0 || day >= days)
            continue;
        DayFigure &dayFigure = r.byDay[day];
        if (o.stage == OrderStage::Cancelled) {
            ++r.totals.cancelled;
            r.totals.cancelledValue += o.total;
            ++dayFigure.cancelled;
            continue;
        }
        ++r.totals.orders;
        r.totals.revenue += o.total;
        ++dayFigure.orders;
        dayFigure.revenue += o.total;
        SourceFigure &source = r.bySource[o.source == OrderSource::Counter ? 1 : 0];
        ++source.orders;
        source.revenue += o.total;
        if (o.timings.createdMs >= 0) {
            HourFigure &hour = r.byHour[hours.hour(o.timings.createdMs)];
            ++hour.orders;
            hour.revenue += o.total;
        } else {
            ++r.ordersWithoutTime;
        }
        for (const ReportLine &line : o.lines) {
            r.totals.items += line.quantity;
            DishFigure &dish = dishes[line.menuitem];
            if (dish.title.isEmpty()) {
                dish.menuitem = line.menuitem;
                dish.title = line.title;
                dish.category = input.categoryOfItem.value(line.menuitem, 0);
            }
            dish.quantity += line.quantity;
            dish.revenue += line.price;
        }
        for (int i = 0; i < OrderTimings::kTimedStages; ++i) {
            if (o.timings.stageSeconds[i] >= 0)
                stageSeconds[i].append(o.timings.stageSeconds[i]);
        }
        if (o.crew && o.stage == OrderStage::Delivered) {
            ++crewDelivered[*o.crew];
            if (o.timings.deliveredSeconds >= 0)
                crewTimes[*o.crew].append(o.timings.deliveredSeconds);
        }
    }
    r.totals.averageTicket = averageOf(r.totals.revenue, r.totals.orders);

    // Categories from the dishes: one lookup per dish, not per line.
    for (auto it = dishes.cbegin(); it != dishes.cend(); ++it) {
        r.byDish.append(*it);
        CategoryFigure &category = categories[it->category];
        category.id = it->category;
        category.quantity += it->quantity;
        category.revenue += it->revenue;
    }
    std::sort(r.byDish.begin(), r.byDish.end(), [](const DishFigure &a, const DishFigure &b) {
        return a.revenue != b.revenue ? a.revenue > b.revenue : a.menuitem < b.menuitem;
    });
    for (auto it = categories.begin(); it != categories.end(); ++it) {
        it->title = input.categoryTitles.value(it->id);
        r.byCategory.append(*it);
    }
    std::sort(r.byCategory.begin(), r.byCategory.end(), [](const CategoryFigure &a, const CategoryFigure &b) {
        return a.revenue != b.revenue ? a.revenue > b.revenue : a.id < b.id;
    });
    for (auto it = crewDelivered.cbegin(); it != crewDelivered.cend(); ++it) {
        CrewFigure c;
        c.id = it.key();
        c.name = input.crewNames.value(c.id);
        c.delivered = it.value();
        QList<qint64> times = crewTimes.value(c.id);
        std::sort(times.begin(), times.end());
        c.medianSeconds = times.isEmpty() ? -1 : nearestRank(times, 50);
        r.byCrew.append(c);
    }
    std::sort(r.byCrew.begin(), r.byCrew.end(), [](const CrewFigure &a, const CrewFigure &b) {
        return a.name != b.name ? a.name < b.name : a.id < b.id;
    });
    for (int i = 0; i < OrderTimings::kTimedStages; ++i)
        r.stages.append(timingOf(timedStage(i), stageSeconds[i]));

    // Sold out: the part of each interval inside the period (and before now).
    if (days > 0) {
        const qint64 start = QDateTime(input.from, QTime(0, 0), input.zone).toMSecsSinceEpoch();
        const qint64 end = QDateTime(input.to.addDays(1), QTime(0, 0), input.zone).toMSecsSinceEpoch();
        QHash<qint64, SoldOutFigure> soldOut;
        for (const SoldOutInterval &s : input.soldOut) {
            const qint64 to = s.toMs < 0 ? input.nowMs : s.toMs;
            const qint64 a = std::max(start, s.fromMs);
            const qint64 b = std::min(end, to);
            if (b <= a)
                continue;
            SoldOutFigure &f = soldOut[s.menuitem];
            f.menuitem = s.menuitem;
            f.title = s.title;
            ++f.times;
            f.seconds += (b - a) / 1000;
            f.stillOut = f.stillOut || (s.toMs < 0 && end > input.nowMs);
        }
        for (auto it = soldOut.cbegin(); it != soldOut.cend(); ++it)
            r.soldOut.append(*it);
        std::sort(r.soldOut.begin(), r.soldOut.end(), [](const SoldOutFigure &a, const SoldOutFigure &b) {
            return a.seconds != b.seconds ? a.seconds > b.seconds : a.menuitem < b.menuitem;
        });
    }

    for (const ReportCorrection &c : input.corrections) {
        if (c.appliesTo < input.from || c.appliesTo > input.to)
            continue;
        r.corrections.append(c);
        r.correctionsRevenue += c.revenue;
    }
    std::sort(r.corrections.begin(), r.corrections.end(), [](const ReportCorrection &a, const ReportCorrection &b) {
        return a.atMs != b.atMs ? a.atMs < b.atMs : a.order < b.order;
    });
    return r;
}

} // namespace LittleLemon
