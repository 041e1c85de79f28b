#pragma once

#include "api/client/calljob.h"
#include "api/client/serverendpoint.h"

#include <QSet>

#include <functional>
#include <optional>

namespace LittleLemon::Client {

// Reads a whole collection: the first page, then every `next` link (moved
// onto the configured scheme, host and port, whatever host form the server
// wrote into it) until there is none. progress() reports pages read and
// pages in all. A plain JSON array (the cart, group members) is a collection
// of one page. The result is every record, or an error: never part of them.
//
// The one page walker: `decoder` turns one page's records into items (typed
// records for ListJob, the server's own JSON objects for CollectionReader),
// all or nothing, naming the field that failed.
template<typename T>
class PagedJob : public Job<QList<T>>
{
public:
    using Decoder = std::function<std::optional<QList<T>>(const QJsonValue &records, DecodeError *error,
                                                          const QString &path)>;

    PagedJob(RequestSender sender, ServerEndpoint endpoint, Decoder decoder, QObject *parent = nullptr)
        : Job<QList<T>>(parent)
        , m_sender(std::move(sender))
        , m_endpoint(std::move(endpoint))
        , m_decoder(std::move(decoder))
    {
    }

    void start(const Request &first)
    {
        m_template = first;
        fetch(first);
    }

    void setTimeout(int ms) override
    {
        ApiJob::setTimeout(ms);
        if (m_current)
            m_current->setTimeout(ms);
    }

    // The server's count of records (from the first page on).
    qint64 count() const { return m_count; }
    int pagesDone() const { return m_pagesDone; }
    int pagesTotal() const { return m_pagesTotal; }
    // Sends of all pages together (retries included).
    int sends() const { return m_sends; }
    int throttleWaits() const { return m_throttleWaits; }

protected:
    void onAbort() override
    {
        if (m_current)
            m_current->abort();
    }

private:
    void fetch(const Request &request)
    {
        if (this->isFinished())
            return;
        RequestJob *job = m_sender ? m_sender(request) : nullptr;
        if (!job) {
            this->fail(ClientErrors::aborted());
            return;
        }
        m_current = job;
        job->setParent(this);
        job->setAutoDelete(false);
        job->setTimeout(this->timeout());
        QObject::connect(job, &ApiJob::finished, this, [this, job](const ApiError &error) {
            job->deleteLater();
            m_current = nullptr;
            m_sends += job->sends();
            m_throttleWaits += job->throttleWaits();
            if (error.isError())
                this->fail(error);
            else
                onPage(*job);
        });
    }

    void onPage(const RequestJob &reply)
    {
        DecodeError error;
        const QJsonValue &json = reply.json();
        if (json.isArray()) {
            auto items = m_decoder(json, &error, QString());
            if (!items) {
                failUnreadable(reply, error);
                return;
            }
            m_items += *items;
            m_count = m_items.size();
            m_pagesDone = m_pagesTotal = 1;
            Q_EMIT this->progress(1, 1);
            this->succeed(std::move(m_items));
            return;
        }
        qint64 count = 0;
        QUrl next;
        QUrl previous;
        QJsonArray results;
        if (!Json::decodeEnvelope(json, &count, &next, &previous, &results, &error)) {
            failUnreadable(reply, error);
            return;
        }
        auto items = m_decoder(results, &error, QStringLiteral("results"));
        if (!items) {
            failUnreadable(reply, error);
            return;
        }
        m_items += *items;
        m_count = count;
        ++m_pagesDone;
        if (m_pagesDone == 1) {
            const qint64 perPage = std::max<qint64>(1, items->size());
            m_pagesTotal = int(std::max<qint64>(1, (count + perPage - 1) / perPage));
        }
        m_pagesTotal = std::max(m_pagesTotal, m_pagesDone + (next.isEmpty() ? 0 : 1));
        Q_EMIT this->progress(m_pagesDone, m_pagesTotal);
        if (next.isEmpty()) {
            this->succeed(std::move(m_items));
            return;
        }
        const QUrl url = m_endpoint.rehome(next);
        // A server that links back to a page already read would keep us here forever.
        if (m_visited.contains(url.toString()) || !url.isValid()) {
            error = { QStringLiteral("next"), QStringLiteral("links to a page already read: %1").arg(next.toString()) };
            failUnreadable(reply, error);
            return;
        }
        m_visited.insert(url.toString());
        Request request = m_template;
        request.path.clear();
        request.query.clear();
        request.absoluteUrl = next;
        fetch(request);
    }

    void failUnreadable(const RequestJob &reply, const DecodeError &error)
    {
        this->fail(ClientErrors::unreadable(m_endpoint.displayName(), reply.httpStatus(), error.toString()));
    }

    RequestSender m_sender;
    ServerEndpoint m_endpoint;
    Decoder m_decoder;
    Request m_template;
    QPointer<RequestJob> m_current;
    QList<T> m_items;
    QSet<QString> m_visited;
    qint64 m_count = 0;
    int m_pagesDone = 0;
    int m_pagesTotal = 0;
    int m_sends = 0;
    int m_throttleWaits = 0;
};

// A whole collection as typed records (strict decoding, Json::decodeList).
template<typename T>
class ListJob : public PagedJob<T>
{
public:
    ListJob(RequestSender sender, ServerEndpoint endpoint, QObject *parent = nullptr)
        : PagedJob<T>(std::move(sender), std::move(endpoint),
                      [](const QJsonValue &records, DecodeError *error, const QString &path) {
                          return Json::decodeList<T>(records, error, path);
                      },
                      parent)
    {
    }
};

} // namespace LittleLemon::Client
