#pragma once

#include "models/storerowsmodel.h"

namespace LittleLemon {

// The dining room's tables (our server's "tables" extension).
class TablesModel : public StoreRowsModel<Cached<DiningTable>>
{
    Q_OBJECT

public:
    enum Column { NameColumn, SeatsColumn, SyncColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole, NameRole, SeatsRole, SyncStateRole, PendingRole, SortKeyRole };
    Q_ENUM(Column)
    Q_ENUM(Role)

    explicit TablesModel(LocalStore *store, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;


protected:
    QString columnTitle(int column) const override;
    qint64 idOf(const Cached<DiningTable> &row) const override { return row.record.id; }
    void setIdOf(Cached<DiningTable> &row, qint64 id) const override { row.record.id = id; }
    QList<Cached<DiningTable>> fetchAll() const override { return store()->cache()->tables(); }
    QList<Cached<DiningTable>> fetch(const QList<qint64> &ids) const override { return store()->cache()->tables(ids); }

private:
};

} // namespace LittleLemon
