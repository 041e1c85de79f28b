#include "api/client/createlookup.h"

#include "api/client/outboxrequest.h"
#include "models/money.h"
#include "models/recordjson.h"

#include <QJsonArray>
#include <QMap>

namespace LittleLemon::Client::CreateLookup {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString().trimmed();
}

// "12.5" and "12.50" are the same price.
bool sameMoney(const QJsonValue &a, const QJsonValue &b)
{
    const auto x = Money::parse(a.toString(), Money::LineTotal);
    const auto y = Money::parse(b.toString(), Money::LineTotal);
    return x && y && *x == *y;
}

bool sameId(const QJsonValue &a, const QJsonValue &b)
{
    return RecordJson::toId(a, -1) == RecordJson::toId(b, -1);
}

// The lines of an order as {menu item → quantity}: the order on the server
// may list them in another order, and the cloud merges nothing.
QMap<qint64, qint64> lines(const QJsonValue &items)
{
    QMap<qint64, qint64> out;
    for (const QJsonValue &v : items.toArray()) {
        const QJsonObject line = v.toObject();
        out[RecordJson::toId(line.value(QStringLiteral("menuitem")))]
            += RecordJson::toId(line.value(QStringLiteral("quantity")));
    }
    return out;
}

} // namespace

bool supported(Entity entity)
{
    switch (entity) {
    case Entity::Category:
    case Entity::MenuItem:
    case Entity::Order:
    case Entity::Booking:
    case Entity::Table:
    case Entity::GroupMember:
        return true;
    }
    return false;
}

bool matches(const OutboxEntry &entry, const QJsonObject &record, qint64 userId)
{
    // What the create sent (feature-gated keys are not compared).
    const QJsonObject body
        = OutboxRequest::body(entry.command, [](const QString &) { return true; }).toObject();
    switch (entry.entity) {
    case Entity::Category:
        // Slugs are unique on the server.
        return text(record, "slug") == text(body, "slug");
    case Entity::MenuItem:
        return text(record, "title") == text(body, "title")
            && sameMoney(record.value(QStringLiteral("price")), body.value(QStringLiteral("price")))
            && sameId(record.value(QStringLiteral("category")), body.value(QStringLiteral("category")));
    case Entity::Order: {
        if (userId > 0 && RecordJson::toId(record.value(QStringLiteral("user"))) != userId)
            return false;
        // A server that keeps the note must have kept ours.
        if (record.contains(QStringLiteral("note")) && text(record, "note") != text(body, "note"))
            return false;
        return lines(record.value(QStringLiteral("items"))) == lines(body.value(QStringLiteral("items")));
    }
    case Entity::Booking:
        return text(record, "name") == text(body, "name") && text(record, "date") == text(body, "date")
            && text(record, "time").left(5) == text(body, "time").left(5)
            && RecordJson::toId(record.value(QStringLiteral("guests")))
            == RecordJson::toId(body.value(QStringLiteral("guests")));
    case Entity::Table:
        return text(record, "name") == text(body, "name")
            && RecordJson::toId(record.value(QStringLiteral("seats")))
            == RecordJson::toId(body.value(QStringLiteral("seats")));
    case Entity::GroupMember:
        return text(record, "username").compare(text(body, "username"), Qt::CaseInsensitive) == 0;
    }
    return false;
}

std::optional<QJsonObject> find(const OutboxEntry &entry, const QList<QJsonObject> &records, qint64 watermark,
                                qint64 userId)
{
    std::optional<QJsonObject> best;
    qint64 bestId = 0;
    for (const QJsonObject &record : records) {
        const qint64 id = RecordJson::toId(record.value(QStringLiteral("id")));
        if (id <= 0)
            continue;
        // A membership has no id of its own: the user is simply in the group or not.
        if (entry.entity != Entity::GroupMember && id <= watermark)
            continue;
        if (!matches(entry, record, userId))
            continue;
        if (!best || id < bestId) {
            best = record;
            bestId = id;
        }
    }
    return best;
}

} // namespace LittleLemon::Client::CreateLookup
