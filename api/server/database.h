#pragma once

#include <QFuture>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <stdexcept>

namespace LittleLemon::Server {

// A database failure. Busy (another process holds the write lock past the
// timeout) and Full (disk or size limit) get their own answers; anything
// else is a server error.
class StorageError : public std::runtime_error
{
public:
    enum class Kind { Busy, Full, Constraint, Other };
    StorageError(Kind kind, const QString &message);
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

// One prepared statement in use: bind, exec, read. The destructor finish()es
// the statement so no read transaction outlives its request (an open SELECT
// would pin the WAL and stop checkpoints).
class Statement
{
public:
    Statement(std::shared_ptr<QSqlQuery> query, qint64 *writeCounter);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;

    Statement &bind(int position, const QVariant &value);
    // Throws StorageError.
    Statement &exec();
    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    qint64 integer(int column) const { return m_query->value(column).toLongLong(); }
    QString text(int column) const { return m_query->value(column).toString(); }
    qint64 lastInsertId() const { return m_query->lastInsertId().toLongLong(); }
    int rowsAffected() const { return m_query->numRowsAffected(); }

private:
    // Shared with the cache: a statement in use stays valid while others
    // are prepared (the cache may grow, rehash or be cleared meanwhile).
    std::shared_ptr<QSqlQuery> m_query;
    qint64 *m_writes;
};

// The server's SQLite connection: WAL (checked), synchronous=FULL (a commit
// is on disk when COMMIT returns: what a 201 promises), foreign keys on, a
// busy timeout for the command-line tools writing beside the server,
// migrations by PRAGMA user_version (each step in one transaction), and
// prepared statements kept for the life of the connection.
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
    struct Connection;

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
    bool isOpen() const { return m_writer.db.isOpen(); }
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
    // commits: a cheap way to know a cached answer may be stale.
    qint64 generation();

    // A second connection, read-only, for reads while the writer commits
    // (group commit). False with *error when it cannot be opened.
    bool openReader(QString *error);
    bool hasReader() const { return m_reader.db.isValid(); }

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
        bool m_active = false;
        bool m_done = false;
        int m_savepoint = 0;
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
        Connection *m_connection = nullptr; // the one this BEGIN ran on
    };

    // BEGIN IMMEDIATE ... COMMIT on the writer, rolled back by the
    // destructor unless commit() ran. A nested one is a SAVEPOINT: its
    // rollback undoes only its own writes (a refused write in a batch leaves
    // its neighbours alone). An outer one while a batch commits waits for it.
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
        bool m_outer = false;
        bool m_done = false;
        int m_savepoint = 0;
    };

    static StorageError errorFrom(const QSqlError &error, const QString &context);
    // The kind of a SQLite result code.
    static StorageError::Kind kindOf(int sqliteCode);

private:
    struct Connection
    {
        QSqlDatabase db;
        QString name;
        QHash<QString, std::shared_ptr<QSqlQuery>> statements;
        QSqlQuery begin;
        QSqlQuery commit;
        int depth = 0; // open transactions (read or write) and savepoints
    };
    bool usesReader() const
    {
        // The batch's own BEGIN is depth 1; a Transaction inside it is more.
        return m_reader.db.isValid() && m_role == Role::Read && m_writer.depth <= (m_batchOpen ? 1 : 0);
    }
    Connection &current() { return usesReader() ? m_reader : m_writer; }
    Statement statementOn(Connection &c, const QString &sql);
    // Before a write on the writer: the batch's BEGIN IMMEDIATE and the
    // current request's SAVEPOINT, if not taken yet.
    void prepareWrite();
    void closeConnection(Connection &c);

    Connection m_writer;
    Connection m_reader;
    QString m_path;
    Role m_role = Role::Read;
    bool m_committing = false;
    bool m_batchOpen = false;
    bool m_batchBegun = false; // BEGIN IMMEDIATE ran (at the batch's first write)
    WriteRequest *m_request = nullptr;
    qint64 m_batchSerial = 0;
    QFuture<CommitResult> m_commitFuture;
    CommitResult m_lastCommit;
    qint64 m_syncedCommits = 0;
    int m_versionAtOpen = 0;
    int m_version = 0;
    qint64 m_localWrites = 0; // statements that changed something, and commits
};

} // namespace LittleLemon::Server
