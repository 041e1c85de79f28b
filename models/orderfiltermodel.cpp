#include "models/orderfiltermodel.h"

#include "models/ordersmodel.h"

namespace LittleLemon {

OrderFilterModel::OrderFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(OrdersModel::SortKeyRole);
    setDynamicSortFilter(true);
}

void OrderFilterModel::setSourceModel(QAbstractItemModel *model)
{
    // Read rows directly when the source is an OrdersModel: no QVariant per
    // role per row per keystroke.
    m_orders = qobject_cast<const OrdersModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void OrderFilterModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_tokens = text.toLower().split(u' ', Qt::SkipEmptyParts);
    invalidateFilter();
}

void OrderFilterModel::setCrew(qint64 userId)
{
    if (userId == m_crew)
        return;
    m_crew = userId;
    invalidateFilter();
}

void OrderFilterModel::setDateRange(const QDate &from, const QDate &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    invalidateFilter();
}

QList<OrderStage> OrderFilterModel::stages() const
{
    QList<OrderStage> out;
    for (OrderStage stage : allOrderStages()) {
        if (m_stageMask & (1u << int(stage)))
            out.append(stage);
    }
    return out;
}

void OrderFilterModel::setStages(const QList<OrderStage> &stages)
{
    quint32 mask = 0;
    for (OrderStage stage : stages)
        mask |= 1u << int(stage);
    if (mask == m_stageMask)
        return;
    m_stageMask = mask;
    invalidateFilter();
}

void OrderFilterModel::clearFilters()
{
    m_text.clear();
    m_tokens.clear();
    m_crew = AnyCrew;
    m_from = m_to = QDate();
    m_stageMask = 0;
    invalidateFilter();
}

bool OrderFilterModel::accepts(
    qint64 id, const QString &searchText, qint64 crew, const QDate &date, int stage) const
{
    Q_UNUSED(id)
    if (m_stageMask && !(m_stageMask & (1u << stage)))
        return false;
    if (m_crew == NoCrew ? crew != 0 : (m_crew != AnyCrew && crew != m_crew))
        return false;
    if ((m_from.isValid() && date < m_from) || (m_to.isValid() && date > m_to))
        return false;
    for (const QString &token : m_tokens) {
        if (!searchText.contains(token))
            return false;
    }
    return true;
}

bool OrderFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (m_orders) {
        const OrderRow &row = m_orders->rowAt(sourceRow);
        return accepts(row.order.id, row.searchText, row.order.deliveryCrew.value_or(0), row.order.date,
            int(row.order.effectiveStage()));
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return accepts(index.data(OrdersModel::IdRole).toLongLong(),
        index.data(OrdersModel::SearchTextRole).toString(), index.data(OrdersModel::CrewIdRole).toLongLong(),
        index.data(OrdersModel::DateRole).toDate(), index.data(OrdersModel::StageRole).toInt());
}

} // namespace LittleLemon
