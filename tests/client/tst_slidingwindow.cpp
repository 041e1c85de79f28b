// The pacing arithmetic: never more than `limit` requests in any window, a
// full burst allowed, Retry-After holds honoured.
#include "api/client/slidingwindow.h"

#include <QTest>

using LittleLemon::Client::SlidingWindow;

class TestSlidingWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstThenWait_data();
    void burstThenWait();
    void neverMoreThanLimitInAnyWindow_data();
    void neverMoreThanLimitInAnyWindow();
    void holdUntil();
    void loweredLimitAppliesAtOnce();
};

void TestSlidingWindow::burstThenWait_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<qint64>("window");
    QTest::addColumn<qint64>("margin");

    QTest::newRow("cloud signed in: 100/min") << 100 << qint64(60000) << qint64(500);
    QTest::newRow("cloud anonymous: 20/min") << 20 << qint64(60000) << qint64(500);
    QTest::newRow("tight: 10/min") << 10 << qint64(60000) << qint64(500);
    QTest::newRow("one a second, no margin") << 1 << qint64(1000) << qint64(0);
}

void TestSlidingWindow::burstThenWait()
{
    QFETCH(int, limit);
    QFETCH(qint64, window);
    QFETCH(qint64, margin);
    SlidingWindow w(limit, window, margin);
    const qint64 t0 = 1000;
    for (int i = 0; i < limit; ++i) {
        QCOMPARE(w.delay(t0 + i), qint64(0));
        w.record(t0 + i);
    }
    // The next slot frees when the first request leaves the window.
    QCOMPARE(w.delay(t0 + limit), t0 + window + margin - (t0 + limit));
    QCOMPARE(w.delay(t0 + window + margin), qint64(0));
    QCOMPARE(w.inWindow(t0 + window + margin), limit - 1);
}

void TestSlidingWindow::neverMoreThanLimitInAnyWindow_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("requests");
    QTest::newRow("10/min, 57 requests") << 10 << 57;
    QTest::newRow("3/min, 20 requests") << 3 << 20;
    QTest::newRow("100/min, 250 requests") << 100 << 250;
}

void TestSlidingWindow::neverMoreThanLimitInAnyWindow()
{
    QFETCH(int, limit);
    QFETCH(int, requests);
    const qint64 window = 60000;
    SlidingWindow w(limit, window, 0);
    // A greedy caller: every request goes the moment the window allows it.
    QList<qint64> sent;
    qint64 now = 0;
    for (int i = 0; i < requests; ++i) {
        now += w.delay(now);
        w.record(now);
        sent << now;
    }
    // Whatever window one looks at, it holds at most `limit` requests...
    for (int i = 0; i < sent.size(); ++i) {
        int inWindow = 0;
        for (int j = i; j < sent.size() && sent[j] < sent[i] + window; ++j)
            ++inWindow;
        QVERIFY2(inWindow <= limit, qPrintable(QStringLiteral("%1 requests in the window from %2 ms")
                                                    .arg(inWindow)
                                                    .arg(sent[i])));
    }
    // ...and no time is wasted: whole bursts, one window apart.
    const int windows = (requests + limit - 1) / limit;
    QCOMPARE(sent.last(), qint64(windows - 1) * window);
}

void TestSlidingWindow::holdUntil()
{
    SlidingWindow w(100, 60000, 0);
    w.record(0);
    w.holdUntil(30000);
    QCOMPARE(w.delay(10), qint64(29990));
    QCOMPARE(w.delay(30000), qint64(0));
    // An earlier hold never shortens a later one.
    w.holdUntil(20000);
    QCOMPARE(w.heldUntil(), qint64(30000));
}

void TestSlidingWindow::loweredLimitAppliesAtOnce()
{
    SlidingWindow w(100, 60000, 0);
    for (int i = 0; i < 20; ++i)
        w.record(i * 10);
    QCOMPARE(w.delay(500), qint64(0));
    w.setLimit(10);
    // Ten of the twenty are already too many: wait until the eleventh-newest leaves.
    QCOMPARE(w.delay(500), qint64(60000 + 100 - 500));
}

QTEST_APPLESS_MAIN(TestSlidingWindow)
#include "tst_slidingwindow.moc"
