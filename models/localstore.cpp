#include "models/localstore.h"

#include "models/privatefiles.h"

#include "models/localstore_p.h"
#include "models/recordjson.h"

#include "sql/migration.h"
#include "sql/storageerror.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

Q_LOGGING_CATEGORY(lcStore, "littlelemon.store")
Q_LOGGING_CATEGORY(lcOutbox, "littlelemon.store.outbox")

namespace LittleLemon {

namespace {

const QString kMetaFeatures = QStringLiteral("server_features");
const QString kMetaChangeSeq = QStringLiteral("change_seq");
const QString kMetaLastSync = QStringLiteral("last_sync");
const QString kMetaUserId = QStringLiteral("current_user_id");
const QString kMetaUserName = QStringLiteral("current_user_name");
const QString kMetaUserGroups = QStringLiteral("current_user_groups");
const QString kMetaUserStaff = QStringLiteral("current_user_staff");

// Schema steps, one list per version; version N is reached by running
// steps[N-1] in one transaction together with the user_version bump.
const QList<QStringList> kOutboxSteps = {
    {
        QStringLiteral("CREATE TABLE main.outbox ("
                       " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " uuid TEXT NOT NULL UNIQUE,"
                       " entity TEXT NOT NULL,"
                       " scope TEXT NOT NULL DEFAULT '',"
                       " target_id INTEGER NOT NULL,"
                       " operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete')),"
                       " method TEXT NOT NULL,"
                       " path TEXT NOT NULL,"
                       " body BLOB,"
                       " overlay BLOB,"
                       " base BLOB,"
                       " etag BLOB,"
                       " summary TEXT NOT NULL DEFAULT '',"
                       " state TEXT NOT NULL DEFAULT 'pending'"
                       "  CHECK (state IN ('pending', 'sending', 'failed', 'conflict')),"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " last_error TEXT,"
                       " server_value BLOB,"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX main.outbox_target ON outbox (entity, scope, target_id)"),
        QStringLiteral("CREATE INDEX main.outbox_state ON outbox (state)"),
        QStringLiteral("CREATE TABLE main.outbox_meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID"),
    },
    // 2: typed commands. Entries queued before keep method, path and body and
    // are read as the command they were (OutboxCommand::fromLegacy) until
    // their next save writes the command; new entries leave those empty.
    {
        QStringLiteral("ALTER TABLE main.outbox ADD COLUMN command TEXT"),
        QStringLiteral("ALTER TABLE main.outbox ADD COLUMN payload BLOB"),
    },
};

const QList<QStringList> kCacheSteps = {
    {
        QStringLiteral("CREATE TABLE cache.server_copy ("
                       " entity TEXT NOT NULL, scope TEXT NOT NULL DEFAULT '', id INTEGER NOT NULL,"
                       " json BLOB NOT NULL, etag BLOB, feed_id INTEGER,"
                       " PRIMARY KEY (entity, scope, id)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX cache.server_copy_feed ON server_copy (entity, feed_id)"
                       " WHERE feed_id IS NOT NULL"),
        QStringLiteral("CREATE TABLE cache.categories ("
                       " id INTEGER PRIMARY KEY, slug TEXT NOT NULL, title TEXT NOT NULL,"
                       " sync_state INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE cache.menu_items ("
                       " id INTEGER PRIMARY KEY, title TEXT NOT NULL, price_cents INTEGER NOT NULL,"
                       " featured INTEGER NOT NULL, category_id INTEGER NOT NULL, available INTEGER NOT NULL,"
                       " sync_state INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX cache.menu_items_category ON menu_items (category_id)"),
        QStringLiteral(
            "CREATE TABLE cache.orders ("
            " id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, delivery_crew INTEGER,"
            " status INTEGER NOT NULL, total_cents INTEGER NOT NULL, date TEXT NOT NULL, stage TEXT,"
            " note TEXT NOT NULL DEFAULT '', placed_at INTEGER, items_summary TEXT NOT NULL DEFAULT '',"
            " item_count INTEGER NOT NULL DEFAULT 0, sync_state INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX cache.orders_date ON orders (date)"),
        QStringLiteral(
            "CREATE TABLE cache.order_items ("
            " order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE ON UPDATE CASCADE,"
            " position INTEGER NOT NULL, menuitem INTEGER NOT NULL, title TEXT NOT NULL,"
            " quantity INTEGER NOT NULL, unit_price_cents INTEGER NOT NULL,"
            " price_cents INTEGER NOT NULL,"
            " PRIMARY KEY (order_id, position)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX cache.order_items_menuitem ON order_items (menuitem)"),
        QStringLiteral(
            "CREATE TABLE cache.order_history ("
            " order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE ON UPDATE CASCADE,"
            " position INTEGER NOT NULL, stage TEXT NOT NULL, by_user INTEGER NOT NULL, at INTEGER,"
            " PRIMARY KEY (order_id, position)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE cache.bookings ("
                       " id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, name TEXT NOT NULL,"
                       " phone TEXT NOT NULL DEFAULT '', date TEXT NOT NULL, time TEXT NOT NULL,"
                       " guests INTEGER NOT NULL, table_id INTEGER, notes TEXT NOT NULL DEFAULT '',"
                       " status TEXT NOT NULL, sync_state INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX cache.bookings_date ON bookings (date, time)"),
        QStringLiteral("CREATE TABLE cache.dining_tables ("
                       " id INTEGER PRIMARY KEY, name TEXT NOT NULL, seats INTEGER NOT NULL,"
                       " sync_state INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE cache.group_members ("
                       " group_name TEXT NOT NULL, user_id INTEGER NOT NULL, username TEXT NOT NULL,"
                       " email TEXT NOT NULL DEFAULT '', sync_state INTEGER NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (group_name, user_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE cache.sync_meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID"),
    },
    // Issue 17: a line's note ("no onions", our server's line_notes).
    { QStringLiteral("ALTER TABLE cache.order_items ADD COLUMN note TEXT NOT NULL DEFAULT ''") },
};

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

SyncState syncFrom(const QVariant &v)
{
    const int n = v.toInt();
    return n >= 0 && n <= 3 ? SyncState(n) : SyncState::Synced;
}

} // namespace

QVariant nullableId(const std::optional<qint64> &id)
{
    return id ? QVariant(*id) : QVariant();
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// ---- LocalStorePrivate: SQL and transactions --------------------------------

LocalStorePrivate::LocalStorePrivate(LocalStore *owner)
    : q(owner)
{ }

QSqlQuery *LocalStorePrivate::prepared(const QString &statement)
{
    QSqlError e;
    QSqlQuery *query = sql.prepared(statement, &e);
    if (!query)
        fail(QStringLiteral("prepare"), e);
    return query;
}

bool LocalStorePrivate::run(QSqlQuery *query, const QVariantList &values)
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

bool LocalStorePrivate::runSql(const QString &statement, const QVariantList &values)
{
    QSqlQuery *query = prepared(statement);
    if (!run(query, values))
        return false;
    query->finish();
    return true;
}

void LocalStorePrivate::fail(const QString &what, const QSqlError &sqlError)
{
    fail(what + QStringLiteral(": ") + sqlError.text());
}

void LocalStorePrivate::fail(const QString &message)
{
    error = message;
    if (sql.depth() > 0)
        transactionFailed = true;
    qCWarning(lcStore).noquote() << message;
}

bool LocalStorePrivate::begin()
{
    if (!isOpen) {
        error = QStringLiteral("The local store is not open");
        return false;
    }
    if (sql.depth() == 0)
        transactionFailed = false;
    // BEGIN IMMEDIATE (the outermost level) takes the write lock on both files
    // at once, waiting out the busy timeout, so another process using the
    // same store, such as littlelemon-cli next to the app, never makes a
    // half-done edit fail at its first write.
    try {
        sql.begin();
    } catch (const Sql::StorageError &e) {
        fail(QStringLiteral("begin: ") + QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

void LocalStorePrivate::dropTracked()
{
    tracks.clear();
    outboxTrack.clear();
    metaTouched = false;
}

bool LocalStorePrivate::commit()
{
    Q_ASSERT(sql.depth() > 0);
    const int level = sql.depth() - 1;
    if (level > 0) {
        try {
            sql.commit(level);
        } catch (const Sql::StorageError &e) {
            sql.rollback(level);
            fail(QStringLiteral("commit: ") + QString::fromStdString(e.what()));
        }
        return !transactionFailed;
    }
    // Statements still holding read cursors would make COMMIT fail with "SQL
    // statements in progress".
    sql.finishAll();
    bool committed = false;
    if (!transactionFailed) {
        try {
            sql.commit(0);
            committed = true;
        } catch (const Sql::StorageError &e) {
            fail(QStringLiteral("commit: ") + QString::fromStdString(e.what()));
        }
    }
    if (!committed) {
        sql.rollback(0);
        dropTracked();
        return false;
    }
    emitTracked();
    return true;
}

void LocalStorePrivate::rollback()
{
    Q_ASSERT(sql.depth() > 0);
    transactionFailed = true;
    const int level = sql.depth() - 1;
    if (level == 0)
        sql.finishAll();
    // An inner level undoes its own writes; the outermost one still rolls
    // everything back, as transactionFailed is set.
    sql.rollback(level);
    if (level == 0)
        dropTracked();
}

// ---- files, schema, recovery -------------------------------------------------

LocalStore::Paths LocalStore::pathsFor(const QString &serverKey, const QString &username)
{
    const QString key = normalizedServerKey(serverKey);
    const QUrl url(key);
    QString host = url.host().isEmpty() ? key : url.host();
    if (url.port() > 0)
        host += u'-' + QString::number(url.port());
    // Readable for a person looking in the folder, unique through the hash.
    QString readable;
    const QString label = host + u'-' + username;
    for (const QChar c : label)
        readable += (c.isLetterOrNumber() || c == u'-' || c == u'.') ? c : QChar(u'_');
    const QByteArray hash
        = QCryptographicHash::hash(QString(key + u'\n' + username).toUtf8(), QCryptographicHash::Sha256)
              .toHex()
              .left(12);
    const QString dir
        = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/cache");
    const QString stem = dir + u'/' + readable.left(80) + u'-' + QString::fromLatin1(hash);
    return { stem + QStringLiteral(".cache.sqlite"), stem + QStringLiteral(".outbox.sqlite") };
}

QString LocalStore::normalizedServerKey(const QString &serverKey)
{
    QUrl url = QUrl::fromUserInput(serverKey.trimmed());
    if (!url.isValid())
        return serverKey.trimmed().toLower();
    url.setScheme(url.scheme().toLower());
    url.setHost(url.host().toLower());
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    url.setUserInfo(QString());
    return url.toString();
}

LocalStore::LocalStore(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<LocalStorePrivate>(this))
{
    qRegisterMetaType<LittleLemon::StoreChange>();
    qRegisterMetaType<LittleLemon::OutboxChange>();
}

LocalStore::~LocalStore()
{
    close();
}

bool LocalStore::open(const Paths &paths)
{
    close();
    d->paths = paths;
    d->report = OpenReport();
    d->error.clear();
    if (!d->openFiles()) {
        const QString why = d->error;
        close();
        d->error = why;
        return false;
    }
    return true;
}

void LocalStore::close()
{
    if (!d->sql.isValid())
        return;
    d->tracks.clear();
    d->outboxTrack.clear();
    if (d->sql.isOpen()) {
        d->sql.finishAll();
        // Leave the files checkpointed, so a copy of them is complete.
        QSqlQuery(QStringLiteral("PRAGMA main.wal_checkpoint(TRUNCATE)"), d->db);
        if (d->isOpen)
            QSqlQuery(QStringLiteral("PRAGMA cache.wal_checkpoint(TRUNCATE)"), d->db);
    }
    d->sql.close();
    d->isOpen = false;
}

bool LocalStore::isOpen() const
{
    return d->isOpen;
}

QString LocalStore::errorString() const
{
    return d->error;
}

const LocalStore::OpenReport &LocalStore::openReport() const
{
    return d->report;
}

LocalStore::Paths LocalStore::paths() const
{
    return d->paths;
}

QString LocalStore::connectionName() const
{
    return d->sql.isValid() ? d->sql.name() : QString();
}

bool LocalStorePrivate::openFiles()
{
    for (const QString &path : { paths.cache, paths.outbox }) {
        if (path.isEmpty()) {
            error = QStringLiteral("No file given for the local store");
            return false;
        }
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            error = QStringLiteral("Cannot create the folder for %1").arg(path);
            return false;
        }
        // Staff and guests' names and phones: the user's alone, also when an
        // older version or another umask left them readable by others.
        PrivateFiles::directory(QFileInfo(path).absolutePath());
        PrivateFiles::database(path);
    }
    if (!openOutbox() || !attachCache())
        return false;
    isOpen = true;
    if (!migrateCache() || !reconcile()) {
        isOpen = false;
        return false;
    }
    qCInfo(lcStore) << "opened" << paths.cache << "with" << q->outboxCount() << "outbox entries";
    return true;
}

bool LocalStorePrivate::openOutbox()
{
    // The outbox is the connection's main database: SQLite commits the main
    // database's WAL first, so a crash between the two files' commits leaves
    // an outbox entry without its cache change (which reconcile() restores),
    // never a cache change without its entry.
    for (int attempt = 0; attempt < 2; ++attempt) {
        bool healthy = sql.open(paths.outbox, nullptr) && quickCheck(QStringLiteral("main"));
        if (healthy) {
            const int found = sql.userVersion(QStringLiteral("main"));
            if (found > LocalStore::kOutboxSchemaVersion) {
                // Written by a newer version: never throw the user's work away.
                error = QStringLiteral(
                    "The outbox %1 was written by a newer version of Little Lemon (schema %2)")
                            .arg(paths.outbox)
                            .arg(found);
                return false;
            }
            if (found < 0)
                healthy = false;
        }
        if (healthy) {
            if (!setJournal(QStringLiteral("main"), QStringLiteral("FULL")))
                return false;
            if (!sql.enableForeignKeys(nullptr)) {
                error = QStringLiteral("SQLite refused foreign keys");
                return false;
            }
            return migrateOutbox();
        }
        if (attempt > 0)
            break;
        qCCritical(lcStore) << "the outbox" << paths.outbox << "is damaged; setting it aside";
        sql.close();
        report.outboxRebuilt = true;
        report.outboxSetAsidePath = setAside(paths.outbox);
        if (report.outboxSetAsidePath.isEmpty())
            return false;
    }
    if (error.isEmpty())
        error = QStringLiteral("Cannot open the outbox %1: %2").arg(paths.outbox, db.lastError().text());
    return false;
}

bool LocalStorePrivate::attachCache()
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        QSqlQuery attach(db);
        attach.prepare(QStringLiteral("ATTACH DATABASE ? AS cache"));
        attach.addBindValue(paths.cache);
        bool healthy = attach.exec() && quickCheck(QStringLiteral("cache"));
        if (healthy) {
            const int found = sql.userVersion(QStringLiteral("cache"));
            // A cache from a newer version is just a cache: rebuild it.
            healthy = found >= 0 && found <= LocalStore::kCacheSchemaVersion;
        }
        if (healthy)
            return setJournal(QStringLiteral("cache"), QStringLiteral("NORMAL"));
        if (attempt > 0)
            break;
        qCWarning(lcStore) << "the cache" << paths.cache << "is damaged or unreadable; rebuilding it";
        QSqlQuery(QStringLiteral("DETACH DATABASE cache"), db);
        report.cacheRebuilt = true;
        report.cacheSetAsidePath = setAside(paths.cache);
        if (report.cacheSetAsidePath.isEmpty())
            return false;
    }
    error = QStringLiteral("Cannot open the cache %1: %2").arg(paths.cache, db.lastError().text());
    return false;
}

bool LocalStorePrivate::quickCheck(const QString &schema)
{
    return sql.quickCheck(schema);
}

bool LocalStorePrivate::setJournal(const QString &schema, const QString &synchronous)
{
    return sql.setJournal(schema, synchronous, &error);
}

QString LocalStorePrivate::setAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QString target = path + QStringLiteral(".corrupt-") + stamp;
    if (QFile::exists(path) && !QFile::rename(path, target)) {
        error = QStringLiteral("Cannot move the damaged file %1 aside").arg(path);
        return QString();
    }
    // The write-ahead log belongs to the damaged file: a new file must not
    // replay it.
    if (QFile::exists(path + QStringLiteral("-wal")))
        QFile::rename(path + QStringLiteral("-wal"), target + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    qCWarning(lcStore) << "moved" << path << "to" << target;
    return target;
}

namespace {
// qBittorrent's pattern: each step and its version bump in one transaction.
bool runMigration(Sql::Connection &sql, const QString &schema, const QList<QStringList> &steps, int target,
    QString *error)
{
    QList<Sql::MigrationLadder::Step> ladder;
    for (int v = 0; v < target; ++v)
        ladder.append(Sql::MigrationLadder::statements(steps.at(v)));
    return Sql::MigrationLadder(ladder).run(sql, schema, error);
}
} // namespace

bool LocalStorePrivate::migrateOutbox()
{
    return runMigration(sql, QStringLiteral("main"), kOutboxSteps, LocalStore::kOutboxSchemaVersion, &error);
}

bool LocalStorePrivate::migrateCache()
{
    return runMigration(sql, QStringLiteral("cache"), kCacheSteps, LocalStore::kCacheSchemaVersion, &error);
}

bool LocalStorePrivate::reconcile()
{
    // After a crash: an entry caught while being sent goes back in the queue
    // (the engine resends it with the same Idempotency-Key); every record
    // with entries gets its row rebuilt from the server's copy and the
    // entries, which also repairs a cache that lost its last commit or was
    // rebuilt; rows of records made offline whose entries are gone vanish, and
    // rows marked unsent whose entries are gone (a lost outbox) show the
    // server's copy again.
    Transaction t(this);
    if (!t.ok())
        return false;
    QSqlQuery *requeue
        = prepared(QStringLiteral("UPDATE outbox SET state = 'pending' WHERE state = 'sending'"));
    if (!run(requeue))
        return false;
    report.requeued = requeue->numRowsAffected();
    if (report.requeued > 0)
        qCInfo(lcOutbox) << report.requeued
                         << "entries were being sent when the program stopped; queued again";

    struct Target
    {
        Entity entity;
        QString scope;
        qint64 id;
    };
    QList<Target> targets;
    QSqlQuery *all = prepared(QStringLiteral("SELECT DISTINCT entity, scope, target_id FROM outbox"));
    if (!run(all))
        return false;
    while (all->next()) {
        if (auto entity = entityFromWireName(all->value(0).toString()))
            targets.append({ *entity, all->value(1).toString(), all->value(2).toLongLong() });
    }
    all->finish();
    for (Entity entity : allEntities()) {
        const bool members = entity == Entity::GroupMember;
        // Rows marked unsent, or numbered locally, must be backed by entries.
        QSqlQuery *temps = prepared(members
                ? QStringLiteral(
                    "SELECT group_name, user_id FROM group_members WHERE user_id < 0 OR sync_state <> 0")
                : QStringLiteral("SELECT '', id FROM %1 WHERE id < 0 OR sync_state <> 0")
                      .arg(tableOf(entity)));
        if (!run(temps))
            return false;
        while (temps->next())
            targets.append({ entity, temps->value(0).toString(), temps->value(1).toLongLong() });
        temps->finish();
    }
    for (const Target &target : targets) {
        if (!recompute(target.entity, target.scope, target.id))
            return false;
    }
    return t.commit();
}

// ---- metadata -----------------------------------------------------------------

QString LocalStorePrivate::meta(const QString &key) const
{
    auto *self = const_cast<LocalStorePrivate *>(this);
    QSqlQuery *query = self->prepared(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?"));
    if (!self->run(query, { key }))
        return QString();
    const QString value = query->next() ? query->value(0).toString() : QString();
    query->finish();
    return value;
}

bool LocalStorePrivate::setMeta(const QString &key, const QString &value)
{
    if (!runSql(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES (?, ?)"
                               " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
            { key, text(value) }))
        return false;
    metaTouched = true;
    return true;
}

QStringList LocalStore::serverFeatures() const
{
    if (!d->isOpen)
        return {};
    const QString value = d->meta(kMetaFeatures);
    return value.isEmpty() ? QStringList() : value.split(u' ', Qt::SkipEmptyParts);
}

bool LocalStore::hasFeature(const QString &feature) const
{
    return serverFeatures().contains(feature);
}

bool LocalStore::setServerFeatures(const QStringList &features)
{
    return setMetaValue(kMetaFeatures, features.join(u' '));
}

qint64 LocalStore::changeSeq() const
{
    return d->isOpen ? d->meta(kMetaChangeSeq).toLongLong() : 0;
}

bool LocalStore::setChangeSeq(qint64 seq)
{
    return setMetaValue(kMetaChangeSeq, QString::number(seq));
}

QDateTime LocalStore::lastSyncTime() const
{
    if (!d->isOpen)
        return {};
    const QString value = d->meta(kMetaLastSync);
    return value.isEmpty() ? QDateTime() : QDateTime::fromString(value, Qt::ISODateWithMs).toUTC();
}

bool LocalStore::setLastSyncTime(const QDateTime &when)
{
    return setMetaValue(kMetaLastSync, when.toUTC().toString(Qt::ISODateWithMs));
}

qint64 LocalStore::currentUserId() const
{
    return d->isOpen ? d->meta(kMetaUserId).toLongLong() : 0;
}

bool LocalStore::setCurrentUserId(qint64 id)
{
    return setMetaValue(kMetaUserId, QString::number(id));
}

User LocalStore::currentUser() const
{
    User user;
    if (!d->isOpen)
        return user;
    // A copy synced before the groups were kept knows only the id: unknown.
    user.username = d->meta(kMetaUserName);
    if (user.username.isEmpty())
        return user;
    user.id = d->meta(kMetaUserId).toLongLong();
    // Group names have no tab in them; Qt::SkipEmptyParts: no groups, none.
    user.groups = d->meta(kMetaUserGroups).split(u'\t', Qt::SkipEmptyParts);
    user.isStaff = d->meta(kMetaUserStaff) == u"1";
    return user;
}

bool LocalStore::setCurrentUser(const User &user)
{
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok() || !d->setMeta(kMetaUserId, QString::number(user.id)) || !d->setMeta(kMetaUserName, user.username)
        || !d->setMeta(kMetaUserGroups, user.groups.join(u'\t'))
        || !d->setMeta(kMetaUserStaff, user.isStaff ? QStringLiteral("1") : QStringLiteral("0")))
        return false;
    return t.commit();
}

QString LocalStore::metaValue(const QString &key) const
{
    return d->isOpen ? d->meta(key) : QString();
}

bool LocalStore::setMetaValue(const QString &key, const QString &value)
{
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok() || !d->setMeta(key, value))
        return false;
    return t.commit();
}

// ---- reads --------------------------------------------------------------------

namespace {

Cached<Category> categoryRow(const QSqlQuery &q)
{
    Cached<Category> c;
    c.record.id = q.value(0).toLongLong();
    c.record.slug = q.value(1).toString();
    c.record.title = q.value(2).toString();
    c.sync = syncFrom(q.value(3));
    return c;
}

Cached<MenuItem> menuItemRow(const QSqlQuery &q)
{
    Cached<MenuItem> m;
    m.record.id = q.value(0).toLongLong();
    m.record.title = q.value(1).toString();
    m.record.price = Money(q.value(2).toLongLong());
    m.record.featured = q.value(3).toBool();
    m.record.category = q.value(4).toLongLong();
    m.record.available = q.value(5).toBool();
    m.sync = syncFrom(q.value(6));
    return m;
}

OrderSummary orderRow(const QSqlQuery &q)
{
    OrderSummary o;
    o.id = q.value(0).toLongLong();
    o.user = q.value(1).toLongLong();
    if (!q.value(2).isNull())
        o.deliveryCrew = q.value(2).toLongLong();
    o.status = q.value(3).toBool();
    o.total = Money(q.value(4).toLongLong());
    o.date = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    if (!q.value(6).isNull())
        o.stage = orderStageFromWire(q.value(6).toString());
    o.note = q.value(7).toString();
    if (!q.value(8).isNull())
        o.placedAt = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    o.itemsSummary = q.value(9).toString();
    o.itemCount = q.value(10).toInt();
    o.sync = syncFrom(q.value(11));
    return o;
}

Cached<Booking> bookingRow(const QSqlQuery &q)
{
    Cached<Booking> b;
    b.record.id = q.value(0).toLongLong();
    b.record.user = q.value(1).toLongLong();
    b.record.name = q.value(2).toString();
    b.record.phone = q.value(3).toString();
    b.record.date = QDate::fromString(q.value(4).toString(), Qt::ISODate);
    b.record.time = QTime::fromString(q.value(5).toString(), QStringLiteral("HH:mm"));
    b.record.guests = q.value(6).toInt();
    if (!q.value(7).isNull())
        b.record.table = q.value(7).toLongLong();
    b.record.notes = q.value(8).toString();
    b.record.status = bookingStatusFromWire(q.value(9).toString()).value_or(BookingStatus::Booked);
    b.sync = syncFrom(q.value(10));
    return b;
}

Cached<DiningTable> tableRow(const QSqlQuery &q)
{
    Cached<DiningTable> t;
    t.record.id = q.value(0).toLongLong();
    t.record.name = q.value(1).toString();
    t.record.seats = q.value(2).toInt();
    t.sync = syncFrom(q.value(3));
    return t;
}

Cached<GroupMember> memberRow(const QSqlQuery &q)
{
    Cached<GroupMember> m;
    m.record.group = q.value(0).toString();
    m.record.userId = q.value(1).toLongLong();
    m.record.username = q.value(2).toString();
    m.record.email = q.value(3).toString();
    m.sync = syncFrom(q.value(4));
    return m;
}

const QString kCategorySelect = QStringLiteral("SELECT id, slug, title, sync_state FROM categories");
const QString kMenuSelect = QStringLiteral(
    "SELECT id, title, price_cents, featured, category_id, available, sync_state FROM menu_items");
const QString kOrderSelect
    = QStringLiteral("SELECT id, user_id, delivery_crew, status, total_cents, date, stage, note, placed_at,"
                     " items_summary, item_count, sync_state FROM orders");
const QString kBookingSelect
    = QStringLiteral("SELECT id, user_id, name, phone, date, time, guests, table_id, notes,"
                     " status, sync_state FROM bookings");
const QString kTableSelect = QStringLiteral("SELECT id, name, seats, sync_state FROM dining_tables");
const QString kMemberSelect
    = QStringLiteral("SELECT group_name, user_id, username, email, sync_state FROM group_members");

// Reads rows with `select` + `tail`, converting each with `convert`.
template<typename T, typename Convert>
QList<T> readRows(LocalStorePrivate *d, const QString &sql, const QVariantList &values, Convert convert)
{
    QList<T> out;
    if (!d->isOpen)
        return out;
    QSqlQuery *query = d->prepared(sql);
    if (!d->run(query, values))
        return out;
    while (query->next())
        out.append(convert(*query));
    query->finish();
    return out;
}

template<typename T, typename Convert>
QList<T> readByIds(LocalStorePrivate *d, const QString &select, const QList<qint64> &ids, Convert convert)
{
    QList<T> out;
    forIdChunks(ids, [&](const QString &marks, const QVariantList &values) {
        out += readRows<T>(
            d, select + QStringLiteral(" WHERE id IN (%1) ORDER BY id").arg(marks), values, convert);
    });
    return out;
}

template<typename T> std::optional<T> first(const QList<T> &rows)
{
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

} // namespace

QList<Cached<Category>> LocalStore::categories() const
{
    return readRows<Cached<Category>>(
        d.get(), kCategorySelect + QStringLiteral(" ORDER BY title, id"), {}, categoryRow);
}

QList<Cached<Category>> LocalStore::categories(const QList<qint64> &ids) const
{
    return readByIds<Cached<Category>>(d.get(), kCategorySelect, ids, categoryRow);
}

std::optional<Cached<Category>> LocalStore::category(qint64 id) const
{
    return first(categories({ id }));
}

QList<Cached<MenuItem>> LocalStore::menuItems() const
{
    return readRows<Cached<MenuItem>>(d.get(), kMenuSelect + QStringLiteral(" ORDER BY id"), {}, menuItemRow);
}

QList<Cached<MenuItem>> LocalStore::menuItems(const QList<qint64> &ids) const
{
    return readByIds<Cached<MenuItem>>(d.get(), kMenuSelect, ids, menuItemRow);
}

std::optional<Cached<MenuItem>> LocalStore::menuItem(qint64 id) const
{
    return first(menuItems({ id }));
}

QList<OrderSummary> LocalStore::orderSummaries() const
{
    return readRows<OrderSummary>(d.get(), kOrderSelect + QStringLiteral(" ORDER BY id"), {}, orderRow);
}

QList<OrderSummary> LocalStore::orderSummaries(const QList<qint64> &ids) const
{
    return readByIds<OrderSummary>(d.get(), kOrderSelect, ids, orderRow);
}

std::optional<Cached<Order>> LocalStore::order(qint64 id) const
{
    const auto summary = first(orderSummaries({ id }));
    if (!summary)
        return std::nullopt;
    Cached<Order> out;
    Order &o = out.record;
    o.id = summary->id;
    o.user = summary->user;
    o.deliveryCrew = summary->deliveryCrew;
    o.status = summary->status;
    o.total = summary->total;
    o.date = summary->date;
    o.stage = summary->stage;
    o.note = summary->note;
    out.sync = summary->sync;
    o.items = readRows<OrderItem>(d.get(),
        QStringLiteral("SELECT menuitem, title, quantity, unit_price_cents, price_cents, note"
                       " FROM order_items WHERE order_id = ? ORDER BY position"),
        { id }, [](const QSqlQuery &q) {
            OrderItem i;
            i.menuitem = q.value(0).toLongLong();
            i.menuitemTitle = q.value(1).toString();
            i.quantity = q.value(2).toInt();
            i.unitPrice = Money(q.value(3).toLongLong());
            i.price = Money(q.value(4).toLongLong());
            i.note = q.value(5).toString();
            return i;
        });
    o.history = readRows<StageChange>(d.get(),
        QStringLiteral("SELECT stage, by_user, at FROM order_history"
                       " WHERE order_id = ? ORDER BY position"),
        { id }, [](const QSqlQuery &q) {
            StageChange s;
            s.stage = orderStageFromWire(q.value(0).toString()).value_or(OrderStage::Received);
            s.by = q.value(1).toLongLong();
            if (!q.value(2).isNull())
                s.at = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
            return s;
        });
    return out;
}

QList<Cached<Booking>> LocalStore::bookingsOn(const QDate &date) const
{
    return readRows<Cached<Booking>>(d.get(),
        kBookingSelect + QStringLiteral(" WHERE date = ? ORDER BY time, id"), { date.toString(Qt::ISODate) },
        bookingRow);
}

QList<Cached<Booking>> LocalStore::bookings(const QList<qint64> &ids) const
{
    return readByIds<Cached<Booking>>(d.get(), kBookingSelect, ids, bookingRow);
}

std::optional<Cached<Booking>> LocalStore::booking(qint64 id) const
{
    return first(bookings({ id }));
}

QList<Cached<DiningTable>> LocalStore::tables() const
{
    return readRows<Cached<DiningTable>>(
        d.get(), kTableSelect + QStringLiteral(" ORDER BY id"), {}, tableRow);
}

QList<Cached<DiningTable>> LocalStore::tables(const QList<qint64> &ids) const
{
    return readByIds<Cached<DiningTable>>(d.get(), kTableSelect, ids, tableRow);
}

std::optional<Cached<DiningTable>> LocalStore::table(qint64 id) const
{
    return first(tables({ id }));
}

QList<Cached<GroupMember>> LocalStore::groupMembers(const QString &group) const
{
    if (group.isEmpty())
        return readRows<Cached<GroupMember>>(
            d.get(), kMemberSelect + QStringLiteral(" ORDER BY group_name, username"), {}, memberRow);
    return readRows<Cached<GroupMember>>(d.get(),
        kMemberSelect + QStringLiteral(" WHERE group_name = ? ORDER BY username"), { group }, memberRow);
}

QList<Cached<GroupMember>> LocalStore::groupMembers(const QString &group, const QList<qint64> &userIds) const
{
    QList<Cached<GroupMember>> out;
    forIdChunks(userIds, [&](const QString &marks, const QVariantList &ids) {
        QVariantList values { group };
        values += ids;
        out += readRows<Cached<GroupMember>>(d.get(),
            kMemberSelect
                + QStringLiteral(" WHERE group_name = ? AND user_id IN (%1) ORDER BY username").arg(marks),
            values, memberRow);
    });
    return out;
}

QString LocalStore::userName(qint64 userId) const
{
    const auto names = readRows<QString>(d.get(),
        QStringLiteral("SELECT username FROM group_members WHERE user_id = ? LIMIT 1"), { userId },
        [](const QSqlQuery &q) { return q.value(0).toString(); });
    return names.isEmpty() ? QString() : names.first();
}

QHash<qint64, QString> LocalStore::userNames() const
{
    QHash<qint64, QString> out;
    const auto rows = readRows<std::pair<qint64, QString>>(d.get(),
        QStringLiteral("SELECT DISTINCT user_id, username FROM group_members"), {}, [](const QSqlQuery &q) {
            return std::pair<qint64, QString>(q.value(0).toLongLong(), q.value(1).toString());
        });
    for (const auto &row : rows)
        out.insert(row.first, row.second);
    return out;
}

int LocalStore::rowCount(Entity entity) const
{
    const auto counts = readRows<int>(d.get(),
        QStringLiteral("SELECT COUNT(*) FROM %1").arg(LocalStorePrivate::tableOf(entity)), {},
        [](const QSqlQuery &q) { return q.value(0).toInt(); });
    return counts.isEmpty() ? 0 : counts.first();
}

std::optional<QJsonObject> LocalStore::serverCopy(Entity entity, qint64 id, const QString &scope) const
{
    if (!d->isOpen)
        return std::nullopt;
    return d->serverCopy(entity, scope, id);
}

QByteArray LocalStore::etag(Entity entity, qint64 id, const QString &scope) const
{
    QByteArray tag;
    if (d->isOpen)
        d->serverCopy(entity, scope, id, &tag);
    return tag;
}

} // namespace LittleLemon
