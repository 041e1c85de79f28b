#include "models/outboxcommand.h"

#include "models/recordjson.h"

#include <QJsonArray>
#include <QSet>

namespace LittleLemon {

namespace {

struct KindName
{
    OutboxCommand::Kind kind;
    const char *name;
};
constexpr KindName kKinds[] = {
    { OutboxCommand::Kind::SetMenuItemTitle, "set-menu-item-title" },
    { OutboxCommand::Kind::SetMenuItemPrice, "set-menu-item-price" },
    { OutboxCommand::Kind::SetMenuItemFeatured, "set-menu-item-featured" },
    { OutboxCommand::Kind::SetMenuItemAvailable, "set-menu-item-available" },
    { OutboxCommand::Kind::SetMenuItemCategory, "set-menu-item-category" },
    { OutboxCommand::Kind::CreateMenuItem, "create-menu-item" },
    { OutboxCommand::Kind::CreateCategory, "create-category" },
    { OutboxCommand::Kind::RenameCategory, "rename-category" },
    { OutboxCommand::Kind::MoveOrder, "move-order" },
    { OutboxCommand::Kind::SetOrderDelivered, "set-order-delivered" },
    { OutboxCommand::Kind::AssignCrew, "assign-crew" },
    { OutboxCommand::Kind::CreateCounterOrder, "create-counter-order" },
    { OutboxCommand::Kind::CreateBooking, "create-booking" },
    { OutboxCommand::Kind::UpdateBooking, "update-booking" },
    { OutboxCommand::Kind::SetBookingStatus, "set-booking-status" },
    { OutboxCommand::Kind::CreateTable, "create-table" },
    { OutboxCommand::Kind::UpdateTable, "update-table" },
    { OutboxCommand::Kind::AddGroupMember, "add-group-member" },
    { OutboxCommand::Kind::Delete, "delete" },
    { OutboxCommand::Kind::Legacy, "legacy" },
};

const QString kCategory = QStringLiteral("category");
const QString kTable = QStringLiteral("table");
const QString kLines = QStringLiteral("lines");
const QString kItem = QStringLiteral("item");

// The booking's fields: the same names in the domain and on the wire.
const QStringList kBookingKeys { QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("date"),
    QStringLiteral("time"), QStringLiteral("guests"), QStringLiteral("table"), QStringLiteral("notes") };
const QStringList kTableKeys { QStringLiteral("name"), QStringLiteral("seats") };

bool onlyKeys(const QJsonObject &o, const QStringList &allowed)
{
    if (o.isEmpty())
        return false;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        if (!allowed.contains(it.key()))
            return false;
    return true;
}

std::optional<qint64> cents(const QJsonValue &price)
{
    if (!price.isString())
        return std::nullopt;
    const auto m = Money::parse(price.toString(), Money::LineTotal);
    return m ? std::optional<qint64>(m->cents()) : std::nullopt;
}

// The old body's fields as a command, or nullopt when the desk never wrote it so.
std::optional<OutboxCommand> legacyCommand(Entity entity, const QString &method, const QJsonObject &body)
{
    using K = OutboxCommand::Kind;
    const bool create = method == QLatin1String("POST");
    const bool update = method == QLatin1String("PATCH");
    if (method == QLatin1String("DELETE"))
        return OutboxCommand::make(K::Delete);
    switch (entity) {
    case Entity::MenuItem:
        if (create) {
            const auto c = cents(body.value(QStringLiteral("price")));
            if (!c || !body.value(QStringLiteral("title")).isString())
                return std::nullopt;
            return OutboxCommand::make(K::CreateMenuItem,
                { { QStringLiteral("title"), body.value(QStringLiteral("title")) }, { QStringLiteral("cents"), *c },
                    { QStringLiteral("featured"), body.value(QStringLiteral("featured")).toBool() },
                    { kCategory, body.value(kCategory) },
                    { QStringLiteral("available"), body.value(QStringLiteral("available")).toBool(true) } });
        }
        if (update && body.size() == 1) {
            const QString key = body.constBegin().key();
            const QJsonValue value = body.constBegin().value();
            if (key == QLatin1String("title"))
                return OutboxCommand::make(K::SetMenuItemTitle, body);
            if (key == QLatin1String("featured"))
                return OutboxCommand::make(K::SetMenuItemFeatured, body);
            if (key == QLatin1String("available"))
                return OutboxCommand::make(K::SetMenuItemAvailable, body);
            if (key == kCategory)
                return OutboxCommand::make(K::SetMenuItemCategory, body);
            if (key == QLatin1String("price")) {
                if (const auto c = cents(value))
                    return OutboxCommand::make(K::SetMenuItemPrice, { { QStringLiteral("cents"), *c } });
            }
        }
        return std::nullopt;
    case Entity::Category:
        if (create && onlyKeys(body, { QStringLiteral("slug"), QStringLiteral("title") }))
            return OutboxCommand::make(K::CreateCategory, body);
        if (update && onlyKeys(body, { QStringLiteral("title") }))
            return OutboxCommand::make(K::RenameCategory, body);
        return std::nullopt;
    case Entity::Order:
        if (create && body.value(QStringLiteral("items")).isArray()) {
            QJsonArray lines;
            for (const QJsonValue &v : body.value(QStringLiteral("items")).toArray()) {
                const QJsonObject line = v.toObject();
                lines.append(QJsonObject { { kItem, line.value(QStringLiteral("menuitem")) },
                    { QStringLiteral("quantity"), line.value(QStringLiteral("quantity")) },
                    { QStringLiteral("note"), line.value(QStringLiteral("note")).toString() } });
            }
            return OutboxCommand::make(K::CreateCounterOrder,
                { { kLines, lines }, { QStringLiteral("note"), body.value(QStringLiteral("note")).toString() } });
        }
        if (update && body.size() == 1) {
            const QString key = body.constBegin().key();
            const QJsonValue value = body.constBegin().value();
            if (key == QLatin1String("stage") && orderStageFromWire(value.toString()))
                return OutboxCommand::make(K::MoveOrder, body);
            if (key == QLatin1String("status") && value.isBool())
                return OutboxCommand::make(K::SetOrderDelivered, { { QStringLiteral("delivered"), value } });
            if (key == QLatin1String("delivery_crew"))
                return OutboxCommand::make(K::AssignCrew, { { QStringLiteral("crew"), value } });
        }
        return std::nullopt;
    case Entity::Booking:
        if (create && onlyKeys(body, kBookingKeys))
            return OutboxCommand::make(K::CreateBooking, body);
        if (update && onlyKeys(body, kBookingKeys + QStringList { QStringLiteral("status") }))
            return OutboxCommand::make(K::UpdateBooking, body);
        return std::nullopt;
    case Entity::Table:
        if (create && onlyKeys(body, kTableKeys))
            return OutboxCommand::make(K::CreateTable, body);
        if (update && onlyKeys(body, kTableKeys))
            return OutboxCommand::make(K::UpdateTable, body);
        return std::nullopt;
    case Entity::GroupMember:
        if (create && onlyKeys(body, { QStringLiteral("username") }))
            return OutboxCommand::make(K::AddGroupMember, body);
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

QString commandKindName(OutboxCommand::Kind kind)
{
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    Q_UNREACHABLE();
}

std::optional<OutboxCommand::Kind> commandKindFromName(QStringView name)
{
    for (const auto &k : kKinds)
        if (name == QLatin1String(k.name))
            return k.kind;
    return std::nullopt;
}

QJsonObject OutboxCommand::bookingFields(const Booking &b)
{
    return { { QStringLiteral("name"), b.name.trimmed() }, { QStringLiteral("phone"), b.phone.trimmed() },
        { QStringLiteral("date"), b.date.toString(Qt::ISODate) },
        { QStringLiteral("time"), b.time.toString(QStringLiteral("HH:mm")) }, { QStringLiteral("guests"), b.guests },
        { kTable, b.table ? QJsonValue(*b.table) : QJsonValue() }, { QStringLiteral("notes"), b.notes } };
}

QList<std::pair<Entity, qint64>> OutboxCommand::temporaryReferences(Entity entity) const
{
    QList<std::pair<Entity, qint64>> out;
    auto check = [&out](Entity target, const QJsonValue &v) {
        const qint64 id = RecordJson::toId(v);
        if (id < 0)
            out.append({ target, id });
    };
    switch (kind) {
    case Kind::CreateMenuItem:
    case Kind::SetMenuItemCategory:
        check(Entity::Category, payload.value(kCategory));
        break;
    case Kind::CreateBooking:
    case Kind::UpdateBooking:
        check(Entity::Table, payload.value(kTable));
        break;
    case Kind::CreateCounterOrder:
        for (const QJsonValue &v : payload.value(kLines).toArray())
            check(Entity::MenuItem, v.toObject().value(kItem));
        break;
    case Kind::Legacy:
        return RecordJson::temporaryReferences(entity, payload.value(QStringLiteral("body")));
    default:
        break;
    }
    return out;
}

bool OutboxCommand::replaceReference(Entity entity, Entity target, qint64 from, qint64 to)
{
    bool changed = false;
    auto replace = [&](QJsonObject &o, const QString &key) {
        if (from != 0 && o.contains(key) && RecordJson::toId(o.value(key), 0) == from) {
            o.insert(key, to);
            changed = true;
        }
    };
    switch (kind) {
    case Kind::CreateMenuItem:
    case Kind::SetMenuItemCategory:
        if (target == Entity::Category)
            replace(payload, kCategory);
        break;
    case Kind::CreateBooking:
    case Kind::UpdateBooking:
        if (target == Entity::Table)
            replace(payload, kTable);
        break;
    case Kind::CreateCounterOrder:
        if (target == Entity::MenuItem) {
            QJsonArray lines = payload.value(kLines).toArray();
            for (qsizetype i = 0; i < lines.size(); ++i) {
                QJsonObject line = lines.at(i).toObject();
                replace(line, kItem);
                lines.replace(i, line);
            }
            if (changed)
                payload.insert(kLines, lines);
        }
        break;
    case Kind::Legacy: {
        const QJsonValue body = RecordJson::withReferenceReplaced(
            entity, payload.value(QStringLiteral("body")), target, from, to, &changed);
        if (changed)
            payload.insert(QStringLiteral("body"), body);
        break;
    }
    default:
        break;
    }
    return changed;
}

OutboxCommand OutboxCommand::fromLegacy(Entity entity, const QString &method, const QJsonValue &body)
{
    if (const auto command = legacyCommand(entity, method, body.toObject()))
        return *command;
    QJsonObject payload { { QStringLiteral("method"), method } };
    if (!body.isUndefined())
        payload.insert(QStringLiteral("body"), body);
    return make(Kind::Legacy, payload);
}

} // namespace LittleLemon
