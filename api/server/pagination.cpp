#include "api/server/pagination.h"

#include "api/server/httperror.h"
#include "api/server/jsonwriter.h"
#include "api/server/requestcontext.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace LittleLemon::Server {

PageWindow PageWindow::resolve(const RequestContext &context, qint64 count, int pageSize)
{
    // The page_size extension: 1..500 rows a page instead of the server's size.
    const QString sizeText = context.request().queryValue(u"page_size");
    if (!sizeText.isNull()) {
        bool ok = false;
        const qint64 n = sizeText.trimmed().toLongLong(&ok);
        if (!ok || n < 1 || n > kMaxPageSize) {
            throw HttpError::field(QStringLiteral("page_size"),
                                   QCoreApplication::translate("LittleLemon::Server",
                                                               "Ensure this value is a whole number from 1 to %1.")
                                       .arg(kMaxPageSize));
        }
        pageSize = int(n);
    }
    PageWindow w;
    w.count = count;
    w.limit = pageSize;
    w.pages = count == 0 ? 1 : (count + pageSize - 1) / pageSize;
    const QString text = context.request().queryValue(u"page");
    if (!text.isNull() && !text.isEmpty()) {
        auto invalid = [] {
            return HttpError::detail(404, QCoreApplication::translate("LittleLemon::Server", "Invalid page."));
        };
        if (text == u"last") {
            w.page = w.pages;
        } else {
            // Python's int() takes surrounding spaces and a sign; nothing else.
            bool ok = false;
            const qint64 n = text.trimmed().toLongLong(&ok);
            if (!ok || n < 1 || n > w.pages)
                throw invalid();
            w.page = n;
        }
    }
    w.offset = (w.page - 1) * pageSize;
    return w;
}

Response PageWindow::respond(const RequestContext &context, const QJsonArray &results) const
{
    return respond(context, QJsonDocument(results).toJson(QJsonDocument::Compact));
}

Response PageWindow::respond(const RequestContext &context, const QByteArray &results) const
{
    const QList<Request::QueryItem> &query = context.request().query;
    auto withPage = [&](qint64 page) {
        QList<Request::QueryItem> items;
        for (const auto &item : query) {
            if (item.first != u"page")
                items.append(item);
        }
        // DRF drops ?page= from the link to page 1.
        if (page > 1)
            items.append({ QStringLiteral("page"), QString::number(page) });
        return context.absoluteUrl(items);
    };
    JsonWriter w;
    w.beginObject().key("count").value(count).key("next");
    if (page < pages)
        w.value(withPage(page + 1));
    else
        w.null();
    w.key("previous");
    if (page > 1)
        w.value(withPage(page - 1));
    else
        w.null();
    w.key("results").raw(results).endObject();
    return Response::jsonBytes(200, w.take());
}

} // namespace LittleLemon::Server
