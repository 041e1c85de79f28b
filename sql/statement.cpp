#include "sql/statement.h"

#include "sql/storageerror.h"

#include <QSqlError>

namespace LittleLemon::Sql {

Statement::Statement(std::shared_ptr<QSqlQuery> query, qint64 *changeCounter)
    : m_query(std::move(query))
    , m_changes(changeCounter)
{
}

Statement::Statement(Statement &&other) noexcept
    : m_query(std::move(other.m_query))
    , m_changes(other.m_changes)
{
}

Statement::~Statement()
{
    if (m_query)
        m_query->finish();
}

Statement &Statement::bind(int position, const QVariant &value)
{
    m_query->bindValue(position, value);
    return *this;
}

Statement &Statement::exec()
{
    if (!m_query->exec())
        throw StorageError::from(m_query->lastError(), QStringLiteral("query failed"));
    if (!m_query->isSelect())
        ++*m_changes;
    return *this;
}

} // namespace LittleLemon::Sql
