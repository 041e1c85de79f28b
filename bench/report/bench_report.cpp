// bench_report: the end-of-day report over 100,000 orders across 30 days.
//
// Writes the orders straight into a fresh server database (lines, a stage
// history of four or five moves each, crew, counter and online, cancelled
// ones), starts littlelemon-server on it and measures GET /api/reports for
// the 30 days as the client sees it (target <= 200 ms), the same in process
// split into reading (ReportStorage::input) and computing (computeReport),
// and the desk's Reports page repainting with that report (target <= 100 ms).
// Prints the medians, the figures of the report and the targets.
//
//   bench_report [--orders N] [--days N] [--runs N] [--server PATH]

#include "bench/support/serverprocess.h"
#include "api/server/database.h"
#include "api/server/passwordhasher.h"
#include "api/server/reportreader.h"
#include "api/server/reportstorage.h"
#include "api/server/serverstorage.h"
#include "api/server/backend.h"
#include "models/reportjson.h"
#include "ui/reportview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

using namespace LittleLemon;
using namespace LittleLemon::Server;

namespace {

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "bench_report: %s\n", qPrintable(why));
    std::exit(1);
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// `orders` orders over the `days` days before today, in one transaction.
void seed(const QString &dataDir, int orders, int days)
{
    QDir().mkpath(dataDir);
    Database db;
    QString error;
    if (!db.open(Backend::databasePath(dataDir), ServerStorage::migrations(), &error))
        die(error);
    ServerStorage storage(db);
    Database::Transaction tx(db);
    const QString hash = PasswordHasher::hash(QStringLiteral("bench-manager-password"), 1000);
    storage.createUser(QStringLiteral("benchmanager"), QString(), hash, Role::Manager);
    QList<qint64> customers, crew;
    for (int i = 1; i <= 20; ++i)
        customers << storage.createUser(QStringLiteral("customer-%1").arg(i), QString(), hash, Role::Customer);
    for (int i = 1; i <= 6; ++i)
        crew << storage.createUser(QStringLiteral("crew-%1").arg(i), QString(), hash, Role::DeliveryCrew);
    QList<MenuItem> menu;
    QRandomGenerator rng(18);
    for (int c = 1; c <= 6; ++c) {
        const qint64 category = storage.createCategory(QStringLiteral("cat-%1").arg(c), QStringLiteral("Category %1").arg(c)).id;
        for (int i = 1; i <= 10; ++i) {
            MenuItem m;
            m.title = QStringLiteral("Dish %1.%2").arg(c).arg(i);
            m.price = Money(300 + rng.bounded(2500));
            m.category = category;
            menu << storage.createMenuItem(m);
        }
    }
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QDate first = QDate::currentDate().addDays(-days);
    Statement insertOrder = db.statement(QStringLiteral(
        "INSERT INTO orders (user_id, delivery_crew_id, status, total_cents, date, created_at, stage, note, source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)"));
    for (int n = 0; n < orders; ++n) {
        const QDate day = first.addDays(qint64(n) * days / orders);
        const qint64 created = QDateTime(day, QTime(11 + rng.bounded(12), rng.bounded(60), rng.bounded(60)), zone).toMSecsSinceEpoch();
        const bool counter = rng.bounded(3) == 0;
        const int fate = rng.bounded(20);
        const bool cancelled = fate == 0;
        const bool withCrew = !counter && !cancelled;
        QList<OrderItem> lines;
        Money total;
        const int count = 1 + rng.bounded(4);
        for (int l = 0; l < count; ++l) {
            const MenuItem &m = menu.at(rng.bounded(int(menu.size())));
            OrderItem line { m.id, m.title, 1 + int(rng.bounded(3)), m.price, Money() };
            line.price = m.price * line.quantity;
            total += line.price;
            lines << line;
        }
        QStringList path { QStringLiteral("received"), QStringLiteral("preparing"), QStringLiteral("ready") };
        if (withCrew)
            path << QStringLiteral("out_for_delivery");
        path << (cancelled ? QStringLiteral("cancelled") : QStringLiteral("delivered"));
        Statement &o = insertOrder;
        o.bind(0, customers.at(rng.bounded(int(customers.size()))))
            .bind(1, withCrew ? QVariant(crew.at(rng.bounded(int(crew.size())))) : QVariant(QMetaType::fromType<qint64>()))
            .bind(2, cancelled ? 0 : 1)
            .bind(3, total.cents())
            .bind(4, day.toString(Qt::ISODate))
            .bind(5, iso(created))
            .bind(6, path.last())
            .bind(7, counter ? QStringLiteral("counter") : QStringLiteral("online"))
            .exec();
        const qint64 id = o.lastInsertId();
        for (const OrderItem &line : std::as_const(lines)) {
            db.statement(QStringLiteral("INSERT INTO order_items (order_id, menuitem_id, title, quantity, unit_price_cents,"
                                        " price_cents) VALUES (?, ?, ?, ?, ?, ?)"))
                .bind(0, id).bind(1, line.menuitem).bind(2, line.menuitemTitle).bind(3, line.quantity)
                .bind(4, line.unitPrice.cents()).bind(5, line.price.cents()).exec();
        }
        qint64 at = created;
        QList<ReportMark> marks;
        for (const QString &stage : std::as_const(path)) {
            db.statement(QStringLiteral("INSERT INTO order_history (order_id, stage, by_user, at) VALUES (?, ?, 1, ?)"))
                .bind(0, id).bind(1, stage).bind(2, iso(at)).exec();
            marks.append(ReportMark { *orderStageFromWire(stage), at });
            at += 1000 * (60 + rng.bounded(900));
        }
        // What ServerStorage keeps on the row with every move.
        ReportStorage::writeTimings(db, id, orderTimings(marks));
    }
    tx.commit();
}

QNetworkReply *send(QNetworkAccessManager &nam, const QNetworkRequest &request, const QByteArray &method,
                    const QByteArray &body = QByteArray())
{
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    return reply;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({
        { QStringLiteral("orders"), QStringLiteral("Orders to seed (default 100000)."), QStringLiteral("N"), QStringLiteral("100000") },
        { QStringLiteral("days"), QStringLiteral("Days they cover (default 30)."), QStringLiteral("N"), QStringLiteral("30") },
        { QStringLiteral("runs"), QStringLiteral("Measurements of each (default 15)."), QStringLiteral("N"), QStringLiteral("15") },
        { QStringLiteral("server"), QStringLiteral("littlelemon-server to run."), QStringLiteral("PATH"), QStringLiteral(LL_SERVER_BINARY) },
        { QStringLiteral("data-dir"), QStringLiteral("Seed into DIR (kept) instead of a temporary folder; reused when it holds a database."),
          QStringLiteral("DIR") },
    });
    parser.addHelpOption();
    parser.process(app);
    const int orders = std::max(1, parser.value(QStringLiteral("orders")).toInt());
    const int days = std::max(1, parser.value(QStringLiteral("days")).toInt());
    const int runs = std::max(3, parser.value(QStringLiteral("runs")).toInt());
    const QDate from = QDate::currentDate().addDays(-days);
    const QDate to = QDate::currentDate().addDays(-1);

    QTemporaryDir work;
    const QString data = parser.isSet(QStringLiteral("data-dir")) ? parser.value(QStringLiteral("data-dir")) : work.filePath(QStringLiteral("data"));
    QElapsedTimer t;
    t.start();
    if (!QFile::exists(Backend::databasePath(data)))
        seed(data, orders, days);
    std::printf("== seeded %d orders over %d days (%s .. %s) in %.1f s\n", orders, days, qPrintable(from.toString(Qt::ISODate)),
                qPrintable(to.toString(Qt::ISODate)), double(t.elapsed()) / 1000);

    // In process: reading and computing, apart.
    QList<double> readMs, computeMs;
    Report report;
    {
        ReportReader reader(Backend::databasePath(data));
        for (int i = 0; i < runs; ++i) {
            t.restart();
            const ReportInput input = reader.read(from, to, QTimeZone::systemTimeZone());
            readMs << double(t.nsecsElapsed()) / 1e6;
            t.restart();
            report = computeReport(input);
            computeMs << double(t.nsecsElapsed()) / 1e6;
        }
    }

    // Over HTTP, as a terminal asks.
    QProcess process;
    process.setStandardErrorFile(work.filePath(QStringLiteral("server.log")));
    process.start(parser.value(QStringLiteral("server")),
                  { QStringLiteral("--data-dir"), data, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                    QStringLiteral("--throttle-user"), QStringLiteral("1000000") });
    const QString base = LittleLemon::Bench::listeningUrl(process);
    if (base.isEmpty())
        die(QStringLiteral("the server did not say where it listens"));
    QNetworkAccessManager nam;
    QNetworkRequest login(QUrl(base + QStringLiteral("/auth/jwt/create/")));
    login.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *r = send(nam, login, "POST", R"({"username":"benchmanager","password":"bench-manager-password"})");
    const QByteArray token = QJsonDocument::fromJson(r->readAll()).object().value(QStringLiteral("access")).toString().toUtf8();
    r->deleteLater();
    if (token.isEmpty())
        die(QStringLiteral("cannot sign in"));
    QNetworkRequest get(QUrl(base + QStringLiteral("/api/reports?from=%1&to=%2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))));
    get.setRawHeader("Authorization", "Bearer " + token);
    QList<double> httpMs;
    QByteArray body;
    for (int i = 0; i < runs; ++i) {
        t.restart();
        r = send(nam, get, "GET");
        httpMs << double(t.nsecsElapsed()) / 1e6;
        body = r->readAll();
        if (r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            die(QString::fromUtf8(body));
        r->deleteLater();
    }
    process.terminate();
    process.waitForFinished(10000);
    // The server's own time for each report (its request log line).
    QList<double> serverMs;
    {
        QFile log(work.filePath(QStringLiteral("server.log")));
        log.open(QIODevice::ReadOnly);
        static const QRegularExpression line(QStringLiteral("GET /api/reports 200 (\\d+)us"));
        auto it = line.globalMatch(QString::fromUtf8(log.readAll()));
        while (it.hasNext())
            serverMs << it.next().captured(1).toDouble() / 1000.0;
    }
    const auto fromServer = reportFromJson(QJsonDocument::fromJson(body).object());
    if (!fromServer || reportToJson(*fromServer) != reportToJson(report))
        die(QStringLiteral("the server's report differs from the one computed in process"));

    // The desk's page with this report: a full repaint, offscreen or not.
    Ui::ReportView view;
    view.resize(1280, 900);
    view.setReport(report);
    view.show();
    QList<double> paintMs;
    for (int i = 0; i < runs; ++i) {
        t.restart();
        view.setReport(report);
        view.repaint();
        paintMs << double(t.nsecsElapsed()) / 1e6;
    }

    std::printf("report %s .. %s: %d orders, %d cancelled, revenue %s, average ticket %s, %lld dishes, %lld bytes of JSON\n",
                qPrintable(report.from.toString(Qt::ISODate)), qPrintable(report.to.toString(Qt::ISODate)), report.totals.orders,
                report.totals.cancelled, qPrintable(report.totals.revenue.toString()), qPrintable(report.totals.averageTicket.toString()),
                qint64(report.byDish.size()), qint64(body.size()));
    std::printf("GET /api/reports (30 days, over HTTP)   median %7.1f ms   target <= 200 ms  %s\n", median(httpMs),
                median(httpMs) <= 200 ? "ok" : "MISSED");
    std::printf("  the server's own time (its log)       median %7.1f ms\n", median(serverMs));
    std::printf("  in process: read                      median %7.1f ms\n", median(readMs));
    std::printf("  in process: compute                   median %7.1f ms\n", median(computeMs));
    std::printf("Reports page: set the report + repaint  median %7.1f ms   target <= 100 ms  %s\n", median(paintMs),
                median(paintMs) <= 100 ? "ok" : "MISSED");
    return 0;
}
