#include "models/categorymodel.h"

namespace LittleLemon {

CategoryModel::CategoryModel(LocalStore *store, QObject *parent)
    : StoreRowsModel(store, ColumnCount, parent)
{
    connect(store->cache(), &LocalCache::changed, this, [this](const StoreChange &change) {
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
    if (const auto sync = syncData(row.sync, role, SyncStateRole, PendingRole))
        return *sync;
    switch (role) {
    case IdRole:
        return row.record.id;
    case TitleRole:
        return row.record.title;
    case SlugRole:
        return row.record.slug;
    case Qt::DisplayRole:
    case Qt::EditRole:
    case SortKeyRole:
        return index.column() == TitleColumn ? row.record.title : row.record.slug;
    default:
        return {};
    }
}

QString CategoryModel::columnTitle(int column) const
{
    switch (column) {
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
    if (index.isValid() && isEditable() && index.column() == TitleColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool CategoryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isEditable() || role != Qt::EditRole || index.column() != TitleColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Category &c = rowAt(index.row()).record;
    if (value.toString().trimmed() == c.title)
        return true;
    const LocalEdit edit = store()->outbox()->renameCategory(c.id, value.toString());
    return commit(edit);
}

QHash<int, QByteArray> CategoryModel::roleNames() const
{
    return withRoleNames({
        { IdRole, "id" },
        { TitleRole, "title" },
        { SlugRole, "slug" },
        { SyncStateRole, "syncState" },
        { PendingRole, "pending" },
        { SortKeyRole, "sortKey" },
    });
}

} // namespace LittleLemon
