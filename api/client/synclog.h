#pragma once

#include <QLoggingCategory>

namespace LittleLemon::Client {

// littlelemon.sync: the sync engine's pushes, pulls and connectivity (record
// ids and outbox sequence numbers, never a token or a body with personal data).
Q_DECLARE_LOGGING_CATEGORY(lcSync)

} // namespace LittleLemon::Client
