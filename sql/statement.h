#pragma once

#include <QString>
#include <QVariant>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace LittleLemon::Sql {

// A statement of a Connection's cache, prepared once on SQLite's own API
// (QSqlQuery cost a tenth of the server's time in its row cache, bound
// value lists and field records: issue 16). Finalized with the cache entry.
class PreparedStatement
{
public:
    PreparedStatement(sqlite3 *db, sqlite3_stmt *stmt);
    ~PreparedStatement();
    PreparedStatement(const PreparedStatement &) = delete;
    PreparedStatement &operator=(const PreparedStatement &) = delete;

    sqlite3 *db() const { return m_db; }
    sqlite3_stmt *stmt() const { return m_stmt; }
    // A statement without result columns changes something (Qt's isSelect()).
    bool writes() const { return m_columns == 0; }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt;
    int m_columns;
};

// One prepared statement in use: bind, exec, read. The destructor resets
// the statement so no read transaction outlives its user (an open SELECT
// would pin the WAL and stop checkpoints). Values read as Qt's SQLite driver
// gives them (INTEGER qint64, REAL double, TEXT QString, BLOB QByteArray,
// NULL a null QString); a null QString or QByteArray binds NULL, as there.
class Statement
{
public:
    Statement(std::shared_ptr<PreparedStatement> prepared, qint64 *changeCounter);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;

    // Throws StorageError when SQLite refuses the value.
    Statement &bind(int position, const QVariant &value);
    // Throws StorageError. A statement that is not a SELECT moves the
    // connection's change counter. Running it again keeps its bound values.
    Statement &exec();
    // The next row; false at the end. Throws StorageError on a read error.
    bool next();
    QVariant value(int column) const;
    qint64 integer(int column) const;
    QString text(int column) const;
    qint64 lastInsertId() const { return m_lastInsertId; }
    int rowsAffected() const { return m_rowsAffected; }

private:
    // Shared with the cache: a statement in use stays valid while others
    // are prepared (the cache may grow, rehash or be cleared meanwhile).
    std::shared_ptr<PreparedStatement> m_prepared;
    qint64 *m_changes;
    enum class State { Bound, FirstRowWaiting, Reading, Done };
    State m_state = State::Bound;
    qint64 m_lastInsertId = 0;
    int m_rowsAffected = -1;
};

} // namespace LittleLemon::Sql
