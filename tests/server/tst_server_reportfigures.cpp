#include "extfixture.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace LittleLemon::Test;

// The figures of GET /api/reports checked to the cent against a fixture of
// 500 orders over three days in Lisbon (28-30 March 2026; summer time starts
// on the 29th at 01:00): placed and moved through the real API while the
// server's wall clock is set by libfaketime to each event's time, with
// TZ=Europe/Lisbon. The expected figures are summed here from the fixture's
// own table (prices, quantities, local hours, seconds between stages), with
// none of the code under test.
namespace {

const char *const kZone = "Europe/Lisbon";
const QDate kDay1(2026, 3, 28);

QString fakeTimeLibrary()
{
    for (const char *path : { "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
                              "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1", "/usr/lib/faketime/libfaketime.so.1" }) {
        if (QFile::exists(QString::fromLatin1(path)))
            return QString::fromLatin1(path);
    }
    return {};
}

// The menu of CloudFixture: item id → price in cents and category.
struct Dish
{
    qint64 cents;
    int category;
    const char *title;
};
const QMap<int, Dish> kMenu {
    { 1, { 1550, 4, "Eggplant Parmiggiana" } }, { 2, { 550, 2, "Soda" } },  { 3, { 725, 3, "Crème Brûlée" } },
    { 4, { 1152, 1, "Bruschetta" } },           { 5, { 478, 2, "Canada Dry" } }, { 6, { 1499, 4, "Bolognese Lasagna" } },
};
const QMap<int, QString> kCategories { { 1, QStringLiteral("Appetizers") }, { 2, QStringLiteral("Drinks") },
                                       { 3, QStringLiteral("Desserts") }, { 4, QStringLiteral("Meals") } };

struct Line
{
    int item;
    int quantity;
};

// One row of the fixture's table.
struct FixtureOrder
{
    QDate day;        // local day
    QTime time;       // local time placed
    bool counter = false;
    QString customer; // online orders
    qint64 crew = 0;  // 0: none
    QList<Line> lines;
    // Stages after "received", with the seconds spent in the previous one.
    QList<QPair<QString, int>> moves;

    qint64 cents() const
    {
        qint64 c = 0;
        for (const Line &l : lines)
            c += kMenu.value(l.item).cents * l.quantity;
        return c;
    }
    bool cancelled() const { return !moves.isEmpty() && moves.last().first == u"cancelled"; }
    bool delivered() const { return !moves.isEmpty() && moves.last().first == u"delivered"; }
};

// A small deterministic generator: the same table on every run.
class Lcg
{
public:
    int next(int n)
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((m_state >> 33) % quint64(n));
    }

private:
    quint64 m_state = 18;
};

QList<FixtureOrder> makeFixture()
{
    QList<FixtureOrder> out;
    Lcg rng;
    // The edges first: a minute before and after midnight, also across the
    // change to summer time (no 01:xx on the 29th).
    const QList<QPair<QDate, QTime>> edges {
        { kDay1, QTime(23, 59) },          { kDay1.addDays(1), QTime(0, 1) }, { kDay1.addDays(1), QTime(0, 30) },
        { kDay1.addDays(1), QTime(2, 30) }, { kDay1.addDays(1), QTime(23, 59) }, { kDay1.addDays(2), QTime(0, 1) },
    };
    for (int i = 0; i < 500; ++i) {
        FixtureOrder o;
        if (i < edges.size()) {
            o.day = edges.at(i).first;
            o.time = edges.at(i).second;
        } else {
            o.day = kDay1.addDays(rng.next(3));
            o.time = QTime(11 + rng.next(12), rng.next(60), rng.next(60));
        }
        o.counter = rng.next(3) == 0;
        if (!o.counter) {
            o.customer = rng.next(2) ? QStringLiteral("cust") : QStringLiteral("cust2");
            o.crew = rng.next(2) ? ExtFixture::kCrew : ExtFixture::kCrew2;
        }
        const int lineCount = 1 + rng.next(3);
        QList<int> items { 1, 2, 3, 4, 5, 6 };
        for (int l = 0; l < lineCount; ++l)
            o.lines.append(Line { items.takeAt(rng.next(int(items.size()))), 1 + rng.next(3) });
        const int fate = rng.next(10);
        auto wait = [&rng] { return 30 + rng.next(1200); };
        if (fate == 0) { // cancelled while received
            o.moves = { { QStringLiteral("cancelled"), wait() } };
        } else if (fate == 1) { // cancelled while preparing
            o.moves = { { QStringLiteral("preparing"), wait() }, { QStringLiteral("cancelled"), wait() } };
        } else if (fate == 2) { // still open: preparing
            o.moves = { { QStringLiteral("preparing"), wait() } };
        } else {
            o.moves = { { QStringLiteral("preparing"), wait() }, { QStringLiteral("ready"), wait() } };
            if (!o.counter)
                o.moves.append({ QStringLiteral("out_for_delivery"), wait() });
            o.moves.append({ QStringLiteral("delivered"), wait() });
        }
        out.append(o);
    }
    return out;
}

qint64 nearestRank(QList<qint64> values, int p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    qsizetype rank = (p * values.size() + 99) / 100;
    return values.at(std::max<qsizetype>(rank, 1) - 1);
}

QString money(qint64 cents)
{
    return QStringLiteral("%1%2.%3").arg(cents < 0 ? QStringLiteral("-") : QString()).arg(qAbs(cents) / 100).arg(qAbs(cents) % 100, 2, 10, QLatin1Char('0'));
}

// The figures the report must show for the days in [from, to], summed from the table.
struct Expected
{
    int orders = 0, cancelled = 0, items = 0;
    qint64 revenue = 0, cancelledValue = 0;
    QMap<int, QPair<int, qint64>> hours;      // local hour → orders, cents
    QMap<int, QPair<int, qint64>> dishes;     // item → quantity, cents
    QMap<int, QPair<int, qint64>> categories; // category → quantity, cents
    qint64 online = 0, counter = 0;
    QMap<qint64, QList<qint64>> crewSeconds;  // crew → received → delivered
    QMap<QString, QList<qint64>> stageSeconds;
};

Expected expect(const QList<FixtureOrder> &fixture, const QDate &from, const QDate &to)
{
    Expected e;
    for (const FixtureOrder &o : fixture) {
        if (o.day < from || o.day > to)
            continue;
        if (o.cancelled()) {
            ++e.cancelled;
            e.cancelledValue += o.cents();
            continue;
        }
        ++e.orders;
        e.revenue += o.cents();
        (o.counter ? e.counter : e.online) += o.cents();
        e.hours[o.time.hour()].first += 1;
        e.hours[o.time.hour()].second += o.cents();
        for (const Line &l : o.lines) {
            e.items += l.quantity;
            const qint64 c = kMenu.value(l.item).cents * l.quantity;
            e.dishes[l.item].first += l.quantity;
            e.dishes[l.item].second += c;
            e.categories[kMenu.value(l.item).category].first += l.quantity;
            e.categories[kMenu.value(l.item).category].second += c;
        }
        QString stage = QStringLiteral("received");
        qint64 total = 0;
        for (const auto &m : o.moves) {
            e.stageSeconds[stage].append(m.second);
            total += m.second;
            stage = m.first;
        }
        if (o.crew && o.delivered())
            e.crewSeconds[o.crew].append(total);
    }
    return e;
}

} // namespace

class TstServerReportFigures : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_clockDir;
    QString m_clockFile;
    TestServer m_server;
    std::unique_ptr<ExtFixture> m_api;
    QList<FixtureOrder> m_fixture = makeFixture();
    QTimeZone m_zone { kZone };
    QList<qint64> m_ids; // fixture row → order id

    // The server's clock, frozen at this instant (written as Lisbon's local time).
    void setClock(qint64 epochSeconds)
    {
        QSaveFile f(m_clockFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QDateTime::fromSecsSinceEpoch(epochSeconds, m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toLatin1() + '\n');
        QVERIFY(f.commit());
    }

    QJsonObject report(const QDate &from, const QDate &to)
    {
        const HttpReply r = m_api->get(QStringLiteral("mario"), QStringLiteral("/api/reports?from=%1&to=%2")
                                                                     .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
        if (r.status != 200)
            qWarning("%s", qPrintable(r.describe()));
        return r.object();
    }

    void compareWith(const QJsonObject &r, const Expected &e)
    {
        const QJsonObject t = r.value(QStringLiteral("totals")).toObject();
        QCOMPARE(t.value(QStringLiteral("orders")).toInt(), e.orders);
        QCOMPARE(t.value(QStringLiteral("cancelled")).toInt(), e.cancelled);
        QCOMPARE(t.value(QStringLiteral("items")).toInt(), e.items);
        QCOMPARE(t.value(QStringLiteral("revenue")).toString(), money(e.revenue));
        QCOMPARE(t.value(QStringLiteral("cancelled_value")).toString(), money(e.cancelledValue));
        QCOMPARE(t.value(QStringLiteral("average_ticket")).toString(), money(e.orders ? (2 * e.revenue + e.orders) / (2 * e.orders) : 0));
        for (const QJsonValue &v : r.value(QStringLiteral("by_hour")).toArray()) {
            const QJsonObject h = v.toObject();
            const auto want = e.hours.value(h.value(QStringLiteral("hour")).toInt());
            QCOMPARE(h.value(QStringLiteral("orders")).toInt(), want.first);
            QCOMPARE(h.value(QStringLiteral("revenue")).toString(), money(want.second));
        }
        const QJsonArray dishes = r.value(QStringLiteral("by_dish")).toArray();
        QCOMPARE(dishes.size(), e.dishes.size());
        for (const QJsonValue &v : dishes) {
            const QJsonObject d = v.toObject();
            const int item = d.value(QStringLiteral("menuitem")).toInt();
            QCOMPARE(d.value(QStringLiteral("title")).toString(), QString::fromUtf8(kMenu.value(item).title));
            QCOMPARE(d.value(QStringLiteral("quantity")).toInt(), e.dishes.value(item).first);
            QCOMPARE(d.value(QStringLiteral("revenue")).toString(), money(e.dishes.value(item).second));
        }
        const QJsonArray categories = r.value(QStringLiteral("by_category")).toArray();
        QCOMPARE(categories.size(), e.categories.size());
        for (const QJsonValue &v : categories) {
            const QJsonObject c = v.toObject();
            const int id = c.value(QStringLiteral("category")).toInt();
            QCOMPARE(c.value(QStringLiteral("title")).toString(), kCategories.value(id));
            QCOMPARE(c.value(QStringLiteral("quantity")).toInt(), e.categories.value(id).first);
            QCOMPARE(c.value(QStringLiteral("revenue")).toString(), money(e.categories.value(id).second));
        }
        for (const QJsonValue &v : r.value(QStringLiteral("by_source")).toArray()) {
            const QJsonObject s = v.toObject();
            const bool counter = s.value(QStringLiteral("source")).toString() == u"counter";
            QCOMPARE(s.value(QStringLiteral("revenue")).toString(), money(counter ? e.counter : e.online));
        }
        const QJsonArray crew = r.value(QStringLiteral("by_crew")).toArray();
        QCOMPARE(crew.size(), e.crewSeconds.size());
        for (const QJsonValue &v : crew) {
            const QJsonObject c = v.toObject();
            const QList<qint64> seconds = e.crewSeconds.value(c.value(QStringLiteral("id")).toInteger());
            QCOMPARE(c.value(QStringLiteral("delivered")).toInt(), int(seconds.size()));
            QCOMPARE(c.value(QStringLiteral("median_seconds")).toInteger(), nearestRank(seconds, 50));
        }
        for (const QJsonValue &v : r.value(QStringLiteral("stages")).toArray()) {
            const QJsonObject s = v.toObject();
            const QList<qint64> seconds = e.stageSeconds.value(s.value(QStringLiteral("stage")).toString());
            QCOMPARE(s.value(QStringLiteral("count")).toInt(), int(seconds.size()));
            QCOMPARE(s.value(QStringLiteral("median_seconds")).toInteger(), nearestRank(seconds, 50));
            QCOMPARE(s.value(QStringLiteral("p90_seconds")).toInteger(), nearestRank(seconds, 90));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString lib = fakeTimeLibrary();
        if (lib.isEmpty())
            QFAIL("libfaketime is not installed (tools/setup-deps.sh installs it)");
        QVERIFY(m_zone.isValid());
        m_clockFile = m_clockDir.filePath(QStringLiteral("clock"));
        setClock(QDateTime(kDay1, QTime(8, 0), m_zone).toSecsSinceEpoch());
        // Inherited by the server (and its `user add` runs); this process reads none of them.
        qputenv("TZ", kZone);
        qputenv("LD_PRELOAD", QFile::encodeName(lib));
        qputenv("FAKETIME_TIMESTAMP_FILE", QFile::encodeName(m_clockFile));
        qputenv("FAKETIME_NO_CACHE", "1");
        qputenv("FAKETIME_DONT_FAKE_MONOTONIC", "1");
        QString error;
        QVERIFY2(ExtFixture::start(m_server, &error, { QStringLiteral("--access-ttl"), QStringLiteral("31536000") }),
                 qPrintable(error));
        for (const char *name : { "LD_PRELOAD", "FAKETIME_TIMESTAMP_FILE", "FAKETIME_NO_CACHE", "FAKETIME_DONT_FAKE_MONOTONIC" })
            qunsetenv(name);
        m_api = std::make_unique<ExtFixture>(m_server);
        for (const char *user : { "mario", "cust", "cust2" })
            QVERIFY(!m_api->token(QString::fromLatin1(user)).isEmpty());

        // Every event of the table at its own instant, in time order.
        struct Event
        {
            qint64 at;
            int order;
            int move; // -1: place the order
        };
        QList<Event> events;
        for (int i = 0; i < m_fixture.size(); ++i) {
            const FixtureOrder &o = m_fixture.at(i);
            qint64 at = QDateTime(o.day, o.time, m_zone).toSecsSinceEpoch();
            events.append(Event { at, i, -1 });
            for (int m = 0; m < o.moves.size(); ++m) {
                at += o.moves.at(m).second;
                events.append(Event { at, i, m });
            }
        }
        std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.at < b.at; });
        QList<qint64> &ids = m_ids;
        ids = QList<qint64>(m_fixture.size(), 0);
        for (const Event &e : std::as_const(events)) {
            setClock(e.at);
            const FixtureOrder &o = m_fixture.at(e.order);
            if (e.move >= 0) {
                const HttpReply r = m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/orders/%1").arg(ids.at(e.order)),
                                                QJsonObject { { QStringLiteral("stage"), o.moves.at(e.move).first } });
                QVERIFY2(r.status == 200, qPrintable(r.describe()));
                continue;
            }
            QJsonArray lines;
            for (const Line &l : o.lines)
                lines.append(QJsonObject { { QStringLiteral("menuitem"), l.item }, { QStringLiteral("quantity"), l.quantity } });
            if (o.counter) {
                const HttpReply r = m_api->call(QStringLiteral("mario"), "POST", QStringLiteral("/api/orders"),
                                                QJsonObject { { QStringLiteral("items"), lines } });
                QVERIFY2(r.status == 201, qPrintable(r.describe()));
                ids[e.order] = r.object().value(QStringLiteral("order_id")).toInteger();
            } else {
                for (const Line &l : o.lines) {
                    const HttpReply r = m_api->call(o.customer, "POST", QStringLiteral("/api/cart"),
                                                    QJsonObject { { QStringLiteral("menuitem"), l.item }, { QStringLiteral("quantity"), l.quantity } });
                    QVERIFY2(r.status == 201, qPrintable(r.describe()));
                }
                const HttpReply r = m_api->call(o.customer, "POST", QStringLiteral("/api/orders"));
                QVERIFY2(r.status == 201, qPrintable(r.describe()));
                ids[e.order] = r.object().value(QStringLiteral("order_id")).toInteger();
                const HttpReply crew = m_api->call(QStringLiteral("mario"), "PATCH", QStringLiteral("/api/orders/%1").arg(ids.at(e.order)),
                                                   QJsonObject { { QStringLiteral("delivery_crew"), o.crew } });
                QVERIFY2(crew.status == 200, qPrintable(crew.describe()));
            }
        }
    }

    void theTableIsWhatWeThinkItIs()
    {
        // The fixture itself: 500 orders, every day, both sources, every fate.
        QCOMPARE(m_fixture.size(), 500);
        int counter = 0, cancelled = 0, delivered = 0;
        for (const FixtureOrder &o : m_fixture) {
            counter += o.counter;
            cancelled += o.cancelled();
            delivered += o.delivered();
        }
        QVERIFY(counter > 100 && counter < 250);
        QVERIFY(cancelled > 20);
        QVERIFY(delivered > 250);
    }

    void eachDayToTheCent_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::newRow("28 March") << kDay1 << kDay1;
        QTest::newRow("29 March (summer time starts)") << kDay1.addDays(1) << kDay1.addDays(1);
        QTest::newRow("30 March") << kDay1.addDays(2) << kDay1.addDays(2);
        QTest::newRow("all three") << kDay1 << kDay1.addDays(2);
        QTest::newRow("the last two") << kDay1.addDays(1) << kDay1.addDays(2);
    }
    void eachDayToTheCent()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        const QJsonObject r = report(from, to);
        QCOMPARE(r.value(QStringLiteral("time_zone")).toString(), QString::fromLatin1(kZone));
        compareWith(r, expect(m_fixture, from, to));
        if (QTest::currentTestFailed())
            return;
        // Days add up to the period.
        const QJsonArray days = r.value(QStringLiteral("by_day")).toArray();
        QCOMPARE(days.size(), int(from.daysTo(to) + 1));
        for (const QJsonValue &v : days) {
            const QDate d = QDate::fromString(v.toObject().value(QStringLiteral("date")).toString(), Qt::ISODate);
            const Expected one = expect(m_fixture, d, d);
            QCOMPARE(v.toObject().value(QStringLiteral("revenue")).toString(), money(one.revenue));
            QCOMPARE(v.toObject().value(QStringLiteral("orders")).toInt(), one.orders);
        }
    }

    void midnightAndSummerTime()
    {
        // The six edge orders are the first six of the table; each must be
        // counted on its own local day and in its own local hour.
        for (int i = 0; i < 6; ++i) {
            const FixtureOrder &o = m_fixture.at(i);
            if (o.cancelled())
                continue;
            const QJsonObject r = report(o.day, o.day);
            const QJsonObject hour = r.value(QStringLiteral("by_hour")).toArray().at(o.time.hour()).toObject();
            QVERIFY2(hour.value(QStringLiteral("orders")).toInt() >= 1,
                     qPrintable(QStringLiteral("order %1 (%2 %3) not in its hour").arg(i).arg(o.day.toString(Qt::ISODate), o.time.toString())));
        }
        // On the 29th nothing happened at 01:xx local: that hour did not exist.
        const QJsonObject r = report(kDay1.addDays(1), kDay1.addDays(1));
        QCOMPARE(r.value(QStringLiteral("by_hour")).toArray().at(1).toObject().value(QStringLiteral("orders")).toInt(), 0);
        // An order list's "date" agrees with the report's day (the 00:01 on the 30th
        // was 23:01 UTC on the 29th).
        const QJsonObject order = m_api->get(QStringLiteral("mario"), QStringLiteral("/api/orders/%1").arg(m_ids.at(5))).object();
        QCOMPARE(order.value(QStringLiteral("date")).toString(), QStringLiteral("2026-03-30"));
    }

    // littlelemon-cli report: the same totals in its JSON, in the CSV files
    // (read back with Python's csv module) and in the PDF's text (pdftotext),
    // with ',' in English and ';' and decimal commas in Brazilian Portuguese.
    void cliCsvAndPdf_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("separator");
        QTest::newRow("en_US") << QStringLiteral("en_US.UTF-8") << QStringLiteral(",");
        QTest::newRow("pt_BR") << QStringLiteral("pt_BR.UTF-8") << QStringLiteral(";");
    }
    void cliCsvAndPdf()
    {
        QFETCH(QString, locale);
        QFETCH(QString, separator);
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : { "DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "LANGUAGE", "LC_NUMERIC", "LANG" })
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("no-runtime")));
        env.insert(QStringLiteral("LC_ALL"), locale);
        auto run = [&env](const QString &program, const QStringList &args, const QByteArray &input, QByteArray *out) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(program, args);
            p.write(input);
            p.closeWriteChannel();
            if (!p.waitForFinished(120000))
                return -1;
            *out = p.readAllStandardOutput();
            const QByteArray err = p.readAllStandardError();
            if (p.exitCode() != 0)
                qWarning("%s: %s", qPrintable(program), err.constData());
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        const QByteArray password = CloudFixture::password(QStringLiteral("mario")).toUtf8() + '\n';
        QByteArray out;
        QCOMPARE(run(QStringLiteral(LL_CLI_BINARY), { QStringLiteral("login"), QStringLiteral("--server"), m_server.url().toString(),
                                                      QStringLiteral("--user"), QStringLiteral("mario"), QStringLiteral("--password-stdin") },
                     password, &out),
                 0);
        const QString csv = home.filePath(QStringLiteral("report.csv"));
        const QString orders = home.filePath(QStringLiteral("orders.csv"));
        const QString lines = home.filePath(QStringLiteral("lines.csv"));
        const QString pdf = home.filePath(QStringLiteral("report.pdf"));
        QCOMPARE(run(QStringLiteral(LL_CLI_BINARY),
                     { QStringLiteral("report"), QStringLiteral("--date"), QStringLiteral("2026-03-28"), QStringLiteral("--to"),
                       QStringLiteral("2026-03-30"), QStringLiteral("--password-stdin"), QStringLiteral("--json"), QStringLiteral("--csv"), csv,
                       QStringLiteral("--csv-orders"), orders, QStringLiteral("--csv-lines"), lines, QStringLiteral("--pdf"), pdf },
                     password, &out),
                 0);
        const Expected e = expect(m_fixture, kDay1, kDay1.addDays(2));
        const QJsonObject json = QJsonDocument::fromJson(out).object().value(QStringLiteral("data")).toObject();
        compareWith(json, e);
        if (QTest::currentTestFailed())
            return;

        // The files, read by Python's csv module: BOM, separator, quoting, and sums.
        static const char *const reader = R"PY(
import csv, json, sys
sep = sys.argv[1]
def rows(name):
    raw = open(name, 'rb').read()
    assert raw.startswith(b'\xef\xbb\xbf'), name + ': no BOM'
    assert b'\r\n' in raw, name + ': lines do not end CRLF'
    return list(csv.reader(open(name, encoding='utf-8-sig', newline=''), delimiter=sep))
def cents(text):
    return round(float(text.replace(',', '.')) * 100)
report, orders, lines = rows(sys.argv[2]), rows(sys.argv[3]), rows(sys.argv[4])
out = {}
for r in report[1:]:
    if r[0] == 'totals' and r[1] == 'orders':
        out['orders'] = int(r[2]); out['revenue'] = cents(r[4]); out['items'] = int(r[3])
    if r[0] == 'totals' and r[1] == 'cancelled':
        out['cancelled'] = int(r[2]); out['cancelled_value'] = cents(r[4])
    if r[0] == 'dish':
        out.setdefault('dishes', {})[r[1]] = [int(r[3]), cents(r[4])]
cancelled = {o[0] for o in orders[1:] if o[4] == 'cancelled'}
out['orders_csv_revenue'] = sum(cents(o[6]) for o in orders[1:] if o[0] not in cancelled)
out['orders_csv_rows'] = len(orders) - 1
out['lines_csv_revenue'] = sum(cents(l[5]) for l in lines[1:] if l[0] not in cancelled)
out['lines_csv_items'] = sum(int(l[4]) for l in lines[1:] if l[0] not in cancelled)
out['widths'] = sorted({len(r) for r in report + orders + lines})
print(json.dumps(out))
)PY";
        QCOMPARE(run(QStringLiteral("python3"), { QStringLiteral("-c"), QString::fromLatin1(reader), separator, csv, orders, lines }, {}, &out), 0);
        const QJsonObject read = QJsonDocument::fromJson(out).object();
        QCOMPARE(read.value(QStringLiteral("orders")).toInt(), e.orders);
        QCOMPARE(read.value(QStringLiteral("cancelled")).toInt(), e.cancelled);
        QCOMPARE(read.value(QStringLiteral("items")).toInt(), e.items);
        QCOMPARE(read.value(QStringLiteral("revenue")).toInteger(), e.revenue);
        QCOMPARE(read.value(QStringLiteral("cancelled_value")).toInteger(), e.cancelledValue);
        QCOMPARE(read.value(QStringLiteral("orders_csv_rows")).toInt(), e.orders + e.cancelled);
        QCOMPARE(read.value(QStringLiteral("orders_csv_revenue")).toInteger(), e.revenue);
        QCOMPARE(read.value(QStringLiteral("lines_csv_revenue")).toInteger(), e.revenue);
        QCOMPARE(read.value(QStringLiteral("lines_csv_items")).toInt(), e.items);
        const QJsonObject dishes = read.value(QStringLiteral("dishes")).toObject();
        for (auto it = e.dishes.cbegin(); it != e.dishes.cend(); ++it) {
            const QJsonArray d = dishes.value(QString::fromUtf8(kMenu.value(it.key()).title)).toArray();
            QCOMPARE(d.at(0).toInt(), it.value().first);
            QCOMPARE(d.at(1).toInteger(), it.value().second);
        }
        // Every file is a rectangle per table (6 report columns, 7 order columns, 6 line columns).
        QCOMPARE(read.value(QStringLiteral("widths")).toArray(), (QJsonArray { 6, 7 }));

        // The PDF's text: the restaurant, the period, page numbers and the totals as the locale writes them.
        QCOMPARE(run(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), pdf, QStringLiteral("-") }, {}, &out), 0);
        const QString text = QString::fromUtf8(out);
        const QString decimal = separator == u";" ? QStringLiteral(",") : QStringLiteral(".");
        auto localMoney = [&decimal](qint64 cents) { return money(cents).replace(QStringLiteral("."), decimal); };
        QVERIFY2(text.contains(QStringLiteral("Little Lemon")), qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral("Europe/Lisbon")));
        QVERIFY2(text.contains(localMoney(e.revenue)), qPrintable(localMoney(e.revenue) + QStringLiteral(" not in ") + text.left(800)));
        QVERIFY(text.contains(localMoney(e.cancelledValue)));
        QVERIFY(text.contains(localMoney(e.orders ? (2 * e.revenue + e.orders) / (2 * e.orders) : 0)));
        for (auto it = e.dishes.cbegin(); it != e.dishes.cend(); ++it)
            QVERIFY(text.contains(localMoney(it.value().second)));
        QVERIFY2(text.count(QStringLiteral("Little Lemon")) >= 2, "the restaurant's name on every page");
    }
};

QTEST_GUILESS_MAIN(TstServerReportFigures)
#include "tst_server_reportfigures.moc"
