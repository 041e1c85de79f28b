#pragma once

#include "models/storerowsmodel.h"

namespace LittleLemon {

// The menu as the cache holds it, one row per item. Editing title, price,
// category, featured and available goes through the store's outbox; rows
// with unsent changes say so (SyncStateRole, PendingRole, the Sync column).
class MenuModel : public StoreRowsModel<Cached<MenuItem>>
{
    Q_OBJECT

public:
    enum Column {
        TitleColumn,
        CategoryColumn,
        PriceColumn,
        FeaturedColumn,
        AvailableColumn,
        SyncColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole,
        TitleRole,
        CategoryIdRole,
        CategoryTitleRole,
        PriceCentsRole, // qint64
        FeaturedRole,
        AvailableRole,
        SyncStateRole, // int(SyncState)
        PendingRole, // bool: something about this row is not on the server yet
        SortKeyRole, // the column's value in a form proxies sort by
    };
    Q_ENUM(Column)
    Q_ENUM(Role)

    explicit MenuModel(LocalStore *store, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    QString columnTitle(int column) const override;
    qint64 idOf(const Cached<MenuItem> &row) const override { return row.record.id; }
    void setIdOf(Cached<MenuItem> &row, qint64 id) const override { row.record.id = id; }
    QList<Cached<MenuItem>> fetchAll() const override;
    QList<Cached<MenuItem>> fetch(const QList<qint64> &ids) const override;

private:
    void onStoreChanged(const StoreChange &change);

    NamesById m_categories;
};

} // namespace LittleLemon
