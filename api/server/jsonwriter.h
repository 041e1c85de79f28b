#pragma once

#include "models/category.h"
#include "models/money.h"
#include "models/menuitem.h"
#include "models/order.h"
#include "models/user.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

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
    // Money as the contract writes it: "12.50".
    JsonWriter &money(Money amount);
    // A date as "YYYY-MM-DD".
    JsonWriter &date(const QDate &day);
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

// The contract's records in the cloud's field order.
namespace Wire {
void write(JsonWriter &w, const Category &c);
void write(JsonWriter &w, const MenuItem &m);
void write(JsonWriter &w, const CartItem &c);
void write(JsonWriter &w, const OrderItem &i);
void write(JsonWriter &w, const Order &o);
void write(JsonWriter &w, const OrderCreated &o);
// A group member: {"id","username","email"}.
void writeMember(JsonWriter &w, const User &u);

template<typename T>
QByteArray array(const QList<T> &items)
{
    JsonWriter w;
    w.beginArray();
    for (const T &item : items)
        write(w, item);
    w.endArray();
    return w.take();
}

template<typename T>
QByteArray object(const T &item)
{
    JsonWriter w;
    write(w, item);
    return w.take();
}
} // namespace Wire

} // namespace LittleLemon::Server
