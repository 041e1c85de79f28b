#include "api/client/synclog.h"

namespace LittleLemon::Client {

Q_LOGGING_CATEGORY(lcSync, "littlelemon.sync")

} // namespace LittleLemon::Client
