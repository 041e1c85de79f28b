// The session against a real littlelemon-server: sign-in and roles, wrong
// passwords, refresh ahead of expiry, refresh-and-replay after a 401, one
// refresh shared by concurrent calls, an expired refresh token, logout.
#include "clienttest.h"

#include "api/client/tokenstore.h"

#include <QElapsedTimer>
#include <QThread>

using namespace LittleLemon;
using namespace LittleLemon::Client;
using namespace LittleLemon::Test;

class TestClientSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void login_data();
    void login();
    void wrongCredentials_data();
    void wrongCredentials();
    void silentRefresh();
    void replayAfterUnauthorized();
    void sharedRefresh_data();
    void sharedRefresh();
    void expiredRefreshSignsOut();
    void logoutForgetsEverything();
    void secondLoginReplacesFirst();

private:
    TestServer m_server; // default token lifetimes, for the tests that do not wait on them
};

void TestClientSession::initTestCase()
{
    QVERIFY(startServer(m_server));
}

void TestClientSession::login_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("extensions");
    for (const TestUser &u : kUsers) {
        // With extensions the role comes from /me; without, from the group
        // endpoints and the cart, as against the cloud.
        QTest::addRow("%s, extensions", u.role) << QString::fromLatin1(u.name) << int(u.expected) << true;
        QTest::addRow("%s, cloud only", u.role) << QString::fromLatin1(u.name) << int(u.expected) << false;
    }
}

void TestClientSession::login()
{
    QFETCH(QString, name);
    QFETCH(int, role);
    QFETCH(bool, extensions);

    auto client = makeClient(m_server);
    client->setExtensionsEnabled(extensions);
    AuthSession *session = client->session();
    QSignalSpy signedIn(session, &AuthSession::signedIn);
    QCOMPARE(session->state(), AuthSession::State::SignedOut);

    const auto result = signIn(*client, name);
    LL_VERIFY_OK(result);
    QCOMPARE(result->username, name);
    QCOMPARE(result->email, name + QStringLiteral("@example.com"));
    QVERIFY(result->id > 0);
    QCOMPARE(int(result->role()), role);
    QCOMPARE(session->state(), AuthSession::State::SignedIn);
    QCOMPARE(session->user(), result.value());
    QCOMPARE(signedIn.count(), 1);
    QVERIFY(session->hasCredentials());

    // The id is the server's: the manager list shows the same one.
    auto admin = makeClient(m_server);
    LL_VERIFY_OK(signIn(*admin, QStringLiteral("admin")));
    const auto managers = waitFor(admin->groupMembers(QStringLiteral("manager")));
    LL_VERIFY_OK(managers);
    const bool listed = std::any_of(managers->cbegin(), managers->cend(),
                                    [&](const User &u) { return u.id == result->id && u.username == name; });
    QCOMPARE(listed, role == int(Role::Manager));

    // Signed in, calls carry the token.
    const auto me = waitFor(client->me());
    LL_VERIFY_OK(me);
    QCOMPARE(me->username, name);
}

void TestClientSession::wrongCredentials_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("password");
    QTest::newRow("wrong password") << QStringLiteral("mario") << QStringLiteral("not-the-password");
    QTest::newRow("unknown user") << QStringLiteral("nobody") << kPassword;
    QTest::newRow("right password, wrong case of name") << QStringLiteral("MARIO") << kPassword;
}

void TestClientSession::wrongCredentials()
{
    QFETCH(QString, name);
    QFETCH(QString, password);

    auto client = makeClient(m_server);
    QSignalSpy signedIn(client->session(), &AuthSession::signedIn);
    const auto result = signIn(*client, name, password);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(result.error().httpStatus(), 401);
    QCOMPARE(result.error().userMessage(), QStringLiteral("The user name or password is not correct."));
    // The server's own words stay available for the log.
    QCOMPARE(result.error().serverMessage(), QStringLiteral("No active account found with the given credentials"));
    QCOMPARE(client->session()->state(), AuthSession::State::SignedOut);
    QVERIFY(!client->session()->hasCredentials());
    QCOMPARE(signedIn.count(), 0);
}

void TestClientSession::silentRefresh()
{
    TestServer server;
    QVERIFY(startServer(server, { QStringLiteral("--access-ttl"), QStringLiteral("2") }));
    auto client = makeClient(server);
    AuthSession *session = client->session();
    LL_VERIFY_OK(signIn(*client, QStringLiteral("mario")));
    QSignalSpy refreshed(session, &AuthSession::accessRefreshed);
    QSignalSpy signedOut(session, &AuthSession::signedOut);

    // Calls keep going across several access lifetimes (about 5 s): every one
    // succeeds at the first try, because the token is renewed before it expires.
    int issued = 0;
    int calls = 0;
    int replayed = 0;
    QStringList failures;
    QTimer ticker;
    ticker.setInterval(200);
    connect(&ticker, &QTimer::timeout, this, [&] {
        issued += 2;
        auto *job = client->orders();
        job->then(this, [&](const Result<QList<Order>> &r) {
            ++calls;
            if (!r.ok())
                failures << describe(r.error());
        });
        auto *me = client->me();
        me->then(this, [&, me](const Result<User> &r) {
            ++calls;
            if (!r.ok())
                failures << describe(r.error());
            else if (me->requestJob()->replayed())
                ++replayed;
        });
    });
    QElapsedTimer clock;
    clock.start();
    ticker.start();
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() > 5000, 10000);
    ticker.stop();
    QTRY_COMPARE_WITH_TIMEOUT(calls, issued, 5000);
    QVERIFY(issued >= 40);
    QVERIFY(refreshed.count() >= 3);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QCOMPARE(replayed, 0);
    QCOMPARE(signedOut.count(), 0);
    QCOMPARE(session->state(), AuthSession::State::SignedIn);
    QCOMPARE(session->refreshCount(), refreshed.count());
}

void TestClientSession::replayAfterUnauthorized()
{
    TestServer server;
    QVERIFY(startServer(server, { QStringLiteral("--access-ttl"), QStringLiteral("2") }));
    auto client = makeClient(server);
    AuthSession *session = client->session();
    // Only the server's 401 may say the token is old.
    session->setRefreshAhead(false);
    LL_VERIFY_OK(signIn(*client, QStringLiteral("cust")));
    QCOMPARE(session->refreshCount(), 0);

    // Past the 2 s life by the server's clock too (exp is in whole seconds).
    QTest::qWait(3200);
    QCOMPARE(session->refreshCount(), 0);

    auto *job = client->cart();
    job->setAutoDelete(false);
    QSignalSpy finished(job, &ApiJob::finished);
    QVERIFY(finished.wait(10000));
    const auto result = job->result();
    LL_VERIFY_OK(result);
    // Two sends of one request: refused, then replayed with the new token.
    QCOMPARE(job->sends(), 2);
    QCOMPARE(session->refreshCount(), 1);
    QCOMPARE(session->state(), AuthSession::State::SignedIn);
    delete job;

    // The new token works without another refresh.
    LL_VERIFY_OK(waitFor(client->me()));
    QCOMPARE(session->refreshCount(), 1);
}

void TestClientSession::sharedRefresh_data()
{
    QTest::addColumn<bool>("refreshAhead");
    // Ten calls each refused with 401 share the refresh their first refusal started.
    QTest::newRow("after ten 401s") << false;
    // Ten calls finding the token expired before sending wait for one refresh.
    QTest::newRow("before sending") << true;
}

void TestClientSession::sharedRefresh()
{
    QFETCH(bool, refreshAhead);

    TestServer server;
    QVERIFY(startServer(server, { QStringLiteral("--access-ttl"), QStringLiteral("2") }));
    auto client = makeClient(server);
    AuthSession *session = client->session();
    session->setRefreshAhead(refreshAhead);
    LL_VERIFY_OK(signIn(*client, QStringLiteral("mario")));
    QCOMPARE(session->refreshCount(), 0);

    if (refreshAhead) {
        // The event loop stalls (a suspended laptop, a long paint) past the
        // token's life: the refresh timer cannot fire before the calls below.
        QThread::msleep(3200);
    } else {
        QTest::qWait(3200);
    }

    QList<CallJob<User> *> jobs;
    for (int i = 0; i < 10; ++i) {
        auto *job = client->me();
        job->setAutoDelete(false);
        jobs << job;
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(jobs.cbegin(), jobs.cend(), [](auto *j) { return j->isFinished(); }),
                             15000);
    // Let the queued finished() signals arrive before the jobs go.
    QTest::qWait(0);
    int replays = 0;
    for (auto *job : jobs) {
        const auto r = job->result();
        LL_VERIFY_OK(r);
        QCOMPARE(r->username, QStringLiteral("mario"));
        replays += job->requestJob()->replayed() ? 1 : 0;
    }
    qDeleteAll(jobs);
    QCOMPARE(session->refreshCount(), 1);
    QCOMPARE(replays, refreshAhead ? 0 : 10);
}

void TestClientSession::expiredRefreshSignsOut()
{
    TestServer server;
    QVERIFY(startServer(server, { QStringLiteral("--access-ttl"), QStringLiteral("1"), QStringLiteral("--refresh-ttl"),
                                  QStringLiteral("3") }));
    auto client = makeClient(server);
    AuthSession *session = client->session();
    QSignalSpy signedOut(session, &AuthSession::signedOut);
    LL_VERIFY_OK(signIn(*client, QStringLiteral("crew")));

    // Refreshes (several a second, for 1 s tokens) work until the refresh token itself expires (3 s).
    QVERIFY(signedOut.wait(15000));
    QCOMPARE(signedOut.count(), 1);
    QCOMPARE(signedOut.first().first().toString(), QStringLiteral("Your sign-in has expired. Please sign in again."));
    QCOMPARE(session->state(), AuthSession::State::SignedOut);
    QVERIFY(!session->hasCredentials());
    QCOMPARE(session->user(), User());
    QVERIFY(session->refreshCount() >= 1);

    // Nothing goes round again: no more refreshes, no more sign-outs.
    const int refreshes = session->refreshCount();
    QTest::qWait(2500);
    QCOMPARE(session->refreshCount(), refreshes);
    QCOMPARE(signedOut.count(), 1);

    // A call now fails at once, without asking the server.
    auto *job = client->orders();
    QSignalSpy done(job, &ApiJob::finished);
    QVERIFY(done.wait(2000));
    const auto error = done.first().first().value<ApiError>();
    QCOMPARE(error.kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(error.userMessage(), QStringLiteral("You need to sign in first."));

    // The dead token is not kept for the next start.
    QString stored = QStringLiteral("unset");
    session->tokenStore()->load(client->endpoint().key(), QStringLiteral("crew"), this,
                                [&](const QString &token) { stored = token; });
    QTRY_VERIFY(stored != QLatin1String("unset"));
    QVERIFY(stored.isEmpty());
}

void TestClientSession::logoutForgetsEverything()
{
    auto client = makeClient(m_server);
    AuthSession *session = client->session();
    QSignalSpy signedOut(session, &AuthSession::signedOut);
    LL_VERIFY_OK(signIn(*client, QStringLiteral("mario")));

    auto *logout = session->logout();
    // At once: no token, no user, no role.
    QCOMPARE(session->state(), AuthSession::State::SignedOut);
    QVERIFY(!session->hasCredentials());
    QCOMPARE(session->user(), User());
    QCOMPARE(session->role(), Role::Customer);
    QCOMPARE(signedOut.count(), 1);
    QCOMPARE(signedOut.first().first().toString(), QString());
    LL_VERIFY_OK(waitFor(logout));

    const auto orders = waitFor(client->orders());
    QCOMPARE(orders.error().kind(), ApiError::Kind::Unauthorized);

    // Nothing is left to sign in with.
    const auto restored = waitFor(session->restore(QStringLiteral("mario")));
    QVERIFY(!restored.ok());
    QCOMPARE(restored.error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(session->state(), AuthSession::State::SignedOut);
}

void TestClientSession::secondLoginReplacesFirst()
{
    auto client = makeClient(m_server);
    AuthSession *session = client->session();
    auto *first = session->login(QStringLiteral("mario"), kPassword);
    first->setAutoDelete(false);
    QSignalSpy firstDone(first, &ApiJob::finished);
    const auto second = signIn(*client, QStringLiteral("cust"));
    LL_VERIFY_OK(second);
    QVERIFY(firstDone.count() == 1 || firstDone.wait(5000));
    QCOMPARE(first->error().kind(), ApiError::Kind::Aborted);
    delete first;
    QCOMPARE(session->user().username, QStringLiteral("cust"));
    QCOMPARE(session->role(), Role::Customer);
    const auto me = waitFor(client->me());
    LL_VERIFY_OK(me);
    QCOMPARE(me->username, QStringLiteral("cust"));
}

QTEST_GUILESS_MAIN(TestClientSession)
#include "tst_client_session.moc"
