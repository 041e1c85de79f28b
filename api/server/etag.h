#pragma once

#include "api/server/httpresponse.h"

#include <QByteArray>

namespace LittleLemon::Server {

class RequestContext;

// The `etag` extension. A resource's ETag is a hash of its representation
// as its own GET shows it, so it changes exactly when what a client sees
// changes, with nothing stored. Writes compare If-Match against the current
// representation before changing anything.
class ETag
{
public:
    // "\"<16 hex digits>\"": a strong ETag.
    static QByteArray of(const QByteArray &representation);

    // Throws HttpError 412 with `current` as the body (and its ETag) when the
    // request carries If-Match and none of its tags is the current one
    // ("*" matches any existing resource).
    static void require(const RequestContext &context, const QByteArray &current);

    // A JSON answer carrying `representation`'s ETag (the body itself by default).
    static Response respond(int status, QByteArray body);
    static Response respond(int status, QByteArray body, const QByteArray &representation);
};

} // namespace LittleLemon::Server
