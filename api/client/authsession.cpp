#include "api/client/authsession.h"

#include "api/client/apiclient.h"
#include "api/client/clienterrors.h"
#include "api/client/clientlog.h"
#include "api/client/jwtclaims.h"
#include "api/client/requestjob.h"
#include "api/client/tokenstore.h"

#include <QJsonObject>

#include <algorithm>

namespace LittleLemon::Client {

namespace {

// Refresh this long before expiry: a minute for the cloud's 15-minute tokens,
// a third of the life for short ones.
qint64 refreshLeadMs(qint64 lifetimeMs)
{
    return std::min<qint64>(60000, lifetimeMs / 3);
}

// A token this close to expiry is not worth sending: it may expire on the way
// (a busy machine may also be late with the refresh timer).
qint64 expirySkewMs(qint64 lifetimeMs)
{
    return std::min<qint64>(5000, lifetimeMs / 4);
}

bool listsUser(const QList<User> &members, qint64 id, const QString &username)
{
    return std::any_of(members.cbegin(), members.cend(), [&](const User &u) {
        return (id > 0 && u.id == id) || (!username.isEmpty() && u.username == username);
    });
}

} // namespace

// The steps of a sign-in: tokens (from a password or the keychain), the
// server's extensions, /me, the role, the keychain. The session is told at
// each step; the job's value is the user.
class SignInJob : public Job<User>
{
public:
    enum class Mode { Password, Keychain };

    SignInJob(AuthSession *session, ApiClient *client, Mode mode, QString username, QString password)
        : Job<User>(session)
        , m_session(session)
        , m_client(client)
        , m_mode(mode)
        , m_username(std::move(username))
        , m_password(std::move(password))
    {
        setTimeout(client->timeout());
    }

    void start()
    {
        if (m_mode == Mode::Password)
            createTokens();
        else
            loadStoredToken();
    }

    void setTimeout(int ms) override
    {
        ApiJob::setTimeout(ms);
        if (m_current)
            m_current->setTimeout(ms);
    }

protected:
    void onAbort() override
    {
        if (m_current)
            m_current->abort();
        if (m_session)
            m_session->abandonSignIn(this);
    }

private:
    void step(const Request &request, std::function<void(const RequestJob &)> next,
              std::function<ApiError(const ApiError &)> reword = {})
    {
        if (isFinished())
            return;
        RequestJob *job = m_client ? m_client->send(request) : nullptr;
        if (!job) {
            failWith(ClientErrors::aborted());
            return;
        }
        job->setParent(this);
        job->setAutoDelete(false);
        job->setTimeout(timeout());
        m_current = job;
        connect(job, &ApiJob::finished, this, [this, job, next, reword](const ApiError &error) {
            job->deleteLater();
            m_current = nullptr;
            if (isFinished())
                return;
            if (error.isError())
                failWith(reword ? reword(error) : error);
            else
                next(*job);
        });
    }

    void failWith(const ApiError &error)
    {
        qCInfo(lcAuth) << "sign-in failed:" << ApiError::kindName(error.kind());
        if (m_session)
            m_session->abandonSignIn(this);
        fail(error);
    }

    void createTokens()
    {
        Request r = Request::write(
            "POST", QStringLiteral("/auth/jwt/create/"),
            QJsonObject { { QStringLiteral("username"), m_username }, { QStringLiteral("password"), m_password } },
            Request::Auth::None);
        m_password.clear();
        step(
            r,
            [this](const RequestJob &reply) {
                DecodeError error;
                const auto pair = Json::decode<TokenPair>(reply.json(), &error);
                if (!pair || !JwtClaims::parse(pair->access)) {
                    failWith(ClientErrors::unreadable(m_client->endpoint().displayName(), reply.httpStatus(),
                                                      pair ? QStringLiteral("access token without claims")
                                                           : error.toString()));
                    return;
                }
                m_session->adoptTokens(pair->access, pair->refresh, reply.serverDate());
                m_refreshToStore = pair->refresh;
                discover();
            },
            [](const ApiError &e) {
                return e.kind() == ApiError::Kind::Unauthorized ? ClientErrors::wrongCredentials(e) : e;
            });
    }

    void loadStoredToken()
    {
        m_session->tokenStore()->load(m_client->endpoint().key(), m_username, this, [this](const QString &token) {
            if (isFinished())
                return;
            if (token.isEmpty()) {
                failWith(ClientErrors::signInRequired());
                return;
            }
            // No access token yet: the first call below makes the session refresh.
            m_session->adoptTokens(QString(), token, QDateTime());
            discover();
        });
    }

    void discover()
    {
        // A new sign-in is the moment to learn what the server has become.
        Job<ServerMeta> *meta = m_client->discover();
        meta->then(this, [this](const Result<ServerMeta> &) { fetchMe(); });
    }

    void fetchMe()
    {
        if (isFinished())
            return;
        step(Request::get(QStringLiteral("/auth/users/me/")), [this](const RequestJob &reply) {
            DecodeError error;
            auto me = Json::decode<User>(reply.json(), &error);
            if (!me) {
                failWith(ClientErrors::unreadable(m_client->endpoint().displayName(), reply.httpStatus(),
                                                  error.toString()));
                return;
            }
            m_user = *me;
            // The cloud's /me has no id: the access token's user_id is the id.
            if (m_user.id <= 0)
                m_user.id = m_session->m_tokenUserId;
            if (m_client->hasFeature(QStringLiteral("me")))
                storeToken();
            else
                askManagerGroup(QStringLiteral("manager"));
        });
    }

    // Without the "me" extension: a manager or an admin may list the
    // managers, anyone else gets 403.
    void askManagerGroup(const QString &group)
    {
        Request r = Request::get(QStringLiteral("/api/groups/%1/users").arg(group));
        r.acceptedStatuses = { 403, 404 };
        step(r, [this, group](const RequestJob &reply) {
            if (reply.httpStatus() == 404) {
                // Deployments spell it "Manager" as well; with neither, nobody manages.
                if (group == QLatin1String("manager"))
                    askManagerGroup(QStringLiteral("Manager"));
                else
                    askCart();
                return;
            }
            if (reply.httpStatus() == 403) {
                askCart();
                return;
            }
            DecodeError error;
            const auto members = Json::decodeList<User>(reply.json(), &error);
            if (members && listsUser(*members, m_user.id, m_user.username))
                m_user.groups << kManagerGroup;
            else
                m_user.isStaff = true; // allowed to list managers without being one: an admin
            askCrewGroup();
        });
    }

    void askCrewGroup()
    {
        Request r = Request::get(QStringLiteral("/api/groups/delivery-crew/users"));
        r.acceptedStatuses = { 403, 404 };
        step(r, [this](const RequestJob &reply) {
            DecodeError error;
            const auto members = reply.httpStatus() == 200 ? Json::decodeList<User>(reply.json(), &error)
                                                            : std::nullopt;
            if (members && listsUser(*members, m_user.id, m_user.username))
                m_user.groups << kDeliveryCrewGroup;
            storeToken();
        });
    }

    // Neither manager nor admin: the cart is for customers only, so a 403
    // there means delivery crew.
    void askCart()
    {
        Request r = Request::get(QStringLiteral("/api/cart"));
        r.acceptedStatuses = { 403 };
        step(r, [this](const RequestJob &reply) {
            if (reply.httpStatus() == 403)
                m_user.groups << kDeliveryCrewGroup;
            storeToken();
        });
    }

    void storeToken()
    {
        if (m_refreshToStore.isEmpty()) {
            complete();
            return;
        }
        // Finishing after the keychain write means a finished login is a stored one.
        m_session->tokenStore()->save(m_client->endpoint().key(), m_username, m_refreshToStore, this,
                                      [this](bool) { complete(); });
        m_refreshToStore.clear();
    }

    void complete()
    {
        if (isFinished() || !m_session)
            return;
        m_session->completeSignIn(m_user);
        succeed(m_user);
    }

    QPointer<AuthSession> m_session;
    QPointer<ApiClient> m_client;
    Mode m_mode;
    QString m_username;
    QString m_password;
    QString m_refreshToStore;
    User m_user;
    QPointer<RequestJob> m_current;
};

AuthSession::AuthSession(ApiClient *client)
    : QObject(client)
    , m_client(client)
    , m_store(new TokenStore(this))
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (hasCredentials())
            startRefresh();
    });
    connect(m_store, &TokenStore::keychainUnavailable, this, &AuthSession::notice);
}

AuthSession::~AuthSession() = default;

void AuthSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

Job<User> *AuthSession::login(const QString &username, const QString &password)
{
    auto *job = new SignInJob(this, m_client, SignInJob::Mode::Password, username, password);
    beginSignIn(job, username);
    job->start();
    return job;
}

Job<User> *AuthSession::restore(const QString &username)
{
    auto *job = new SignInJob(this, m_client, SignInJob::Mode::Keychain, username, QString());
    beginSignIn(job, username);
    job->start();
    return job;
}

void AuthSession::abortJobs()
{
    if (m_signIn)
        m_signIn->abort();
    if (m_refreshJob) {
        m_refreshJob->disconnect(this);
        m_refreshJob->abort();
        m_refreshJob = nullptr;
    }
}

void AuthSession::beginSignIn(SignInJob *job, const QString &username)
{
    abortJobs();
    clear();
    notifyWaiters(QString(), ClientErrors::signInRequired());
    m_signIn = job;
    m_username = username;
    qCInfo(lcAuth) << "signing in as" << username << "at" << m_client->endpoint().displayName();
    setState(State::SigningIn);
}

void AuthSession::adoptTokens(const QString &access, const QString &refresh, const QDateTime &serverNow)
{
    m_refreshToken = refresh;
    if (!access.isEmpty())
        setAccessToken(access, serverNow);
}

void AuthSession::completeSignIn(const User &user)
{
    m_user = user;
    m_signIn = nullptr;
    qCInfo(lcAuth) << "signed in as" << user.username << "id" << user.id << "role" << toWire(user.role());
    setState(State::SignedIn);
    Q_EMIT signedIn(m_user);
}

void AuthSession::abandonSignIn(SignInJob *job)
{
    if (m_signIn != job)
        return;
    m_signIn = nullptr;
    clear();
    m_username.clear();
    setState(State::SignedOut);
}

Job<NoContent> *AuthSession::logout()
{
    auto *job = new PendingJob<NoContent>(this);
    const bool wasIn = m_state != State::SignedOut;
    const QString username = m_username;
    abortJobs();
    clear();
    m_username.clear();
    notifyWaiters(QString(), ClientErrors::signInRequired());
    setState(State::SignedOut);
    qCInfo(lcAuth) << "signed out";
    if (wasIn)
        Q_EMIT signedOut(QString());
    if (username.isEmpty())
        job->succeed(NoContent {});
    else
        m_store->remove(m_client->endpoint().key(), username, job, [job] { job->succeed(NoContent {}); });
    return job;
}

void AuthSession::clear()
{
    m_refreshTimer.stop();
    m_accessToken.clear();
    m_refreshToken.clear();
    m_accessLifetimeMs = 0;
    m_tokenUserId = 0;
    m_accessDeadline = QDeadlineTimer();
    m_user = User();
}

void AuthSession::setRefreshAhead(bool on)
{
    m_refreshAhead = on;
    if (!on)
        m_refreshTimer.stop();
    else if (!m_accessToken.isEmpty() && m_accessLifetimeMs > 0)
        m_refreshTimer.start(int(std::max<qint64>(
            0, m_accessDeadline.remainingTime() - refreshLeadMs(m_accessLifetimeMs))));
}

void AuthSession::setAccessToken(const QString &token, const QDateTime &serverNow)
{
    m_accessToken = token;
    const auto claims = JwtClaims::parse(token);
    if (!claims || claims->expiresAt() <= 0) {
        // Nothing to schedule by: the server's 401 will say when it is time.
        m_accessLifetimeMs = 0;
        m_accessDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
        m_refreshTimer.stop();
        return;
    }
    m_tokenUserId = claims->userId();
    // What is left of the token is exp against the server's own clock (its
    // Date header on the answer that brought it), counted on our monotonic
    // clock from now: the two machines' wall clocks need not agree. Not
    // exp − iat: SimpleJWT copies the first sign-in's iat into every
    // refreshed access token, so that difference grows with each refresh.
    // Date is in whole seconds, cut down: the token may die up to a second
    // sooner than it says.
    qint64 leftS = serverNow.isValid() ? claims->expiresAt() - serverNow.toSecsSinceEpoch() : -1;
    if (leftS <= 0 || (claims->issuedAt() > 0 && leftS > claims->lifetimeSeconds())) {
        // No usable Date: the best bound is what it says of itself.
        leftS = claims->lifetimeSeconds();
    }
    if (leftS <= 0) {
        m_accessLifetimeMs = 0;
        m_accessDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
        m_refreshTimer.stop();
        return;
    }
    const qint64 grantedMs = leftS * 1000;
    m_accessLifetimeMs = std::max(grantedMs - 1000, grantedMs / 2);
    m_accessDeadline = QDeadlineTimer(m_accessLifetimeMs, Qt::PreciseTimer);
    qCDebug(lcAuth) << "access token good for" << leftS << "s by the server's clock";
    if (m_refreshAhead)
        m_refreshTimer.start(int(m_accessLifetimeMs - refreshLeadMs(m_accessLifetimeMs)));
}

bool AuthSession::accessUsable() const
{
    if (m_accessToken.isEmpty())
        return false;
    if (!m_refreshAhead || m_accessDeadline.isForever())
        return true;
    return m_accessDeadline.remainingTime() > expirySkewMs(m_accessLifetimeMs);
}

void AuthSession::withAccessToken(QObject *context, TokenCallback callback)
{
    if (m_refreshToken.isEmpty()) {
        callback(QString(), ClientErrors::signInRequired());
        return;
    }
    if (accessUsable()) {
        callback(m_accessToken, ApiError());
        return;
    }
    m_waiters.append({ context, std::move(callback) });
    startRefresh();
}

void AuthSession::renewAfterRefusal(const QString &refusedToken, QObject *context, TokenCallback callback)
{
    if (m_refreshToken.isEmpty()) {
        callback(QString(), ClientErrors::signInRequired());
        return;
    }
    if (!m_accessToken.isEmpty() && m_accessToken != refusedToken && accessUsable()) {
        // Someone else's refresh already replaced it.
        callback(m_accessToken, ApiError());
        return;
    }
    if (m_accessToken == refusedToken) {
        // Known bad: later requests wait for the refresh instead of trying it too.
        m_accessToken.clear();
        m_refreshTimer.stop();
    }
    m_waiters.append({ context, std::move(callback) });
    startRefresh();
}

void AuthSession::startRefresh()
{
    if (m_refreshJob)
        return;
    if (m_refreshToken.isEmpty()) {
        notifyWaiters(QString(), ClientErrors::signInRequired());
        return;
    }
    qCDebug(lcAuth) << "refreshing the access token";
    m_refreshTimer.stop();
    Request r = Request::write("POST", QStringLiteral("/auth/jwt/refresh/"),
                               QJsonObject { { QStringLiteral("refresh"), m_refreshToken } }, Request::Auth::None);
    RequestJob *job = m_client->send(r);
    job->setParent(this);
    job->setAutoDelete(false);
    m_refreshJob = job;
    connect(job, &ApiJob::finished, this, &AuthSession::onRefreshFinished);
}

void AuthSession::onRefreshFinished()
{
    RequestJob *job = m_refreshJob;
    if (!job || sender() != job)
        return;
    m_refreshJob = nullptr;
    job->deleteLater();
    const ApiError &error = job->error();
    if (error.isError()) {
        // SimpleJWT answers 401 token_not_valid for an expired or revoked
        // refresh token; the session cannot go on.
        if (error.kind() == ApiError::Kind::Unauthorized
            || (error.kind() == ApiError::Kind::Validation && error.httpStatus() == 400)) {
            expire();
        } else {
            qCInfo(lcAuth) << "refresh failed:" << ApiError::kindName(error.kind());
            notifyWaiters(QString(), error);
        }
        return;
    }
    const QJsonObject o = job->json().toObject();
    const QString access = o.value(QStringLiteral("access")).toString();
    if (access.isEmpty()) {
        notifyWaiters(QString(), ClientErrors::unreadable(m_client->endpoint().displayName(), job->httpStatus(),
                                                          QStringLiteral("refresh answer without access")));
        return;
    }
    // A server that rotates refresh tokens sends a new one: keep that instead.
    const QString rotated = o.value(QStringLiteral("refresh")).toString();
    if (!rotated.isEmpty() && rotated != m_refreshToken) {
        m_refreshToken = rotated;
        if (!m_username.isEmpty())
            m_store->save(m_client->endpoint().key(), m_username, rotated, this);
    }
    setAccessToken(access, job->serverDate());
    ++m_refreshCount;
    qCDebug(lcAuth) << "access token refreshed; valid for" << m_accessLifetimeMs << "ms";
    Q_EMIT accessRefreshed();
    notifyWaiters(access, ApiError());
}

void AuthSession::notifyWaiters(const QString &token, const ApiError &error)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &w : waiters) {
        if (w.context)
            w.callback(token, error);
    }
}

void AuthSession::expire()
{
    const bool wasSignedIn = m_state == State::SignedIn;
    const QString username = m_username;
    qCInfo(lcAuth) << "the server refused the refresh token; the session is over";
    // A dead token in the keychain would only fail again at the next start.
    if (!username.isEmpty())
        m_store->remove(m_client->endpoint().key(), username, this);
    clear();
    const ApiError expired = ClientErrors::sessionExpired();
    notifyWaiters(QString(), expired);
    if (!m_signIn) {
        m_username.clear();
        setState(State::SignedOut);
    }
    if (wasSignedIn)
        Q_EMIT signedOut(expired.userMessage());
}

} // namespace LittleLemon::Client
