#include "extfixture.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace LittleLemon::Test;

// The `tables` and `bookings` extensions: who reads and writes them, the
// shapes, ?date=, the status moves, and the table checks (party size, and
// no two bookings of one table within the stay time, which the server
// option --booking-stay sets).
class TstServerBookings : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<ExtFixture> m_api;
    qint64 m_table4 = 0; // "4", two seats
    qint64 m_table9 = 0; // "9", eight seats
    const QString m_day = QDate::currentDate().addDays(3).toString(Qt::ISODate);

    QJsonObject booking(const QString &name, const QString &time, int guests, qint64 table = 0, const QString &day = QString())
    {
        QJsonObject b { { QStringLiteral("name"), name },
                        { QStringLiteral("date"), day.isEmpty() ? m_day : day },
                        { QStringLiteral("time"), time },
                        { QStringLiteral("guests"), guests } };
        if (table)
            b.insert(QStringLiteral("table"), table);
        return b;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        // A table is held for two hours here, not the default 90 minutes.
        QVERIFY2(ExtFixture::start(m_server, &error, { QStringLiteral("--booking-stay"), QStringLiteral("120") }), qPrintable(error));
        m_api = std::make_unique<ExtFixture>(m_server);
    }

    void tableRoles_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("read");
        QTest::addColumn<int>("write");
        QTest::newRow("anonymous") << QStringLiteral("anon") << 401 << 401;
        QTest::newRow("customer") << QStringLiteral("cust") << 403 << 403;
        QTest::newRow("delivery crew") << QStringLiteral("crew") << 200 << 403;
        QTest::newRow("manager") << QStringLiteral("mario") << 200 << 201;
        QTest::newRow("admin") << QStringLiteral("admin") << 200 << 201;
    }
    void tableRoles()
    {
        QFETCH(QString, user);
        QFETCH(int, read);
        QFETCH(int, write);
        QCOMPARE(m_api->get(user, QStringLiteral("/api/tables")).status, read);
        const HttpReply made = m_api->call(user, "POST", QStringLiteral("/api/tables"),
                                           QJsonObject { { QStringLiteral("name"), QString(QStringLiteral("T-") + user) }, { QStringLiteral("seats"), 4 } });
        QCOMPARE(made.status, write);
        if (write == 201) {
            const QString path = QStringLiteral("/api/tables/%1").arg(made.object().value(QStringLiteral("id")).toInteger());
            QCOMPARE(m_api->call(user, "PATCH", path, QJsonObject { { QStringLiteral("seats"), 6 } }).object().value(QStringLiteral("seats")).toInt(), 6);
            QCOMPARE(m_api->get(QStringLiteral("crew"), path).object().value(QStringLiteral("seats")).toInt(), 6);
            QCOMPARE(m_api->call(QStringLiteral("crew"), "DELETE", path).status, 403);
            QCOMPARE(m_api->call(user, "DELETE", path).status, 204);
            QCOMPARE(m_api->get(user, path).status, 404);
        }
    }

    void tableShapeAndChecks()
    {
        HttpReply r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/tables"),
                                  QJsonObject { { QStringLiteral("name"), QStringLiteral("4") }, { QStringLiteral("seats"), 2 } });
        QCOMPARE(r.status, 201);
        m_table4 = r.object().value(QStringLiteral("id")).toInteger();
        QCOMPARE(r.json(), parseJson(QStringLiteral("{\"id\":%1,\"name\":\"4\",\"seats\":2}").arg(m_table4).toUtf8()));
        r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/tables"),
                        QJsonObject { { QStringLiteral("name"), QStringLiteral("9") }, { QStringLiteral("seats"), 8 } });
        m_table9 = r.object().value(QStringLiteral("id")).toInteger();
        // Names are unique; seats 1 to 1000; both required.
        const QList<std::pair<QJsonObject, QString>> bad {
            { QJsonObject { { QStringLiteral("name"), QStringLiteral("4") }, { QStringLiteral("seats"), 3 } }, QStringLiteral("name") },
            { QJsonObject { { QStringLiteral("name"), QStringLiteral("x") }, { QStringLiteral("seats"), 0 } }, QStringLiteral("seats") },
            { QJsonObject { { QStringLiteral("name"), QStringLiteral("y") }, { QStringLiteral("seats"), 1001 } }, QStringLiteral("seats") },
            { QJsonObject { { QStringLiteral("seats"), 2 } }, QStringLiteral("name") },
            { QJsonObject { { QStringLiteral("name"), QStringLiteral("z") } }, QStringLiteral("seats") },
        };
        for (const auto &[body, field] : bad) {
            r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/tables"), body);
            QVERIFY2(r.status == 400 && r.object().value(field).isArray(), qPrintable(r.describe()));
        }
        const QList<QJsonObject> tables = m_api->readAll(QStringLiteral("mario"), QStringLiteral("/api/tables"));
        QCOMPARE(tables.size(), 2);
    }

    void bookingShapeAndOwnership()
    {
        HttpReply r = m_api->call(QStringLiteral("cust"), "POST", QStringLiteral("/api/bookings"),
                                  QJsonObject { { QStringLiteral("name"), QStringLiteral("Rossi") }, { QStringLiteral("phone"), QStringLiteral("+39 06 555") },
                                                { QStringLiteral("date"), m_day }, { QStringLiteral("time"), QStringLiteral("20:00") },
                                                { QStringLiteral("guests"), 2 }, { QStringLiteral("notes"), QStringLiteral("window") } });
        QVERIFY2(r.status == 201, qPrintable(r.describe()));
        const qint64 id = r.object().value(QStringLiteral("id")).toInteger();
        QCOMPARE(r.json(), parseJson(QStringLiteral("{\"id\":%1,\"user\":4,\"name\":\"Rossi\",\"phone\":\"+39 06 555\",\"date\":\"%2\","
                                                    "\"time\":\"20:00\",\"guests\":2,\"table\":null,\"notes\":\"window\",\"status\":\"booked\"}")
                                         .arg(id).arg(m_day).toUtf8()));
        const QString path = QStringLiteral("/api/bookings/%1").arg(id);
        // Another customer does not see it; staff who manage bookings do.
        QCOMPARE(m_api->get(QStringLiteral("cust2"), path).status, 404);
        QCOMPARE(m_api->call(QStringLiteral("cust2"), "PATCH", path, QJsonObject { { QStringLiteral("guests"), 3 } }).status, 404);
        QCOMPARE(m_api->call(QStringLiteral("cust2"), "DELETE", path).status, 404);
        QCOMPARE(m_api->get(QStringLiteral("mario"), path).status, 200);
        QCOMPARE(m_api->get(QStringLiteral("admin"), path).status, 200);
        QCOMPARE(m_api->get(QStringLiteral("anon"), path).status, 401);
        auto ids = [&](const QString &user, const QString &query = QString()) {
            QList<qint64> out;
            for (const QJsonObject &b : m_api->readAll(user, QStringLiteral("/api/bookings") + query))
                out << b.value(QStringLiteral("id")).toInteger();
            return out;
        };
        QVERIFY(ids(QStringLiteral("cust")).contains(id));
        QVERIFY(!ids(QStringLiteral("cust2")).contains(id));
        QVERIFY(ids(QStringLiteral("mario")).contains(id));
        // The owner changes it; the time accepts seconds and answers HH:MM.
        r = m_api->call(QStringLiteral("cust"), "PATCH", path, QJsonObject { { QStringLiteral("time"), QStringLiteral("20:30:00") },
                                                                           { QStringLiteral("guests"), 3 } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("time")).toString(), QStringLiteral("20:30"));
        QCOMPARE(r.object().value(QStringLiteral("guests")).toInt(), 3);
        // ?date= filters; a bad date is a 400.
        QVERIFY(ids(QStringLiteral("mario"), QStringLiteral("?date=") + m_day).contains(id));
        QVERIFY(!ids(QStringLiteral("mario"), QStringLiteral("?date=") + QDate::currentDate().addDays(4).toString(Qt::ISODate)).contains(id));
        QCOMPARE(m_api->get(QStringLiteral("mario"), QStringLiteral("/api/bookings?date=24/11/2026")).status, 400);
        QCOMPARE(m_api->call(QStringLiteral("cust"), "DELETE", path).status, 204);
        QCOMPARE(m_api->get(QStringLiteral("cust"), path).status, 404);
    }

    void bookingValidation_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QJsonObject ok { { QStringLiteral("name"), QStringLiteral("A") }, { QStringLiteral("date"), QStringLiteral("2026-12-01") },
                         { QStringLiteral("time"), QStringLiteral("19:00") }, { QStringLiteral("guests"), 2 } };
        auto without = [ok](const char *key) { QJsonObject b = ok; b.remove(QString::fromLatin1(key)); return b; };
        auto with = [ok](const char *key, const QJsonValue &v) { QJsonObject b = ok; b.insert(QString::fromLatin1(key), v); return b; };
        QTest::newRow("no name") << without("name") << QStringLiteral("name");
        QTest::newRow("blank name") << with("name", QStringLiteral("  ")) << QStringLiteral("name");
        QTest::newRow("no date") << without("date") << QStringLiteral("date");
        QTest::newRow("date not ISO") << with("date", QStringLiteral("01/12/2026")) << QStringLiteral("date");
        QTest::newRow("no such day") << with("date", QStringLiteral("2026-02-30")) << QStringLiteral("date");
        QTest::newRow("no time") << without("time") << QStringLiteral("time");
        QTest::newRow("time 25:00") << with("time", QStringLiteral("25:00")) << QStringLiteral("time");
        QTest::newRow("no guests") << without("guests") << QStringLiteral("guests");
        QTest::newRow("zero guests") << with("guests", 0) << QStringLiteral("guests");
        QTest::newRow("unknown table") << with("table", 9999) << QStringLiteral("table");
        QTest::newRow("a status other than booked") << with("status", QStringLiteral("seated")) << QStringLiteral("status");
        QTest::newRow("an unknown status") << with("status", QStringLiteral("eating")) << QStringLiteral("status");
    }
    void bookingValidation()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const HttpReply r = m_api->call(QStringLiteral("cust"), "POST", QStringLiteral("/api/bookings"), body);
        QVERIFY2(r.status == 400, qPrintable(r.describe()));
        QVERIFY2(r.object().value(field).isArray(), qPrintable(r.describe()));
    }

    void tableChecks()
    {
        // Too many for the table: the contract's sentence, naming the table.
        HttpReply r = m_api->call(QStringLiteral("cust"), "POST", QStringLiteral("/api/bookings"),
                                  booking(QStringLiteral("Big party"), QStringLiteral("19:00"), 5, m_table4));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json(), parseJson("{\"table\":[\"Table 4 seats 2; the party is 5.\"]}"));

        r = m_api->call(QStringLiteral("cust"), "POST", QStringLiteral("/api/bookings"),
                        booking(QStringLiteral("First"), QStringLiteral("19:00"), 2, m_table4));
        QCOMPARE(r.status, 201);
        const qint64 first = r.object().value(QStringLiteral("id")).toInteger();
        // Within two hours of it (either side): taken, whoever asks.
        for (const QString &time : { QStringLiteral("20:59"), QStringLiteral("17:01"), QStringLiteral("19:00") }) {
            r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/bookings"), booking(QStringLiteral("Second"), time, 2, m_table4));
            QVERIFY2(r.status == 400, qPrintable(time + u' ' + r.describe()));
            const QString message = r.object().value(QStringLiteral("table")).toArray().first().toString();
            QVERIFY2(message.contains(QStringLiteral("Table 4 is already booked at 19:00")), qPrintable(message));
        }
        // Two hours apart, or another table: free.
        r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/bookings"), booking(QStringLiteral("Later"), QStringLiteral("21:00"), 2, m_table4));
        QCOMPARE(r.status, 201);
        const qint64 later = r.object().value(QStringLiteral("id")).toInteger();
        QCOMPARE(m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/bookings"),
                             booking(QStringLiteral("Elsewhere"), QStringLiteral("19:30"), 6, m_table9)).status, 201);
        // Across midnight: 23:30 and 00:30 the next day clash.
        r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/bookings"), booking(QStringLiteral("Late"), QStringLiteral("23:30"), 2, m_table9));
        QCOMPARE(r.status, 201);
        r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/bookings"),
                        booking(QStringLiteral("Early"), QStringLiteral("00:30"), 2, m_table9, QDate::fromString(m_day, Qt::ISODate).addDays(1).toString(Qt::ISODate)));
        QCOMPARE(r.status, 400);
        // Moving a booking onto a taken slot is checked too; a cancelled one frees it.
        const QString laterPath = QStringLiteral("/api/bookings/%1").arg(later);
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", laterPath, QJsonObject { { QStringLiteral("time"), QStringLiteral("19:30") } }).status, 400);
        QCOMPARE(m_api->call(QStringLiteral("cust"), "PATCH", QStringLiteral("/api/bookings/%1").arg(first),
                             QJsonObject { { QStringLiteral("status"), QStringLiteral("cancelled") } }).status, 200);
        r = m_api->call(QStringLiteral("mario"), "PATCH", laterPath, QJsonObject { { QStringLiteral("time"), QStringLiteral("19:30") } });
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        // More guests than the table seats, on a change.
        QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", laterPath, QJsonObject { { QStringLiteral("guests"), 3 } }).status, 400);
        // A table that still has bookings cannot go; once they are gone it can.
        QCOMPARE(m_api->call(QStringLiteral("mario"), "DELETE", QStringLiteral("/api/tables/%1").arg(m_table4)).status, 400);
    }

    void statusMoves_data()
    {
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("seat") << QStringList {} << QStringLiteral("seated") << QStringLiteral("mario") << true;
        QTest::newRow("complete") << QStringList { QStringLiteral("seated") } << QStringLiteral("completed") << QStringLiteral("mario") << true;
        QTest::newRow("no-show") << QStringList {} << QStringLiteral("no_show") << QStringLiteral("admin") << true;
        QTest::newRow("cancel, as the manager") << QStringList {} << QStringLiteral("cancelled") << QStringLiteral("mario") << true;
        QTest::newRow("cancel, as its customer") << QStringList {} << QStringLiteral("cancelled") << QStringLiteral("cust") << true;
        QTest::newRow("seat, as its customer") << QStringList {} << QStringLiteral("seated") << QStringLiteral("cust") << false;
        QTest::newRow("complete without seating") << QStringList {} << QStringLiteral("completed") << QStringLiteral("mario") << false;
        QTest::newRow("cancel when seated") << QStringList { QStringLiteral("seated") } << QStringLiteral("cancelled") << QStringLiteral("mario") << false;
        QTest::newRow("back from cancelled") << QStringList { QStringLiteral("cancelled") } << QStringLiteral("booked") << QStringLiteral("mario") << false;
        QTest::newRow("back from completed") << QStringList { QStringLiteral("seated"), QStringLiteral("completed") } << QStringLiteral("seated") << QStringLiteral("mario") << false;
    }
    void statusMoves()
    {
        QFETCH(QStringList, path);
        QFETCH(QString, to);
        QFETCH(QString, user);
        QFETCH(bool, allowed);
        HttpReply r = m_api->call(QStringLiteral("cust"), "POST", QStringLiteral("/api/bookings"), booking(QStringLiteral("Moves"), QStringLiteral("13:00"), 2));
        QCOMPARE(r.status, 201);
        const QString p = QStringLiteral("/api/bookings/%1").arg(r.object().value(QStringLiteral("id")).toInteger());
        for (const QString &s : path)
            QCOMPARE(m_api->call(QStringLiteral("mario"), "PATCH", p, QJsonObject { { QStringLiteral("status"), s } }).status, 200);
        r = m_api->call(user, "PATCH", p, QJsonObject { { QStringLiteral("status"), to } });
        if (allowed) {
            QVERIFY2(r.status == 200, qPrintable(r.describe()));
            QCOMPARE(r.object().value(QStringLiteral("status")).toString(), to);
        } else {
            QVERIFY2(r.status == 400 && r.object().value(QStringLiteral("status")).isArray(), qPrintable(r.describe()));
        }
    }

    // Finished bookings keep their facts; only the notes still change.
    void finishedBookingsOnlyTakeNotes()
    {
        HttpReply r = m_api->call(QStringLiteral("cust"), "POST", QStringLiteral("/api/bookings"), booking(QStringLiteral("Done"), QStringLiteral("12:00"), 2));
        const QString p = QStringLiteral("/api/bookings/%1").arg(r.object().value(QStringLiteral("id")).toInteger());
        QCOMPARE(m_api->call(QStringLiteral("cust"), "PATCH", p, QJsonObject { { QStringLiteral("status"), QStringLiteral("cancelled") } }).status, 200);
        QCOMPARE(m_api->call(QStringLiteral("cust"), "PATCH", p, QJsonObject { { QStringLiteral("guests"), 4 } }).status, 400);
        r = m_api->call(QStringLiteral("cust"), "PATCH", p, QJsonObject { { QStringLiteral("notes"), QStringLiteral("maybe next week") } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("notes")).toString(), QStringLiteral("maybe next week"));
    }
};

QTEST_GUILESS_MAIN(TstServerBookings)
#include "tst_server_bookings.moc"
