#pragma once

// Helpers for the keychain tests: read the keychain directly, and look for a
// secret in every file under HOME.

#include "api/client/tokenstore.h"

#include <QDir>
#include <QDirIterator>

#include <sys/stat.h>
#include <QFile>
#include <QSignalSpy>
#include <QStringList>

#include <qt6keychain/keychain.h>

namespace LittleLemon::Test {

struct KeychainEntry
{
    QKeychain::Error error = QKeychain::OtherError;
    QString text;
};

// What the Secret Service holds under the client's service name and `key`.
inline KeychainEntry readKeychain(const QString &key)
{
    QKeychain::ReadPasswordJob job(Client::TokenStore::serviceName());
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(key);
    QSignalSpy done(&job, &QKeychain::Job::finished);
    job.start();
    if (!done.wait(10000))
        return {};
    return { job.error(), job.textData() };
}

// Files under `root` whose bytes contain `secret`.
inline QStringList filesContaining(const QString &root, const QByteArray &secret)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        // Only regular files: a FIFO or socket another program left under
        // /tmp would block the read for ever.
        struct stat st;
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        QFile f(path);
        if (f.size() < 64 * 1024 * 1024 && f.open(QIODevice::ReadOnly) && f.readAll().contains(secret))
            found << path;
    }
    return found;
}

} // namespace LittleLemon::Test
