#include "models/recordjson.h"

#include "models/jsoncodec.h"
#include "models/user.h"

#include <cmath>
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

Money money(const QJsonValue &v)
{
    if (v.isString()) {
        if (auto m = Money::parse(v.toString(), Money::ParseRules { true, 12 }))
            return *m;
    }
    return Money();
}

QString str(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString() : QString();
}

bool boolean(const QJsonObject &o, const QString &key, bool fallback)
{
    const QJsonValue v = o.value(key);
    return v.isBool() ? v.toBool() : fallback;
}

} // namespace

qint64 toId(const QJsonValue &value, qint64 fallback)
{
    if (!value.isDouble())
        return fallback;
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > 9007199254740992.0)
        return fallback;
    return static_cast<qint64>(d);
}

std::optional<qint64> toNullableId(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    return toId(value);
}

Category category(const QJsonObject &o)
{
    Category c;
    c.id = toId(o.value(kId));
    c.slug = str(o, QStringLiteral("slug"));
    c.title = str(o, QStringLiteral("title"));
    return c;
}

MenuItem menuItem(const QJsonObject &o)
{
    MenuItem m;
    m.id = toId(o.value(kId));
    m.title = str(o, QStringLiteral("title"));
    m.price = money(o.value(QStringLiteral("price")));
    m.featured = boolean(o, QStringLiteral("featured"), false);
    m.category = toId(o.value(kCategory));
    m.available = boolean(o, QStringLiteral("available"), true);
    return m;
}

Order order(const QJsonObject &o, QDateTime *placedAt)
{
    Order r;
    r.id = toId(o.value(kId));
    r.user = toId(o.value(QStringLiteral("user")));
    r.deliveryCrew = toNullableId(o.value(QStringLiteral("delivery_crew")));
    r.status = boolean(o, kStatus, false);
    r.total = money(o.value(QStringLiteral("total")));
    r.date = QDate::fromString(str(o, QStringLiteral("date")), Qt::ISODate);
    const QJsonArray items = o.value(kItems).toArray();
    r.items.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject i = v.toObject();
        OrderItem item;
        item.menuitem = toId(i.value(kMenuItem));
        item.menuitemTitle = str(i, QStringLiteral("menuitem_title"));
        item.quantity = int(toId(i.value(QStringLiteral("quantity"))));
        item.unitPrice = money(i.value(QStringLiteral("unit_price")));
        item.price = money(i.value(QStringLiteral("price")));
        item.note = str(i, QStringLiteral("note"));
        r.items.append(item);
    }
    if (o.contains(kStage))
        r.stage = orderStageFromWire(str(o, kStage));
    r.note = str(o, QStringLiteral("note"));
    const QJsonArray history = o.value(QStringLiteral("history")).toArray();
    for (const QJsonValue &v : history) {
        const QJsonObject h = v.toObject();
        const auto stage = orderStageFromWire(str(h, kStage));
        if (!stage)
            continue;
        StageChange change;
        change.stage = *stage;
        change.by = toId(h.value(QStringLiteral("by")));
        change.at = QDateTime::fromString(str(h, QStringLiteral("at")), Qt::ISODateWithMs).toUTC();
        r.history.append(change);
    }
    if (placedAt) {
        *placedAt = QDateTime();
        if (!r.history.isEmpty() && r.history.first().at.isValid())
            *placedAt = r.history.first().at;
        else if (o.contains(kPlacedAtHint))
            *placedAt = QDateTime::fromString(str(o, kPlacedAtHint), Qt::ISODateWithMs).toUTC();
    }
    return r;
}

Booking booking(const QJsonObject &o)
{
    Booking b;
    b.id = toId(o.value(kId));
    b.user = toId(o.value(QStringLiteral("user")));
    b.name = str(o, QStringLiteral("name"));
    b.phone = str(o, QStringLiteral("phone"));
    b.date = QDate::fromString(str(o, QStringLiteral("date")), Qt::ISODate);
    const QString time = str(o, QStringLiteral("time"));
    b.time = QTime::fromString(time.left(5), QStringLiteral("HH:mm"));
    b.guests = int(toId(o.value(QStringLiteral("guests"))));
    b.table = toNullableId(o.value(kTable));
    b.notes = str(o, QStringLiteral("notes"));
    b.status = bookingStatusFromWire(str(o, kStatus)).value_or(BookingStatus::Booked);
    return b;
}

DiningTable table(const QJsonObject &o)
{
    DiningTable t;
    t.id = toId(o.value(kId));
    t.name = str(o, QStringLiteral("name"));
    t.seats = int(toId(o.value(QStringLiteral("seats"))));
    return t;
}

GroupMember member(const QJsonObject &o, const QString &group)
{
    GroupMember m;
    m.group = group;
    m.userId = toId(o.value(kId));
    m.username = str(o, QStringLiteral("username"));
    m.email = str(o, QStringLiteral("email"));
    return m;
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

bool isValidServerRecord(Entity entity, const QJsonObject &o, QString *error)
{
    DecodeError e;
    bool ok = false;
    switch (entity) {
    case Entity::Category:
        ok = Json::decode<Category>(o, &e).has_value();
        break;
    case Entity::MenuItem:
        ok = Json::decode<MenuItem>(o, &e).has_value();
        break;
    case Entity::Order:
        ok = Json::decode<Order>(o, &e).has_value();
        break;
    case Entity::Booking:
        ok = Json::decode<Booking>(o, &e).has_value();
        break;
    case Entity::Table:
        ok = Json::decode<DiningTable>(o, &e).has_value();
        break;
    case Entity::GroupMember: {
        const auto user = Json::decode<User>(o, &e);
        ok = user.has_value();
        if (ok && user->id <= 0) {
            ok = false;
            e = { kId, QStringLiteral("a group member needs an id") };
        }
        break;
    }
    }
    if (!ok && error)
        *error = e.toString();
    return ok;
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
