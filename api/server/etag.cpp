#include "api/server/etag.h"

#include "api/server/httperror.h"
#include "api/server/requestcontext.h"

#include <QCryptographicHash>

namespace LittleLemon::Server {

QByteArray ETag::of(const QByteArray &representation)
{
    // 64 bits of SHA-1: collisions between two versions of one resource
    // are not a practical concern, and the header stays short.
    const QByteArray digest = QCryptographicHash::hash(representation, QCryptographicHash::Sha1);
    return '"' + digest.left(8).toHex() + '"';
}

void ETag::require(const RequestContext &context, const QByteArray &current)
{
    const Request &request = context.request();
    if (!request.hasHeader("If-Match"))
        return;
    const QByteArray tag = of(current);
    for (const QByteArray &part : request.header("If-Match").split(',')) {
        const QByteArray t = part.trimmed();
        if (t == "*" || t == tag)
            return;
    }
    throw HttpError::raw(412, current).withHeader("ETag", tag);
}

Response ETag::respond(int status, QByteArray body)
{
    const QByteArray tag = of(body);
    Response r = Response::jsonBytes(status, std::move(body));
    r.setHeader("ETag", tag);
    return r;
}

Response ETag::respond(int status, QByteArray body, const QByteArray &representation)
{
    Response r = Response::jsonBytes(status, std::move(body));
    r.setHeader("ETag", of(representation));
    return r;
}

} // namespace LittleLemon::Server
