#include "sql/storageerror.h"

#include <QSqlError>

#include <sqlite3.h>

namespace LittleLemon::Sql {

StorageError::StorageError(Kind kind, const QString &message)
    : std::runtime_error(message.toStdString())
    , m_kind(kind)
{
}

StorageError::Kind StorageError::kindOf(int sqliteCode)
{
    switch (sqliteCode & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Kind::Busy;
    case SQLITE_FULL:
        return Kind::Full;
    case SQLITE_CONSTRAINT:
        return Kind::Constraint;
    default:
        return Kind::Other;
    }
}

StorageError StorageError::fromSqlite(sqlite3 *db, int code, const QString &context)
{
    const int extended = db ? sqlite3_extended_errcode(db) : 0;
    const QString message = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    return StorageError(kindOf(extended ? extended : code), context + QStringLiteral(": ") + message);
}

StorageError StorageError::from(const QSqlError &error, const QString &context)
{
    return StorageError(kindOf(error.nativeErrorCode().toInt()), context + QStringLiteral(": ") + error.text());
}

} // namespace LittleLemon::Sql
