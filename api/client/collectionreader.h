#pragma once

#include "api/client/apijob.h"
#include "api/client/request.h"

#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QSet>

namespace LittleLemon::Client {

class ApiClient;
class RequestJob;

// Reads a whole collection as the server's own JSON records, for the sync
// engine's full reads: the cache keeps records as the server wrote them (with
// fields this build may not decode yet), so nothing is lost by decoding into
// the typed records and back. Follows `next` links (re-homed onto the
// configured server) until there is none; a plain JSON array (group members)
// is a collection of one page. The result is every record or an error, never
// part of them.
class CollectionReader : public Job<QList<QJsonObject>>
{
    Q_OBJECT

public:
    // `first` is the first page's request; page_size is the caller's to add.
    CollectionReader(ApiClient *client, const Request &first, QObject *parent = nullptr);

    void start();

    qint64 count() const { return m_count; }
    int pagesDone() const { return m_pagesDone; }
    // Requests sent, retries included.
    int sends() const { return m_sends; }
    const Request &firstRequest() const { return m_first; }

protected:
    void onAbort() override;

private:
    void fetch(const Request &request);
    void onPage(RequestJob *reply);

    QPointer<ApiClient> m_client;
    Request m_first;
    QPointer<RequestJob> m_current;
    QList<QJsonObject> m_records;
    QSet<QString> m_visited;
    qint64 m_count = 0;
    int m_pagesDone = 0;
    int m_pagesTotal = 0;
    int m_sends = 0;
};

} // namespace LittleLemon::Client
