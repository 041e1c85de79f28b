#pragma once

#include "models/booking.h"
#include "models/category.h"
#include "models/diningtable.h"
#include "models/entity.h"
#include "models/menuitem.h"
#include "models/order.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

// How the local cache reads records out of JSON and lays local edits over
// them. The strict decoders in jsoncodec.h check what a server sends; these
// are lenient on purpose: a record made offline carries temporary negative
// ids and local hints that a server's answer never holds.
namespace LittleLemon::RecordJson {

// Local-only keys in an overlay start with an underscore and are never sent.
inline const QString kPlacedAtHint = QStringLiteral("_placed_at");

qint64 toId(const QJsonValue &value, qint64 fallback = 0);
std::optional<qint64> toNullableId(const QJsonValue &value);

Category category(const QJsonObject &o);
MenuItem menuItem(const QJsonObject &o);
// `placedAt` gets the moment the order was received when known (the first
// stage change, or the local hint of an order taken offline).
Order order(const QJsonObject &o, QDateTime *placedAt = nullptr);
Booking booking(const QJsonObject &o);
DiningTable table(const QJsonObject &o);
GroupMember member(const QJsonObject &o, const QString &group);

// When the order was received: its first stage change, else the local hint
// of an order taken offline; invalid when neither is known.
QDateTime placedAtOf(const Order &order, const QJsonObject &o);

// "2× Lasagna, 1× Soda"
QString itemsSummary(const QList<OrderItem> &items);

// A server's record, read once, strictly, through its field table
// (models/recordfields): what the cache shows for it.
using ServerRecord = std::variant<Category, MenuItem, Order, Booking, DiningTable, GroupMember>;
// nullopt, with *error naming the field, when the record does not have the
// entity's shape (Json::decode<T>'s rules). For a valid record it equals the
// lenient read (category(), menuItem(), ...), so a caller that checks a
// record with it need not read it again. `group`: a member's group.
std::optional<ServerRecord> serverRecord(
    Entity entity, const QJsonObject &o, QString *error, const QString &group = QString());
// The lenient read of a cached row (or a row with unsent edits laid over it)
// as the entity's record.
ServerRecord read(Entity entity, const QJsonObject &o, const QString &group = QString());
// Checks that a server's record has the entity's shape (serverRecord).
bool isValidServerRecord(Entity entity, const QJsonObject &o, QString *error);

// The record with an update's fields laid over it, keeping derived fields
// consistent: an order's `status` follows its `stage` and the reverse, as the
// server does.
QJsonObject withUpdate(Entity entity, QJsonObject record, const QJsonObject &update);

// The entity whose records refer to `entity`'s ids, if any: menu items name
// a category, bookings a table, counter orders menu items.
std::optional<Entity> referencingEntity(Entity entity);

// Temporary (negative) ids of other records that `json`, an entity's body or
// overlay, refers to: a menu item's category, a booking's table, a counter
// order's menu items.
QList<std::pair<Entity, qint64>> temporaryReferences(Entity entity, const QJsonValue &json);
// `json` with references to `target` id `from` replaced by `to`; *changed
// tells whether anything was replaced.
QJsonValue withReferenceReplaced(
    Entity entity, const QJsonValue &json, Entity target, qint64 from, qint64 to, bool *changed);

QByteArray toBytes(const QJsonObject &o);
QByteArray toBytes(const QJsonValue &v); // Undefined → empty
QJsonObject objectFromBytes(const QByteArray &bytes);
QJsonValue valueFromBytes(const QByteArray &bytes); // empty → Undefined

} // namespace LittleLemon::RecordJson
