#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace LittleLemon::Server {

// Copies of the server's SQLite database, made with SQLite's online backup
// API through the handle of a Qt SQL connection (QSqlDriver::handle()).
//
// save() copies every page in one backup step, which reads inside one read
// transaction: in WAL mode writers go on meanwhile and the copy is the
// database as it was at one instant, never half of a write. The copy is
// written beside the target, checked (quick_check), switched to a plain
// rollback journal (a single self-contained file) and renamed over the
// target, so a crash never leaves a truncated file that looks like a backup.
//
// restore() checks the file first (integrity, a Little Lemon schema this
// program can run) and then writes it into the live database through SQLite
// as well, so the -wal and -shm files stay consistent with it. It must not
// run while a server uses the data directory: the caller holds the
// directory's DataDirLock.
class Backup
{
    Q_DECLARE_TR_FUNCTIONS(Backup)

public:
    // Copies the database at `databasePath` (which must exist) to `target`,
    // replacing it. False with *error.
    static bool save(const QString &databasePath, const QString &target, QString *error);
    // Checks that `path` is an intact Little Lemon database whose schema
    // version is 1..knownVersion. On success *version holds it.
    static bool verify(const QString &path, int knownVersion, int *version, QString *error);
    // verify(), then replaces the contents of the database at databasePath
    // (created when missing) with the file's.
    static bool restore(const QString &source, const QString &databasePath, int knownVersion, QString *error);

    // The daily backups: "littlelemon-YYYY-MM-DD.sqlite".
    static QString dailyFileName(const QDate &day);
    // The days of the daily backups in `dir`, oldest first (other files,
    // such as a hand-made backup or a before-restore copy, are not listed).
    static QList<QDate> dailyBackups(const QString &dir);
    // Deletes the oldest daily backups in `dir` beyond the newest `keep`.
    // Returns the file names deleted.
    static QStringList prune(const QString &dir, int keep);
};

} // namespace LittleLemon::Server
