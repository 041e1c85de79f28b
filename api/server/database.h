#pragma once

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

// The server's SQLite connection: WAL (checked), synchronous=NORMAL, foreign
// keys on, a busy timeout for the command-line tools writing beside the
// server, migrations by PRAGMA user_version (each step in one transaction),
// and prepared statements kept for the life of the connection.
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
    bool isOpen() const { return m_db.isOpen(); }
    // The user_version found when opening (0: a new database).
    int versionAtOpen() const { return m_versionAtOpen; }
    int version() const { return m_version; }

    // A cached prepared statement. `sql` is the cache key: pass literals or
    // strings whose set of values stays small (dynamic WHERE clauses).
    Statement statement(const QString &sql);
    // Runs one statement without caching (DDL, pragmas). Throws StorageError.
    void execute(const QString &sql);
    QVariant scalar(const QString &sql);

    // Changes whenever any connection (this server or a command-line tool)
    // commits: a cheap way to know a cached answer may be stale.
    qint64 generation();

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
        Database &m_db;
        bool m_active = false;
    };

    // BEGIN IMMEDIATE ... COMMIT, rolled back by the destructor unless
    // commit() ran. Nested transactions join the outer one.
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
    };

    static StorageError errorFrom(const QSqlError &error, const QString &context);

private:
    QSqlDatabase m_db;
    QString m_connection;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    QSqlQuery m_begin;
    QSqlQuery m_commit;
    int m_depth = 0;
    int m_versionAtOpen = 0;
    int m_version = 0;
    qint64 m_localWrites = 0; // statements that changed something, and commits
};

} // namespace LittleLemon::Server
