#include "sql/connection.h"

#include "sql/storageerror.h"

#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <atomic>

namespace LittleLemon::Sql {

Q_LOGGING_CATEGORY(lcSql, "littlelemon.sql", QtInfoMsg)

Connection::Connection(const QString &namePrefix)
{
    static std::atomic<int> counter { 0 };
    m_name = namePrefix + u'-' + QString::number(++counter);
}

Connection::~Connection()
{
    close();
}

bool Connection::open(const QString &path, QString *error, int busyTimeoutMs)
{
    close();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (m_db.open())
        return true;
    // Left valid: lastError() still says why until close().
    if (error)
        *error = QStringLiteral("cannot open %1: %2").arg(path, m_db.lastError().text());
    return false;
}

void Connection::close()
{
    m_prepared.clear(); // finalized before the handle closes
    m_statements.clear();
    m_depth = 0;
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

sqlite3 *Connection::handle() const
{
    if (!m_db.isValid())
        return nullptr;
    const QVariant v = m_db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

bool Connection::inTransaction() const
{
    sqlite3 *h = handle();
    return !h || !sqlite3_get_autocommit(h);
}

bool Connection::setJournal(const QString &schema, const QString &synchronous, QString *error)
{
    QSqlQuery wal(m_db);
    if (!wal.exec(QStringLiteral("PRAGMA %1.journal_mode = WAL").arg(schema)) || !wal.next()) {
        if (error)
            *error = QStringLiteral("Cannot switch %1 to WAL: %2").arg(schema, wal.lastError().text());
        return false;
    }
    // SQLite answers with the mode it is in; it can refuse WAL (some file systems).
    const QString mode = wal.value(0).toString();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        if (error)
            *error = QStringLiteral("SQLite kept %1 in journal mode %2 instead of WAL").arg(schema, mode);
        return false;
    }
    QSqlQuery sync(m_db);
    if (!sync.exec(QStringLiteral("PRAGMA %1.synchronous = %2").arg(schema, synchronous))) {
        if (error)
            *error = sync.lastError().text();
        return false;
    }
    return true;
}

bool Connection::enableForeignKeys(QString *error)
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA foreign_keys = ON")) && q.exec(QStringLiteral("PRAGMA foreign_keys"))
        && q.next() && q.value(0).toInt() == 1)
        return true;
    if (error)
        *error = QStringLiteral("this SQLite cannot enforce foreign keys");
    return false;
}

bool Connection::quickCheck(const QString &schema, QString *detail)
{
    QSqlQuery check(m_db);
    if (!check.exec(QStringLiteral("PRAGMA %1.quick_check(1)").arg(schema)) || !check.next()) {
        const QString why = QStringLiteral("quick_check failed: ") + check.lastError().text();
        qCWarning(lcSql).noquote() << schema << why;
        if (detail)
            *detail = why;
        return false;
    }
    const QString result = check.value(0).toString();
    if (result == QLatin1String("ok"))
        return true;
    qCWarning(lcSql).noquote() << schema << "quick_check:" << result.left(200);
    if (detail)
        *detail = result;
    return false;
}

int Connection::userVersion(const QString &schema)
{
    QSqlQuery version(m_db);
    if (!version.exec(QStringLiteral("PRAGMA %1.user_version").arg(schema)) || !version.next())
        return -1;
    return version.value(0).toInt();
}

Statement Connection::statement(const QString &sql)
{
    return Statement(preparedStatement(sql), m_changes);
}

void Connection::step(const QString &sql)
{
    const std::shared_ptr<PreparedStatement> p = preparedStatement(sql);
    sqlite3_stmt *s = p->stmt();
    sqlite3_reset(s);
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
        sqlite3_reset(s);
        return;
    }
    const StorageError error = StorageError::fromSqlite(p->db(), rc, QStringLiteral("\"%1\" failed").arg(sql));
    sqlite3_reset(s);
    throw error;
}

std::shared_ptr<PreparedStatement> Connection::preparedStatement(const QString &sql)
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        sqlite3 *db = handle();
        if (!db)
            throw StorageError(StorageError::Kind::Other, QStringLiteral("cannot prepare \"%1\": the database is not open").arg(sql.left(80)));
        sqlite3_stmt *stmt = nullptr;
        const int rc = sqlite3_prepare16_v3(db, sql.utf16(), int(sql.size() * sizeof(char16_t)), SQLITE_PREPARE_PERSISTENT,
                                            &stmt, nullptr);
        if (rc != SQLITE_OK || !stmt) {
            const StorageError error = StorageError::fromSqlite(db, rc, QStringLiteral("cannot prepare \"%1\"").arg(sql.left(80)));
            sqlite3_finalize(stmt);
            throw error;
        }
        // Dynamic statements come from a bounded set of shapes; the cap is
        // a backstop, not a policy.
        if (m_cap > 0 && m_prepared.size() > m_cap)
            m_prepared.clear();
        it = m_prepared.insert(sql, std::make_shared<PreparedStatement>(db, stmt));
    }
    return it.value();
}

QSqlQuery *Connection::prepared(const QString &sql, QSqlError *error)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto q = std::make_shared<QSqlQuery>(m_db);
        q->setForwardOnly(true);
        if (!q->prepare(sql)) {
            if (error)
                *error = q->lastError();
            return nullptr;
        }
        if (m_cap > 0 && m_statements.size() > m_cap)
            m_statements.clear();
        it = m_statements.insert(sql, q);
    }
    return it.value().get();
}

bool Connection::run(QSqlQuery *query, const QVariantList &values, QSqlError *error)
{
    for (int i = 0; i < values.size(); ++i)
        query->bindValue(i, values.at(i));
    if (query->exec())
        return true;
    if (error)
        *error = query->lastError();
    return false;
}

void Connection::finishAll()
{
    for (const auto &query : std::as_const(m_statements))
        query->finish();
    for (const auto &prepared : std::as_const(m_prepared))
        sqlite3_reset(prepared->stmt());
}

void Connection::execute(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        throw StorageError::from(q.lastError(), QStringLiteral("\"%1\" failed").arg(sql.left(80)));
}

QVariant Connection::scalar(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        throw StorageError::from(q.lastError(), QStringLiteral("\"%1\" failed").arg(sql.left(80)));
    const QVariant v = q.next() ? q.value(0) : QVariant();
    q.finish();
    return v;
}

int Connection::begin()
{
    const int level = m_depth;
    if (level == 0) {
        // IMMEDIATE takes the write lock now, so a transaction never fails
        // half-way on a lock upgrade; the busy timeout covers the wait.
        step(QStringLiteral("BEGIN IMMEDIATE"));
    } else {
        statement(QStringLiteral("SAVEPOINT sp%1").arg(level)).exec();
    }
    ++m_depth;
    return level;
}

void Connection::commit(int level)
{
    if (level == 0) {
        step(QStringLiteral("COMMIT"));
        ++*m_changes;
    } else {
        statement(QStringLiteral("RELEASE sp%1").arg(level)).exec();
    }
    --m_depth;
}

void Connection::rollback(int level)
{
    --m_depth;
    if (!inTransaction())
        return;
    QSqlQuery q(m_db);
    if (level == 0) {
        if (!q.exec(QStringLiteral("ROLLBACK")))
            qCWarning(lcSql) << "rollback failed:" << q.lastError().text();
        return;
    }
    // Undo this savepoint's writes only, then drop it; cached readers of the
    // change counter must see that something changed back.
    if (!q.exec(QStringLiteral("ROLLBACK TO sp%1").arg(level)) || !q.exec(QStringLiteral("RELEASE sp%1").arg(level)))
        qCWarning(lcSql) << "rollback to a savepoint failed:" << q.lastError().text();
    ++*m_changes;
}

void Connection::beginRead()
{
    Q_ASSERT(m_depth == 0);
    step(QStringLiteral("BEGIN"));
    ++m_depth;
}

void Connection::endRead()
{
    --m_depth;
    try {
        step(QStringLiteral("COMMIT"));
        return;
    } catch (const StorageError &e) {
        qCWarning(lcSql) << "ending a read transaction failed:" << e.what();
    }
    QSqlQuery rollback(m_db);
    rollback.exec(QStringLiteral("ROLLBACK"));
}

void Connection::forget(int level)
{
    m_depth = level;
}

} // namespace LittleLemon::Sql
