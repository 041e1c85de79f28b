#pragma once

#include "api/server/httpresponse.h"

#include <QJsonArray>

namespace LittleLemon::Server {

class RequestContext;

// DRF's PageNumberPagination as the cloud runs it: ?page=N (or "last"),
// a fixed page size, {"count","next","previous","results"} with absolute
// next/previous URLs, and 404 {"detail": "Invalid page."} for a page that
// does not exist (page 1 of an empty list exists).
//
// With the page_size extension ?page_size=N (1..500) overrides the size for
// this request (out of range: 400); next/previous links keep it.
struct PageWindow
{
    static constexpr int kMaxPageSize = 500;

    qint64 page = 1;
    qint64 pages = 1;
    qint64 count = 0;
    qint64 offset = 0;
    qint64 limit = 0;

    // Reads ?page= against `count` rows; throws HttpError 404 when invalid.
    static PageWindow resolve(const RequestContext &context, qint64 count, int pageSize);
    // `results` is the page's rows as an encoded JSON array (JsonWriter).
    Response respond(const RequestContext &context, const QByteArray &results) const;
    Response respond(const RequestContext &context, const QJsonArray &results) const;
};

} // namespace LittleLemon::Server
