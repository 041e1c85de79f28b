// Live terminals (issue 13): the sync engine's event socket against a real
// littlelemon-server on loopback (killed, restarted, cut mid-message by a
// proxy, tokens expiring while connected), two desks on one order, the
// standalone desk serving its network, and littlelemon-cli watch.

#include "api/client/eventsocket.h"
#include "cutproxy.h"
#include "standaloneserver.h"
#include "synctest.h"
#include "tlsproxy.h"
#include "ui/syncstatuswidget.h"

#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>

using namespace LittleLemon;
using namespace LittleLemon::Client;
using namespace LittleLemon::Test;

namespace {

constexpr int kLiveTimeoutMs = 30000;

// A counter order made directly on the server (as another terminal would).
qint64 counterOrder(HttpTestClient &http, qint64 menuItem)
{
    const HttpReply r = http.post(QStringLiteral("/api/orders"),
        QJsonObject { { QStringLiteral("items"),
            QJsonArray { QJsonObject {
                { QStringLiteral("menuitem"), menuItem }, { QStringLiteral("quantity"), 1 } } } } });
    if (r.status != 201)
        qWarning("counter order: %d %s", r.status, r.body.constData());
    return r.object().value(QStringLiteral("order_id")).toInteger();
}

bool moveOrder(HttpTestClient &http, qint64 id, const QString &stage)
{
    const HttpReply r = http.patch(
        QStringLiteral("/api/orders/%1").arg(id), QJsonObject { { QStringLiteral("stage"), stage } });
    if (r.status != 200)
        qWarning("move order %lld: %d %s", id, r.status, r.body.constData());
    return r.status == 200;
}

std::optional<OrderStage> stageOf(const LocalStore &store, qint64 id)
{
    const auto orders = store.cache()->orderSummaries({ id });
    if (orders.isEmpty())
        return std::nullopt;
    return orders.first().stage;
}

qint64 firstMenuItem(const TestServer &server)
{
    auto direct = http(server);
    const auto items = readAll(*direct, QStringLiteral("/api/menu-items"));
    return items.isEmpty() ? 0 : items.first().value(QStringLiteral("id")).toInteger();
}

// A terminal that polls every second while not live, reconnects quickly, and is started.
bool startLive(
    Terminal &t, const QUrl &url, const QString &user = QStringLiteral("mario"), bool extensions = true)
{
    if (!t.open(url, user, extensions))
        return false;
    t.engine->setInterval(1000);
    t.engine->events()->setBackoff(100, 1000);
    t.engine->start();
    return true;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class tst_Live : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoffIsCappedAndGrows();
    void liveWhereOfferedPollingOtherwise();
    void killedServerFallsBackToPollingThenLiveAgain();
    void socketDroppedMidMessage();
    void expiredTokenWhileConnected_data();
    void expiredTokenWhileConnected();
    void revokedSignInClosesForGood();
    void twoDesksEditingTheSameOrder();
    void standaloneDeskServesEventsToTheLan();
    void liveOverTlsWithTheTrustedCertificate();
    void cliWatchPrintsEachChange();
};

void tst_Live::backoffIsCappedAndGrows()
{
    EventSocket socket(nullptr);
    socket.setBackoff(500, 30000);
    QCOMPARE(socket.backoffFor(0), 0);
    QCOMPARE(socket.backoffFor(1), 500);
    QCOMPARE(socket.backoffFor(2), 1000);
    QCOMPARE(socket.backoffFor(3), 2000);
    QCOMPARE(socket.backoffFor(7), 30000);
    QCOMPARE(socket.backoffFor(60), 30000);
}

void tst_Live::liveWhereOfferedPollingOtherwise()
{
    TestServer server;
    QVERIFY(startServer(server));
    Terminal desk;
    QVERIFY2(startLive(desk, server.url()), qPrintable(desk.error));
    Ui::SyncStatusWidget status(desk.engine.get());
    QTRY_VERIFY_WITH_TIMEOUT(desk.engine->isLive(), kLiveTimeoutMs);
    QCOMPARE(status.liveText(), QStringLiteral("live"));

    // A new counter order placed elsewhere reaches this desk's cache by itself.
    auto direct = http(server);
    const qint64 order = counterOrder(*direct, firstMenuItem(server));
    QVERIFY(order > 0);
    QTRY_VERIFY_WITH_TIMEOUT(stageOf(*desk.store, order).has_value(), kLiveTimeoutMs);
    QVERIFY(desk.engine->eventsReceived() > 0);

    // The cloud (a client that uses none of the extensions): polling as before, never live.
    Terminal cloud;
    QVERIFY2(startLive(cloud, server.url(), QStringLiteral("mario"), false), qPrintable(cloud.error));
    QSignalSpy synced(cloud.engine.get(), &SyncEngine::syncFinished);
    QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 2, kLiveTimeoutMs); // the first run and an interval run
    Ui::SyncStatusWidget cloudStatus(cloud.engine.get());
    QVERIFY(!cloud.engine->isLive());
    QCOMPARE(cloud.engine->events()->openCount(), 0);
    QCOMPARE(cloudStatus.liveText(), QStringLiteral("checking every 1 s"));
}

void tst_Live::killedServerFallsBackToPollingThenLiveAgain()
{
    TestServer server;
    QVERIFY(startServer(server));
    const qint64 item = firstMenuItem(server);
    Terminal desk;
    QVERIFY2(startLive(desk, server.url()), qPrintable(desk.error));
    Ui::SyncStatusWidget status(desk.engine.get());
    QStringList texts; // what the status said each time liveness changed
    connect(desk.engine.get(), &SyncEngine::liveChanged, this, [&] { texts << status.liveText(); });
    QTRY_VERIFY_WITH_TIMEOUT(desk.engine->isLive(), kLiveTimeoutMs);

    server.kill();
    QTRY_VERIFY_WITH_TIMEOUT(!desk.engine->isLive(), kLiveTimeoutMs);
    QVERIFY2(texts.contains(QStringLiteral("checking every 1 s")), qPrintable(texts.join(u'|')));

    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    // Changes made right after the restart, maybe before the socket is back.
    auto direct = http(server);
    const qint64 first = counterOrder(*direct, item);
    QVERIFY(first > 0);
    QVERIFY(moveOrder(*direct, first, QStringLiteral("preparing")));
    QTRY_VERIFY_WITH_TIMEOUT(desk.engine->isLive(), kLiveTimeoutMs);
    QCOMPARE(status.liveText(), QStringLiteral("live"));
    QCOMPARE(texts.last(), QStringLiteral("live"));
    QTRY_COMPARE_WITH_TIMEOUT(
        stageOf(*desk.store, first), std::optional<OrderStage>(OrderStage::Preparing), kLiveTimeoutMs);
    // And after it, live.
    const qint64 second = counterOrder(*direct, item);
    QTRY_VERIFY_WITH_TIMEOUT(stageOf(*desk.store, second).has_value(), kLiveTimeoutMs);

    // Nothing missed: every order on the server is in the cache at its stage.
    const auto orders = readAll(*direct, QStringLiteral("/api/orders"));
    QVERIFY(!orders.isEmpty());
    for (const QJsonObject &o : orders) {
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(stageOf(*desk.store, id),
            orderStageFromWire(o.value(QStringLiteral("stage")).toString()), kLiveTimeoutMs);
    }
    QVERIFY(desk.engine->events()->openCount() >= 2);
}

void tst_Live::socketDroppedMidMessage()
{
    TestServer server;
    QVERIFY(startServer(server));
    CutProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    Terminal desk;
    QVERIFY2(startLive(desk, proxy.url()), qPrintable(desk.error));
    QTRY_VERIFY_WITH_TIMEOUT(desk.engine->isLive(), kLiveTimeoutMs);
    QCOMPARE(proxy.eventConnections(), 1);

    // The announcement of this order is cut after 3 bytes of its frame.
    proxy.cutNextEventMessage(3);
    QSignalSpy lost(desk.engine.get(), &SyncEngine::liveChanged);
    auto direct = http(server);
    const qint64 order = counterOrder(*direct, firstMenuItem(server));
    QVERIFY(order > 0);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.cuts(), 1, kLiveTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!lost.isEmpty(), kLiveTimeoutMs);
    QCOMPARE(lost.first().at(0).toBool(), false);
    // The change is not lost with its message: the reconnect reads the feed.
    QTRY_VERIFY_WITH_TIMEOUT(stageOf(*desk.store, order).has_value(), kLiveTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(desk.engine->isLive(), kLiveTimeoutMs);
    QCOMPARE(proxy.eventConnections(), 2);
    // And the new socket carries the next one.
    QVERIFY(moveOrder(*direct, order, QStringLiteral("preparing")));
    QTRY_COMPARE_WITH_TIMEOUT(
        stageOf(*desk.store, order), std::optional<OrderStage>(OrderStage::Preparing), kLiveTimeoutMs);
}

void tst_Live::expiredTokenWhileConnected_data()
{
    QTest::addColumn<bool>("refreshAhead");
    QTest::newRow("refreshed while connected: the socket moves to the new token") << true;
    QTest::newRow("not refreshed: the server closes it, a new token reopens it") << false;
}

void tst_Live::expiredTokenWhileConnected()
{
    QFETCH(bool, refreshAhead);
    TestServer server;
    QVERIFY(startServer(server, { QStringLiteral("--access-ttl"), QStringLiteral("6") }));
    Terminal desk;
    QVERIFY(desk.open(server.url(), QStringLiteral("mario")));
    desk.client->session()->setRefreshAhead(refreshAhead);
    desk.engine->setInterval(1000);
    desk.engine->events()->setBackoff(100, 1000);
    desk.engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(desk.engine->isLive(), kLiveTimeoutMs);
    QSignalSpy liveness(desk.engine.get(), &SyncEngine::liveChanged);

    if (refreshAhead) {
        // Two refreshes (each a third of the 6 s life before expiry): each
        // time a socket with the new token replaces the old before it expires.
        QTRY_VERIFY_WITH_TIMEOUT(desk.engine->events()->tokenSwaps() >= 2, kLiveTimeoutMs);
        QVERIFY(desk.engine->isLive());
    } else {
        // The server closes the socket when the token expires; a fresh token opens it again.
        QTRY_VERIFY_WITH_TIMEOUT(desk.engine->events()->openCount() >= 2, kLiveTimeoutMs);
        QVERIFY2(desk.engine->events()->lastCloseReason().contains(QStringLiteral("expired")),
            qPrintable(desk.engine->events()->lastCloseReason()));
        QTRY_VERIFY_WITH_TIMEOUT(desk.engine->isLive(), kLiveTimeoutMs);
    }
    QVERIFY(desk.client->session()->isSignedIn());
    // Still live with the new token.
    auto direct = http(server);
    const qint64 order = counterOrder(*direct, firstMenuItem(server));
    QVERIFY(order > 0);
    QTRY_VERIFY_WITH_TIMEOUT(stageOf(*desk.store, order).has_value(), kLiveTimeoutMs);
    if (refreshAhead) {
        // Never down for a moment.
        for (const auto &args : std::as_const(liveness))
            QVERIFY(args.at(0).toBool());
    }
}

void tst_Live::revokedSignInClosesForGood()
{
    TestServer server;
    QVERIFY(startServer(server));
    Terminal desk;
    QVERIFY2(startLive(desk, server.url()), qPrintable(desk.error));
    QTRY_VERIFY_WITH_TIMEOUT(desk.engine->isLive(), kLiveTimeoutMs);
    QSignalSpy signedOut(desk.client->session(), &AuthSession::signedOut);
    // Signed out everywhere on the server: the hub closes the socket, the
    // refresh token is refused too, and the desk asks for a sign-in instead
    // of reconnecting again and again.
    QCOMPARE(
        server.runCommand({ QStringLiteral("user"), QStringLiteral("sign-out"), QStringLiteral("mario") }),
        0);
    QTRY_VERIFY_WITH_TIMEOUT(!desk.engine->isLive(), kLiveTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!signedOut.isEmpty(), kLiveTimeoutMs);
    QVERIFY(!desk.engine->events()->isWanted());
    QCOMPARE(desk.engine->events()->state(), EventSocket::State::Closed);
    const int opened = desk.engine->events()->openCount();
    QSignalSpy synced(desk.engine.get(), &SyncEngine::syncFinished);
    QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 2, kLiveTimeoutMs); // polling goes on (and finds no session)
    QCOMPARE(desk.engine->events()->openCount(), opened);
    QVERIFY(!desk.engine->isLive());
}

void tst_Live::twoDesksEditingTheSameOrder()
{
    TestServer server;
    QVERIFY(startServer(server));
    auto direct = http(server);
    const qint64 order = counterOrder(*direct, firstMenuItem(server));
    QVERIFY(order > 0);
    Terminal counter;
    Terminal kitchen;
    QVERIFY2(startLive(counter, server.url()), qPrintable(counter.error));
    QVERIFY2(startLive(kitchen, server.url()), qPrintable(kitchen.error));
    QTRY_VERIFY_WITH_TIMEOUT(counter.engine->isLive() && kitchen.engine->isLive(), kLiveTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(stageOf(*kitchen.store, order).has_value(), kLiveTimeoutMs);

    // One desk moves it; the other shows it without a poll (their interval is 1 s,
    // but live they do not poll at all: the event brings it).
    kitchen.engine->setInterval(0);
    QVERIFY(counter.store->outbox()->setOrderStage(order, OrderStage::Preparing).ok);
    QTRY_COMPARE_WITH_TIMEOUT(
        stageOf(*kitchen.store, order), std::optional<OrderStage>(OrderStage::Preparing), kLiveTimeoutMs);

    // Both move it from the same stage: the one that comes second is a conflict, as before.
    kitchen.engine->stop();
    QVERIFY(!kitchen.engine->isLive());
    QVERIFY(counter.store->outbox()->setOrderStage(order, OrderStage::Ready).ok);
    QTRY_COMPARE_WITH_TIMEOUT(direct->get(QStringLiteral("/api/orders/%1").arg(order))
                                  .object()
                                  .value(QStringLiteral("stage"))
                                  .toString(),
        QStringLiteral("ready"), kLiveTimeoutMs);
    QVERIFY(kitchen.store->outbox()->setOrderStage(order, OrderStage::Cancelled).ok);
    QSignalSpy conflicts(kitchen.engine.get(), &SyncEngine::entryConflict);
    kitchen.engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(kitchen.engine->conflictCount(), 1, kLiveTimeoutMs);
    QCOMPARE(direct->get(QStringLiteral("/api/orders/%1").arg(order))
                 .object()
                 .value(QStringLiteral("stage"))
                 .toString(),
        QStringLiteral("ready"));
    const OutboxEntry entry = kitchen.engine->conflictEntries().first();
    QVERIFY(kitchen.engine->takeTheirs(entry.seq));
    QTRY_COMPARE_WITH_TIMEOUT(
        stageOf(*kitchen.store, order), std::optional<OrderStage>(OrderStage::Ready), kLiveTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(kitchen.engine->isLive(), kLiveTimeoutMs);
    // Live again after the conflict: the next move shows up.
    QVERIFY(counter.store->outbox()->setOrderStage(order, OrderStage::OutForDelivery).ok);
    QTRY_COMPARE_WITH_TIMEOUT(stageOf(*kitchen.store, order),
        std::optional<OrderStage>(OrderStage::OutForDelivery), kLiveTimeoutMs);
}

void tst_Live::standaloneDeskServesEventsToTheLan()
{
    QTemporaryDir dir;
    Desk::StandaloneOptions options;
    options.dataDir = dir.filePath(QStringLiteral("server"));
    options.hashIterations = TestServer::kTestHashIterations;
    Desk::StandaloneServer server(options);
    server.start();
    QTRY_VERIFY_WITH_TIMEOUT(server.state() != Ui::LocalServer::State::Starting, 20000);
    QVERIFY2(server.state() == Ui::LocalServer::State::Running, qPrintable(server.errorString()));
    QString error = QStringLiteral("pending");
    server.createRestaurant(QStringLiteral("Live Lemon"), QStringLiteral("mario"),
        QStringLiteral("mario@example.com"), kPassword, this, [&error](const QString &e) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(error != QStringLiteral("pending"), 60000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const quint16 lanPort = freePort();
    error = QStringLiteral("pending");
    server.serveNetwork(true, lanPort, this, [&error](const QString &e) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(error != QStringLiteral("pending"), 20000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QUrl lanUrl(QStringLiteral("http://127.0.0.1:%1").arg(lanPort));

    // A menu item to order, made on the desk's own server.
    HttpTestClient manager(server.url());
    QVERIFY(!manager.login(QStringLiteral("mario"), kPassword).isEmpty());
    const HttpReply category = manager.post(QStringLiteral("/api/categories"),
        QJsonObject { { QStringLiteral("slug"), QStringLiteral("mains") },
            { QStringLiteral("title"), QStringLiteral("Mains") } });
    QCOMPARE(category.status, 201);
    const HttpReply item = manager.post(QStringLiteral("/api/menu-items"),
        QJsonObject { { QStringLiteral("title"), QStringLiteral("Soup") },
            { QStringLiteral("price"), QStringLiteral("5.00") }, { QStringLiteral("featured"), false },
            { QStringLiteral("category"), category.object().value(QStringLiteral("id")) } });
    QVERIFY2(item.status == 201, item.body.constData());
    const qint64 menuItem = item.object().value(QStringLiteral("id")).toInteger();

    Terminal desk; // the standalone desk's own view, over loopback
    Terminal lan; // a terminal on the restaurant's network
    QVERIFY2(startLive(desk, server.url()), qPrintable(desk.error));
    QVERIFY2(startLive(lan, lanUrl), qPrintable(lan.error));
    QTRY_VERIFY_WITH_TIMEOUT(desk.engine->isLive() && lan.engine->isLive(), kLiveTimeoutMs);
    desk.engine->setInterval(0);
    lan.engine->setInterval(0);

    // The LAN terminal's order shows on the desk, the desk's move on the LAN terminal.
    HttpTestClient lanHttp(lanUrl);
    QVERIFY(!lanHttp.login(QStringLiteral("mario"), kPassword).isEmpty());
    const qint64 order = counterOrder(lanHttp, menuItem);
    QVERIFY(order > 0);
    QTRY_VERIFY_WITH_TIMEOUT(stageOf(*desk.store, order).has_value(), kLiveTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(stageOf(*lan.store, order).has_value(), kLiveTimeoutMs);
    QVERIFY(desk.store->outbox()->setOrderStage(order, OrderStage::Preparing).ok);
    QTRY_COMPARE_WITH_TIMEOUT(
        stageOf(*lan.store, order), std::optional<OrderStage>(OrderStage::Preparing), kLiveTimeoutMs);
    QVERIFY(lan.store->outbox()->setOrderStage(order, OrderStage::Ready).ok);
    QTRY_COMPARE_WITH_TIMEOUT(
        stageOf(*desk.store, order), std::optional<OrderStage>(OrderStage::Ready), kLiveTimeoutMs);

    // Serving the network off: the LAN terminal is no longer live; the desk is again at once.
    error = QStringLiteral("pending");
    server.serveNetwork(false, lanPort, this, [&error](const QString &e) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(error != QStringLiteral("pending"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!lan.engine->isLive(), kLiveTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(desk.engine->isLive(), kLiveTimeoutMs);
    lan.engine->stop();
    desk.engine->stop();
    server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(server.state() == Ui::LocalServer::State::Stopped, 20000);
}

void tst_Live::liveOverTlsWithTheTrustedCertificate()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("this Qt has no TLS backend");
    TestServer server;
    QVERIFY(startServer(server));
    QString error;
    const QSslConfiguration tls = TlsProxy::testConfiguration(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    TlsProxy proxy(tls, server.port());
    QVERIFY(proxy.listen());
    const QString fingerprint
        = QString::fromLatin1(tls.localCertificate().digest(QCryptographicHash::Sha256).toHex(':'));

    // A desk that trusts this server's self-signed certificate by its fingerprint.
    QTemporaryDir dir;
    ApiClient client(ServerEndpoint::fromUserInput(QStringLiteral("https://127.0.0.1:%1").arg(proxy.port())));
    client.setRateLimit(1000000);
    client.setTrustedCertificate(fingerprint);
    LocalStore store;
    QVERIFY(store.open(
        { dir.filePath(QStringLiteral("cache.sqlite")), dir.filePath(QStringLiteral("outbox.sqlite")) }));
    SyncEngine engine(&client, &store);
    auto *login = client.session()->login(QStringLiteral("mario"), kPassword);
    login->setAutoDelete(false);
    QSignalSpy signedIn(login, &ApiJob::finished);
    QVERIFY(login->isFinished() || signedIn.wait(30000));
    QVERIFY2(login->result(), qPrintable(login->result().error().userMessage()));
    delete login;
    engine.setInterval(1000);
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(engine.isLive(), kLiveTimeoutMs);
    QCOMPARE(engine.events()->url().scheme(), QStringLiteral("wss"));
    bool upgraded = false;
    for (const QByteArray &head : proxy.requestHeads())
        upgraded = upgraded || head.startsWith("GET /api/events");
    QVERIFY(upgraded);

    auto direct = http(server);
    const qint64 order = counterOrder(*direct, firstMenuItem(server));
    QVERIFY(order > 0);
    QTRY_VERIFY_WITH_TIMEOUT(stageOf(store, order).has_value(), kLiveTimeoutMs);
    QVERIFY(engine.eventsReceived() > 0);
    engine.stop();
}

void tst_Live::cliWatchPrintsEachChange()
{
    TestServer server;
    QVERIFY(startServer(server));
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    // No keychain: each command signs in with --password-stdin.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("disabled:"));
    auto run = [&](const QStringList &args) {
        auto *p = new QProcess(this);
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(LL_CLI_BINARY), args);
        p->write(kPassword.toUtf8() + '\n');
        p->closeWriteChannel();
        return p;
    };
    QProcess *login = run({ QStringLiteral("login"), QStringLiteral("--server"), server.url().toString(),
        QStringLiteral("--user"), QStringLiteral("mario"), QStringLiteral("--password-stdin") });
    QVERIFY(login->waitForFinished(60000));
    QCOMPARE(login->exitCode(), 0);

    QProcess *plain = run({ QStringLiteral("watch"), QStringLiteral("--password-stdin") });
    // A copy of its own (one watch per local copy).
    QProcess *json
        = run({ QStringLiteral("watch"), QStringLiteral("--json"), QStringLiteral("--password-stdin"),
            QStringLiteral("--data-dir"), home.filePath(QStringLiteral("second")) });
    QByteArray plainErr;
    QByteArray jsonErr;
    QByteArray plainOut;
    QByteArray jsonOut;
    auto collect = [&] {
        plainErr += plain->readAllStandardError();
        jsonErr += json->readAllStandardError();
        plainOut += plain->readAllStandardOutput();
        jsonOut += json->readAllStandardOutput();
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        (collect(), plainErr.contains(": live") && jsonErr.contains(": live")), kLiveTimeoutMs);
    QVERIFY2(plainOut.isEmpty(), plainOut.constData()); // what was there before is not a change

    auto direct = http(server);
    const qint64 order = counterOrder(*direct, firstMenuItem(server));
    QVERIFY(order > 0);
    const QByteArray received = QStringLiteral("order %1 received\n").arg(order).toUtf8();
    QTRY_VERIFY_WITH_TIMEOUT((collect(), plainOut.contains(received)), kLiveTimeoutMs);
    // Both have shown it before it moves on (a watcher that reads after both
    // writes sees the order once, at its latest stage: the feed is compacted).
    QTRY_VERIFY_WITH_TIMEOUT((collect(), jsonOut.contains("\"stage\":\"received\"")), kLiveTimeoutMs);
    QVERIFY(moveOrder(*direct, order, QStringLiteral("preparing")));
    const QByteArray preparing = QStringLiteral("order %1 preparing\n").arg(order).toUtf8();
    QTRY_VERIFY_WITH_TIMEOUT((collect(), plainOut.contains(preparing)), kLiveTimeoutMs);
    QCOMPARE(plainOut, received + preparing); // one line per change, nothing else

    QTRY_VERIFY_WITH_TIMEOUT((collect(), jsonOut.count('\n') >= 2), kLiveTimeoutMs);
    const QList<QByteArray> lines = jsonOut.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(last.value(QStringLiteral("entity")).toString(), QStringLiteral("order"));
    QCOMPARE(last.value(QStringLiteral("id")).toInteger(), order);
    QCOMPARE(last.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
    QCOMPARE(last.value(QStringLiteral("stage")).toString(), QStringLiteral("preparing"));
    QVERIFY(last.value(QStringLiteral("seq")).toInteger() > 0);

    for (QProcess *p : { plain, json }) {
        p->terminate();
        QVERIFY(p->waitForFinished(10000));
    }
}

QTEST_MAIN(tst_Live)
#include "tst_live.moc"
