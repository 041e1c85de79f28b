#include "api/server/database.h"

#include <QLoggingCategory>
#include <QPromise>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <thread>

namespace LittleLemon::Server {

Q_LOGGING_CATEGORY(lcDb, "littlelemon.server.db", QtInfoMsg)

StorageError::StorageError(Kind kind, const QString &message)
    : std::runtime_error(message.toStdString())
    , m_kind(kind)
{
}

StorageError::Kind Database::kindOf(int sqliteCode)
{
    // SQLite's primary result codes: 5 BUSY, 6 LOCKED, 13 FULL, 19 CONSTRAINT.
    const int code = sqliteCode & 0xff;
    if (code == 5 || code == 6)
        return StorageError::Kind::Busy;
    if (code == 13)
        return StorageError::Kind::Full;
    if (code == 19)
        return StorageError::Kind::Constraint;
    return StorageError::Kind::Other;
}

StorageError Database::errorFrom(const QSqlError &error, const QString &context)
{
    return StorageError(kindOf(error.nativeErrorCode().toInt()), context + QStringLiteral(": ") + error.text());
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
{
    m_writer.name = QStringLiteral("littlelemon-server-%1").arg(quintptr(this));
    m_reader.name = m_writer.name + QStringLiteral("-reader");
}

Database::~Database()
{
    close();
}

void Database::closeConnection(Connection &c)
{
    c.statements.clear();
    c.begin = QSqlQuery();
    c.commit = QSqlQuery();
    c.depth = 0;
    if (c.db.isValid()) {
        c.db.close();
        c.db = QSqlDatabase();
        QSqlDatabase::removeDatabase(c.name);
    }
}

void Database::close()
{
    if (m_committing)
        endBatch();
    closeConnection(m_reader);
    closeConnection(m_writer);
}

namespace {
sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

// SQLite ends a transaction by itself after some errors (a full disk, an I/O
// error); a ROLLBACK then only logs a second, misleading failure.
bool transactionOpen(const QSqlDatabase &db)
{
    sqlite3 *handle = handleOf(db);
    return !handle || !sqlite3_get_autocommit(handle);
}
} // namespace

bool Database::open(const QString &path, const QList<Migration> &migrations, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    m_path = path;
    m_writer.db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_writer.name);
    m_writer.db.setDatabaseName(path);
    m_writer.db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_writer.db.open())
        return fail(QStringLiteral("cannot open %1: %2").arg(path, m_writer.db.lastError().text()));
    try {
        // WAL lets the command-line tools and backups read while the server
        // writes; the pragma answers the mode it got, which must be checked.
        const QString mode = scalar(QStringLiteral("PRAGMA journal_mode=WAL")).toString();
        if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return fail(QStringLiteral("cannot use WAL journaling for %1 (got \"%2\")").arg(path, mode));
        // FULL: the WAL is synced at every commit, so an answered write
        // survives a power cut (NORMAL only survives a crash of this process).
        execute(QStringLiteral("PRAGMA synchronous=FULL"));
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
    m_writer.begin = QSqlQuery(m_writer.db);
    m_writer.commit = QSqlQuery(m_writer.db);
    if (!m_writer.begin.prepare(QStringLiteral("BEGIN")) || !m_writer.commit.prepare(QStringLiteral("COMMIT")))
        return fail(QStringLiteral("cannot prepare transactions: %1").arg(m_writer.db.lastError().text()));
    return true;
}

bool Database::openReader(QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!isOpen())
        return fail(QStringLiteral("the database is not open"));
    if (hasReader())
        return true;
    m_reader.db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_reader.name);
    m_reader.db.setDatabaseName(m_path);
    m_reader.db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_reader.db.open()) {
        const QString why = m_reader.db.lastError().text();
        closeConnection(m_reader);
        return fail(QStringLiteral("cannot open %1 for reading: %2").arg(m_path, why));
    }
    // Reads only: a write that reached this connection by mistake would wait
    // for the writer's lock on the thread that holds it.
    QSqlQuery q(m_reader.db);
    if (!q.exec(QStringLiteral("PRAGMA query_only=ON")) || !q.exec(QStringLiteral("PRAGMA temp_store=MEMORY"))) {
        const QString why = q.lastError().text();
        q = QSqlQuery();
        closeConnection(m_reader);
        return fail(QStringLiteral("cannot set up the reader: %1").arg(why));
    }
    q = QSqlQuery();
    m_reader.begin = QSqlQuery(m_reader.db);
    m_reader.commit = QSqlQuery(m_reader.db);
    if (!m_reader.begin.prepare(QStringLiteral("BEGIN")) || !m_reader.commit.prepare(QStringLiteral("COMMIT"))) {
        const QString why = m_reader.db.lastError().text();
        closeConnection(m_reader);
        return fail(QStringLiteral("cannot prepare transactions: %1").arg(why));
    }
    return true;
}

Statement Database::statementOn(Connection &c, const QString &sql)
{
    auto it = c.statements.find(sql);
    if (it == c.statements.end()) {
        auto q = std::make_shared<QSqlQuery>(c.db);
        q->setForwardOnly(true);
        if (!q->prepare(sql))
            throw errorFrom(q->lastError(), QStringLiteral("cannot prepare \"%1\"").arg(sql.left(80)));
        // Dynamic statements come from a bounded set of shapes; the cap is
        // a backstop, not a policy.
        if (c.statements.size() > 512)
            c.statements.clear();
        it = c.statements.insert(sql, q);
    }
    return Statement(it.value(), &m_localWrites);
}

namespace {
// What may run on the read-only connection.
bool readsOnly(const QString &sql)
{
    return sql.startsWith(QLatin1String("SELECT")) || sql.startsWith(QLatin1String("PRAGMA data_version"));
}
} // namespace

Statement Database::statement(const QString &sql)
{
    // A write outside a write transaction (rare: an autocommit statement)
    // still goes to the writer.
    const bool reads = readsOnly(sql);
    Connection &c = usesReader() && reads ? m_reader : m_writer;
    if (&c == &m_writer && m_committing)
        endBatch();
    if (!reads)
        prepareWrite();
    return statementOn(c, sql);
}

void Database::execute(const QString &sql)
{
    if (m_committing)
        endBatch();
    QSqlQuery q(m_writer.db);
    if (!q.exec(sql))
        throw errorFrom(q.lastError(), QStringLiteral("\"%1\" failed").arg(sql.left(80)));
}

QVariant Database::scalar(const QString &sql)
{
    if (m_committing)
        endBatch();
    QSqlQuery q(m_writer.db);
    if (!q.exec(sql))
        throw errorFrom(q.lastError(), QStringLiteral("\"%1\" failed").arg(sql.left(80)));
    const QVariant v = q.next() ? q.value(0) : QVariant();
    q.finish();
    return v;
}

qint64 Database::generation()
{
    // data_version moves when another connection commits (with a reader,
    // that includes our writer); our own statements are counted here.
    Connection &c = hasReader() ? m_reader : current();
    if (&c == &m_writer && m_committing)
        endBatch();
    Statement s = statementOn(c, QStringLiteral("PRAGMA data_version"));
    s.exec();
    const qint64 external = s.next() ? s.integer(0) : 0;
    return (external << 32) + m_localWrites;
}

void Database::beginBatch()
{
    if (m_committing)
        endBatch();
    Q_ASSERT(m_writer.depth == 0);
    // The write lock is taken at the batch's first write (prepareWrite()):
    // requests that only read (a sign-in, a refusal before any write) never
    // wait for it, as before group commit.
    m_batchOpen = true;
    m_batchBegun = false;
    ++m_batchSerial;
    m_lastCommit = CommitResult();
}

void Database::prepareWrite()
{
    if (m_batchOpen && !m_batchBegun && !m_committing) {
        // IMMEDIATE: the busy timeout covers a command-line tool's lock.
        execute(QStringLiteral("BEGIN IMMEDIATE"));
        m_batchBegun = true;
        m_writer.depth = 1;
    }
    if (m_request && !m_request->m_active) {
        m_request->m_savepoint = ++m_writer.depth;
        statementOn(m_writer, QStringLiteral("SAVEPOINT rq%1").arg(m_request->m_savepoint)).exec();
        m_request->m_active = true;
    }
}

Database::WriteRequest::WriteRequest(Database &db)
    : m_db(db)
    , m_previousRole(db.m_role)
    , m_previous(db.m_request)
{
    db.m_role = Role::Write;
    db.m_request = this;
}

Database::WriteRequest::~WriteRequest()
{
    m_db.m_request = m_previous;
    m_db.m_role = m_previousRole;
    if (!m_active || m_done)
        return;
    Connection &c = m_db.m_writer;
    --c.depth;
    if (!transactionOpen(c.db))
        return;
    QSqlQuery q(c.db);
    if (!q.exec(QStringLiteral("ROLLBACK TO rq%1").arg(m_savepoint))
        || !q.exec(QStringLiteral("RELEASE rq%1").arg(m_savepoint)))
        qCWarning(lcDb) << "rollback to a savepoint failed:" << q.lastError().text();
    ++m_db.m_localWrites;
}

void Database::WriteRequest::commit()
{
    if (m_done)
        return;
    m_done = true;
    if (!m_active)
        return;
    --m_db.m_writer.depth;
    m_db.statementOn(m_db.m_writer, QStringLiteral("RELEASE rq%1").arg(m_savepoint)).exec();
}

void Database::abandonBatch()
{
    if (!m_batchOpen || m_committing)
        return;
    m_batchOpen = false;
    m_writer.depth = 0;
    ++m_localWrites;
    if (m_batchBegun && transactionOpen(m_writer.db)) {
        QSqlQuery rollback(m_writer.db);
        if (!rollback.exec(QStringLiteral("ROLLBACK")))
            qCWarning(lcDb) << "rollback failed:" << rollback.lastError().text();
    }
    m_batchBegun = false;
}

bool Database::batchAlive() const
{
    return m_batchOpen && (!m_batchBegun || transactionOpen(m_writer.db));
}

QFuture<Database::CommitResult> Database::commitBatch()
{
    Q_ASSERT(m_batchOpen && !m_committing);
    m_committing = true;
    sqlite3 *handle = handleOf(m_writer.db);
    auto promise = std::make_shared<QPromise<CommitResult>>();
    m_commitFuture = promise->future();
    promise->start();
    if (!m_batchBegun) {
        // Nothing was written: nothing to commit or sync.
        promise->addResult(CommitResult());
        promise->finish();
        return m_commitFuture;
    }
    // One short-lived thread per batch: at most one batch commits at a time,
    // and a thread start is small beside the sync it waits for. The writer
    // connection is used by nobody else until endBatch().
    std::thread([promise, handle]() {
        CommitResult result;
        if (!handle) {
            result.ok = false;
            result.message = QStringLiteral("no SQLite handle");
        } else {
            char *message = nullptr;
            const int rc = sqlite3_exec(handle, "COMMIT", nullptr, nullptr, &message);
            if (rc != SQLITE_OK) {
                result.ok = false;
                result.code = sqlite3_extended_errcode(handle);
                result.message = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
            }
            sqlite3_free(message);
        }
        promise->addResult(result);
        promise->finish();
    }).detach();
    return m_commitFuture;
}

Database::CommitResult Database::endBatch()
{
    if (!m_committing)
        return m_lastCommit;
    m_commitFuture.waitForFinished();
    m_lastCommit = m_commitFuture.result();
    m_committing = false;
    m_batchOpen = false;
    m_writer.depth = 0;
    ++m_localWrites;
    const bool wrote = m_batchBegun;
    m_batchBegun = false;
    if (m_lastCommit.ok) {
        if (wrote)
            ++m_syncedCommits;
    } else {
        qCWarning(lcDb) << "a batch's commit failed:" << m_lastCommit.message;
        if (transactionOpen(m_writer.db)) {
            QSqlQuery rollback(m_writer.db);
            if (!rollback.exec(QStringLiteral("ROLLBACK")))
                qCWarning(lcDb) << "rollback failed:" << rollback.lastError().text();
        }
    }
    return m_lastCommit;
}

Database::ReadTransaction::ReadTransaction(Database &db)
{
    if (!db.isOpen())
        return;
    Connection &c = db.current();
    if (c.depth > 0)
        return;
    if (&c == &db.m_writer && db.m_committing)
        db.endBatch();
    // Prepared once and run outside Statement: these two change nothing,
    // so they must not move the generation. A deferred BEGIN takes no lock
    // until the first read.
    if (!c.begin.exec())
        throw errorFrom(c.begin.lastError(), QStringLiteral("BEGIN failed"));
    m_connection = &c;
    ++c.depth;
}

Database::ReadTransaction::~ReadTransaction()
{
    if (!m_connection)
        return;
    --m_connection->depth;
    if (!m_connection->commit.exec()) {
        qCWarning(lcDb) << "ending a read transaction failed:" << m_connection->commit.lastError().text();
        QSqlQuery rollback(m_connection->db);
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
}

Database::Transaction::Transaction(Database &db)
    : m_db(db)
{
    if (db.m_committing)
        db.endBatch();
    db.prepareWrite();
    Connection &c = db.m_writer;
    m_outer = c.depth == 0;
    if (m_outer) {
        // IMMEDIATE takes the write lock now, so a transaction never fails
        // half-way on a lock upgrade; the busy timeout covers the wait.
        db.execute(QStringLiteral("BEGIN IMMEDIATE"));
    } else {
        m_savepoint = c.depth;
        db.statementOn(c, QStringLiteral("SAVEPOINT sp%1").arg(m_savepoint)).exec();
    }
    ++c.depth;
}

Database::Transaction::~Transaction()
{
    Connection &c = m_db.m_writer;
    --c.depth;
    if (m_done || !transactionOpen(c.db))
        return;
    QSqlQuery q(c.db);
    if (m_outer) {
        if (!q.exec(QStringLiteral("ROLLBACK")))
            qCWarning(lcDb) << "rollback failed:" << q.lastError().text();
        return;
    }
    // Undo this savepoint's writes only, then drop it; cached readers of the
    // generation must see that something changed back.
    if (!q.exec(QStringLiteral("ROLLBACK TO sp%1").arg(m_savepoint))
        || !q.exec(QStringLiteral("RELEASE sp%1").arg(m_savepoint)))
        qCWarning(lcDb) << "rollback to a savepoint failed:" << q.lastError().text();
    ++m_db.m_localWrites;
}

void Database::Transaction::commit()
{
    if (m_done)
        return;
    if (m_outer) {
        m_db.execute(QStringLiteral("COMMIT"));
        ++m_db.m_localWrites;
        ++m_db.m_syncedCommits;
    } else {
        m_db.statementOn(m_db.m_writer, QStringLiteral("RELEASE sp%1").arg(m_savepoint)).exec();
    }
    m_done = true;
}

} // namespace LittleLemon::Server
