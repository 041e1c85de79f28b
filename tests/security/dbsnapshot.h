#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace LittleLemon::Test {

// Everything a littlelemon-server database holds, as text: every table's
// rows (sorted, so the order SQLite returns them in does not matter),
// sqlite_sequence included, read through a connection of its own while the
// server runs. Two equal snapshots mean no request in between changed
// anything; `ignored` names columns a harmless request may touch
// ("users.last_login": signing in records it, as Django does).
class DbSnapshot
{
public:
    static QByteArray of(const QString &databaseFile,
                         const QStringList &ignored = { QStringLiteral("users.last_login") }, QString *error = nullptr);
    // Rows of one query, each as "v1|v2|...", for precise checks.
    static QStringList rows(const QString &databaseFile, const QString &sql, QString *error = nullptr);
    // The lines of `after` that are not in `before` and the reverse, for
    // failure messages ("+ ..." / "- ...").
    static QByteArray difference(const QByteArray &before, const QByteArray &after);
    // SQLite's own verdict: "ok" for a sound file.
    static QString integrityCheck(const QString &databaseFile);
};

} // namespace LittleLemon::Test
