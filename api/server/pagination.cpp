#include "api/server/pagination.h"

#include "api/server/httperror.h"
#include "api/server/requestcontext.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace LittleLemon::Server {

PageWindow PageWindow::resolve(const RequestContext &context, qint64 count, int pageSize)
{
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
        return QJsonValue(context.absoluteUrl(items));
    };
    return Response::json(200, QJsonObject {
                                   { QStringLiteral("count"), count },
                                   { QStringLiteral("next"), page < pages ? withPage(page + 1) : QJsonValue() },
                                   { QStringLiteral("previous"), page > 1 ? withPage(page - 1) : QJsonValue() },
                                   { QStringLiteral("results"), results },
                               });
}

} // namespace LittleLemon::Server
