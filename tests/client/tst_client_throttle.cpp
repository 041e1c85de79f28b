// 50 menu items at 3 a page from servers that allow a signed-in user only 10
// requests a minute: the client waits, completes, and no error reaches the
// caller. Two ways at once (about a minute in all, the least 20 requests at
// 10 a minute can take):
//   - paced: the client is told the limit and never meets a 429;
//   - unaware: the client paces at its default 100/min, meets the server's
//     429 and sits out its Retry-After, silently.
#include "clienttest.h"

#include "api/client/ratepacer.h"

#include <QElapsedTimer>

using namespace LittleLemon;
using namespace LittleLemon::Client;
using namespace LittleLemon::Test;

namespace {

struct Run
{
    std::unique_ptr<ApiClient> client;
    ListJob<MenuItem> *job = nullptr;
    QList<qint64> progress;
    int throttledSignals = 0;
    qint64 elapsedMs = 0;
};

} // namespace

class TestClientThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void waitsAndCompletes();

private:
    bool prepare(TestServer &server, QList<MenuItem> *menu);
};

bool TestClientThrottle::prepare(TestServer &server, QList<MenuItem> *menu)
{
    const QStringList pageSize { QStringLiteral("--page-size"), QStringLiteral("3") };
    if (!startServer(server, pageSize))
        return false;
    QString error;
    *menu = createMenu(server, 50, &error);
    if (menu->size() != 50) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return server.restart(pageSize + QStringList { QStringLiteral("--throttle-user"), QStringLiteral("10"),
                                                   QStringLiteral("--throttle-anon"), QStringLiteral("100000") });
}

void TestClientThrottle::waitsAndCompletes()
{
    TestServer pacedServer;
    TestServer unawareServer;
    QList<MenuItem> pacedMenu;
    QList<MenuItem> unawareMenu;
    QVERIFY(prepare(pacedServer, &pacedMenu));
    QVERIFY(prepare(unawareServer, &unawareMenu));

    Run paced;
    paced.client = makeClient(pacedServer);
    // What a person sets for a server whose limit /api/meta does not state.
    paced.client->setRateLimit(10);
    // Pages of 3, as the cloud serves them, even where page_size is offered.
    paced.client->setPageSize(0);
    Run unaware;
    unaware.client = makeClient(unawareServer);
    // The default pace, pinned so that no /api/meta can tell it better.
    unaware.client->setRateLimit(100);
    unaware.client->setPageSize(0);

    QElapsedTimer clock;
    clock.start();
    for (Run *run : { &paced, &unaware }) {
        connect(run->client.get(), &ApiClient::throttled, this, [run] { ++run->throttledSignals; });
        // Sign-in is part of it: its /me and role calls count against the 10.
        auto *login = run->client->session()->login(QStringLiteral("mario"), kPassword);
        login->then(this, [this, run, &clock](const Result<User> &r) {
            QVERIFY2(r.ok(), qPrintable(describe(r.error())));
            run->job = run->client->menuItems();
            run->job->setAutoDelete(false);
            connect(run->job, &ApiJob::progress, this, [run](qint64 done) { run->progress << done; });
            connect(run->job, &ApiJob::finished, this, [run, &clock] { run->elapsedMs = clock.elapsed(); });
        });
    }
    QTRY_VERIFY_WITH_TIMEOUT(paced.job && paced.job->isFinished() && unaware.job && unaware.job->isFinished(),
                             180000);
    QTest::qWait(0);

    for (Run *run : { &paced, &unaware }) {
        const auto result = run->job->result();
        LL_VERIFY_OK(result);
        QCOMPARE(result->size(), 50);
        QCOMPARE(run->progress.size(), 17);
        QCOMPARE(run->progress.last(), qint64(17));
        // Twenty signed-in requests at 10 a minute: a minute at least.
        QVERIFY2(run->elapsedMs >= 55000, qPrintable(QString::number(run->elapsedMs)));
    }
    QCOMPARE(paced.job->result().value(), pacedMenu);
    QCOMPARE(unaware.job->result().value(), unawareMenu);

    // Paced: the wait happened in the client, before sending; the server never had to refuse.
    QVERIFY(paced.client->pacer(true)->totalWaitedMs() > 50000);
    QCOMPARE(paced.job->throttleWaits(), 0);
    QCOMPARE(paced.throttledSignals, 0);
    // Unaware: the server refused, the client waited out Retry-After and carried on.
    QVERIFY(unaware.job->throttleWaits() + unaware.throttledSignals >= 1);
    QCOMPARE(unaware.client->session()->state(), AuthSession::State::SignedIn);

    qInfo("paced: %lld ms, unaware: %lld ms (%d 429s waited out)", paced.elapsedMs, unaware.elapsedMs,
          unaware.throttledSignals);
    delete paced.job;
    delete unaware.job;
}

QTEST_GUILESS_MAIN(TestClientThrottle)
#include "tst_client_throttle.moc"
