#include "ui/boardcolumnmodel.h"

#include "models/ordersmodel.h"

#include <limits>

namespace LittleLemon::Ui {

namespace {
// When the order came in, as milliseconds since the epoch: the first stage's
// time where the server tells it, else the start of its day.
qint64 placedKey(const OrderSummary &o)
{
    if (o.placedAt.isValid())
        return o.placedAt.toMSecsSinceEpoch();
    if (o.id < 0)
        return std::numeric_limits<qint64>::max();
    return o.date.startOfDay(Qt::UTC).toMSecsSinceEpoch();
}

qint64 idKey(qint64 id)
{
    return id < 0 ? std::numeric_limits<qint64>::max() + id : id;
}
} // namespace

BoardColumnModel::BoardColumnModel(QObject *parent)
    : OrderFilterModel(parent)
{
}

void BoardColumnModel::setSourceModel(QAbstractItemModel *model)
{
    m_source = qobject_cast<const OrdersModel *>(model);
    OrderFilterModel::setSourceModel(model);
    sort(0, m_newestFirst ? Qt::DescendingOrder : Qt::AscendingOrder);
}

void BoardColumnModel::setNewestFirst(bool newestFirst)
{
    m_newestFirst = newestFirst;
    sort(0, m_newestFirst ? Qt::DescendingOrder : Qt::AscendingOrder);
}

int BoardColumnModel::rowOfOrder(qint64 id) const
{
    if (!m_source)
        return -1;
    const int sourceRow = m_source->rowOf(id);
    if (sourceRow < 0)
        return -1;
    return mapFromSource(m_source->index(sourceRow, 0)).row();
}

qint64 BoardColumnModel::orderAt(int row) const
{
    if (!m_source || row < 0 || row >= rowCount())
        return 0;
    return m_source->idAt(mapToSource(index(row, 0)).row());
}

Qt::ItemFlags BoardColumnModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = OrderFilterModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsDragEnabled;
    return f;
}

bool BoardColumnModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_source)
        return OrderFilterModel::lessThan(left, right);
    const OrderSummary &a = m_source->rowAt(left.row()).order;
    const OrderSummary &b = m_source->rowAt(right.row()).order;
    const qint64 ka = placedKey(a);
    const qint64 kb = placedKey(b);
    if (ka != kb)
        return ka < kb;
    return idKey(a.id) < idKey(b.id);
}

} // namespace LittleLemon::Ui
