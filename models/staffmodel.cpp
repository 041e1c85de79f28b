#include "models/staffmodel.h"

namespace LittleLemon {

StaffModel::StaffModel(LocalStore *store, const QString &group, QObject *parent)
    : StoreRowsModel(store, ColumnCount, parent)
    , m_group(group)
{
    connect(store->cache(), &LocalCache::changed, this, [this](const StoreChange &change) {
        if (change.entity == Entity::GroupMember && change.scope == m_group)
            applyChange(change.inserted, change.updated, change.removed, change.renamed);
    });
    reload();
}

void StaffModel::setGroup(const QString &group)
{
    if (group == m_group)
        return;
    m_group = group;
    reload();
}

QVariant StaffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cached<GroupMember> &row = rowAt(index.row());
    const GroupMember &m = row.record;
    if (const auto sync = syncData(row.sync, role, SyncStateRole, PendingRole))
        return *sync;
    switch (role) {
    case IdRole:
        return m.userId;
    case UsernameRole:
        return m.username;
    case EmailRole:
        return m.email;
    case GroupRole:
        return m.group;
    case Qt::DisplayRole:
    case SortKeyRole:
        switch (index.column()) {
        case UsernameColumn:
            return m.username;
        case EmailColumn:
            return m.email;
        case SyncColumn:
            return syncColumnData(row.sync, role, SortKeyRole);
        default:
            return {};
        }
    default:
        return {};
    }
}

QString StaffModel::columnTitle(int column) const
{
    switch (column) {
    case UsernameColumn:
        return tr("User name");
    case EmailColumn:
        return tr("Email");
    case SyncColumn:
        return tr("Sync");
    default:
        return {};
    }
}

QHash<int, QByteArray> StaffModel::roleNames() const
{
    return withRoleNames({
        { IdRole, "id" },
        { UsernameRole, "username" },
        { EmailRole, "email" },
        { GroupRole, "group" },
        { SyncStateRole, "syncState" },
        { PendingRole, "pending" },
        { SortKeyRole, "sortKey" },
    });
}

} // namespace LittleLemon
