#include "models/outboxmodel.h"

#include <QLocale>

namespace LittleLemon {

OutboxModel::OutboxModel(LocalStore *store, QObject *parent)
    : StoreRowsModel(store, ColumnCount, parent)
{
    connect(store->outbox(), &Outbox::changed, this, [this](const OutboxChange &change) {
        applyChange(change.inserted, change.updated, change.removed, {});
    });
    reload();
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxEntry &e = rowAt(index.row());
    switch (role) {
    case IdRole:
        return e.seq;
    case UuidRole:
        return e.uuid;
    case StateRole:
        return int(e.state);
    case EntityRole:
        return entityWireName(e.entity);
    case TargetIdRole:
        return e.targetId;
    case CommandRole:
        return commandKindName(e.command.kind);
    case MessageRole:
        return e.lastError;
    case ServerValueRole:
        return e.serverValue;
    case BlockedRole:
        return e.isBlocked();
    case CreatedAtRole:
        return e.createdAt;
    default:
        break;
    }
    const bool display = role == Qt::DisplayRole;
    switch (index.column()) {
    case ChangeColumn:
        if (display || role == SortKeyRole)
            return e.summary;
        if (role == Qt::ToolTipRole)
            return QStringLiteral("%1 %2 #%3").arg(commandKindName(e.command.kind), entityWireName(e.entity)).arg(e.targetId);
        break;
    case StateColumn:
        if (display) {
            if (e.state == OutboxEntry::State::Pending && e.isBlocked())
                return tr("Waiting for an earlier change");
            return displayName(e.state);
        }
        if (role == SortKeyRole)
            return int(e.state);
        break;
    case MessageColumn:
        if (display || role == Qt::ToolTipRole || role == SortKeyRole)
            return e.lastError;
        break;
    case AttemptsColumn:
        if (display || role == SortKeyRole)
            return e.attempts;
        break;
    case CreatedColumn:
        if (display)
            return QLocale().toString(e.createdAt.toLocalTime(), QLocale::ShortFormat);
        if (role == SortKeyRole)
            return e.createdAt;
        break;
    default:
        break;
    }
    return {};
}

QString OutboxModel::columnTitle(int column) const
{
    switch (column) {
    case ChangeColumn:
        return tr("Change");
    case StateColumn:
        return tr("State");
    case MessageColumn:
        return tr("Server says");
    case AttemptsColumn:
        return tr("Attempts");
    case CreatedColumn:
        return tr("Made");
    default:
        return {};
    }
}

QHash<int, QByteArray> OutboxModel::roleNames() const
{
    return withRoleNames({
        { IdRole, "id" },
        { UuidRole, "uuid" },
        { StateRole, "state" },
        { EntityRole, "entity" },
        { TargetIdRole, "targetId" },
        { CommandRole, "command" },
        { MessageRole, "message" },
        { ServerValueRole, "serverValue" },
        { BlockedRole, "blocked" },
        { CreatedAtRole, "createdAt" },
        { SortKeyRole, "sortKey" },
    });
}

} // namespace LittleLemon
