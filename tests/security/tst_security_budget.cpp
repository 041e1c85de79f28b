#include "rawhttp.h"
#include "securitytest.h"

#include <QtTest>

#include <memory>
#include <vector>

using namespace LittleLemon::Test;

namespace {
#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer keeps freed memory in quarantine (256 MB): the server's
// RSS says nothing about its buffers then. The flow is still checked.
constexpr bool kRssMeans = false;
#else
constexpr bool kRssMeans = true;
#endif
} // namespace

// Unfinished uploads must not fill the server's memory (issue 20): Qt HTTP
// Server keeps every request body in memory until it has arrived whole, and
// 1,000 held 1 MB uploads took the server from 20 MB to 1.9 GB. Bodies now
// count against a budget of buffered bytes (64 MB); past it they are
// answered 503 with Retry-After and never buffered, other clients are still
// served, and the memory goes back afterwards. The short version of
// bench/budget (which holds 1,000 uploads and waits a minute).
class TstSecurityBudget : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(CloudFixture::relaxedArgs()), qPrintable(m_server.errorString()));
    }

    void heldUploadsStayWithinTheBudget()
    {
        constexpr int kUploads = 120;
        constexpr qint64 kBody = 1000000;
        const qint64 pid = m_server.processId();
        // Warm: the first requests allocate what every later one reuses.
        HttpTestClient http(m_server.url());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(http.get(QStringLiteral("/health")).status, 200);
        const qint64 start = residentBytes(pid);
        QVERIFY(start > 0);

        std::vector<std::unique_ptr<RawHttp>> uploads;
        int busy = 0;
        const QByteArray body(kBody - 16, 'x');
        for (int i = 0; i < kUploads; ++i) {
            auto u = std::make_unique<RawHttp>(QHostAddress(QStringLiteral("127.0.0.1")));
            QVERIFY(u->connectTo(m_server.port()));
            connect(u.get(), &RawHttp::answered, this, [&busy](const RawHttp::Answer &a) {
                if (a.status == 503 && !RawHttp::header(a, "Retry-After").isEmpty())
                    ++busy;
            });
            // All but the last 16 bytes, then nothing: an upload held open.
            u->socket().write("POST /auth/users/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              "Content-Length: "
                              + QByteArray::number(kBody) + "\r\n\r\n" + body);
            uploads.push_back(std::move(u));
        }
        // The server takes in what it accepts; the rest is refused.
        qint64 peak = start;
        QElapsedTimer watch;
        watch.start();
        while (watch.elapsed() < 3000) {
            QTest::qWait(100);
            peak = qMax(peak, residentBytes(pid));
        }
        QVERIFY2(busy > 0, "no upload was answered 503 with Retry-After");

        // Another client (another address) is served meanwhile.
        QElapsedTimer t;
        t.start();
        const auto health = exchangeFrom(QHostAddress(QStringLiteral("127.0.0.2")), m_server.port(),
                                         RawHttp::request("GET", "/health"));
        const qint64 healthMs = t.elapsed();
        QCOMPARE(health.status, 200);
        peak = qMax(peak, residentBytes(pid));
        qInfo("%d held 1 MB uploads: %d answered 503; RSS %lld MB -> peak %lld MB; /health in %lld ms", kUploads, busy,
              start >> 20, peak >> 20, healthMs);
        if (kRssMeans) {
            QVERIFY2(peak - start <= 100ll * 1024 * 1024,
                     qPrintable(QStringLiteral("RSS grew by %1 MB").arg((peak - start) >> 20)));
        }
        QVERIFY2(healthMs <= 1000, qPrintable(QStringLiteral("/health took %1 ms").arg(healthMs)));

        // They give up; the memory goes back.
        uploads.clear();
        if (kRssMeans)
            QTRY_VERIFY_WITH_TIMEOUT(residentBytes(pid) - start <= 30ll * 1024 * 1024, 15000);
        QCOMPARE(http.get(QStringLiteral("/health")).status, 200);
    }

    // A request's body is only ever refused for the budget, never cut: a
    // body that fits arrives whole and is answered as usual.
    void bodiesWithinTheBudgetAreServed()
    {
        HttpTestClient http(m_server.url());
        const HttpReply r = http.post(QStringLiteral("/auth/jwt/create/"),
                                      QJsonObject { { QStringLiteral("username"), QStringLiteral("nobody") },
                                                    { QStringLiteral("password"), QString(200000, u'p') } });
        QCOMPARE(r.status, 401);
    }
};

QTEST_GUILESS_MAIN(TstSecurityBudget)
#include "tst_security_budget.moc"
