#pragma once

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

namespace LittleLemon::Server {

// Says "a server runs on this data directory": littlelemon-server and the
// desk's standalone mode hold it while they serve, `restore` holds it while
// it writes. A lock file (QLockFile) in the directory, so it also works
// between users (the service's user and an administrator's sudo) and a
// crashed holder's lock is recognised as stale by its dead process id.
//
// The command-line tools that work beside a running server (user ...,
// backup) do not take it.
class DataDirLock
{
    Q_DECLARE_TR_FUNCTIONS(DataDirLock)

public:
    explicit DataDirLock(const QString &dataDir);
    ~DataDirLock();
    DataDirLock(const DataDirLock &) = delete;
    DataDirLock &operator=(const DataDirLock &) = delete;

    // Takes the lock without waiting. False with *error naming the process
    // that holds it (or why the lock file cannot be made).
    bool tryLock(QString *error);
    void unlock();
    bool isLocked() const { return m_lock.isLocked(); }

    static QString lockFilePath(const QString &dataDir);

private:
    QString m_dataDir;
    QLockFile m_lock;
};

} // namespace LittleLemon::Server
