// The field table of each record (see recordfields.h). A row names the wire
// key, the member, the type with its limits (fieldlimits.h), whether the
// field is required and whether it is one of our server's extensions.

#include "models/recordfields.h"

#include "models/fieldlimits.h"

#include <limits>

namespace LittleLemon::Json {

namespace {

constexpr qint64 kNoMax = std::numeric_limits<qint64>::max();

template<typename R>
using Value = std::optional<QJsonValue>;

// A whole number in [min, max]: ids, references, quantities.
template<typename R, typename I>
Field<R> whole(const char *key, I R::*member, qint64 min, qint64 max = kNoMax)
{
    const QString k = QString::fromLatin1(key);
    return { k, "integer", Presence::Required, Scope::Contract,
             [=](WireReader &r, R &x) { x.*member = I(r.integer(k, min, max)); },
             [=](const R &x) -> Value<R> { return QJsonValue(qint64(x.*member)); } };
}

// A whole number that may be absent or null (0 then): a user's id outside /me.
template<typename R>
Field<R> optionalWhole(const char *key, qint64 R::*member, qint64 min, Scope scope)
{
    const QString k = QString::fromLatin1(key);
    return { k, "integer", Presence::Optional, scope,
             [=](WireReader &r, R &x) {
                 if (const auto n = r.nullableInteger(k, min))
                     x.*member = *n;
             },
             [=](const R &x) -> Value<R> { return QJsonValue(x.*member); } };
}

// A reference that may be null: an order's delivery crew, a booking's table.
template<typename R>
Field<R> nullableWhole(const char *key, std::optional<qint64> R::*member, qint64 min)
{
    const QString k = QString::fromLatin1(key);
    return { k, "integer or null", Presence::Optional, Scope::Contract,
             [=](WireReader &r, R &x) { x.*member = r.nullableInteger(k, min); },
             [=](const R &x) -> Value<R> {
                 return x.*member ? QJsonValue(*(x.*member)) : QJsonValue(QJsonValue::Null);
             } };
}

template<typename R>
Field<R> text(const char *key, QString R::*member, int maxLength = -1, bool allowBlank = true)
{
    const QString k = QString::fromLatin1(key);
    return { k, allowBlank ? "string" : "string, not blank", Presence::Required, Scope::Contract,
             [=](WireReader &r, R &x) { x.*member = r.string(k, maxLength, allowBlank); },
             [=](const R &x) -> Value<R> { return QJsonValue(x.*member); } };
}

// Absent or null reads as "". `omitEmpty`: an empty one is not written.
template<typename R>
Field<R> optionalText(const char *key, QString R::*member, int maxLength, Scope scope, bool omitEmpty = false)
{
    const QString k = QString::fromLatin1(key);
    return { k, "string", Presence::Optional, scope,
             [=](WireReader &r, R &x) { x.*member = r.optionalString(k, maxLength); },
             [=](const R &x) -> Value<R> {
                 if (omitEmpty && (x.*member).isEmpty())
                     return std::nullopt;
                 return QJsonValue(x.*member);
             } };
}

template<typename R>
Field<R> flag(const char *key, bool R::*member)
{
    const QString k = QString::fromLatin1(key);
    return { k, "boolean", Presence::Required, Scope::Contract,
             [=](WireReader &r, R &x) { x.*member = r.boolean(k); },
             [=](const R &x) -> Value<R> { return QJsonValue(x.*member); } };
}

// Absent or null reads as `fallback`.
template<typename R>
Field<R> optionalFlag(const char *key, bool R::*member, bool fallback, Scope scope)
{
    const QString k = QString::fromLatin1(key);
    return { k, "boolean", Presence::Optional, scope,
             [=](WireReader &r, R &x) { x.*member = r.optionalBoolean(k, fallback); },
             [=](const R &x) -> Value<R> { return QJsonValue(x.*member); } };
}

// A decimal string with two places, "12.50", never a number.
template<typename R>
Field<R> money(const char *key, Money R::*member, Money::ParseRules rules)
{
    const QString k = QString::fromLatin1(key);
    return { k, "money", Presence::Required, Scope::Contract,
             [=](WireReader &r, R &x) { x.*member = r.money(k, rules); },
             [=](const R &x) -> Value<R> { return QJsonValue((x.*member).toString()); } };
}

template<typename R>
Field<R> date(const char *key, QDate R::*member)
{
    const QString k = QString::fromLatin1(key);
    return { k, "date", Presence::Required, Scope::Contract,
             [=](WireReader &r, R &x) { x.*member = r.date(k); },
             [=](const R &x) -> Value<R> { return QJsonValue((x.*member).toString(Qt::ISODate)); } };
}

template<typename R>
Field<R> time(const char *key, QTime R::*member)
{
    const QString k = QString::fromLatin1(key);
    return { k, "time", Presence::Required, Scope::Contract,
             [=](WireReader &r, R &x) { x.*member = r.time(k); },
             [=](const R &x) -> Value<R> { return QJsonValue((x.*member).toString(QStringLiteral("HH:mm"))); } };
}

template<typename R>
Field<R> moment(const char *key, QDateTime R::*member)
{
    const QString k = QString::fromLatin1(key);
    return { k, "date-time", Presence::Required, Scope::Contract,
             [=](WireReader &r, R &x) { x.*member = r.dateTime(k); },
             [=](const R &x) -> Value<R> { return QJsonValue((x.*member).toUTC().toString(Qt::ISODateWithMs)); } };
}

// A wire word of an enum ("no_show"). Lenient: an unknown word keeps the
// default, or, `mustKnow`, drops the record (a stage change of no stage).
template<typename R, typename E>
Field<R> word(const char *key, E R::*member, std::optional<E> (*fromWire)(QStringView), const char *what,
              bool mustKnow = false)
{
    const QString k = QString::fromLatin1(key);
    return { k, "word", Presence::Required, Scope::Contract,
             [=](WireReader &r, R &x) {
                 const auto value = r.template word<E>(k, fromWire, what);
                 if (value)
                     x.*member = *value;
                 else if (mustKnow)
                     r.fail(k, QStringLiteral("unknown %1").arg(QLatin1String(what)));
             },
             [=](const R &x) -> Value<R> { return QJsonValue(toWire(x.*member)); } };
}

// An optional wire word; absent (or unknown, lenient) is nullopt and not written.
template<typename R, typename E>
Field<R> optionalWord(const char *key, std::optional<E> R::*member, std::optional<E> (*fromWire)(QStringView),
                      const char *what, Scope scope)
{
    const QString k = QString::fromLatin1(key);
    return { k, "word", Presence::Optional, scope,
             [=](WireReader &r, R &x) {
                 if (r.has(k))
                     x.*member = r.template word<E>(k, fromWire, what);
             },
             [=](const R &x) -> Value<R> {
                 return x.*member ? Value<R>(QJsonValue(toWire(*(x.*member)))) : std::nullopt;
             } };
}

template<typename R>
Field<R> words(const char *key, QStringList R::*member, Scope scope)
{
    const QString k = QString::fromLatin1(key);
    return { k, "list of strings", Presence::Optional, scope,
             [=](WireReader &r, R &x) {
                 if (r.has(k))
                     x.*member = r.stringList(k);
             },
             [=](const R &x) -> Value<R> { return QJsonValue(QJsonArray::fromStringList(x.*member)); } };
}

// A list of records, each read through its own table. Strict: all or nothing,
// errors named "items[2].quantity". Lenient: the elements that read.
template<typename R, typename T>
Field<R> list(const char *key, QList<T> R::*member, Presence presence, Scope scope, bool omitEmpty = false)
{
    const QString k = QString::fromLatin1(key);
    return { k, "list", presence, scope,
             [=](WireReader &r, R &x) {
                 if (presence == Presence::Optional && !r.has(k))
                     return;
                 QList<T> out;
                 if (r.lenient()) {
                     for (const QJsonValue &v : r.object().value(k).toArray()) {
                         if (auto item = decodeFields<T>(v, Mode::Lenient))
                             out.append(std::move(*item));
                     }
                     x.*member = std::move(out);
                     return;
                 }
                 const QJsonValue v = r.required(k);
                 if (!r.ok())
                     return;
                 if (!v.isArray()) {
                     r.fail(DecodeError { r.path(k), QStringLiteral("expected a list") });
                     return;
                 }
                 const QJsonArray array = v.toArray();
                 out.reserve(array.size());
                 for (qsizetype i = 0; i < array.size(); ++i) {
                     DecodeError inner;
                     auto item = decodeFields<T>(array.at(i), Mode::Strict, &inner,
                                                 r.path(k) + u'[' + QString::number(i) + u']');
                     if (!item) {
                         r.fail(inner);
                         return;
                     }
                     out.append(std::move(*item));
                 }
                 x.*member = std::move(out);
             },
             [=](const R &x) -> Value<R> {
                 if (omitEmpty && (x.*member).isEmpty())
                     return std::nullopt;
                 QJsonArray out;
                 for (const T &item : x.*member)
                     out.append(encodeFields(item));
                 return QJsonValue(out);
             } };
}

constexpr auto kExt = Scope::Extension;
constexpr auto kCloud = Scope::Contract;

} // namespace

template<>
const FieldTable<Category> &fieldTable<Category>()
{
    static const FieldTable<Category> table {
        whole("id", &Category::id, 1),
        text("slug", &Category::slug, Limits::kSlug, false),
        text("title", &Category::title, Limits::kTitle, false),
    };
    return table;
}

template<>
const FieldTable<MenuItem> &fieldTable<MenuItem>()
{
    static const FieldTable<MenuItem> table {
        whole("id", &MenuItem::id, 1),
        text("title", &MenuItem::title, Limits::kTitle, false),
        money("price", &MenuItem::price, Money::MenuPrice),
        flag("featured", &MenuItem::featured),
        whole("category", &MenuItem::category, 1),
        optionalFlag("available", &MenuItem::available, true, kExt),
    };
    return table;
}

template<>
const FieldTable<CartItem> &fieldTable<CartItem>()
{
    static const FieldTable<CartItem> table {
        whole("id", &CartItem::id, 1),
        text("menuitem_name", &CartItem::menuitemName),
        whole("menuitem", &CartItem::menuitem, 1),
        whole("quantity", &CartItem::quantity, 1, Limits::kLineQuantity),
        money("price", &CartItem::price, Money::LineTotal),
    };
    return table;
}

template<>
const FieldTable<OrderItem> &fieldTable<OrderItem>()
{
    static const FieldTable<OrderItem> table {
        whole("menuitem", &OrderItem::menuitem, 1),
        text("menuitem_title", &OrderItem::menuitemTitle),
        whole("quantity", &OrderItem::quantity, 1, Limits::kLineQuantity),
        money("unit_price", &OrderItem::unitPrice, Money::MenuPrice),
        money("price", &OrderItem::price, Money::LineTotal),
        // line_notes: written only on a line that has one, in either flavor.
        optionalText("note", &OrderItem::note, -1, kExt, true),
    };
    return table;
}

template<>
const FieldTable<StageChange> &fieldTable<StageChange>()
{
    static const FieldTable<StageChange> table {
        word("stage", &StageChange::stage, &orderStageFromWire, "stage", true),
        whole("by", &StageChange::by, 0),
        moment("at", &StageChange::at),
    };
    return table;
}

template<>
const FieldTable<Order> &fieldTable<Order>()
{
    static const FieldTable<Order> table {
        whole("id", &Order::id, 1),
        whole("user", &Order::user, 0),
        nullableWhole("delivery_crew", &Order::deliveryCrew, 1),
        optionalFlag("status", &Order::status, false, kCloud),
        money("total", &Order::total, Money::LineTotal),
        date("date", &Order::date),
        list("items", &Order::items, Presence::Required, kCloud),
        optionalWord("stage", &Order::stage, &orderStageFromWire, "stage", kExt),
        optionalText("note", &Order::note, -1, kExt),
        // Only where a single order is shown (and our lists leave it out).
        list("history", &Order::history, Presence::Optional, kExt, true),
    };
    return table;
}

template<>
const FieldTable<OrderCreated> &fieldTable<OrderCreated>()
{
    static const FieldTable<OrderCreated> table {
        whole("order_id", &OrderCreated::orderId, 1),
        money("total", &OrderCreated::total, Money::LineTotal),
        list("items", &OrderCreated::items, Presence::Optional, kCloud),
        optionalText("detail", &OrderCreated::detail, -1, kCloud),
    };
    return table;
}

template<>
const FieldTable<Booking> &fieldTable<Booking>()
{
    static const FieldTable<Booking> table {
        whole("id", &Booking::id, 1),
        whole("user", &Booking::user, 0),
        text("name", &Booking::name, Limits::kBookingName),
        optionalText("phone", &Booking::phone, Limits::kBookingPhone, kCloud),
        date("date", &Booking::date),
        time("time", &Booking::time),
        whole("guests", &Booking::guests, 1, Limits::kBookingGuests),
        nullableWhole("table", &Booking::table, 1),
        optionalText("notes", &Booking::notes, -1, kCloud),
        word("status", &Booking::status, &bookingStatusFromWire, "status"),
    };
    return table;
}

template<>
const FieldTable<DiningTable> &fieldTable<DiningTable>()
{
    static const FieldTable<DiningTable> table {
        whole("id", &DiningTable::id, 1),
        text("name", &DiningTable::name, Limits::kTableName, false),
        whole("seats", &DiningTable::seats, 1, Limits::kTableSeats),
    };
    return table;
}

template<>
const FieldTable<User> &fieldTable<User>()
{
    static const FieldTable<User> table {
        optionalText("email", &User::email, Limits::kEmail, kCloud),
        text("username", &User::username, Limits::kUsername, false),
        optionalWhole("id", &User::id, 1, kExt),
        words("groups", &User::groups, kExt),
        optionalFlag("is_staff", &User::isStaff, false, kExt),
    };
    return table;
}

} // namespace LittleLemon::Json
