// The server's fast writer (Wire::write) against the field tables
// (models/recordfields): for each record, what the writer wrote decodes
// strictly through the table to the same values, carries exactly the keys
// the table writes for it, in the table's order, and the same JSON values.

#include "api/server/jsonwriter.h"
#include "models/recordfields.h"

#include <QJsonDocument>
#include <QTest>

using namespace LittleLemon;
using Server::JsonWriter;

namespace LittleLemon {
// The test's own: the product never compares two answers of a placed order.
bool operator==(const OrderCreated &a, const OrderCreated &b)
{
    return a.orderId == b.orderId && a.total == b.total && a.items == b.items && a.detail == b.detail;
}
} // namespace LittleLemon

namespace {

// The keys of the outer object of `json`, in the order they are written
// (QJsonObject sorts them).
QStringList topLevelKeys(const QByteArray &json)
{
    QStringList keys;
    int depth = 0;
    bool expectKey = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '"') {
            qsizetype end = i + 1;
            while (end < json.size() && json.at(end) != '"')
                end += json.at(end) == '\\' ? 2 : 1;
            if (depth == 1 && expectKey)
                keys << QString::fromUtf8(json.mid(i + 1, end - i - 1));
            expectKey = false;
            i = end;
        } else if (c == '{' || c == '[') {
            ++depth;
            expectKey = c == '{' && depth == 1;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expectKey = true;
        }
    }
    return keys;
}

// The keys the table writes for `record`, in the table's order.
template<typename T>
QStringList tableKeys(const T &record, const QStringList &only = {})
{
    QStringList keys;
    for (const Json::Field<T> &field : Json::fieldTable<T>()) {
        if ((only.isEmpty() || only.contains(field.key)) && field.write(record))
            keys << field.key;
    }
    return keys;
}

// `bytes`, written by the server for `record`, against the table.
template<typename T>
void checkAgainstTable(const T &record, const QByteArray &bytes, const QStringList &only = {}, bool ordered = true)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString() + u' ' + bytes));
    QVERIFY(doc.isObject());

    const QStringList written = topLevelKeys(bytes);
    QStringList expected = tableKeys(record, only);
    if (ordered) {
        QCOMPARE(written, expected);
    } else {
        QStringList sorted = written;
        sorted.sort();
        expected.sort();
        QCOMPARE(sorted, expected);
    }

    DecodeError error;
    const std::optional<T> back = Json::decode<T>(doc.object(), &error);
    QVERIFY2(back, qPrintable(error.toString()));
    if (only.isEmpty())
        QVERIFY(*back == record);
    QCOMPARE(doc.object(), Json::encodeFields(record, Json::Flavor::Extended, only));
}

template<typename T>
QByteArray written(const T &record)
{
    return Server::Wire::object(record);
}

// Text that needs escaping, and not only ASCII.
const QString kAwkward = QStringLiteral("Cr\u00e8me \"br\u00fbl\u00e9e\" \\ \U0001F370\n\ttab");

QDateTime at(int hour, int minute, int msec)
{
    return QDateTime(QDate(2026, 11, 24), QTime(hour, minute, 0, msec), Qt::UTC);
}

OrderItem line(qint64 menuitem, int quantity, qint64 unitCents, const QString &note = QString())
{
    return { menuitem, QStringLiteral("Item %1").arg(menuitem), quantity, Money(unitCents),
             Money(unitCents * quantity), note };
}

} // namespace

class TstJsonWriterFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void category()
    {
        checkAgainstTable(Category { 3, QStringLiteral("mains"), kAwkward }, written(Category { 3, QStringLiteral("mains"), kAwkward }));
    }

    void menuItem_data()
    {
        QTest::addColumn<bool>("available");
        QTest::addColumn<bool>("featured");
        QTest::addColumn<qint64>("cents");
        QTest::newRow("available, featured") << true << true << qint64(1250);
        QTest::newRow("sold out") << false << false << qint64(999999);
        QTest::newRow("free") << true << false << qint64(0);
    }

    void menuItem()
    {
        QFETCH(bool, available);
        QFETCH(bool, featured);
        QFETCH(qint64, cents);
        const MenuItem m { 42, kAwkward, Money(cents), featured, 7, available };
        checkAgainstTable(m, written(m));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(topLevelKeys(written(m)), Json::fieldKeys<MenuItem>());
    }

    void cartItem()
    {
        const CartItem c { 5, 42, kAwkward, 3, Money(3750) };
        checkAgainstTable(c, written(c));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(topLevelKeys(written(c)), Json::fieldKeys<CartItem>());
    }

    void orderItem_data()
    {
        QTest::addColumn<QString>("note");
        QTest::newRow("no note") << QString();
        QTest::newRow("note") << kAwkward;
    }

    void orderItem()
    {
        QFETCH(QString, note);
        const OrderItem i = line(42, 2, 1250, note);
        checkAgainstTable(i, written(i));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(topLevelKeys(written(i)).contains(QStringLiteral("note")), !note.isEmpty());
    }

    void stageChange()
    {
        for (OrderStage stage : allOrderStages()) {
            const StageChange s { stage, 9, at(19, 5, 123) };
            checkAgainstTable(s, written(s));
        }
    }

    void order_data()
    {
        QTest::addColumn<bool>("withStage");
        QTest::addColumn<bool>("withCrew");
        QTest::addColumn<bool>("detail");
        QTest::newRow("list row") << true << false << false;
        QTest::newRow("list row, no stages") << false << true << false;
        QTest::newRow("detail with history") << true << true << true;
    }

    void order()
    {
        QFETCH(bool, withStage);
        QFETCH(bool, withCrew);
        QFETCH(bool, detail);
        Order o;
        o.id = 77;
        o.user = 4;
        if (withCrew)
            o.deliveryCrew = 12;
        o.status = false;
        o.items = { line(42, 2, 1250, QStringLiteral("no onions")), line(43, 1, 450) };
        o.total = Money(2950);
        o.date = QDate(2026, 11, 24);
        if (withStage)
            o.stage = OrderStage::Preparing;
        o.note = kAwkward;
        if (detail)
            o.history = { { OrderStage::Received, 4, at(19, 0, 0) }, { OrderStage::Preparing, 9, at(19, 5, 250) } };
        const QByteArray bytes = detail ? Server::Wire::orderDetail(o) : written(o);
        checkAgainstTable(o, bytes);
        if (QTest::currentTestFailed())
            return;
        if (detail)
            QCOMPARE(topLevelKeys(bytes), Json::fieldKeys<Order>());
    }

    void orderCreated()
    {
        const OrderCreated o { 78, Money(2950), { line(42, 2, 1250), line(43, 1, 450, QStringLiteral("warm")) },
                               QStringLiteral("Order placed") };
        checkAgainstTable(o, written(o));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(topLevelKeys(written(o)), Json::fieldKeys<OrderCreated>());
    }

    void booking_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("withTable");
        QTest::newRow("booked, no table") << int(BookingStatus::Booked) << false;
        QTest::newRow("seated") << int(BookingStatus::Seated) << true;
        QTest::newRow("completed") << int(BookingStatus::Completed) << true;
        QTest::newRow("cancelled") << int(BookingStatus::Cancelled) << false;
        QTest::newRow("no show") << int(BookingStatus::NoShow) << true;
    }

    void booking()
    {
        QFETCH(int, status);
        QFETCH(bool, withTable);
        Booking b;
        b.id = 8;
        b.user = 4;
        b.name = kAwkward;
        b.phone = QStringLiteral("+55 11 5555-0100");
        b.date = QDate(2026, 12, 31);
        b.time = QTime(20, 30);
        b.guests = 6;
        if (withTable)
            b.table = 3;
        b.notes = QStringLiteral("window");
        b.status = BookingStatus(status);
        checkAgainstTable(b, written(b));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(topLevelKeys(written(b)), Json::fieldKeys<Booking>());
    }

    void diningTable()
    {
        const DiningTable t { 3, QStringLiteral("Terrace 1"), 4 };
        checkAgainstTable(t, written(t));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(topLevelKeys(written(t)), Json::fieldKeys<DiningTable>());
    }

    void me()
    {
        const User u { 4, QStringLiteral("ana"), QStringLiteral("ana@example.com"),
                       { QStringLiteral("manager"), QStringLiteral("kitchen") }, true };
        JsonWriter w;
        Server::Wire::writeMe(w, u);
        checkAgainstTable(u, w.bytes());
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(topLevelKeys(w.bytes()), Json::fieldKeys<User>());
    }

    void member()
    {
        const User u { 4, QStringLiteral("ana"), QStringLiteral("ana@example.com"), {}, false };
        JsonWriter w;
        Server::Wire::writeMember(w, u);
        // A member row is the table's id, username and email, in DRF's order.
        checkAgainstTable(u, w.bytes(), { QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("email") },
                          false);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(topLevelKeys(w.bytes()),
                 QStringList({ QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("email") }));
    }

    // The check itself can fail: a key the table does not have, or a value
    // that decodes differently, is caught.
    void checkCatchesDrift()
    {
        const DiningTable t { 3, QStringLiteral("Terrace 1"), 4 };
        QByteArray extra = written(t);
        extra.insert(extra.size() - 1, ",\"zone\":\"patio\"");
        QVERIFY(topLevelKeys(extra) != Json::fieldKeys<DiningTable>());
        QByteArray priceAsNumber = written(MenuItem { 1, QStringLiteral("Soup"), Money(450), false, 2, true });
        priceAsNumber.replace("\"4.50\"", "4.5");
        DecodeError error;
        QVERIFY(!Json::decode<MenuItem>(QJsonDocument::fromJson(priceAsNumber).object(), &error));
        QCOMPARE(error.field, QStringLiteral("price"));
    }
};

QTEST_GUILESS_MAIN(TstJsonWriterFields)
#include "tst_jsonwriter_fields.moc"
