#pragma once

#include "api/client/apijob.h"
#include "models/user.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace LittleLemon::Client {

class ApiClient;
class RequestJob;
class SignInJob;
class TokenStore;

// Who is signed in to one server, and the tokens that prove it.
//
// login() trades a user name and password for SimpleJWT's token pair, learns
// the user's id from the access token's user_id, the name from /me and the
// role from /me's groups and is_staff (our "me" extension) or else from the
// group endpoints. The refresh token goes to the keychain (TokenStore), so
// restore() signs the same user in after a restart without a password.
//
// The access token is refreshed shortly before it expires; a request refused
// with 401 has it refreshed once and is replayed once; any number of
// requests waiting for a token share one refresh. A refused refresh token
// ends the session ("please sign in again") and nothing retries it.
class AuthSession : public QObject
{
    Q_OBJECT

public:
    enum class State { SignedOut, SigningIn, SignedIn };
    Q_ENUM(State)

    using TokenCallback = std::function<void(const QString &accessToken, const ApiError &error)>;

    explicit AuthSession(ApiClient *client);
    ~AuthSession() override;

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    // The signed-in user (id, name, e-mail, groups, is_staff); empty when signed out.
    const User &user() const { return m_user; }
    Role role() const { return m_user.role(); }
    // Whether requests can get a token now: signed in, or signing in past the token step.
    bool hasCredentials() const { return !m_refreshToken.isEmpty(); }

    // The job's value is the signed-in user. A second call aborts the first.
    Job<User> *login(const QString &username, const QString &password);
    // Silent sign-in with the refresh token the keychain holds for this
    // server and `username`; fails with Unauthorized when there is none or
    // it has expired (and then removes it).
    Job<User> *restore(const QString &username);
    // Forgets tokens, user and role at once (signedOut() is emitted before it
    // returns) and removes the keychain entry; the job finishes when it is gone.
    Job<NoContent> *logout();

    // On (default): refresh min(60 s, a third of the token's life) before it
    // expires, and before sending with a token about to expire. Off: use a
    // token until the server refuses it. Off is for checking the 401 path.
    void setRefreshAhead(bool on);
    bool refreshAhead() const { return m_refreshAhead; }
    // Successful refreshes since this session was made.
    int refreshCount() const { return m_refreshCount; }
    // When the current access token expires, by this computer's monotonic clock.
    QDeadlineTimer accessDeadline() const { return m_accessDeadline; }

    TokenStore *tokenStore() const { return m_store; }

    // For RequestJob: `callback` gets a valid access token, or the error that
    // prevents one. It runs at once when the token is fresh, otherwise after
    // the (shared) refresh, and never once `context` is gone.
    void withAccessToken(QObject *context, TokenCallback callback);
    // For RequestJob: the server refused `refusedToken` with 401.
    void renewAfterRefusal(const QString &refusedToken, QObject *context, TokenCallback callback);

Q_SIGNALS:
    void stateChanged(LittleLemon::Client::AuthSession::State state);
    void signedIn(const LittleLemon::User &user);
    // Empty reason after logout(); a sentence for a person when the server ended it.
    void signedOut(const QString &reason);
    void accessRefreshed();
    // Something to tell a person once (no keychain on this computer).
    void notice(const QString &message);

private:
    friend class SignInJob;

    struct Waiter
    {
        QPointer<QObject> context;
        TokenCallback callback;
    };

    void setState(State state);
    // serverNow: the server's clock when it issued `token` (its Date header), if it said.
    void setAccessToken(const QString &token, const QDateTime &serverNow);
    void startRefresh();
    void onRefreshFinished();
    void notifyWaiters(const QString &token, const ApiError &error);
    void expire();
    void clear();
    bool accessUsable() const;
    // Stops a sign-in or a token refresh that is under way.
    void abortJobs();
    // For SignInJob.
    void beginSignIn(SignInJob *job, const QString &username);
    void adoptTokens(const QString &access, const QString &refresh, const QDateTime &serverNow);
    void completeSignIn(const User &user);
    void abandonSignIn(SignInJob *job);

    ApiClient *m_client;
    TokenStore *m_store;
    State m_state = State::SignedOut;
    User m_user;
    QString m_username;
    QString m_accessToken;
    QString m_refreshToken;
    qint64 m_accessLifetimeMs = 0;
    QDeadlineTimer m_accessDeadline;
    QTimer m_refreshTimer;
    QPointer<RequestJob> m_refreshJob;
    QList<Waiter> m_waiters;
    QPointer<SignInJob> m_signIn;
    qint64 m_tokenUserId = 0;
    int m_refreshCount = 0;
    bool m_refreshAhead = true;
};

} // namespace LittleLemon::Client
