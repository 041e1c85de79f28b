#pragma once

#include "booking.h"
#include "category.h"
#include "diningtable.h"
#include "menuitem.h"
#include "order.h"
#include "user.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace LittleLemon {

// Why a JSON value could not be read: the field (a path such as
// "results[2].items[0].quantity") and what was wrong with it.
struct DecodeError
{
    QString field;
    QString message;

    QString toString() const { return field.isEmpty() ? message : field + QStringLiteral(": ") + message; }
};

// The paginated envelope every list but group members comes in.
template<typename T>
struct Page
{
    qint64 count = 0;
    QUrl next;
    QUrl previous;
    QList<T> results;
};

// GET /api/meta on littlelemon-server; the cloud answers 404.
struct ServerMeta
{
    QString server;
    QString version;
    QStringList features;
    QJsonObject limits; // optional: {"anon": N, "user": N} requests per minute
    bool has(const QString &feature) const { return features.contains(feature); }
};

// One entry of GET /api/changes.
struct Change
{
    enum class Op { Upsert, Delete };
    qint64 seq = 0;
    QString entity; // category, menu-item, order, booking, table, group-membership
    qint64 id = 0;
    Op op = Op::Upsert;
    QJsonObject data; // the resource as its own GET shows it; empty for deletes
};

struct ChangeFeed
{
    QList<Change> changes;
    qint64 next = 0;
};

// Wire shapes of CONTRACT.md, both directions. Decoding never half-succeeds:
// it returns a whole record or nullopt with *error naming the field. Unknown
// extra fields are ignored (the cloud may add fields).
namespace Json {

// Cloud: exactly the cloud API's fields. Extended: also our server's extension
// fields (available, stage, note, history, and /me's id/groups/is_staff).
enum class Flavor { Cloud, Extended };

QJsonObject encode(const Category &c);
QJsonObject encode(const MenuItem &m, Flavor flavor = Flavor::Extended);
QJsonObject encode(const CartItem &c);
QJsonObject encode(const OrderItem &i);
QJsonObject encode(const StageChange &s);
QJsonObject encode(const Order &o, Flavor flavor = Flavor::Extended);
QJsonObject encode(const OrderCreated &o);
QJsonObject encode(const Booking &b);
QJsonObject encode(const DiningTable &t);
QJsonObject encode(const TokenPair &t);
QJsonObject encode(const ServerMeta &m);
QJsonObject encode(const Change &c);
QJsonObject encode(const ChangeFeed &f);
// A group member: {"id","username","email"}.
QJsonObject encodeMember(const User &u);
// /auth/users/me/: {"email","username"} plus, Extended, {"id","groups","is_staff"}.
QJsonObject encodeMe(const User &u, Flavor flavor = Flavor::Extended);

template<typename T, typename... Args>
QJsonArray encodeList(const QList<T> &items, Args... args)
{
    QJsonArray out;
    for (const T &item : items)
        out.append(encode(item, args...));
    return out;
}

template<typename T, typename... Args>
QJsonObject encodePage(const Page<T> &page, Args... args)
{
    return QJsonObject {
        { QStringLiteral("count"), page.count },
        { QStringLiteral("next"), page.next.isEmpty() ? QJsonValue() : QJsonValue(page.next.toString()) },
        { QStringLiteral("previous"),
          page.previous.isEmpty() ? QJsonValue() : QJsonValue(page.previous.toString()) },
        { QStringLiteral("results"), encodeList(page.results, args...) },
    };
}

// Decoders. `path` prefixes field names in errors ("results[1]").
template<typename T>
std::optional<T> decode(const QJsonValue &value, DecodeError *error, const QString &path = QString());

template<> std::optional<Category> decode(const QJsonValue &, DecodeError *, const QString &);
template<> std::optional<MenuItem> decode(const QJsonValue &, DecodeError *, const QString &);
template<> std::optional<CartItem> decode(const QJsonValue &, DecodeError *, const QString &);
template<> std::optional<OrderItem> decode(const QJsonValue &, DecodeError *, const QString &);
template<> std::optional<StageChange> decode(const QJsonValue &, DecodeError *, const QString &);
template<> std::optional<Order> decode(const QJsonValue &, DecodeError *, const QString &);
template<> std::optional<OrderCreated> decode(const QJsonValue &, DecodeError *, const QString &);
template<> std::optional<Booking> decode(const QJsonValue &, DecodeError *, const QString &);
template<> std::optional<DiningTable> decode(const QJsonValue &, DecodeError *, const QString &);
// Any user shape: a group member, /me (cloud or extended).
template<> std::optional<User> decode(const QJsonValue &, DecodeError *, const QString &);
template<> std::optional<TokenPair> decode(const QJsonValue &, DecodeError *, const QString &);
template<> std::optional<ServerMeta> decode(const QJsonValue &, DecodeError *, const QString &);
template<> std::optional<Change> decode(const QJsonValue &, DecodeError *, const QString &);
template<> std::optional<ChangeFeed> decode(const QJsonValue &, DecodeError *, const QString &);

// A JSON array of records, all or nothing.
template<typename T>
std::optional<QList<T>> decodeList(const QJsonValue &value, DecodeError *error, const QString &path = QString())
{
    if (!value.isArray()) {
        if (error)
            *error = { path, QStringLiteral("expected a list") };
        return std::nullopt;
    }
    const QJsonArray array = value.toArray();
    QList<T> out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto item = decode<T>(array.at(i), error, path + u'[' + QString::number(i) + u']');
        if (!item)
            return std::nullopt;
        out.append(std::move(*item));
    }
    return out;
}

// Reads {"count","next","previous","results"}.
bool decodeEnvelope(const QJsonValue &value, qint64 *count, QUrl *next, QUrl *previous, QJsonArray *results,
                    DecodeError *error);

template<typename T>
std::optional<Page<T>> decodePage(const QJsonValue &value, DecodeError *error)
{
    Page<T> page;
    QJsonArray results;
    if (!decodeEnvelope(value, &page.count, &page.next, &page.previous, &results, error))
        return std::nullopt;
    auto items = decodeList<T>(results, error, QStringLiteral("results"));
    if (!items)
        return std::nullopt;
    page.results = std::move(*items);
    return page;
}

// Parses bytes as JSON; a syntax error names where it is.
std::optional<QJsonValue> parse(const QByteArray &bytes, DecodeError *error);

} // namespace Json
} // namespace LittleLemon
