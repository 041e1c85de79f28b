#include "models/privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

namespace LittleLemon {

Q_LOGGING_CATEGORY(lcPrivateFiles, "littlelemon.files", QtInfoMsg)

namespace {
constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
    | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

QString octal(QFileDevice::Permissions p)
{
    // Qt's owner bits are 0x7000 (0x0700 is "user", the same on Unix).
    const int owner = (p & QFileDevice::ReadOwner ? 4 : 0) | (p & QFileDevice::WriteOwner ? 2 : 0)
        | (p & QFileDevice::ExeOwner ? 1 : 0);
    const int group = (p & QFileDevice::ReadGroup ? 4 : 0) | (p & QFileDevice::WriteGroup ? 2 : 0)
        | (p & QFileDevice::ExeGroup ? 1 : 0);
    const int other = (p & QFileDevice::ReadOther ? 4 : 0) | (p & QFileDevice::WriteOther ? 2 : 0)
        | (p & QFileDevice::ExeOther ? 1 : 0);
    return QStringLiteral("0%1%2%3").arg(owner).arg(group).arg(other);
}

bool tighten(const QString &path, QFileDevice::Permissions wanted)
{
    const QFileInfo info(path);
    // A symbolic link is followed by chmod; the target is what holds the data.
    const QFileDevice::Permissions now = info.permissions();
    if (!(now & kOthers))
        return true;
    if (!QFile::setPermissions(path, wanted)) {
        qCWarning(lcPrivateFiles) << "cannot make" << path << "private: it stays" << octal(now);
        return false;
    }
    qCWarning(lcPrivateFiles).noquote() << "made" << path << "private:" << octal(now) << "->" << octal(wanted)
                                        << "(it holds people's data or a secret)";
    return true;
}
} // namespace

bool PrivateFiles::directory(const QString &path)
{
    if (!QFileInfo(path).isDir() && !QDir().mkpath(path))
        return false;
    return tighten(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

bool PrivateFiles::file(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return true;
    return tighten(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

bool PrivateFiles::database(const QString &path)
{
    bool ok = file(path);
    for (const char *suffix : { "-wal", "-shm", "-journal" })
        ok = file(path + QLatin1String(suffix)) && ok;
    return ok;
}

} // namespace LittleLemon
