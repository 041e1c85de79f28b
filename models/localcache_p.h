#pragma once

// Private parts of LocalCache, shared by its source files: localcache.cpp
// (metadata, reads, the pull's API), localcacherows.cpp (change tracking,
// cached rows, server copies, recompute, renames) and localcacheapply.cpp
// (pulled data). The Outbox and StoreFiles use them too. Not part of the API.

#include "models/localcache.h"
#include "models/outboxentry.h"
#include "models/recordjson.h"
#include "models/storedatabase.h"
#include "models/store_p.h"

#include <QHash>
#include <QMap>
#include <QSet>

namespace LittleLemon {

// The unsent edits the cache lays over the server's copies; the Outbox
// provides them (OutboxPrivate).
class PendingEdits
{
public:
    virtual ~PendingEdits() = default;
    // Every entry for one record, in push order.
    virtual QList<OutboxEntry> entriesFor(Entity entity, const QString &scope, qint64 id) = 0;
    // The records (ids) of one kind that have entries in any state.
    virtual QSet<qint64> targetsWithEntries(Entity entity, const QString &scope) = 0;
    // Members of `group` added (or removed) here under a temporary id, by username.
    virtual QHash<QString, qint64> membersAddedOffline(const QString &group) = 0;
    // A temporary id replaced by the server's in the entries: the record's
    // own and those of records that refer to it.
    virtual bool renameEntries(Entity entity, const QString &scope, qint64 from, qint64 to) = 0;
};

class LocalCachePrivate : public StoreDatabase::Listener
{
public:
    LocalCachePrivate(LocalCache *owner, StoreDatabase *database);
    static LocalCachePrivate *get(LocalCache *cache) { return cache->d.get(); }

    LocalCache *q;
    StoreDatabase *db;
    PendingEdits *pending = nullptr;

    bool isOpen() const { return db->isReady(); }

    // ---- change tracking (emitted after commit, dropped on rollback) ----
    struct EntityTrack
    {
        QHash<qint64, StoreSql::RowTrack> rows;
        QList<std::pair<qint64, qint64>> renamed;
    };
    QMap<std::pair<int, QString>, EntityTrack> tracks;
    bool metaTouched = false;
    void noteRow(Entity entity, const QString &scope, qint64 id, bool before, bool after);
    void noteRename(Entity entity, const QString &scope, qint64 from, qint64 to);
    std::function<void()> takeCommitted() override;
    void discardTracked() override;

    // ---- metadata ----
    QString meta(const QString &key) const;
    bool setMeta(const QString &key, const QString &value);

    // ---- cached rows (localcacherows.cpp) ----
    static QString tableOf(Entity entity);
    bool displayExists(Entity entity, const QString &scope, qint64 id);
    // Writes what the user sees for one record; `existed` saves a lookup.
    // `decoded`: the record already read (checking a server's record reads it
    // once, RecordJson::serverRecord); else it is read here.
    bool writeDisplay(Entity entity, const QString &scope, qint64 id, const QJsonObject &record,
        SyncState sync, bool existed, const RecordJson::ServerRecord *decoded = nullptr);
    bool deleteDisplay(Entity entity, const QString &scope, qint64 id);
    bool serverCopyBytes(Entity entity, const QString &scope, qint64 id, QByteArray *json, QByteArray *etag);
    std::optional<QJsonObject> serverCopy(
        Entity entity, const QString &scope, qint64 id, QByteArray *etag = nullptr);
    bool setServerCopy(Entity entity, const QString &scope, qint64 id, const QJsonObject &record,
        const QByteArray &etag, std::optional<qint64> feedId = std::nullopt);
    bool removeServerCopy(Entity entity, const QString &scope, qint64 id);
    // Rebuilds one record's cached row: the server's copy, then every pending
    // or sending entry for it in order; its sync state from all its entries.
    bool recompute(Entity entity, const QString &scope, qint64 id);
    bool recomputeAll(const QList<OutboxEntry> &entries);
    // A temporary id replaced by the server's: entries, server copy, rows and
    // the rows that refer to it.
    bool renameTarget(Entity entity, const QString &scope, qint64 from, qint64 to);

    // ---- server data (localcacheapply.cpp) ----
    // A server record arrived: store it and refresh the row (no-op when unchanged).
    bool applyServerRecord(Entity entity, const QString &scope, qint64 id, const QJsonObject &record,
        const QByteArray &etag, const QSet<qint64> &targets, std::optional<qint64> feedId = {},
        const RecordJson::ServerRecord *decoded = nullptr);
    bool applyServerDelete(Entity entity, const QString &scope, qint64 id, const QSet<qint64> &targets);
    bool applySnapshot(const LocalCache::Snapshot &snapshot);
    bool applyChange(const Change &change);
    // A member added offline (temporary id) now seen on the server with its id.
    bool adoptMemberIds(const QString &group, const QList<QJsonObject> &members);
    QSet<qint64> targetsWithEntries(Entity entity, const QString &scope)
    {
        return pending ? pending->targetsWithEntries(entity, scope) : QSet<qint64>();
    }
};

} // namespace LittleLemon
