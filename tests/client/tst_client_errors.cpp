// Every kind of error the client reports, each produced for real against a
// littlelemon-server (stopped, paused, throttling, refusing), with the
// sentence a person reads.
#include "clienttest.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <csignal>

using namespace LittleLemon;
using namespace LittleLemon::Client;
using namespace LittleLemon::Test;

namespace {

// Pauses a process for as long as it lives: a server that accepts
// connections (the kernel does) and never answers.
class Paused
{
public:
    explicit Paused(qint64 pid)
        : m_pid(pid)
    {
        ::kill(pid_t(m_pid), SIGSTOP);
    }
    ~Paused() { ::kill(pid_t(m_pid), SIGCONT); }

private:
    qint64 m_pid;
};

} // namespace

class TestClientErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void offline();
    void timeout_data();
    void timeout();
    void tls();
    void unauthorized();
    void forbidden();
    void notFound_data();
    void notFound();
    void validation_data();
    void validation();
    void conflict();
    void throttled();
    void serverError();
    void protocol();
    void aborted_data();
    void aborted();

private:
    QString host() const { return QStringLiteral("127.0.0.1:%1").arg(m_server.port()); }

    TestServer m_server;
    QList<MenuItem> m_menu;
};

void TestClientErrors::initTestCase()
{
    QVERIFY(startServer(m_server));
    QString error;
    m_menu = createMenu(m_server, 3, &error);
    QVERIFY2(m_menu.size() == 3, qPrintable(error));
    // A user whose password hash has the server's full strength: checking it
    // takes the server a good fraction of a second.
    QByteArray out;
    QByteArray err;
    QCOMPARE(m_server.runCommand({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("slow"),
                                   QStringLiteral("--role"), QStringLiteral("customer"),
                                   QStringLiteral("--password-stdin") },
                                 kPassword.toUtf8() + '\n', &out, &err),
             0);
}

void TestClientErrors::offline()
{
    TestServer server;
    QVERIFY(startServer(server));
    auto client = makeClient(server);
    LL_VERIFY_OK(signIn(*client, QStringLiteral("mario")));
    const quint16 port = server.port();
    QVERIFY(server.stop());

    const auto result = waitFor(client->orders());
    QCOMPARE(result.error().kind(), ApiError::Kind::Offline);
    QCOMPARE(result.error().userMessage(),
             QStringLiteral("Cannot reach the server at 127.0.0.1:%1. Check that this computer is connected to the "
                            "network and that the server is running.")
                 .arg(port));
    // Offline is not a reason to end the session: the work waits for the server.
    QCOMPARE(client->session()->state(), AuthSession::State::SignedIn);

    // Back on the same port, the same client carries on.
    QVERIFY(server.restart());
    LL_VERIFY_OK(waitFor(client->orders()));
}

void TestClientErrors::timeout_data()
{
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<bool>("paused");
    // A live server cannot answer within 1 ms a sign-in that checks a full-strength hash.
    QTest::newRow("1 ms, sign-in") << 1 << false;
    QTest::newRow("1 ms, server paused") << 1 << true;
    QTest::newRow("300 ms, server paused") << 300 << true;
}

void TestClientErrors::timeout()
{
    QFETCH(int, timeoutMs);
    QFETCH(bool, paused);

    auto client = makeClient(m_server);
    // Learn about the server first, so the timeout applies to the call itself.
    LL_VERIFY_OK(waitFor(client->discover()));
    std::unique_ptr<Paused> pause;
    if (paused)
        pause = std::make_unique<Paused>(m_server.processId());
    ApiJob *job = paused ? static_cast<ApiJob *>(client->menuItem(m_menu.first().id))
                         : client->session()->login(QStringLiteral("slow"), kPassword);
    job->setTimeout(timeoutMs);
    job->setAutoDelete(false);
    QSignalSpy done(job, &ApiJob::finished);
    QVERIFY(done.wait(10000));
    const ApiError error = job->error();
    delete job;
    pause.reset();
    QCOMPARE(error.kind(), ApiError::Kind::Timeout);
    QCOMPARE(error.userMessage(),
             QStringLiteral("The server at %1 took too long to answer. The network may be slow or the server busy; "
                            "please try again.")
                 .arg(host()));
    // The server is fine afterwards, and so is the client.
    LL_VERIFY_OK(waitFor(client->menuItem(m_menu.first().id)));
}

void TestClientErrors::tls()
{
    // https:// to a server that speaks plain HTTP: the handshake fails.
    QUrl url = m_server.url();
    url.setScheme(QStringLiteral("https"));
    auto client = makeClient(url);
    const auto result = waitFor(client->menuItems());
    QCOMPARE(result.error().kind(), ApiError::Kind::Tls);
    QVERIFY2(result.error().userMessage().startsWith(
                 QStringLiteral("A secure connection to %1 could not be set up (").arg(host())),
             qPrintable(result.error().userMessage()));
    QVERIFY(result.error().userMessage().endsWith(
        QStringLiteral("). Check that the address is right, including https or http.")));
}

void TestClientErrors::unauthorized()
{
    auto client = makeClient(m_server);
    // Signed out: refused without asking the server.
    auto *job = client->orders();
    job->setAutoDelete(false);
    QSignalSpy done(job, &ApiJob::finished);
    QVERIFY(done.wait(5000));
    QCOMPARE(job->error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(job->error().userMessage(), QStringLiteral("You need to sign in first."));
    QCOMPARE(job->sends(), 0);
    delete job;

    // A sign-in the server refuses.
    const auto login = signIn(*client, QStringLiteral("mario"), QStringLiteral("wrong"));
    QCOMPARE(login.error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(login.error().userMessage(), QStringLiteral("The user name or password is not correct."));

    // Categories need a signed-in user even to read: the server's 401 to an
    // anonymous caller reads the same.
    Request anonymous = Request::get(QStringLiteral("/api/categories"), Request::Auth::Optional);
    auto *raw = client->send(anonymous);
    const ApiError error = waitForRequest(raw);
    QCOMPARE(raw->httpStatus(), 401);
    QCOMPARE(error.kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(error.userMessage(), QStringLiteral("You need to sign in first."));
    delete raw;
}

void TestClientErrors::forbidden()
{
    auto client = makeClient(m_server);
    LL_VERIFY_OK(signIn(*client, QStringLiteral("cust")));
    const auto result = waitFor(client->updateMenuItem(m_menu.first().id, { { QStringLiteral("price"), QStringLiteral("1.00") } }));
    QCOMPARE(result.error().kind(), ApiError::Kind::Forbidden);
    QCOMPARE(result.error().httpStatus(), 403);
    QCOMPARE(result.error().userMessage(), QStringLiteral("You are not allowed to do that with your account."));
    QCOMPARE(result.error().serverMessage(), QStringLiteral("You do not have permission to perform this action."));
}

void TestClientErrors::notFound_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("menu item 999999") << QStringLiteral("menu-item")
                                      << QStringLiteral("The server could not find that: it may have been deleted.");
    QTest::newRow("order 999999") << QStringLiteral("order")
                                  << QStringLiteral("The server could not find that: order not found.");
    QTest::newRow("page past the end") << QStringLiteral("page")
                                       << QStringLiteral("The server could not find that: invalid page.");
}

void TestClientErrors::notFound()
{
    QFETCH(QString, what);
    QFETCH(QString, sentence);
    auto client = makeClient(m_server);
    LL_VERIFY_OK(signIn(*client, QStringLiteral("mario")));
    ApiError error;
    if (what == QLatin1String("menu-item"))
        error = waitFor(client->menuItem(999999)).error();
    else if (what == QLatin1String("order"))
        error = waitFor(client->order(999999)).error();
    else
        error = waitFor(client->menuItemsPage(9999)).error();
    QCOMPARE(error.kind(), ApiError::Kind::NotFound);
    QCOMPARE(error.httpStatus(), 404);
    QCOMPARE(error.userMessage(), sentence);
}

void TestClientErrors::validation_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("sentence");

    // The four shapes of error body the cloud sends, one row each.
    QTest::newRow("{field: [...]}: a price that is not a number")
        << QStringLiteral("mario") << QByteArray("PATCH") << QStringLiteral("/api/menu-items/%1")
        << QByteArray(R"({"price":"abc"})") << QStringLiteral("price")
        << QStringLiteral("The server refused the price: a valid number is required.");
    QTest::newRow("{detail}: a body that is not JSON")
        << QStringLiteral("mario") << QByteArray("PATCH") << QStringLiteral("/api/menu-items/%1")
        << QByteArray(R"({"price":)") << QString() << QStringLiteral("The server refused the request: JSON parse error");
    QTest::newRow("{error}: a group request without a user name")
        << QStringLiteral("mario") << QByteArray("POST") << QStringLiteral("/api/groups/delivery-crew/users")
        << QByteArray("{}") << QString()
        << QStringLiteral("The server refused the request: 'username' field is required.");
    QTest::newRow("[bare array]: a crew PATCH without a status")
        << QStringLiteral("crew") << QByteArray("PATCH") << QStringLiteral("/api/orders/%2") << QByteArray("{}")
        << QString() << QStringLiteral("The server refused the request: the delivery crew must provide a status.");
    QTest::newRow("{detail}: an order from an empty cart")
        << QStringLiteral("cust") << QByteArray("POST") << QStringLiteral("/api/orders") << QByteArray("{}")
        << QString() << QStringLiteral("The server refused the request: the cart is empty!");
}

void TestClientErrors::validation()
{
    QFETCH(QString, user);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, sentence);

    // An order assigned to the crew member, for the crew row.
    qint64 orderId = 0;
    if (path.contains(QLatin1String("%2"))) {
        auto cust = makeClient(m_server);
        LL_VERIFY_OK(signIn(*cust, QStringLiteral("cust")));
        LL_VERIFY_OK(waitFor(cust->addToCart(m_menu.first().id, 2)));
        const auto created = waitFor(cust->placeOrder());
        LL_VERIFY_OK(created);
        orderId = created->orderId;
        auto manager = makeClient(m_server);
        const auto mario = signIn(*manager, QStringLiteral("mario"));
        LL_VERIFY_OK(mario);
        auto crewClient = makeClient(m_server);
        const auto crew = signIn(*crewClient, QStringLiteral("crew"));
        LL_VERIFY_OK(crew);
        OrderPatch assign;
        assign.deliveryCrew = std::optional<qint64>(crew->id);
        LL_VERIFY_OK(waitFor(manager->updateOrder(orderId, assign)));
    }

    auto client = makeClient(m_server);
    LL_VERIFY_OK(signIn(*client, user));
    Request r;
    r.method = method;
    r.path = path.arg(m_menu.first().id).arg(orderId);
    r.rawBody = body;
    auto *job = client->send(r);
    const ApiError error = waitForRequest(job);
    delete job;
    QCOMPARE(error.kind(), ApiError::Kind::Validation);
    QCOMPARE(error.httpStatus(), 400);
    if (!field.isEmpty())
        QVERIFY2(error.fieldErrors().contains(field), qPrintable(describe(error)));
    QVERIFY2(error.userMessage().startsWith(sentence), qPrintable(error.userMessage()));
}

void TestClientErrors::conflict()
{
    auto client = makeClient(m_server);
    LL_VERIFY_OK(signIn(*client, QStringLiteral("mario")));
    const qint64 id = m_menu.first().id;
    // Our server lists "etag"; a build that dropped it fails here, it is not skipped.
    QVERIFY2(client->hasFeature(QStringLiteral("etag")), "littlelemon-server no longer lists the \"etag\" extension");
    const auto before = waitFor(client->menuItem(id));
    LL_VERIFY_OK(before);
    QVERIFY(!before.etag().isEmpty());
    WriteOptions options;
    options.ifMatch = before.etag();
    // The first edit made against that version goes through...
    const auto first = waitFor(client->updateMenuItem(id, { { QStringLiteral("title"), QStringLiteral("First") } }, options));
    LL_VERIFY_OK(first);
    // ...the second, made against the same (now stale) version, is refused
    // with the server's current version.
    const auto second = waitFor(client->updateMenuItem(id, { { QStringLiteral("title"), QStringLiteral("Second") } }, options));
    QCOMPARE(second.error().kind(), ApiError::Kind::Conflict);
    QCOMPARE(second.error().httpStatus(), 412);
    QCOMPARE(second.error().userMessage(),
             QStringLiteral("Someone else changed this first. Keep your version or take theirs."));
    QCOMPARE(second.error().body().toObject().value(QStringLiteral("title")).toString(), QStringLiteral("First"));
    const auto after = waitFor(client->menuItem(id));
    QCOMPARE(after->title, QStringLiteral("First"));
}

void TestClientErrors::throttled()
{
    TestServer server;
    QVERIFY(startServer(server, { QStringLiteral("--throttle-anon"), QStringLiteral("3") }));
    auto client = makeClient(server);
    // Told a limit far above the server's, so the server's 429 is what stops it.
    client->setRateLimit(1000);
    // A caller that will not wait (say, a person pressing a button).
    client->setMaxThrottleWait(0);
    ApiError error;
    for (int i = 0; i < 6 && !error.isError(); ++i)
        error = waitFor(client->menuItemsPage(1)).error();
    QCOMPARE(error.kind(), ApiError::Kind::Throttled);
    QCOMPARE(error.httpStatus(), 429);
    QVERIFY(error.retryAfterSeconds() > 0);
    QCOMPARE(error.userMessage(),
             error.retryAfterSeconds() > 1
                 ? QStringLiteral("The server is busy. Please try again in %1 seconds.").arg(error.retryAfterSeconds())
                 : QStringLiteral("The server is busy. Please try again in a moment."));
}

void TestClientErrors::serverError()
{
    // A real failure inside the server: its database is locked by someone
    // else (here, this test) for longer than it waits for a lock.
    QString dbPath;
    QDirIterator it(m_server.dataDir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.read(16) == QByteArray("SQLite format 3\0", 16) && !path.endsWith(QLatin1String("-wal"))) {
            dbPath = path;
            break;
        }
    }
    QVERIFY2(!dbPath.isEmpty(), "no SQLite database in the server's data directory");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        db.setDatabaseName(dbPath);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("BEGIN EXCLUSIVE")), qPrintable(q.lastError().text()));

        auto client = makeClient(m_server);
        client->setTimeout(60000);
        LL_VERIFY_OK(signIn(*client, QStringLiteral("admin")));
        const auto result = waitFor(client->createCategory(Category { 0, QStringLiteral("locked"), QStringLiteral("Locked") }), 70000);
        QVERIFY2(q.exec(QStringLiteral("ROLLBACK")), qPrintable(q.lastError().text()));
        q.finish();
        db.close();
        QCOMPARE(result.error().kind(), ApiError::Kind::Server);
        QVERIFY(result.error().httpStatus() >= 500);
        QCOMPARE(result.error().userMessage(),
                 QStringLiteral("The server had a problem (error %1). Your change is kept and will be sent again.")
                     .arg(result.error().httpStatus()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("locker"));
}

void TestClientErrors::protocol()
{
    auto client = makeClient(m_server);
    LL_VERIFY_OK(signIn(*client, QStringLiteral("mario")));
    // A menu item read as if it were an order: the answer does not decode.
    const auto result = waitFor(client->call<Order>(
        Request::get(QStringLiteral("/api/menu-items/%1").arg(m_menu.first().id), Request::Auth::Optional)));
    QCOMPARE(result.error().kind(), ApiError::Kind::Protocol);
    QCOMPARE(result.error().userMessage(),
             QStringLiteral("The server at %1 sent an answer this program cannot read. It may run a different "
                            "version of Little Lemon.")
                 .arg(host()));
    // The log gets the field that did not decode.
    QVERIFY2(result.error().serverMessage().contains(QLatin1String("user")), qPrintable(result.error().serverMessage()));
}

void TestClientErrors::aborted_data()
{
    QTest::addColumn<bool>("inFlight");
    QTest::newRow("before it is sent") << false;
    QTest::newRow("waiting for the answer") << true;
}

void TestClientErrors::aborted()
{
    QFETCH(bool, inFlight);
    auto client = makeClient(m_server);
    LL_VERIFY_OK(waitFor(client->discover()));
    std::unique_ptr<Paused> pause;
    if (inFlight)
        pause = std::make_unique<Paused>(m_server.processId());
    auto *job = client->menuItems();
    job->setAutoDelete(false);
    QSignalSpy done(job, &ApiJob::finished);
    if (inFlight)
        QTest::qWait(200);
    job->abort();
    QVERIFY(done.wait(2000));
    pause.reset();
    QCOMPARE(done.count(), 1);
    QCOMPARE(job->error().kind(), ApiError::Kind::Aborted);
    QCOMPARE(job->result().error().userMessage(), QStringLiteral("The request was cancelled."));
    // Nothing more arrives after the abort.
    QTest::qWait(300);
    QCOMPARE(done.count(), 1);
    delete job;
}

QTEST_GUILESS_MAIN(TestClientErrors)
#include "tst_client_errors.moc"
