#pragma once

#include "models/booking.h"
#include "models/category.h"
#include "models/diningtable.h"
#include "models/money.h"
#include "models/menuitem.h"
#include "models/order.h"
#include "models/user.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace LittleLemon::Server {

// Writes JSON straight into bytes, keys in the order they are written.
// The hot answers (lists of menu items and orders) are built with it:
// QJsonObject sorts keys and converts every value through QCborValue, which
// cost more than the database reads behind the answer. It also lets our
// bodies list fields in the order DRF's serializers do ("id", "title",
// "price", ...), byte for byte like the cloud's.
class JsonWriter
{
public:
    JsonWriter() { m_out.reserve(512); }

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    // Keys are ASCII literals of ours, written as they are.
    JsonWriter &key(const char *name);

    JsonWriter &value(const QString &text);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(bool flag);
    // A reference that may be absent: the id, or null.
    JsonWriter &value(const std::optional<qint64> &id) { return id ? value(*id) : null(); }
    // Money as the contract writes it: "12.50".
    JsonWriter &money(Money amount);
    JsonWriter &value(Money amount) { return money(amount); }
    // A date as "YYYY-MM-DD".
    JsonWriter &date(const QDate &day);
    JsonWriter &value(const QDate &day) { return date(day); }
    // A moment as ISO 8601 in UTC with milliseconds: "2026-11-24T19:00:00.000Z".
    JsonWriter &dateTime(const QDateTime &moment);
    JsonWriter &value(const QDateTime &moment) { return dateTime(moment); }
    JsonWriter &null();
    // Already-encoded JSON (a nested document written elsewhere).
    JsonWriter &raw(const QByteArray &json);

    const QByteArray &bytes() const { return m_out; }
    QByteArray take() { return std::move(m_out); }

    // Python's json.dumps(ensure_ascii=False) escaping: quote, backslash and
    // control characters; everything else as UTF-8.
    static void appendString(QByteArray &out, const QString &text);

private:
    void separate();

    QByteArray m_out;
    QList<bool> m_first; // per open container: nothing written in it yet
    bool m_afterKey = false;
};

// The contract's records in the cloud's field order, then our extension
// fields (CONTRACT.md "also carry"): a menu item's "available", an order's
// "stage" and "note" (and "history" where a single order is shown).
namespace Wire {
void write(JsonWriter &w, const Category &c);
void write(JsonWriter &w, const MenuItem &m);
void write(JsonWriter &w, const CartItem &c);
void write(JsonWriter &w, const OrderItem &i);
void write(JsonWriter &w, const StageChange &s);
// Lists leave the history out; GET /api/orders/{id} (withHistory) has it.
void write(JsonWriter &w, const Order &o, bool withHistory = false);
void write(JsonWriter &w, const OrderCreated &o);
void write(JsonWriter &w, const Booking &b);
void write(JsonWriter &w, const DiningTable &t);
// A group member: {"id","username","email"}.
void writeMember(JsonWriter &w, const User &u);
// A group membership as the change feed carries it:
// {"group","user","username","email"}.
void writeMembership(JsonWriter &w, const QString &group, const User &u);
// /auth/users/me/: the cloud's {"email","username"} plus "id", "groups", "is_staff".
void writeMe(JsonWriter &w, const User &u);

// A list of records as one JSON array, into `w`.
template<typename T>
void writeList(JsonWriter &w, const QList<T> &items)
{
    w.beginArray();
    for (const T &item : items)
        write(w, item);
    w.endArray();
}

// One value of a record: a plain value, a list of records or of strings.
template<typename V>
void put(JsonWriter &w, const V &value)
{
    w.value(value);
}
template<typename T>
void put(JsonWriter &w, const QList<T> &items)
{
    writeList(w, items);
}
inline void put(JsonWriter &w, const QStringList &texts)
{
    w.beginArray();
    for (const QString &text : texts)
        w.value(text);
    w.endArray();
}

// Key-value pairs into the open object: members(w, "id", c.id, "title", c.title).
inline void members(JsonWriter &) { }
template<typename V, typename... Rest>
void members(JsonWriter &w, const char *key, const V &value, const Rest &...rest)
{
    w.key(key);
    put(w, value);
    members(w, rest...);
}

template<typename T>
QByteArray array(const QList<T> &items)
{
    JsonWriter w;
    writeList(w, items);
    return w.take();
}

template<typename T>
QByteArray object(const T &item)
{
    JsonWriter w;
    write(w, item);
    return w.take();
}

// A single order as GET /api/orders/{id} shows it (history included).
QByteArray orderDetail(const Order &o);
} // namespace Wire

} // namespace LittleLemon::Server
