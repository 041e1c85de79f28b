#include "sql/migration.h"

#include "sql/connection.h"
#include "sql/storageerror.h"
#include "sql/transaction.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>

namespace LittleLemon::Sql {

Q_DECLARE_LOGGING_CATEGORY(lcSql)

MigrationLadder::Step MigrationLadder::statements(const QStringList &sql)
{
    return [sql](Connection &c) {
        for (const QString &s : sql)
            c.execute(s);
    };
}

bool MigrationLadder::run(Connection &c, const QString &schema, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    m_found = c.userVersion(schema);
    m_version = m_found;
    if (m_found < 0)
        return fail(QStringLiteral("cannot read the schema version of %1: %2")
                        .arg(schema, c.database().lastError().text()));
    if (m_found > target())
        return fail(QStringLiteral("%1 has schema version %2; this program knows up to %3")
                        .arg(c.database().databaseName())
                        .arg(m_found)
                        .arg(target()));
    for (int v = m_version; v < target(); ++v) {
        try {
            Transaction tx(c);
            // Another process may have migrated while we waited for the lock.
            const int current = c.userVersion(schema);
            if (current > v) {
                tx.commit();
                m_version = current;
                v = current - 1;
                continue;
            }
            m_steps.at(v)(c);
            c.execute(QStringLiteral("PRAGMA %1.user_version = %2").arg(schema).arg(v + 1));
            tx.commit();
        } catch (const StorageError &e) {
            return fail(QStringLiteral("migration of %1 to version %2 failed: %3")
                            .arg(schema)
                            .arg(v + 1)
                            .arg(QString::fromStdString(e.what())));
        }
        m_version = v + 1;
        qCInfo(lcSql).noquote() << schema << "schema now at version" << m_version;
    }
    return true;
}

} // namespace LittleLemon::Sql
