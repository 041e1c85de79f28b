#include "models/storedatabase.h"

#include "models/store_p.h"

#include "sql/storageerror.h"

Q_LOGGING_CATEGORY(lcStore, "littlelemon.store")

namespace LittleLemon {

StoreDatabase::~StoreDatabase()
{
    disconnect();
}

bool StoreDatabase::connect(const QString &path)
{
    // On failure the connection stays valid: handle().lastError() says why.
    return m_sql.open(path, nullptr);
}

void StoreDatabase::disconnect(const QStringList &checkpoint)
{
    if (!m_sql.isValid())
        return;
    discardTracked();
    m_transactionFailed = false;
    if (m_sql.isOpen()) {
        m_sql.finishAll();
        for (const QString &schema : checkpoint)
            QSqlQuery(QStringLiteral("PRAGMA %1.wal_checkpoint(TRUNCATE)").arg(schema), m_sql.database());
    }
    m_sql.close();
    m_ready = false;
}

QSqlQuery *StoreDatabase::prepared(const QString &sql)
{
    QSqlError e;
    QSqlQuery *query = m_sql.prepared(sql, &e);
    if (!query)
        fail(QStringLiteral("prepare"), e);
    return query;
}

bool StoreDatabase::run(QSqlQuery *query, const QVariantList &values)
{
    if (!query)
        return false;
    QSqlError e;
    if (!Sql::Connection::run(query, values, &e)) {
        fail(query->lastQuery().left(80), e);
        return false;
    }
    return true;
}

bool StoreDatabase::runSql(const QString &sql, const QVariantList &values)
{
    QSqlQuery *query = prepared(sql);
    if (!run(query, values))
        return false;
    query->finish();
    return true;
}

void StoreDatabase::fail(const QString &what, const QSqlError &sqlError)
{
    fail(what + QStringLiteral(": ") + sqlError.text());
}

void StoreDatabase::fail(const QString &message)
{
    m_error = message;
    if (m_sql.depth() > 0)
        m_transactionFailed = true;
    qCWarning(lcStore).noquote() << message;
}

bool StoreDatabase::begin()
{
    if (!m_ready) {
        m_error = QStringLiteral("The local store is not open");
        return false;
    }
    const bool outer = m_sql.depth() == 0;
    if (outer)
        m_transactionFailed = false;
    // BEGIN IMMEDIATE (the outermost) takes the write lock on both files at
    // once, waiting out the busy timeout, so another process using the same
    // store, such as littlelemon-cli next to the app, never makes a half-done
    // edit fail at its first write. Inner levels are savepoints; a failure in
    // one still fails the whole transaction (m_transactionFailed).
    try {
        m_sql.begin();
    } catch (const Sql::StorageError &e) {
        fail(QStringLiteral("begin: ") + QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

bool StoreDatabase::commit()
{
    Q_ASSERT(m_sql.depth() > 0);
    const int level = m_sql.depth() - 1;
    if (level > 0) {
        try {
            m_sql.commit(level);
        } catch (const Sql::StorageError &e) {
            m_sql.rollback(level);
            fail(QStringLiteral("commit: ") + QString::fromStdString(e.what()));
        }
        return !m_transactionFailed;
    }
    // Statements still holding read cursors would make COMMIT fail with "SQL
    // statements in progress".
    m_sql.finishAll();
    if (m_transactionFailed) {
        m_sql.rollback(0);
        discardTracked();
        return false;
    }
    try {
        m_sql.commit(0);
    } catch (const Sql::StorageError &e) {
        m_sql.rollback(0);
        discardTracked();
        fail(QStringLiteral("commit: ") + QString::fromStdString(e.what()));
        return false;
    }
    QList<std::function<void()>> announcements;
    announcements.reserve(m_listeners.size());
    for (Listener *listener : std::as_const(m_listeners))
        announcements.append(listener->takeCommitted());
    for (const auto &announce : std::as_const(announcements))
        announce();
    return true;
}

void StoreDatabase::rollback()
{
    Q_ASSERT(m_sql.depth() > 0);
    m_transactionFailed = true;
    const int level = m_sql.depth() - 1;
    if (level > 0) {
        // This level's writes only; the outermost level still rolls back all.
        m_sql.rollback(level);
        return;
    }
    m_sql.finishAll();
    m_sql.rollback(0);
    discardTracked();
}

void StoreDatabase::discardTracked()
{
    for (Listener *listener : std::as_const(m_listeners))
        listener->discardTracked();
}

} // namespace LittleLemon
