#pragma once

#include "models/order.h"

#include <QDate>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace LittleLemon {

class OrdersModel;

// Filters and sorts OrdersModel for the orders board: by text (every word
// must appear in the order number, items, note or crew name), delivery crew,
// date range and stages. Sorting uses OrdersModel::SortKeyRole. Fast enough
// to re-filter 10,000 orders on every keystroke.
class OrderFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    static constexpr qint64 AnyCrew = 0;
    static constexpr qint64 NoCrew = -1; // only orders nobody delivers yet

    explicit OrderFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);
    qint64 crew() const { return m_crew; }
    void setCrew(qint64 userId);
    QDate dateFrom() const { return m_from; }
    QDate dateTo() const { return m_to; }
    // Either end may be invalid: open.
    void setDateRange(const QDate &from, const QDate &to);
    QList<OrderStage> stages() const;
    // Empty: every stage.
    void setStages(const QList<OrderStage> &stages);
    // Clears every filter at once.
    void clearFilters();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool accepts(qint64 id, const QString &searchText, qint64 crew, const QDate &date, int stage) const;

    const OrdersModel *m_orders = nullptr;
    QString m_text;
    QStringList m_tokens;
    qint64 m_crew = AnyCrew;
    QDate m_from;
    QDate m_to;
    quint32 m_stageMask = 0; // bit per OrderStage; 0: every stage
};

} // namespace LittleLemon
