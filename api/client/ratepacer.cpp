#include "api/client/ratepacer.h"

#include "api/client/clientlog.h"

namespace LittleLemon::Client {

RatePacer::RatePacer(const QString &name, int perMinute, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_window(perMinute)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    // Coarse timers may fire 5 % late; a minute's wait would drift by seconds.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RatePacer::pump);
}

void RatePacer::setLimit(int perMinute)
{
    if (perMinute == m_window.limit())
        return;
    qCInfo(lcPacing) << m_name << "pacing at" << perMinute << "requests a minute";
    m_window.setLimit(perMinute);
    pump();
}

void RatePacer::acquire(QObject *owner, std::function<void()> ready, bool first)
{
    Waiter w { owner, std::move(ready), m_clock.elapsed() };
    if (first)
        m_queue.prepend(std::move(w));
    else
        m_queue.append(std::move(w));
    pump();
}

void RatePacer::cancel(QObject *owner)
{
    m_queue.removeIf([owner](const Waiter &w) { return w.owner == owner; });
}

void RatePacer::holdFor(qint64 ms)
{
    m_window.holdUntil(m_clock.elapsed() + ms);
    qCInfo(lcPacing) << m_name << "holding all requests for" << ms << "ms (Retry-After)";
}

void RatePacer::pump()
{
    // `ready` may queue more work (and call pump) before it returns.
    if (m_pumping)
        return;
    m_pumping = true;
    while (!m_queue.isEmpty()) {
        if (!m_queue.first().owner) {
            m_queue.removeFirst();
            continue;
        }
        const qint64 now = m_clock.elapsed();
        const qint64 wait = m_window.delay(now);
        if (wait > 0) {
            if (!m_timer.isActive() || m_timer.remainingTime() > wait + 5) {
                qCDebug(lcPacing) << m_name << "next request waits" << wait << "ms;" << m_queue.size()
                                  << "waiting";
                Q_EMIT pacing(wait, int(m_queue.size()));
            }
            m_timer.start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
            break;
        }
        Waiter w = m_queue.takeFirst();
        m_window.record(now);
        m_totalWaitedMs += now - w.queuedAt;
        if (w.owner)
            w.ready();
    }
    m_pumping = false;
}

} // namespace LittleLemon::Client
