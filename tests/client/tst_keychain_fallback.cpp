// No D-Bus session, so no keychain: tokens stay in this process's memory,
// the user is told once, and nothing is written anywhere.
#include "clienttest.h"
#include "keychaintest.h"

using namespace LittleLemon;
using namespace LittleLemon::Client;
using namespace LittleLemon::Test;

class TestKeychainFallback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void memoryForThisSessionOnly();

private:
    TestServer m_server;
};

void TestKeychainFallback::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "a D-Bus session is set: run this test through tests/client/without-dbus.sh (ctest does)");
    QVERIFY(startServer(m_server));
}

void TestKeychainFallback::memoryForThisSessionOnly()
{
    auto first = makeClient(m_server);
    QSignalSpy notice(first->session(), &AuthSession::notice);
    LL_VERIFY_OK(signIn(*first, QStringLiteral("mario")));
    QVERIFY(TokenStore::usingMemoryFallback());
    QCOMPARE(notice.count(), 1);
    QCOMPARE(notice.first().first().toString(),
             QStringLiteral("This computer has no password keychain, so your sign-in is kept only until Little "
                            "Lemon closes. You will be asked for your password next time."));

    // Told once per run, however many sign-ins follow.
    auto second = makeClient(m_server);
    QSignalSpy secondNotice(second->session(), &AuthSession::notice);
    LL_VERIFY_OK(signIn(*second, QStringLiteral("cust")));
    QCOMPARE(secondNotice.count(), 0);
    QCOMPARE(notice.count(), 1);

    // For the rest of this run, a new session object still signs in silently.
    auto third = makeClient(m_server);
    const auto restored = waitFor(third->session()->restore(QStringLiteral("mario")));
    LL_VERIFY_OK(restored);
    QCOMPARE(restored->role(), Role::Manager);

    // The token is nowhere on disk.
    QString token;
    third->session()->tokenStore()->load(third->endpoint().key(), QStringLiteral("mario"), this,
                                         [&](const QString &t) { token = t; });
    QTRY_VERIFY(!token.isEmpty());
    QCOMPARE(filesContaining(QDir::homePath(), token.toUtf8()), QStringList());
    QCOMPARE(filesContaining(QDir::tempPath(), token.toUtf8()), QStringList());

    // Logout forgets it here too.
    LL_VERIFY_OK(waitFor(third->session()->logout()));
    auto fourth = makeClient(m_server);
    QCOMPARE(waitFor(fourth->session()->restore(QStringLiteral("mario"))).error().kind(),
             ApiError::Kind::Unauthorized);
    // The other user's sign-in is untouched.
    auto fifth = makeClient(m_server);
    LL_VERIFY_OK(waitFor(fifth->session()->restore(QStringLiteral("cust"))));
}

QTEST_GUILESS_MAIN(TestKeychainFallback)
#include "tst_keychain_fallback.moc"
