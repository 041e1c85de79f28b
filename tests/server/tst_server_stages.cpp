#include "extfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace LittleLemon::Test;

// The `stages` and `counter_orders` extensions: an order moves received →
// preparing → ready → out_for_delivery → delivered one stage at a time, any
// open order may be cancelled, a manager may step back one stage; delivery
// crew only mark their own orders delivered; a status-only PATCH (a cloud
// client) means delivered or back to ready; every move is in the history
// with who and when. Staff take counter orders without a cart.
class TstServerStages : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<ExtFixture> m_api;

    QJsonObject order(qint64 id) { return m_api->get(QStringLiteral("mario"), QStringLiteral("/api/orders/%1").arg(id)).object(); }

    HttpReply patch(const QString &user, qint64 id, const QJsonObject &body)
    {
        return m_api->call(user, "PATCH", QStringLiteral("/api/orders/%1").arg(id), body);
    }

    // An order of cust's, moved by the manager along `path` (stage names).
    qint64 orderAt(const QStringList &path, qint64 crew = 0)
    {
        const qint64 id = m_api->cartOrder(QStringLiteral("cust"));
        if (id <= 0)
            return -1;
        if (crew && patch(QStringLiteral("mario"), id, { { QStringLiteral("delivery_crew"), crew } }).status != 200)
            return -1;
        for (const QString &stage : path) {
            if (patch(QStringLiteral("mario"), id, { { QStringLiteral("stage"), stage } }).status != 200)
                return -1;
        }
        return id;
    }

    static QStringList stagesOf(const QJsonObject &order)
    {
        QStringList out;
        for (const QJsonValue &h : order.value(QStringLiteral("history")).toArray())
            out << h.toObject().value(QStringLiteral("stage")).toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(ExtFixture::start(m_server, &error), qPrintable(error));
        m_api = std::make_unique<ExtFixture>(m_server);
    }

    void newOrderIsReceived()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-2);
        const qint64 id = m_api->cartOrder(QStringLiteral("cust"), 2, 2);
        QVERIFY(id > 0);
        const QJsonObject o = m_api->get(QStringLiteral("cust"), QStringLiteral("/api/orders/%1").arg(id)).object();
        QCOMPARE(o.value(QStringLiteral("stage")).toString(), QStringLiteral("received"));
        QCOMPARE(o.value(QStringLiteral("status")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("note")).toString(), QString());
        const QJsonArray history = o.value(QStringLiteral("history")).toArray();
        QCOMPARE(history.size(), 1);
        const QJsonObject first = history.first().toObject();
        QCOMPARE(first.value(QStringLiteral("stage")).toString(), QStringLiteral("received"));
        QCOMPARE(first.value(QStringLiteral("by")).toInteger(), ExtFixture::kCust);
        const QString at = first.value(QStringLiteral("at")).toString();
        QVERIFY2(at.endsWith(u'Z') && at.contains(u'T'), qPrintable(at));
        const QDateTime when = QDateTime::fromString(at, Qt::ISODateWithMs);
        QVERIFY(when >= before && when <= QDateTime::currentDateTimeUtc().addSecs(2));
        // Lists carry stage and note, not the history.
        for (const QJsonObject &listed : m_api->readAll(QStringLiteral("cust"), QStringLiteral("/api/orders"))) {
            QVERIFY(listed.contains(QStringLiteral("stage")));
            QVERIFY(listed.contains(QStringLiteral("note")));
            QVERIFY(!listed.contains(QStringLiteral("history")));
        }
    }

    void forwardOneStageAtATime()
    {
        const qint64 id = orderAt({});
        QVERIFY(id > 0);
        const QStringList path { QStringLiteral("preparing"), QStringLiteral("ready"), QStringLiteral("out_for_delivery"),
                                 QStringLiteral("delivered") };
        for (const QString &stage : path) {
            const HttpReply r = patch(QStringLiteral("mario"), id, { { QStringLiteral("stage"), stage } });
            QVERIFY2(r.status == 200, qPrintable(r.describe()));
            QCOMPARE(r.object().value(QStringLiteral("stage")).toString(), stage);
            // status is true exactly when delivered.
            QCOMPARE(r.object().value(QStringLiteral("status")).toBool(), stage == u"delivered");
        }
        const QJsonObject o = order(id);
        QCOMPARE(stagesOf(o), QStringList { QStringLiteral("received") } + path);
        const QJsonArray history = o.value(QStringLiteral("history")).toArray();
        for (qsizetype i = 1; i < history.size(); ++i)
            QCOMPARE(history.at(i).toObject().value(QStringLiteral("by")).toInteger(), ExtFixture::kMario);
        // The same stage again is no move (and no history entry).
        QCOMPARE(patch(QStringLiteral("mario"), id, { { QStringLiteral("stage"), QStringLiteral("delivered") } }).status, 200);
        QCOMPARE(stagesOf(order(id)).size(), 5);
    }

    void managerMoves_data()
    {
        QTest::addColumn<QStringList>("path"); // how the order gets where it is
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("allowed");
        const QString received = QStringLiteral("received");
        const QString preparing = QStringLiteral("preparing");
        const QString ready = QStringLiteral("ready");
        const QString out = QStringLiteral("out_for_delivery");
        const QString delivered = QStringLiteral("delivered");
        const QString cancelled = QStringLiteral("cancelled");
        QTest::newRow("skip ahead: received → ready") << QStringList {} << ready << false;
        QTest::newRow("skip ahead: ready → delivered") << QStringList { preparing, ready } << delivered << false;
        QTest::newRow("back one: ready → preparing") << QStringList { preparing, ready } << preparing << true;
        QTest::newRow("back one: delivered → out_for_delivery") << QStringList { preparing, ready, out, delivered } << out << true;
        QTest::newRow("back two: ready → received") << QStringList { preparing, ready } << received << false;
        QTest::newRow("back three: delivered → preparing") << QStringList { preparing, ready, out, delivered } << preparing << false;
        QTest::newRow("cancel a received order") << QStringList {} << cancelled << true;
        QTest::newRow("cancel an order out for delivery") << QStringList { preparing, ready, out } << cancelled << true;
        QTest::newRow("cancel a delivered order") << QStringList { preparing, ready, out, delivered } << cancelled << false;
        QTest::newRow("undo a cancel: back where it was") << QStringList { preparing, ready, cancelled } << ready << true;
        QTest::newRow("undo a cancel: somewhere else") << QStringList { preparing, ready, cancelled } << received << false;
        QTest::newRow("a stage that does not exist") << QStringList {} << QStringLiteral("eaten") << false;
    }
    void managerMoves()
    {
        QFETCH(QStringList, path);
        QFETCH(QString, to);
        QFETCH(bool, allowed);
        const qint64 id = orderAt(path);
        QVERIFY(id > 0);
        const QJsonObject before = order(id);
        const HttpReply r = patch(QStringLiteral("mario"), id, { { QStringLiteral("stage"), to } });
        if (allowed) {
            QVERIFY2(r.status == 200, qPrintable(r.describe()));
            QCOMPARE(r.object().value(QStringLiteral("stage")).toString(), to);
            QCOMPARE(stagesOf(order(id)).last(), to);
        } else {
            QVERIFY2(r.status == 400, qPrintable(r.describe()));
            QVERIFY2(r.object().value(QStringLiteral("stage")).toArray().size() == 1, qPrintable(r.describe()));
            QCOMPARE(order(id), before); // nothing moved
        }
    }

    void crewRules()
    {
        const qint64 id = orderAt({ QStringLiteral("preparing"), QStringLiteral("ready") }, ExtFixture::kCrew);
        QVERIFY(id > 0);
        // The kitchen's stages are not the crew's.
        HttpReply r = patch(QStringLiteral("crew"), id, { { QStringLiteral("stage"), QStringLiteral("preparing") } });
        QCOMPARE(r.status, 400);
        QVERIFY(r.object().contains(QStringLiteral("stage")));
        // Someone else's order: no access at all.
        QCOMPARE(patch(QStringLiteral("crew2"), id, { { QStringLiteral("stage"), QStringLiteral("delivered") } }).status, 403);
        // Ready: the assigned crew takes it out themselves (issue 14).
        r = patch(QStringLiteral("crew"), id, { { QStringLiteral("stage"), QStringLiteral("out_for_delivery") } });
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        // Nothing but the stage or status.
        r = patch(QStringLiteral("crew"), id, { { QStringLiteral("stage"), QStringLiteral("delivered") }, { QStringLiteral("note"), QStringLiteral("x") } });
        QCOMPARE(r.status, 400);
        QCOMPARE(patch(QStringLiteral("crew"), id, { { QStringLiteral("stage"), QStringLiteral("cancelled") } }).status, 400);
        r = patch(QStringLiteral("crew"), id, { { QStringLiteral("stage"), QStringLiteral("delivered") } });
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.object().value(QStringLiteral("status")).toBool(), true);
        const QJsonArray history = order(id).value(QStringLiteral("history")).toArray();
        QCOMPARE(history.last().toObject().value(QStringLiteral("by")).toInteger(), ExtFixture::kCrew);
        // A crew member cannot undo.
        QCOMPARE(patch(QStringLiteral("crew"), id, { { QStringLiteral("stage"), QStringLiteral("out_for_delivery") } }).status, 400);
        // A customer changes nothing.
        QCOMPARE(patch(QStringLiteral("cust"), id, { { QStringLiteral("stage"), QStringLiteral("cancelled") } }).status, 400);
    }

    // A cloud-style client sends status alone.
    void statusOnly()
    {
        qint64 id = orderAt({ QStringLiteral("preparing") });
        HttpReply r = patch(QStringLiteral("mario"), id, { { QStringLiteral("status"), true } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("stage")).toString(), QStringLiteral("delivered"));
        r = patch(QStringLiteral("mario"), id, { { QStringLiteral("status"), false } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("stage")).toString(), QStringLiteral("ready"));
        QCOMPARE(r.object().value(QStringLiteral("status")).toBool(), false);
        // false on an open order changes nothing.
        r = patch(QStringLiteral("mario"), id, { { QStringLiteral("status"), false } });
        QCOMPARE(r.object().value(QStringLiteral("stage")).toString(), QStringLiteral("ready"));
        QCOMPARE(stagesOf(order(id)), (QStringList { QStringLiteral("received"), QStringLiteral("preparing"),
                                                    QStringLiteral("delivered"), QStringLiteral("ready") }));
        // The assigned crew delivers from any open stage, as the cloud lets them.
        id = orderAt({}, ExtFixture::kCrew);
        r = patch(QStringLiteral("crew"), id, { { QStringLiteral("status"), true } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("stage")).toString(), QStringLiteral("delivered"));
        // A cancelled order is not delivered.
        id = orderAt({ QStringLiteral("cancelled") });
        r = patch(QStringLiteral("mario"), id, { { QStringLiteral("status"), true } });
        QCOMPARE(r.status, 400);
        QVERIFY(r.object().contains(QStringLiteral("status")));
        // stage and status must agree when both are sent.
        id = orderAt({ QStringLiteral("preparing"), QStringLiteral("ready"), QStringLiteral("out_for_delivery") });
        QCOMPARE(patch(QStringLiteral("mario"), id, { { QStringLiteral("stage"), QStringLiteral("delivered") },
                                                      { QStringLiteral("status"), false } }).status, 400);
        QCOMPARE(patch(QStringLiteral("mario"), id, { { QStringLiteral("stage"), QStringLiteral("delivered") },
                                                      { QStringLiteral("status"), true } }).status, 200);
    }

    void managerWritesANote()
    {
        const qint64 id = orderAt({});
        HttpReply r = patch(QStringLiteral("mario"), id, { { QStringLiteral("note"), QStringLiteral("no onions") } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("note")).toString(), QStringLiteral("no onions"));
        QCOMPARE(order(id).value(QStringLiteral("note")).toString(), QStringLiteral("no onions"));
    }

    void counterOrders()
    {
        const QJsonObject body { { QStringLiteral("items"), QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 2 }, { QStringLiteral("quantity"), 3 } },
                                                                          QJsonObject { { QStringLiteral("menuitem"), 6 }, { QStringLiteral("quantity"), 1 } } } },
                                 { QStringLiteral("note"), QStringLiteral("table 4") } };
        for (const QString &staff : { QStringLiteral("mario"), QStringLiteral("admin") }) {
            const HttpReply r = m_api->call(staff, "POST", QStringLiteral("/api/orders"), body);
            QVERIFY2(r.status == 201, qPrintable(r.describe()));
            QCOMPARE(r.object().value(QStringLiteral("total")).toString(), QStringLiteral("31.49"));
            QCOMPARE(r.object().value(QStringLiteral("items")).toArray().size(), 2);
            QCOMPARE(r.object().value(QStringLiteral("detail")).toString(), QStringLiteral("Order created!"));
            const QJsonObject o = order(r.object().value(QStringLiteral("order_id")).toInteger());
            QCOMPARE(o.value(QStringLiteral("user")).toInteger(), staff == u"mario" ? ExtFixture::kMario : ExtFixture::kAdmin);
            QCOMPARE(o.value(QStringLiteral("note")).toString(), QStringLiteral("table 4"));
            QCOMPARE(o.value(QStringLiteral("stage")).toString(), QStringLiteral("received"));
            QCOMPARE(o.value(QStringLiteral("items")).toArray().at(0).toObject(),
                     parseJson("{\"menuitem\":2,\"menuitem_title\":\"Soda\",\"quantity\":3,\"unit_price\":\"5.50\",\"price\":\"16.50\"}").toObject());
        }
        // Prices are the menu's at that moment.
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/2"),
                             QJsonObject { { QStringLiteral("price"), QStringLiteral("6.00") } }).status, 200);
        HttpReply r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/orders"),
                                  QJsonObject { { QStringLiteral("items"), QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 2 }, { QStringLiteral("quantity"), 1 } } } } });
        QCOMPARE(r.object().value(QStringLiteral("total")).toString(), QStringLiteral("6.00"));
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/menu-items/2"),
                             QJsonObject { { QStringLiteral("price"), QStringLiteral("5.50") } }).status, 200);

        // Refusals name the problem and make nothing.
        const int before = int(m_api->readAll(QStringLiteral("mario"), QStringLiteral("/api/orders")).size());
        const QList<QJsonObject> bad {
            QJsonObject { { QStringLiteral("items"), QJsonArray {} } },
            QJsonObject { { QStringLiteral("items"), QStringLiteral("soda") } },
            QJsonObject { { QStringLiteral("items"), QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 999 }, { QStringLiteral("quantity"), 1 } } } } },
            QJsonObject { { QStringLiteral("items"), QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 1 }, { QStringLiteral("quantity"), 0 } } } } },
            QJsonObject { { QStringLiteral("items"), QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 1 } } } } },
        };
        for (const QJsonObject &b : bad) {
            r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/orders"), b);
            QVERIFY2(r.status == 400, qPrintable(r.describe()));
            QVERIFY2(r.object().value(QStringLiteral("items")).isArray(), qPrintable(r.describe()));
        }
        QCOMPARE(m_api->readAll(QStringLiteral("mario"), QStringLiteral("/api/orders")).size(), before);

        // A customer's body is not read: their cart is the order.
        r = m_api->call(QStringLiteral("cust2"), "POST", QStringLiteral("/api/orders"), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json(), parseJson("{\"detail\":\"The cart is empty!\"}"));
    }
};

QTEST_GUILESS_MAIN(TstServerStages)
#include "tst_server_stages.moc"
