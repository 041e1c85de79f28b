#pragma once

// Private parts of Outbox, shared by outbox.cpp (entries, queueing, the state
// machine) and outboxedits.cpp (the edits). Not part of the API.

#include "models/localcache_p.h"
#include "models/outbox.h"

namespace LittleLemon {

class OutboxPrivate : public StoreDatabase::Listener, public PendingEdits
{
public:
    OutboxPrivate(Outbox *owner, StoreDatabase *database, LocalCache *localCache);

    Outbox *q;
    StoreDatabase *db;
    LocalCache *cache;
    LocalCachePrivate *rows; // the cache's rows, written with each entry

    bool isOpen() const { return db->isReady(); }

    // ---- change tracking (emitted after commit, dropped on rollback) ----
    QHash<qint64, StoreSql::RowTrack> track;
    void noteEntry(qint64 seq, bool before, bool after);
    std::function<void()> takeCommitted() override;
    void discardTracked() override;

    // ---- entries ----
    // "SELECT <every column> FROM outbox WHERE <where> ORDER BY seq"
    static QString entrySelect(const QString &where);
    static OutboxEntry entryFromQuery(const QSqlQuery &query);
    std::optional<OutboxEntry> loadEntry(qint64 seq);
    // The entry `seq` when it exists and `wanted` (if given) holds for it;
    // otherwise none, with `why` (its %1 the seq) as the error.
    static const QString kNoEntry;
    static const QString kNotInConflict;
    static bool inConflict(const OutboxEntry &e) { return e.state == OutboxEntry::State::Conflict; }
    std::optional<OutboxEntry> requireEntry(qint64 seq, const QString &why = kNoEntry,
        const std::function<bool(const OutboxEntry &)> &wanted = {});
    QList<OutboxEntry> loadEntries(const QString &where, const QVariantList &values);
    bool insertEntry(OutboxEntry *entry);
    bool saveEntry(const OutboxEntry &entry);
    // Saves the entry and rebuilds its record's cached row.
    bool saveAndRecompute(const OutboxEntry &entry);
    bool deleteEntry(qint64 seq);
    // Deletes the entry and, for a create of a record the server has not
    // numbered, every entry that depends on that record; `dropped` gets them
    // all (their records need recompute()).
    bool dropWithDependents(const OutboxEntry &entry, QList<OutboxEntry> *dropped);
    qint64 allocateTempId();
    int countState(const QString &states) const;

    // ---- PendingEdits, for the cache ----
    QList<OutboxEntry> entriesFor(Entity entity, const QString &scope, qint64 id) override;
    QSet<qint64> targetsWithEntries(Entity entity, const QString &scope) override;
    QHash<QString, qint64> membersAddedOffline(const QString &group) override;
    bool renameEntries(Entity entity, const QString &scope, qint64 from, qint64 to) override;

    // ---- queueing ----
    // `command` is what the server is asked; `fields`/`overlay` what the
    // cache shows meanwhile (the record's JSON as the cache keeps it).
    LocalEdit queueUpdate(Entity entity, const QString &scope, qint64 id, const OutboxCommand &command,
        const QJsonObject &fields, const QString &summary);
    LocalEdit queueCreate(Entity entity, const QString &scope, const OutboxCommand &command,
        QJsonObject overlay, const QString &summary, qint64 knownId = 0);
    LocalEdit queueDelete(Entity entity, const QString &scope, qint64 id, const QString &summary);
    // Inserts `e` and rebuilds its record's row, then commits `t`.
    LocalEdit queue(StoreDatabase::Transaction &t, OutboxEntry &e);
    LocalEdit refuse(const QString &message);
};

} // namespace LittleLemon
