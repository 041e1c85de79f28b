#pragma once

// One table of fields per record: the wire key, the member it fills, its
// type and limits, whether it is required and whether it is one of our
// server's extensions. The table drives strict decoding (Json::decode<T>, for
// what a server sends), lenient decoding (RecordJson, for the local cache's
// rows) and encoding (Json::encode, the CLI's --json rows). The server's fast
// writer (api/server/jsonwriter, Wire::write) is tested against it
// (tests/server/tst_jsonwriter_fields). docs/ARCHITECTURE.md "The wire shape
// of a record" lists the tables.

#include "models/jsoncodec.h"
#include "models/wirereader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace LittleLemon::Json {

// Required: a decoder refuses the record without it (and, unless the type
// says "nullable", with null). Optional: absent or null reads as the default.
enum class Presence { Required, Optional };
// Contract: the cloud API's field. Extension: our server's ("also carry" in
// CONTRACT.md); left out when encoding for the cloud (Flavor::Cloud).
enum class Scope { Contract, Extension };

template<typename R>
struct Field
{
    QString key;
    // What the value is on the wire, for people and tests: "integer",
    // "money", "date", "word", "list", ...
    const char *type = "";
    Presence presence = Presence::Required;
    Scope scope = Scope::Contract;
    std::function<void(WireReader &, R &)> read;
    // The value to write; nullopt leaves the key out (an empty line note,
    // an order without stages).
    std::function<std::optional<QJsonValue>(const R &)> write;
};

template<typename R>
using FieldTable = QList<Field<R>>;

// The tables (recordfields.cpp) of Category, MenuItem, CartItem, OrderItem,
// StageChange, Order, OrderCreated, Booking, DiningTable and User.
template<typename R>
const FieldTable<R> &fieldTable();

template<> const FieldTable<Category> &fieldTable<Category>();
template<> const FieldTable<MenuItem> &fieldTable<MenuItem>();
template<> const FieldTable<CartItem> &fieldTable<CartItem>();
template<> const FieldTable<OrderItem> &fieldTable<OrderItem>();
template<> const FieldTable<StageChange> &fieldTable<StageChange>();
template<> const FieldTable<Order> &fieldTable<Order>();
template<> const FieldTable<OrderCreated> &fieldTable<OrderCreated>();
template<> const FieldTable<Booking> &fieldTable<Booking>();
template<> const FieldTable<DiningTable> &fieldTable<DiningTable>();
// Every user shape: a group member {id, username, email}, /me (cloud
// {email, username}; ours adds id, groups, is_staff).
template<> const FieldTable<User> &fieldTable<User>();

// Reads one record through its table; nullopt (strict) with *error naming
// the field, or (lenient) only when a field that must be known is not, such
// as a stage change's stage.
template<typename R>
std::optional<R> decodeFields(const QJsonValue &value, Mode mode, DecodeError *error = nullptr,
                              const QString &path = QString())
{
    WireReader reader(value, path, error, mode);
    R record;
    for (const Field<R> &field : fieldTable<R>()) {
        field.read(reader, record);
        if (!reader.ok())
            return std::nullopt;
    }
    return record;
}

// Writes one record through its table. Cloud leaves the extensions out;
// `only`, when given, keeps just those keys (a group member's id, username
// and email).
template<typename R>
QJsonObject encodeFields(const R &record, Flavor flavor = Flavor::Extended, const QStringList &only = {})
{
    QJsonObject out;
    for (const Field<R> &field : fieldTable<R>()) {
        if (flavor == Flavor::Cloud && field.scope == Scope::Extension)
            continue;
        if (!only.isEmpty() && !only.contains(field.key))
            continue;
        if (auto value = field.write(record))
            out.insert(field.key, *value);
    }
    return out;
}

// The keys of a record's table, in the order our server writes them.
template<typename R>
QStringList fieldKeys()
{
    QStringList keys;
    for (const Field<R> &field : fieldTable<R>())
        keys << field.key;
    return keys;
}

} // namespace LittleLemon::Json
