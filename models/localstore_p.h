#pragma once

// Private parts of LocalStore, shared by its source files: localstore.cpp
// (files, schema, metadata, reads), localstoredata.cpp (server data, cached
// rows, change tracking), localstoreoutbox.cpp (outbox rows, queueing, the
// state machine) and localstoreedits.cpp (the edits). Not part of the API.

#include "models/localstore.h"

#include "sql/connection.h"

#include <algorithm>
#include <QHash>
#include <QLoggingCategory>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)

namespace LittleLemon {

class LocalStorePrivate
{
public:
    explicit LocalStorePrivate(LocalStore *owner);

    LocalStore *q;
    // The connection, its statement cache and transaction levels: the shared
    // SQLite layer (sql/). `db` is its Qt handle.
    Sql::Connection sql { QStringLiteral("littlelemon-store") };
    QSqlDatabase &db = sql.database();
    bool isOpen = false;
    LocalStore::Paths paths;
    LocalStore::OpenReport report;
    QString error;
    bool transactionFailed = false;

    // ---- SQL ----
    // A prepared statement, prepared once per connection.
    QSqlQuery *prepared(const QString &sql);
    // Binds `values` in order and runs it; on failure records the error.
    bool run(QSqlQuery *query, const QVariantList &values = {});
    bool runSql(const QString &sql, const QVariantList &values = {});
    void fail(const QString &what, const QSqlError &sqlError);
    void fail(const QString &message);

    // Outermost begin() starts a transaction, nested calls a savepoint in it;
    // a failure at any level fails the whole. Only the outermost commit()
    // commits (and then emits the collected changes).
    bool begin();
    bool commit();
    void rollback();
    // Forgets the changes collected for a transaction that did not commit.
    void dropTracked();

    // Rolls back unless committed; for early returns.
    class Transaction
    {
    public:
        explicit Transaction(LocalStorePrivate *d)
            : m_d(d)
            , m_ok(d->begin())
        { }
        ~Transaction()
        {
            if (m_ok && !m_done)
                m_d->rollback();
        }
        bool ok() const { return m_ok; }
        bool commit()
        {
            m_done = true;
            return m_d->commit();
        }

    private:
        LocalStorePrivate *m_d;
        bool m_ok;
        bool m_done = false;
    };

    // ---- change tracking (emitted after commit, dropped on rollback) ----
    struct Track
    {
        bool before = false;
        bool after = false;
    };
    struct EntityTrack
    {
        QHash<qint64, Track> rows;
        QList<std::pair<qint64, qint64>> renamed;
    };
    QMap<std::pair<int, QString>, EntityTrack> tracks;
    QHash<qint64, Track> outboxTrack;
    bool metaTouched = false;
    void noteRow(Entity entity, const QString &scope, qint64 id, bool before, bool after);
    void noteRename(Entity entity, const QString &scope, qint64 from, qint64 to);
    void noteEntry(qint64 seq, bool before, bool after);
    void emitTracked();

    // ---- files and schema (localstore.cpp) ----
    bool openFiles();
    bool openOutbox();
    bool attachCache();
    bool setJournal(const QString &schema, const QString &synchronous);
    bool quickCheck(const QString &schema);
    bool migrateOutbox();
    bool migrateCache();
    QString setAside(const QString &path);
    bool reconcile();

    // ---- metadata ----
    QString meta(const QString &key) const;
    bool setMeta(const QString &key, const QString &value);

    // ---- cached rows (localstoredata.cpp) ----
    static QString tableOf(Entity entity);
    bool displayExists(Entity entity, const QString &scope, qint64 id);
    // Writes what the user sees for one record; `existed` saves a lookup.
    bool writeDisplay(Entity entity, const QString &scope, qint64 id, const QJsonObject &record,
        SyncState sync, bool existed);
    bool deleteDisplay(Entity entity, const QString &scope, qint64 id);
    std::optional<QJsonObject> serverCopy(
        Entity entity, const QString &scope, qint64 id, QByteArray *etag = nullptr);
    bool setServerCopy(Entity entity, const QString &scope, qint64 id, const QJsonObject &record,
        const QByteArray &etag, std::optional<qint64> feedId = std::nullopt);
    bool removeServerCopy(Entity entity, const QString &scope, qint64 id);
    // Rebuilds one record's cached row: the server's copy, then every pending
    // or sending entry for it in order; its sync state from all its entries.
    bool recompute(Entity entity, const QString &scope, qint64 id);
    // Targets (ids) that have outbox entries in any state.
    QSet<qint64> targetsWithEntries(Entity entity, const QString &scope);
    // A server record arrived: store it and refresh the row (no-op when unchanged).
    bool applyServerRecord(Entity entity, const QString &scope, qint64 id, const QJsonObject &record,
        const QByteArray &etag, const QSet<qint64> &targets, std::optional<qint64> feedId = {});
    bool applyServerDelete(Entity entity, const QString &scope, qint64 id, const QSet<qint64> &targets);
    bool applySnapshot(const LocalStore::Snapshot &snapshot);
    bool applyChange(const Change &change);
    // A member added offline (temporary id) now seen on the server with its id.
    bool adoptMemberIds(const QString &group, const QList<QJsonObject> &members);
    // A temporary id replaced by the server's: rows, references, entries.
    bool renameTarget(Entity entity, const QString &scope, qint64 from, qint64 to);

    // ---- outbox rows (localstoreoutbox.cpp) ----
    static OutboxEntry entryFromQuery(const QSqlQuery &query);
    std::optional<OutboxEntry> loadEntry(qint64 seq);
    QList<OutboxEntry> loadEntries(const QString &where, const QVariantList &values);
    QList<OutboxEntry> entriesFor(Entity entity, const QString &scope, qint64 id);
    bool insertEntry(OutboxEntry *entry);
    bool saveEntry(const OutboxEntry &entry);
    bool deleteEntry(qint64 seq);
    // Deletes the entry and, for a create of a record the server has not
    // numbered, every entry that depends on that record; `dropped` gets them
    // all (their records need recompute()).
    bool dropWithDependents(const OutboxEntry &entry, QList<OutboxEntry> *dropped);
    bool recomputeAll(const QList<OutboxEntry> &entries);
    qint64 allocateTempId();
    int countState(const QString &states) const;

    // `command` is what the server is asked; `fields`/`overlay` what the
    // cache shows meanwhile (the record's JSON as the cache keeps it).
    LocalEdit queueUpdate(Entity entity, const QString &scope, qint64 id, const OutboxCommand &command,
        const QJsonObject &fields, const QString &summary);
    LocalEdit queueCreate(Entity entity, const QString &scope, const OutboxCommand &command,
        QJsonObject overlay, const QString &summary, qint64 knownId = 0);
    LocalEdit queueDelete(Entity entity, const QString &scope, qint64 id, const QString &summary);
    LocalEdit refuse(const QString &message);
};

QVariant nullableId(const std::optional<qint64> &id);
qint64 nowMs();

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

} // namespace LittleLemon
