#include "models/apierror.h"
#include "models/jsoncodec.h"

#include <QJsonDocument>
#include <QTest>

using namespace LittleLemon;
using Json::Flavor;

Q_DECLARE_METATYPE(LittleLemon::Category)
Q_DECLARE_METATYPE(LittleLemon::MenuItem)
Q_DECLARE_METATYPE(LittleLemon::CartItem)
Q_DECLARE_METATYPE(LittleLemon::OrderItem)
Q_DECLARE_METATYPE(LittleLemon::StageChange)
Q_DECLARE_METATYPE(LittleLemon::Order)
Q_DECLARE_METATYPE(LittleLemon::OrderCreated)
Q_DECLARE_METATYPE(LittleLemon::Booking)
Q_DECLARE_METATYPE(LittleLemon::DiningTable)
Q_DECLARE_METATYPE(LittleLemon::User)
Q_DECLARE_METATYPE(LittleLemon::TokenPair)
Q_DECLARE_METATYPE(LittleLemon::ServerMeta)
Q_DECLARE_METATYPE(LittleLemon::Change)
Q_DECLARE_METATYPE(LittleLemon::ApiError::Kind)

// The JSON codecs in the exact wire shapes of CONTRACT.md, and ApiError over
// every error body the cloud is known to send.
class TstCodecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void category_data();
    void category();
    void menuItem_data();
    void menuItem();
    void cartItem_data();
    void cartItem();
    void orderItem_data();
    void orderItem();
    void stageChange_data();
    void stageChange();
    void order_data();
    void order();
    void orderCreated();
    void booking_data();
    void booking();
    void diningTable_data();
    void diningTable();
    void user_data();
    void user();
    void tokenPair();
    void serverMeta_data();
    void serverMeta();
    void changeFeed_data();
    void changeFeed();
    void page_data();
    void page();
    void wireKeys_data();
    void wireKeys();
    void responseBodies_data();
    void responseBodies();
    void errorBodies_data();
    void errorBodies();
    void errorKinds_data();
    void errorKinds();
    void networkErrors();
    void humanFieldNames_data();
    void humanFieldNames();
};

// moc (Qt 6.4) misreads some raw string literals and then misses the class
// altogether; it needs only the declaration above, so it skips the rest.
#ifndef Q_MOC_RUN

namespace {

QByteArray compact(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

// The whole trip a record makes between two programs: encode, bytes on the
// wire, Json::parse, decode.
template<typename T> std::optional<T> throughBytes(const QJsonValue &encoded, QString *why)
{
    DecodeError e;
    const auto parsed = Json::parse(compact(encoded), &e);
    if (!parsed) {
        *why = e.toString();
        return std::nullopt;
    }
    auto out = Json::decode<T>(*parsed, &e);
    if (!out)
        *why = e.toString();
    return out;
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

// ---- one line per record, so a table row can say what a body must decode to.

QString orDash(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QStringLiteral("-");
}
QString orDash(const QUrl &u)
{
    return u.isEmpty() ? QStringLiteral("-") : u.toString();
}

// Declared first: describe(QList<T>) is found by the records' own overloads.
QString describe(const Category &c);
QString describe(const MenuItem &m);
QString describe(const CartItem &c);
QString describe(const OrderItem &i);
QString describe(const StageChange &s);
QString describe(const Order &o);
QString describe(const OrderCreated &o);
QString describe(const Booking &b);
QString describe(const DiningTable &t);
QString describe(const User &u);
QString describe(const TokenPair &t);
QString describe(const ServerMeta &m);
QString describe(const Change &c);
QString describe(const ChangeFeed &f);

QString describe(const Category &c)
{
    return QStringLiteral("#%1 %2 \"%3\"").arg(c.id).arg(c.slug, c.title);
}
QString describe(const MenuItem &m)
{
    return QStringLiteral("#%1 \"%2\" %3 cat=%4%5%6")
        .arg(m.id)
        .arg(m.title, m.price.toString())
        .arg(m.category)
        .arg(m.featured ? QStringLiteral(" featured") : QString(),
            m.available ? QString() : QStringLiteral(" unavailable"));
}
QString describe(const CartItem &c)
{
    return QStringLiteral("#%1 %2(%3) x%4 %5")
        .arg(c.id)
        .arg(c.menuitemName)
        .arg(c.menuitem)
        .arg(c.quantity)
        .arg(c.price.toString());
}
QString describe(const OrderItem &i)
{
    return QStringLiteral("%1(%2) x%3 @%4 %5")
        .arg(i.menuitemTitle)
        .arg(i.menuitem)
        .arg(i.quantity)
        .arg(i.unitPrice.toString(), i.price.toString());
}
QString describe(const StageChange &s)
{
    return QStringLiteral("%1 by %2 at %3")
        .arg(toWire(s.stage))
        .arg(s.by)
        .arg(s.at.toString(Qt::ISODateWithMs));
}
template<typename T> QString describe(const QList<T> &list)
{
    QStringList parts;
    for (const T &t : list)
        parts << describe(t);
    return u'[' + parts.join(QStringLiteral(" | ")) + u']';
}
QString describe(const Order &o)
{
    QString s = QStringLiteral("#%1 user=%2 crew=%3 delivered=%4 stage=%5 total=%6 date=%7 items=%8")
                    .arg(o.id)
                    .arg(o.user)
                    .arg(orDash(o.deliveryCrew), o.status ? QStringLiteral("yes") : QStringLiteral("no"),
                        o.stage ? toWire(*o.stage) : QStringLiteral("-"), o.total.toString(),
                        o.date.toString(Qt::ISODate), describe(o.items));
    if (!o.note.isEmpty())
        s += QStringLiteral(" note=\"%1\"").arg(o.note);
    if (!o.history.isEmpty())
        s += QStringLiteral(" history=") + describe(o.history);
    return s;
}
QString describe(const OrderCreated &o)
{
    return QStringLiteral("#%1 total=%2 detail=\"%3\" items=%4")
        .arg(o.orderId)
        .arg(o.total.toString(), o.detail, describe(o.items));
}
QString describe(const Booking &b)
{
    return QStringLiteral("#%1 user=%2 \"%3\" phone=\"%4\" %5 %6 guests=%7 table=%8 %9 notes=\"%10\"")
        .arg(b.id)
        .arg(b.user)
        .arg(b.name, b.phone, b.date.toString(Qt::ISODate), b.time.toString(QStringLiteral("HH:mm")))
        .arg(b.guests)
        .arg(orDash(b.table), toWire(b.status), b.notes);
}
QString describe(const DiningTable &t)
{
    return QStringLiteral("#%1 \"%2\" seats=%3").arg(t.id).arg(t.name).arg(t.seats);
}
QString describe(const User &u)
{
    return QStringLiteral("id=%1 %2 <%3> groups=[%4]%5 role=%6")
        .arg(u.id)
        .arg(u.username, u.email, u.groups.join(u','), u.isStaff ? QStringLiteral(" staff") : QString(),
            toWire(u.role()));
}
QString describe(const TokenPair &t)
{
    return QStringLiteral("access=%1 refresh=%2")
        .arg(t.access, t.refresh.isEmpty() ? QStringLiteral("-") : t.refresh);
}
QString describe(const ServerMeta &m)
{
    return QStringLiteral("%1 %2 features=[%3] limits=%4")
        .arg(m.server, m.version, m.features.join(u','), QString::fromUtf8(compact(m.limits)));
}
QString describe(const Change &c)
{
    return QStringLiteral("%1 %2 %3#%4%5")
        .arg(c.seq)
        .arg(c.op == Change::Op::Upsert ? QStringLiteral("upsert") : QStringLiteral("delete"), c.entity)
        .arg(c.id)
        .arg(c.op == Change::Op::Upsert ? u' ' + QString::fromUtf8(compact(c.data)) : QString());
}
QString describe(const ChangeFeed &f)
{
    return QStringLiteral("next=%1 changes=%2").arg(f.next).arg(describe(f.changes));
}
template<typename T> QString describe(const Page<T> &p)
{
    return QStringLiteral("count=%1 next=%2 previous=%3 results=%4")
        .arg(p.count)
        .arg(orDash(p.next), orDash(p.previous), describe(p.results));
}

// What a body decoded to: its description, and the record encoded again.
struct Decoded
{
    bool ok = false;
    QString description;
    QJsonValue reencoded;
    QString error;
};

template<typename T, typename Encode>
Decoded finish(const std::optional<T> &value, const DecodeError &e, Encode encode)
{
    Decoded d;
    d.ok = value.has_value();
    if (!d.ok) {
        d.error = e.toString();
        return d;
    }
    d.description = describe(*value);
    d.reencoded = encode(*value);
    return d;
}

Decoded decodeAs(const QString &kind, const QJsonValue &v, Flavor flavor)
{
    DecodeError e;
    if (kind == QLatin1String("token"))
        return finish(Json::decode<TokenPair>(v, &e), e, [](const TokenPair &t) { return Json::encode(t); });
    if (kind == QLatin1String("me"))
        return finish(
            Json::decode<User>(v, &e), e, [flavor](const User &u) { return Json::encodeMe(u, flavor); });
    if (kind == QLatin1String("members"))
        return finish(Json::decodeList<User>(v, &e), e, [](const QList<User> &users) {
            QJsonArray a;
            for (const User &u : users)
                a.append(Json::encodeMember(u));
            return a;
        });
    if (kind == QLatin1String("menuitem"))
        return finish(Json::decode<MenuItem>(v, &e), e,
            [flavor](const MenuItem &m) { return Json::encode(m, flavor); });
    if (kind == QLatin1String("page:menuitem"))
        return finish(Json::decodePage<MenuItem>(v, &e), e,
            [flavor](const Page<MenuItem> &p) { return Json::encodePage(p, flavor); });
    if (kind == QLatin1String("page:category"))
        return finish(Json::decodePage<Category>(v, &e), e,
            [](const Page<Category> &p) { return Json::encodePage(p); });
    if (kind == QLatin1String("cart"))
        return finish(Json::decode<CartItem>(v, &e), e, [](const CartItem &c) { return Json::encode(c); });
    if (kind == QLatin1String("cartlist"))
        return finish(Json::decodeList<CartItem>(v, &e), e,
            [](const QList<CartItem> &l) { return Json::encodeList(l); });
    if (kind == QLatin1String("created"))
        return finish(
            Json::decode<OrderCreated>(v, &e), e, [](const OrderCreated &o) { return Json::encode(o); });
    if (kind == QLatin1String("order"))
        return finish(
            Json::decode<Order>(v, &e), e, [flavor](const Order &o) { return Json::encode(o, flavor); });
    if (kind == QLatin1String("page:order"))
        return finish(Json::decodePage<Order>(v, &e), e,
            [flavor](const Page<Order> &p) { return Json::encodePage(p, flavor); });
    if (kind == QLatin1String("booking"))
        return finish(Json::decode<Booking>(v, &e), e, [](const Booking &b) { return Json::encode(b); });
    if (kind == QLatin1String("page:booking"))
        return finish(
            Json::decodePage<Booking>(v, &e), e, [](const Page<Booking> &p) { return Json::encodePage(p); });
    if (kind == QLatin1String("page:table"))
        return finish(Json::decodePage<DiningTable>(v, &e), e,
            [](const Page<DiningTable> &p) { return Json::encodePage(p); });
    if (kind == QLatin1String("meta"))
        return finish(
            Json::decode<ServerMeta>(v, &e), e, [](const ServerMeta &m) { return Json::encode(m); });
    if (kind == QLatin1String("feed"))
        return finish(
            Json::decode<ChangeFeed>(v, &e), e, [](const ChangeFeed &f) { return Json::encode(f); });
    Decoded d;
    d.error = QStringLiteral("test table names an unknown kind: ") + kind;
    return d;
}

// Menu of the recorded exchanges (cloud-examples.md), completed where the
// document cuts with "...": six items, page size 3.
const char *const kEggplant
    = R"({"id":1,"title":"Eggplant Parmiggiana","price":"15.50","featured":false,"category":4})";
const char *const kSoda = R"({"id":2,"title":"Soda","price":"5.50","featured":false,"category":3})";
const char *const kLasagna = R"({"id":3,"title":"Lasagna","price":"14.99","featured":true,"category":4})";
const char *const kCanadaDry
    = R"({"id":5,"title":"Canada Dry","price":"4.78","featured":false,"category":3})";
const char *const kSodaLine
    = R"({"menuitem":2,"menuitem_title":"Soda","quantity":3,"unit_price":"5.50","price":"16.50"})";
const char *const kLasagnaLine
    = R"({"menuitem":3,"menuitem_title":"Lasagna","quantity":1,"unit_price":"14.99","price":"14.99"})";
const QString kSodaLineText = QStringLiteral("Soda(2) x3 @5.50 16.50");
const QString kLasagnaLineText = QStringLiteral("Lasagna(3) x1 @14.99 14.99");

QByteArray fill(const char *pattern, std::initializer_list<const char *> parts)
{
    QByteArray out(pattern);
    int i = 1;
    for (const char *p : parts) {
        const QByteArray placeholder = QByteArray("%") + QByteArray::number(i++);
        out.replace(placeholder, QByteArray(p));
    }
    return out;
}

// "price=A valid number is required.;title=..." for a table cell.
QString fieldsText(const QMap<QString, QStringList> &fields)
{
    QStringList parts;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        parts << it.key() + u'=' + it.value().join(u'|');
    return parts.join(u';');
}

} // namespace

// ---- round trips: encode → bytes → Json::parse → decode gives the record back

void TstCodecs::category_data()
{
    QTest::addColumn<Category>("record");
    QTest::newRow("drinks") << Category { 3, QStringLiteral("drinks"), QStringLiteral("Drinks") };
    QTest::newRow("unicode title") << Category { 7, QStringLiteral("sobremesas"),
        QStringLiteral("Sobremesas & Cafés ☕") };
    QTest::newRow("longest slug") << Category { 99999, QString(50, u'a'), QStringLiteral("A") };
}
void TstCodecs::category()
{
    QFETCH(Category, record);
    const QJsonObject wire = Json::encode(record);
    QString why;
    const auto back = throughBytes<Category>(wire, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(*back, record);
    QCOMPARE(Json::encode(*back), wire);
}

void TstCodecs::menuItem_data()
{
    QTest::addColumn<MenuItem>("record");
    QTest::addColumn<bool>("extended");
    QTest::addColumn<MenuItem>("expected");
    const MenuItem eggplant { 1, QStringLiteral("Eggplant Parmiggiana"), Money(1550), false, 4, true };
    MenuItem soldOut { 3, QStringLiteral("Lasagna"), Money(1499), true, 4, false };
    MenuItem soldOutAsCloud = soldOut;
    soldOutAsCloud.available = true; // the cloud has no "available": every item counts as available
    const MenuItem cheapest { 8, QStringLiteral("Água"), Money(0), false, 3, true };
    const MenuItem dearest { 9, QStringLiteral("Banquet for twelve"), Money(999999), true, 1, true };
    QTest::newRow("extended") << eggplant << true << eggplant;
    QTest::newRow("cloud") << eggplant << false << eggplant;
    QTest::newRow("extended, sold out") << soldOut << true << soldOut;
    QTest::newRow("cloud drops availability") << soldOut << false << soldOutAsCloud;
    QTest::newRow("free item") << cheapest << true << cheapest;
    QTest::newRow("largest menu price") << dearest << false << dearest;
}
void TstCodecs::menuItem()
{
    QFETCH(MenuItem, record);
    QFETCH(bool, extended);
    QFETCH(MenuItem, expected);
    const Flavor flavor = extended ? Flavor::Extended : Flavor::Cloud;
    const QJsonObject wire = Json::encode(record, flavor);
    QVERIFY(wire.value(QStringLiteral("price")).isString()); // money is never a float on the wire
    QString why;
    const auto back = throughBytes<MenuItem>(wire, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(*back, expected);
    QCOMPARE(Json::encode(*back, flavor), wire);
}

void TstCodecs::cartItem_data()
{
    QTest::addColumn<CartItem>("record");
    QTest::newRow("soda") << CartItem { 1, 2, QStringLiteral("Soda"), 3, Money(1650) };
    QTest::newRow("big line") << CartItem { 12, 9, QStringLiteral("Banquet for twelve"), 40,
        Money(39999960) };
}
void TstCodecs::cartItem()
{
    QFETCH(CartItem, record);
    const QJsonObject wire = Json::encode(record);
    QString why;
    const auto back = throughBytes<CartItem>(wire, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(*back, record);
    QCOMPARE(Json::encode(*back), wire);
}

void TstCodecs::orderItem_data()
{
    QTest::addColumn<OrderItem>("record");
    QTest::newRow("soda") << OrderItem { 2, QStringLiteral("Soda"), 3, Money(550), Money(1650) };
    QTest::newRow("line past menu limit")
        << OrderItem { 9, QStringLiteral("Banquet"), 20, Money(999999), Money(19999980) };
}
void TstCodecs::orderItem()
{
    QFETCH(OrderItem, record);
    const QJsonObject wire = Json::encode(record);
    QString why;
    const auto back = throughBytes<OrderItem>(wire, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(*back, record);
    QCOMPARE(Json::encode(*back), wire);
}

void TstCodecs::stageChange_data()
{
    QTest::addColumn<StageChange>("record");
    QTest::newRow("whole seconds") << StageChange { OrderStage::Preparing, 2, utc(2026, 11, 24, 10, 0) };
    QTest::newRow("milliseconds") << StageChange { OrderStage::OutForDelivery, 3,
        utc(2026, 11, 24, 10, 31, 7, 250) };
    QTest::newRow("offset time is one instant") << StageChange { OrderStage::Cancelled, 1,
        QDateTime(QDate(2026, 11, 24), QTime(7, 15), Qt::OffsetFromUTC, -3 * 3600) };
}
void TstCodecs::stageChange()
{
    QFETCH(StageChange, record);
    const QJsonObject wire = Json::encode(record);
    QVERIFY(wire.value(QStringLiteral("at")).toString().endsWith(u'Z')); // written in UTC
    QString why;
    const auto back = throughBytes<StageChange>(wire, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(*back, record);
    QCOMPARE(back->at.timeSpec(), Qt::UTC);
    QCOMPARE(Json::encode(*back), wire);
}

void TstCodecs::order_data()
{
    QTest::addColumn<Order>("record");
    QTest::addColumn<bool>("extended");
    QTest::addColumn<Order>("expected");

    Order cloud;
    cloud.id = 1;
    cloud.user = 4;
    cloud.total = Money(3149);
    cloud.date = QDate(2026, 11, 24);
    cloud.items = { OrderItem { 2, QStringLiteral("Soda"), 3, Money(550), Money(1650) },
        OrderItem { 3, QStringLiteral("Lasagna"), 1, Money(1499), Money(1499) } };
    QTest::newRow("cloud, no crew") << cloud << false << cloud;
    QTest::newRow("extended, no extensions set") << cloud << true << cloud;

    Order delivered = cloud;
    delivered.deliveryCrew = 3;
    delivered.status = true;
    QTest::newRow("cloud, delivered by crew 3") << delivered << false << delivered;

    Order staged = delivered;
    staged.status = false;
    staged.stage = OrderStage::OutForDelivery;
    staged.note = QStringLiteral("Ring twice; no onions ✓");
    staged.history = { StageChange { OrderStage::Received, 4, utc(2026, 11, 24, 19, 0) },
        StageChange { OrderStage::Preparing, 2, utc(2026, 11, 24, 19, 2, 30) },
        StageChange { OrderStage::OutForDelivery, 3, utc(2026, 11, 24, 19, 40, 0, 5) } };
    QTest::newRow("extended, stage note history") << staged << true << staged;
    Order stagedAsCloud = staged;
    stagedAsCloud.stage.reset();
    stagedAsCloud.note.clear();
    stagedAsCloud.history.clear();
    QTest::newRow("cloud drops the extensions") << staged << false << stagedAsCloud;

    Order empty; // a counter order being built has no lines yet
    empty.id = 77;
    empty.total = Money(0);
    empty.date = QDate(2027, 1, 1);
    empty.stage = OrderStage::Cancelled;
    QTest::newRow("no items, user 0, cancelled") << empty << true << empty;
}
void TstCodecs::order()
{
    QFETCH(Order, record);
    QFETCH(bool, extended);
    QFETCH(Order, expected);
    const Flavor flavor = extended ? Flavor::Extended : Flavor::Cloud;
    const QJsonObject wire = Json::encode(record, flavor);
    QString why;
    const auto back = throughBytes<Order>(wire, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(describe(*back), describe(expected));
    QCOMPARE(*back, expected);
    QCOMPARE(Json::encode(*back, flavor), wire);
}

void TstCodecs::orderCreated()
{
    OrderCreated created;
    created.orderId = 1;
    created.total = Money(3149);
    created.items = { OrderItem { 3, QStringLiteral("Lasagna"), 1, Money(1499), Money(1499) } };
    created.detail = QStringLiteral("Order created!");
    const QJsonObject wire = Json::encode(created);
    QString why;
    const auto back = throughBytes<OrderCreated>(wire, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(describe(*back), describe(created));
    QCOMPARE(back->items, created.items);
    QCOMPARE(Json::encode(*back), wire);
}

void TstCodecs::booking_data()
{
    QTest::addColumn<Booking>("record");
    Booking b;
    b.id = 1;
    b.user = 4;
    b.name = QStringLiteral("Ana Souza");
    b.phone = QStringLiteral("+55 11 5555-0101");
    b.date = QDate(2026, 11, 24);
    b.time = QTime(19, 30);
    b.guests = 4;
    b.table = 2;
    b.notes = QStringLiteral("Window seat, a high chair");
    QTest::newRow("booked at table 2") << b;
    const QList<BookingStatus> statuses { BookingStatus::Seated, BookingStatus::Completed,
        BookingStatus::Cancelled, BookingStatus::NoShow };
    for (BookingStatus s : statuses) {
        Booking x = b;
        x.status = s;
        QTest::addRow("status %s", qPrintable(toWire(s))) << x;
    }
    Booking walkIn;
    walkIn.id = 2;
    walkIn.name = QStringLiteral("Walk-in");
    walkIn.date = QDate(2026, 12, 31);
    walkIn.time = QTime(0, 5);
    walkIn.guests = 1;
    QTest::newRow("no table, no phone, just past midnight") << walkIn;
}
void TstCodecs::booking()
{
    QFETCH(Booking, record);
    const QJsonObject wire = Json::encode(record);
    QCOMPARE(wire.value(QStringLiteral("time")).toString(), record.time.toString(QStringLiteral("HH:mm")));
    QCOMPARE(wire.value(QStringLiteral("table")).isNull(), !record.table.has_value());
    QString why;
    const auto back = throughBytes<Booking>(wire, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(*back, record);
    QCOMPARE(Json::encode(*back), wire);
}

void TstCodecs::diningTable_data()
{
    QTest::addColumn<DiningTable>("record");
    QTest::newRow("patio") << DiningTable { 2, QStringLiteral("Patio 2"), 4 };
    QTest::newRow("long table") << DiningTable { 10, QStringLiteral("Salão principal"), 24 };
}
void TstCodecs::diningTable()
{
    QFETCH(DiningTable, record);
    const QJsonObject wire = Json::encode(record);
    QString why;
    const auto back = throughBytes<DiningTable>(wire, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(*back, record);
    QCOMPARE(Json::encode(*back), wire);
}

void TstCodecs::user_data()
{
    QTest::addColumn<User>("record");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<User>("expected");
    const User mario { 2, QStringLiteral("mario"), QStringLiteral("mario@example.com"),
        { QStringLiteral("Manager") }, false };
    const User admin { 1, QStringLiteral("admin"), QStringLiteral("admin@example.com"), {}, true };
    const User crew { 3, QStringLiteral("crew"), QString(), { QStringLiteral("delivery-crew") }, false };
    QTest::newRow("me, extended") << mario << QStringLiteral("me") << mario;
    QTest::newRow("me, extended admin") << admin << QStringLiteral("me") << admin;
    QTest::newRow("me, extended, no email") << crew << QStringLiteral("me") << crew;
    QTest::newRow("me, cloud") << mario << QStringLiteral("me-cloud")
                               << User { 0, QStringLiteral("mario"), QStringLiteral("mario@example.com"), {},
                                      false };
    QTest::newRow("group member") << mario << QStringLiteral("member")
                                  << User { 2, QStringLiteral("mario"), QStringLiteral("mario@example.com"),
                                         {}, false };
}
void TstCodecs::user()
{
    QFETCH(User, record);
    QFETCH(QString, shape);
    QFETCH(User, expected);
    auto encode = [&shape](const User &u) {
        if (shape == QLatin1String("member"))
            return Json::encodeMember(u);
        return Json::encodeMe(u, shape == QLatin1String("me") ? Flavor::Extended : Flavor::Cloud);
    };
    const QJsonObject wire = encode(record);
    QString why;
    const auto back = throughBytes<User>(wire, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(*back, expected);
    QCOMPARE(back->role(), expected.role());
    QCOMPARE(encode(*back), wire);
}

void TstCodecs::tokenPair()
{
    const TokenPair pair { QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIn0.a2V5"),
        QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCJ9.a2V5") };
    const QJsonObject wire = Json::encode(pair);
    QCOMPARE(wire.keys(), (QStringList { QStringLiteral("access"), QStringLiteral("refresh") }));
    QString why;
    const auto back = throughBytes<TokenPair>(wire, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(back->access, pair.access);
    QCOMPARE(back->refresh, pair.refresh);
}

void TstCodecs::serverMeta_data()
{
    QTest::addColumn<ServerMeta>("record");
    ServerMeta m;
    m.server = QStringLiteral("littlelemon-server");
    m.version = QStringLiteral("0.1.0");
    m.features = QStringList { QStringLiteral("me"), QStringLiteral("page_size"), QStringLiteral("bookings"),
        QStringLiteral("tables"), QStringLiteral("stages"), QStringLiteral("availability"),
        QStringLiteral("counter_orders"), QStringLiteral("changes"), QStringLiteral("events"),
        QStringLiteral("idempotency"), QStringLiteral("etag") };
    QTest::newRow("every feature") << m;
    ServerMeta limited = m;
    limited.features = { QStringLiteral("me") };
    limited.limits = QJsonObject { { QStringLiteral("anon"), 20 }, { QStringLiteral("user"), 100 } };
    QTest::newRow("with limits") << limited;
    ServerMeta bare;
    bare.server = QStringLiteral("littlelemon-server");
    QTest::newRow("no features") << bare;
}
void TstCodecs::serverMeta()
{
    QFETCH(ServerMeta, record);
    const QJsonObject wire = Json::encode(record);
    QString why;
    const auto back = throughBytes<ServerMeta>(wire, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(describe(*back), describe(record));
    QCOMPARE(back->features, record.features);
    QCOMPARE(back->limits, record.limits);
    QCOMPARE(back->has(QStringLiteral("bookings")), record.features.contains(QStringLiteral("bookings")));
    QVERIFY(!back->has(QStringLiteral("Bookings"))); // feature names are exact
    QCOMPARE(Json::encode(*back), wire);
}

void TstCodecs::changeFeed_data()
{
    QTest::addColumn<QList<Change>>("changes");
    QTest::addColumn<qint64>("next");
    Change upsert;
    upsert.seq = 41;
    upsert.entity = QStringLiteral("menu-item");
    upsert.id = 3;
    upsert.data = Json::encode(MenuItem { 3, QStringLiteral("Lasagna"), Money(1499), true, 4, false });
    Change del;
    del.seq = 42;
    del.entity = QStringLiteral("booking");
    del.id = 9;
    del.op = Change::Op::Delete;
    Change membership;
    membership.seq = 43;
    membership.entity = QStringLiteral("group-membership");
    membership.id = 0;
    membership.data = QJsonObject { { QStringLiteral("group"), QStringLiteral("delivery-crew") },
        { QStringLiteral("user"), 4 } };
    QTest::newRow("upsert, delete, membership") << QList<Change> { upsert, del, membership } << qint64(43);
    QTest::newRow("nothing new") << QList<Change>() << qint64(43);
    QTest::newRow("from the start") << QList<Change>() << qint64(0);
}
void TstCodecs::changeFeed()
{
    QFETCH(QList<Change>, changes);
    QFETCH(qint64, next);
    const ChangeFeed feed { changes, next };
    const QJsonObject wire = Json::encode(feed);
    QString why;
    const auto back = throughBytes<ChangeFeed>(wire, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(describe(*back), describe(feed));
    QCOMPARE(Json::encode(*back), wire);
    for (qsizetype i = 0; i < changes.size(); ++i) {
        QCOMPARE(
            wire.value(QStringLiteral("changes")).toArray().at(i).toObject().contains(QStringLiteral("data")),
            changes.at(i).op == Change::Op::Upsert); // deletes carry no data
        QCOMPARE(back->changes.at(i).data, changes.at(i).data);
    }
    // The data of an upsert is the resource as its own GET shows it, and decodes as one.
    if (!changes.isEmpty()) {
        DecodeError e;
        const auto item = Json::decode<MenuItem>(back->changes.first().data, &e);
        QVERIFY2(item, qPrintable(e.toString()));
        QCOMPARE(item->available, false);
    }
}

void TstCodecs::page_data()
{
    QTest::addColumn<QString>("next");
    QTest::addColumn<QString>("previous");
    QTest::addColumn<int>("items");
    QTest::newRow("first of two") << QStringLiteral("http://127.0.0.1:8765/api/menu-items?page=2")
                                  << QString() << 3;
    QTest::newRow("middle") << QStringLiteral(
        "https://api.littlelemon.example/api/menu-items?page=3&ordering=-price")
                            << QStringLiteral(
                                   "https://api.littlelemon.example/api/menu-items?ordering=-price")
                            << 3;
    QTest::newRow("last") << QString() << QStringLiteral("http://127.0.0.1:8765/api/menu-items") << 1;
    QTest::newRow("empty list") << QString() << QString() << 0;
}
void TstCodecs::page()
{
    QFETCH(QString, next);
    QFETCH(QString, previous);
    QFETCH(int, items);
    Page<MenuItem> page;
    page.count = 6;
    page.next = next.isEmpty() ? QUrl() : QUrl(next);
    page.previous = previous.isEmpty() ? QUrl() : QUrl(previous);
    for (int i = 0; i < items; ++i)
        page.results << MenuItem { i + 1, QStringLiteral("Item %1").arg(i + 1), Money(100 * (i + 1)), i == 0,
            2, i != 1 };
    for (Flavor flavor : { Flavor::Cloud, Flavor::Extended }) {
        const QJsonObject wire = Json::encodePage(page, flavor);
        QCOMPARE(wire.value(QStringLiteral("next")).isNull(), next.isEmpty());
        QCOMPARE(wire.value(QStringLiteral("previous")).isNull(), previous.isEmpty());
        DecodeError e;
        const auto parsed = Json::parse(compact(wire), &e);
        QVERIFY2(parsed, qPrintable(e.toString()));
        const auto back = Json::decodePage<MenuItem>(*parsed, &e);
        QVERIFY2(back, qPrintable(e.toString()));
        QCOMPARE(back->count, page.count);
        QCOMPARE(back->next, page.next);
        QCOMPARE(back->previous, page.previous);
        QCOMPARE(back->results.size(), page.results.size());
        for (qsizetype i = 0; i < page.results.size(); ++i)
            QCOMPARE(back->results.at(i).available, flavor == Flavor::Cloud || page.results.at(i).available);
        QCOMPARE(Json::encodePage(*back, flavor), wire);
    }
}

// ---- the exact wire shapes: these keys, no more, no fewer

void TstCodecs::wireKeys_data()
{
    QTest::addColumn<QJsonObject>("wire");
    QTest::addColumn<QStringList>("keys");
    auto keys = [](const char *spaceSeparated) {
        QStringList k = QString::fromLatin1(spaceSeparated).split(u' ');
        k.sort();
        return k;
    };
    const MenuItem m { 1, QStringLiteral("Soda"), Money(550), false, 3, true };
    Order o;
    o.id = 1;
    o.date = QDate(2026, 11, 24);
    o.stage = OrderStage::Ready;
    o.history = { StageChange { OrderStage::Ready, 2, utc(2026, 11, 24, 10, 0) } };
    const User u { 2, QStringLiteral("mario"), QStringLiteral("m@example.com"), {}, false };
    Booking b;
    b.date = QDate(2026, 11, 24);
    b.time = QTime(19, 30);
    Change del;
    del.op = Change::Op::Delete;

    QTest::newRow("category") << Json::encode(Category()) << keys("id slug title");
    QTest::newRow("menu item, cloud")
        << Json::encode(m, Flavor::Cloud) << keys("category featured id price title");
    QTest::newRow("menu item, extended")
        << Json::encode(m, Flavor::Extended) << keys("available category featured id price title");
    QTest::newRow("cart row") << Json::encode(CartItem()) << keys("id menuitem menuitem_name price quantity");
    QTest::newRow("order item") << Json::encode(OrderItem())
                                << keys("menuitem menuitem_title price quantity unit_price");
    QTest::newRow("order, cloud") << Json::encode(o, Flavor::Cloud)
                                  << keys("date delivery_crew id items status total user");
    QTest::newRow("order, extended") << Json::encode(
        o, Flavor::Extended) << keys("date delivery_crew history id items note stage status total user");
    QTest::newRow("order created") << Json::encode(OrderCreated()) << keys("detail items order_id total");
    QTest::newRow("booking") << Json::encode(b)
                             << keys("date guests id name notes phone status table time user");
    QTest::newRow("table") << Json::encode(DiningTable()) << keys("id name seats");
    QTest::newRow("token pair") << Json::encode(TokenPair()) << keys("access refresh");
    QTest::newRow("group member") << Json::encodeMember(u) << keys("email id username");
    QTest::newRow("me, cloud") << Json::encodeMe(u, Flavor::Cloud) << keys("email username");
    QTest::newRow("me, extended") << Json::encodeMe(u, Flavor::Extended)
                                  << keys("email groups id is_staff username");
    QTest::newRow("meta") << Json::encode(ServerMeta()) << keys("features server version");
    QTest::newRow("change, delete") << Json::encode(del) << keys("entity id op seq");
    QTest::newRow("change feed") << Json::encode(ChangeFeed()) << keys("changes next");
    QTest::newRow("page") << Json::encodePage(Page<Category>()) << keys("count next previous results");
    QTest::newRow("stage change") << Json::encode(o.history.first()) << keys("at by stage");
}
void TstCodecs::wireKeys()
{
    QFETCH(QJsonObject, wire);
    QFETCH(QStringList, keys);
    QCOMPARE(wire.keys(), keys);
}

// ---- every response body of cloud-examples.md (and the extensions' shapes in CONTRACT.md)

void TstCodecs::responseBodies_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("extended");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("decoded");
    // Whether the record encoded again gives the very same JSON back.
    QTest::addColumn<bool>("sameShape");

    QTest::newRow("POST /auth/jwt/create/ 200")
        << QStringLiteral("token") << false
        << QByteArray(
               R"({"refresh":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCIsInVzZXJfaWQiOjJ9.cmVm","access":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwidXNlcl9pZCI6Mn0.YWNj"})")
        << QStringLiteral("access=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                          "eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwidXNlcl9pZCI6Mn0.YWNj "
                          "refresh=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                          "eyJ0b2tlbl90eXBlIjoicmVmcmVzaCIsInVzZXJfaWQiOjJ9.cmVm")
        << true;
    QTest::newRow("POST /auth/jwt/refresh/ 200")
        << QStringLiteral("token") << false
        << QByteArray(
               R"({"access":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwidXNlcl9pZCI6NH0.bmV3"})")
        << QStringLiteral("access=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                          "eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwidXNlcl9pZCI6NH0.bmV3 refresh=-")
        << false; // no refresh in the answer; encoding a pair writes one
    QTest::newRow("POST /auth/users/ 201")
        << QStringLiteral("me") << false << QByteArray(R"({"email":"n@example.com","username":"newbie"})")
        << QStringLiteral("id=0 newbie <n@example.com> groups=[] role=customer") << true;
    QTest::newRow("GET /auth/users/me/ 200")
        << QStringLiteral("me") << false << QByteArray(R"({"email":"mario@example.com","username":"mario"})")
        << QStringLiteral("id=0 mario <mario@example.com> groups=[] role=customer") << true;
    QTest::newRow("GET /api/menu-items anonymous 200")
        << QStringLiteral("page:menuitem") << false
        << fill(
               R"({"count":6,"next":"http://127.0.0.1:8765/api/menu-items?page=2","previous":null,"results":[%1,%2,%3]})",
               { kEggplant, kSoda, kLasagna })
        << QStringLiteral("count=6 next=http://127.0.0.1:8765/api/menu-items?page=2 previous=- results=["
                          "#1 \"Eggplant Parmiggiana\" 15.50 cat=4 | #2 \"Soda\" 5.50 cat=3 | "
                          "#3 \"Lasagna\" 14.99 cat=4 featured]")
        << true;
    QTest::newRow("GET /api/menu-items?page=2 200")
        << QStringLiteral("page:menuitem") << false
        << QByteArray(
               R"({"count":6,"next":null,"previous":"http://127.0.0.1:8765/api/menu-items","results":[)"
               R"({"id":4,"title":"Greek Salad","price":"12.50","featured":false,"category":1},)"
               R"({"id":5,"title":"Canada Dry","price":"4.78","featured":false,"category":3},)"
               R"({"id":6,"title":"Lemon Dessert","price":"6.25","featured":true,"category":2}]})")
        << QStringLiteral("count=6 next=- previous=http://127.0.0.1:8765/api/menu-items results=["
                          "#4 \"Greek Salad\" 12.50 cat=1 | #5 \"Canada Dry\" 4.78 cat=3 | "
                          "#6 \"Lemon Dessert\" 6.25 cat=2 featured]")
        << true;
    QTest::newRow("GET /api/menu-items?category=DRINKS&ordering=-price 200")
        << QStringLiteral("page:menuitem") << false
        << fill(R"({"count":2,"next":null,"previous":null,"results":[%1,%2]})", { kSoda, kCanadaDry })
        << QStringLiteral(
               "count=2 next=- previous=- results=[#2 \"Soda\" 5.50 cat=3 | #5 \"Canada Dry\" 4.78 cat=3]")
        << true;
    QTest::newRow("GET /api/menu-items?search=lasagna 200")
        << QStringLiteral("page:menuitem") << false
        << fill(R"({"count":1,"next":null,"previous":null,"results":[%1]})", { kLasagna })
        << QStringLiteral("count=1 next=- previous=- results=[#3 \"Lasagna\" 14.99 cat=4 featured]") << true;
    QTest::newRow("GET /api/categories as customer 200")
        << QStringLiteral("page:category") << false
        << QByteArray(
               R"({"count":4,"next":"http://127.0.0.1:8765/api/categories?page=2","previous":null,"results":[)"
               R"({"id":1,"slug":"appetizers","title":"Appetizers"},{"id":2,"slug":"desserts","title":"Desserts"},)"
               R"({"id":3,"slug":"drinks","title":"Drinks"}]})")
        << QStringLiteral("count=4 next=http://127.0.0.1:8765/api/categories?page=2 previous=- results=["
                          "#1 appetizers \"Appetizers\" | #2 desserts \"Desserts\" | #3 drinks \"Drinks\"]")
        << true;
    QTest::newRow("POST /api/cart 201")
        << QStringLiteral("cart") << false
        << QByteArray(R"({"id":1,"menuitem_name":"Soda","menuitem":2,"quantity":3,"price":"16.50"})")
        << QStringLiteral("#1 Soda(2) x3 16.50") << true;
    QTest::newRow("GET /api/cart 200 (plain array)")
        << QStringLiteral("cartlist") << false
        << QByteArray(R"([{"id":1,"menuitem_name":"Soda","menuitem":2,"quantity":3,"price":"16.50"},)"
                      R"({"id":2,"menuitem_name":"Lasagna","menuitem":3,"quantity":1,"price":"14.99"}])")
        << QStringLiteral("[#1 Soda(2) x3 16.50 | #2 Lasagna(3) x1 14.99]") << true;
    QTest::newRow("GET /api/cart 200 (empty)")
        << QStringLiteral("cartlist") << false << QByteArray("[]") << QStringLiteral("[]") << true;
    QTest::newRow("POST /api/orders 201 (quirk: last row only)")
        << QStringLiteral("created") << false
        << fill(R"({"order_id":1,"total":"31.49","items":[%1],"detail":"Order created!"})", { kLasagnaLine })
        << QStringLiteral("#1 total=31.49 detail=\"Order created!\" items=[") + kLasagnaLineText + u']'
        << true;
    QTest::newRow("GET /api/orders as manager 200")
        << QStringLiteral("page:order") << false
        << fill(R"({"count":1,"next":null,"previous":null,"results":[{"id":1,"user":4,"delivery_crew":null,)"
                R"("status":false,"total":"31.49","date":"2026-11-24","items":[%1,%2]}]})",
               { kSodaLine, kLasagnaLine })
        << QStringLiteral(
               "count=1 next=- previous=- results=[#1 user=4 crew=- delivered=no stage=- total=31.49 "
               "date=2026-11-24 items=[")
            + kSodaLineText + QStringLiteral(" | ") + kLasagnaLineText + QStringLiteral("]]")
        << true;
    QTest::newRow("PATCH /api/orders/1 {delivery_crew:3} 200")
        << QStringLiteral("order") << false
        << fill(
               R"({"id":1,"user":4,"delivery_crew":3,"status":false,"total":"31.49","date":"2026-11-24","items":[%1,%2]})",
               { kSodaLine, kLasagnaLine })
        << QStringLiteral("#1 user=4 crew=3 delivered=no stage=- total=31.49 date=2026-11-24 items=[")
            + kSodaLineText + QStringLiteral(" | ") + kLasagnaLineText + u']'
        << true;
    QTest::newRow("PATCH /api/orders/1 {status:true} as crew 200")
        << QStringLiteral("order") << false
        << fill(
               R"({"id":1,"user":4,"delivery_crew":3,"status":true,"total":"31.49","date":"2026-11-24","items":[%1,%2]})",
               { kSodaLine, kLasagnaLine })
        << QStringLiteral("#1 user=4 crew=3 delivered=yes stage=- total=31.49 date=2026-11-24 items=[")
            + kSodaLineText + QStringLiteral(" | ") + kLasagnaLineText + u']'
        << true;
    QTest::newRow("GET /api/groups/manager/users 200")
        << QStringLiteral("members") << false
        << QByteArray(R"([{"id":2,"username":"mario","email":"mario@example.com"}])")
        << QStringLiteral("[id=2 mario <mario@example.com> groups=[] role=customer]") << true;
    QTest::newRow("GET /api/groups/delivery-crew/users 200")
        << QStringLiteral("members") << false
        << QByteArray(
               R"([{"id":3,"username":"crew","email":"crew@example.com"},{"id":4,"username":"cust","email":""}])")
        << QStringLiteral("[id=3 crew <crew@example.com> groups=[] role=customer | id=4 cust <> groups=[] "
                          "role=customer]")
        << true;

    // littlelemon-server's extensions (CONTRACT.md, "Extensions").
    QTest::newRow("ext: GET /api/meta")
        << QStringLiteral("meta") << true
        << QByteArray(
               R"({"server":"littlelemon-server","version":"0.1.0","features":["me","page_size","bookings","tables","stages","availability","counter_orders","changes","events","idempotency","etag"]})")
        << QStringLiteral(
               "littlelemon-server 0.1.0 features=[me,page_size,bookings,tables,stages,availability,"
               "counter_orders,changes,events,idempotency,etag] limits={}")
        << true;
    QTest::newRow("ext: GET /auth/users/me/ with me")
        << QStringLiteral("me") << true
        << QByteArray(
               R"({"email":"mario@example.com","username":"mario","id":2,"groups":["Manager"],"is_staff":false})")
        << QStringLiteral("id=2 mario <mario@example.com> groups=[Manager] role=manager") << true;
    QTest::newRow("ext: GET /auth/users/me/ as admin")
        << QStringLiteral("me") << true
        << QByteArray(
               R"({"email":"admin@example.com","username":"admin","id":1,"groups":[],"is_staff":true})")
        << QStringLiteral("id=1 admin <admin@example.com> groups=[] staff role=admin") << true;
    QTest::newRow("ext: GET /api/menu-items with availability")
        << QStringLiteral("menuitem") << true
        << QByteArray(
               R"({"id":3,"title":"Lasagna","price":"14.99","featured":true,"category":4,"available":false})")
        << QStringLiteral("#3 \"Lasagna\" 14.99 cat=4 featured unavailable") << true;
    QTest::newRow("ext: GET /api/orders/1 with stages")
        << QStringLiteral("order") << true
        << fill(
               R"({"id":1,"user":4,"delivery_crew":3,"status":false,"total":"16.50","date":"2026-11-24","items":[%1],)"
               R"("stage":"out_for_delivery","note":"Ring twice","history":[)"
               R"({"stage":"received","by":4,"at":"2026-11-24T19:00:00.000Z"},)"
               R"({"stage":"out_for_delivery","by":2,"at":"2026-11-24T19:40:12.500Z"}]})",
               { kSodaLine })
        << QStringLiteral(
               "#1 user=4 crew=3 delivered=no stage=out_for_delivery total=16.50 date=2026-11-24 items=[")
            + kSodaLineText
            + QStringLiteral("] note=\"Ring twice\" history=[received by 4 at 2026-11-24T19:00:00.000Z | "
                             "out_for_delivery by 2 at 2026-11-24T19:40:12.500Z]")
        << true;
    QTest::newRow("ext: counter order 201")
        << QStringLiteral("created") << true
        << fill(R"({"order_id":12,"total":"31.49","items":[%1,%2],"detail":"Order created!"})",
               { kSodaLine, kLasagnaLine })
        << QStringLiteral("#12 total=31.49 detail=\"Order created!\" items=[") + kSodaLineText
            + QStringLiteral(" | ") + kLasagnaLineText + u']'
        << true;
    QTest::newRow("ext: GET /api/bookings?date=2026-11-24")
        << QStringLiteral("page:booking") << true
        << QByteArray(
               R"({"count":2,"next":null,"previous":null,"results":[)"
               R"({"id":1,"user":4,"name":"Ana Souza","phone":"+55 11 5555-0101","date":"2026-11-24","time":"19:30",)"
               R"("guests":4,"table":2,"notes":"Window seat","status":"booked"},)"
               R"({"id":2,"user":4,"name":"Bruno","phone":"","date":"2026-11-24","time":"21:00",)"
               R"("guests":2,"table":null,"notes":"","status":"no_show"}]})")
        << QStringLiteral(
               "count=2 next=- previous=- results=["
               "#1 user=4 \"Ana Souza\" phone=\"+55 11 5555-0101\" 2026-11-24 19:30 guests=4 table=2 booked "
               "notes=\"Window seat\" | #2 user=4 \"Bruno\" phone=\"\" 2026-11-24 21:00 guests=2 table=- "
               "no_show notes=\"\"]")
        << true;
    QTest::newRow("ext: booking with Django's HH:MM:SS time")
        << QStringLiteral("booking") << true
        << QByteArray(R"({"id":5,"user":4,"name":"Carla","phone":null,"date":"2026-12-24","time":"20:15:00",)"
                      R"("guests":6,"table":null,"notes":null,"status":"seated"})")
        << QStringLiteral(
               "#5 user=4 \"Carla\" phone=\"\" 2026-12-24 20:15 guests=6 table=- seated notes=\"\"")
        << false; // written back as "20:15" with "" for the nulls
    QTest::newRow("ext: GET /api/tables")
        << QStringLiteral("page:table") << true
        << QByteArray(
               R"({"count":2,"next":null,"previous":null,"results":[{"id":1,"name":"Window 1","seats":2},{"id":2,"name":"Patio 2","seats":4}]})")
        << QStringLiteral(
               "count=2 next=- previous=- results=[#1 \"Window 1\" seats=2 | #2 \"Patio 2\" seats=4]")
        << true;
    QTest::newRow("ext: GET /api/changes?since=40")
        << QStringLiteral("feed") << true
        << QByteArray(
               R"({"changes":[{"seq":41,"entity":"menu-item","id":3,"op":"upsert","data":)"
               R"({"id":3,"title":"Lasagna","price":"14.99","featured":true,"category":4,"available":false}},)"
               R"({"seq":42,"entity":"booking","id":9,"op":"delete"}],"next":42})")
        << QStringLiteral(
               "next=42 changes=[41 upsert menu-item#3 "
               R"({"available":false,"category":4,"featured":true,"id":3,"price":"14.99","title":"Lasagna"})"
               " | 42 delete booking#9]")
        << true;
}
void TstCodecs::responseBodies()
{
    QFETCH(QString, kind);
    QFETCH(bool, extended);
    QFETCH(QByteArray, body);
    QFETCH(QString, decoded);
    QFETCH(bool, sameShape);
    DecodeError e;
    const auto json = Json::parse(body, &e);
    QVERIFY2(json, qPrintable(e.toString()));
    const Decoded d = decodeAs(kind, *json, extended ? Flavor::Extended : Flavor::Cloud);
    QVERIFY2(d.ok, qPrintable(d.error));
    QCOMPARE(d.description, decoded);
    if (sameShape)
        QCOMPARE(compact(d.reencoded), compact(*json));
}

// ---- error bodies: the four shapes, through ApiError::fromHttp

void TstCodecs::errorBodies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("retryAfterHeader");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("serverMessage");
    QTest::addColumn<QString>("fields");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<QString>("userMessage");

    using K = ApiError::Kind;
    const QString signedOut
        = QStringLiteral("You are not signed in, or your sign-in has expired. Please sign in again.");
    const QString forbidden = QStringLiteral("You are not allowed to do that with your account.");
    const QString gone = QStringLiteral("The server could not find that: it may have been deleted.");

    // Shape 1: {"detail": ...}
    QTest::newRow("401 wrong password")
        << 401 << QByteArray(R"({"detail":"No active account found with the given credentials"})") << -1
        << K::Unauthorized << QStringLiteral("No active account found with the given credentials")
        << QString() << -1
        << QStringLiteral(
               "The server did not accept your sign-in: no active account found with the given credentials.");
    QTest::newRow("401 no token")
        << 401 << QByteArray(R"({"detail":"Authentication credentials were not provided."})") << -1
        << K::Unauthorized << QStringLiteral("Authentication credentials were not provided.") << QString()
        << -1
        << QStringLiteral(
               "The server did not accept your sign-in: authentication credentials were not provided.");
    QTest::newRow("401 malformed token (code, messages)")
        << 401
        << QByteArray(
               R"({"detail":"Given token not valid for any token type","code":"token_not_valid","messages":)"
               R"([{"token_class":"AccessToken","token_type":"access","message":"Token is invalid or expired"}]})")
        << -1 << K::Unauthorized << QStringLiteral("Given token not valid for any token type") << QString()
        << -1
        << QStringLiteral(
               "The server did not accept your sign-in: given token not valid for any token type.");
    QTest::newRow("401 refresh token used as access")
        << 401
        << QByteArray(
               R"({"detail":"Given token not valid for any token type","code":"token_not_valid","messages":)"
               R"([{"token_class":"AccessToken","token_type":"access","message":"Token has wrong type"}]})")
        << -1 << K::Unauthorized << QStringLiteral("Given token not valid for any token type") << QString()
        << -1
        << QStringLiteral(
               "The server did not accept your sign-in: given token not valid for any token type.");
    QTest::newRow("401 verify bad token")
        << 401 << QByteArray(R"({"detail":"Token is invalid or expired","code":"token_not_valid"})") << -1
        << K::Unauthorized << QStringLiteral("Token is invalid or expired") << QString() << -1
        << QStringLiteral("The server did not accept your sign-in: token is invalid or expired.");
    QTest::newRow("401 empty body") << 401 << QByteArray() << -1 << K::Unauthorized << QString() << QString()
                                    << -1 << signedOut;
    QTest::newRow("404 trailing slash, empty body")
        << 404 << QByteArray() << -1 << K::NotFound << QString() << QString() << -1 << gone;
    QTest::newRow("404 Django HTML page")
        << 404 << QByteArray("<!doctype html><html><body><h1>Not Found</h1></body></html>") << -1
        << K::NotFound << QString() << QString() << -1 << gone;
    QTest::newRow("404 invalid page") << 404 << QByteArray(R"({"detail":"Invalid page."})") << -1
                                      << K::NotFound << QStringLiteral("Invalid page.") << QString() << -1
                                      << QStringLiteral("The server could not find that: invalid page.");
    QTest::newRow("404 not found") << 404 << QByteArray(R"({"detail":"Not found."})") << -1 << K::NotFound
                                   << QStringLiteral("Not found.") << QString() << -1 << gone;
    QTest::newRow("404 order not found")
        << 404 << QByteArray(R"({"detail":"Order not found."})") << -1 << K::NotFound
        << QStringLiteral("Order not found.") << QString() << -1
        << QStringLiteral("The server could not find that: order not found.");
    QTest::newRow("403 permission")
        << 403 << QByteArray(R"({"detail":"You do not have permission to perform this action."})") << -1
        << K::Forbidden << QStringLiteral("You do not have permission to perform this action.") << QString()
        << -1 << forbidden;
    QTest::newRow("403 crew not assigned (sic)")
        << 403 << QByteArray(R"({"detail":"You do not have permission to acess this information."})") << -1
        << K::Forbidden << QStringLiteral("You do not have permission to acess this information.")
        << QString() << -1 << forbidden;
    QTest::newRow("403 cart as manager, empty body")
        << 403 << QByteArray() << -1 << K::Forbidden << QString() << QString() << -1 << forbidden;
    QTest::newRow("400 JSON parse error")
        << 400 << QByteArray("{\"detail\":\"JSON parse error - Expecting value: line 1 column 10 (char 9)\"}")
        << -1 << K::Validation
        << QStringLiteral("JSON parse error - Expecting value: line 1 column 10 (char 9)") << QString() << -1
        << QStringLiteral("The server refused the request: JSON parse error - Expecting value: line 1 column "
                          "10 (char 9).");
    QTest::newRow("400 empty cart") << 400 << QByteArray(R"({"detail":"The cart is empty!"})") << -1
                                    << K::Validation << QStringLiteral("The cart is empty!") << QString()
                                    << -1
                                    << QStringLiteral("The server refused the request: the cart is empty!");
    QTest::newRow("405 PUT /api/cart")
        << 405 << QByteArray("{\"detail\":\"Method \\\"PUT\\\" not allowed.\"}") << -1 << K::Validation
        << QStringLiteral("Method \"PUT\" not allowed.") << QString() << -1
        << QStringLiteral("The server refused the request: method \"PUT\" not allowed.");
    QTest::newRow("429 with Retry-After")
        << 429 << QByteArray(R"({"detail":"Request was throttled. Expected available in 57 seconds."})") << 57
        << K::Throttled << QStringLiteral("Request was throttled. Expected available in 57 seconds.")
        << QString() << 57 << QStringLiteral("The server is busy; trying again in 57 second(s).");
    QTest::newRow("429 seconds read from the detail")
        << 429 << QByteArray(R"({"detail":"Request was throttled. Expected available in 12 seconds."})") << -1
        << K::Throttled << QStringLiteral("Request was throttled. Expected available in 12 seconds.")
        << QString() << 12 << QStringLiteral("The server is busy; trying again in 12 second(s).");
    QTest::newRow("429 without a time") << 429 << QByteArray() << -1 << K::Throttled << QString() << QString()
                                        << -1 << QStringLiteral("The server is busy; trying again shortly.");

    // Shape 2: {"field": [...]}
    QTest::newRow("400 bad price") << 400 << QByteArray(R"({"price":["A valid number is required."]})") << -1
                                   << K::Validation << QStringLiteral("A valid number is required.")
                                   << QStringLiteral("price=A valid number is required.") << -1
                                   << QStringLiteral(
                                          "The server refused the price: a valid number is required.");
    QTest::newRow("400 two fields")
        << 400
        << QByteArray("{\"title\":[\"This field is required.\"],"
                      "\"delivery_crew\":[\"Invalid pk \\\"9\\\" - object does not exist.\"]}")
        << -1 << K::Validation
        << QStringLiteral("Invalid pk \"9\" - object does not exist. This field is required.")
        << QStringLiteral(
               "delivery_crew=Invalid pk \"9\" - object does not exist.;title=This field is required.")
        << -1
        << QStringLiteral("The server refused the delivery crew: invalid pk \"9\" - object does not exist; "
                          "the title: this field is required.");
    QTest::newRow("400 two messages for one field")
        << 400
        << QByteArray(R"({"price":["Ensure this value is greater than or equal to 0","Too many digits"]})")
        << -1 << K::Validation
        << QStringLiteral("Ensure this value is greater than or equal to 0 Too many digits")
        << QStringLiteral("price=Ensure this value is greater than or equal to 0|Too many digits") << -1
        << QStringLiteral("The server refused the price: ensure this value is greater than or equal to 0. "
                          "Too many digits.");
    QTest::newRow("400 booking table taken (extension)")
        << 400 << QByteArray(R"({"table":["Table 2 is already booked at 19:30."]})") << -1 << K::Validation
        << QStringLiteral("Table 2 is already booked at 19:30.")
        << QStringLiteral("table=Table 2 is already booked at 19:30.") << -1
        << QStringLiteral("The server refused the table: table 2 is already booked at 19:30.");
    QTest::newRow("400 non_field_errors")
        << 400 << QByteArray(R"({"non_field_errors":["The fields user, menuitem must make a unique set."]})")
        << -1 << K::Validation << QStringLiteral("The fields user, menuitem must make a unique set.")
        << QString() << -1
        << QStringLiteral(
               "The server refused the request: the fields user, menuitem must make a unique set.");
    QTest::newRow("400 general and field together")
        << 400
        << QByteArray(
               R"({"non_field_errors":["Bookings close at 22:00."],"guests":["Ensure this value is less than or equal to 12."]})")
        << -1 << K::Validation
        << QStringLiteral("Bookings close at 22:00. Ensure this value is less than or equal to 12.")
        << QStringLiteral("guests=Ensure this value is less than or equal to 12.") << -1
        << QStringLiteral("The server refused the request: bookings close at 22:00; "
                          "the guests: ensure this value is less than or equal to 12.");
    QTest::newRow("400 nested item errors")
        << 400
        << QByteArray(R"({"items":[{},{"quantity":["Ensure this value is greater than or equal to 1."]}]})")
        << -1 << K::Validation << QStringLiteral("Ensure this value is greater than or equal to 1.")
        << QStringLiteral("items=Ensure this value is greater than or equal to 1.") << -1
        << QStringLiteral("The server refused the items: ensure this value is greater than or equal to 1.");

    // Shape 3: {"message"|"error": ...}
    QTest::newRow("400 already in group")
        << 400 << QByteArray(R"({"message":"User 'cust' is already in group 'delivery-crew'."})") << -1
        << K::Validation << QStringLiteral("User 'cust' is already in group 'delivery-crew'.") << QString()
        << -1
        << QStringLiteral("The server refused the request: user 'cust' is already in group 'delivery-crew'.");
    QTest::newRow("404 user not found") << 404 << QByteArray(R"({"error":"User not found"})") << -1
                                        << K::NotFound << QStringLiteral("User not found") << QString() << -1
                                        << QStringLiteral("The server could not find that: user not found.");
    QTest::newRow("400 username required")
        << 400 << QByteArray(R"({"error":"'username' field is required."})") << -1 << K::Validation
        << QStringLiteral("'username' field is required.") << QString() << -1
        << QStringLiteral("The server refused the request: 'username' field is required.");
    QTest::newRow("404 group not found")
        << 404 << QByteArray(R"({"error":"Group not found"})") << -1 << K::NotFound
        << QStringLiteral("Group not found") << QString() << -1
        << QStringLiteral("The server could not find that: group not found.");
    QTest::newRow("404 not in group")
        << 404 << QByteArray(R"({"message":"User 'cust' is not in the 'delivery-crew' group."})") << -1
        << K::NotFound << QStringLiteral("User 'cust' is not in the 'delivery-crew' group.") << QString()
        << -1
        << QStringLiteral("The server could not find that: user 'cust' is not in the 'delivery-crew' group.");
    QTest::newRow("400 quantity required")
        << 400 << QByteArray(R"({"error":"Quantity is required."})") << -1 << K::Validation
        << QStringLiteral("Quantity is required.") << QString() << -1
        << QStringLiteral("The server refused the request: quantity is required.");
    QTest::newRow("404 cart item not found")
        << 404 << QByteArray(R"({"error":"Cart item not found."})") << -1 << K::NotFound
        << QStringLiteral("Cart item not found.") << QString() << -1
        << QStringLiteral("The server could not find that: cart item not found.");

    // Shape 4: a bare array of strings
    QTest::newRow("400 not crew (bare array)")
        << 400 << QByteArray(R"(["The assigned user is not part of the 'delivery-crew' group."])") << -1
        << K::Validation << QStringLiteral("The assigned user is not part of the 'delivery-crew' group.")
        << QString() << -1
        << QStringLiteral(
               "The server refused the request: the assigned user is not part of the 'delivery-crew' group.");
    QTest::newRow("400 crew must send status (bare array)")
        << 400 << QByteArray(R"(["The delivery crew must provide a status."])") << -1 << K::Validation
        << QStringLiteral("The delivery crew must provide a status.") << QString() << -1
        << QStringLiteral("The server refused the request: the delivery crew must provide a status.");

    // Neither shape: the status alone speaks.
    QTest::newRow("400 empty body") << 400 << QByteArray() << -1 << K::Validation << QString() << QString()
                                    << -1 << QStringLiteral("The server refused the request (error 400).");
    QTest::newRow("413 too large") << 413 << QByteArray(R"({"detail":"Request body too large."})") << -1
                                   << K::Validation << QStringLiteral("Request body too large.") << QString()
                                   << -1
                                   << QStringLiteral("The server refused the request: it is too large.");
    QTest::newRow("412 someone else changed it")
        << 412 << QByteArray(R"({"id":1,"title":"Soda","price":"5.75","featured":false,"category":3})") << -1
        << K::Conflict << QString() << QString() << -1
        << QStringLiteral("Someone else changed this first. Keep your version or take theirs.");
    QTest::newRow("500 HTML")
        << 500 << QByteArray("<h1>Server Error (500)</h1>") << -1 << K::Server << QString() << QString() << -1
        << QStringLiteral(
               "The server had a problem (error 500). Your change is kept and will be sent again.");
    QTest::newRow("502 from the proxy")
        << 502 << QByteArray("Bad Gateway") << -1 << K::Server << QString() << QString() << -1
        << QStringLiteral(
               "The server had a problem (error 502). Your change is kept and will be sent again.");
}
void TstCodecs::errorBodies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, retryAfterHeader);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, serverMessage);
    QFETCH(QString, fields);
    QFETCH(int, retryAfter);
    QFETCH(QString, userMessage);

    const ApiError e = ApiError::fromHttp(status, body, retryAfterHeader);
    QVERIFY(e.isError());
    QCOMPARE(ApiError::kindName(e.kind()), ApiError::kindName(kind));
    QCOMPARE(e.httpStatus(), status);
    QCOMPARE(e.serverMessage(), serverMessage);
    QCOMPARE(fieldsText(e.fieldErrors()), fields);
    QCOMPARE(e.retryAfterSeconds(), retryAfter);
    QCOMPARE(e.userMessage(), userMessage);
    // A sentence: starts with a capital, ends with a stop, no doubled stop.
    QVERIFY(e.userMessage().at(0).isUpper());
    QVERIFY(e.userMessage().endsWith(u'.') || e.userMessage().endsWith(u'!'));
    QVERIFY2(!e.userMessage().contains(QStringLiteral("..")), qPrintable(e.userMessage()));
    // The body is kept as sent (412's is the server's current version).
    if (status == 412)
        QCOMPARE(e.body().toObject().value(QStringLiteral("price")).toString(), QStringLiteral("5.75"));
}

void TstCodecs::errorKinds_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("kind");
    QTest::newRow("400") << 400 << QStringLiteral("validation");
    QTest::newRow("401") << 401 << QStringLiteral("unauthorized");
    QTest::newRow("403") << 403 << QStringLiteral("forbidden");
    QTest::newRow("404") << 404 << QStringLiteral("not_found");
    QTest::newRow("405") << 405 << QStringLiteral("validation");
    QTest::newRow("412") << 412 << QStringLiteral("conflict");
    QTest::newRow("415") << 415 << QStringLiteral("validation");
    QTest::newRow("429") << 429 << QStringLiteral("throttled");
    QTest::newRow("500") << 500 << QStringLiteral("server");
    QTest::newRow("503") << 503 << QStringLiteral("server");
    QTest::newRow("200 is not an error answer") << 200 << QStringLiteral("protocol");
}
void TstCodecs::errorKinds()
{
    QFETCH(int, status);
    QFETCH(QString, kind);
    QCOMPARE(ApiError::kindName(ApiError::fromHttp(status, QByteArray()).kind()), kind);
}

void TstCodecs::networkErrors()
{
    const ApiError none;
    QVERIFY(!none.isError());
    QCOMPARE(ApiError::kindName(none.kind()), QStringLiteral("none"));
    const ApiError offline(ApiError::Kind::Offline, QStringLiteral("The server cannot be reached."));
    QVERIFY(offline.isError());
    QCOMPARE(offline.serverMessage(), QStringLiteral("The server cannot be reached."));
    QCOMPARE(offline.userMessage(), QStringLiteral("The server cannot be reached."));
    QCOMPARE(offline.httpStatus(), 0);
}

void TstCodecs::humanFieldNames_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("human");
    QTest::newRow("plain") << QStringLiteral("price") << QStringLiteral("price");
    QTest::newRow("underscores") << QStringLiteral("delivery_crew") << QStringLiteral("delivery crew");
    QTest::newRow("non_field_errors") << QStringLiteral("non_field_errors") << QString();
    QTest::newRow("detail") << QStringLiteral("detail") << QString();
}
void TstCodecs::humanFieldNames()
{
    QFETCH(QString, field);
    QFETCH(QString, human);
    QCOMPARE(humanFieldName(field), human);
}

#endif // Q_MOC_RUN

QTEST_GUILESS_MAIN(TstCodecs)
#include "tst_codecs.moc"
