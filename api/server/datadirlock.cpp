#include "api/server/datadirlock.h"

#include <QDir>

namespace LittleLemon::Server {

DataDirLock::DataDirLock(const QString &dataDir)
    : m_dataDir(dataDir)
    , m_lock(lockFilePath(dataDir))
{
    // A server runs for months: only a dead holder makes the lock stale,
    // never its age (QLockFile's default would call it stale after 30 s).
    m_lock.setStaleLockTime(0);
}

DataDirLock::~DataDirLock() = default;

QString DataDirLock::lockFilePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("littlelemon-server.lock"));
}

bool DataDirLock::tryLock(QString *error)
{
    if (m_lock.tryLock(0))
        return true;
    switch (m_lock.error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host;
        QString app;
        if (m_lock.getLockInfo(&pid, &host, &app))
            *error = tr("%1 is in use by %2 (process %3)").arg(m_dataDir, app).arg(pid);
        else
            *error = tr("%1 is in use by another Little Lemon server").arg(m_dataDir);
        return false;
    }
    case QLockFile::PermissionError:
        *error = tr("cannot write the lock file in %1: permission denied (run as the directory's owner)").arg(m_dataDir);
        return false;
    default:
        *error = tr("cannot lock %1").arg(m_dataDir);
        return false;
    }
}

void DataDirLock::unlock()
{
    m_lock.unlock();
}

} // namespace LittleLemon::Server
