#include "api/server/database.h"

#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

namespace LittleLemon::Server {

Q_LOGGING_CATEGORY(lcDb, "littlelemon.server.db", QtInfoMsg)

StorageError::StorageError(Kind kind, const QString &message)
    : std::runtime_error(message.toStdString())
    , m_kind(kind)
{
}

StorageError Database::errorFrom(const QSqlError &error, const QString &context)
{
    // SQLite's primary result codes: 5 BUSY, 6 LOCKED, 13 FULL, 19 CONSTRAINT.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    StorageError::Kind kind = StorageError::Kind::Other;
    if (code == 5 || code == 6)
        kind = StorageError::Kind::Busy;
    else if (code == 13)
        kind = StorageError::Kind::Full;
    else if (code == 19)
        kind = StorageError::Kind::Constraint;
    return StorageError(kind, context + QStringLiteral(": ") + error.text());
}

Statement::Statement(std::shared_ptr<QSqlQuery> query, qint64 *writeCounter)
    : m_query(std::move(query))
    , m_writes(writeCounter)
{
}

Statement::Statement(Statement &&other) noexcept
    : m_query(std::move(other.m_query))
    , m_writes(other.m_writes)
{
}

Statement::~Statement()
{
    if (m_query)
        m_query->finish();
}

Statement &Statement::bind(int position, const QVariant &value)
{
    m_query->bindValue(position, value);
    return *this;
}

Statement &Statement::exec()
{
    if (!m_query->exec())
        throw Database::errorFrom(m_query->lastError(), QStringLiteral("query failed"));
    // Our own writes move the generation (data_version only sees others').
    if (!m_query->isSelect())
        ++*m_writes;
    return *this;
}

Database::Database()
    : m_connection(QStringLiteral("littlelemon-server-%1").arg(quintptr(this)))
{
}

Database::~Database()
{
    close();
}

void Database::close()
{
    m_statements.clear();
    m_begin = QSqlQuery();
    m_commit = QSqlQuery();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool Database::open(const QString &path, const QList<Migration> &migrations, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return fail(QStringLiteral("cannot open %1: %2").arg(path, m_db.lastError().text()));
    try {
        // WAL lets the command-line tools and backups read while the server
        // writes; the pragma answers the mode it got, which must be checked.
        const QString mode = scalar(QStringLiteral("PRAGMA journal_mode=WAL")).toString();
        if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return fail(QStringLiteral("cannot use WAL journaling for %1 (got \"%2\")").arg(path, mode));
        execute(QStringLiteral("PRAGMA synchronous=NORMAL"));
        execute(QStringLiteral("PRAGMA foreign_keys=ON"));
        if (scalar(QStringLiteral("PRAGMA foreign_keys")).toInt() != 1)
            return fail(QStringLiteral("this SQLite cannot enforce foreign keys"));
        execute(QStringLiteral("PRAGMA temp_store=MEMORY"));

        m_versionAtOpen = scalar(QStringLiteral("PRAGMA user_version")).toInt();
        m_version = m_versionAtOpen;
        if (m_version > migrations.size())
            return fail(QStringLiteral("%1 has schema version %2; this program knows up to %3")
                            .arg(path)
                            .arg(m_version)
                            .arg(migrations.size()));
        for (int v = m_version; v < migrations.size(); ++v) {
            Transaction tx(*this);
            // Another process may have migrated while we waited for the lock.
            const int current = scalar(QStringLiteral("PRAGMA user_version")).toInt();
            if (current > v) {
                tx.commit();
                m_version = current;
                continue;
            }
            migrations.at(v)(*this);
            execute(QStringLiteral("PRAGMA user_version=%1").arg(v + 1));
            tx.commit();
            m_version = v + 1;
            qCInfo(lcDb) << "database schema now at version" << m_version;
        }
    } catch (const StorageError &e) {
        return fail(QString::fromStdString(e.what()));
    }
    m_begin = QSqlQuery(m_db);
    m_commit = QSqlQuery(m_db);
    if (!m_begin.prepare(QStringLiteral("BEGIN")) || !m_commit.prepare(QStringLiteral("COMMIT")))
        return fail(QStringLiteral("cannot prepare transactions: %1").arg(m_db.lastError().text()));
    return true;
}

Statement Database::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto q = std::make_shared<QSqlQuery>(m_db);
        q->setForwardOnly(true);
        if (!q->prepare(sql))
            throw errorFrom(q->lastError(), QStringLiteral("cannot prepare \"%1\"").arg(sql.left(80)));
        // Dynamic statements come from a bounded set of shapes; the cap is
        // a backstop, not a policy.
        if (m_statements.size() > 512)
            m_statements.clear();
        it = m_statements.insert(sql, q);
    }
    return Statement(it.value(), &m_localWrites);
}

void Database::execute(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        throw errorFrom(q.lastError(), QStringLiteral("\"%1\" failed").arg(sql.left(80)));
}

QVariant Database::scalar(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        throw errorFrom(q.lastError(), QStringLiteral("\"%1\" failed").arg(sql.left(80)));
    const QVariant v = q.next() ? q.value(0) : QVariant();
    q.finish();
    return v;
}

qint64 Database::generation()
{
    // data_version moves when another connection commits; our own commits
    // are counted here.
    Statement s = statement(QStringLiteral("PRAGMA data_version"));
    s.exec();
    const qint64 external = s.next() ? s.integer(0) : 0;
    return (external << 32) + m_localWrites;
}

Database::ReadTransaction::ReadTransaction(Database &db)
    : m_db(db)
{
    if (db.m_depth > 0 || !db.isOpen())
        return;
    // Prepared once and run outside Statement: these two change nothing,
    // so they must not move the generation. A deferred BEGIN takes no lock
    // until the first read.
    if (!db.m_begin.exec())
        throw errorFrom(db.m_begin.lastError(), QStringLiteral("BEGIN failed"));
    m_active = true;
    ++db.m_depth;
}

Database::ReadTransaction::~ReadTransaction()
{
    if (!m_active)
        return;
    --m_db.m_depth;
    if (!m_db.m_commit.exec()) {
        qCWarning(lcDb) << "ending a read transaction failed:" << m_db.m_commit.lastError().text();
        QSqlQuery rollback(m_db.m_db);
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
}

Database::Transaction::Transaction(Database &db)
    : m_db(db)
{
    m_outer = db.m_depth == 0;
    ++db.m_depth;
    if (m_outer) {
        // IMMEDIATE takes the write lock now, so a transaction never fails
        // half-way on a lock upgrade; the busy timeout covers the wait.
        try {
            db.execute(QStringLiteral("BEGIN IMMEDIATE"));
        } catch (...) {
            --db.m_depth;
            throw;
        }
    }
}

namespace {
// SQLite ends a transaction by itself after some errors (a full disk, an I/O
// error); a ROLLBACK then only logs a second, misleading failure.
bool transactionOpen(const QSqlDatabase &db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return true;
    sqlite3 *handle = *static_cast<sqlite3 *const *>(v.constData());
    return handle && !sqlite3_get_autocommit(handle);
}
} // namespace

Database::Transaction::~Transaction()
{
    --m_db.m_depth;
    if (m_outer && !m_done && transactionOpen(m_db.m_db)) {
        QSqlQuery q(m_db.m_db);
        if (!q.exec(QStringLiteral("ROLLBACK")))
            qCWarning(lcDb) << "rollback failed:" << q.lastError().text();
    }
}

void Database::Transaction::commit()
{
    if (m_done)
        return;
    if (m_outer) {
        m_db.execute(QStringLiteral("COMMIT"));
        ++m_db.m_localWrites;
    }
    m_done = true;
}

} // namespace LittleLemon::Server
