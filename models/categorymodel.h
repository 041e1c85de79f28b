#pragma once

#include "models/storerowsmodel.h"

namespace LittleLemon {

// Menu categories from the cache; renaming goes through the outbox.
class CategoryModel : public StoreRowsModel<Cached<Category>>
{
    Q_OBJECT

public:
    enum Column { TitleColumn, SlugColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole, TitleRole, SlugRole, SyncStateRole, PendingRole, SortKeyRole };
    Q_ENUM(Column)
    Q_ENUM(Role)

    explicit CategoryModel(LocalStore *store, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;


protected:
    QString columnTitle(int column) const override;
    qint64 idOf(const Cached<Category> &row) const override { return row.record.id; }
    void setIdOf(Cached<Category> &row, qint64 id) const override { row.record.id = id; }
    QList<Cached<Category>> fetchAll() const override { return store()->cache()->categories(); }
    QList<Cached<Category>> fetch(const QList<qint64> &ids) const override
    {
        return store()->cache()->categories(ids);
    }

private:
};

} // namespace LittleLemon
