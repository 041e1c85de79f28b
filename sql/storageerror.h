#pragma once

#include <QString>

#include <stdexcept>

class QSqlError;
struct sqlite3;

namespace LittleLemon::Sql {

// A database failure, classified from SQLite's result code. Busy (another
// process holds the lock past the busy timeout) and Full (disk or size
// limit) get their own answers; Constraint is a refused write; anything
// else is a storage fault.
class StorageError : public std::runtime_error
{
public:
    enum class Kind { Busy, Full, Constraint, Other };
    StorageError(Kind kind, const QString &message);
    Kind kind() const { return m_kind; }

    // The kind of a SQLite result code (primary or extended).
    static Kind kindOf(int sqliteCode);
    // An error from a failed Qt SQL call, its kind from the native code.
    static StorageError from(const QSqlError &error, const QString &context);
    // An error from a failed SQLite call on `db` (`code` what it returned):
    // the kind from the connection's extended code, the text from its
    // message. Read it before anything else runs on `db`.
    static StorageError fromSqlite(sqlite3 *db, int code, const QString &context);

private:
    Kind m_kind;
};

} // namespace LittleLemon::Sql
