#include "models/jsoncodec.h"

#include <QTest>

using namespace LittleLemon;

// Malformed input is rejected whole, with the field it is wrong in named
// exactly; unknown extra fields are ignored.
class TstMalformed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rejected_data();
    void rejected();
    void extraFieldsIgnored_data();
    void extraFieldsIgnored();
    void extraFieldsChangeNothing();
    void optionalFields_data();
    void optionalFields();
    void basesAreValid();
    void callerPath();
};

// moc (Qt 6.4) misreads some raw string literals and then misses the class
// altogether; it needs only the declaration above, so it skips the rest.
#ifndef Q_MOC_RUN

namespace {

// Decodes `bytes` as the record `kind` names. Returns whether it decoded and
// leaves the error in *error.
bool decodeAs(const QString &kind, const QByteArray &bytes, DecodeError *error)
{
    const auto json = Json::parse(bytes, error);
    if (!json)
        return false;
    const QJsonValue &v = *json;
    if (kind == QLatin1String("category"))
        return Json::decode<Category>(v, error).has_value();
    if (kind == QLatin1String("menuitem"))
        return Json::decode<MenuItem>(v, error).has_value();
    if (kind == QLatin1String("cart"))
        return Json::decode<CartItem>(v, error).has_value();
    if (kind == QLatin1String("cartlist"))
        return Json::decodeList<CartItem>(v, error).has_value();
    if (kind == QLatin1String("order"))
        return Json::decode<Order>(v, error).has_value();
    if (kind == QLatin1String("created"))
        return Json::decode<OrderCreated>(v, error).has_value();
    if (kind == QLatin1String("booking"))
        return Json::decode<Booking>(v, error).has_value();
    if (kind == QLatin1String("table"))
        return Json::decode<DiningTable>(v, error).has_value();
    if (kind == QLatin1String("user"))
        return Json::decode<User>(v, error).has_value();
    if (kind == QLatin1String("members"))
        return Json::decodeList<User>(v, error).has_value();
    if (kind == QLatin1String("token"))
        return Json::decode<TokenPair>(v, error).has_value();
    if (kind == QLatin1String("meta"))
        return Json::decode<ServerMeta>(v, error).has_value();
    if (kind == QLatin1String("feed"))
        return Json::decode<ChangeFeed>(v, error).has_value();
    if (kind == QLatin1String("page:menuitem"))
        return Json::decodePage<MenuItem>(v, error).has_value();
    if (kind == QLatin1String("page:order"))
        return Json::decodePage<Order>(v, error).has_value();
    if (kind == QLatin1String("parse"))
        return true; // Json::parse alone
    *error = { QStringLiteral("?"), QStringLiteral("test table names an unknown kind: ") + kind };
    return false;
}

// Valid bodies that each malformed row breaks in one place.
const QByteArray kItem = R"({"id":1,"title":"Soda","price":"5.50","featured":false,"category":3})";
const QByteArray kLine
    = R"({"menuitem":2,"menuitem_title":"Soda","quantity":3,"unit_price":"5.50","price":"16.50"})";
const QByteArray kOrder
    = R"({"id":1,"user":4,"delivery_crew":null,"status":false,"total":"16.50","date":"2026-11-24","items":[)"
    + kLine + "]}";
const QByteArray kBooking
    = R"({"id":1,"user":4,"name":"Ana","phone":"","date":"2026-11-24","time":"19:30","guests":4,)"
      R"("table":null,"notes":"","status":"booked"})";
const QByteArray kPageHead = R"({"count":3,"next":null,"previous":null,"results":[)";

// `base` with the first occurrence of `from` replaced by `to`.
QByteArray with(const QByteArray &base, const QByteArray &from, const QByteArray &to)
{
    QByteArray out = base;
    const qsizetype at = out.indexOf(from);
    if (at < 0) // a row that changes nothing would test nothing
        qFatal("test table: \"%s\" is not in \"%s\"", from.constData(), base.constData());
    out.replace(at, from.size(), to);
    return out;
}

} // namespace

void TstMalformed::rejected_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message"); // a part of the message

    auto row = [](const char *name, const char *kind, const QByteArray &body, const char *field,
                   const char *message) {
        QTest::newRow(name) << QString::fromLatin1(kind) << body << QString::fromLatin1(field)
                            << QString::fromLatin1(message);
    };

    // Menu items: wrong types, missing, null, out of range.
    row("price as a number", "menuitem", with(kItem, R"("5.50")", "5.5"), "price", "decimal string");
    row("price letters", "menuitem", with(kItem, "5.50", "abc"), "price", "valid number");
    row("price three places", "menuitem", with(kItem, "5.50", "5.505"), "price", "2 decimal places");
    row("price five digits", "menuitem", with(kItem, "5.50", "10000.00"), "price", "4 digits");
    row("price negative", "menuitem", with(kItem, "5.50", "-5.50"), "price", "greater than or equal to 0");
    row("price exponent", "menuitem", with(kItem, "5.50", "5e2"), "price", "valid number");
    row("price comma", "menuitem", with(kItem, "5.50", "5,50"), "price", "valid number");
    row("price null", "menuitem", with(kItem, R"("5.50")", "null"), "price", "null");
    row("price missing", "menuitem", with(kItem, R"("price":"5.50",)", ""), "price", "required");
    row("title missing", "menuitem", with(kItem, R"("title":"Soda",)", ""), "title", "required");
    row("title blank", "menuitem", with(kItem, R"("Soda")", R"("   ")"), "title", "blank");
    row("title a number", "menuitem", with(kItem, R"("Soda")", "5"), "title", "expected a string");
    row("title too long", "menuitem", with(kItem, "Soda", QByteArray(256, 'x')), "title", "at most 255");
    row("featured as a string", "menuitem", with(kItem, "false", R"("false")"), "featured", "true or false");
    row("featured as 0", "menuitem", with(kItem, "false", "0"), "featured", "true or false");
    row("featured null", "menuitem", with(kItem, "false", "null"), "featured", "null");
    row("category as a string", "menuitem", with(kItem, R"("category":3)", R"("category":"3")"), "category",
        "whole number");
    row("category fractional", "menuitem", with(kItem, R"("category":3)", R"("category":3.5)"), "category",
        "whole number");
    row("category an object", "menuitem", with(kItem, R"("category":3)", R"("category":{"id":3})"),
        "category", "whole number");
    row("id zero", "menuitem", with(kItem, R"("id":1)", R"("id":0)"), "id", "at least 1");
    row("id negative", "menuitem", with(kItem, R"("id":1)", R"("id":-7)"), "id", "at least 1");
    row("id too large to be exact", "menuitem", with(kItem, R"("id":1)", R"("id":1e300)"), "id",
        "whole number");
    row("id boolean", "menuitem", with(kItem, R"("id":1)", R"("id":true)"), "id", "whole number");
    row("available as yes", "menuitem", with(kItem, "}", R"(,"available":"yes"})"), "available",
        "true or false");

    // Categories.
    row("slug missing", "category", R"({"id":1,"title":"Drinks"})", "slug", "required");
    row("slug null", "category", R"({"id":1,"slug":null,"title":"Drinks"})", "slug", "null");
    row("slug too long", "category",
        QByteArray(R"({"id":1,"slug":")") + QByteArray(51, 'a') + R"(","title":"Drinks"})", "slug",
        "at most 50");
    row("category title a list", "category", R"({"id":1,"slug":"drinks","title":["Drinks"]})", "title",
        "expected a string");

    // Cart rows and the cart list.
    row("cart quantity zero", "cart",
        R"({"id":1,"menuitem_name":"Soda","menuitem":2,"quantity":0,"price":"0.00"})", "quantity",
        "between 1 and");
    row("cart quantity a string", "cart",
        R"({"id":1,"menuitem_name":"Soda","menuitem":2,"quantity":"3","price":"16.50"})", "quantity",
        "whole number");
    row("cart name missing", "cart", R"({"id":1,"menuitem":2,"quantity":3,"price":"16.50"})", "menuitem_name",
        "required");
    row("cart list second row", "cartlist",
        R"([{"id":1,"menuitem_name":"Soda","menuitem":2,"quantity":3,"price":"16.50"},)"
        R"({"id":2,"menuitem_name":"Lasagna","menuitem":3,"quantity":1,"price":14.99}])",
        "[1].price", "decimal string");
    row("cart list is an object", "cartlist", R"({"results":[]})", "", "expected a list");

    // Orders, their lines and history.
    row("crew as a string", "order", with(kOrder, R"("delivery_crew":null)", R"("delivery_crew":"3")"),
        "delivery_crew", "whole number");
    row("crew zero", "order", with(kOrder, R"("delivery_crew":null)", R"("delivery_crew":0)"),
        "delivery_crew", "at least 1");
    row("status as a string", "order", with(kOrder, R"("status":false)", R"("status":"false")"), "status",
        "true or false");
    row("total missing", "order", with(kOrder, R"("total":"16.50",)", ""), "total", "required");
    row("user fractional", "order", with(kOrder, R"("user":4)", R"("user":4.5)"), "user", "whole number");
    row("user negative", "order", with(kOrder, R"("user":4)", R"("user":-4)"), "user", "at least 0");
    row("date month 13", "order", with(kOrder, "2026-11-24", "2026-13-01"), "date", "YYYY-MM-DD");
    row("date day-first", "order", with(kOrder, "2026-11-24", "24/11/2026"), "date", "YYYY-MM-DD");
    row("date with slashes", "order", with(kOrder, "2026-11-24", "2026/11/24"), "date", "YYYY-MM-DD");
    row("date with a time", "order", with(kOrder, "2026-11-24", "2026-11-24T10:00:00Z"), "date",
        "YYYY-MM-DD");
    row("date short", "order", with(kOrder, "2026-11-24", "2026-1-4"), "date", "YYYY-MM-DD");
    row("date a number", "order", with(kOrder, R"("2026-11-24")", "20261124"), "date", "expected a string");
    row("items an object", "order", with(kOrder, "[" + kLine + "]", kLine), "items", "expected a list");
    row("items null", "order", with(kOrder, "[" + kLine + "]", "null"), "items", "null");
    row("items missing", "order", with(kOrder, R"(,"items":[)" + kLine + "]", ""), "items", "required");
    row("second line quantity a string", "order",
        with(kOrder, "]}",
            R"(,{"menuitem":3,"menuitem_title":"Lasagna","quantity":"2","unit_price":"14.99","price":"29.98"}]})"),
        "items[1].quantity", "whole number");
    row("first line unit price missing", "order", with(kOrder, R"("unit_price":"5.50",)", ""),
        "items[0].unit_price", "required");
    row("first line price with comma", "order", with(kOrder, R"("price":"16.50"})", R"("price":"16,50"})"),
        "items[0].price", "valid number");
    row("first line a string", "order", with(kOrder, kLine, R"("Soda x3")"), "items[0]",
        "expected an object");
    row("first line menuitem null", "order", with(kOrder, R"("menuitem":2)", R"("menuitem":null)"),
        "items[0].menuitem", "null");
    row("stage unknown", "order", with(kOrder, "]}", R"(],"stage":"shipped"})"), "stage", "unknown stage");
    row("stage capitalised", "order", with(kOrder, "]}", R"(],"stage":"Ready"})"), "stage", "unknown stage");
    row("stage a number", "order", with(kOrder, "]}", R"(],"stage":3})"), "stage", "expected a string");
    row("stage null", "order", with(kOrder, "]}", R"(],"stage":null})"), "stage", "null");
    row("note a number", "order", with(kOrder, "]}", R"(],"note":5})"), "note", "expected a string");
    row("history not a list", "order", with(kOrder, "]}", R"(],"history":{}})"), "history",
        "expected a list");
    row("history stage unknown", "order",
        with(kOrder, "]}", R"(],"history":[{"stage":"done","by":2,"at":"2026-11-24T10:00:00Z"}]})"),
        "history[0].stage", "unknown stage");
    row("history time not a time", "order",
        with(kOrder, "]}", R"(],"history":[{"stage":"ready","by":2,"at":"yesterday"}]})"), "history[0].at",
        "ISO 8601");
    row("history time without a zone", "order",
        with(kOrder, "]}", R"(],"history":[{"stage":"ready","by":2,"at":"2026-11-24T10:00:00"}]})"),
        "history[0].at", "ISO 8601");
    row("history date only", "order",
        with(kOrder, "]}", R"(],"history":[{"stage":"ready","by":2,"at":"2026-11-24"}]})"), "history[0].at",
        "ISO 8601");
    row("history second entry by a string", "order",
        with(kOrder, "]}",
            R"(],"history":[{"stage":"received","by":4,"at":"2026-11-24T10:00:00Z"},)"
            R"({"stage":"ready","by":"mario","at":"2026-11-24T10:20:00Z"}]})"),
        "history[1].by", "whole number");

    // Order created.
    row("created without order_id", "created", R"({"total":"31.49","items":[],"detail":"Order created!"})",
        "order_id", "required");
    row("created total with three places", "created",
        R"({"order_id":1,"total":"31.490","detail":"Order created!"})", "total", "2 decimal places");

    // Bookings.
    row("time 25:00", "booking", with(kBooking, "19:30", "25:00"), "time", "HH:MM");
    row("time 19:60", "booking", with(kBooking, "19:30", "19:60"), "time", "HH:MM");
    row("time 19h30", "booking", with(kBooking, "19:30", "19h30"), "time", "HH:MM");
    row("time one-digit hour", "booking", with(kBooking, "19:30", "7:30"), "time", "HH:MM");
    row("time with am/pm", "booking", with(kBooking, "19:30", "07:30 PM"), "time", "HH:MM");
    row("date 30 February", "booking", with(kBooking, "2026-11-24", "2026-02-30"), "date", "YYYY-MM-DD");
    row("guests zero", "booking", with(kBooking, R"("guests":4)", R"("guests":0)"), "guests",
        "between 1 and");
    row("guests a string", "booking", with(kBooking, R"("guests":4)", R"("guests":"4")"), "guests",
        "whole number");
    row("status unknown", "booking", with(kBooking, "booked", "pending"), "status", "unknown status");
    row("status null", "booking", with(kBooking, R"("booked")", "null"), "status", "null");
    row("status missing", "booking", with(kBooking, R"(,"status":"booked")", ""), "status", "required");
    row("table fractional", "booking", with(kBooking, R"("table":null)", R"("table":2.5)"), "table",
        "whole number");
    row("phone a number", "booking", with(kBooking, R"("phone":"")", R"("phone":5550101)"), "phone",
        "expected a string");

    // Tables.
    row("seats missing", "table", R"({"id":1,"name":"Patio"})", "seats", "required");
    row("table name blank", "table", R"({"id":1,"name":"","seats":4})", "name", "blank");

    // Users and tokens.
    row("username missing", "user", R"({"email":"mario@example.com"})", "username", "required");
    row("username null", "user", R"({"email":"mario@example.com","username":null})", "username", "null");
    row("groups a string", "user", R"({"username":"mario","groups":"manager"})", "groups", "list of strings");
    row("groups holding a number", "user", R"({"username":"mario","groups":["manager",1]})", "groups[1]",
        "expected a string");
    row("is_staff as 1", "user", R"({"username":"mario","is_staff":1})", "is_staff", "true or false");
    row("user id a string", "user", R"({"username":"mario","id":"2"})", "id", "whole number");
    row("member list second without username", "members",
        R"([{"id":2,"username":"mario","email":""},{"id":3,"email":"crew@example.com"}])", "[1].username",
        "required");
    row("access missing", "token", R"({"refresh":"r"})", "access", "required");
    row("access empty", "token", R"({"access":"","refresh":"r"})", "access", "blank");

    // Server meta and the change feed.
    row("meta without features", "meta", R"({"server":"littlelemon-server","version":"1"})", "features",
        "required");
    row("meta features of numbers", "meta", R"({"server":"littlelemon-server","features":[1]})",
        "features[0]", "expected a string");
    row("meta server null", "meta", R"({"server":null,"features":[]})", "server", "null");
    row("meta limits a number", "meta", R"({"server":"littlelemon-server","features":[],"limits":100})",
        "limits", "expected an object");
    row("change op unknown", "feed",
        R"({"changes":[{"seq":1,"entity":"order","id":1,"op":"update","data":{}}],"next":1})",
        "changes[0].op", "upsert");
    row("upsert without data", "feed",
        R"({"changes":[{"seq":1,"entity":"order","id":1,"op":"upsert"}],"next":1})", "changes[0].data",
        "required");
    row("upsert data a list", "feed",
        R"({"changes":[{"seq":1,"entity":"order","id":1,"op":"delete"},{"seq":2,"entity":"order","id":1,"op":"upsert","data":[]}],"next":2})",
        "changes[1].data", "expected an object");
    row("change seq zero", "feed",
        R"({"changes":[{"seq":0,"entity":"order","id":1,"op":"delete"}],"next":1})", "changes[0].seq",
        "at least 1");
    row("change entity blank", "feed", R"({"changes":[{"seq":1,"entity":"","id":1,"op":"delete"}],"next":1})",
        "changes[0].entity", "blank");
    row("feed next missing", "feed", R"({"changes":[]})", "next", "required");
    row("feed changes an object", "feed", R"({"changes":{},"next":0})", "changes", "expected a list");

    // The paginated envelope.
    row("third result category a string", "page:menuitem",
        kPageHead + kItem + "," + kItem + "," + with(kItem, R"("category":3)", R"("category":"3")") + "]}",
        "results[2].category", "whole number");
    row("second result null", "page:menuitem", kPageHead + kItem + ",null]}", "results[1]",
        "expected an object");
    row("order in a page, line quantity", "page:order",
        kPageHead + kOrder + "," + with(kOrder, R"("quantity":3)", R"("quantity":-3)") + "]}",
        "results[1].items[0].quantity", "between 1 and");
    row("next not a URL", "page:menuitem", with(kPageHead, R"("next":null)", R"("next":"not a url")") + "]}",
        "next", "absolute URL");
    row("next relative", "page:menuitem",
        with(kPageHead, R"("next":null)", R"("next":"/api/menu-items?page=2")") + "]}", "next",
        "absolute URL");
    row("next javascript", "page:menuitem",
        with(kPageHead, R"("next":null)", "\"next\":\"javascript:alert(1)\"") + "]}", "next", "absolute URL");
    row("next without a host", "page:menuitem", with(kPageHead, R"("next":null)", R"("next":"http:")") + "]}",
        "next", "absolute URL");
    row("next a number", "page:menuitem", with(kPageHead, R"("next":null)", R"("next":2)") + "]}", "next",
        "expected a string");
    row("previous broken bracket", "page:menuitem",
        with(kPageHead, R"("previous":null)", R"("previous":"http://[::1/api")") + "]}", "previous",
        "absolute URL");
    row("count negative", "page:menuitem", with(kPageHead, "3", "-1") + "]}", "count", "at least 0");
    row("count a string", "page:menuitem", with(kPageHead, "3", R"("3")") + "]}", "count", "whole number");
    row("results missing", "page:menuitem", R"({"count":0,"next":null,"previous":null})", "results",
        "required");
    row("results an object", "page:menuitem", R"({"count":0,"next":null,"previous":null,"results":{}})",
        "results", "expected a list");

    // Roots of the wrong kind.
    row("menu item root is a list", "menuitem", "[" + kItem + "]", "", "expected an object, got a list");
    row("page root is a list", "page:menuitem", "[" + kItem + "]", "", "expected an object, got a list");
    row("member list root is an object", "members", R"({"id":2,"username":"mario"})", "", "expected a list");

    // Not JSON at all: Json::parse says where.
    row("truncated object", "parse", R"({"price":)", "", "JSON parse error");
    row("truncated mid-string", "menuitem", R"({"id":1,"title":"Sod)", "", "JSON parse error");
    row("truncated list", "cartlist", "[1,2", "", "JSON parse error");
    row("empty body", "parse", "", "", "JSON parse error");
    row("garbage after the object", "parse", R"({"a":1}})", "", "JSON parse error");
    row("HTML instead of JSON", "menuitem", "<h1>Server Error (500)</h1>", "", "JSON parse error");
    row("bare number", "parse", "5", "", "");
    row("bare string", "parse", R"("x")", "", "");
}
void TstMalformed::rejected()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, message);
    DecodeError error { QStringLiteral("untouched"), QString() };
    QVERIFY2(!decodeAs(kind, body, &error), body.constData());
    QCOMPARE(error.field, field);
    QVERIFY(!error.message.isEmpty());
    QVERIFY2(error.message.contains(message, Qt::CaseInsensitive), qPrintable(error.message));
    // toString() names the field first, for logs and the UI.
    QVERIFY(field.isEmpty() ? error.toString() == error.message
                            : error.toString().startsWith(field + QStringLiteral(": ")));
}

// The cloud may add fields; they are ignored, and what is known still decodes.
void TstMalformed::extraFieldsIgnored_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("menu item") << QStringLiteral("menuitem")
                               << with(kItem, "}", R"(,"image":"soda.png","tags":["cold"],"calories":140})");
    QTest::newRow("order, and its lines")
        << QStringLiteral("order")
        << with(with(kOrder, R"("price":"16.50"})", R"("price":"16.50","discount":null})"), R"("id":1,)",
               R"("id":1,"coupon":{"code":"LEMON"},)");
    QTest::newRow("booking") << QStringLiteral("booking")
                             << with(kBooking, "}", R"(,"created":"2026-11-20T09:00:00Z"})");
    QTest::newRow("page envelope") << QStringLiteral(
        "page:menuitem") << with(kPageHead, "{", R"({"page_size":3,"total_pages":2,)") + kItem + "]}";
    QTest::newRow("me")
        << QStringLiteral("user")
        << QByteArray(
               R"({"email":"m@example.com","username":"mario","first_name":"Mario","last_login":null})");
    QTest::newRow("meta")
        << QStringLiteral("meta")
        << QByteArray(R"({"server":"littlelemon-server","features":["me","teleport"],"build":"abc"})");
    QTest::newRow("token") << QStringLiteral("token")
                           << QByteArray(R"({"access":"a","refresh":"r","expires_in":900})");
    QTest::newRow("change feed")
        << QStringLiteral("feed")
        << QByteArray(
               R"({"changes":[{"seq":1,"entity":"order","id":1,"op":"delete","actor":2}],"next":1,"more":false})");
}
void TstMalformed::extraFieldsIgnored()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, body);
    DecodeError error;
    QVERIFY2(decodeAs(kind, body, &error), qPrintable(error.toString()));
}

// The extra fields change nothing in what is decoded.
void TstMalformed::extraFieldsChangeNothing()
{
    DecodeError e;
    const auto plain = Json::decode<Order>(*Json::parse(kOrder, &e), &e);
    const auto extra = Json::decode<Order>(
        *Json::parse(with(kOrder, R"("id":1,)", R"("id":1,"coupon":"LEMON","stage_eta":12,)"), &e), &e);
    QVERIFY(plain && extra);
    QCOMPARE(*extra, *plain);
}

// Optional fields may be absent or null; absence is not an error.
void TstMalformed::optionalFields_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("order without status")
        << QStringLiteral("order") << with(kOrder, R"("status":false,)", "");
    QTest::newRow("order without delivery_crew")
        << QStringLiteral("order") << with(kOrder, R"("delivery_crew":null,)", "");
    QTest::newRow("order with note null")
        << QStringLiteral("order") << with(kOrder, "]}", R"(],"note":null})");
    QTest::newRow("menu item with available null")
        << QStringLiteral("menuitem") << with(kItem, "}", R"(,"available":null})");
    QTest::newRow("booking without phone and notes")
        << QStringLiteral("booking") << with(with(kBooking, R"("phone":"",)", ""), R"("notes":"",)", "");
    QTest::newRow("created without items")
        << QStringLiteral("created") << QByteArray(R"({"order_id":1,"total":"0.00"})");
    QTest::newRow("meta limits null") << QStringLiteral(
        "meta") << QByteArray(R"({"server":"littlelemon-server","features":[],"limits":null})");
    QTest::newRow("member without email")
        << QStringLiteral("members") << QByteArray(R"([{"id":2,"username":"mario"}])");
}
void TstMalformed::optionalFields()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, body);
    DecodeError error;
    QVERIFY2(decodeAs(kind, body, &error), qPrintable(error.toString()));
}

// Every base body decodes: the rows above each break exactly one thing.
void TstMalformed::basesAreValid()
{
    DecodeError e;
    QVERIFY2(decodeAs(QStringLiteral("menuitem"), kItem, &e), qPrintable(e.toString()));
    QVERIFY2(decodeAs(QStringLiteral("order"), kOrder, &e), qPrintable(e.toString()));
    QVERIFY2(decodeAs(QStringLiteral("booking"), kBooking, &e), qPrintable(e.toString()));
    QVERIFY2(
        decodeAs(QStringLiteral("page:menuitem"), kPageHead + kItem + "]}", &e), qPrintable(e.toString()));
}

// A path given by the caller prefixes every field named.
void TstMalformed::callerPath()
{
    DecodeError e;
    const auto item = Json::decode<MenuItem>(
        *Json::parse(with(kItem, R"("5.50")", "5.5"), &e), &e, QStringLiteral("changes[3].data"));
    QVERIFY(!item);
    QCOMPARE(e.field, QStringLiteral("changes[3].data.price"));
}

#endif // Q_MOC_RUN

QTEST_GUILESS_MAIN(TstMalformed)
#include "tst_malformed.moc"
