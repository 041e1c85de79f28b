#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace LittleLemon::Sql {

class Connection;

// The schema ladder (qBittorrent's updateDB): PRAGMA user_version counts the
// steps a database has taken; step N runs in one transaction together with
// the bump to N + 1, so a failing step leaves the version where it was.
class MigrationLadder
{
public:
    // One step; throws StorageError to fail.
    using Step = std::function<void(Connection &)>;
    // A step that runs these statements in order.
    static Step statements(const QStringList &sql);

    explicit MigrationLadder(QList<Step> steps)
        : m_steps(std::move(steps))
    {
    }
    int target() const { return int(m_steps.size()); }

    // Brings `schema` up to target(). False with *error when the version
    // cannot be read, is newer than target(), or a step fails.
    bool run(Connection &connection, const QString &schema, QString *error);
    // The version found before running (0: a new database), and reached.
    int versionFound() const { return m_found; }
    int version() const { return m_version; }

private:
    QList<Step> m_steps;
    int m_found = 0;
    int m_version = 0;
};

} // namespace LittleLemon::Sql
