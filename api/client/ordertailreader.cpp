#include "api/client/ordertailreader.h"

#include "api/client/apiclient.h"
#include "api/client/clienterrors.h"
#include "api/client/requestjob.h"
#include "api/client/synclog.h"
#include "models/jsoncodec.h"
#include "models/recordjson.h"

#include <QJsonArray>

#include <algorithm>

namespace LittleLemon::Client {

namespace {

const QString kOrders = QStringLiteral("/api/orders");

int pagesFor(qint64 count, int pageSize)
{
    return int(std::max<qint64>(1, (count + pageSize - 1) / pageSize));
}

} // namespace

OrderTailReader::OrderTailReader(ApiClient *client, Known known, bool full, QObject *parent)
    : Job<qint64>(parent)
    , m_client(client)
    , m_known(std::move(known))
    , m_full(full || m_known.lastCount < 0 || m_known.pageSize <= 0)
    , m_pageSize(m_known.pageSize)
{
    std::sort(m_known.ids.begin(), m_known.ids.end());
}

void OrderTailReader::start()
{
    if (m_full) {
        startFull();
        return;
    }
    m_phase = Phase::Window;
    m_tailFirstPage = pagesFor(m_known.lastCount, m_pageSize);
    get(kOrders, m_tailFirstPage, Step::TailPage);
}

void OrderTailReader::onAbort()
{
    if (m_current)
        m_current->abort();
}

void OrderTailReader::startFull()
{
    qCInfo(lcSync) << "orders: reading every page";
    m_full = true;
    m_phase = Phase::Full;
    m_pages.clear();
    m_singles.clear();
    get(kOrders, 1, Step::FirstPage);
}

void OrderTailReader::get(const QString &path, int page, Step step, qint64 id)
{
    if (isFinished())
        return;
    Request request = Request::get(path);
    if (page > 1)
        request.query.addQueryItem(QStringLiteral("page"), QString::number(page));
    // The cloud's "Invalid page." (a page past the end) and a single order
    // that is gone or no longer this user's are answers, not failures.
    request.acceptedStatuses = step == Step::Single ? QList<int> { 403, 404 } : QList<int> { 404 };
    RequestJob *job = m_client ? m_client->send(request) : nullptr;
    if (!job) {
        fail(ClientErrors::aborted());
        return;
    }
    m_current = job;
    job->setParent(this);
    job->setAutoDelete(false);
    job->setTimeout(timeout());
    connect(job, &ApiJob::finished, this, [this, job, step, id](const ApiError &error) {
        job->deleteLater();
        m_current = nullptr;
        m_sends += job->sends();
        onAnswer(job, step, id, error);
    });
}

bool OrderTailReader::takePage(RequestJob *job, QList<QJsonObject> *records)
{
    qint64 count = 0;
    QUrl next;
    QUrl previous;
    QJsonArray results;
    DecodeError decodeError;
    if (!Json::decodeEnvelope(job->json(), &count, &next, &previous, &results, &decodeError)) {
        fail(ClientErrors::unreadable(m_client ? m_client->endpoint().displayName() : QString(), job->httpStatus(),
                                      decodeError.toString()));
        return false;
    }
    for (const QJsonValue &v : std::as_const(results)) {
        const QJsonObject o = v.toObject();
        records->append(o);
        m_seen.insert(RecordJson::toId(o.value(QStringLiteral("id"))));
    }
    m_count = count;
    // The page size is what a full page holds (every page but the last is full).
    if (!next.isEmpty() && !results.isEmpty())
        m_pageSize = int(results.size());
    else if (m_pageSize <= 0)
        m_pageSize = int(std::max<qsizetype>(1, results.size()));
    return true;
}

void OrderTailReader::onAnswer(RequestJob *job, Step step, qint64 id, const ApiError &error)
{
    if (isFinished())
        return;
    if (error.isError()) {
        fail(error);
        return;
    }
    if (step == Step::Single) {
        if (job->httpStatus() == 200 && job->json().isObject()) {
            Q_EMIT pageRead({ job->json().toObject() });
        } else {
            m_gone << id;
        }
        next();
        return;
    }
    if (job->httpStatus() == 404) {
        // A page past the end: the list got shorter since we last looked.
        if (m_phase == Phase::Window) {
            qCInfo(lcSync) << "orders: page" << m_tailFirstPage << "is gone; the list shrank";
            startFull();
        } else {
            next();
        }
        return;
    }
    QList<QJsonObject> records;
    if (!takePage(job, &records))
        return;
    if (!records.isEmpty())
        Q_EMIT pageRead(records);

    switch (step) {
    case Step::FirstPage: {
        const int last = pagesFor(m_count, m_pageSize);
        for (int p = last; p >= 2; --p)
            m_pages << p;
        Q_EMIT progress(1, last);
        next();
        return;
    }
    case Step::TailPage: {
        m_windowLow = records.isEmpty() ? std::numeric_limits<qint64>::max() : RecordJson::toId(records.first().value(QStringLiteral("id")));
        const int last = pagesFor(m_count, m_pageSize);
        for (int p = m_tailFirstPage + 1; p <= last; ++p)
            m_pages << p;
        next();
        return;
    }
    case Step::Page:
    case Step::Single:
        next();
        return;
    }
}

void OrderTailReader::afterTailWindow()
{
    m_phase = Phase::Opens;
    const qint64 newest = m_known.ids.isEmpty() ? 0 : m_known.ids.last();
    const int fresh = int(std::count_if(m_seen.cbegin(), m_seen.cend(), [newest](qint64 id) { return id > newest; }));
    if (m_count != m_known.lastCount + fresh) {
        // Something older changed its place in the list: only a full read can tell what.
        qCInfo(lcSync) << "orders: the count went from" << m_known.lastCount << "to" << m_count << "with" << fresh
                       << "new - reading everything";
        startFull();
        return;
    }
    // Open orders older than the window: where they sit in the list is where
    // they sat in the cache (nothing older moved, or the count would not add up).
    QMap<int, QList<qint64>> byPage;
    for (qint64 id : std::as_const(m_known.open)) {
        if (id >= m_windowLow || m_seen.contains(id))
            continue;
        const auto at = std::lower_bound(m_known.ids.cbegin(), m_known.ids.cend(), id);
        if (at == m_known.ids.cend() || *at != id)
            continue;
        byPage[int((at - m_known.ids.cbegin()) / m_pageSize) + 1] << id;
    }
    // Newest first, as the board shows them.
    const QList<int> pages = byPage.keys();
    for (auto it = pages.crbegin(); it != pages.crend(); ++it) {
        const QList<qint64> &ids = byPage[*it];
        if (ids.size() >= 2)
            m_pages << *it;
        else
            m_singles << ids;
    }
    next();
}

void OrderTailReader::next()
{
    if (isFinished())
        return;
    if (!m_pages.isEmpty()) {
        get(kOrders, m_pages.takeFirst(), Step::Page);
        return;
    }
    if (m_phase == Phase::Window) {
        afterTailWindow();
        return;
    }
    if (!m_singles.isEmpty()) {
        const qint64 id = m_singles.takeFirst();
        get(kOrders + u'/' + QString::number(id), 0, Step::Single, id);
        return;
    }
    succeed(m_count);
}

} // namespace LittleLemon::Client
