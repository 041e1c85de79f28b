#include "api/server/requestbudget.h"

#include <QMutexLocker>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace LittleLemon::Server {

namespace {
// Below this a burst is not worth a trim (it walks the whole heap).
constexpr qint64 kTrimAfter = 4 * 1024 * 1024;
} // namespace

RequestBudget &RequestBudget::global()
{
    static RequestBudget budget;
    return budget;
}

void RequestBudget::setLimit(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_limit = bytes;
}

qint64 RequestBudget::limit() const
{
    QMutexLocker lock(&m_mutex);
    return m_limit;
}

qint64 RequestBudget::used() const
{
    QMutexLocker lock(&m_mutex);
    return m_used;
}

bool RequestBudget::reserve(const QByteArray &peer, qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    if (bytes <= 0)
        return true;
    qint64 &mine = m_byPeer[peer];
    if (m_used + bytes > m_limit || mine + bytes > m_limit / 2) {
        if (mine == 0)
            m_byPeer.remove(peer);
        return false;
    }
    mine += bytes;
    m_used += bytes;
    m_peak = qMax(m_peak, m_used);
    return true;
}

bool RequestBudget::release(const QByteArray &peer, qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    if (bytes <= 0)
        return false;
    const auto it = m_byPeer.find(peer);
    if (it != m_byPeer.end()) {
        *it -= bytes;
        if (*it <= 0)
            m_byPeer.erase(it);
    }
    m_used = qMax<qint64>(0, m_used - bytes);
    // Idle keep-alive connections hold their last request's few bytes, so
    // "empty" is rarely exactly zero: most of the peak gone is enough.
    if (m_peak < kTrimAfter || m_used > m_peak / 8)
        return false;
    m_peak = m_used;
    return true;
}

void RequestBudget::giveBackMemory()
{
#if defined(__GLIBC__)
    ::malloc_trim(0);
#endif
}

} // namespace LittleLemon::Server
