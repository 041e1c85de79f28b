#include "api/client/tokenstore.h"

#include "api/client/clientlog.h"

#include <QCoreApplication>
#include <QHash>
#include <QMetaObject>
#include <QPointer>

#include <qt6keychain/keychain.h>

namespace LittleLemon::Client {

namespace {

// The fallback is a fact about this computer, not about one store: it is
// shared by the process, and so are the tokens kept in memory for the session.
struct Fallback
{
    bool active = false;
    bool reported = false;
    QHash<QString, QString> tokens;
};

Fallback &fallback()
{
    static Fallback f;
    return f;
}

// Errors that mean "there is no usable keychain here", as opposed to "no such entry".
bool isBackendFailure(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return false;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return true;
    }
    return true;
}

template<typename KeychainJob>
KeychainJob *newJob(const QString &key)
{
    auto *job = new KeychainJob(TokenStore::serviceName());
    job->setAutoDelete(true);
    // QtKeychain's "insecure fallback" writes secrets to a settings file when
    // no keychain exists: exactly what must never happen to a token.
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

// Runs `f` from the event loop if `context` still lives.
void later(QObject *context, std::function<void()> f)
{
    QMetaObject::invokeMethod(
        context, [f = std::move(f)] { f(); }, Qt::QueuedConnection);
}

} // namespace

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{
}

QString TokenStore::serviceName()
{
    return QStringLiteral("Little Lemon Desk");
}

QString TokenStore::entryKey(const QString &serverKey, const QString &username)
{
    // The user first: a server key always starts with its scheme, so no two
    // (server, user) pairs make the same key.
    return username + u'@' + serverKey;
}

bool TokenStore::usingMemoryFallback()
{
    return fallback().active;
}

QString TokenStore::fallbackMessage()
{
    return QCoreApplication::translate(
        "LittleLemon::Client::TokenStore",
        "This computer has no password keychain, so your sign-in is kept only until Little Lemon closes. "
        "You will be asked for your password next time.");
}

void TokenStore::fallBack(const QString &why)
{
    Fallback &f = fallback();
    if (!f.active)
        qCWarning(lcKeychain) << "no usable keychain (" << why << "); tokens stay in memory for this session";
    f.active = true;
    if (!f.reported) {
        f.reported = true;
        Q_EMIT keychainUnavailable(fallbackMessage());
    }
}

void TokenStore::save(const QString &serverKey, const QString &username, const QString &token, QObject *context,
                      std::function<void(bool)> done)
{
    const QString key = entryKey(serverKey, username);
    QPointer<QObject> guard(context);
    auto finish = [guard, done](bool inKeychain) {
        if (guard && done)
            done(inKeychain);
    };
    if (fallback().active) {
        fallback().tokens.insert(key, token);
        later(this, [finish] { finish(false); });
        return;
    }
    auto *job = newJob<QKeychain::WritePasswordJob>(key);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, key, token, finish](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError) {
            qCInfo(lcKeychain) << "refresh token stored in the keychain for" << key;
            fallback().tokens.remove(key);
            finish(true);
            return;
        }
        fallBack(j->errorString());
        fallback().tokens.insert(key, token);
        finish(false);
    });
    job->start();
}

void TokenStore::load(const QString &serverKey, const QString &username, QObject *context,
                      std::function<void(const QString &)> done)
{
    const QString key = entryKey(serverKey, username);
    QPointer<QObject> guard(context);
    auto finish = [guard, done](const QString &token) {
        if (guard && done)
            done(token);
    };
    if (fallback().active) {
        const QString token = fallback().tokens.value(key);
        later(this, [finish, token] { finish(token); });
        return;
    }
    auto *job = newJob<QKeychain::ReadPasswordJob>(key);
    connect(job, &QKeychain::Job::finished, this, [key, finish](QKeychain::Job *j) {
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (j->error() == QKeychain::NoError) {
            finish(read->textData());
            return;
        }
        if (isBackendFailure(j->error()))
            qCInfo(lcKeychain) << "keychain read failed:" << j->errorString();
        // Nothing in the keychain; the session may still hold one in memory.
        finish(fallback().tokens.value(key));
    });
    job->start();
}

void TokenStore::probe(QObject *context, std::function<void(bool)> done)
{
    QPointer<QObject> guard(context);
    auto finish = [guard, done](bool available) {
        if (guard && done)
            done(available);
    };
    if (fallback().active) {
        later(this, [finish] { finish(false); });
        return;
    }
    auto *job = newJob<QKeychain::ReadPasswordJob>(QStringLiteral("probe@littlelemon"));
    connect(job, &QKeychain::Job::finished, this, [this, finish](QKeychain::Job *j) {
        if (isBackendFailure(j->error())) {
            fallBack(j->errorString());
            finish(false);
            return;
        }
        finish(true);
    });
    job->start();
}

void TokenStore::remove(const QString &serverKey, const QString &username, QObject *context,
                        std::function<void()> done)
{
    const QString key = entryKey(serverKey, username);
    fallback().tokens.remove(key);
    QPointer<QObject> guard(context);
    auto finish = [guard, done] {
        if (guard && done)
            done();
    };
    if (fallback().active) {
        later(this, finish);
        return;
    }
    auto *job = newJob<QKeychain::DeletePasswordJob>(key);
    connect(job, &QKeychain::Job::finished, this, [key, finish](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError)
            qCInfo(lcKeychain) << "refresh token removed from the keychain for" << key;
        else if (j->error() != QKeychain::EntryNotFound)
            qCWarning(lcKeychain) << "could not remove the keychain entry for" << key << ":" << j->errorString();
        finish();
    });
    job->start();
}

} // namespace LittleLemon::Client
