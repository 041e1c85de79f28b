#include "api/client/slidingwindow.h"

#include <algorithm>

namespace LittleLemon::Client {

SlidingWindow::SlidingWindow(int limit, qint64 windowMs, qint64 marginMs)
    : m_limit(std::max(1, limit))
    , m_windowMs(std::max<qint64>(1, windowMs))
    , m_marginMs(std::max<qint64>(0, marginMs))
{
}

void SlidingWindow::setLimit(int limit, qint64 windowMs)
{
    m_limit = std::max(1, limit);
    m_windowMs = std::max<qint64>(1, windowMs);
}

void SlidingWindow::prune(qint64 nowMs) const
{
    while (!m_sent.empty() && m_sent.front() + m_windowMs + m_marginMs <= nowMs)
        m_sent.pop_front();
}

int SlidingWindow::inWindow(qint64 nowMs) const
{
    prune(nowMs);
    return int(m_sent.size());
}

qint64 SlidingWindow::delay(qint64 nowMs) const
{
    prune(nowMs);
    qint64 wait = std::max<qint64>(0, m_heldUntil - nowMs);
    if (int(m_sent.size()) >= m_limit) {
        // The request that frees a slot is the one `limit` places back.
        const qint64 freedAt = m_sent[m_sent.size() - size_t(m_limit)] + m_windowMs + m_marginMs;
        wait = std::max(wait, freedAt - nowMs);
    }
    return wait;
}

void SlidingWindow::record(qint64 nowMs)
{
    prune(nowMs);
    // Bounded by itself: entries leave one window after they came.
    m_sent.push_back(nowMs);
}

void SlidingWindow::holdUntil(qint64 untilMs)
{
    m_heldUntil = std::max(m_heldUntil, untilMs);
}

} // namespace LittleLemon::Client
