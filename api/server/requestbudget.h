#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>

namespace LittleLemon::Server {

// The request bytes Qt HTTP Server may hold in memory at once, all
// connections of the process together. Qt 6.4 keeps a request's header
// block and body in memory until the whole request has arrived (twice: in
// the socket's read transaction and in the parsed request), so without a
// bound a thousand unfinished 1 MB uploads take gigabytes. ConnectionGuard
// reserves what a request will make Qt hold before Qt reads it; a request
// that does not fit is answered 503 with Retry-After and never buffered.
// One peer address may hold at most half of it, so one client cannot shut
// out the others.
class RequestBudget
{
public:
    static constexpr qint64 kDefaultLimit = 64 * 1024 * 1024;

    static RequestBudget &global();

    void setLimit(qint64 bytes);
    qint64 limit() const;
    qint64 used() const;

    // Reserves `bytes` for `peer`; false (and nothing reserved) when that
    // would pass the limit or the peer's share.
    bool reserve(const QByteArray &peer, qint64 bytes);
    // Gives back what reserve() took. True when most of a large peak is
    // gone again: the moment to hand memory back to the system.
    bool release(const QByteArray &peer, qint64 bytes);

    // Returns freed heap memory to the system (glibc keeps it otherwise: the
    // peak of a burst would stay in the process's size for good).
    static void giveBackMemory();

private:
    mutable QMutex m_mutex;
    qint64 m_limit = kDefaultLimit;
    qint64 m_used = 0;
    qint64 m_peak = 0;
    QHash<QByteArray, qint64> m_byPeer;
};

} // namespace LittleLemon::Server
