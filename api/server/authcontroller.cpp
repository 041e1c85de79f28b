#include "api/server/authcontroller.h"

#include "api/server/etag.h"
#include "api/server/fieldreader.h"
#include "api/server/pagination.h"
#include "api/server/passwordhasher.h"
#include "api/server/passwordpolicy.h"
#include "api/server/serverstorage.h"
#include "api/server/tokenservice.h"
#include "api/server/jsonwriter.h"

#include <QJsonArray>
#include <QRegularExpression>

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

bool validEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$"));
    return re.match(email).hasMatch();
}
} // namespace

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

    const auto record = m_storage.userByUsername(*username);
    bool ok = false;
    if (record) {
        ok = record->active && PasswordHasher::verify(*password, record->passwordHash);
    } else {
        // Django hashes anyway, so the answer takes as long for an unknown
        // user as for a wrong password.
        PasswordHasher::hash(*password, QStringLiteral("timingequalizer000000"), m_config.hashIterations);
    }
    if (!ok) {
        throw HttpError::detail(401, tr("No active account found with the given credentials"))
            .withHeader("WWW-Authenticate", "Bearer realm=\"api\"");
    }
    const TokenPair pair = m_tokens.issuePair(record->user.id);
    if (pair.access.isEmpty() || pair.refresh.isEmpty())
        throw std::runtime_error("token signing failed");
    // SimpleJWT's order: refresh first.
    JsonWriter w;
    w.beginObject().key("refresh").value(pair.refresh).key("access").value(pair.access).endObject();
    return Response::jsonBytes(200, w.take());
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
    const QString access = m_tokens.issue(QStringLiteral("access"), claims->userId);
    return Response::json(200, QJsonObject { { QStringLiteral("access"), access } });
}

Response AuthController::verifyToken(RequestContext &context)
{
    FieldReader body(context.object(), false);
    const auto token = body.string(QStringLiteral("token"), 0);
    body.throwIfErrors();
    // SimpleJWT's UntypedToken: any valid token of ours, access or refresh.
    if (!m_tokens.verify(token->toUtf8()))
        throw tokenError(tr("Token is invalid or expired"));
    return Response::json(200, QJsonObject {});
}

Response AuthController::registerUser(RequestContext &context)
{
    const QJsonObject &object = context.object();
    FieldReader body(object, false);
    const auto username = body.string(QStringLiteral("username"), 150);
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
    User user;
    user.username = *username;
    user.email = *email;
    user.id = m_storage.createUser(user.username, user.email, PasswordHasher::hash(*password, m_config.hashIterations),
                                   Role::Customer);
    return Response::json(201, userShape(user));
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
