#include "api/server/passwordworker.h"
#include "api/server/requestbudget.h"
#include "api/server/signinlimiter.h"

#include <QtTest>

using namespace LittleLemon::Server;

// The bookkeeping behind issue 20's limits, without sockets: the per-account
// sign-in back-off, the request-memory budget and the password pool.
class TstServerLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signInsBackOffDoubling()
    {
        SignInLimiter l;
        const QString mario = QStringLiteral("mario");
        qint64 now = 1000000;
        for (int i = 0; i < SignInLimiter::kFreeFailures; ++i) {
            QCOMPARE(l.begin(mario, now), 0);
            l.finish(mario, false, now);
        }
        // 1 s after the fifth failure, then 2 s after the sixth, ...
        QCOMPARE(l.begin(mario, now + 500), 1);
        QCOMPARE(l.begin(mario, now + 1000), 0);
        l.finish(mario, false, now + 1000);
        QCOMPARE(l.begin(mario, now + 2000), 1);
        QCOMPARE(l.begin(mario, now + 3000), 0);
        l.finish(mario, false, now + 3000);
        QCOMPARE(l.begin(mario, now + 4000), 3);
        // Another account, and the same one in fullwidth letters.
        QCOMPARE(l.begin(QStringLiteral("luigi"), now), 0);
        QVERIFY(l.begin(QStringLiteral("ｍａｒｉｏ"), now + 4000) > 0);
        // A success forgives.
        QCOMPARE(l.begin(mario, now + 7000), 0);
        l.finish(mario, true, now + 7000);
        QCOMPARE(l.begin(mario, now + 7001), 0);
    }

    void signInsOnTheirWayCount()
    {
        SignInLimiter l;
        const QString name = QStringLiteral("burst");
        for (int i = 0; i < SignInLimiter::kFreeFailures; ++i)
            QCOMPARE(l.begin(name, 0), 0);
        QVERIFY(l.begin(name, 0) > 0); // five hashing: the sixth waits
        for (int i = 0; i < SignInLimiter::kFreeFailures; ++i)
            l.abandon(name); // server errors: neither failures nor successes
        QCOMPARE(l.begin(name, 0), 0);
    }

    void backOffIsCappedAndForgotten()
    {
        SignInLimiter l;
        const QString name = QStringLiteral("target");
        qint64 now = 0;
        for (int i = 0; i < 40; ++i) {
            while (l.begin(name, now) != 0)
                now += 1000;
            l.finish(name, false, now);
        }
        QVERIFY(l.begin(name, now) <= SignInLimiter::kMaxBackoffSeconds);
        QCOMPARE(l.begin(name, now + qint64(SignInLimiter::kForgetAfterSeconds) * 1000 + 1), 0);
    }

    void budgetPerPeerAndTotal()
    {
        RequestBudget b;
        b.setLimit(100);
        QVERIFY(b.reserve("a", 50));
        QVERIFY(!b.reserve("a", 1)); // half is one address's share
        QVERIFY(b.reserve("b", 50));
        QVERIFY(!b.reserve("c", 1)); // all of it is taken
        QCOMPARE(b.used(), 100);
        b.release("a", 50);
        QVERIFY(b.reserve("c", 10));
        QCOMPARE(b.used(), 60);
    }

    void budgetSaysWhenToTrim()
    {
        RequestBudget b;
        b.setLimit(64 * 1024 * 1024);
        QVERIFY(b.reserve("a", 30 * 1024 * 1024));
        QVERIFY(b.reserve("b", 1024));
        QVERIFY(!b.release("a", 1024 * 1024)); // most of the peak still held
        QVERIFY(b.release("a", 29 * 1024 * 1024)); // now it is gone
        QVERIFY(!b.release("b", 1024)); // once per peak
    }

    void passwordPoolAnswersOffThread()
    {
        PasswordWorker pool(2);
        QThread *caller = QThread::currentThread();
        QThread *ranOn = nullptr;
        bool verified = false;
        pool.hash(QStringLiteral("pw"), 1000).then(&pool, [&](const QString &h) {
            ranOn = QThread::currentThread();
            verified = h.startsWith(QStringLiteral("pbkdf2_sha256$1000$"));
        });
        QTRY_VERIFY(ranOn != nullptr);
        QCOMPARE(ranOn, caller); // the continuation comes back to the pool's thread
        QVERIFY(verified);
        // No threads: done on the spot.
        PasswordWorker inline0(0);
        QVERIFY(inline0.verify(QStringLiteral("x"), QStringLiteral("bad")).isFinished());
    }
};

QTEST_GUILESS_MAIN(TstServerLimits)
#include "tst_server_limits.moc"
