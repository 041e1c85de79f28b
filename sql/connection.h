#pragma once

#include "sql/statement.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <memory>

class QSqlError;
struct sqlite3;

namespace LittleLemon::Sql {

// One SQLite connection under a unique Qt connection name: opening with a
// busy timeout, the journal pragmas (WAL checked: SQLite answers the mode it
// got), foreign keys (checked), quick_check, and prepared statements kept
// for the life of the connection. Transaction keeps its nesting depth.
class Connection
{
public:
    // `namePrefix` names the Qt connection; a counter makes it unique.
    explicit Connection(const QString &namePrefix);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // False with *error when the file cannot be opened (the connection stays
    // valid, with its lastError(), until close()).
    bool open(const QString &path, QString *error, int busyTimeoutMs = 5000);
    // Drops the statements and the Qt connection.
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    bool isValid() const { return m_db.isValid(); }
    QSqlDatabase &database() { return m_db; }
    const QString &name() const { return m_name; }
    sqlite3 *handle() const;
    // SQLite ends a transaction by itself after some errors (a full disk, an
    // I/O error); a ROLLBACK then only logs a second, misleading failure.
    bool inTransaction() const;

    // journal_mode=WAL and `synchronous` (NORMAL, FULL) for `schema` ("main"
    // or an attached name). False with *error when SQLite keeps another mode.
    bool setJournal(const QString &schema, const QString &synchronous, QString *error);
    bool enableForeignKeys(QString *error);
    // PRAGMA quick_check(1) answers "ok"; *detail gets what it found instead.
    bool quickCheck(const QString &schema, QString *detail = nullptr);
    // PRAGMA user_version; -1 when it cannot be read.
    int userVersion(const QString &schema = QStringLiteral("main"));

    // A cached prepared statement. `sql` is the cache key: pass literals or
    // strings whose set of values stays small (dynamic WHERE clauses).
    // Throws StorageError.
    Statement statement(const QString &sql);
    // Runs a cached statement that returns nothing and changes no row
    // (BEGIN, COMMIT): no change counted. Throws StorageError.
    void step(const QString &sql);
    // The same cache without exceptions: nullptr with *error.
    QSqlQuery *prepared(const QString &sql, QSqlError *error);
    // Binds `values` in order and runs `query`; false with *error.
    static bool run(QSqlQuery *query, const QVariantList &values, QSqlError *error);
    // Ends every cached statement's cursor (COMMIT refuses while one reads).
    void finishAll();
    // Above `cap` statements the cache starts over (0: never). Only for users
    // that hold Statements, never raw prepared() pointers, across calls.
    void setStatementCap(int cap) { m_cap = cap; }
    int cachedStatements() const { return int(m_statements.size() + m_prepared.size()); }

    // Runs one statement without caching (DDL, pragmas). Throws StorageError.
    void execute(const QString &sql);
    QVariant scalar(const QString &sql);

    // Counts statements that changed something, commits and savepoint
    // rollbacks; points at the connection's own counter unless shared.
    void setChangeCounter(qint64 *counter) { m_changes = counter; }
    qint64 *changeCounter() const { return m_changes; }

    // Open transactions and savepoints (Transaction keeps it).
    int depth() const { return m_depth; }
    // Enters one level: BEGIN IMMEDIATE at the outermost, a SAVEPOINT inside.
    // Returns the level entered (0: the outermost). Throws StorageError.
    int begin();
    // Leaves `level`: COMMIT or RELEASE. Throws StorageError.
    void commit(int level);
    // Leaves `level` undoing its writes: ROLLBACK, or ROLLBACK TO and RELEASE
    // (only that savepoint's writes). Never throws; logs a failure.
    void rollback(int level);
    // A read transaction: a deferred BEGIN (no lock until the first read), so
    // a reader's statements share one snapshot. It changes nothing and moves
    // no counter. Only at the outermost level. Throws StorageError.
    void beginRead();
    // COMMIT (ROLLBACK if that fails) of beginRead(); never throws.
    void endRead();
    // Leaves `level` without a statement: it ended elsewhere (a COMMIT run
    // by another thread on the same handle, or rolled back by SQLite).
    void forget(int level);

private:
    std::shared_ptr<PreparedStatement> preparedStatement(const QString &sql);

    QSqlDatabase m_db;
    QString m_name;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements; // prepared()
    QHash<QString, std::shared_ptr<PreparedStatement>> m_prepared; // statement()
    int m_cap = 0;
    int m_depth = 0;
    qint64 m_ownChanges = 0;
    qint64 *m_changes = &m_ownChanges;
};

} // namespace LittleLemon::Sql
