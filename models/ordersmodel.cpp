#include "models/ordersmodel.h"

#include <QLocale>

namespace LittleLemon {

namespace {
QList<OrderRow> wrap(const QList<OrderSummary> &orders)
{
    QList<OrderRow> rows;
    rows.reserve(orders.size());
    for (const OrderSummary &o : orders)
        rows.append(OrderRow { o, QString(), QString() });
    return rows;
}
} // namespace

OrdersModel::OrdersModel(LocalStore *store, QObject *parent)
    : StoreRowsModel(store, ColumnCount, parent)
{
    connect(store->cache(), &LocalCache::changed, this, &OrdersModel::onStoreChanged);
    if (store->isOpen())
        m_names = store->cache()->userNames();
    reload();
}

QList<OrderRow> OrdersModel::fetchAll() const
{
    return wrap(store()->cache()->orderSummaries());
}

QList<OrderRow> OrdersModel::fetch(const QList<qint64> &ids) const
{
    return wrap(store()->cache()->orderSummaries(ids));
}

void OrdersModel::prepare(OrderRow &row) const
{
    const OrderSummary &o = row.order;
    row.crewName = o.deliveryCrew ? m_names.value(*o.deliveryCrew) : QString();
    QString text = u'#' + QString::number(o.id) + u' ' + o.itemsSummary + u' ' + o.note + u' ' + row.crewName;
    row.searchText = text.toLower();
}

void OrdersModel::setIdOf(OrderRow &row, qint64 id) const
{
    row.order.id = id;
    prepare(row);
}

void OrdersModel::onStoreChanged(const StoreChange &change)
{
    if (change.entity == Entity::Order) {
        applyChange(change.inserted, change.updated, change.removed, change.renamed);
    } else if (change.entity == Entity::GroupMember) {
        // Crew names come from the group lists.
        m_names = store()->cache()->userNames();
        for (OrderRow &row : m_rows)
            prepare(row);
        columnChanged(CrewColumn);
    }
}

QVariant OrdersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OrderRow &row = rowAt(index.row());
    const OrderSummary &o = row.order;
    switch (role) {
    case IdRole:
        return o.id;
    case StageRole:
        return int(o.effectiveStage());
    case HasStageRole:
        return o.stage.has_value();
    case StatusRole:
        return o.status;
    case CrewIdRole:
        return o.deliveryCrew.value_or(0);
    case CrewNameRole:
        return row.crewName;
    case DateRole:
        return o.date;
    case PlacedAtRole:
        return o.placedAt;
    case AgeSecondsRole:
        return o.placedAt.isValid() ? o.placedAt.secsTo(QDateTime::currentDateTimeUtc()) : qint64(-1);
    case TotalCentsRole:
        return o.total.cents();
    case ItemsSummaryRole:
        return o.itemsSummary;
    case ItemCountRole:
        return o.itemCount;
    case NoteRole:
        return o.note;
    case UserIdRole:
        return o.user;
    case SearchTextRole:
        return row.searchText;
    case SyncStateRole:
    case PendingRole:
        return *syncData(o.sync, role, SyncStateRole, PendingRole);
    case Qt::ToolTipRole: {
        // The whole order on hover: a note ("allergic to nuts") is never
        // only the part that fitted on the card.
        QStringList tip { o.itemsSummary };
        if (!o.note.isEmpty())
            tip << tr("Note: %1").arg(o.note);
        if (o.sync != SyncState::Synced)
            tip << displayName(o.sync);
        return tip.join(u'\n');
    }
    default:
        break;
    }
    const bool display = role == Qt::DisplayRole;
    switch (index.column()) {
    case NumberColumn:
        if (display)
            return o.id > 0 ? QStringLiteral("#%1").arg(o.id) : tr("New");
        if (role == SortKeyRole)
            return o.id;
        break;
    case PlacedColumn:
        if (display) {
            if (!o.placedAt.isValid())
                return QLocale().toString(o.date, QLocale::ShortFormat);
            const QDateTime local = o.placedAt.toLocalTime();
            if (local.date() == QDate::currentDate())
                return QLocale().toString(local.time(), QLocale::ShortFormat);
            return QLocale().toString(local, QLocale::ShortFormat);
        }
        if (role == SortKeyRole)
            return o.placedAt.isValid() ? o.placedAt : o.date.startOfDay(Qt::UTC);
        break;
    case ItemsColumn:
        if (display || role == SortKeyRole)
            return o.itemsSummary;
        break;
    case TotalColumn:
        if (display)
            return o.total.toDisplay(); // "22,23" in pt_BR
        if (role == SortKeyRole)
            return o.total.cents();
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case CrewColumn:
        if (display || role == SortKeyRole)
            return row.crewName.isEmpty() && o.deliveryCrew ? QStringLiteral("#%1").arg(*o.deliveryCrew)
                                                            : row.crewName;
        if (role == Qt::EditRole)
            return o.deliveryCrew.value_or(0);
        break;
    case StageColumn:
        if (display)
            return displayName(o.effectiveStage());
        if (role == Qt::EditRole || role == SortKeyRole)
            return int(o.effectiveStage());
        break;
    case StatusColumn:
        if (display)
            return o.status ? tr("Delivered") : tr("Open");
        if (role == Qt::EditRole || role == SortKeyRole)
            return o.status;
        break;
    case SyncColumn:
        return syncColumnData(o.sync, role, SortKeyRole);
    default:
        break;
    }
    return {};
}

QString OrdersModel::columnTitle(int column) const
{
    switch (column) {
    case NumberColumn:
        return tr("Order");
    case PlacedColumn:
        return tr("Placed");
    case ItemsColumn:
        return tr("Items");
    case TotalColumn:
        return tr("Total");
    case CrewColumn:
        return tr("Delivery");
    case StageColumn:
        return tr("Stage");
    case StatusColumn:
        return tr("Status");
    case SyncColumn:
        return tr("Sync");
    default:
        return {};
    }
}

Qt::ItemFlags OrdersModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && isEditable() && (index.column() == StageColumn || index.column() == CrewColumn))
        f |= Qt::ItemIsEditable;
    return f;
}

bool OrdersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isEditable() || role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const OrderSummary &o = rowAt(index.row()).order;
    LocalEdit edit;
    bool ok = false;
    if (index.column() == StageColumn) {
        const int stage = value.toInt(&ok);
        if (!ok || stage < int(OrderStage::Received) || stage > int(OrderStage::Cancelled))
            return false;
        if (OrderStage(stage) == o.effectiveStage())
            return true;
        edit = store()->outbox()->setOrderStage(o.id, OrderStage(stage));
    } else if (index.column() == CrewColumn) {
        const qint64 crew = value.toLongLong(&ok);
        if (!ok)
            return false;
        const std::optional<qint64> wanted = crew > 0 ? std::optional<qint64>(crew) : std::nullopt;
        if (wanted == o.deliveryCrew)
            return true;
        edit = store()->outbox()->assignDeliveryCrew(o.id, wanted);
    } else {
        return false;
    }
    return commit(edit);
}

QHash<int, QByteArray> OrdersModel::roleNames() const
{
    return withRoleNames({
        { IdRole, "id" },
        { StageRole, "stage" },
        { HasStageRole, "hasStage" },
        { StatusRole, "status" },
        { CrewIdRole, "crewId" },
        { CrewNameRole, "crewName" },
        { DateRole, "date" },
        { PlacedAtRole, "placedAt" },
        { AgeSecondsRole, "ageSeconds" },
        { TotalCentsRole, "totalCents" },
        { ItemsSummaryRole, "itemsSummary" },
        { ItemCountRole, "itemCount" },
        { NoteRole, "note" },
        { UserIdRole, "userId" },
        { SearchTextRole, "searchText" },
        { SyncStateRole, "syncState" },
        { PendingRole, "pending" },
        { SortKeyRole, "sortKey" },
    });
}

} // namespace LittleLemon
