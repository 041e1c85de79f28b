#include "api/client/clientlog.h"

namespace LittleLemon::Client {

Q_LOGGING_CATEGORY(lcHttp, "littlelemon.client.http")
Q_LOGGING_CATEGORY(lcAuth, "littlelemon.client.auth")
Q_LOGGING_CATEGORY(lcKeychain, "littlelemon.client.keychain")
Q_LOGGING_CATEGORY(lcPacing, "littlelemon.client.pacing")

} // namespace LittleLemon::Client
