#pragma once

namespace LittleLemon::Sql {

class Connection;

// A write transaction on a Connection, rolled back by the destructor unless
// commit() ran. The outermost is BEGIN IMMEDIATE ... COMMIT; a nested one is
// a SAVEPOINT, whose rollback undoes only its own writes.
class Transaction
{
public:
    // Throws StorageError.
    explicit Transaction(Connection &connection);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Throws StorageError; the destructor then rolls back.
    void commit();
    // Undoes now instead of at the end of the scope.
    void rollback();
    // The transaction ended elsewhere (its COMMIT ran on another thread).
    void forget();
    bool isOuter() const { return m_level == 0; }
    bool isDone() const { return m_done; }

private:
    Connection &m_connection;
    int m_level;
    bool m_done = false;
};

} // namespace LittleLemon::Sql
