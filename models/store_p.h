#pragma once

// Helpers shared by the local store's parts (storedatabase, storefiles,
// localcache*, outbox*). Not part of the API.

#include <algorithm>
#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <QVariant>

Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)

namespace LittleLemon::StoreSql {

// A NOT NULL text column: a null QString binds as ''.
inline QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

inline QVariant nullableId(const std::optional<qint64> &id)
{
    return id ? QVariant(*id) : QVariant();
}

inline qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Calls fn("?,?,...", values) for the ids in chunks. SQLite limits bound
// parameters per statement; chunks are padded (repeating the last id, which
// IN ignores) to a power of two so a handful of prepared statements serve
// every size.
template<typename Fn> void forIdChunks(const QList<qint64> &ids, Fn fn)
{
    constexpr qsizetype kChunk = 512;
    for (qsizetype i = 0; i < ids.size(); i += kChunk) {
        const qsizetype n = std::min(kChunk, ids.size() - i);
        qsizetype padded = 1;
        while (padded < n)
            padded *= 2;
        QString marks;
        QVariantList values;
        marks.reserve(padded * 2);
        values.reserve(padded);
        for (qsizetype k = 0; k < padded; ++k) {
            marks += k ? QStringLiteral(",?") : QStringLiteral("?");
            values.append(ids.at(i + std::min(k, n - 1)));
        }
        fn(marks, values);
    }
}

// One row's part in a transaction: did it exist before, does it after.
struct RowTrack
{
    bool before = false;
    bool after = false;
};

// The first note of a row keeps its `before`, the last its `after`.
inline void noteTrack(QHash<qint64, RowTrack> &rows, qint64 id, bool before, bool after)
{
    auto it = rows.find(id);
    if (it == rows.end())
        rows.insert(id, { before, after });
    else
        it->after = after;
}

// Sorts tracked rows into a change's inserted, updated and removed ids
// (StoreChange, OutboxChange), each in ascending order.
template<typename Change> void fillTracked(const QHash<qint64, RowTrack> &rows, Change *change)
{
    for (auto row = rows.constBegin(); row != rows.constEnd(); ++row) {
        if (row->before && row->after)
            change->updated.append(row.key());
        else if (row->after)
            change->inserted.append(row.key());
        else if (row->before)
            change->removed.append(row.key());
    }
    std::sort(change->inserted.begin(), change->inserted.end());
    std::sort(change->updated.begin(), change->updated.end());
    std::sort(change->removed.begin(), change->removed.end());
}

} // namespace LittleLemon::StoreSql
