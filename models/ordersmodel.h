#pragma once

#include "models/storerowsmodel.h"

namespace LittleLemon {

// One row of OrdersModel: the order and what filtering looks at, computed once.
struct OrderRow
{
    OrderSummary order;
    QString crewName;
    QString searchText; // lower case: "#12 12 2× lasagna, 1× soda note crewname"
};

// Every cached order, for the orders board and the orders list. Loads 10,000
// orders in one query; filter and sort through OrderFilterModel.
class OrdersModel : public StoreRowsModel<OrderRow>
{
    Q_OBJECT

public:
    enum Column {
        NumberColumn,
        PlacedColumn, // the time (today) or date the order came in
        ItemsColumn,
        TotalColumn,
        CrewColumn,
        StageColumn,
        StatusColumn,
        SyncColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole,
        StageRole, // int(OrderStage), derived from status against a server without stages
        HasStageRole, // the server tracks stages
        StatusRole, // bool: delivered
        CrewIdRole, // qint64, 0 when nobody is assigned
        CrewNameRole,
        DateRole, // QDate
        PlacedAtRole, // QDateTime (UTC), invalid when unknown
        AgeSecondsRole, // qint64 since it was placed, -1 when unknown
        TotalCentsRole,
        ItemsSummaryRole,
        ItemCountRole,
        NoteRole,
        UserIdRole,
        SearchTextRole,
        SyncStateRole,
        PendingRole,
        SortKeyRole,
    };
    Q_ENUM(Column)
    Q_ENUM(Role)

    explicit OrdersModel(LocalStore *store, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // StageColumn takes an int(OrderStage), CrewColumn a user id (0: nobody).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;


protected:
    QString columnTitle(int column) const override;
    qint64 idOf(const OrderRow &row) const override { return row.order.id; }
    void setIdOf(OrderRow &row, qint64 id) const override;
    QList<OrderRow> fetchAll() const override;
    QList<OrderRow> fetch(const QList<qint64> &ids) const override;
    void prepare(OrderRow &row) const override;

private:
    void onStoreChanged(const StoreChange &change);

    QHash<qint64, QString> m_names;
};

} // namespace LittleLemon
