#include "sql/transaction.h"

#include "sql/connection.h"

namespace LittleLemon::Sql {

Transaction::Transaction(Connection &connection)
    : m_connection(connection)
    , m_level(connection.begin())
{
}

Transaction::~Transaction()
{
    rollback();
}

void Transaction::commit()
{
    if (m_done)
        return;
    m_connection.commit(m_level);
    m_done = true;
}

void Transaction::rollback()
{
    if (m_done)
        return;
    m_done = true;
    m_connection.rollback(m_level);
}

void Transaction::forget()
{
    if (m_done)
        return;
    m_done = true;
    m_connection.forget(m_level);
}

} // namespace LittleLemon::Sql
