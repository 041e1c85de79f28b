#include "api/server/backup.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace LittleLemon::Server {

// The commands report for themselves; the details are for QT_LOGGING_RULES.
Q_LOGGING_CATEGORY(lcBackup, "littlelemon.server.backup.copy", QtWarningMsg)

namespace {

// One QSqlDatabase connection for the length of a backup or restore, on the
// calling thread; removed from Qt's registry when it goes.
class Connection
{
public:
    Connection(const QString &path, const QString &options)
    {
        static QAtomicInteger<quint64> counter;
        m_name = QStringLiteral("littlelemon-backup-%1").arg(counter.fetchAndAddRelaxed(1));
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(options);
    }
    ~Connection()
    {
        if (m_db.isValid())
            m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool open(QString *error)
    {
        if (m_db.open())
            return true;
        *error = m_db.lastError().text();
        return false;
    }
    // The driver's own sqlite3 handle: the Qt SQLite plugin and this code
    // share the system's libsqlite3 (Debian builds the plugin against it).
    sqlite3 *handle() const
    {
        const QVariant v = m_db.driver()->handle();
        if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
            return nullptr;
        return *static_cast<sqlite3 *const *>(v.constData());
    }
    QVariant scalar(const QString &sql, QString *error) const
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql)) {
            *error = q.lastError().text();
            return {};
        }
        QVariant v = q.next() ? q.value(0) : QVariant();
        q.finish();
        return v;
    }
    QStringList column(const QString &sql, QString *error) const
    {
        QSqlQuery q(m_db);
        QStringList out;
        if (!q.exec(sql)) {
            *error = q.lastError().text();
            return out;
        }
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

const QString kReadWrite = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
const QString kReadOnly = QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000");

// Copies all of `from` into `to` in one step (one read transaction on the
// source). A busy destination or a source being recovered is retried for a
// few seconds.
bool copyPages(sqlite3 *from, sqlite3 *to, QString *error)
{
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup) {
        *error = QString::fromUtf8(sqlite3_errmsg(to));
        return false;
    }
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < 50; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        sqlite3_sleep(100);
    }
    const int finish = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        *error = QString::fromUtf8(sqlite3_errstr(rc));
        return false;
    }
    if (finish != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(to));
        return false;
    }
    return true;
}

} // namespace

bool Backup::save(const QString &databasePath, const QString &target, QString *error)
{
    if (!QFileInfo(databasePath).isFile()) {
        *error = tr("there is no database at %1 (is the data directory right?)").arg(databasePath);
        return false;
    }
    const QString part = target + QStringLiteral(".part");
    QFile::remove(part);
    {
        // Read-write, as the server opens it: a read-only connection to a WAL
        // database cannot always create the shared-memory file it needs.
        Connection source(databasePath, kReadWrite);
        Connection copy(part, kReadWrite);
        QString why;
        if (!source.open(&why)) {
            *error = tr("cannot open %1: %2").arg(databasePath, why);
            return false;
        }
        if (!copy.open(&why)) {
            *error = tr("cannot create %1: %2").arg(part, why);
            return false;
        }
        sqlite3 *from = source.handle();
        sqlite3 *to = copy.handle();
        if (!from || !to) {
            *error = tr("the Qt SQLite driver gives no sqlite3 handle");
            QFile::remove(part);
            return false;
        }
        bool ok = copyPages(from, to, &why);
        // The copy carries the source's WAL flag; a backup is one file that
        // opens anywhere, read-only media included.
        if (ok && copy.scalar(QStringLiteral("PRAGMA journal_mode=DELETE"), &why).toString() != u"delete") {
            ok = false;
            if (why.isEmpty())
                why = tr("cannot leave WAL mode");
        }
        if (ok && copy.scalar(QStringLiteral("PRAGMA quick_check"), &why).toString() != u"ok") {
            ok = false;
            if (why.isEmpty())
                why = tr("the copy failed its check");
        }
        if (!ok) {
            *error = tr("cannot back up %1 to %2: %3").arg(databasePath, target, why);
            QFile::remove(part);
            return false;
        }
    }
    // rename(2) replaces an existing target in one step.
    if (std::rename(QFile::encodeName(part).constData(), QFile::encodeName(target).constData()) != 0) {
        *error = tr("cannot rename %1 to %2: %3").arg(part, target, QString::fromLocal8Bit(std::strerror(errno)));
        QFile::remove(part);
        return false;
    }
    qCInfo(lcBackup) << "backed up" << databasePath << "to" << target;
    return true;
}

bool Backup::verify(const QString &path, int knownVersion, int *version, QString *error)
{
    if (!QFileInfo(path).isFile()) {
        *error = tr("%1 is not a file").arg(path);
        return false;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.read(16) != QByteArrayLiteral("SQLite format 3\0")) {
        *error = tr("%1 is not an SQLite database").arg(path);
        return false;
    }
    f.close();
    Connection db(path, kReadOnly);
    QString why;
    if (!db.open(&why)) {
        *error = tr("cannot open %1: %2").arg(path, why);
        return false;
    }
    const QStringList integrity = db.column(QStringLiteral("PRAGMA integrity_check"), &why);
    if (integrity != QStringList { QStringLiteral("ok") }) {
        *error = tr("%1 is damaged: %2").arg(path, why.isEmpty() ? integrity.mid(0, 5).join(QStringLiteral("; ")) : why);
        return false;
    }
    const QStringList tables = db.column(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"), &why);
    for (const char *needed : { "users", "menu_items", "orders" }) {
        if (!tables.contains(QLatin1String(needed))) {
            *error = tr("%1 is not a Little Lemon database (it has no %2 table)").arg(path, QLatin1String(needed));
            return false;
        }
    }
    const int v = db.scalar(QStringLiteral("PRAGMA user_version"), &why).toInt();
    if (v < 1 || v > knownVersion) {
        *error = tr("%1 has schema version %2; this program runs versions 1 to %3 (a newer Little Lemon made it?)")
                     .arg(path)
                     .arg(v)
                     .arg(knownVersion);
        return false;
    }
    *version = v;
    return true;
}

bool Backup::restore(const QString &source, const QString &databasePath, int knownVersion, QString *error)
{
    int version = 0;
    if (!verify(source, knownVersion, &version, error))
        return false;
    const QString dir = QFileInfo(databasePath).absolutePath();
    if (!QDir().mkpath(dir)) {
        *error = tr("cannot create %1").arg(dir);
        return false;
    }
    Connection from(source, kReadOnly);
    Connection to(databasePath, kReadWrite);
    QString why;
    if (!from.open(&why)) {
        *error = tr("cannot open %1: %2").arg(source, why);
        return false;
    }
    if (!to.open(&why)) {
        *error = tr("cannot open %1: %2").arg(databasePath, why);
        return false;
    }
    if (!from.handle() || !to.handle()) {
        *error = tr("the Qt SQLite driver gives no sqlite3 handle");
        return false;
    }
    // Out of WAL for the copy: SQLite cannot write a database of another
    // page size into a WAL one. Leaving WAL needs every other connection
    // gone, which is also the check that nothing else is using it.
    if (to.scalar(QStringLiteral("PRAGMA journal_mode=DELETE"), &why).toString() != u"delete") {
        *error = tr("%1 is in use by another program (%2); stop it and try again")
                     .arg(databasePath, why.isEmpty() ? tr("cannot leave WAL mode") : why);
        return false;
    }
    if (!copyPages(from.handle(), to.handle(), &why)) {
        *error = tr("cannot restore %1 into %2: %3").arg(source, databasePath, why);
        return false;
    }
    if (to.scalar(QStringLiteral("PRAGMA journal_mode=WAL"), &why).toString() != u"wal") {
        *error = tr("restored, but cannot switch %1 back to WAL: %2").arg(databasePath, why);
        return false;
    }
    if (to.scalar(QStringLiteral("PRAGMA quick_check"), &why).toString() != u"ok"
        || to.scalar(QStringLiteral("PRAGMA user_version"), &why).toInt() != version) {
        *error = tr("%1 failed its check after the restore: %2").arg(databasePath, why);
        return false;
    }
    qCInfo(lcBackup) << "restored" << databasePath << "from" << source << "schema version" << version;
    return true;
}

QString Backup::dailyFileName(const QDate &day)
{
    return QStringLiteral("littlelemon-%1.sqlite").arg(day.toString(Qt::ISODate));
}

QList<QDate> Backup::dailyBackups(const QString &dir)
{
    static const QRegularExpression name(QStringLiteral("^littlelemon-(\\d{4}-\\d{2}-\\d{2})\\.sqlite$"));
    QList<QDate> days;
    const QStringList files = QDir(dir).entryList({ QStringLiteral("littlelemon-*.sqlite") }, QDir::Files);
    for (const QString &file : files) {
        const auto m = name.match(file);
        if (!m.hasMatch())
            continue;
        const QDate day = QDate::fromString(m.captured(1), Qt::ISODate);
        if (day.isValid())
            days << day;
    }
    std::sort(days.begin(), days.end());
    return days;
}

QStringList Backup::prune(const QString &dir, int keep)
{
    QStringList deleted;
    const QList<QDate> days = dailyBackups(dir);
    // By count, not by age: after the server was off for a month, the last
    // backups it made are still the best ones there are.
    for (qsizetype i = 0; i + keep < days.size(); ++i) {
        const QString file = dailyFileName(days.at(i));
        if (QFile::remove(QDir(dir).filePath(file)))
            deleted << file;
        else
            qCWarning(lcBackup) << "cannot delete the old backup" << QDir(dir).filePath(file);
    }
    return deleted;
}

} // namespace LittleLemon::Server
