#pragma once

#include <QLoggingCategory>

namespace LittleLemon::Client {

// littlelemon.client.http: requests and answers (never a header with a token).
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
// littlelemon.client.auth: sign-in, refresh, sign-out.
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
// littlelemon.client.keychain: where tokens are kept (never the token itself).
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)
// littlelemon.client.pacing: waits for the rate limit and for Retry-After.
Q_DECLARE_LOGGING_CATEGORY(lcPacing)

} // namespace LittleLemon::Client
