#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>

namespace LittleLemon::Server {

// DRF's SimpleRateThrottle, per client key: at most `limit` requests in any
// `windowMs` sliding window; a refused request is not counted, and the wait
// is the time until the oldest counted request leaves the window. To keep
// memory bounded when a site raises the limit to millions, requests arriving
// within the same `bucketMs` share one entry (the window is exact to that
// granularity).
class Throttle
{
public:
    explicit Throttle(qint64 windowMs = 60000, qint64 bucketMs = 100);

    // True when the request may go ahead (and is counted). Otherwise
    // *waitSeconds gets DRF's rounded-up wait.
    bool allow(const QByteArray &key, int limit, qint64 nowMs, int *waitSeconds);
    // Drops clients idle for a whole window; call now and then.
    void prune(qint64 nowMs);
    qsizetype clientCount() const { return m_clients.size(); }

private:
    struct Entry
    {
        qint64 firstMs; // the first request of this bucket
        qint64 count;
    };
    struct Client
    {
        QList<Entry> entries; // oldest first
        qint64 total = 0;
        qint64 lastMs = 0;
    };

    qint64 m_windowMs;
    qint64 m_bucketMs;
    QHash<QByteArray, Client> m_clients;
    qint64 m_lastPrune = 0;
};

} // namespace LittleLemon::Server
