#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace LittleLemon::Client {

// Where refresh tokens live between runs: the OS keychain (Secret Service on
// Linux) through QtKeychain, one entry per server and user. Never the
// password, never an access token, never a file, QSettings or a log. When
// this computer has no keychain service, tokens are kept in this process's
// memory only (a restart asks for the password again) and that is reported
// once per process through keychainUnavailable().
class TokenStore : public QObject
{
    Q_OBJECT

public:
    explicit TokenStore(QObject *parent = nullptr);

    // The keychain's service name and the entry for one server and user.
    static QString serviceName();
    static QString entryKey(const QString &serverKey, const QString &username);
    // True once the keychain has failed in this process: tokens are in memory.
    static bool usingMemoryFallback();

    // Callbacks run from the event loop, and only while `context` lives.
    // save: `inKeychain` false when the token went to the in-memory fallback.
    void save(const QString &serverKey, const QString &username, const QString &token, QObject *context,
              std::function<void(bool inKeychain)> done = {});
    // load: an empty token when none is stored.
    void load(const QString &serverKey, const QString &username, QObject *context,
              std::function<void(const QString &token)> done);
    void remove(const QString &serverKey, const QString &username, QObject *context,
                std::function<void()> done = {});

    // Whether this computer has a keychain to keep a sign-in in, found by
    // reading an entry nobody writes; a missing keychain starts the fallback.
    void probe(QObject *context, std::function<void(bool available)> done);

    // The sentence keychainUnavailable() carries.
    static QString fallbackMessage();

Q_SIGNALS:
    // Emitted by the store that first finds no keychain in this process.
    void keychainUnavailable(const QString &message);

private:
    void fallBack(const QString &why);
};

} // namespace LittleLemon::Client
