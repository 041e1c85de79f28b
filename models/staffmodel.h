#pragma once

#include "models/storerowsmodel.h"

namespace LittleLemon {

// The members of one staff group ("manager", "delivery-crew"), keyed by user id.
class StaffModel : public StoreRowsModel<Cached<GroupMember>>
{
    Q_OBJECT

public:
    enum Column { UsernameColumn, EmailColumn, SyncColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole,
        UsernameRole,
        EmailRole,
        GroupRole,
        SyncStateRole,
        PendingRole,
        SortKeyRole
    };
    Q_ENUM(Column)
    Q_ENUM(Role)

    StaffModel(LocalStore *store, const QString &group, QObject *parent = nullptr);

    QString group() const { return m_group; }
    // Shows another group (a reset).
    void setGroup(const QString &group);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    QString columnTitle(int column) const override;
    qint64 idOf(const Cached<GroupMember> &row) const override { return row.record.userId; }
    void setIdOf(Cached<GroupMember> &row, qint64 id) const override { row.record.userId = id; }
    QList<Cached<GroupMember>> fetchAll() const override { return store()->cache()->groupMembers(m_group); }
    QList<Cached<GroupMember>> fetch(const QList<qint64> &ids) const override
    {
        return store()->cache()->groupMembers(m_group, ids);
    }

private:
    QString m_group;
};

} // namespace LittleLemon
