#include "models/storedatabase.h"

#include "models/store_p.h"

#include <atomic>

Q_LOGGING_CATEGORY(lcStore, "littlelemon.store")

namespace LittleLemon {

namespace {

QString connectionNameFor()
{
    static std::atomic<int> counter { 0 };
    return QStringLiteral("littlelemon-store-%1").arg(++counter);
}

// BEGIN IMMEDIATE takes the write lock on both files at once (waiting out the
// busy timeout), so another process using the same store, such as
// littlelemon-cli next to the app, never makes a half-done edit fail at its
// first write.
bool control(QSqlDatabase &db, const QString &sql, QSqlError *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError();
    return false;
}

} // namespace

StoreDatabase::~StoreDatabase()
{
    disconnect();
}

bool StoreDatabase::connect(const QString &path)
{
    m_connection = connectionNameFor();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    return m_db.open();
}

void StoreDatabase::disconnect(const QStringList &checkpoint)
{
    if (m_connection.isEmpty())
        return;
    m_queries.clear();
    discardTracked();
    m_transactionDepth = 0;
    if (m_db.isOpen()) {
        for (const QString &schema : checkpoint)
            QSqlQuery(QStringLiteral("PRAGMA %1.wal_checkpoint(TRUNCATE)").arg(schema), m_db);
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
    m_ready = false;
}

QSqlQuery *StoreDatabase::prepared(const QString &sql)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql)) {
            fail(QStringLiteral("prepare"), query.lastError());
            return nullptr;
        }
        it = m_queries.insert(sql, query);
    }
    return &it.value();
}

bool StoreDatabase::run(QSqlQuery *query, const QVariantList &values)
{
    if (!query)
        return false;
    for (int i = 0; i < values.size(); ++i)
        query->bindValue(i, values.at(i));
    if (!query->exec()) {
        fail(query->lastQuery().left(80), query->lastError());
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
    if (m_transactionDepth > 0)
        m_transactionFailed = true;
    qCWarning(lcStore).noquote() << message;
}

bool StoreDatabase::begin()
{
    if (!m_ready) {
        m_error = QStringLiteral("The local store is not open");
        return false;
    }
    if (m_transactionDepth++ > 0)
        return true;
    m_transactionFailed = false;
    QSqlError e;
    if (!control(m_db, QStringLiteral("BEGIN IMMEDIATE"), &e)) {
        --m_transactionDepth;
        fail(QStringLiteral("begin"), e);
        return false;
    }
    return true;
}

bool StoreDatabase::commit()
{
    Q_ASSERT(m_transactionDepth > 0);
    if (--m_transactionDepth > 0)
        return !m_transactionFailed;
    // Statements still holding read cursors would make COMMIT fail with "SQL
    // statements in progress".
    finishQueries();
    QSqlError e;
    if (m_transactionFailed || !control(m_db, QStringLiteral("COMMIT"), &e)) {
        QSqlError ignored;
        control(m_db, QStringLiteral("ROLLBACK"), &ignored);
        discardTracked();
        if (e.isValid())
            fail(QStringLiteral("commit"), e);
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
    Q_ASSERT(m_transactionDepth > 0);
    m_transactionFailed = true;
    if (--m_transactionDepth > 0)
        return;
    finishQueries();
    QSqlError ignored;
    control(m_db, QStringLiteral("ROLLBACK"), &ignored);
    discardTracked();
}

void StoreDatabase::finishQueries()
{
    for (QSqlQuery &query : m_queries)
        query.finish();
}

void StoreDatabase::discardTracked()
{
    for (Listener *listener : std::as_const(m_listeners))
        listener->discardTracked();
}

} // namespace LittleLemon
