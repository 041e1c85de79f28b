#pragma once

#include "models/booking.h"
#include "models/entity.h"
#include "models/money.h"
#include "models/order.h"

#include <optional>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace LittleLemon {

// What a queued edit asks the server to do, as data: a kind and the domain
// fields it carries ({"cents": 1250} for a price, {"stage": "ready"} for a
// move), never a method, a path or a body key. The record it is about is the
// outbox entry's entity, scope and target. Only api/client turns a command
// into a request (api/client/outboxrequest.*): the wire's names and the
// server's feature branches live there.
struct OutboxCommand
{
    enum class Kind {
        SetMenuItemTitle, // {title}
        SetMenuItemPrice, // {cents}
        SetMenuItemFeatured, // {featured}
        SetMenuItemAvailable, // {available}
        SetMenuItemCategory, // {category}
        CreateMenuItem, // {title, cents, featured, category, available}
        CreateCategory, // {title, slug}
        RenameCategory, // {title}
        MoveOrder, // {stage}
        SetOrderDelivered, // {delivered}
        AssignCrew, // {crew: id or null}
        CreateCounterOrder, // {lines: [{item, quantity, note}], note}
        CreateBooking, // {name, phone, date, time, guests, table, notes}
        UpdateBooking, // the fields that change, and {status}
        SetBookingStatus, // {status}
        CreateTable, // {name, seats}
        UpdateTable, // the fields that change: {name, seats}
        AddGroupMember, // {username}
        Delete, // {}
        // An entry queued before commands (outbox schema 1) that is none of
        // the above: {method, body}, sent as it was.
        Legacy,
    };

    Kind kind = Kind::Delete;
    QJsonObject payload;

    static OutboxCommand make(Kind kind, const QJsonObject &payload = {}) { return { kind, payload }; }

    // The booking fields a CreateBooking/UpdateBooking carries.
    static QJsonObject bookingFields(const Booking &booking);

    // Temporary (negative) ids of other records the command names: a menu
    // item's category, a booking's table, a counter order's menu items.
    QList<std::pair<Entity, qint64>> temporaryReferences(Entity entity) const;
    // Replaces references to `target` id `from` by `to`; true if any was.
    bool replaceReference(Entity entity, Entity target, qint64 from, qint64 to);

    // An entry written before commands (method, path, body as CONTRACT.md
    // spells them): the command it was. Bodies the desk never wrote become
    // Kind::Legacy and are sent unchanged.
    static OutboxCommand fromLegacy(Entity entity, const QString &method, const QJsonValue &body);

    bool operator==(const OutboxCommand &other) const { return kind == other.kind && payload == other.payload; }
    bool operator!=(const OutboxCommand &other) const { return !(*this == other); }
};

QString commandKindName(OutboxCommand::Kind kind); // "set-price"
std::optional<OutboxCommand::Kind> commandKindFromName(QStringView name);

} // namespace LittleLemon
