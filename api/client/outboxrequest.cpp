#include "api/client/outboxrequest.h"

#include "models/money.h"
#include "models/order.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace LittleLemon::Client::OutboxRequest {

namespace {

using Kind = OutboxCommand::Kind;

// Domain field → body key, for the records whose fields are sent as they are named.
struct Field
{
    const char *domain;
    const char *wire;
};
constexpr Field kBookingFields[] = { { "name", "name" }, { "phone", "phone" }, { "date", "date" },
    { "time", "time" }, { "guests", "guests" }, { "table", "table" }, { "notes", "notes" },
    { "status", "status" } };
constexpr Field kTableFields[] = { { "name", "name" }, { "seats", "seats" } };
constexpr Field kCategoryFields[] = { { "slug", "slug" }, { "title", "title" } };

template<std::size_t N> QJsonObject mapped(const QJsonObject &payload, const Field (&fields)[N])
{
    QJsonObject out;
    for (const Field &f : fields) {
        const QString domain = QLatin1String(f.domain);
        if (payload.contains(domain))
            out.insert(QLatin1String(f.wire), payload.value(domain));
    }
    return out;
}

QJsonValue field(const QJsonObject &payload, const char *name)
{
    return payload.value(QLatin1String(name));
}

QString price(const QJsonObject &payload)
{
    return Money::fromCents(qint64(field(payload, "cents").toDouble())).toString();
}

} // namespace

QString collectionPath(Entity entity, const QString &scope)
{
    switch (entity) {
    case Entity::Category:
        return QStringLiteral("/api/categories");
    case Entity::MenuItem:
        return QStringLiteral("/api/menu-items");
    case Entity::Order:
        return QStringLiteral("/api/orders");
    case Entity::Booking:
        return QStringLiteral("/api/bookings");
    case Entity::Table:
        return QStringLiteral("/api/tables");
    case Entity::GroupMember:
        return QStringLiteral("/api/groups/") + QString::fromLatin1(QUrl::toPercentEncoding(scope))
            + QStringLiteral("/users");
    }
    Q_UNREACHABLE();
}

QString resourcePath(Entity entity, const QString &scope, qint64 id)
{
    return collectionPath(entity, scope) + u'/' + QString::number(id);
}

QString path(const OutboxEntry &entry)
{
    if (entry.operation == OutboxEntry::Operation::Create)
        return collectionPath(entry.entity, entry.scope);
    return resourcePath(entry.entity, entry.scope, entry.targetId);
}

QByteArray method(const OutboxEntry &entry)
{
    if (entry.command.kind == Kind::Legacy)
        return entry.command.payload.value(QStringLiteral("method")).toString().toLatin1();
    switch (entry.operation) {
    case OutboxEntry::Operation::Create:
        return QByteArrayLiteral("POST");
    case OutboxEntry::Operation::Update:
        return QByteArrayLiteral("PATCH");
    case OutboxEntry::Operation::Delete:
        return QByteArrayLiteral("DELETE");
    }
    Q_UNREACHABLE();
}

QJsonValue body(const OutboxCommand &command, const HasFeature &has)
{
    const QJsonObject &p = command.payload;
    switch (command.kind) {
    case Kind::SetMenuItemTitle:
        return QJsonObject { { QStringLiteral("title"), field(p, "title") } };
    case Kind::SetMenuItemPrice:
        return QJsonObject { { QStringLiteral("price"), price(p) } };
    case Kind::SetMenuItemFeatured:
        return QJsonObject { { QStringLiteral("featured"), field(p, "featured") } };
    case Kind::SetMenuItemAvailable:
        return QJsonObject { { QStringLiteral("available"), field(p, "available") } };
    case Kind::SetMenuItemCategory:
        return QJsonObject { { QStringLiteral("category"), field(p, "category") } };
    case Kind::CreateMenuItem: {
        QJsonObject out { { QStringLiteral("title"), field(p, "title") }, { QStringLiteral("price"), price(p) },
            { QStringLiteral("featured"), field(p, "featured") }, { QStringLiteral("category"), field(p, "category") } };
        // The cloud has no 86'ing: it would refuse the unknown field.
        if (has(QStringLiteral("availability")))
            out.insert(QStringLiteral("available"), field(p, "available"));
        return out;
    }
    case Kind::CreateCategory:
    case Kind::RenameCategory:
        return mapped(p, kCategoryFields);
    case Kind::MoveOrder: {
        const QString stage = field(p, "stage").toString();
        if (has(QStringLiteral("stages")))
            return QJsonObject { { QStringLiteral("stage"), stage } };
        // A cloud-style server only knows delivered or not.
        return QJsonObject { { QStringLiteral("status"), stage == toWire(OrderStage::Delivered) } };
    }
    case Kind::SetOrderDelivered:
        return QJsonObject { { QStringLiteral("status"), field(p, "delivered") } };
    case Kind::AssignCrew:
        return QJsonObject { { QStringLiteral("delivery_crew"), field(p, "crew") } };
    case Kind::CreateCounterOrder: {
        const bool lineNotes = has(QStringLiteral("line_notes"));
        QJsonArray items;
        for (const QJsonValue &v : field(p, "lines").toArray()) {
            const QJsonObject line = v.toObject();
            QJsonObject item { { QStringLiteral("menuitem"), field(line, "item") },
                { QStringLiteral("quantity"), field(line, "quantity") } };
            // Only a server with line_notes is sent one (another would refuse or drop it).
            const QString note = field(line, "note").toString();
            if (!note.isEmpty() && lineNotes)
                item.insert(QStringLiteral("note"), note);
            items.append(item);
        }
        return QJsonObject { { QStringLiteral("items"), items }, { QStringLiteral("note"), field(p, "note") } };
    }
    case Kind::CreateBooking:
    case Kind::UpdateBooking:
    case Kind::SetBookingStatus:
        return mapped(p, kBookingFields);
    case Kind::CreateTable:
    case Kind::UpdateTable:
        return mapped(p, kTableFields);
    case Kind::AddGroupMember:
        return QJsonObject { { QStringLiteral("username"), field(p, "username") } };
    case Kind::Delete:
        return QJsonValue(QJsonValue::Undefined);
    case Kind::Legacy:
        return p.contains(QStringLiteral("body")) ? field(p, "body") : QJsonValue(QJsonValue::Undefined);
    }
    Q_UNREACHABLE();
}

Request request(const OutboxEntry &entry, const HasFeature &has)
{
    Request r;
    r.method = method(entry);
    r.path = path(entry);
    const QJsonValue json = body(entry.command, has);
    if (!json.isUndefined() && !json.isNull())
        r.json = json;
    // The same key on every attempt, across restarts: a repeat is answered, not redone.
    r.idempotencyKey = entry.uuid;
    return r;
}

} // namespace LittleLemon::Client::OutboxRequest
