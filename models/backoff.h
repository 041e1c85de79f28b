#pragma once

#include <algorithm>

namespace LittleLemon {

// The one backoff: wait `initial`, and after each failed try twice as long,
// up to `maximum`; a success starts it over. The connectivity probe and the
// desk's sign-in retry both count with it.
class Backoff
{
public:
    Backoff(int initialMs, int maximumMs) { setLimits(initialMs, maximumMs); }

    void setLimits(int initialMs, int maximumMs)
    {
        m_initial = std::max(1, initialMs);
        m_maximum = std::max(m_initial, maximumMs);
        m_delay = std::clamp(m_delay, m_initial, m_maximum);
    }
    int initial() const { return m_initial; }
    int maximum() const { return m_maximum; }
    // How long to wait before the next try.
    int delay() const { return m_delay; }
    // A try failed: the next wait doubles, up to the maximum. Returns it.
    int fail()
    {
        m_delay = m_delay > m_maximum / 2 ? m_maximum : m_delay * 2;
        return m_delay;
    }
    void reset() { m_delay = m_initial; }

private:
    int m_initial = 1;
    int m_maximum = 1;
    int m_delay = 1;
};

} // namespace LittleLemon
