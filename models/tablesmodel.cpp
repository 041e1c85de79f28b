#include "models/tablesmodel.h"

namespace LittleLemon {

TablesModel::TablesModel(LocalStore *store, QObject *parent)
    : StoreRowsModel(store, ColumnCount, parent)
{
    connect(store->cache(), &LocalCache::changed, this, [this](const StoreChange &change) {
        if (change.entity == Entity::Table)
            applyChange(change.inserted, change.updated, change.removed, change.renamed);
    });
    reload();
}

QVariant TablesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cached<DiningTable> &row = rowAt(index.row());
    const DiningTable &t = row.record;
    if (const auto sync = syncData(row.sync, role, SyncStateRole, PendingRole))
        return *sync;
    switch (role) {
    case IdRole:
        return t.id;
    case NameRole:
        return t.name;
    case SeatsRole:
        return t.seats;
    default:
        break;
    }
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == SortKeyRole)
            return t.name;
        break;
    case SeatsColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == SortKeyRole)
            return t.seats;
        break;
    case SyncColumn:
        return syncColumnData(row.sync, role, SortKeyRole);
    default:
        break;
    }
    return {};
}

QString TablesModel::columnTitle(int column) const
{
    switch (column) {
    case NameColumn:
        return tr("Table");
    case SeatsColumn:
        return tr("Seats");
    case SyncColumn:
        return tr("Sync");
    default:
        return {};
    }
}

Qt::ItemFlags TablesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && isEditable() && (index.column() == NameColumn || index.column() == SeatsColumn))
        f |= Qt::ItemIsEditable;
    return f;
}

bool TablesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isEditable() || role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    DiningTable t = rowAt(index.row()).record;
    if (index.column() == NameColumn) {
        t.name = value.toString().trimmed();
    } else if (index.column() == SeatsColumn) {
        bool ok = false;
        t.seats = value.toInt(&ok);
        if (!ok)
            t.seats = 0;
    } else {
        return false;
    }
    const LocalEdit edit = store()->outbox()->updateTable(t);
    return commit(edit);
}

QHash<int, QByteArray> TablesModel::roleNames() const
{
    return withRoleNames({
        { IdRole, "id" },
        { NameRole, "name" },
        { SeatsRole, "seats" },
        { SyncStateRole, "syncState" },
        { PendingRole, "pending" },
        { SortKeyRole, "sortKey" },
    });
}

} // namespace LittleLemon
