#include "models/recordjson.h"

#include "models/jsoncodec.h"
#include "models/recordfields.h"
#include "models/user.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace LittleLemon::RecordJson {

namespace {

const QString kId = QStringLiteral("id");
const QString kCategory = QStringLiteral("category");
const QString kTable = QStringLiteral("table");
const QString kItems = QStringLiteral("items");
const QString kMenuItem = QStringLiteral("menuitem");
const QString kStage = QStringLiteral("stage");
const QString kStatus = QStringLiteral("status");

// A cached row through its record's table, leniently: never refused.
template<typename R>
R lenient(const QJsonObject &o)
{
    return Json::decodeFields<R>(o, Json::Mode::Lenient).value_or(R());
}

// A server's record, strictly.
template<typename R>
std::optional<ServerRecord> strict(const QJsonObject &o, DecodeError *error)
{
    auto record = Json::decodeFields<R>(o, Json::Mode::Strict, error);
    return record ? std::optional<ServerRecord>(std::move(*record)) : std::nullopt;
}

GroupMember memberOf(const User &u, const QString &group)
{
    return { group, u.id, u.username, u.email };
}

} // namespace

qint64 toId(const QJsonValue &value, qint64 fallback)
{
    return Json::lenientId(value, fallback);
}

std::optional<qint64> toNullableId(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    return toId(value);
}

Category category(const QJsonObject &o)
{
    return lenient<Category>(o);
}

MenuItem menuItem(const QJsonObject &o)
{
    return lenient<MenuItem>(o);
}

Order order(const QJsonObject &o, QDateTime *placedAt)
{
    Order r = lenient<Order>(o);
    if (placedAt)
        *placedAt = placedAtOf(r, o);
    return r;
}

QDateTime placedAtOf(const Order &order, const QJsonObject &o)
{
    if (!order.history.isEmpty() && order.history.first().at.isValid())
        return order.history.first().at;
    if (o.contains(kPlacedAtHint))
        return QDateTime::fromString(o.value(kPlacedAtHint).toString(), Qt::ISODateWithMs).toUTC();
    return QDateTime();
}

Booking booking(const QJsonObject &o)
{
    return lenient<Booking>(o);
}

DiningTable table(const QJsonObject &o)
{
    return lenient<DiningTable>(o);
}

GroupMember member(const QJsonObject &o, const QString &group)
{
    return memberOf(lenient<User>(o), group);
}

QString itemsSummary(const QList<OrderItem> &items)
{
    QString out;
    for (const OrderItem &i : items) {
        if (!out.isEmpty())
            out += QStringLiteral(", ");
        out += QString::number(i.quantity) + QStringLiteral("× ") + i.menuitemTitle;
    }
    return out;
}

std::optional<ServerRecord> serverRecord(Entity entity, const QJsonObject &o, QString *error, const QString &group)
{
    DecodeError e;
    std::optional<ServerRecord> out;
    switch (entity) {
    case Entity::Category:
        out = strict<Category>(o, &e);
        break;
    case Entity::MenuItem:
        out = strict<MenuItem>(o, &e);
        break;
    case Entity::Order:
        out = strict<Order>(o, &e);
        break;
    case Entity::Booking:
        out = strict<Booking>(o, &e);
        break;
    case Entity::Table:
        out = strict<DiningTable>(o, &e);
        break;
    case Entity::GroupMember:
        if (const auto user = Json::decodeFields<User>(o, Json::Mode::Strict, &e)) {
            if (user->id > 0)
                out = memberOf(*user, group);
            else
                e = { kId, QStringLiteral("a group member needs an id") };
        }
        break;
    }
    if (!out && error)
        *error = e.toString();
    return out;
}

ServerRecord read(Entity entity, const QJsonObject &o, const QString &group)
{
    switch (entity) {
    case Entity::Category:
        return category(o);
    case Entity::MenuItem:
        return menuItem(o);
    case Entity::Order:
        return order(o);
    case Entity::Booking:
        return booking(o);
    case Entity::Table:
        return table(o);
    case Entity::GroupMember:
        break;
    }
    return member(o, group);
}

bool isValidServerRecord(Entity entity, const QJsonObject &o, QString *error)
{
    return serverRecord(entity, o, error).has_value();
}

QJsonObject withUpdate(Entity entity, QJsonObject record, const QJsonObject &update)
{
    for (auto it = update.constBegin(); it != update.constEnd(); ++it)
        record.insert(it.key(), it.value());
    if (entity == Entity::Order) {
        // The server's rule (stages extension): status is true exactly when the
        // stage is delivered; a cloud-style PATCH of status alone moves the
        // stage to delivered or back to ready.
        if (update.contains(kStage)) {
            record.insert(kStatus, update.value(kStage).toString() == toWire(OrderStage::Delivered));
        } else if (update.contains(kStatus) && record.contains(kStage)) {
            const bool delivered = update.value(kStatus).toBool();
            const QString current = record.value(kStage).toString();
            if (delivered)
                record.insert(kStage, toWire(OrderStage::Delivered));
            else if (current == toWire(OrderStage::Delivered))
                record.insert(kStage, toWire(OrderStage::Ready));
        }
    }
    return record;
}

std::optional<Entity> referencingEntity(Entity entity)
{
    switch (entity) {
    case Entity::Category:
        return Entity::MenuItem;
    case Entity::Table:
        return Entity::Booking;
    case Entity::MenuItem:
        return Entity::Order;
    case Entity::Order:
    case Entity::Booking:
    case Entity::GroupMember:
        break;
    }
    return std::nullopt;
}

QList<std::pair<Entity, qint64>> temporaryReferences(Entity entity, const QJsonValue &json)
{
    QList<std::pair<Entity, qint64>> out;
    if (!json.isObject())
        return out;
    const QJsonObject o = json.toObject();
    auto check = [&out](Entity target, const QJsonValue &v) {
        const qint64 id = toId(v);
        if (id < 0)
            out.append({ target, id });
    };
    switch (entity) {
    case Entity::MenuItem:
        check(Entity::Category, o.value(kCategory));
        break;
    case Entity::Booking:
        check(Entity::Table, o.value(kTable));
        break;
    case Entity::Order:
        for (const QJsonValue &v : o.value(kItems).toArray())
            check(Entity::MenuItem, v.toObject().value(kMenuItem));
        break;
    case Entity::Category:
    case Entity::Table:
    case Entity::GroupMember:
        break;
    }
    return out;
}

QJsonValue withReferenceReplaced(
    Entity entity, const QJsonValue &json, Entity target, qint64 from, qint64 to, bool *changed)
{
    *changed = false;
    if (!json.isObject())
        return json;
    QJsonObject o = json.toObject();
    auto replace = [&](QJsonObject &obj, const QString &key) {
        if (obj.contains(key) && toId(obj.value(key), 0) == from && from != 0) {
            obj.insert(key, to);
            *changed = true;
        }
    };
    if (entity == Entity::MenuItem && target == Entity::Category) {
        replace(o, kCategory);
    } else if (entity == Entity::Booking && target == Entity::Table) {
        replace(o, kTable);
    } else if (entity == Entity::Order && target == Entity::MenuItem && o.contains(kItems)) {
        QJsonArray items = o.value(kItems).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject item = items.at(i).toObject();
            replace(item, kMenuItem);
            items.replace(i, item);
        }
        o.insert(kItems, items);
    }
    return o;
}

QByteArray toBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray toBytes(const QJsonValue &v)
{
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    return QByteArray();
}

QJsonObject objectFromBytes(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return {};
    return QJsonDocument::fromJson(bytes).object();
}

QJsonValue valueFromBytes(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (doc.isArray())
        return doc.array();
    if (doc.isObject())
        return doc.object();
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace LittleLemon::RecordJson
