#include "models/categorymodel.h"

namespace LittleLemon {

CategoryModel::CategoryModel(LocalStore *store, QObject *parent)
    : StoreRowsModel(store, ColumnCount, parent)
{
    connect(store, &LocalStore::changed, this, [this](const StoreChange &change) {
        if (change.entity == Entity::Category)
            applyChange(change.inserted, change.updated, change.removed, change.renamed);
    });
    reload();
}

QVariant CategoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cached<Category> &row = rowAt(index.row());
    switch (role) {
    case IdRole:
        return row.record.id;
    case TitleRole:
        return row.record.title;
    case SlugRole:
        return row.record.slug;
    case SyncStateRole:
        return int(row.sync);
    case PendingRole:
        return row.sync != SyncState::Synced;
    case Qt::ToolTipRole:
        return row.sync == SyncState::Synced ? QVariant() : QVariant(displayName(row.sync));
    case Qt::DisplayRole:
    case Qt::EditRole:
    case SortKeyRole:
        return index.column() == TitleColumn ? row.record.title : row.record.slug;
    default:
        return {};
    }
}

QVariant CategoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Category");
    case SlugColumn:
        return tr("Short name");
    default:
        return {};
    }
}

Qt::ItemFlags CategoryModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && m_editable && index.column() == TitleColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool CategoryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_editable || role != Qt::EditRole || index.column() != TitleColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Category &c = rowAt(index.row()).record;
    if (value.toString().trimmed() == c.title)
        return true;
    const LocalEdit edit = store()->renameCategory(c.id, value.toString());
    if (!edit) {
        m_lastError = edit.error;
        emit editRefused(edit.error);
        return false;
    }
    return true;
}

QHash<int, QByteArray> CategoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(TitleRole, "title");
    names.insert(SlugRole, "slug");
    names.insert(SyncStateRole, "syncState");
    names.insert(PendingRole, "pending");
    names.insert(SortKeyRole, "sortKey");
    return names;
}

} // namespace LittleLemon
