#include "api/client/collectionreader.h"

#include "api/client/apiclient.h"
#include "api/client/clienterrors.h"
#include "api/client/requestjob.h"
#include "models/jsoncodec.h"

#include <QJsonArray>

namespace LittleLemon::Client {

CollectionReader::CollectionReader(ApiClient *client, const Request &first, QObject *parent)
    : Job<QList<QJsonObject>>(parent)
    , m_client(client)
    , m_first(first)
{
}

void CollectionReader::start()
{
    fetch(m_first);
}

void CollectionReader::onAbort()
{
    if (m_current)
        m_current->abort();
}

void CollectionReader::fetch(const Request &request)
{
    if (isFinished())
        return;
    RequestJob *job = m_client ? m_client->send(request) : nullptr;
    if (!job) {
        fail(ClientErrors::aborted());
        return;
    }
    m_current = job;
    job->setParent(this);
    job->setAutoDelete(false);
    job->setTimeout(timeout());
    connect(job, &ApiJob::finished, this, [this, job](const ApiError &error) {
        job->deleteLater();
        m_current = nullptr;
        m_sends += job->sends();
        if (error.isError())
            fail(error);
        else
            onPage(job);
    });
}

void CollectionReader::onPage(RequestJob *reply)
{
    const QString server = m_client ? m_client->endpoint().displayName() : QString();
    const QJsonValue &json = reply->json();
    QJsonArray results;
    QUrl next;
    if (json.isArray()) {
        results = json.toArray();
    } else {
        QUrl previous;
        DecodeError error;
        if (!Json::decodeEnvelope(json, &m_count, &next, &previous, &results, &error)) {
            fail(ClientErrors::unreadable(server, reply->httpStatus(), error.toString()));
            return;
        }
    }
    for (qsizetype i = 0; i < results.size(); ++i) {
        if (!results.at(i).isObject()) {
            fail(ClientErrors::unreadable(server, reply->httpStatus(),
                                          QStringLiteral("results[%1]: expected an object").arg(i)));
            return;
        }
        m_records.append(results.at(i).toObject());
    }
    ++m_pagesDone;
    if (json.isArray())
        m_count = m_records.size();
    if (m_pagesDone == 1) {
        const qint64 perPage = std::max<qint64>(1, results.size());
        m_pagesTotal = int(std::max<qint64>(1, (m_count + perPage - 1) / perPage));
    }
    m_pagesTotal = std::max(m_pagesTotal, m_pagesDone + (next.isEmpty() ? 0 : 1));
    Q_EMIT progress(m_pagesDone, m_pagesTotal);
    if (next.isEmpty()) {
        succeed(std::move(m_records));
        return;
    }
    const QUrl url = m_client ? m_client->endpoint().rehome(next) : QUrl();
    // A server that links back to a page already read would keep us here forever.
    if (!url.isValid() || m_visited.contains(url.toString())) {
        fail(ClientErrors::unreadable(server, reply->httpStatus(),
                                      QStringLiteral("next: links to a page already read: %1").arg(next.toString())));
        return;
    }
    m_visited.insert(url.toString());
    Request request = m_first;
    request.path.clear();
    request.query.clear();
    request.absoluteUrl = next;
    fetch(request);
}

} // namespace LittleLemon::Client
