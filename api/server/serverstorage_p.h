#pragma once

// Helpers the parts of ServerStorage share (serverstorage.cpp,
// serverstoragebookings.cpp, serverstoragehub.cpp); not for other code.

#include <QDateTime>
#include <QString>

namespace LittleLemon::Server::StorageDetail {

inline QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Case folding for search: done once in C++ (Unicode-aware) and stored, so
// "CRÈME" finds "Crème Brûlée" where SQLite's LIKE only folds ASCII.
inline QString fold(const QString &text)
{
    return text.toCaseFolded();
}

inline QString placeholders(qsizetype n)
{
    QString out;
    for (qsizetype i = 0; i < n; ++i)
        out += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return out;
}

} // namespace LittleLemon::Server::StorageDetail
