#pragma once

#include "models/outboxentry.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace LittleLemon::Client {

// Finding a record this client may already have made. Against a server
// without the "idempotency" extension (the cloud), a create whose answer was
// lost cannot simply be sent again: the first attempt may have been done, and
// a second POST would make a second order. Before resending, the sync engine
// reads the collection and looks for a record that is this create: newer than
// anything the client knew when it first sent it (`watermark`) and with the
// same content.
namespace CreateLookup {

// Whether a create of this entity can be looked for on the server.
bool supported(Entity entity);

// Whether `record` (the server's JSON) is what `entry`, a create, would have
// made. `userId` is the signed-in user (orders and bookings carry their owner;
// 0 skips that check).
bool matches(const OutboxEntry &entry, const QJsonObject &record, qint64 userId);

// The record among `records` that is `entry`'s create: the oldest match whose
// id is above `watermark`; for group members the member with that username.
std::optional<QJsonObject> find(const OutboxEntry &entry, const QList<QJsonObject> &records, qint64 watermark,
                                qint64 userId);

} // namespace CreateLookup
} // namespace LittleLemon::Client
