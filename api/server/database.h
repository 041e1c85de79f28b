#pragma once

#include "sql/connection.h"
#include "sql/statement.h"
#include "sql/storageerror.h"
#include "sql/transaction.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace LittleLemon::Server {

// The shared SQLite layer's types, under the names the server's code uses.
using StorageError = Sql::StorageError;
using Statement = Sql::Statement;

// The server's SQLite database, on the shared layer (sql/): WAL (checked),
// synchronous=FULL (a commit is on disk when COMMIT returns: what a 201
// promises), foreign keys on, a busy timeout for the command-line tools
// writing beside the server, the migration ladder, and prepared statements
// kept for the life of the connection. What is the server's own: the writer
// and reader connections, group-commit batching, the generation and the
// synced-commit count.
//
// Group commit (issue 16): openReader() adds a second, read-only connection.
// Then statements go to the reader unless a write transaction is open or the
// role is Write (WriteScope), and the writer can run a batch: beginBatch(),
// each write in a nested Transaction (a SAVEPOINT), commitBatch() running
// COMMIT and its sync on a helper thread while the reader keeps answering;
// readers see the batch only once it is on disk (WAL makes a commit visible
// after its sync).
class Database
{
public:
    // One schema step: statements run in one transaction, then user_version = index + 1.
    using Migration = std::function<void(Database &)>;

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens and migrates. False with *error when the file cannot be opened,
    // WAL cannot be enabled, or the schema is newer than this program.
    bool open(const QString &path, const QList<Migration> &migrations, QString *error);
    void close();
    bool isOpen() const { return m_writer.isOpen() || m_reader.isOpen(); }
    // The user_version found when opening (0: a new database).
    int versionAtOpen() const { return m_versionAtOpen; }
    int version() const { return m_version; }
    QString path() const { return m_path; }

    // A cached prepared statement. `sql` is the cache key: pass literals or
    // strings whose set of values stays small (dynamic WHERE clauses).
    Statement statement(const QString &sql);
    // Runs one statement without caching (DDL, pragmas). Throws StorageError.
    void execute(const QString &sql);
    QVariant scalar(const QString &sql);

    // Changes whenever any connection (this server or a command-line tool)
    // commits: a cheap way to know a cached answer may be stale. Our own
    // commits move it at once; another process's within kExternalRecheckMs.
    qint64 generation();
    static constexpr qint64 kExternalRecheckMs = 20;

    // A second connection, read-only, for reads while the writer commits
    // (group commit). False with *error when it cannot be opened.
    bool openReader(QString *error);
    bool hasReader() const { return m_reader.isValid(); }
    // A reader of `leader`'s file for another thread (ReadWorker): only a
    // read-only connection, opened on the calling thread, which must be the
    // only one using this Database. It answers rowSetVersion() and
    // rowSetShuffling() from the leader (thread-safe), so caches of row
    // positions follow the leader's writes. False with *error.
    bool openFollower(const Database &leader, QString *error);

    // Statements outside a write transaction go to the reader while the role
    // is Read (the default); a write request's dispatch runs as Write.
    enum class Role { Read, Write };
    class WriteScope
    {
    public:
        explicit WriteScope(Database &db)
            : m_db(db)
            , m_previous(db.m_role)
        {
            db.m_role = Role::Write;
        }
        ~WriteScope() { m_db.m_role = m_previous; }
        WriteScope(const WriteScope &) = delete;
        WriteScope &operator=(const WriteScope &) = delete;

    private:
        Database &m_db;
        Role m_previous;
    };
    // A write request in a batch: role Write, and a SAVEPOINT taken at its
    // first write (a request that only reads takes no lock). commit()
    // releases it; without commit() its writes are rolled back.
    class WriteRequest
    {
    public:
        explicit WriteRequest(Database &db);
        ~WriteRequest();
        WriteRequest(const WriteRequest &) = delete;
        WriteRequest &operator=(const WriteRequest &) = delete;
        void commit();

    private:
        friend class Database;
        Database &m_db;
        Role m_previousRole;
        WriteRequest *m_previous;
        bool m_done = false;
        std::optional<Sql::Transaction> m_savepoint; // from the first write
    };
    // True when statements now go to the reader (caches may keep what they read).
    bool readingFromReader() const { return usesReader(); }

    // The outcome of a batch's COMMIT; `code` is SQLite's result code.
    struct CommitResult
    {
        bool ok = true;
        int code = 0;
        QString message;
    };
    // Opens a batch on the writer: its BEGIN IMMEDIATE comes with the first
    // write; Transactions opened until commitBatch() are savepoints in it.
    // Throws StorageError.
    void beginBatch();
    // Whether the writer is still inside the batch's transaction (SQLite rolls
    // a whole transaction back by itself after some errors, e.g. a full disk).
    bool batchAlive() const;
    // COMMIT (and its sync) on a helper thread; the writer must not be used
    // until endBatch(). The future's continuation should call endBatch().
    QFuture<CommitResult> commitBatch();
    bool committing() const { return m_committing; }
    // Counts batches begun: tells a late continuation whether "the" batch is still its own.
    qint64 batchSerial() const { return m_batchSerial; }
    // Gives up the open batch (SQLite already rolled it back, or nothing is
    // to be kept): rolls back what is left.
    void abandonBatch();
    // Waits for the commit if it still runs, rolls back after a failed one;
    // the result (also when called again).
    CommitResult endBatch();
    // Commits whose sync finished (batches and single write transactions).
    qint64 syncedCommits() const { return m_syncedCommits; }

    // Which ids a rowid table holds, as far as a cache of positions in id
    // order cares (the orders' page anchors): watchRowSet() starts an update
    // hook on the writer; rowSetVersion() then moves on every DELETE from the
    // table and every INSERT at or below the largest id it has held (new rows
    // at the top leave every position below them alone), again when the
    // transaction holding such a change ends (readers see it only then), and
    // with every commit of another process (generation() notices those).
    void watchRowSet(const QByteArray &table);
    // The same for a cache of a table's contents (the users): the version
    // moves on every INSERT, UPDATE and DELETE in it.
    void watchTable(const QByteArray &table);
    // -1: not watched, or another process's commits are not known yet.
    // Both may be asked from any thread (a follower asks its leader's).
    qint64 rowSetVersion(const QByteArray &table) const;
    // A DELETE or low INSERT in a watched table waits in a transaction not
    // yet ended (or committing): readers may see it any moment, so positions
    // cached before it must not be used until rowSetVersion() moves.
    bool rowSetShuffling(const QByteArray &table) const;

    // BEGIN ... COMMIT around a request's reads: one snapshot (the count and
    // the page agree) and one lock round instead of one per statement.
    class ReadTransaction
    {
    public:
        explicit ReadTransaction(Database &db);
        ~ReadTransaction();
        ReadTransaction(const ReadTransaction &) = delete;
        ReadTransaction &operator=(const ReadTransaction &) = delete;

    private:
        Sql::Connection *m_connection = nullptr; // the one this BEGIN ran on
    };

    // Sql::Transaction on the writer (BEGIN IMMEDIATE ... COMMIT, nested: a
    // SAVEPOINT whose rollback undoes only its own writes, so a refused write
    // in a batch leaves its neighbours alone). An outer one while a batch
    // commits waits for it; its commit counts as a synced commit.
    class Transaction
    {
    public:
        explicit Transaction(Database &db);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        void commit();

    private:
        Database &m_db;
        Sql::Transaction m_tx;
    };

private:
    bool usesReader() const
    {
        // The batch's own BEGIN is depth 1; a Transaction inside it is more.
        return m_reader.isValid() && m_role == Role::Read && m_writer.depth() <= (m_batchOpen ? 1 : 0);
    }
    Sql::Connection &current() { return usesReader() ? m_reader : m_writer; }
    // Throws StorageError on a follower (openFollower()): it never writes.
    void refuseOnFollower(const QString &sql) const;
    // m_reader opened on m_path, query_only; closed again on failure.
    bool openReadOnly(QString *error);
    // The writer, ready for a write transaction (a committing batch ended,
    // the batch's and the request's levels taken).
    Sql::Connection &writerForWrite();
    // Before a write on the writer: the batch's BEGIN IMMEDIATE and the
    // current request's SAVEPOINT, if not taken yet.
    void prepareWrite();

    Sql::Connection m_writer { QStringLiteral("littlelemon-server") };
    Sql::Connection m_reader { QStringLiteral("littlelemon-server-reader") };
    std::optional<Sql::Transaction> m_batch; // the batch's BEGIN IMMEDIATE, from its first write
    QString m_path;
    Role m_role = Role::Read;
    bool m_committing = false;
    bool m_batchOpen = false;
    WriteRequest *m_request = nullptr;
    qint64 m_batchSerial = 0;
    QFuture<CommitResult> m_commitFuture;
    CommitResult m_lastCommit;
    qint64 m_syncedCommits = 0;
    int m_versionAtOpen = 0;
    int m_version = 0;
    qint64 m_localWrites = 0; // both connections' change counter
    // What generation() last saw of other connections' commits.
    struct WalStamp
    {
        qint64 inode = -1, size = -1, modified = -1, changed = -1;
        bool operator==(const WalStamp &o) const
        {
            return inode == o.inode && size == o.size && modified == o.modified && changed == o.changed;
        }
        bool operator!=(const WalStamp &o) const { return !(*this == o); }
    };
    WalStamp walStamp() const;
    // watchRowSet()'s bookkeeping, fed by the writer's update hook.
    struct RowSet
    {
        QByteArray table;
        qint64 topId = 0; // the largest id the table has held
        qint64 version = 0;
        bool everyChange = false; // watchTable(): any change moves it
        bool pending = false;     // moved by a transaction not yet ended
    };
    void watch(const QByteArray &table, bool everyChange);
    const RowSet *rowSet(const QByteArray &table) const; // nullptr: not watched; under m_rowSetLock
    static qint64 dataVersion(Sql::Connection &connection); // PRAGMA data_version
    static void onUpdate(void *self, int op, const char *database, const char *table, long long rowid);
    void rowSetsSettled(); // a transaction ended: moves the versions of tables it shuffled
    void checkForeign();   // asks the writer's data_version (another process's commits)
    // m_rowSets and m_foreignVersion: changed on the writer's thread, read
    // from followers' threads too.
    mutable std::mutex m_rowSetLock;
    qint64 m_foreignVersion = -1;
    QList<RowSet> m_rowSets;
    const Database *m_leader = nullptr; // openFollower()
    QByteArray m_walPath;
    WalStamp m_walStamp;
    qint64 m_externalVersion = -1;
    qint64 m_externalCheckedAt = 0;
    QElapsedTimer m_clock;
    // Group commit: WAL checkpoints on a connection and thread of their own
    // (openReader()), so a batch's COMMIT never copies the WAL back.
    struct Checkpointer;
    std::unique_ptr<Checkpointer> m_checkpointer;
};

} // namespace LittleLemon::Server
