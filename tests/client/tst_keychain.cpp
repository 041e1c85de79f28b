// The refresh token in a real Secret Service (gnome-keyring under a private
// D-Bus session, see with-keyring.sh): stored at sign-in, used by a new
// session object to sign in without a password, gone after logout, and never
// in a file.
#include "clienttest.h"
#include "keychaintest.h"

#include "api/client/jwtclaims.h"

using namespace LittleLemon;
using namespace LittleLemon::Client;
using namespace LittleLemon::Test;

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void storeRestoreLogout();
    void oneEntryPerServerAndUser();

private:
    TestServer m_server;
};

void TestKeychain::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "no D-Bus session: run this test through tests/client/with-keyring.sh (ctest does)");
    QVERIFY(startServer(m_server));
}

void TestKeychain::storeRestoreLogout()
{
    const QString key = TokenStore::entryKey(makeClient(m_server)->endpoint().key(), QStringLiteral("mario"));
    QString token;
    {
        auto client = makeClient(m_server);
        QSignalSpy notice(client->session(), &AuthSession::notice);
        LL_VERIFY_OK(signIn(*client, QStringLiteral("mario")));
        // Stored in the keychain: no fallback, nothing to tell the user.
        QVERIFY(!TokenStore::usingMemoryFallback());
        QCOMPARE(notice.count(), 0);

        const KeychainEntry entry = readKeychain(key);
        QCOMPARE(entry.error, QKeychain::NoError);
        token = entry.text;
        // The refresh token, never the password.
        const auto claims = JwtClaims::parse(token);
        QVERIFY(claims.has_value());
        QCOMPARE(claims->tokenType(), QStringLiteral("refresh"));
        QCOMPARE(claims->userId(), client->session()->user().id);
        QVERIFY(!token.contains(kPassword));
    }
    // Not in any file of this (throwaway) home: the keyring's file is encrypted.
    QCOMPARE(filesContaining(QDir::homePath(), token.toUtf8()), QStringList());
    QCOMPARE(filesContaining(QDir::homePath(), kPassword.toUtf8()), QStringList());

    // A new session object (as after a restart) signs in with no password.
    auto client = makeClient(m_server);
    QSignalSpy signedIn(client->session(), &AuthSession::signedIn);
    const auto restored = waitFor(client->session()->restore(QStringLiteral("mario")));
    LL_VERIFY_OK(restored);
    QCOMPARE(restored->username, QStringLiteral("mario"));
    QCOMPARE(restored->role(), Role::Manager);
    QCOMPARE(signedIn.count(), 1);
    QCOMPARE(client->session()->refreshCount(), 1);
    LL_VERIFY_OK(waitFor(client->orders()));

    // Logout removes the entry.
    LL_VERIFY_OK(waitFor(client->session()->logout()));
    QCOMPARE(readKeychain(key).error, QKeychain::EntryNotFound);
    auto after = makeClient(m_server);
    const auto again = waitFor(after->session()->restore(QStringLiteral("mario")));
    QCOMPARE(again.error().kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(again.error().userMessage(), QStringLiteral("You need to sign in first."));
}

void TestKeychain::oneEntryPerServerAndUser()
{
    TestServer other;
    QVERIFY(startServer(other));
    auto a = makeClient(m_server);
    auto b = makeClient(m_server);
    auto c = makeClient(other);
    LL_VERIFY_OK(signIn(*a, QStringLiteral("mario")));
    LL_VERIFY_OK(signIn(*b, QStringLiteral("cust")));
    LL_VERIFY_OK(signIn(*c, QStringLiteral("mario")));
    const QString keyA = TokenStore::entryKey(a->endpoint().key(), QStringLiteral("mario"));
    const QString keyB = TokenStore::entryKey(b->endpoint().key(), QStringLiteral("cust"));
    const QString keyC = TokenStore::entryKey(c->endpoint().key(), QStringLiteral("mario"));
    QCOMPARE(QSet<QString>({ keyA, keyB, keyC }).size(), 3);
    const QString tokenA = readKeychain(keyA).text;
    const QString tokenC = readKeychain(keyC).text;
    QVERIFY(!tokenA.isEmpty());
    QVERIFY(!tokenC.isEmpty());
    QVERIFY(tokenA != tokenC);

    // Logging one out leaves the others.
    LL_VERIFY_OK(waitFor(a->session()->logout()));
    QCOMPARE(readKeychain(keyA).error, QKeychain::EntryNotFound);
    QCOMPARE(readKeychain(keyB).error, QKeychain::NoError);
    QCOMPARE(readKeychain(keyC).error, QKeychain::NoError);
    auto restoredC = makeClient(other);
    LL_VERIFY_OK(waitFor(restoredC->session()->restore(QStringLiteral("mario"))));
    LL_VERIFY_OK(waitFor(b->session()->logout()));
    LL_VERIFY_OK(waitFor(restoredC->session()->logout()));
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
