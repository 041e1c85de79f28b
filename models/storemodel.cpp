#include "models/storemodel.h"

namespace LittleLemon {

QVariant StoreModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < 0 || section >= columnCount())
        return {};
    return columnTitle(section);
}

void StoreModel::setEditable(bool editable)
{
    if (m_editable == editable)
        return;
    m_editable = editable;
    // Flags changed for every cell.
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool StoreModel::commit(const LocalEdit &edit)
{
    // The row itself updates through the store's change signal.
    if (!edit)
        return refuse(edit.error);
    m_lastError.clear();
    return true;
}

bool StoreModel::refuse(const QString &message)
{
    m_lastError = message;
    emit editRefused(message);
    return false;
}

std::optional<QVariant> StoreModel::syncData(SyncState sync, int role, int syncStateRole, int pendingRole)
{
    if (role == syncStateRole)
        return int(sync);
    if (role == pendingRole)
        return sync != SyncState::Synced;
    if (role == Qt::ToolTipRole)
        return sync == SyncState::Synced ? QVariant() : QVariant(displayName(sync));
    return std::nullopt;
}

QVariant StoreModel::syncColumnData(SyncState sync, int role, int sortKeyRole)
{
    if (role == Qt::DisplayRole)
        return sync == SyncState::Synced ? QString() : displayName(sync);
    if (role == sortKeyRole)
        return int(sync);
    return {};
}

QHash<int, QByteArray> StoreModel::withRoleNames(std::initializer_list<std::pair<int, const char *>> named) const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    for (const auto &[role, name] : named)
        names.insert(role, name);
    return names;
}

NamesById::NamesById(Entity entity, Reader read)
    : m_entity(entity)
    , m_read(std::move(read))
{
}

void NamesById::load(const LocalStore *store)
{
    m_names.clear();
    if (store && store->isOpen())
        m_names = m_read(*store->cache());
}

bool NamesById::reloadOn(const StoreChange &change, const LocalStore *store)
{
    if (change.entity != m_entity)
        return false;
    load(store);
    return true;
}

} // namespace LittleLemon
