#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

namespace LittleLemon::Sql {

// One prepared statement in use: bind, exec, read. The destructor finish()es
// the statement so no read transaction outlives its user (an open SELECT
// would pin the WAL and stop checkpoints).
class Statement
{
public:
    Statement(std::shared_ptr<QSqlQuery> query, qint64 *changeCounter);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;

    Statement &bind(int position, const QVariant &value);
    // Throws StorageError. A statement that is not a SELECT moves the
    // connection's change counter.
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
    qint64 *m_changes;
};

} // namespace LittleLemon::Sql
