#include "localreport.h"

#include "localstore.h"

#include <QDateTime>
#include <QSet>

namespace LittleLemon {

ReportInput localReportInput(const LocalStore &store, const QDate &from, const QDate &to, const QTimeZone &zone)
{
    ReportInput in;
    in.from = from;
    in.to = to;
    in.zone = zone;
    in.nowMs = QDateTime::currentMSecsSinceEpoch();
    QSet<qint64> staff;
    for (const Cached<GroupMember> &m : store.cache()->groupMembers())
        staff.insert(m.record.userId);
    for (const OrderSummary &s : store.cache()->orderSummaries()) {
        if (s.date < from || s.date > to)
            continue;
        const auto order = store.cache()->order(s.id);
        if (!order)
            continue;
        ReportOrder o = reportOrderFrom(order->record, staff.contains(s.user) ? OrderSource::Counter : OrderSource::Online);
        if (o.timings.createdMs < 0 && s.placedAt.isValid())
            o.timings.createdMs = s.placedAt.toMSecsSinceEpoch();
        in.orders.append(std::move(o));
    }
    for (const Cached<MenuItem> &m : store.cache()->menuItems())
        in.categoryOfItem.insert(m.record.id, m.record.category);
    for (const Cached<Category> &c : store.cache()->categories())
        in.categoryTitles.insert(c.record.id, c.record.title);
    in.crewNames = store.cache()->userNames();
    return in;
}

} // namespace LittleLemon
