#pragma once

#include "api/server/httperror.h"
#include "api/server/httpresponse.h"
#include "api/server/requestcontext.h"
#include "api/server/router.h"
#include "api/server/serverconfig.h"
#include "models/permissions.h"
#include "models/user.h"

#include <QCoreApplication>

namespace LittleLemon::Server {

class PasswordWorker;
class ServerStorage;
class SignInLimiter;
class TokenService;

// What every controller works with.
struct Services
{
    ServerStorage &storage;
    TokenService &tokens;
    const ServerConfig &config;
    PasswordWorker &passwords;
    SignInLimiter &signIns;
};

// One resource's routes. Handlers parse the request, check who may do it,
// call storage and return a Response; refusals are thrown as HttpError and
// answered by the Backend.
class Controller
{
public:
    explicit Controller(const Services &services)
        : m_storage(services.storage)
        , m_tokens(services.tokens)
        , m_config(services.config)
    {
    }
    virtual ~Controller() = default;
    virtual void registerRoutes(Router &router) = 0;

protected:
    // The caller when `allowed(user)`; otherwise 401 for an anonymous caller
    // and 403 for a signed-in one, as DRF's permission_denied() decides.
    template<typename Predicate>
    static const User &require(const RequestContext &context, Predicate allowed)
    {
        const User &user = context.requireUser();
        if (!allowed(user))
            throw HttpError::forbidden();
        return user;
    }

    // The caller when the permission table (models/permissions.h) allows
    // them `rule`, as the desk and the CLI ask it; 401/403 otherwise.
    static const User &require(const RequestContext &context, Verdict (Permissions::*rule)() const)
    {
        const User &user = context.requireUser();
        if (!(Permissions::onOurServer(user).*rule)())
            throw HttpError::forbidden();
        return user;
    }

    static QString tr(const char *text) { return QCoreApplication::translate("LittleLemon::Server", text); }

    ServerStorage &m_storage;
    TokenService &m_tokens;
    const ServerConfig &m_config;
};

} // namespace LittleLemon::Server
