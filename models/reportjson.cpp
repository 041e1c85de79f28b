#include "reportjson.h"

#include <QJsonArray>

namespace LittleLemon {

namespace {

constexpr Money::ParseRules kReportMoney { true, 15 };

QString day(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

// Reads a report, remembering the first thing wrong.
class Reader
{
public:
    QString error;

    QDate date(const QJsonObject &o, const char *key)
    {
        const QDate d = QDate::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODate);
        if (!d.isValid())
            fail(key);
        return d;
    }
    Money money(const QJsonObject &o, const char *key)
    {
        const auto m = Money::parse(o.value(QLatin1String(key)).toString(), kReportMoney);
        if (!m)
            fail(key);
        return m.value_or(Money());
    }
    qint64 integer(const QJsonObject &o, const char *key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isDouble())
            fail(key);
        return qint64(v.toDouble());
    }
    QString text(const QJsonObject &o, const char *key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isString())
            fail(key);
        return v.toString();
    }
    OrderStage stage(const QJsonObject &o, const char *key)
    {
        const auto s = orderStageFromWire(o.value(QLatin1String(key)).toString());
        if (!s)
            fail(key);
        return s.value_or(OrderStage::Received);
    }
    QJsonArray array(const QJsonObject &o, const char *key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isArray())
            fail(key);
        return v.toArray();
    }
    void fail(const char *key)
    {
        if (error.isEmpty())
            error = QStringLiteral("report: \"%1\" is missing or malformed").arg(QLatin1String(key));
    }
};

} // namespace

QJsonObject reportToJson(const Report &r)
{
    QJsonObject totals {
        { QStringLiteral("orders"), r.totals.orders },
        { QStringLiteral("cancelled"), r.totals.cancelled },
        { QStringLiteral("items"), r.totals.items },
        { QStringLiteral("revenue"), r.totals.revenue.toString() },
        { QStringLiteral("average_ticket"), r.totals.averageTicket.toString() },
        { QStringLiteral("cancelled_value"), r.totals.cancelledValue.toString() },
    };
    QJsonArray byDay;
    for (const DayFigure &d : r.byDay) {
        byDay.append(QJsonObject { { QStringLiteral("date"), day(d.date) },
                                   { QStringLiteral("orders"), d.orders },
                                   { QStringLiteral("cancelled"), d.cancelled },
                                   { QStringLiteral("revenue"), d.revenue.toString() } });
    }
    QJsonArray byCategory;
    for (const CategoryFigure &c : r.byCategory) {
        byCategory.append(QJsonObject { { QStringLiteral("category"), c.id },
                                        { QStringLiteral("title"), c.title },
                                        { QStringLiteral("quantity"), c.quantity },
                                        { QStringLiteral("revenue"), c.revenue.toString() } });
    }
    QJsonArray byDish;
    for (const DishFigure &d : r.byDish) {
        byDish.append(QJsonObject { { QStringLiteral("menuitem"), d.menuitem },
                                    { QStringLiteral("title"), d.title },
                                    { QStringLiteral("category"), d.category },
                                    { QStringLiteral("quantity"), d.quantity },
                                    { QStringLiteral("revenue"), d.revenue.toString() } });
    }
    QJsonArray byHour;
    for (const HourFigure &h : r.byHour) {
        byHour.append(QJsonObject { { QStringLiteral("hour"), h.hour },
                                    { QStringLiteral("orders"), h.orders },
                                    { QStringLiteral("revenue"), h.revenue.toString() } });
    }
    QJsonArray bySource;
    for (const SourceFigure &s : r.bySource) {
        bySource.append(QJsonObject { { QStringLiteral("source"), toWire(s.source) },
                                      { QStringLiteral("orders"), s.orders },
                                      { QStringLiteral("revenue"), s.revenue.toString() } });
    }
    QJsonArray byCrew;
    for (const CrewFigure &c : r.byCrew) {
        byCrew.append(QJsonObject { { QStringLiteral("id"), c.id },
                                    { QStringLiteral("name"), c.name },
                                    { QStringLiteral("delivered"), c.delivered },
                                    { QStringLiteral("median_seconds"), c.medianSeconds } });
    }
    QJsonArray stages;
    for (const StageTiming &t : r.stages) {
        stages.append(QJsonObject { { QStringLiteral("stage"), toWire(t.stage) },
                                    { QStringLiteral("count"), t.count },
                                    { QStringLiteral("min_seconds"), t.minSeconds },
                                    { QStringLiteral("q1_seconds"), t.q1Seconds },
                                    { QStringLiteral("median_seconds"), t.medianSeconds },
                                    { QStringLiteral("q3_seconds"), t.q3Seconds },
                                    { QStringLiteral("p90_seconds"), t.p90Seconds },
                                    { QStringLiteral("max_seconds"), t.maxSeconds } });
    }
    QJsonArray soldOut;
    for (const SoldOutFigure &s : r.soldOut) {
        soldOut.append(QJsonObject { { QStringLiteral("menuitem"), s.menuitem },
                                     { QStringLiteral("title"), s.title },
                                     { QStringLiteral("times"), s.times },
                                     { QStringLiteral("seconds"), s.seconds },
                                     { QStringLiteral("still_out"), s.stillOut } });
    }
    QJsonArray corrections;
    for (const ReportCorrection &c : r.corrections) {
        corrections.append(QJsonObject { { QStringLiteral("applies_to"), day(c.appliesTo) },
                                         { QStringLiteral("closed_day"), day(c.closedDay) },
                                         { QStringLiteral("order"), c.order },
                                         { QStringLiteral("orders"), c.orders },
                                         { QStringLiteral("cancelled"), c.cancelled },
                                         { QStringLiteral("revenue"), c.revenue.toString() },
                                         { QStringLiteral("what"), c.what },
                                         { QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(c.atMs, Qt::UTC)
                                                                      .toString(Qt::ISODateWithMs) } });
    }
    return QJsonObject {
        { QStringLiteral("from"), day(r.from) },
        { QStringLiteral("to"), day(r.to) },
        { QStringLiteral("time_zone"), r.timeZone },
        { QStringLiteral("totals"), totals },
        { QStringLiteral("by_day"), byDay },
        { QStringLiteral("by_category"), byCategory },
        { QStringLiteral("by_dish"), byDish },
        { QStringLiteral("by_hour"), byHour },
        { QStringLiteral("by_source"), bySource },
        { QStringLiteral("by_crew"), byCrew },
        { QStringLiteral("stages"), stages },
        { QStringLiteral("sold_out"), soldOut },
        { QStringLiteral("corrections"), corrections },
        { QStringLiteral("corrections_revenue"), r.correctionsRevenue.toString() },
        { QStringLiteral("orders_without_time"), r.ordersWithoutTime },
    };
}

std::optional<Report> reportFromJson(const QJsonObject &json, QString *error)
{
    Reader in;
    Report r;
    r.from = in.date(json, "from");
    r.to = in.date(json, "to");
    r.timeZone = json.value(QStringLiteral("time_zone")).toString();
    const QJsonObject t = json.value(QStringLiteral("totals")).toObject();
    r.totals.orders = int(in.integer(t, "orders"));
    r.totals.cancelled = int(in.integer(t, "cancelled"));
    r.totals.items = int(in.integer(t, "items"));
    r.totals.revenue = in.money(t, "revenue");
    r.totals.averageTicket = in.money(t, "average_ticket");
    r.totals.cancelledValue = in.money(t, "cancelled_value");
    for (const QJsonValue &v : in.array(json, "by_day")) {
        const QJsonObject o = v.toObject();
        r.byDay.append(DayFigure { in.date(o, "date"), int(in.integer(o, "orders")), int(in.integer(o, "cancelled")),
                                   in.money(o, "revenue") });
    }
    for (const QJsonValue &v : in.array(json, "by_category")) {
        const QJsonObject o = v.toObject();
        r.byCategory.append(CategoryFigure { in.integer(o, "category"), in.text(o, "title"),
                                             int(in.integer(o, "quantity")), in.money(o, "revenue") });
    }
    for (const QJsonValue &v : in.array(json, "by_dish")) {
        const QJsonObject o = v.toObject();
        r.byDish.append(DishFigure { in.integer(o, "menuitem"), in.text(o, "title"), in.integer(o, "category"),
                                     int(in.integer(o, "quantity")), in.money(o, "revenue") });
    }
    for (const QJsonValue &v : in.array(json, "by_hour")) {
        const QJsonObject o = v.toObject();
        r.byHour.append(HourFigure { int(in.integer(o, "hour")), int(in.integer(o, "orders")), in.money(o, "revenue") });
    }
    for (const QJsonValue &v : in.array(json, "by_source")) {
        const QJsonObject o = v.toObject();
        const auto source = orderSourceFromWire(o.value(QStringLiteral("source")).toString());
        if (!source)
            in.fail("source");
        r.bySource.append(SourceFigure { source.value_or(OrderSource::Online), int(in.integer(o, "orders")),
                                         in.money(o, "revenue") });
    }
    for (const QJsonValue &v : in.array(json, "by_crew")) {
        const QJsonObject o = v.toObject();
        r.byCrew.append(CrewFigure { in.integer(o, "id"), in.text(o, "name"), int(in.integer(o, "delivered")),
                                     in.integer(o, "median_seconds") });
    }
    for (const QJsonValue &v : in.array(json, "stages")) {
        const QJsonObject o = v.toObject();
        StageTiming s;
        s.stage = in.stage(o, "stage");
        s.count = int(in.integer(o, "count"));
        s.minSeconds = in.integer(o, "min_seconds");
        s.q1Seconds = in.integer(o, "q1_seconds");
        s.medianSeconds = in.integer(o, "median_seconds");
        s.q3Seconds = in.integer(o, "q3_seconds");
        s.p90Seconds = in.integer(o, "p90_seconds");
        s.maxSeconds = in.integer(o, "max_seconds");
        r.stages.append(s);
    }
    for (const QJsonValue &v : in.array(json, "sold_out")) {
        const QJsonObject o = v.toObject();
        r.soldOut.append(SoldOutFigure { in.integer(o, "menuitem"), in.text(o, "title"), int(in.integer(o, "times")),
                                         in.integer(o, "seconds"), o.value(QStringLiteral("still_out")).toBool() });
    }
    for (const QJsonValue &v : in.array(json, "corrections")) {
        const QJsonObject o = v.toObject();
        ReportCorrection c;
        c.appliesTo = in.date(o, "applies_to");
        c.closedDay = in.date(o, "closed_day");
        c.order = in.integer(o, "order");
        c.orders = int(in.integer(o, "orders"));
        c.cancelled = int(in.integer(o, "cancelled"));
        c.revenue = in.money(o, "revenue");
        c.what = in.text(o, "what");
        c.atMs = QDateTime::fromString(in.text(o, "at"), Qt::ISODateWithMs).toMSecsSinceEpoch();
        r.corrections.append(c);
    }
    r.correctionsRevenue = in.money(json, "corrections_revenue");
    r.ordersWithoutTime = int(json.value(QStringLiteral("orders_without_time")).toInt());
    if (!in.error.isEmpty()) {
        if (error)
            *error = in.error;
        return std::nullopt;
    }
    return r;
}

} // namespace LittleLemon
