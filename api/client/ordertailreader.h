#pragma once

#include "api/client/apijob.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QSet>

namespace LittleLemon::Client {

class ApiClient;
class RequestJob;

// Follows GET /api/orders on a server without a change feed (the cloud) for
// a few requests a cycle instead of every page. The cloud lists orders
// oldest first, a fixed number a page (3), and ignores ?ordering=, so the
// newest are on the last page:
//
// - tail (the cache holds the list as it was at `lastCount`): read the page
//   that was last then, and any after it (the count in its answer says how
//   many there are now); every order newer than the last cycle is there. If
//   the count does not add up (an order deleted, or an older one newly
//   visible, as when crew is assigned one) it reads everything instead.
//   Open orders older than that window are refreshed too: a page where two
//   or more of them sit, else each one alone (GET /api/orders/{id}).
// - full: page 1 (the count and the page size), then the pages from the last
//   backwards, so the newest (open) orders arrive first and the board is
//   usable while the history loads.
//
// Each page's records are handed over as they arrive (pageRead()); the job's
// value is the number of orders the server lists now. It never writes the
// cache itself.
class OrderTailReader : public Job<qint64>
{
    Q_OBJECT

public:
    struct Known
    {
        qint64 lastCount = -1;       // the server's count at the last read; -1: never read
        int pageSize = 0;            // its page size; 0: not known yet
        QList<qint64> ids;           // the cached orders' ids, ascending
        QSet<qint64> open;           // those not delivered (nor cancelled)
    };

    OrderTailReader(ApiClient *client, Known known, bool full, QObject *parent = nullptr);

    void start();

    // Whether everything was read (the caller then drops cached orders not in allIds()).
    bool wasFull() const { return m_full; }
    const QSet<qint64> &allIds() const { return m_seen; }
    // Orders the server no longer shows this user (404/403 on their own GET).
    const QList<qint64> &gone() const { return m_gone; }
    int pageSize() const { return m_pageSize; }
    int sends() const { return m_sends; }

Q_SIGNALS:
    void pageRead(const QList<QJsonObject> &records);

protected:
    void onAbort() override;

private:
    enum class Step { FirstPage, TailPage, Page, Single };
    // Full: every page; Window: the tail pages; Opens: older open orders.
    enum class Phase { Full, Window, Opens };

    void get(const QString &path, int page, Step step, qint64 id = 0);
    void onAnswer(RequestJob *job, Step step, qint64 id, const ApiError &error);
    bool takePage(RequestJob *job, QList<QJsonObject> *records);
    void startFull();
    void afterTailWindow();
    void next();

    QPointer<ApiClient> m_client;
    Known m_known;
    bool m_full;
    Phase m_phase = Phase::Full;
    QPointer<RequestJob> m_current;
    int m_pageSize = 0;
    qint64 m_count = -1;
    int m_tailFirstPage = 0;
    qint64 m_windowLow = 0;      // the oldest id the tail window holds
    int m_newInWindow = 0;
    QList<int> m_pages;          // still to read, in order
    QList<qint64> m_singles;     // still to read one by one
    QSet<qint64> m_seen;
    QList<qint64> m_gone;
    int m_sends = 0;
};

} // namespace LittleLemon::Client
