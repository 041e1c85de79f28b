#include "extfixture.h"

#include <QDate>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace LittleLemon::Test;

namespace {
// A client's copy as the feed builds it: entity → feed id → record.
using FeedCopy = QMap<QString, QMap<qint64, QJsonObject>>;

Mirror comparable(const FeedCopy &copy)
{
    Mirror out;
    for (auto e = copy.begin(); e != copy.end(); ++e) {
        for (auto r = e.value().begin(); r != e.value().end(); ++r)
            out[e.key()].insert(mirrorKey(e.key(), r.value(), r.key()), r.value());
    }
    // An entity with no rows is the same as one never seen.
    for (auto it = out.begin(); it != out.end();) {
        if (it.value().isEmpty())
            it = out.erase(it);
        else
            ++it;
    }
    return out;
}

QString describe(const Mirror &a, const Mirror &b)
{
    QStringList out;
    QSet<QString> entities;
    for (const QString &k : a.keys())
        entities << k;
    for (const QString &k : b.keys())
        entities << k;
    for (const QString &entity : std::as_const(entities)) {
        const auto &x = a.value(entity);
        const auto &y = b.value(entity);
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (!y.contains(it.key()))
                out << QStringLiteral("%1 %2 only in the feed's copy").arg(entity, it.key());
            else if (y.value(it.key()) != it.value())
                out << QStringLiteral("%1 %2 differs: %3 vs %4")
                           .arg(entity, it.key(),
                                QString::fromUtf8(QJsonDocument(it.value()).toJson(QJsonDocument::Compact)),
                                QString::fromUtf8(QJsonDocument(y.value(it.key())).toJson(QJsonDocument::Compact)));
        }
        for (auto it = y.begin(); it != y.end(); ++it) {
            if (!x.contains(it.key()))
                out << QStringLiteral("%1 %2 only in the full read").arg(entity, it.key());
        }
    }
    return out.join(QStringLiteral("; ")).left(2000);
}
} // namespace

// The `changes` extension: a client that applies the feed from any position
// it could have stopped at reaches exactly what a full read shows, for every
// role (the feed is filtered like the lists: a customer's own orders and
// bookings, a crew member's assigned orders, everything for managers); the
// log keeps one entry per row; since=0 is a full snapshot; a role change
// makes older positions answer 400; bad arguments are 400s.
class TstServerChanges : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<ExtFixture> m_api;
    const QStringList m_viewers { QStringLiteral("mario"), QStringLiteral("admin"), QStringLiteral("crew"),
                                  QStringLiteral("crew2"), QStringLiteral("cust"), QStringLiteral("cust2") };

    // What a full read shows `user`: every list they may read (single orders
    // for their history), memberships of both staff groups.
    Mirror fullRead(const QString &user)
    {
        Mirror m;
        auto add = [&](const QString &entity, const QList<QJsonObject> &rows) {
            for (const QJsonObject &r : rows)
                m[entity].insert(mirrorKey(entity, r, 0), r);
        };
        if (m_api->get(user, QStringLiteral("/api/categories")).status == 200)
            add(QStringLiteral("category"), m_api->readAll(user, QStringLiteral("/api/categories")));
        add(QStringLiteral("menu-item"), m_api->readAll(user, QStringLiteral("/api/menu-items")));
        QList<QJsonObject> orders;
        for (const QJsonObject &o : m_api->readAll(user, QStringLiteral("/api/orders"))) {
            // The feed carries an order as its own GET shows it (with history).
            const HttpReply one = m_api->get(user, QStringLiteral("/api/orders/%1").arg(o.value(QStringLiteral("id")).toInteger()));
            QJsonObject single = one.object();
            QJsonObject withoutHistory = single;
            withoutHistory.remove(QStringLiteral("history"));
            if (withoutHistory != o)
                qWarning("list and single GET disagree on order %lld", o.value(QStringLiteral("id")).toInteger());
            orders << single;
        }
        add(QStringLiteral("order"), orders);
        add(QStringLiteral("booking"), m_api->readAll(user, QStringLiteral("/api/bookings")));
        if (m_api->get(user, QStringLiteral("/api/tables")).status == 200)
            add(QStringLiteral("table"), m_api->readAll(user, QStringLiteral("/api/tables")));
        for (const QString &group : { QStringLiteral("manager"), QStringLiteral("delivery-crew") }) {
            const HttpReply r = m_api->get(user, QStringLiteral("/api/groups/%1/users").arg(group));
            if (r.status != 200)
                continue;
            for (const QJsonValue &v : r.array()) {
                const QJsonObject u = v.toObject();
                const QJsonObject membership { { QStringLiteral("group"), group },
                                               { QStringLiteral("user"), u.value(QStringLiteral("id")) },
                                               { QStringLiteral("username"), u.value(QStringLiteral("username")) },
                                               { QStringLiteral("email"), u.value(QStringLiteral("email")) } };
                m[QStringLiteral("group-membership")].insert(mirrorKey(QStringLiteral("group-membership"), membership, 0),
                                                             membership);
            }
        }
        for (auto it = m.begin(); it != m.end();) {
            if (it.value().isEmpty())
                it = m.erase(it);
            else
                ++it;
        }
        return m;
    }

    // Applies the feed from `since` to `copy` in pages of `limit`; returns
    // the position reached (or -status on an error answer).
    qint64 follow(const QString &user, FeedCopy &copy, qint64 since, int limit)
    {
        for (int guard = 0; guard < 10000; ++guard) {
            const HttpReply r = m_api->get(user, QStringLiteral("/api/changes?since=%1&limit=%2").arg(since).arg(limit));
            if (r.status != 200)
                return -r.status;
            const QJsonArray changes = r.object().value(QStringLiteral("changes")).toArray();
            const qint64 next = r.object().value(QStringLiteral("next")).toInteger();
            qint64 last = since;
            for (const QJsonValue &v : changes) {
                const QJsonObject c = v.toObject();
                const qint64 seq = c.value(QStringLiteral("seq")).toInteger();
                if (seq <= last)
                    return -1; // out of order
                last = seq;
                const QString entity = c.value(QStringLiteral("entity")).toString();
                const qint64 id = c.value(QStringLiteral("id")).toInteger();
                if (c.value(QStringLiteral("op")).toString() == u"delete")
                    copy[entity].remove(id);
                else
                    copy[entity].insert(id, c.value(QStringLiteral("data")).toObject());
            }
            if (changes.isEmpty()) {
                if (next < since)
                    return -2;
                return next;
            }
            if (next < last)
                return -3;
            since = next;
        }
        return -4;
    }

    struct Checkpoint
    {
        qint64 position = 0;
        FeedCopy copy;
    };

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(ExtFixture::start(m_server, &error), qPrintable(error));
        m_api = std::make_unique<ExtFixture>(m_server);
        QVERIFY(m_server.addUser(QStringLiteral("temp"), QStringLiteral("customer"), CloudFixture::password(QStringLiteral("temp")),
                                 QStringLiteral("temp@example.com")));
    }

    // The core promise, from every position each role's client could be at.
    void replayFromEveryPositionReachesTheFullRead()
    {
        // Each viewer follows the feed along; after every write its copy and
        // position are kept as a checkpoint.
        QMap<QString, QList<Checkpoint>> checkpoints;
        QMap<QString, Checkpoint> live;
        for (const QString &v : m_viewers) {
            Checkpoint start;
            start.position = follow(v, start.copy, 0, 500);
            QVERIFY2(start.position > 0, qPrintable(v));
            QVERIFY2(comparable(start.copy) == fullRead(v), qPrintable(v + u": " + describe(comparable(start.copy), fullRead(v))));
            checkpoints[v] << start;
            live[v] = start;
        }
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        qint64 special = 0;
        qint64 orderA = 0;
        qint64 orderB = 0;
        qint64 orderC = 0;
        qint64 table1 = 0;
        qint64 table2 = 0;
        qint64 bookingX = 0;
        qint64 bookingY = 0;
        const QList<std::function<bool()>> writes {
            [&] { return m_api->call(QStringLiteral("admin"), "POST", QStringLiteral("/api/categories"),
                                     QJsonObject { { QStringLiteral("slug"), QStringLiteral("specials") },
                                                   { QStringLiteral("title"), QStringLiteral("Specials") } }).status == 201; },
            [&] {
                const HttpReply r = m_api->call(QStringLiteral("admin"), "POST", QStringLiteral("/api/menu-items"),
                                                QJsonObject { { QStringLiteral("title"), QStringLiteral("Soup of the day") },
                                                              { QStringLiteral("price"), QStringLiteral("6.00") },
                                                              { QStringLiteral("featured"), false },
                                                              { QStringLiteral("category"), 5 } });
                special = r.object().value(QStringLiteral("id")).toInteger();
                return r.status == 201;
            },
            // 86'd: customers' copies lose it, staff keep it.
            [&] { return m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/2"),
                                     QJsonObject { { QStringLiteral("available"), false } }).status == 200; },
            [&] { return (orderA = m_api->cartOrder(QStringLiteral("cust"), 1, 2)) > 0; },
            [&] { return (orderB = m_api->cartOrder(QStringLiteral("cust2"), 3, 1)) > 0; },
            [&] {
                const HttpReply r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/orders"),
                                                QJsonObject { { QStringLiteral("items"), QJsonArray { QJsonObject {
                                                                  { QStringLiteral("menuitem"), 6 }, { QStringLiteral("quantity"), 3 } } } },
                                                              { QStringLiteral("note"), QStringLiteral("table 7") } });
                orderC = r.object().value(QStringLiteral("order_id")).toInteger();
                return r.status == 201;
            },
            [&] { return m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/orders/%1").arg(orderA),
                                     QJsonObject { { QStringLiteral("delivery_crew"), ExtFixture::kCrew } }).status == 200; },
            [&] { return m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/orders/%1").arg(orderA),
                                     QJsonObject { { QStringLiteral("stage"), QStringLiteral("preparing") } }).status == 200; },
            // Reassigned: it leaves crew's copy.
            [&] { return m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/orders/%1").arg(orderA),
                                     QJsonObject { { QStringLiteral("delivery_crew"), ExtFixture::kCrew2 } }).status == 200; },
            [&] { return m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/orders/%1").arg(orderB),
                                     QJsonObject { { QStringLiteral("delivery_crew"), ExtFixture::kCrew } }).status == 200; },
            [&] { return m_api->call(QStringLiteral("crew"), "PATCH", QStringLiteral("/api/orders/%1").arg(orderB),
                                     QJsonObject { { QStringLiteral("status"), true } }).status == 200; },
            [&] { return m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/2"),
                                     QJsonObject { { QStringLiteral("available"), true } }).status == 200; },
            [&] { return m_api->call(QStringLiteral("admin"), "PATCH", QStringLiteral("/api/categories/5"),
                                     QJsonObject { { QStringLiteral("title"), QStringLiteral("Today's specials") } }).status == 200; },
            [&] {
                const HttpReply r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/tables"),
                                                QJsonObject { { QStringLiteral("name"), QStringLiteral("1") }, { QStringLiteral("seats"), 4 } });
                table1 = r.object().value(QStringLiteral("id")).toInteger();
                return r.status == 201;
            },
            [&] {
                const HttpReply r = m_api->call(QStringLiteral("admin"), "POST", QStringLiteral("/api/tables"),
                                                QJsonObject { { QStringLiteral("name"), QStringLiteral("2") }, { QStringLiteral("seats"), 2 } });
                table2 = r.object().value(QStringLiteral("id")).toInteger();
                return r.status == 201;
            },
            [&] {
                const HttpReply r = m_api->call(QStringLiteral("cust"), "POST", QStringLiteral("/api/bookings"),
                                                QJsonObject { { QStringLiteral("name"), QStringLiteral("Rossi") },
                                                              { QStringLiteral("date"), today }, { QStringLiteral("time"), QStringLiteral("19:00") },
                                                              { QStringLiteral("guests"), 4 }, { QStringLiteral("table"), table1 } });
                bookingX = r.object().value(QStringLiteral("id")).toInteger();
                return r.status == 201;
            },
            [&] {
                const HttpReply r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/bookings"),
                                                QJsonObject { { QStringLiteral("name"), QStringLiteral("Walk-in") },
                                                              { QStringLiteral("date"), today }, { QStringLiteral("time"), QStringLiteral("12:30") },
                                                              { QStringLiteral("guests"), 2 }, { QStringLiteral("table"), table2 } });
                bookingY = r.object().value(QStringLiteral("id")).toInteger();
                return r.status == 201;
            },
            [&] { return m_api->call(QStringLiteral("cust"), "PATCH", QStringLiteral("/api/bookings/%1").arg(bookingX),
                                     QJsonObject { { QStringLiteral("status"), QStringLiteral("cancelled") } }).status == 200; },
            [&] { return m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/bookings/%1").arg(bookingY),
                                     QJsonObject { { QStringLiteral("status"), QStringLiteral("seated") } }).status == 200; },
            // Its cancelled booking loses the table: a changed booking in cust's copy.
            [&] { return m_api->call(QStringLiteral("mario"), "DELETE", QStringLiteral("/api/tables/%1").arg(table1)).status == 204; },
            [&] { return m_api->call(QStringLiteral("admin"), "DELETE", QStringLiteral("/api/menu-items/%1").arg(special)).status == 204; },
            [&] { return m_api->call(QStringLiteral("mario"), "DELETE", QStringLiteral("/api/orders/%1").arg(orderC)).status == 204; },
            [&] { return m_api->call(QStringLiteral("cust"), "DELETE", QStringLiteral("/api/orders/%1").arg(orderA)).status == 204; },
            // Memberships of someone who is not watching (a viewer's own role change is tested below).
            [&] { return m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/groups/delivery-crew/users"),
                                     QJsonObject { { QStringLiteral("username"), QStringLiteral("temp") } }).status == 201; },
            [&] { return m_api->call(QStringLiteral("admin"), "DELETE", QStringLiteral("/api/groups/delivery-crew/users/7")).status == 200; },
            [&] { return m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/groups/manager/users"),
                                     QJsonObject { { QStringLiteral("username"), QStringLiteral("temp") } }).status == 201; },
            // A member's email is part of their membership.
            [&] { return m_api->call(QStringLiteral("crew2"), "PATCH", QStringLiteral("/auth/users/me/"),
                                     QJsonObject { { QStringLiteral("email"), QStringLiteral("crew2@lemon.example") } }).status == 200; },
            [&] { return m_api->call(QStringLiteral("mario"), "DELETE", QStringLiteral("/api/bookings/%1").arg(bookingY)).status == 204; },
        };
        for (int i = 0; i < writes.size(); ++i) {
            QVERIFY2(writes.at(i)(), qPrintable(QStringLiteral("write %1 failed").arg(i)));
            for (const QString &v : m_viewers) {
                Checkpoint &c = live[v];
                c.position = follow(v, c.copy, c.position, 500);
                QVERIFY2(c.position > 0, qPrintable(QStringLiteral("%1 after write %2: %3").arg(v).arg(i).arg(c.position)));
                checkpoints[v] << c;
            }
        }

        for (const QString &v : m_viewers) {
            const Mirror truth = fullRead(v);
            QVERIFY(!truth.isEmpty());
            // From every checkpoint, in pages of 500 and of 2 (pages that end mid-transaction).
            for (int k = 0; k < checkpoints[v].size(); ++k) {
                for (int limit : { 500, 2 }) {
                    FeedCopy copy = checkpoints[v].at(k).copy;
                    const qint64 end = follow(v, copy, checkpoints[v].at(k).position, limit);
                    QVERIFY2(end > 0, qPrintable(QStringLiteral("%1 from %2").arg(v).arg(checkpoints[v].at(k).position)));
                    QVERIFY2(comparable(copy) == truth,
                             qPrintable(QStringLiteral("%1 from checkpoint %2 (seq %3), limit %4: %5")
                                            .arg(v).arg(k).arg(checkpoints[v].at(k).position).arg(limit)
                                            .arg(describe(comparable(copy), truth))));
                }
            }
            // And from nothing, one entry at a time.
            FeedCopy fresh;
            const qint64 reached = follow(v, fresh, 0, 1);
            QVERIFY2(reached > 0, qPrintable(QStringLiteral("%1: %2").arg(v).arg(reached)));
            QVERIFY2(comparable(fresh) == truth, qPrintable(v + u": " + describe(comparable(fresh), truth)));
        }

        // What each role's copy holds, spelled out.
        auto orderIds = [&](const QString &v) {
            QList<qint64> ids;
            for (const QJsonObject &o : live[v].copy.value(QStringLiteral("order")))
                ids << o.value(QStringLiteral("id")).toInteger();
            return ids;
        };
        QCOMPARE(orderIds(QStringLiteral("cust")), QList<qint64> {});         // A deleted
        QCOMPARE(orderIds(QStringLiteral("cust2")), QList<qint64> { orderB });
        QCOMPARE(orderIds(QStringLiteral("crew")), QList<qint64> { orderB }); // A went to crew2, then away
        QCOMPARE(orderIds(QStringLiteral("crew2")), QList<qint64> {});
        QCOMPARE(orderIds(QStringLiteral("mario")), QList<qint64> { orderB });
        QVERIFY(live[QStringLiteral("cust")].copy.value(QStringLiteral("table")).isEmpty());
        QVERIFY(live[QStringLiteral("cust")].copy.value(QStringLiteral("group-membership")).isEmpty());
        QVERIFY(!live[QStringLiteral("crew")].copy.value(QStringLiteral("table")).isEmpty());
        QCOMPARE(live[QStringLiteral("cust")].copy.value(QStringLiteral("booking")).size(), 1);
        QVERIFY(live[QStringLiteral("cust")].copy.value(QStringLiteral("booking")).first().value(QStringLiteral("table")).isNull());
        QVERIFY(live[QStringLiteral("cust2")].copy.value(QStringLiteral("booking")).isEmpty());
    }

    // The log keeps the latest entry per row: ten edits, one entry.
    void compactedToOneEntryPerRow()
    {
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/4"),
                                 QJsonObject { { QStringLiteral("price"), QStringLiteral("%1.00").arg(10 + i) } }).status, 200);
        }
        FeedCopy copy;
        int entriesForItem = 0;
        qint64 since = 0;
        for (;;) {
            const HttpReply r = m_api->get(QStringLiteral("mario"), QStringLiteral("/api/changes?since=%1&limit=1000").arg(since));
            QCOMPARE(r.status, 200);
            const QJsonArray changes = r.object().value(QStringLiteral("changes")).toArray();
            for (const QJsonValue &v : changes) {
                const QJsonObject c = v.toObject();
                if (c.value(QStringLiteral("entity")).toString() == u"menu-item" && c.value(QStringLiteral("id")).toInteger() == 4) {
                    ++entriesForItem;
                    QCOMPARE(c.value(QStringLiteral("data")).toObject().value(QStringLiteral("price")).toString(), QStringLiteral("19.00"));
                }
            }
            if (changes.isEmpty())
                break;
            since = r.object().value(QStringLiteral("next")).toInteger();
        }
        QCOMPARE(entriesForItem, 1);
    }

    // Nothing new: an empty page, and next stays where it was.
    void noChangeAnswersTheSamePosition()
    {
        FeedCopy copy;
        const qint64 end = follow(QStringLiteral("cust"), copy, 0, 500);
        QVERIFY(end > 0);
        const HttpReply r = m_api->get(QStringLiteral("cust"), QStringLiteral("/api/changes?since=%1").arg(end));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), parseJson(QStringLiteral("{\"changes\":[],\"next\":%1}").arg(end).toUtf8()));
    }

    // A viewer's own role change: the positions they hold stay good. Rows
    // they no longer see arrive as deletes of their own, rows they now see
    // as copies of their own; a full read agrees after it, through HTTP
    // (group membership) and the command line (set-role) alike.
    void roleChangeKeepsPositionsValid()
    {
        FeedCopy copy;
        qint64 position = follow(QStringLiteral("cust2"), copy, 0, 500);
        QVERIFY(position > 0);
        const FeedCopy asCustomer = copy;
        QVERIFY(!asCustomer.value(QStringLiteral("order")).isEmpty());
        QVERIFY(asCustomer.value(QStringLiteral("table")).isEmpty());

        QCOMPARE(m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/groups/delivery-crew/users"),
                             QJsonObject { { QStringLiteral("username"), QStringLiteral("cust2") } }).status, 201);
        position = follow(QStringLiteral("cust2"), copy, position, 3);
        QVERIFY(position > 0);
        QVERIFY2(comparable(copy) == fullRead(QStringLiteral("cust2")),
                 qPrintable(describe(comparable(copy), fullRead(QStringLiteral("cust2")))));
        // As crew: tables in, their own order out (crew see what they deliver).
        QVERIFY(!copy.value(QStringLiteral("table")).isEmpty());
        QVERIFY(copy.value(QStringLiteral("order")).isEmpty());

        QByteArray out;
        QCOMPARE(m_server.runCommand({ QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("cust2"),
                                       QStringLiteral("admin") }, QByteArray(), &out), 0);
        position = follow(QStringLiteral("cust2"), copy, position, 500);
        QVERIFY(position > 0);
        QVERIFY2(comparable(copy) == fullRead(QStringLiteral("cust2")),
                 qPrintable(describe(comparable(copy), fullRead(QStringLiteral("cust2")))));
        QVERIFY(!copy.value(QStringLiteral("group-membership")).isEmpty());

        // Back to customer, from the very first position: where it started.
        QCOMPARE(m_server.runCommand({ QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("cust2"),
                                       QStringLiteral("customer") }, QByteArray(), &out), 0);
        FeedCopy again;
        QVERIFY(follow(QStringLiteral("cust2"), again, 0, 7) > 0);
        QVERIFY(follow(QStringLiteral("cust2"), copy, position, 2) > 0);
        QVERIFY2(comparable(copy) == fullRead(QStringLiteral("cust2")),
                 qPrintable(describe(comparable(copy), fullRead(QStringLiteral("cust2")))));
        QVERIFY2(comparable(again) == fullRead(QStringLiteral("cust2")),
                 qPrintable(describe(comparable(again), fullRead(QStringLiteral("cust2")))));
        QVERIFY(copy.value(QStringLiteral("table")).isEmpty());
    }

    void badArguments_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("since not a number") << QStringLiteral("since=abc") << QStringLiteral("since");
        QTest::newRow("since negative") << QStringLiteral("since=-1") << QStringLiteral("since");
        QTest::newRow("since beyond the log (another database)") << QStringLiteral("since=999999999") << QStringLiteral("since");
        QTest::newRow("limit zero") << QStringLiteral("since=0&limit=0") << QStringLiteral("limit");
        QTest::newRow("limit too large") << QStringLiteral("since=0&limit=1001") << QStringLiteral("limit");
    }
    void badArguments()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpReply r = m_api->get(QStringLiteral("mario"), QStringLiteral("/api/changes?") + query);
        QVERIFY2(r.status == 400, qPrintable(r.describe()));
        QVERIFY2(r.object().value(field).isArray(), qPrintable(r.describe()));
    }

    void needsSignIn()
    {
        QCOMPARE(m_api->get(QStringLiteral("anon"), QStringLiteral("/api/changes?since=0")).status, 401);
    }

    // A membership's change: its own id, {group, user, username, email}.
    void membershipShape()
    {
        QCOMPARE(m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/groups/delivery-crew/users"),
                             QJsonObject { { QStringLiteral("username"), QStringLiteral("cust") } }).status, 201);
        FeedCopy copy;
        QVERIFY(follow(QStringLiteral("admin"), copy, 0, 500) > 0);
        bool found = false;
        for (auto it = copy[QStringLiteral("group-membership")].begin(); it != copy[QStringLiteral("group-membership")].end(); ++it) {
            const QJsonObject d = it.value();
            if (d.value(QStringLiteral("user")).toInteger() != ExtFixture::kCust)
                continue;
            found = true;
            QVERIFY(it.key() > 0);
            QCOMPARE(d, parseJson("{\"group\":\"delivery-crew\",\"user\":4,\"username\":\"cust\",\"email\":\"cust@example.com\"}").toObject());
        }
        QVERIFY(found);
        QCOMPARE(m_api->call(QStringLiteral("mario"), "DELETE", QStringLiteral("/api/groups/delivery-crew/users/4")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TstServerChanges)
#include "tst_server_changes.moc"
