#pragma once

#include <QtGlobal>

#include <deque>

namespace LittleLemon::Client {

// The arithmetic of pacing, without clocks or timers: at most `limit`
// requests in any `window` ms. This is a token bucket whose tokens come back
// one window after they were spent, which is exactly how the cloud (Django
// REST Framework's SimpleRateThrottle) counts: it keeps the times of the last
// requests and refuses one when `limit` of them are younger than the window.
// A classic refill-at-a-steady-rate bucket would allow up to twice the limit
// in some windows and earn 429s; this one allows a full burst and never more.
class SlidingWindow
{
public:
    explicit SlidingWindow(int limit = 100, qint64 windowMs = 60000, qint64 marginMs = 500);

    // A new limit applies at once; requests already made still count.
    void setLimit(int limit, qint64 windowMs = 60000);
    int limit() const { return m_limit; }
    qint64 windowMs() const { return m_windowMs; }

    // How long from `nowMs` until a request may go: 0 means now. The margin
    // covers the time a request takes to reach the server, whose clock starts
    // the window later than ours.
    qint64 delay(qint64 nowMs) const;
    // A request went at `nowMs`.
    void record(qint64 nowMs);
    // Nobody goes before `untilMs` (the server said Retry-After).
    void holdUntil(qint64 untilMs);
    qint64 heldUntil() const { return m_heldUntil; }
    // Requests younger than the window at `nowMs`.
    int inWindow(qint64 nowMs) const;

private:
    void prune(qint64 nowMs) const;

    int m_limit;
    qint64 m_windowMs;
    qint64 m_marginMs;
    qint64 m_heldUntil = 0;
    mutable std::deque<qint64> m_sent;
};

} // namespace LittleLemon::Client
