#pragma once

#include "models/localstore.h"
#include "models/storemodel.h"

#include <algorithm>
#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

namespace LittleLemon {

// The machinery the item models over LocalStore share: a list of rows keyed
// by id, loaded once, then kept in step with the store's change signals with
// precise dataChanged / rowsInserted / rowsRemoved (never a reset for a
// change). New rows go to the end; views sort through a proxy.
//
// A subclass says how to read rows (fetchAll, fetch by ids), which rows it
// shows (accepts), and calls applyChange() from its store signal handler.
template<typename Row> class StoreRowsModel : public StoreModel
{
public:
    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : m_columns;
    }

    LocalStore *store() const { return m_store; }
    // The row showing `id`, or -1.
    int rowOf(qint64 id) const { return m_index.value(id, -1); }
    qint64 idAt(int row) const { return row >= 0 && row < m_rows.size() ? idOf(m_rows.at(row)) : 0; }
    const Row &rowAt(int row) const { return m_rows.at(row); }

    // Reads every row again (a reset): on a new filter such as another day.
    void reload()
    {
        beginResetModel();
        m_rows.clear();
        if (m_store && m_store->isOpen()) {
            for (Row &row : fetchAll()) {
                if (accepts(row)) {
                    prepare(row);
                    m_rows.append(std::move(row));
                }
            }
        }
        rebuildIndex();
        endResetModel();
    }

protected:
    StoreRowsModel(LocalStore *store, int columns, QObject *parent)
        : StoreModel(parent)
        , m_store(store)
        , m_columns(columns)
    { }

    virtual qint64 idOf(const Row &row) const = 0;
    virtual void setIdOf(Row &row, qint64 id) const = 0;
    virtual QList<Row> fetchAll() const = 0;
    virtual QList<Row> fetch(const QList<qint64> &ids) const = 0;
    virtual bool accepts(const Row &) const { return true; }
    // Precomputes what data() needs often (search text), once per row read.
    virtual void prepare(Row &) const { }

    // Applies one commit's changes: renamed, then removed, updated, inserted.
    void applyChange(const QList<qint64> &inserted, const QList<qint64> &updated,
        const QList<qint64> &removed, const QList<std::pair<qint64, qint64>> &renamed)
    {
        for (const auto &[from, to] : renamed) {
            const int row = rowOf(from);
            if (row < 0)
                continue;
            setIdOf(m_rows[row], to);
            m_index.remove(from);
            m_index.insert(to, row);
            emit dataChanged(index(row, 0), index(row, m_columns - 1));
        }

        QList<int> gone;
        for (qint64 id : removed) {
            const int row = rowOf(id);
            if (row >= 0)
                gone.append(row);
        }

        QList<Row> appended;
        if (!updated.isEmpty()) {
            QHash<qint64, Row> fresh;
            for (Row &row : fetch(updated))
                fresh.insert(idOf(row), std::move(row));
            QList<int> changed;
            for (qint64 id : updated) {
                const int row = rowOf(id);
                auto it = fresh.find(id);
                if (it == fresh.end() || !accepts(*it)) {
                    if (row >= 0)
                        gone.append(row); // gone from the store, or no longer shown here
                    continue;
                }
                prepare(*it);
                if (row >= 0) {
                    m_rows[row] = std::move(*it);
                    changed.append(row);
                } else {
                    appended.append(std::move(*it));
                }
            }
            // Before any removal moves rows.
            emitRanges(changed, [this](int first, int last) {
                emit dataChanged(index(first, 0), index(last, m_columns - 1));
            });
        }

        if (!gone.isEmpty()) {
            std::sort(gone.begin(), gone.end());
            gone.erase(std::unique(gone.begin(), gone.end()), gone.end());
            // From the end, so earlier row numbers stay right.
            int last = gone.last();
            int first = last;
            for (qsizetype i = gone.size() - 2; i >= -1; --i) {
                if (i >= 0 && gone.at(i) == first - 1) {
                    first = gone.at(i);
                    continue;
                }
                beginRemoveRows(QModelIndex(), first, last);
                m_rows.remove(first, last - first + 1);
                endRemoveRows();
                if (i >= 0)
                    first = last = gone.at(i);
            }
            rebuildIndex();
        }

        if (!inserted.isEmpty()) {
            for (Row &row : fetch(inserted)) {
                if (accepts(row) && rowOf(idOf(row)) < 0) {
                    prepare(row);
                    appended.append(std::move(row));
                }
            }
        }
        if (!appended.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows(QModelIndex(), first, first + int(appended.size()) - 1);
            for (Row &row : appended) {
                m_index.insert(idOf(row), int(m_rows.size()));
                m_rows.append(std::move(row));
            }
            endInsertRows();
        }
    }

    // dataChanged for one column of every row (a name shown from elsewhere changed).
    void columnChanged(int column)
    {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, column), index(int(m_rows.size()) - 1, column));
    }

    // Calls fn(first, last) for each run of consecutive rows.
    template<typename Fn> static void emitRanges(QList<int> rows, Fn fn)
    {
        if (rows.isEmpty())
            return;
        std::sort(rows.begin(), rows.end());
        int first = rows.first();
        int last = first;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            if (rows.at(i) <= last + 1) {
                last = std::max(last, rows.at(i));
                continue;
            }
            fn(first, last);
            first = last = rows.at(i);
        }
        fn(first, last);
    }

    QList<Row> m_rows;

private:
    void rebuildIndex()
    {
        m_index.clear();
        m_index.reserve(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            m_index.insert(idOf(m_rows.at(i)), i);
    }

    QPointer<LocalStore> m_store;
    int m_columns;
    QHash<qint64, int> m_index;
};

} // namespace LittleLemon
