// ApiError::fromHttp, fed any status and any body: the four error-body
// shapes of the cloud and everything that is not one of them. An error
// answer always becomes an error of the kind its status says, with a
// sentence for a person, and never a crash.
//
// An input is a first line "STATUS [RETRY-AFTER]" and the body after it.

#include "fuzzsupport.h"

#include "models/apierror.h"


using namespace LittleLemon;

namespace {
ApiError::Kind expectedKind(int status)
{
    switch (status) {
    case 401: return ApiError::Kind::Unauthorized;
    case 403: return ApiError::Kind::Forbidden;
    case 404: return ApiError::Kind::NotFound;
    case 412: return ApiError::Kind::Conflict;
    case 429: return ApiError::Kind::Throttled;
    default: break;
    }
    if (status >= 500)
        return ApiError::Kind::Server;
    if (status >= 400)
        return ApiError::Kind::Validation;
    return ApiError::Kind::Protocol;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    LittleLemon::Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QList<QByteArray> head = input.left(newline < 0 ? input.size() : newline).split(' ');
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);
    const int status = qBound(0, head.value(0).toInt(), 999);
    const int retryAfter = head.size() > 1 ? qBound(-1, head.at(1).toInt(), 100000) : -1;
    const ApiError e = ApiError::fromHttp(status, body, retryAfter);
    const QByteArray context = "status " + QByteArray::number(status) + "\nbody: " + body;
    LL_FUZZ_CHECK(e.isError(), context);
    LL_FUZZ_CHECK(e.kind() == expectedKind(status), context);
    LL_FUZZ_CHECK(e.httpStatus() == status, context);
    LL_FUZZ_CHECK(!e.userMessage().isEmpty(), context);
    LL_FUZZ_CHECK(e.retryAfterSeconds() >= -1, context);
    if (retryAfter >= 0)
        LL_FUZZ_CHECK(e.retryAfterSeconds() == retryAfter, context);
    (void)ApiError::kindName(e.kind());
    for (auto it = e.fieldErrors().cbegin(); it != e.fieldErrors().cend(); ++it)
        (void)humanFieldName(it.key());
    return 0;
}
