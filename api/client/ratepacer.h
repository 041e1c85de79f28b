#pragma once

#include "api/client/slidingwindow.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>

namespace LittleLemon::Client {

// Keeps the requests to one server (for one kind of caller: anonymous or
// signed in) under the server's rate. Requests queue in order; each runs its
// `ready` callback when a slot is free. A 429's Retry-After holds everybody,
// and the retried request goes first when the hold ends.
class RatePacer : public QObject
{
    Q_OBJECT

public:
    RatePacer(const QString &name, int perMinute, QObject *parent = nullptr);

    void setLimit(int perMinute);
    int limit() const { return m_window.limit(); }
    const QString &name() const { return m_name; }

    // Runs `ready` (synchronously when a slot is free now) on behalf of
    // `owner`; nothing runs once `owner` is destroyed or cancelled. `first`
    // puts the request before those already waiting (a retry keeps its place).
    void acquire(QObject *owner, std::function<void()> ready, bool first = false);
    void cancel(QObject *owner);
    // The server said "come back in `ms`".
    void holdFor(qint64 ms);

    int waiting() const { return int(m_queue.size()); }
    // Total time requests spent waiting for a slot, in ms (for progress and tests).
    qint64 totalWaitedMs() const { return m_totalWaitedMs; }

Q_SIGNALS:
    // The next request waits `ms` for its slot; `queued` requests are waiting.
    void pacing(qint64 ms, int queued);

private:
    struct Waiter
    {
        QPointer<QObject> owner;
        std::function<void()> ready;
        qint64 queuedAt = 0;
    };

    void pump();

    QString m_name;
    SlidingWindow m_window;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QList<Waiter> m_queue;
    qint64 m_totalWaitedMs = 0;
    bool m_pumping = false;
};

} // namespace LittleLemon::Client
