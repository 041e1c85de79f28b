#include "models/storefiles.h"

#include "sql/migration.h"

#include "models/localcache_p.h"
#include "models/privatefiles.h"
#include "models/storedatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

namespace LittleLemon {

namespace {

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
} // namespace

StoreFiles::Paths StoreFiles::pathsFor(const QString &serverKey, const QString &username)
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

QString StoreFiles::normalizedServerKey(const QString &serverKey)
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

StoreFiles::StoreFiles(StoreDatabase *db, LocalCache *cache)
    : m_db(db)
    , m_cache(cache)
{ }

bool StoreFiles::open(const Paths &paths)
{
    m_paths = paths;
    m_report = OpenReport();
    m_db->setError(QString());
    for (const QString &path : { m_paths.cache, m_paths.outbox }) {
        if (path.isEmpty()) {
            m_db->setError(QStringLiteral("No file given for the local store"));
            return false;
        }
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            m_db->setError(QStringLiteral("Cannot create the folder for %1").arg(path));
            return false;
        }
        // Staff and guests' names and phones: the user's alone, also when an
        // older version or another umask left them readable by others.
        PrivateFiles::directory(QFileInfo(path).absolutePath());
        PrivateFiles::database(path);
    }
    if (!openOutbox() || !attachCache())
        return false;
    m_db->setReady(true);
    if (!migrate(QStringLiteral("cache"), kCacheSchemaVersion) || !reconcile()) {
        m_db->setReady(false);
        return false;
    }
    return true;
}

void StoreFiles::close()
{
    QStringList checkpoint { QStringLiteral("main") };
    if (m_db->isReady())
        checkpoint.append(QStringLiteral("cache"));
    m_db->disconnect(checkpoint);
}

bool StoreFiles::openOutbox()
{
    QSqlDatabase &db = m_db->handle();
    // The outbox is the connection's main database: SQLite commits the main
    // database's WAL first, so a crash between the two files' commits leaves
    // an outbox entry without its cache change (which reconcile() restores),
    // never a cache change without its entry.
    for (int attempt = 0; attempt < 2; ++attempt) {
        bool healthy = m_db->connect(m_paths.outbox) && quickCheck(QStringLiteral("main"));
        if (healthy) {
            const int found = m_db->sql().userVersion(QStringLiteral("main"));
            if (found > kOutboxSchemaVersion) {
                // Written by a newer version: never throw the user's work away.
                m_db->setError(QStringLiteral(
                    "The outbox %1 was written by a newer version of Little Lemon (schema %2)")
                            .arg(m_paths.outbox)
                            .arg(found));
                return false;
            }
            if (found < 0)
                healthy = false;
        }
        if (healthy) {
            if (!setJournal(QStringLiteral("main"), QStringLiteral("FULL")))
                return false;
            if (!m_db->sql().enableForeignKeys(nullptr)) {
                m_db->setError(QStringLiteral("SQLite refused foreign keys"));
                return false;
            }
            return migrate(QStringLiteral("main"), kOutboxSchemaVersion);
        }
        if (attempt > 0)
            break;
        qCCritical(lcStore) << "the outbox" << m_paths.outbox << "is damaged; setting it aside";
        m_db->disconnect();
        m_report.outboxRebuilt = true;
        m_report.outboxSetAsidePath = setAside(m_paths.outbox);
        if (m_report.outboxSetAsidePath.isEmpty())
            return false;
    }
    if (m_db->error().isEmpty())
        m_db->setError(
            QStringLiteral("Cannot open the outbox %1: %2").arg(m_paths.outbox, db.lastError().text()));
    return false;
}

bool StoreFiles::attachCache()
{
    QSqlDatabase &db = m_db->handle();
    for (int attempt = 0; attempt < 2; ++attempt) {
        QSqlQuery attach(db);
        attach.prepare(QStringLiteral("ATTACH DATABASE ? AS cache"));
        attach.addBindValue(m_paths.cache);
        bool healthy = attach.exec() && quickCheck(QStringLiteral("cache"));
        if (healthy) {
            const int found = m_db->sql().userVersion(QStringLiteral("cache"));
            // A cache from a newer version is just a cache: rebuild it.
            healthy = found >= 0 && found <= kCacheSchemaVersion;
        }
        if (healthy)
            return setJournal(QStringLiteral("cache"), QStringLiteral("NORMAL"));
        if (attempt > 0)
            break;
        qCWarning(lcStore) << "the cache" << m_paths.cache << "is damaged or unreadable; rebuilding it";
        QSqlQuery(QStringLiteral("DETACH DATABASE cache"), db);
        m_report.cacheRebuilt = true;
        m_report.cacheSetAsidePath = setAside(m_paths.cache);
        if (m_report.cacheSetAsidePath.isEmpty())
            return false;
    }
    m_db->setError(QStringLiteral("Cannot open the cache %1: %2").arg(m_paths.cache, db.lastError().text()));
    return false;
}

bool StoreFiles::quickCheck(const QString &schema)
{
    return m_db->sql().quickCheck(schema);
}

bool StoreFiles::setJournal(const QString &schema, const QString &synchronous)
{
    QString error;
    if (m_db->sql().setJournal(schema, synchronous, &error))
        return true;
    m_db->setError(error);
    return false;
}

QString StoreFiles::setAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QString target = path + QStringLiteral(".corrupt-") + stamp;
    if (QFile::exists(path) && !QFile::rename(path, target)) {
        m_db->setError(QStringLiteral("Cannot move the damaged file %1 aside").arg(path));
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

bool StoreFiles::migrate(const QString &schema, int target)
{
    // qBittorrent's pattern, in the shared layer: each step and its version
    // bump in one transaction.
    const QList<QStringList> &steps = schema == u"main" ? kOutboxSteps : kCacheSteps;
    QList<Sql::MigrationLadder::Step> ladder;
    for (int v = 0; v < target; ++v)
        ladder.append(Sql::MigrationLadder::statements(steps.at(v)));
    QString error;
    if (Sql::MigrationLadder(ladder).run(m_db->sql(), schema, &error))
        return true;
    m_db->setError(error);
    return false;
}

bool StoreFiles::reconcile()
{
    // After a crash: an entry caught while being sent goes back in the queue
    // (the engine resends it with the same Idempotency-Key); every record
    // with entries gets its row rebuilt from the server's copy and the
    // entries, which also repairs a cache that lost its last commit or was
    // rebuilt; rows of records made offline whose entries are gone vanish, and
    // rows marked unsent whose entries are gone (a lost outbox) show the
    // server's copy again.
    StoreDatabase::Transaction t(m_db);
    if (!t.ok())
        return false;
    QSqlQuery *requeue
        = m_db->prepared(QStringLiteral("UPDATE outbox SET state = 'pending' WHERE state = 'sending'"));
    if (!m_db->run(requeue))
        return false;
    m_report.requeued = requeue->numRowsAffected();
    if (m_report.requeued > 0)
        qCInfo(lcOutbox) << m_report.requeued
                         << "entries were being sent when the program stopped; queued again";

    struct Target
    {
        Entity entity;
        QString scope;
        qint64 id;
    };
    QList<Target> targets;
    QSqlQuery *all = m_db->prepared(QStringLiteral("SELECT DISTINCT entity, scope, target_id FROM outbox"));
    if (!m_db->run(all))
        return false;
    while (all->next()) {
        if (auto entity = entityFromWireName(all->value(0).toString()))
            targets.append({ *entity, all->value(1).toString(), all->value(2).toLongLong() });
    }
    all->finish();
    for (Entity entity : allEntities()) {
        const bool members = entity == Entity::GroupMember;
        // Rows marked unsent, or numbered locally, must be backed by entries.
        QSqlQuery *temps = m_db->prepared(members
                ? QStringLiteral(
                    "SELECT group_name, user_id FROM group_members WHERE user_id < 0 OR sync_state <> 0")
                : QStringLiteral("SELECT '', id FROM %1 WHERE id < 0 OR sync_state <> 0")
                      .arg(LocalCachePrivate::tableOf(entity)));
        if (!m_db->run(temps))
            return false;
        while (temps->next())
            targets.append({ entity, temps->value(0).toString(), temps->value(1).toLongLong() });
        temps->finish();
    }
    for (const Target &target : targets) {
        if (!LocalCachePrivate::get(m_cache)->recompute(target.entity, target.scope, target.id))
            return false;
    }
    return t.commit();
}

} // namespace LittleLemon
