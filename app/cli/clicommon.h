#pragma once

// Small words and parsers littlelemon-cli's commands share (cliapp.cpp,
// clilists.cpp, cliedit.cpp).

#include "exitcode.h"

#include "api/client/syncengine.h"
#include "models/entity.h"

#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace LittleLemon::Cli {

inline const QString kProfileServer = QStringLiteral("profile/server");
inline const QString kProfileUser = QStringLiteral("profile/user");
// Whether login could keep the sign-in in a keychain (never the token itself).
inline const QString kProfileKeychain = QStringLiteral("profile/keychain");

inline QString isoUtc(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

inline QString syncWord(SyncState state)
{
    switch (state) {
    case SyncState::Synced:
        return QStringLiteral("synced");
    case SyncState::Pending:
        return QStringLiteral("pending");
    case SyncState::Failed:
        return QStringLiteral("failed");
    case SyncState::Conflict:
        return QStringLiteral("conflict");
    }
    return QString();
}

inline std::optional<bool> yesNo(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"yes" || t == u"y" || t == u"true" || t == u"1" || t == u"on")
        return true;
    if (t == u"no" || t == u"n" || t == u"false" || t == u"0" || t == u"off")
        return false;
    return std::nullopt;
}

inline std::optional<qint64> positiveId(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id == 0)
        return std::nullopt;
    return id;
}

inline int codeForSync(const Client::SyncReport &report)
{
    if (report.ok)
        return Ok;
    if (report.error.isUnreachable())
        return Offline;
    switch (report.error.kind()) {
    case ApiError::Kind::Unauthorized:
        return Auth;
    case ApiError::Kind::Protocol:
        // The server answered with something this program cannot read: as the help says, 1.
        return Error;
    default:
        // The server answered, but not well (5xx, throttled for too long): the work waits.
        return Offline;
    }
}

} // namespace LittleLemon::Cli
