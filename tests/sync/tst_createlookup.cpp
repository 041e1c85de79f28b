// CreateLookup: telling a create this client already made on the server from
// everything else (no network; the engine's use of it is in tst_sync_engine).

#include "api/client/createlookup.h"

#include <QJsonArray>
#include <QTest>

using namespace LittleLemon;
using namespace LittleLemon::Client;

class tst_CreateLookup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data();
    void matches();
    void findTakesTheOldestNewerThanTheWatermark();
    void membersHaveNoWatermark();
};

namespace {

OutboxEntry create(Entity entity, const QJsonObject &body, const QString &scope = QString())
{
    OutboxEntry e;
    e.entity = entity;
    e.scope = scope;
    e.operation = OutboxEntry::Operation::Create;
    // The body as the desk used to queue it, read as the command it is.
    e.command = OutboxCommand::fromLegacy(entity, QStringLiteral("POST"), body);
    e.targetId = -1;
    return e;
}

QJsonObject line(qint64 item, int quantity)
{
    return { { QStringLiteral("menuitem"), item }, { QStringLiteral("quantity"), quantity } };
}

} // namespace

void tst_CreateLookup::matches_data()
{
    QTest::addColumn<int>("entity");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QJsonObject>("record");
    QTest::addColumn<bool>("expected");

    const QJsonObject dish { { QStringLiteral("title"), QStringLiteral("Soup") }, { QStringLiteral("price"), QStringLiteral("9.90") },
                             { QStringLiteral("featured"), false }, { QStringLiteral("category"), 2 } };
    QJsonObject same = dish;
    same.insert(QStringLiteral("id"), 40);
    same.insert(QStringLiteral("price"), QStringLiteral("9.9"));
    QTest::newRow("menu item, same price written otherwise") << int(Entity::MenuItem) << dish << same << true;
    QJsonObject dearer = same;
    dearer.insert(QStringLiteral("price"), QStringLiteral("9.91"));
    QTest::newRow("menu item, other price") << int(Entity::MenuItem) << dish << dearer << false;
    QJsonObject elsewhere = same;
    elsewhere.insert(QStringLiteral("category"), 3);
    QTest::newRow("menu item, other category") << int(Entity::MenuItem) << dish << elsewhere << false;

    const QJsonObject order { { QStringLiteral("items"), QJsonArray { line(1, 2), line(5, 1) } },
                              { QStringLiteral("note"), QStringLiteral("table 4") } };
    const QJsonObject onServer { { QStringLiteral("id"), 77 }, { QStringLiteral("user"), 9 },
                                 { QStringLiteral("items"), QJsonArray { line(5, 1), line(1, 2) } },
                                 { QStringLiteral("note"), QStringLiteral("table 4") } };
    QTest::newRow("order, lines in another order") << int(Entity::Order) << order << onServer << true;
    QJsonObject otherNote = onServer;
    otherNote.insert(QStringLiteral("note"), QStringLiteral("table 5"));
    QTest::newRow("order, other note") << int(Entity::Order) << order << otherNote << false;
    QJsonObject noNote = onServer;
    noNote.remove(QStringLiteral("note"));
    QTest::newRow("order, server keeps no note") << int(Entity::Order) << order << noNote << true;
    QJsonObject otherUser = onServer;
    otherUser.insert(QStringLiteral("user"), 10);
    QTest::newRow("order, someone else's") << int(Entity::Order) << order << otherUser << false;
    QJsonObject moreSoup = onServer;
    moreSoup.insert(QStringLiteral("items"), QJsonArray { line(5, 1), line(1, 3) });
    QTest::newRow("order, other quantity") << int(Entity::Order) << order << moreSoup << false;

    const QJsonObject booking { { QStringLiteral("name"), QStringLiteral("Ana") }, { QStringLiteral("date"), QStringLiteral("2026-12-01") },
                                { QStringLiteral("time"), QStringLiteral("19:30") }, { QStringLiteral("guests"), 4 } };
    QJsonObject booked = booking;
    booked.insert(QStringLiteral("id"), 3);
    booked.insert(QStringLiteral("time"), QStringLiteral("19:30:00"));
    QTest::newRow("booking, seconds on the server") << int(Entity::Booking) << booking << booked << true;
    booked.insert(QStringLiteral("guests"), 5);
    QTest::newRow("booking, other party") << int(Entity::Booking) << booking << booked << false;

    QTest::newRow("category by slug") << int(Entity::Category)
                                      << QJsonObject { { QStringLiteral("slug"), QStringLiteral("soups") }, { QStringLiteral("title"), QStringLiteral("Soups") } }
                                      << QJsonObject { { QStringLiteral("id"), 8 }, { QStringLiteral("slug"), QStringLiteral("soups") },
                                                       { QStringLiteral("title"), QStringLiteral("SOUPS") } }
                                      << true;
    QTest::newRow("table") << int(Entity::Table)
                           << QJsonObject { { QStringLiteral("name"), QStringLiteral("T4") }, { QStringLiteral("seats"), 4 } }
                           << QJsonObject { { QStringLiteral("id"), 2 }, { QStringLiteral("name"), QStringLiteral("T4") }, { QStringLiteral("seats"), 2 } }
                           << false;
    QTest::newRow("member, any case") << int(Entity::GroupMember)
                                      << QJsonObject { { QStringLiteral("username"), QStringLiteral("Crew") } }
                                      << QJsonObject { { QStringLiteral("id"), 3 }, { QStringLiteral("username"), QStringLiteral("crew") } }
                                      << true;
}

void tst_CreateLookup::matches()
{
    QFETCH(int, entity);
    QFETCH(QJsonObject, body);
    QFETCH(QJsonObject, record);
    QFETCH(bool, expected);
    QVERIFY(CreateLookup::supported(Entity(entity)));
    QCOMPARE(CreateLookup::matches(create(Entity(entity), body), record, 9), expected);
}

void tst_CreateLookup::findTakesTheOldestNewerThanTheWatermark()
{
    const QJsonObject dish { { QStringLiteral("title"), QStringLiteral("Soup") }, { QStringLiteral("price"), QStringLiteral("5.00") },
                             { QStringLiteral("category"), 1 } };
    auto record = [&dish](qint64 id) {
        QJsonObject o = dish;
        o.insert(QStringLiteral("id"), id);
        return o;
    };
    const OutboxEntry entry = create(Entity::MenuItem, dish);
    // 12 is an older dish of the same name: it was there before this client first sent.
    const QList<QJsonObject> records { record(12), record(31), record(30), dish /* no id */ };
    const auto found = CreateLookup::find(entry, records, 20, 0);
    QVERIFY(found);
    QCOMPARE(found->value(QStringLiteral("id")).toInteger(), 30);
    QVERIFY(!CreateLookup::find(entry, { record(12) }, 20, 0));
    QVERIFY(!CreateLookup::find(entry, {}, 0, 0));
}

void tst_CreateLookup::membersHaveNoWatermark()
{
    const OutboxEntry entry = create(Entity::GroupMember, { { QStringLiteral("username"), QStringLiteral("cust") } },
                                     QStringLiteral("delivery-crew"));
    const QList<QJsonObject> members { { { QStringLiteral("id"), 4 }, { QStringLiteral("username"), QStringLiteral("cust") } } };
    QVERIFY(CreateLookup::find(entry, members, 100, 0));
}

QTEST_GUILESS_MAIN(tst_CreateLookup)
#include "tst_createlookup.moc"
