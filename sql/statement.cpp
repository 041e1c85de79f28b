#include "sql/statement.h"

#include "sql/storageerror.h"

#include <QDate>
#include <QDateTime>
#include <QTime>

#include <sqlite3.h>

namespace LittleLemon::Sql {

PreparedStatement::PreparedStatement(sqlite3 *db, sqlite3_stmt *stmt)
    : m_db(db)
    , m_stmt(stmt)
    , m_columns(sqlite3_column_count(stmt))
{
}

PreparedStatement::~PreparedStatement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(std::shared_ptr<PreparedStatement> prepared, qint64 *changeCounter)
    : m_prepared(std::move(prepared))
    , m_changes(changeCounter)
{
    // A cached statement comes back clean: no cursor, no values.
    sqlite3_reset(m_prepared->stmt());
    sqlite3_clear_bindings(m_prepared->stmt());
}

Statement::Statement(Statement &&other) noexcept
    : m_prepared(std::move(other.m_prepared))
    , m_changes(other.m_changes)
    , m_state(other.m_state)
    , m_lastInsertId(other.m_lastInsertId)
    , m_rowsAffected(other.m_rowsAffected)
{
}

Statement::~Statement()
{
    if (m_prepared) {
        sqlite3_reset(m_prepared->stmt());
        sqlite3_clear_bindings(m_prepared->stmt());
    }
}

Statement &Statement::bind(int position, const QVariant &value)
{
    sqlite3_stmt *s = m_prepared->stmt();
    if (m_state != State::Bound) {
        sqlite3_reset(s); // values may change between runs
        m_state = State::Bound;
    }
    const int at = position + 1;
    int rc = SQLITE_OK;
    auto bindText = [&](const QString &text) {
        return sqlite3_bind_text16(s, at, text.utf16(), int(text.size() * sizeof(char16_t)), SQLITE_TRANSIENT);
    };
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        rc = sqlite3_bind_null(s, at);
        break;
    case QMetaType::QString: {
        const QString text = value.toString();
        rc = text.isNull() ? sqlite3_bind_null(s, at) : bindText(text);
        break;
    }
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        rc = bytes.isNull() ? sqlite3_bind_null(s, at)
                            : sqlite3_bind_blob(s, at, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
        break;
    }
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        rc = value.isNull() ? sqlite3_bind_null(s, at) : sqlite3_bind_int64(s, at, value.toLongLong());
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        rc = value.isNull() ? sqlite3_bind_null(s, at) : sqlite3_bind_double(s, at, value.toDouble());
        break;
    case QMetaType::QDateTime: {
        const QDateTime t = value.toDateTime();
        rc = t.isValid() ? bindText(t.toString(Qt::ISODateWithMs)) : sqlite3_bind_null(s, at);
        break;
    }
    case QMetaType::QDate: {
        const QDate d = value.toDate();
        rc = d.isValid() ? bindText(d.toString(Qt::ISODate)) : sqlite3_bind_null(s, at);
        break;
    }
    case QMetaType::QTime: {
        const QTime t = value.toTime();
        rc = t.isValid() ? bindText(t.toString(QStringLiteral("hh:mm:ss.zzz"))) : sqlite3_bind_null(s, at);
        break;
    }
    default:
        rc = value.isNull() ? sqlite3_bind_null(s, at) : bindText(value.toString());
        break;
    }
    if (rc != SQLITE_OK)
        throw StorageError::fromSqlite(m_prepared->db(), rc, QStringLiteral("cannot bind value %1").arg(at));
    return *this;
}

Statement &Statement::exec()
{
    sqlite3_stmt *s = m_prepared->stmt();
    if (m_state != State::Bound)
        sqlite3_reset(s); // again, with the same values
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        m_state = State::FirstRowWaiting;
    } else if (rc == SQLITE_DONE) {
        m_state = State::Done;
    } else {
        m_state = State::Done;
        const StorageError error = StorageError::fromSqlite(m_prepared->db(), rc, QStringLiteral("query failed"));
        sqlite3_reset(s);
        throw error;
    }
    if (m_prepared->writes()) {
        m_rowsAffected = sqlite3_changes(m_prepared->db());
        m_lastInsertId = sqlite3_last_insert_rowid(m_prepared->db());
        ++*m_changes;
    }
    return *this;
}

bool Statement::next()
{
    switch (m_state) {
    case State::FirstRowWaiting:
        m_state = State::Reading;
        return true;
    case State::Reading:
        break;
    case State::Bound:
    case State::Done:
        return false;
    }
    const int rc = sqlite3_step(m_prepared->stmt());
    if (rc == SQLITE_ROW)
        return true;
    m_state = State::Done;
    if (rc != SQLITE_DONE)
        throw StorageError::fromSqlite(m_prepared->db(), rc, QStringLiteral("cannot read the next row"));
    return false;
}

QVariant Statement::value(int column) const
{
    sqlite3_stmt *s = m_prepared->stmt();
    switch (sqlite3_column_type(s, column)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(s, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(s, column));
    case SQLITE_BLOB: {
        const void *data = sqlite3_column_blob(s, column);
        const int size = sqlite3_column_bytes(s, column);
        return QVariant(QByteArray(static_cast<const char *>(data), size));
    }
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    default:
        return QVariant(text(column));
    }
}

qint64 Statement::integer(int column) const
{
    sqlite3_stmt *s = m_prepared->stmt();
    const int type = sqlite3_column_type(s, column);
    if (type == SQLITE_INTEGER)
        return sqlite3_column_int64(s, column);
    // As QVariant::toLongLong() would read what Qt's driver gives.
    return value(column).toLongLong();
}

QString Statement::text(int column) const
{
    sqlite3_stmt *s = m_prepared->stmt();
    if (sqlite3_column_type(s, column) != SQLITE_TEXT)
        return value(column).toString();
    const void *data = sqlite3_column_text16(s, column);
    const int bytes = sqlite3_column_bytes16(s, column);
    return QString(static_cast<const QChar *>(data), bytes / int(sizeof(QChar)));
}

} // namespace LittleLemon::Sql
