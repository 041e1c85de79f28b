#pragma once

#include "models/apierror.h"

#include <QString>

namespace LittleLemon::Client {

// The errors the client makes itself (no HTTP answer to read, or an answer
// that means something more specific in its context), each with the sentence
// a restaurant worker reads. HTTP error answers are read by ApiError::fromHttp.
namespace ClientErrors {

// Connection refused, host unknown, network down: "Cannot reach the server at …".
ApiError offline(const QString &server, const QString &detail);
// No answer within the job's timeout.
ApiError timeout(const QString &server, int timeoutMs);
// The TLS handshake failed (for instance https:// to a plain-HTTP server).
ApiError tlsHandshake(const QString &server, const QString &detail);
// The certificate is not trusted; `fingerprint` lets a person trust it on purpose.
ApiError untrustedCertificate(const QString &server, const QString &detail, const QString &fingerprint);
ApiError aborted();
// A 2xx answer whose body is not what the contract says.
ApiError unreadable(const QString &server, int httpStatus, const QString &detail);
// A call that needs a signed-in user, made while signed out.
ApiError signInRequired();
// The refresh token was refused: the session is over.
ApiError sessionExpired();
// The server refused a fresh access token too.
ApiError signInRefused(const ApiError &fromServer);
// 401 from /auth/jwt/create/.
ApiError wrongCredentials(const ApiError &fromServer);
// A 429 the caller asked not to wait out (or longer than it allows).
ApiError throttled(const ApiError &fromServer);
// A 5xx answer to a read: nothing of the user's is pending, unlike a write.
ApiError serverErrorOnRead(const ApiError &fromServer);

} // namespace ClientErrors
} // namespace LittleLemon::Client
