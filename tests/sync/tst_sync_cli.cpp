// littlelemon-cli as a script uses it: exit codes, --json, offline edits,
// and a sync killed with SIGKILL halfway that loses and doubles nothing.
// Runs in a private D-Bus session with an unlocked keyring (with-keyring.sh),
// so sign-ins are kept between commands as on a desktop.

#include "synctest.h"

#include "models/order.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>

using namespace LittleLemon;
using namespace LittleLemon::Test;

namespace {

struct CliRun
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QString describe() const
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
            .arg(code)
            .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
};

// The table a person reads (not --json): each row's cells by the headers'
// columns (every cell is padded to its column's width).
QList<QHash<QString, QString>> tableRows(const QByteArray &out)
{
    const QStringList lines = QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
    QList<QHash<QString, QString>> rows;
    if (lines.isEmpty())
        return rows;
    const QString header = lines.first();
    QList<std::pair<QString, qsizetype>> columns; // name, first character
    static const QRegularExpression word(QStringLiteral("\\S+( \\S+)*"));
    for (auto it = word.globalMatch(header); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        columns.append({ m.captured(), m.capturedStart() });
    }
    for (qsizetype l = 1; l < lines.size(); ++l) {
        QHash<QString, QString> row;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const qsizetype from = columns.at(c).second;
            const qsizetype to = c + 1 < columns.size() ? columns.at(c + 1).second : lines.at(l).size();
            row.insert(columns.at(c).first, lines.at(l).mid(from, to - from).trimmed());
        }
        rows << row;
    }
    return rows;
}

} // namespace

class tst_SyncCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void exitCodesAndJson();
    void offlineEditsWaitInTheOutbox();
    void conflictResolvedFromTheCommandLine();
    void killedMidSyncLosesNothing();
    void withoutKeychainTheNextCommandAsksAgain();
    void namesNegativePricesAndListsWithoutKeychain();
    void theServersRulesAreAskedBeforeQueueing();

private:
    // Runs littlelemon-cli with its own config and data folders (per test).
    CliRun cli(const QStringList &args, const QByteArray &input = QByteArray(), bool keychain = true);
    QProcess *startCli(const QStringList &args, bool keychain = true);
    QProcessEnvironment environment(bool keychain) const;
    bool login(const TestServer &server, const QString &user, bool keychain = true);

    std::unique_ptr<QTemporaryDir> m_home;
};

QProcessEnvironment tst_SyncCli::environment(bool keychain) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
    if (!keychain) {
        // No session bus: QtKeychain finds no Secret Service.
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home->filePath(QStringLiteral("no-runtime")));
    }
    return env;
}

QProcess *tst_SyncCli::startCli(const QStringList &args, bool keychain)
{
    auto *p = new QProcess(this);
    p->setProcessEnvironment(environment(keychain));
    p->start(QStringLiteral(LL_CLI_BINARY), args);
    return p;
}

CliRun tst_SyncCli::cli(const QStringList &args, const QByteArray &input, bool keychain)
{
    std::unique_ptr<QProcess> p(startCli(args, keychain));
    CliRun run;
    if (!p->waitForStarted(10000))
        return run;
    if (!input.isEmpty())
        p->write(input);
    p->closeWriteChannel();
    if (!p->waitForFinished(120000)) {
        p->kill();
        p->waitForFinished();
        return run;
    }
    run.out = p->readAllStandardOutput();
    run.err = p->readAllStandardError();
    run.code = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
    return run;
}

bool tst_SyncCli::login(const TestServer &server, const QString &user, bool keychain)
{
    const CliRun run = cli({ QStringLiteral("login"), QStringLiteral("--server"), server.url().toString(),
                             QStringLiteral("--user"), user, QStringLiteral("--password-stdin") },
                           kPassword.toUtf8() + '\n', keychain);
    if (run.code != 0)
        qWarning("login failed: %s", qPrintable(run.describe()));
    return run.code == 0;
}

void tst_SyncCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void tst_SyncCli::exitCodesAndJson()
{
    TestServer server;
    QVERIFY(startServer(server));
    // Nothing works before login, and says so.
    CliRun run = cli({ QStringLiteral("menu"), QStringLiteral("list") });
    QCOMPARE(run.code, 3);
    QVERIFY(run.err.contains("login"));
    run = cli({ QStringLiteral("login"), QStringLiteral("--server"), server.url().toString(), QStringLiteral("--user"),
                QStringLiteral("mario"), QStringLiteral("--password-stdin") },
              "wrong password\n");
    QCOMPARE(run.code, 3);
    QVERIFY(login(server, QStringLiteral("mario")));

    run = cli({ QStringLiteral("--json"), QStringLiteral("menu"), QStringLiteral("list") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(run.json().value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
    const QJsonArray items = run.json().value(QStringLiteral("data")).toArray();
    QCOMPARE(items.size(), 12);
    const qint64 item = items.first().toObject().value(QStringLiteral("id")).toInteger();

    run = cli({ QStringLiteral("--json"), QStringLiteral("menu"), QStringLiteral("set-price"), QString::number(item),
                QStringLiteral("8.75") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(run.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("done"));
    auto direct = http(server);
    QCOMPARE(direct->get(QStringLiteral("/api/menu-items/%1").arg(item)).object().value(QStringLiteral("price")).toString(),
             QStringLiteral("8.75"));

    // Usage, not found, refused.
    QCOMPARE(cli({ QStringLiteral("menu"), QStringLiteral("set-price"), QString::number(item), QStringLiteral("abc") }).code, 2);
    QCOMPARE(cli({ QStringLiteral("menu"), QStringLiteral("fly") }).code, 2);
    QCOMPARE(cli({ QStringLiteral("menu"), QStringLiteral("set-price"), QStringLiteral("99999"), QStringLiteral("1.00") }).code, 7);
    QCOMPARE(cli({ QStringLiteral("orders"), QStringLiteral("set-stage"), QStringLiteral("1"), QStringLiteral("flying") }).code, 2);

    run = cli({ QStringLiteral("--json"), QStringLiteral("orders"), QStringLiteral("list"), QStringLiteral("--open") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    qint64 order = 0;
    for (const QJsonValue &v : run.json().value(QStringLiteral("data")).toArray()) {
        const QJsonObject o = v.toObject();
        QVERIFY(o.value(QStringLiteral("stage")).toString() != QStringLiteral("delivered"));
        if (o.value(QStringLiteral("delivery_crew")).isNull())
            order = o.value(QStringLiteral("id")).toInteger();
    }
    QVERIFY(order > 0);
    // mario is no delivery crew: the server refuses, in its words, and the copy rolls back.
    run = cli({ QStringLiteral("orders"), QStringLiteral("assign"), QString::number(order), QStringLiteral("mario") });
    QCOMPARE(run.code, 5);
    QVERIFY2(run.err.contains("is not part of the 'delivery-crew' group"), qPrintable(run.describe()));
    run = cli({ QStringLiteral("--json"), QStringLiteral("--offline"), QStringLiteral("orders"), QStringLiteral("list") });
    for (const QJsonValue &v : run.json().value(QStringLiteral("data")).toArray()) {
        if (v.toObject().value(QStringLiteral("id")).toInteger() == order)
            QVERIFY(v.toObject().value(QStringLiteral("delivery_crew")).isNull());
    }
    run = cli({ QStringLiteral("--json"), QStringLiteral("outbox"), QStringLiteral("list") });
    QCOMPARE(run.code, 0);
    const QJsonArray entries = run.json().value(QStringLiteral("data")).toArray();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    // sync reports the refused entry still there.
    QCOMPARE(cli({ QStringLiteral("sync") }).code, 5);
    const qint64 seq = entries.first().toObject().value(QStringLiteral("seq")).toInteger();
    QCOMPARE(cli({ QStringLiteral("outbox"), QStringLiteral("discard"), QString::number(seq) }).code, 0);
    QCOMPARE(cli({ QStringLiteral("sync") }).code, 0);

    run = cli({ QStringLiteral("--json"), QStringLiteral("bookings"), QStringLiteral("list"), QStringLiteral("--date"),
                QStringLiteral("2026-12-24") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY(run.json().value(QStringLiteral("data")).isArray());
    QCOMPARE(cli({ QStringLiteral("bookings"), QStringLiteral("list"), QStringLiteral("--date"), QStringLiteral("24/12") }).code, 2);
    // Sold-out items need the server's "availability" extension.
    run = cli({ QStringLiteral("menu"), QStringLiteral("set-available"), QString::number(item), QStringLiteral("no") });
    if (serverFeatures(server).contains(QStringLiteral("availability")))
        QVERIFY2(run.code == 0, qPrintable(run.describe()));
    else
        QVERIFY2(run.code == 5, qPrintable(run.describe()));

    run = cli({ QStringLiteral("--json"), QStringLiteral("status") });
    QCOMPARE(run.code, 0);
    QCOMPARE(run.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("online")).toBool(), true);
    QCOMPARE(run.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("pending")).toInt(), 0);

    QCOMPARE(cli({ QStringLiteral("logout") }).code, 0);
    QCOMPARE(cli({ QStringLiteral("sync") }).code, 3);
}

void tst_SyncCli::offlineEditsWaitInTheOutbox()
{
    TestServer server;
    QVERIFY(startServer(server));
    QVERIFY(login(server, QStringLiteral("mario")));
    CliRun run = cli({ QStringLiteral("--json"), QStringLiteral("menu"), QStringLiteral("list") });
    const QJsonArray items = run.json().value(QStringLiteral("data")).toArray();
    const qint64 a = items.at(0).toObject().value(QStringLiteral("id")).toInteger();
    const qint64 b = items.at(1).toObject().value(QStringLiteral("id")).toInteger();

    QVERIFY(server.stop());
    run = cli({ QStringLiteral("--json"), QStringLiteral("menu"), QStringLiteral("set-price"), QString::number(a),
                QStringLiteral("1.10") });
    QVERIFY2(run.code == 4, qPrintable(run.describe()));
    QCOMPARE(run.json().value(QStringLiteral("result")).toString(), QStringLiteral("offline"));
    QCOMPARE(cli({ QStringLiteral("menu"), QStringLiteral("set-price"), QString::number(a), QStringLiteral("2.20") }).code, 4);
    QCOMPARE(cli({ QStringLiteral("menu"), QStringLiteral("set-price"), QString::number(b), QStringLiteral("3.30") }).code, 4);
    // Lists still answer, from the local copy, with the edits shown.
    run = cli({ QStringLiteral("--json"), QStringLiteral("menu"), QStringLiteral("list") });
    QCOMPARE(run.code, 4);
    for (const QJsonValue &v : run.json().value(QStringLiteral("data")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("id")).toInteger() == a) {
            QCOMPARE(o.value(QStringLiteral("price")).toString(), QStringLiteral("2.20"));
            QCOMPARE(o.value(QStringLiteral("sync")).toString(), QStringLiteral("pending"));
        }
    }
    run = cli({ QStringLiteral("--json"), QStringLiteral("status") });
    QCOMPARE(run.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("online")).toBool(), false);
    QCOMPARE(run.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("pending")).toInt(), 3);
    QCOMPARE(cli({ QStringLiteral("sync") }).code, 4);

    QVERIFY(server.restart());
    run = cli({ QStringLiteral("--json"), QStringLiteral("sync") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(run.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("sent")).toInt(), 3);
    auto direct = http(server);
    QCOMPARE(direct->get(QStringLiteral("/api/menu-items/%1").arg(a)).object().value(QStringLiteral("price")).toString(),
             QStringLiteral("2.20"));
    QCOMPARE(direct->get(QStringLiteral("/api/menu-items/%1").arg(b)).object().value(QStringLiteral("price")).toString(),
             QStringLiteral("3.30"));
}

void tst_SyncCli::conflictResolvedFromTheCommandLine()
{
    TestServer server;
    QVERIFY(startServer(server));
    QVERIFY(login(server, QStringLiteral("mario")));
    CliRun run = cli({ QStringLiteral("--json"), QStringLiteral("menu"), QStringLiteral("list") });
    const qint64 item = run.json().value(QStringLiteral("data")).toArray().first().toObject().value(QStringLiteral("id")).toInteger();
    QCOMPARE(cli({ QStringLiteral("--offline"), QStringLiteral("menu"), QStringLiteral("set-price"), QString::number(item),
                   QStringLiteral("6.66") })
                 .code,
             4);
    // Another terminal gets there first.
    auto direct = http(server);
    QCOMPARE(direct->patch(QStringLiteral("/api/menu-items/%1").arg(item), QJsonObject { { QStringLiteral("price"), QStringLiteral("7.77") } })
                 .status,
             200);
    run = cli({ QStringLiteral("--json"), QStringLiteral("sync") });
    QVERIFY2(run.code == 6, qPrintable(run.describe()));
    run = cli({ QStringLiteral("--json"), QStringLiteral("outbox"), QStringLiteral("list") });
    const QJsonObject entry = run.json().value(QStringLiteral("data")).toArray().first().toObject();
    QCOMPARE(entry.value(QStringLiteral("state")).toString(), QStringLiteral("conflict"));
    QCOMPARE(entry.value(QStringLiteral("server_value")).toObject().value(QStringLiteral("price")).toString(),
             QStringLiteral("7.77"));
    run = cli({ QStringLiteral("outbox"), QStringLiteral("resolve"),
                QString::number(entry.value(QStringLiteral("seq")).toInteger()), QStringLiteral("mine") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(direct->get(QStringLiteral("/api/menu-items/%1").arg(item)).object().value(QStringLiteral("price")).toString(),
             QStringLiteral("6.66"));
}

void tst_SyncCli::killedMidSyncLosesNothing()
{
    constexpr int kEdits = 300;
    TestServer server;
    QVERIFY(startServer(server));
    const QString dataDir = m_home->filePath(QStringLiteral("store"));
    const QStringList where { QStringLiteral("--data-dir"), dataDir };
    {
        const CliRun run = cli(QStringList { QStringLiteral("login"), QStringLiteral("--server"), server.url().toString(),
                                             QStringLiteral("--user"), QStringLiteral("admin"),
                                             QStringLiteral("--password-stdin") }
                                   + where,
                               kPassword.toUtf8() + '\n');
        QVERIFY2(run.code == 0, qPrintable(run.describe()));
    }
    // Queue the work while no command runs, through the same files.
    const QStringList caches = QDir(dataDir).entryList({ QStringLiteral("*.cache.sqlite") });
    const QStringList outboxes = QDir(dataDir).entryList({ QStringLiteral("*.outbox.sqlite") });
    QCOMPARE(caches.size(), 1);
    QCOMPARE(outboxes.size(), 1);
    {
        LocalStore store;
        QVERIFY(store.open({ dataDir + u'/' + caches.first(), dataDir + u'/' + outboxes.first() }));
        const qint64 category = store.cache()->categories().first().record.id;
        for (int i = 1; i <= kEdits; ++i) {
            MenuItem m;
            m.title = QStringLiteral("Killed %1").arg(i, 3, 10, QLatin1Char('0'));
            m.price = Money(100 + i);
            m.category = category;
            QVERIFY(store.outbox()->createMenuItem(m));
        }
        QCOMPARE(store.outbox()->pendingCount(), kEdits);
        store.close();
    }

    // 50 requests a second: long enough to be killed halfway.
    QProcess *victim = startCli(QStringList { QStringLiteral("sync"), QStringLiteral("--rate"), QStringLiteral("3000") } + where);
    QVERIFY(victim->waitForStarted(10000));
    // How many have arrived, asked the server itself (one small request: the count of a search).
    auto direct = http(server);
    auto posts = [&direct] {
        return int(direct->get(QStringLiteral("/api/menu-items?search=Killed")).object().value(QStringLiteral("count")).toInteger());
    };
    QTRY_VERIFY_WITH_TIMEOUT(posts() >= 40, 60000);
    victim->kill(); // SIGKILL: no clean-up of any kind
    QVERIFY(victim->waitForFinished(10000));
    QCOMPARE(victim->exitStatus(), QProcess::CrashExit);
    const int before = posts();
    QVERIFY2(before < kEdits, "the sync finished before it could be killed");

    // Nothing lost: the outbox still holds what the server has not confirmed.
    CliRun run = cli(QStringList { QStringLiteral("--json"), QStringLiteral("outbox"), QStringLiteral("list") } + where);
    QCOMPARE(run.code, 0);
    const int left = int(run.json().value(QStringLiteral("data")).toArray().size());
    // (The server's log may trail its answers by a line or two: no exact count here.)
    QVERIFY2(left > 0 && left < kEdits, qPrintable(QStringLiteral("%1 left after %2 posts").arg(left).arg(before)));

    run = cli(QStringList { QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("--rate"), QStringLiteral("1000000") } + where);
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    run = cli(QStringList { QStringLiteral("--json"), QStringLiteral("outbox"), QStringLiteral("list") } + where);
    QCOMPARE(run.json().value(QStringLiteral("data")).toArray().size(), 0);

    // Nothing doubled: every dish once on the server.
    QMap<QString, int> seen;
    for (const QJsonObject &o : readAll(*direct, QStringLiteral("/api/menu-items"))) {
        const QString title = o.value(QStringLiteral("title")).toString();
        if (title.startsWith(QStringLiteral("Killed ")))
            ++seen[title];
    }
    QCOMPARE(seen.size(), kEdits);
    for (auto it = seen.constBegin(); it != seen.constEnd(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key() + QStringLiteral(" is on the server %1 times").arg(it.value())));
    QCOMPARE(posts(), kEdits);
}

void tst_SyncCli::withoutKeychainTheNextCommandAsksAgain()
{
    TestServer server;
    QVERIFY(startServer(server));
    const CliRun first = cli({ QStringLiteral("login"), QStringLiteral("--server"), server.url().toString(),
                               QStringLiteral("--user"), QStringLiteral("mario"), QStringLiteral("--password-stdin") },
                             kPassword.toUtf8() + '\n', false);
    QVERIFY2(first.code == 0, qPrintable(first.describe()));
    QVERIFY2(first.err.contains("keychain"), qPrintable(first.describe()));
    // No token was written anywhere: the next command must sign in again, and says how.
    const CliRun next = cli({ QStringLiteral("sync") }, QByteArray(), false);
    QCOMPARE(next.code, 3);
    QVERIFY2(next.err.contains("keychain") && next.err.contains("--password-stdin"), qPrintable(next.describe()));
    const CliRun withPassword = cli({ QStringLiteral("sync"), QStringLiteral("--password-stdin") },
                                    kPassword.toUtf8() + '\n', false);
    QVERIFY2(withPassword.code == 0, qPrintable(withPassword.describe()));
    // And no file under the config or data folders holds a token.
    QDirIterator it(m_home->path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("eyJ"), qPrintable(f.fileName() + QStringLiteral(" holds a JWT")));
    }
}

// Issue 14: `menu set-price 14 -5` says what is wrong with the price, lists
// show names instead of ids, and a list read without a keychain is a list
// (exit 0), with the reason on stderr.
void tst_SyncCli::namesNegativePricesAndListsWithoutKeychain()
{
    TestServer server;
    QVERIFY(startServer(server));
    QVERIFY(login(server, QStringLiteral("mario")));
    CliRun run = cli({ QStringLiteral("--json"), QStringLiteral("menu"), QStringLiteral("list") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QJsonObject first = run.json().value(QStringLiteral("data")).toArray().first().toObject();
    const qint64 item = first.value(QStringLiteral("id")).toInteger();
    const QString category = first.value(QStringLiteral("category_title")).toString();
    QVERIFY2(!category.isEmpty(), qPrintable(run.describe()));
    run = cli({ QStringLiteral("menu"), QStringLiteral("set-price"), QString::number(item), QStringLiteral("-5") });
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains("negative") && !run.err.contains("Unknown option"), qPrintable(run.describe()));
    // Options after the negative number still count.
    run = cli({ QStringLiteral("menu"), QStringLiteral("set-price"), QString::number(item), QStringLiteral("-5"),
                QStringLiteral("--json") });
    QCOMPARE(run.code, 2);
    QCOMPARE(run.json().value(QStringLiteral("result")).toString(), QStringLiteral("usage"));
    // The table a person reads names the category.
    run = cli({ QStringLiteral("menu"), QStringLiteral("list") });
    QVERIFY2(run.code == 0 && run.out.contains(category.toUtf8()), qPrintable(run.describe()));
    run = cli({ QStringLiteral("--json"), QStringLiteral("orders"), QStringLiteral("list") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    for (const QJsonValue &v : run.json().value(QStringLiteral("data")).toArray()) {
        const QJsonObject o = v.toObject();
        if (!o.value(QStringLiteral("delivery_crew")).isNull())
            QVERIFY2(!o.value(QStringLiteral("delivery_crew_name")).toString().isEmpty(), qPrintable(run.describe()));
    }
    // The tables a person reads name what --json gives as ids: each menu
    // item's category by its title, an order's crew and a staff member's
    // order by their user names (issue 14: "the CLI shows categories, users
    // and crew as ids").
    {
        run = cli({ QStringLiteral("--json"), QStringLiteral("menu"), QStringLiteral("list") });
        QHash<QString, QString> categoryOf; // title -> category title
        for (const QJsonValue &v : run.json().value(QStringLiteral("data")).toArray())
            categoryOf.insert(v.toObject().value(QStringLiteral("title")).toString(),
                              v.toObject().value(QStringLiteral("category_title")).toString());
        run = cli({ QStringLiteral("menu"), QStringLiteral("list") });
        QVERIFY2(run.code == 0, qPrintable(run.describe()));
        const auto rows = tableRows(run.out);
        QCOMPARE(rows.size(), categoryOf.size());
        for (const auto &row : rows) {
            QVERIFY2(!categoryOf.value(row.value(QStringLiteral("TITLE"))).isEmpty(), qPrintable(run.describe()));
            QCOMPARE(row.value(QStringLiteral("CATEGORY")), categoryOf.value(row.value(QStringLiteral("TITLE"))));
        }
    }
    {
        // An order the crew delivers, and one the manager took at the counter.
        run = cli({ QStringLiteral("--json"), QStringLiteral("orders"), QStringLiteral("list") });
        const QJsonArray orders = run.json().value(QStringLiteral("data")).toArray();
        QVERIFY(!orders.isEmpty());
        const qint64 delivered = orders.first().toObject().value(QStringLiteral("id")).toInteger();
        run = cli({ QStringLiteral("orders"), QStringLiteral("assign"), QString::number(delivered), QStringLiteral("crew") });
        QVERIFY2(run.code == 0, qPrintable(run.describe()));
        auto manager = http(server, QStringLiteral("mario"));
        const HttpReply counter = manager->post(
            QStringLiteral("/api/orders"),
            QJsonObject { { QStringLiteral("items"), QJsonArray { QJsonObject { { QStringLiteral("menuitem"), item },
                                                                               { QStringLiteral("quantity"), 1 } } } } });
        QVERIFY2(counter.status == 201, qPrintable(counter.describe()));
        run = cli({ QStringLiteral("sync") });
        QVERIFY2(run.code == 0, qPrintable(run.describe()));
        qint64 taken = 0; // the one order not listed before
        run = cli({ QStringLiteral("--json"), QStringLiteral("orders"), QStringLiteral("list") });
        for (const QJsonValue &v : run.json().value(QStringLiteral("data")).toArray()) {
            const qint64 id = v.toObject().value(QStringLiteral("id")).toInteger();
            bool known = false;
            for (const QJsonValue &before : orders)
                known = known || before.toObject().value(QStringLiteral("id")).toInteger() == id;
            if (!known)
                taken = id;
        }
        QVERIFY2(taken > 0, qPrintable(run.describe()));
        run = cli({ QStringLiteral("orders"), QStringLiteral("list") });
        QVERIFY2(run.code == 0, qPrintable(run.describe()));
        bool sawCrew = false;
        bool sawManager = false;
        for (const auto &row : tableRows(run.out)) {
            const qint64 id = row.value(QStringLiteral("ID")).toLongLong();
            if (id == delivered) {
                QCOMPARE(row.value(QStringLiteral("CREW")), QStringLiteral("crew"));
                sawCrew = true;
            } else if (id == taken) {
                QVERIFY2(row.value(QStringLiteral("USER")) == u"mario", qPrintable(row.values().join(u'|')));
                sawManager = true;
            }
            // Never a bare number where a person is named ("-" for nobody, "#7" for a customer).
            QVERIFY2(!QRegularExpression(QStringLiteral("^\\d+$")).match(row.value(QStringLiteral("CREW"))).hasMatch(),
                     qPrintable(run.describe()));
            QVERIFY2(!QRegularExpression(QStringLiteral("^\\d+$")).match(row.value(QStringLiteral("USER"))).hasMatch(),
                     qPrintable(run.describe()));
        }
        QVERIFY2(sawCrew, qPrintable(run.describe()));
        QVERIFY2(sawManager, qPrintable(QStringLiteral("order %1 not listed: ").arg(taken) + run.describe().right(600)));
        // The crew's own desk reads the crew's names too.
        QVERIFY(login(server, QStringLiteral("crew")));
        run = cli({ QStringLiteral("orders"), QStringLiteral("list") });
        QVERIFY2(run.code == 0, qPrintable(run.describe()));
        bool crewSeesName = false;
        for (const auto &row : tableRows(run.out))
            crewSeesName = crewSeesName
                || (row.value(QStringLiteral("ID")).toLongLong() == delivered && row.value(QStringLiteral("CREW")) == u"crew");
        QVERIFY2(crewSeesName, qPrintable(run.describe()));
        QVERIFY(login(server, QStringLiteral("mario")));
    }
    // Without a keychain: the list from the local copy, exit 0, the reason on stderr.
    QVERIFY(login(server, QStringLiteral("mario"), false));
    run = cli({ QStringLiteral("menu"), QStringLiteral("list") }, QByteArray(), false);
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains(category.toUtf8()), qPrintable(run.describe()));
    QVERIFY2(run.err.contains("keychain"), qPrintable(run.describe()));
}

QTEST_GUILESS_MAIN(tst_SyncCli)
// The domain core's rules (models/permissions.h, models/orderworkflow.h) are
// asked before an edit is queued: offline, a move the server would refuse is
// refused at once with the server's reason (exit 5) instead of waiting in the
// outbox to be refused later; an allowed one is queued (exit 4).
void tst_SyncCli::theServersRulesAreAskedBeforeQueueing()
{
    TestServer server;
    QVERIFY(startServer(server));
    QVERIFY(login(server, QStringLiteral("mario")));
    CliRun run = cli({ QStringLiteral("--json"), QStringLiteral("orders"), QStringLiteral("list") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    qint64 order = 0;
    OrderStage stage = OrderStage::Received;
    for (const QJsonValue &v : run.json().value(QStringLiteral("data")).toArray()) {
        const auto s = orderStageFromWire(v.toObject().value(QStringLiteral("stage")).toString());
        if (s && (*s == OrderStage::Received || *s == OrderStage::Preparing)) {
            order = v.toObject().value(QStringLiteral("id")).toInteger();
            stage = *s;
            break;
        }
    }
    QVERIFY2(order > 0, "the demo orders have none in received or preparing");
    const OrderStage next = *nextStage(stage);
    const OrderStage twoAhead = *nextStage(next);
    QVERIFY(server.stop());

    // Two stages at once: refused here, in the server's words, nothing queued.
    run = cli({ QStringLiteral("orders"), QStringLiteral("set-stage"), QString::number(order), toWire(twoAhead) });
    QVERIFY2(run.code == 5, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("one stage at a time"), qPrintable(run.describe()));
    // One stage: queued for when the server is back.
    run = cli({ QStringLiteral("orders"), QStringLiteral("set-stage"), QString::number(order), toWire(next) });
    QVERIFY2(run.code == 4, qPrintable(run.describe()));
    run = cli({ QStringLiteral("--json"), QStringLiteral("status") });
    QCOMPARE(run.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("pending")).toInt(), 1);

    // Delivery crew: no price changes, said before anything is queued.
    QVERIFY(server.restart());
    QVERIFY(login(server, QStringLiteral("crew")));
    run = cli({ QStringLiteral("--json"), QStringLiteral("menu"), QStringLiteral("list") });
    const qint64 item = run.json().value(QStringLiteral("data")).toArray().first().toObject().value(QStringLiteral("id")).toInteger();
    QVERIFY(item > 0);
    QVERIFY(server.stop());
    run = cli({ QStringLiteral("--json"), QStringLiteral("menu"), QStringLiteral("set-price"), QString::number(item),
                QStringLiteral("9.99") });
    QVERIFY2(run.code == 5, qPrintable(run.describe()));
    QVERIFY2(run.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("managers")),
             qPrintable(run.describe()));
    run = cli({ QStringLiteral("--json"), QStringLiteral("status") });
    QCOMPARE(run.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("pending")).toInt(), 0);
}

#include "tst_sync_cli.moc"
