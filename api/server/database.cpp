#include "api/server/database.h"

#include "sql/migration.h"

#include <QFile>
#include <QLoggingCategory>
#include <QPromise>
#include <QSqlError>

#include <sqlite3.h>

#include <sys/stat.h>

#include <chrono>
#include <thread>

namespace LittleLemon::Server {

Q_LOGGING_CATEGORY(lcDb, "littlelemon.server.db", QtInfoMsg)

// SQLite checkpoints the WAL (copies its pages into the database file and
// syncs it) inside the COMMIT that takes it past 1,000 pages: a tenth of the
// batches took 11 ms instead of 3.5 ms under bench/load, and every write of
// those batches waited for it. With a reader, the writer's WAL hook hands
// that to a thread of its own instead, with its own connection: a PASSIVE
// checkpoint copies what no reader still needs while the next batch goes
// on. It runs with synchronous=FULL too (the WAL synced before copying, the
// database after), so nothing acknowledged depends on it.
struct Database::Checkpointer
{
    static constexpr int kPages = 1000; // SQLite's own wal_autocheckpoint
    sqlite3 *handle = nullptr;
    std::atomic<bool> running { false };

    ~Checkpointer()
    {
        if (handle)
            sqlite3_close_v2(handle);
    }

    static int onWal(void *context, sqlite3 *, const char *, int pages)
    {
        auto *c = static_cast<Checkpointer *>(context);
        if (pages < kPages || c->running.exchange(true))
            return SQLITE_OK;
        // Database::close() waits for `running` to drop, so `c` outlives the thread.
        std::thread([c] {
            const int rc = sqlite3_wal_checkpoint_v2(c->handle, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            if (rc != SQLITE_OK && rc != SQLITE_BUSY)
                qCWarning(lcDb) << "a WAL checkpoint failed:" << sqlite3_errstr(rc);
            c->running = false;
        }).detach();
        return SQLITE_OK;
    }
};

Database::Database()
{
    // Our own writes move the generation (data_version only sees others').
    m_writer.setChangeCounter(&m_localWrites);
    m_reader.setChangeCounter(&m_localWrites);
    // Dynamic statements come from a bounded set of shapes; the cap is a
    // backstop, not a policy (Statements keep their query alive).
    m_writer.setStatementCap(512);
    m_reader.setStatementCap(512);
}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (m_committing)
        endBatch();
    abandonBatch();
    if (m_checkpointer) {
        if (sqlite3 *writer = m_writer.handle())
            sqlite3_wal_hook(writer, nullptr, nullptr);
        while (m_checkpointer->running)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        m_checkpointer.reset();
    }
    m_reader.close();
    m_writer.close();
}

bool Database::open(const QString &path, const QList<Migration> &migrations, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    m_path = path;
    m_walPath = QFile::encodeName(path + QStringLiteral("-wal"));
    m_externalVersion = -1;
    m_clock.start();
    QString why;
    if (!m_writer.open(path, &why))
        return fail(why);
    // WAL lets the command-line tools and backups read while the server
    // writes. FULL: the WAL is synced at every commit, so an answered write
    // survives a power cut (NORMAL only survives a crash of this process).
    if (!m_writer.setJournal(QStringLiteral("main"), QStringLiteral("FULL"), &why)
        || !m_writer.enableForeignKeys(&why))
        return fail(QStringLiteral("%1: %2").arg(path, why));
    try {
        execute(QStringLiteral("PRAGMA temp_store=MEMORY"));
    } catch (const StorageError &e) {
        return fail(QString::fromStdString(e.what()));
    }
    QList<Sql::MigrationLadder::Step> steps;
    steps.reserve(migrations.size());
    for (const Migration &m : migrations)
        steps.append([this, m](Sql::Connection &) { m(*this); });
    Sql::MigrationLadder ladder(std::move(steps));
    const bool migrated = ladder.run(m_writer, QStringLiteral("main"), &why);
    m_versionAtOpen = qMax(0, ladder.versionFound());
    m_version = qMax(0, ladder.version());
    if (!migrated)
        return fail(why);
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
    if (!openReadOnly(error))
        return false;
    auto checkpointer = std::make_unique<Checkpointer>();
    const QByteArray path = QFile::encodeName(m_path);
    if (sqlite3_open_v2(path.constData(), &checkpointer->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr)
            != SQLITE_OK
        || sqlite3_exec(checkpointer->handle, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr) != SQLITE_OK) {
        const QString why = QString::fromUtf8(sqlite3_errmsg(checkpointer->handle));
        m_reader.close();
        return fail(QStringLiteral("cannot open the checkpointing connection: %1").arg(why));
    }
    m_checkpointer = std::move(checkpointer);
    // Replaces SQLite's automatic checkpoint on the writer (also a WAL hook).
    sqlite3_wal_hook(m_writer.handle(), &Checkpointer::onWal, m_checkpointer.get());
    return true;
}

bool Database::openFollower(const Database &leader, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!leader.isOpen() || isOpen())
        return fail(QStringLiteral("a follower opens once, after its leader"));
    // Only what its readers ask: the file and the schema version (its
    // generation() is never asked: the leader's page cache uses the leader's).
    m_leader = &leader;
    m_path = leader.m_path;
    m_version = leader.m_version;
    m_versionAtOpen = leader.m_versionAtOpen;
    return openReadOnly(error);
}

bool Database::openReadOnly(QString *error)
{
    auto fail = [this, error](const QString &why) {
        m_reader.close();
        if (error)
            *error = why;
        return false;
    };
    QString why;
    if (!m_reader.open(m_path, &why))
        return fail(QStringLiteral("for reading: %1").arg(why));
    // Reads only: a write that reached this connection by mistake would wait
    // for the writer's lock on the thread that holds it.
    try {
        m_reader.execute(QStringLiteral("PRAGMA query_only=ON"));
        m_reader.execute(QStringLiteral("PRAGMA temp_store=MEMORY"));
    } catch (const StorageError &e) {
        return fail(QStringLiteral("cannot set up the reader: %1").arg(QString::fromStdString(e.what())));
    }
    return true;
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
    if (!reads)
        refuseOnFollower(sql);
    Sql::Connection &c = usesReader() && reads ? m_reader : m_writer;
    if (&c == &m_writer && m_committing)
        endBatch();
    if (!reads)
        prepareWrite();
    return c.statement(sql);
}

void Database::refuseOnFollower(const QString &sql) const
{
    if (m_leader)
        throw StorageError(StorageError::Kind::Other, QStringLiteral("a write on a read-only follower: %1").arg(sql));
}

void Database::execute(const QString &sql)
{
    refuseOnFollower(sql);
    if (m_committing)
        endBatch();
    m_writer.execute(sql);
}

QVariant Database::scalar(const QString &sql)
{
    if (m_committing)
        endBatch();
    return m_writer.scalar(sql);
}

qint64 Database::generation()
{
    // data_version moves when another connection commits (with a reader,
    // that includes our writer); our own statements and commits are counted
    // in m_localWrites. Asking SQLite takes a read transaction (file locks):
    // a tenth of a cached answer's cost. So it is asked only when the WAL
    // file changed (size, times, inode) since the last look, or when the last
    // answer is older than kExternalRecheckMs: a command-line tool's commit
    // that a look caught half-written (its frames written, not yet visible)
    // is seen at the latest that much later.
    const WalStamp stamp = walStamp();
    const qint64 now = m_clock.elapsed();
    if (m_externalVersion < 0 || stamp != m_walStamp || now - m_externalCheckedAt >= kExternalRecheckMs) {
        Sql::Connection &c = hasReader() ? m_reader : current();
        if (&c == &m_writer && m_committing)
            endBatch();
        const qint64 seen = dataVersion(c);
        // The reader's data_version also moves with our own writer's commits;
        // the writer's moves only with another process's. While our batch
        // holds the write lock (asked right after taking it, prepareWrite()),
        // no other process can have committed.
        if (seen != m_externalVersion && !m_batch)
            checkForeign();
        m_externalVersion = seen;
        m_walStamp = stamp; // taken before asking: a commit in between is seen next time
        m_externalCheckedAt = now;
    }
    return (m_externalVersion << 32) + m_localWrites;
}

void Database::watchRowSet(const QByteArray &table)
{
    watch(table, false);
}

void Database::watchTable(const QByteArray &table)
{
    watch(table, true);
}

const Database::RowSet *Database::rowSet(const QByteArray &table) const
{
    for (const RowSet &r : m_rowSets) {
        if (r.table == table)
            return &r;
    }
    return nullptr;
}

bool Database::rowSetShuffling(const QByteArray &table) const
{
    if (m_leader)
        return m_leader->rowSetShuffling(table);
    const std::lock_guard lock(m_rowSetLock);
    const RowSet *r = rowSet(table);
    return r && r->pending;
}

void Database::watch(const QByteArray &table, bool everyChange)
{
    {
        const std::lock_guard lock(m_rowSetLock);
        if (rowSet(table))
            return;
    }
    RowSet r;
    r.table = table;
    r.everyChange = everyChange;
    // The table name comes from our code, not from a request.
    r.topId = scalar(QStringLiteral("SELECT max(rowid) FROM %1").arg(QString::fromLatin1(table))).toLongLong();
    {
        const std::lock_guard lock(m_rowSetLock);
        m_rowSets.append(r);
    }
    sqlite3_update_hook(m_writer.handle(), &Database::onUpdate, this);
    checkForeign();
}

qint64 Database::rowSetVersion(const QByteArray &table) const
{
    if (m_leader)
        return m_leader->rowSetVersion(table);
    const std::lock_guard lock(m_rowSetLock);
    const RowSet *r = rowSet(table);
    if (!r || m_foreignVersion < 0)
        return -1; // not watched, or another process may have committed: not known yet
    return (m_foreignVersion << 32) + r->version;
}

qint64 Database::dataVersion(Sql::Connection &connection)
{
    Statement s = connection.statement(QStringLiteral("PRAGMA data_version"));
    s.exec();
    return s.next() ? s.integer(0) : 0;
}

void Database::checkForeign()
{
    // The writer's data_version moves only when another process commits.
    // While a batch commits on its helper thread the writer is not ours to
    // ask: unknown until endBatch() asks.
    if (m_committing || !m_writer.isOpen()) {
        const std::lock_guard lock(m_rowSetLock);
        m_foreignVersion = -1;
        return;
    }
    const qint64 seen = dataVersion(m_writer);
    const std::lock_guard lock(m_rowSetLock);
    m_foreignVersion = seen;
}

void Database::onUpdate(void *self, int op, const char * /*database*/, const char *table, long long rowid)
{
    auto *db = static_cast<Database *>(self);
    const std::lock_guard lock(db->m_rowSetLock);
    for (RowSet &r : db->m_rowSets) {
        if (r.table != table)
            continue;
        const bool atTop = op == SQLITE_INSERT && rowid > r.topId;
        if (atTop)
            r.topId = rowid; // a new row at the top: the positions below it stand
        if (r.everyChange || (!atTop && (op == SQLITE_INSERT || op == SQLITE_DELETE))) {
            ++r.version;
            r.pending = true;
        }
    }
}

void Database::rowSetsSettled()
{
    const std::lock_guard lock(m_rowSetLock);
    for (RowSet &r : m_rowSets) {
        if (r.pending) {
            r.pending = false;
            ++r.version;
        }
    }
}

Database::WalStamp Database::walStamp() const
{
    WalStamp stamp;
    struct stat st;
    if (::stat(m_walPath.constData(), &st) == 0) {
        stamp.inode = qint64(st.st_ino);
        stamp.size = qint64(st.st_size);
        stamp.modified = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        stamp.changed = qint64(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
    }
    return stamp;
}

void Database::beginBatch()
{
    if (m_committing)
        endBatch();
    Q_ASSERT(m_writer.depth() == 0);
    // The write lock is taken at the batch's first write (prepareWrite()):
    // requests that only read (a sign-in, a refusal before any write) never
    // wait for it, as before group commit.
    m_batchOpen = true;
    ++m_batchSerial;
    m_lastCommit = CommitResult();
}

void Database::prepareWrite()
{
    // IMMEDIATE: the busy timeout covers a command-line tool's lock.
    if (m_batchOpen && !m_batch && !m_committing) {
        m_batch.emplace(m_writer);
        if (!m_rowSets.isEmpty())
            checkForeign(); // under the lock: stands until endBatch()
    }
    if (m_request && !m_request->m_savepoint)
        m_request->m_savepoint.emplace(m_writer);
}

Sql::Connection &Database::writerForWrite()
{
    if (m_committing)
        endBatch();
    prepareWrite();
    return m_writer;
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
    // Without commit(), the savepoint's destructor undoes this request's writes.
}

void Database::WriteRequest::commit()
{
    if (m_done)
        return;
    m_done = true;
    if (m_savepoint)
        m_savepoint->commit();
}

void Database::abandonBatch()
{
    if (!m_batchOpen || m_committing)
        return;
    m_batchOpen = false;
    ++m_localWrites;
    // Rolls back what SQLite left of the transaction, if anything.
    m_batch.reset();
    rowSetsSettled();
}

bool Database::batchAlive() const
{
    return m_batchOpen && (!m_batch || m_writer.inTransaction());
}

QFuture<Database::CommitResult> Database::commitBatch()
{
    Q_ASSERT(m_batchOpen && !m_committing);
    m_committing = true;
    sqlite3 *handle = m_writer.handle();
    auto promise = std::make_shared<QPromise<CommitResult>>();
    m_commitFuture = promise->future();
    promise->start();
    if (!m_batch) {
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
    ++m_localWrites;
    const bool wrote = m_batch.has_value();
    if (m_lastCommit.ok) {
        if (m_batch)
            m_batch->forget(); // committed on the helper thread
        if (wrote)
            ++m_syncedCommits;
    } else {
        qCWarning(lcDb) << "a batch's commit failed:" << m_lastCommit.message;
    }
    // After a failed commit, rolls back what is left.
    m_batch.reset();
    rowSetsSettled();
    if (m_foreignVersion < 0 && !m_rowSets.isEmpty())
        checkForeign();
    return m_lastCommit;
}

Database::ReadTransaction::ReadTransaction(Database &db)
{
    if (!db.isOpen())
        return;
    Sql::Connection &c = db.current();
    if (c.depth() > 0)
        return;
    if (&c == &db.m_writer && db.m_committing)
        db.endBatch();
    // Prepared once and run outside Statement: these two change nothing,
    // so they must not move the generation.
    c.beginRead();
    m_connection = &c;
}

Database::ReadTransaction::~ReadTransaction()
{
    if (m_connection)
        m_connection->endRead();
}

Database::Transaction::Transaction(Database &db)
    : m_db(db)
    , m_tx(db.writerForWrite())
{
}

Database::Transaction::~Transaction()
{
    // Committed or rolled back (m_tx's destructor, right after): what it
    // shuffled of a watched table is what readers see from now on.
    if (m_tx.isOuter())
        m_db.rowSetsSettled();
}

void Database::Transaction::commit()
{
    const bool outer = m_tx.isOuter() && !m_tx.isDone();
    m_tx.commit();
    if (outer) {
        ++m_db.m_syncedCommits;
        ++m_db.m_localWrites; // now visible to the reader: cached answers are stale
    }
}

} // namespace LittleLemon::Server
