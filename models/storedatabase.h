#pragma once

#include "sql/connection.h"

#include <functional>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace LittleLemon {

// The local store's one SQLite connection and the plumbing over it: prepared
// statements (prepared once per connection), the last failure in words,
// nested transactions, and listeners that hear when the outermost
// transaction commits or rolls back. It knows no table: the files, the cache
// and the outbox bring their own SQL.
class StoreDatabase
{
public:
    // Something that collects what a transaction changed, to announce it once
    // the transaction commits (the cache's rows, the outbox's entries).
    class Listener
    {
    public:
        virtual ~Listener() = default;
        // The outermost transaction committed: take what was collected and
        // return what announces it. Every listener takes before any announces,
        // so a handler that writes again starts afresh.
        virtual std::function<void()> takeCommitted() = 0;
        // Rolled back (or closed): forget what was collected.
        virtual void discardTracked() = 0;
    };

    StoreDatabase() = default;
    ~StoreDatabase();
    StoreDatabase(const StoreDatabase &) = delete;
    StoreDatabase &operator=(const StoreDatabase &) = delete;

    // A new connection (a new name each time) on `path`; true when it opened.
    bool connect(const QString &path);
    // Closes and removes the connection; pending statements and tracked
    // changes are dropped, then each schema in `checkpoint` is checkpointed
    // (TRUNCATE) so a copy of its file is complete.
    void disconnect(const QStringList &checkpoint = {});
    bool isConnected() const { return m_sql.isValid(); }
    QSqlDatabase &handle() { return m_sql.database(); }
    QString connectionName() const { return m_sql.isValid() ? m_sql.name() : QString(); }
    // The shared SQLite layer's connection: pragmas, quick_check, the ladder.
    Sql::Connection &sql() { return m_sql; }

    // Ready for reads and writes (the files are open and checked).
    bool isReady() const { return m_ready; }
    void setReady(bool ready) { m_ready = ready; }

    void addListener(Listener *listener) { m_listeners.append(listener); }

    // A prepared statement, prepared once per connection; nullptr on failure.
    QSqlQuery *prepared(const QString &sql);
    // Binds `values` in order and runs it; on failure records the error.
    bool run(QSqlQuery *query, const QVariantList &values = {});
    bool runSql(const QString &sql, const QVariantList &values = {});
    // Records a failure (logged; fails the open transaction).
    void fail(const QString &what, const QSqlError &sqlError);
    void fail(const QString &message);
    // Sets the words errorString() gives, without failing a transaction.
    void setError(const QString &message) { m_error = message; }
    QString error() const { return m_error; }
    bool transactionFailed() const { return m_transactionFailed; }

    // Outermost begin() starts a transaction (BEGIN IMMEDIATE), nested calls
    // a SAVEPOINT in it; a failure at any level fails the whole. Only the outermost commit() commits, and then the listeners
    // announce what they collected.
    bool begin();
    bool commit();
    void rollback();

    // Rolls back unless committed; for early returns.
    class Transaction
    {
    public:
        explicit Transaction(StoreDatabase *db)
            : m_db(db)
            , m_ok(db->begin())
        { }
        ~Transaction()
        {
            if (m_ok && !m_done)
                m_db->rollback();
        }
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        bool ok() const { return m_ok; }
        bool commit()
        {
            m_done = true;
            return m_db->commit();
        }

    private:
        StoreDatabase *m_db;
        bool m_ok;
        bool m_done = false;
    };

private:
    void discardTracked();

    Sql::Connection m_sql { QStringLiteral("littlelemon-store") };
    bool m_ready = false;
    QString m_error;
    bool m_transactionFailed = false;
    QList<Listener *> m_listeners;
};

} // namespace LittleLemon
