#include "api/server/authcontroller.h"

#include "api/server/etag.h"
#include "api/server/fieldreader.h"
#include "api/server/pagination.h"
#include "api/server/passwordhasher.h"
#include "api/server/passwordpolicy.h"
#include "api/server/passwordworker.h"
#include "api/server/serverstorage.h"
#include "api/server/signinlimiter.h"
#include "api/server/tokenservice.h"
#include "api/server/jsonwriter.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <chrono>
#include <memory>

namespace LittleLemon::Server {

namespace {
QJsonObject userShape(const User &u)
{
    // The cloud's serializer: no id (clients take user_id from the token).
    return { { QStringLiteral("email"), u.email }, { QStringLiteral("username"), u.username } };
}

HttpError tokenError(const QString &detail)
{
    return HttpError(401, QJsonObject { { QStringLiteral("detail"), detail },
                                        { QStringLiteral("code"), QStringLiteral("token_not_valid") } })
        .withHeader("WWW-Authenticate", "Bearer realm=\"api\"");
}

qint64 monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

HttpError noActiveAccount()
{
    return HttpError::detail(401, QCoreApplication::translate("LittleLemon::Server",
                                                              "No active account found with the given credentials"))
        .withHeader("WWW-Authenticate", "Bearer realm=\"api\"");
}

bool validEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$"));
    return re.match(email).hasMatch();
}
} // namespace

AuthController::AuthController(const Services &services)
    : Controller(services)
    , m_passwords(services.passwords)
    , m_signIns(services.signIns)
{
}

void AuthController::refuseWhenBusy() const
{
    if (!m_passwords.busy())
        return;
    throw HttpError::detail(503, tr("The server is busy checking passwords; try again in a moment."))
        .withHeader("Retry-After", "2");
}

void AuthController::registerRoutes(Router &router)
{
    using M = Request::Method;
    for (const char *path : { "/auth/jwt/create/", "/auth/jwt/refresh/", "/auth/jwt/verify/" }) {
        Router::Route &r = router.add(QString::fromLatin1(path), Router::Access::Public);
        r.authenticates = false;
    }
    router.on(QStringLiteral("/auth/jwt/create/"), M::Post, [this](RequestContext &c) { return createToken(c); });
    router.on(QStringLiteral("/auth/jwt/refresh/"), M::Post, [this](RequestContext &c) { return refreshToken(c); });
    router.on(QStringLiteral("/auth/jwt/verify/"), M::Post, [this](RequestContext &c) { return verifyToken(c); });

    router.add(QStringLiteral("/auth/users/"), Router::Access::Public);
    router.on(QStringLiteral("/auth/users/"), M::Get, [this](RequestContext &c) { return listUsers(c); });
    router.on(QStringLiteral("/auth/users/"), M::Post, [this](RequestContext &c) { return registerUser(c); });

    // Extension: every token of the caller refused from now on (all terminals).
    router.add(QStringLiteral("/auth/users/me/sign-out-everywhere/"), Router::Access::Authenticated);
    router.on(QStringLiteral("/auth/users/me/sign-out-everywhere/"), M::Post,
              [this](RequestContext &c) { return signOutEverywhere(c); });

    router.add(QStringLiteral("/auth/users/me/"), Router::Access::Authenticated);
    router.on(QStringLiteral("/auth/users/me/"), M::Get, [this](RequestContext &c) { return me(c); });
    router.on(QStringLiteral("/auth/users/me/"), M::Put, [this](RequestContext &c) { return updateMe(c, false); });
    router.on(QStringLiteral("/auth/users/me/"), M::Patch, [this](RequestContext &c) { return updateMe(c, true); });
}

Response AuthController::createToken(RequestContext &context)
{
    FieldReader body(context.object(), false);
    const auto username = body.string(QStringLiteral("username"), 0);
    // SimpleJWT's password field keeps surrounding spaces.
    std::optional<QString> password;
    const QJsonValue pv = context.object().value(QStringLiteral("password"));
    if (pv.isUndefined())
        body.fail(QStringLiteral("password"), FieldReader::required());
    else if (pv.isNull())
        body.fail(QStringLiteral("password"), FieldReader::notNull());
    else if (!pv.isString() || pv.toString().isEmpty())
        body.fail(QStringLiteral("password"), tr("This field may not be blank."));
    else
        password = pv.toString();
    body.throwIfErrors();

    refuseWhenBusy();
    const QString account = *username;
    if (const int wait = m_signIns.begin(account, monotonicMs())) {
        const QString detail = wait == 1
            ? tr("Too many failed sign-ins for this account. Expected available in %1 second.").arg(wait)
            : tr("Too many failed sign-ins for this account. Expected available in %1 seconds.").arg(wait);
        throw HttpError::detail(429, detail).withHeader("Retry-After", QByteArray::number(wait));
    }
    // The try ends exactly once: with its verdict, or (a database error on
    // the way, the answer dropped) abandoned, so it never counts for ever.
    struct Attempt
    {
        Attempt(SignInLimiter &l, const QString &a)
            : limiter(l)
            , account(a)
        {
        }
        Attempt(const Attempt &) = delete;
        Attempt &operator=(const Attempt &) = delete;
        SignInLimiter &limiter;
        QString account;
        bool ended = false;
        void end(bool ok)
        {
            ended = true;
            limiter.finish(account, ok, monotonicMs());
        }
        ~Attempt()
        {
            if (!ended)
                limiter.abandon(account);
        }
    };
    auto attempt = std::make_shared<Attempt>(m_signIns, account);
    const auto record = m_storage.userByUsername(account);
    // An unknown user costs the same hash as a wrong password (Django does
    // so too): the time of the answer does not tell which names exist.
    QFuture<bool> check = record ? m_passwords.verify(*password, record->passwordHash)
                                 : m_passwords.burn(*password, m_config.hashIterations);
    const qint64 userId = record ? record->user.id : 0;
    return Response::later(check.then(&m_passwords, [this, attempt, userId](bool verified) {
        // Read again: the account may have changed while its hash ran.
        const auto now = verified ? m_storage.userById(userId) : std::nullopt;
        const bool ok = now && now->active;
        attempt->end(ok);
        if (!ok)
            throw noActiveAccount();
        const TokenPair pair = m_tokens.issuePair(now->user.id, now->tokenGeneration);
        if (pair.access.isEmpty() || pair.refresh.isEmpty())
            throw std::runtime_error("token signing failed");
        // SimpleJWT's order: refresh first.
        JsonWriter w;
        w.beginObject().key("refresh").value(pair.refresh).key("access").value(pair.access).endObject();
        return Response::jsonBytes(200, w.take());
    }));
}

Response AuthController::refreshToken(RequestContext &context)
{
    FieldReader body(context.object(), false);
    const auto refresh = body.string(QStringLiteral("refresh"), 0);
    body.throwIfErrors();
    const auto claims = m_tokens.verify(refresh->toUtf8());
    if (!claims)
        throw tokenError(tr("Token is invalid or expired"));
    if (claims->type != u"refresh")
        throw tokenError(tr("Token has wrong type"));
    const auto record = m_storage.userById(claims->userId);
    if (!record || !record->active) {
        throw HttpError(401, QJsonObject { { QStringLiteral("detail"), tr("No active account found for the given token.") },
                                           { QStringLiteral("code"), QStringLiteral("no_active_account") } })
            .withHeader("WWW-Authenticate", "Bearer realm=\"api\"");
    }
    if (claims->generation != record->tokenGeneration)
        throw tokenError(tr("Token has been revoked"));
    // Rotation, as SimpleJWT's ROTATE_REFRESH_TOKENS with its blacklist: a
    // refresh token is good once, and the answer carries the next one. A
    // token without a jti cannot be remembered, so it is not taken.
    if (claims->jti.isEmpty() || !m_storage.useRefreshToken(claims->jti, claims->userId, claims->expires))
        throw tokenError(tr("Token is blacklisted"));
    // The next refresh token ends when this one would have: a sign-in lasts
    // refresh_ttl however often it refreshes.
    TokenPair pair;
    pair.access = m_tokens.issue(QStringLiteral("access"), claims->userId, record->tokenGeneration);
    pair.refresh = m_tokens.issue(QStringLiteral("refresh"), claims->userId, record->tokenGeneration, claims->expires);
    if (pair.access.isEmpty() || pair.refresh.isEmpty())
        throw std::runtime_error("token signing failed");
    JsonWriter w;
    w.beginObject().key("access").value(pair.access).key("refresh").value(pair.refresh).endObject();
    return Response::jsonBytes(200, w.take());
}

Response AuthController::verifyToken(RequestContext &context)
{
    FieldReader body(context.object(), false);
    const auto token = body.string(QStringLiteral("token"), 0);
    body.throwIfErrors();
    // An access token that a request would take now: of the right type, of a
    // user who is active and has not been signed out everywhere since.
    const auto claims = m_tokens.verify(token->toUtf8());
    if (!claims)
        throw tokenError(tr("Token is invalid or expired"));
    if (claims->type != u"access")
        throw tokenError(tr("Token has wrong type"));
    const auto record = m_storage.userById(claims->userId);
    if (!record || !record->active || claims->generation != record->tokenGeneration)
        throw tokenError(tr("Token is invalid or expired"));
    return Response::json(200, QJsonObject {});
}

Response AuthController::signOutEverywhere(RequestContext &context)
{
    const User &user = context.requireUser();
    m_storage.bumpTokenGeneration(user.id);
    return Response::noContent();
}

Response AuthController::registerUser(RequestContext &context)
{
    const QJsonObject &object = context.object();
    FieldReader body(object, false);
    // Django's normalize_username: NFKC, so a fullwidth "ｍａｒｉｏ" is "mario" (and taken).
    std::optional<QString> username = body.string(QStringLiteral("username"), 150);
    if (username)
        username = username->normalized(QString::NormalizationForm_KC);
    const auto email = object.contains(QStringLiteral("email")) ? body.string(QStringLiteral("email"), 254, true)
                                                                : std::optional<QString>(QString());
    const auto password = body.string(QStringLiteral("password"), 0);
    const auto rePassword = body.string(QStringLiteral("re_password"), 0);
    if (username) {
        static const QRegularExpression valid(QStringLiteral("^[\\w.@+-]+$"), QRegularExpression::UseUnicodePropertiesOption);
        if (!valid.match(*username).hasMatch())
            body.fail(QStringLiteral("username"),
                      tr("Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters."));
        else if (m_storage.userByUsername(*username))
            body.fail(QStringLiteral("username"), tr("A user with that username already exists."));
    }
    if (email && !email->isEmpty() && !validEmail(*email))
        body.fail(QStringLiteral("email"), tr("Enter a valid email address."));
    body.throwIfErrors();

    const QStringList problems = PasswordPolicy::problems(*password, *username, *email);
    if (!problems.isEmpty())
        throw HttpError(400, QJsonObject { { QStringLiteral("password"), QJsonArray::fromStringList(problems) } });
    if (*password != *rePassword) {
        throw HttpError(400, QJsonObject { { QStringLiteral("non_field_errors"),
                                             QJsonArray { tr("The two password fields didn't match.") } } });
    }
    refuseWhenBusy();
    User user;
    user.username = *username;
    user.email = *email;
    return Response::later(m_passwords.hash(*password, m_config.hashIterations).then(&m_passwords, [this, user](const QString &hash) {
        // Someone may have taken the name while the hash ran.
        if (m_storage.userByUsername(user.username)) {
            throw HttpError(400, QJsonObject { { QStringLiteral("username"),
                                                 QJsonArray { tr("A user with that username already exists.") } } });
        }
        User created = user;
        created.id = m_storage.createUser(created.username, created.email, hash, Role::Customer);
        return Response::json(201, userShape(created));
    }));
}

Response AuthController::listUsers(RequestContext &context)
{
    const User &caller = context.requireUser();
    // djoser: staff see everyone, others only themselves.
    if (!caller.isAdmin()) {
        const PageWindow w = PageWindow::resolve(context, 1, m_config.pageSize);
        return w.respond(context, QJsonArray { userShape(caller) });
    }
    const PageWindow w = PageWindow::resolve(context, m_storage.userCount(), m_config.pageSize);
    QJsonArray results;
    for (const User &u : m_storage.users(w.offset, w.limit))
        results.append(userShape(u));
    return w.respond(context, results);
}

namespace {
// The `me` extension: the cloud's {"email","username"} plus id, groups and is_staff.
QByteArray meShape(const User &u)
{
    JsonWriter w;
    Wire::writeMe(w, u);
    return w.take();
}
} // namespace

Response AuthController::me(RequestContext &context)
{
    return ETag::respond(200, meShape(context.requireUser()));
}

Response AuthController::updateMe(RequestContext &context, bool partial)
{
    User user = context.requireUser();
    FieldReader body(context.object(), true);
    Q_UNUSED(partial) // email is the only writable field and it is optional either way
    const auto email = body.string(QStringLiteral("email"), 254, true);
    if (email && !email->isEmpty() && !validEmail(*email))
        body.fail(QStringLiteral("email"), tr("Enter a valid email address."));
    body.throwIfErrors();
    ETag::require(context, meShape(user));
    if (email) {
        m_storage.setEmail(user.id, *email);
        user.email = *email;
    }
    return ETag::respond(200, meShape(user));
}

} // namespace LittleLemon::Server
