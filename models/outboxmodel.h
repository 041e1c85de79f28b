#pragma once

#include "models/storerowsmodel.h"

namespace LittleLemon {

// The outbox for people: each unsent change, its state and the server's
// words. Retry, discard and conflict resolution go to the store by IdRole.
class OutboxModel : public StoreRowsModel<OutboxEntry>
{
    Q_OBJECT

public:
    enum Column { ChangeColumn, StateColumn, MessageColumn, AttemptsColumn, CreatedColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole, // the entry's sequence number
        UuidRole,
        StateRole, // int(OutboxEntry::State)
        EntityRole, // wire name, "menu-item"
        TargetIdRole,
        CommandRole, // "set-menu-item-price" (OutboxCommand)
        MessageRole,
        ServerValueRole, // QJsonObject: the server's version in a conflict
        BlockedRole, // waits for an earlier create
        CreatedAtRole,
        SortKeyRole,
    };
    Q_ENUM(Column)
    Q_ENUM(Role)

    explicit OutboxModel(LocalStore *store, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    QString columnTitle(int column) const override;
    qint64 idOf(const OutboxEntry &row) const override { return row.seq; }
    void setIdOf(OutboxEntry &row, qint64 id) const override { row.seq = id; }
    QList<OutboxEntry> fetchAll() const override { return store()->outbox()->entries(); }
    QList<OutboxEntry> fetch(const QList<qint64> &ids) const override { return store()->outbox()->entries(ids); }
};

} // namespace LittleLemon
