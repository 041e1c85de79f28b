#pragma once

#include "api/client/listjob.h"
#include "api/client/request.h"

#include <QJsonObject>
#include <QList>

namespace LittleLemon::Client {

class ApiClient;

// Reads a whole collection as the server's own JSON records, for the sync
// engine's full reads: the cache keeps records as the server wrote them (with
// fields this build may not decode yet), so nothing is lost by decoding into
// the typed records and back. The same page walker as ListJob (PagedJob):
// `next` links re-homed onto the configured server, a plain JSON array (group
// members) as one page, every record or an error, never part of them.
class CollectionReader : public PagedJob<QJsonObject>
{
    Q_OBJECT

public:
    // `first` is the first page's request; page_size is the caller's to add.
    CollectionReader(ApiClient *client, const Request &first, QObject *parent = nullptr);

    void start() { PagedJob<QJsonObject>::start(m_first); }
    const Request &firstRequest() const { return m_first; }

private:
    Request m_first;
};

} // namespace LittleLemon::Client
