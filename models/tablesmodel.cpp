#include "models/tablesmodel.h"

namespace LittleLemon {

TablesModel::TablesModel(LocalStore *store, QObject *parent)
    : StoreRowsModel(store, ColumnCount, parent)
{
    connect(store, &LocalStore::changed, this, [this](const StoreChange &change) {
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
    switch (role) {
    case IdRole:
        return t.id;
    case NameRole:
        return t.name;
    case SeatsRole:
        return t.seats;
    case SyncStateRole:
        return int(row.sync);
    case PendingRole:
        return row.sync != SyncState::Synced;
    case Qt::ToolTipRole:
        return row.sync == SyncState::Synced ? QVariant() : QVariant(displayName(row.sync));
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
        if (role == Qt::DisplayRole)
            return row.sync == SyncState::Synced ? QString() : displayName(row.sync);
        if (role == SortKeyRole)
            return int(row.sync);
        break;
    default:
        break;
    }
    return {};
}

QVariant TablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
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
    if (index.isValid() && m_editable && (index.column() == NameColumn || index.column() == SeatsColumn))
        f |= Qt::ItemIsEditable;
    return f;
}

bool TablesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_editable || role != Qt::EditRole
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
    const LocalEdit edit = store()->updateTable(t);
    if (!edit) {
        m_lastError = edit.error;
        emit editRefused(edit.error);
        return false;
    }
    return true;
}

QHash<int, QByteArray> TablesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(NameRole, "name");
    names.insert(SeatsRole, "seats");
    names.insert(SyncStateRole, "syncState");
    names.insert(PendingRole, "pending");
    names.insert(SortKeyRole, "sortKey");
    return names;
}

} // namespace LittleLemon
