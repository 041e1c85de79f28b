#pragma once

#include "api/client/request.h"
#include "models/outboxentry.h"

#include <functional>
#include <QJsonValue>
#include <QString>

// The only place an outbox command becomes an HTTP request: the method, the
// path, the body's keys as CONTRACT.md (and our API.md) spell them, and the
// branches on the server's features. The outbox (models/) stores commands as
// data; the sync engine asks this for the request it sends.
namespace LittleLemon::Client::OutboxRequest {

// Whether the server has an extension ("stages", "availability", ...).
using HasFeature = std::function<bool(const QString &feature)>;

// REST paths (CONTRACT.md: no trailing slash under /api).
QString collectionPath(Entity entity, const QString &scope = QString());
QString resourcePath(Entity entity, const QString &scope, qint64 id);
// Where the entry's record lives: its collection for a create, else itself.
QString path(const OutboxEntry &entry);

QByteArray method(const OutboxEntry &entry); // "POST", "PATCH", "DELETE"
// The JSON to send; Undefined for none (a delete).
QJsonValue body(const OutboxCommand &command, const HasFeature &has);

// The whole write: method, path, body and the entry's Idempotency-Key.
Request request(const OutboxEntry &entry, const HasFeature &has);

} // namespace LittleLemon::Client::OutboxRequest
