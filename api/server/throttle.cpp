#include "api/server/throttle.h"

#include <cmath>

namespace LittleLemon::Server {

Throttle::Throttle(qint64 windowMs, qint64 bucketMs)
    : m_windowMs(windowMs)
    , m_bucketMs(bucketMs)
{
}

bool Throttle::allow(const QByteArray &key, int limit, qint64 nowMs, int *waitSeconds)
{
    if (nowMs - m_lastPrune > m_windowMs) {
        prune(nowMs);
        m_lastPrune = nowMs;
    }
    Client &c = m_clients[key];
    c.lastMs = nowMs;
    // DRF drops history entries with timestamp <= now - duration.
    qsizetype expired = 0;
    while (expired < c.entries.size() && c.entries.at(expired).firstMs <= nowMs - m_windowMs) {
        c.total -= c.entries.at(expired).count;
        ++expired;
    }
    if (expired)
        c.entries.remove(0, expired);

    if (c.total >= limit) {
        // DRF: remaining = duration - (now - oldest); available = limit - len + 1.
        const qint64 oldest = c.entries.isEmpty() ? nowMs : c.entries.first().firstMs;
        const double remaining = double(m_windowMs - (nowMs - oldest)) / 1000.0;
        const qint64 available = qint64(limit) - c.total + 1;
        const double wait = available > 0 ? remaining / double(available) : remaining;
        if (waitSeconds)
            *waitSeconds = qMax(1, int(std::ceil(wait)));
        return false;
    }
    if (!c.entries.isEmpty() && nowMs - c.entries.last().firstMs < m_bucketMs)
        ++c.entries.last().count;
    else
        c.entries.append(Entry { nowMs, 1 });
    ++c.total;
    return true;
}

void Throttle::prune(qint64 nowMs)
{
    for (auto it = m_clients.begin(); it != m_clients.end();) {
        if (nowMs - it->lastMs > m_windowMs)
            it = m_clients.erase(it);
        else
            ++it;
    }
}

} // namespace LittleLemon::Server
