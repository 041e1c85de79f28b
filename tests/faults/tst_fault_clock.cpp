#include "securitytest.h"
#include "tests/sync/synctest.h"

#include "api/client/jwtclaims.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QSaveFile>
#include <QTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;

namespace {
// libfaketime (tools/setup-deps.sh installs it), where Debian puts it.
QString fakeTimeLibrary()
{
    for (const char *path : { "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1", "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
                              "/usr/lib/faketime/libfaketime.so.1" }) {
        if (QFile::exists(QString::fromLatin1(path)))
            return QString::fromLatin1(path);
    }
    return {};
}

// A littlelemon-server whose wall clock is this machine's plus an offset the
// test moves while it runs (libfaketime reads the file at every call; the
// monotonic clock, which timers and throttling use, is left alone). No
// option of the server is involved: the server cannot tell.
class ShiftedClock
{
public:
    bool prepare(QString *error)
    {
        const QString lib = fakeTimeLibrary();
        if (lib.isEmpty()) {
            *error = QStringLiteral("libfaketime is not installed (tools/setup-deps.sh installs it)");
            return false;
        }
        m_file = m_dir.filePath(QStringLiteral("offset"));
        set("+0");
        // Inherited by the server started next; nothing in this process reads them.
        qputenv("LD_PRELOAD", QFile::encodeName(lib));
        qputenv("FAKETIME_TIMESTAMP_FILE", QFile::encodeName(m_file));
        qputenv("FAKETIME_NO_CACHE", "1");
        qputenv("FAKETIME_DONT_FAKE_MONOTONIC", "1");
        return true;
    }
    ~ShiftedClock()
    {
        for (const char *name : { "LD_PRELOAD", "FAKETIME_TIMESTAMP_FILE", "FAKETIME_NO_CACHE", "FAKETIME_DONT_FAKE_MONOTONIC" })
            qunsetenv(name);
    }
    // "+20m", "-3h", "+8d": the server's clock from now on.
    void set(const QByteArray &offset)
    {
        QSaveFile f(m_file);
        f.open(QIODevice::WriteOnly);
        f.write(offset + '\n');
        f.commit();
    }

private:
    QTemporaryDir m_dir;
    QString m_file;
};

qint64 serverNow(TestServer &server)
{
    // The issue time of a fresh token is the server's clock.
    HttpTestClient http(server.url());
    const QString access = http.login(QStringLiteral("cust"), kPassword, false);
    const auto claims = Client::JwtClaims::parse(access);
    return claims ? claims->issuedAt() : 0;
}
} // namespace

// Clocks that disagree or jump must not lock anyone out. The client never
// judges a token by its own wall clock (it counts the lifetime the server
// granted on its monotonic clock), and the server is the judge of expiry:
// - tokens that have already expired by the desk's clock (the server's clock
//   is hours behind) work, without a storm of refreshes;
// - the server's clock jumping past the access lifetime: the next request
//   gets 401, the desk refreshes once and carries on;
// - jumping past the refresh lifetime: the session ends, the desk says to
//   sign in again, the password works at once and the queued edit arrives;
// - jumping back a day: tokens issued "in the future" still work.
class TstFaultClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokensExpiredByTheDesksClock()
    {
        ShiftedClock clock;
        QString error;
        QVERIFY2(clock.prepare(&error), qPrintable(error));
        clock.set("-3h");
        TestServer server;
        QVERIFY(startServer(server, {}, 12, 10));
        const qint64 skew = serverNow(server) - QDateTime::currentSecsSinceEpoch();
        QVERIFY2(skew < -3 * 3600 + 60 && skew > -3 * 3600 - 60, qPrintable(QStringLiteral("skew %1 s").arg(skew)));

        Terminal desk;
        QVERIFY2(desk.open(server.url(), QStringLiteral("mario")), qPrintable(desk.error));
        Client::SyncReport report = desk.sync();
        QVERIFY2(report.ok, qPrintable(describe(report)));
        // Every token the desk holds expired hours ago by its own clock...
        HttpTestClient probe(server.url());
        const auto claims = Client::JwtClaims::parse(probe.login(QStringLiteral("mario"), kPassword, false));
        QVERIFY(claims && claims->expiresAt() < QDateTime::currentSecsSinceEpoch());
        // ...and it works on, without refreshing.
        QVERIFY(desk.store->outbox()->setMenuItemPrice(3, Money::fromCents(1234)));
        report = desk.sync();
        QVERIFY2(report.ok && report.sent == 1, qPrintable(describe(report)));
        QCOMPARE(desk.client->session()->refreshCount(), 0);
        QVERIFY(desk.client->session()->isSignedIn());
    }

    void serverClockJumpsPastTheAccessLifetime()
    {
        ShiftedClock clock;
        QString error;
        QVERIFY2(clock.prepare(&error), qPrintable(error));
        TestServer server;
        QVERIFY(startServer(server, {}, 12, 10));
        Terminal desk;
        QVERIFY2(desk.open(server.url(), QStringLiteral("mario")), qPrintable(desk.error));
        QVERIFY(desk.sync().ok);
        HttpTestClient before(server.url());
        QVERIFY(!before.login(QStringLiteral("mario"), kPassword).isEmpty());

        clock.set("+20m"); // the 15-minute access tokens are now dead
        QCOMPARE(before.get(QStringLiteral("/api/orders")).status, 401);
        QVERIFY(desk.store->outbox()->setMenuItemPrice(4, Money::fromCents(999)));
        const Client::SyncReport report = desk.sync();
        QVERIFY2(report.ok && report.sent == 1, qPrintable(describe(report)));
        QVERIFY(desk.client->session()->isSignedIn());
        QCOMPARE(desk.client->session()->refreshCount(), 1);
    }

    void serverClockJumpsPastTheRefreshLifetime()
    {
        ShiftedClock clock;
        QString error;
        QVERIFY2(clock.prepare(&error), qPrintable(error));
        TestServer server;
        QVERIFY(startServer(server, {}, 12, 10));
        Terminal desk;
        QVERIFY2(desk.open(server.url(), QStringLiteral("mario")), qPrintable(desk.error));
        QVERIFY(desk.sync().ok);
        QSignalSpy signedOut(desk.client->session(), &Client::AuthSession::signedOut);

        clock.set("+8d"); // past the 7-day refresh token too
        QVERIFY(desk.store->outbox()->setMenuItemPrice(5, Money::fromCents(777)));
        Client::SyncReport report = desk.sync();
        QVERIFY2(!report.ok, qPrintable(describe(report)));
        QCOMPARE(report.error.kind(), ApiError::Kind::Unauthorized);
        QVERIFY(!desk.client->session()->isSignedIn());
        QCOMPARE(signedOut.size(), 1);
        QVERIFY(!signedOut.first().at(0).toString().isEmpty()); // "please sign in again"
        QCOMPARE(desk.store->outbox()->pendingCount(), 1); // the edit waits

        // Not locked out: the password works at once, and the edit goes.
        auto *job = desk.client->session()->login(QStringLiteral("mario"), kPassword);
        job->setAutoDelete(false);
        QSignalSpy done(job, &Client::ApiJob::finished);
        QVERIFY(job->isFinished() || done.wait(20000));
        QVERIFY2(bool(job->result()), qPrintable(job->result().error().userMessage()));
        delete job;
        report = desk.sync();
        QVERIFY2(report.ok && report.sent == 1, qPrintable(describe(report)));
        auto mario = http(server);
        QCOMPARE(mario->get(QStringLiteral("/api/menu-items/5")).object().value(QStringLiteral("price")).toString(), QStringLiteral("7.77"));
    }

    void serverClockJumpsBack()
    {
        ShiftedClock clock;
        QString error;
        QVERIFY2(clock.prepare(&error), qPrintable(error));
        TestServer server;
        QVERIFY(startServer(server, {}, 12, 10));
        Terminal desk;
        QVERIFY2(desk.open(server.url(), QStringLiteral("mario")), qPrintable(desk.error));
        QVERIFY(desk.sync().ok);

        clock.set("-1d"); // tokens now carry an issue time a day ahead
        QVERIFY(desk.store->outbox()->setMenuItemPrice(6, Money::fromCents(555)));
        Client::SyncReport report = desk.sync();
        QVERIFY2(report.ok && report.sent == 1, qPrintable(describe(report)));
        // New sign-ins and refreshes work too.
        HttpTestClient http(server.url());
        QString refresh;
        QVERIFY(!http.login(QStringLiteral("crew"), kPassword, true, &refresh).isEmpty());
        QCOMPARE(http.post(QStringLiteral("/auth/jwt/refresh/"), QJsonObject { { QStringLiteral("refresh"), refresh } }).status, 200);
        QCOMPARE(http.get(QStringLiteral("/api/orders")).status, 200);
        QVERIFY(desk.client->session()->isSignedIn());
    }
};

QTEST_GUILESS_MAIN(TstFaultClock)
#include "tst_fault_clock.moc"
