#pragma once

#include "models/orderfiltermodel.h"

namespace LittleLemon {
class OrdersModel;
}

namespace LittleLemon::Ui {

// One column of the orders board: the orders of some stages that pass the
// board's filters, oldest first for open work (the most urgent on top),
// newest first for finished orders. An order made here and not numbered by
// the server yet (a negative id) counts as the newest.
class BoardColumnModel : public OrderFilterModel
{
    Q_OBJECT

public:
    explicit BoardColumnModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setNewestFirst(bool newestFirst);
    bool newestFirst() const { return m_newestFirst; }

    // The proxy row showing order `id`, or -1.
    int rowOfOrder(qint64 id) const;
    qint64 orderAt(int row) const;
    // Cards can be dragged to another column.
    Qt::ItemFlags flags(const QModelIndex &index) const override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const OrdersModel *m_source = nullptr;
    bool m_newestFirst = false;
};

} // namespace LittleLemon::Ui
