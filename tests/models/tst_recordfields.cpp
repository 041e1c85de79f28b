// The field tables (models/recordfields): one list of fields per record drives
// strict decoding, lenient decoding and encoding, and a server's record is
// read once (RecordJson::serverRecord) into what the cache shows.

#include "models/recordfields.h"
#include "models/recordjson.h"

#include <QSet>
#include <QTest>

using namespace LittleLemon;
using Json::Flavor;
using Json::Mode;

namespace {

Order sampleOrder()
{
    Order o;
    o.id = 77;
    o.user = 4;
    o.deliveryCrew = 12;
    o.status = false;
    o.total = Money(2950);
    o.date = QDate(2026, 11, 24);
    o.items = { { 42, QStringLiteral("Lasagna"), 2, Money(1250), Money(2500), QStringLiteral("no onions") },
                { 43, QStringLiteral("Soda"), 1, Money(450), Money(450) } };
    o.stage = OrderStage::Ready;
    o.note = QStringLiteral("table 4");
    o.history = { { OrderStage::Received, 4, QDateTime(QDate(2026, 11, 24), QTime(19, 0), Qt::UTC) } };
    return o;
}

Booking sampleBooking()
{
    Booking b;
    b.id = 8;
    b.user = 4;
    b.name = QStringLiteral("Ana");
    b.phone = QStringLiteral("555-0100");
    b.date = QDate(2026, 12, 31);
    b.time = QTime(20, 30);
    b.guests = 6;
    b.table = 3;
    b.notes = QStringLiteral("window");
    b.status = BookingStatus::Seated;
    return b;
}

template<typename T>
void roundTrip(const T &record)
{
    const QJsonObject json = Json::encodeFields(record);
    DecodeError error;
    const auto strict = Json::decodeFields<T>(json, Mode::Strict, &error);
    QVERIFY2(strict, qPrintable(error.toString()));
    QVERIFY(*strict == record);
    const auto lenient = Json::decodeFields<T>(json, Mode::Lenient);
    QVERIFY(lenient);
    QVERIFY(*lenient == record);
}

template<typename T>
void keysOnce()
{
    const QStringList keys = Json::fieldKeys<T>();
    QVERIFY(!keys.isEmpty());
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), keys.size());
}

template<typename T>
QStringList extensionKeys()
{
    QStringList keys;
    for (const auto &field : Json::fieldTable<T>()) {
        if (field.scope == Json::Scope::Extension)
            keys << field.key;
    }
    return keys;
}

} // namespace

class TstRecordFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachKeyOnce()
    {
        keysOnce<Category>();
        keysOnce<MenuItem>();
        keysOnce<CartItem>();
        keysOnce<OrderItem>();
        keysOnce<StageChange>();
        keysOnce<Order>();
        keysOnce<OrderCreated>();
        keysOnce<Booking>();
        keysOnce<DiningTable>();
        keysOnce<User>();
    }

    // Encoding then decoding (strict and lenient) gives the record back.
    void roundTrips()
    {
        roundTrip(Category { 3, QStringLiteral("mains"), QStringLiteral("Mains") });
        roundTrip(MenuItem { 42, QStringLiteral("Lasagna"), Money(1250), true, 3, false });
        roundTrip(CartItem { 5, 42, QStringLiteral("Lasagna"), 3, Money(3750) });
        roundTrip(sampleOrder());
        roundTrip(sampleBooking());
        roundTrip(DiningTable { 3, QStringLiteral("Terrace"), 4 });
        roundTrip(User { 4, QStringLiteral("ana"), QStringLiteral("ana@example.com"), { QStringLiteral("manager") },
                         true });
    }

    // The cloud flavor leaves out exactly the table's extension fields.
    void cloudFlavorDropsExtensions()
    {
        const Order o = sampleOrder();
        const QJsonObject extended = Json::encodeFields(o);
        const QJsonObject cloud = Json::encodeFields(o, Flavor::Cloud);
        for (const QString &key : Json::fieldKeys<Order>())
            QCOMPARE(cloud.contains(key), extended.contains(key) && !extensionKeys<Order>().contains(key));
        QCOMPARE(extensionKeys<Order>(), QStringList({ QStringLiteral("stage"), QStringLiteral("note"),
                                                       QStringLiteral("history") }));
        QCOMPARE(extensionKeys<MenuItem>(), QStringList({ QStringLiteral("available") }));
        // /me on the cloud: {"email", "username"}.
        const User u { 4, QStringLiteral("ana"), QStringLiteral("a@b.c"), {}, false };
        QCOMPARE(Json::encodeFields(u, Flavor::Cloud).keys(), QStringList({ QStringLiteral("email"),
                                                                            QStringLiteral("username") }));
    }

    // A cached row made offline: strict refuses it, lenient reads what it can.
    void lenientReadsWhatStrictRefuses()
    {
        const QJsonObject row { { QStringLiteral("id"), -3 },
                                { QStringLiteral("title"), 5 },
                                { QStringLiteral("price"), QStringLiteral("-1.00") },
                                { QStringLiteral("category"), -1 } };
        DecodeError error;
        QVERIFY(!Json::decodeFields<MenuItem>(row, Mode::Strict, &error));
        QCOMPARE(error.field, QStringLiteral("id"));
        const MenuItem m = RecordJson::menuItem(row);
        QCOMPARE(m.id, qint64(-3));
        QCOMPARE(m.title, QString());
        QCOMPARE(m.price, Money(-100));
        QCOMPARE(m.featured, false);
        QCOMPARE(m.category, qint64(-1));
        QCOMPARE(m.available, true);
        // A stage change of no known stage is dropped from a cached order's history.
        QJsonObject order = Json::encodeFields(sampleOrder());
        QJsonArray history = order.value(QStringLiteral("history")).toArray();
        history.append(QJsonObject { { QStringLiteral("stage"), QStringLiteral("teleported") } });
        order.insert(QStringLiteral("history"), history);
        QCOMPARE(RecordJson::order(order).history, sampleOrder().history);
        QVERIFY(!Json::decodeFields<Order>(order, Mode::Strict, &error));
        QCOMPARE(error.field, QStringLiteral("history[1].stage"));
    }

    // A server's record is read once: what serverRecord returns is what the
    // cache shows for it.
    void serverRecordIsTheCachedRead()
    {
        QString why;
        const QJsonObject order = Json::encodeFields(sampleOrder());
        const auto o = RecordJson::serverRecord(Entity::Order, order, &why);
        QVERIFY2(o, qPrintable(why));
        QCOMPARE(std::get<Order>(*o), RecordJson::order(order));

        const QJsonObject booking = Json::encodeFields(sampleBooking());
        const auto b = RecordJson::serverRecord(Entity::Booking, booking, &why);
        QVERIFY2(b, qPrintable(why));
        QCOMPARE(std::get<Booking>(*b), RecordJson::booking(booking));

        const QJsonObject member { { QStringLiteral("id"), 9 }, { QStringLiteral("username"), QStringLiteral("bo") },
                                   { QStringLiteral("email"), QStringLiteral("bo@example.com") } };
        const auto m = RecordJson::serverRecord(Entity::GroupMember, member, &why, QStringLiteral("kitchen"));
        QVERIFY2(m, qPrintable(why));
        QCOMPARE(std::get<GroupMember>(*m), RecordJson::member(member, QStringLiteral("kitchen")));

        QJsonObject noId = member;
        noId.remove(QStringLiteral("id"));
        QVERIFY(!RecordJson::serverRecord(Entity::GroupMember, noId, &why));
        QCOMPARE(why, QStringLiteral("id: a group member needs an id"));
        QVERIFY(!RecordJson::isValidServerRecord(Entity::Table, QJsonObject { { QStringLiteral("id"), 1 } }, &why));
        QCOMPARE(why, QStringLiteral("name: this field is required"));
    }
};

QTEST_GUILESS_MAIN(TstRecordFields)
#include "tst_recordfields.moc"
