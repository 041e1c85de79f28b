#pragma once

#include "api/server/controller.h"

namespace LittleLemon::Server {

// SimpleJWT's /auth/jwt/{create,refresh,verify}/ and djoser's /auth/users/
// (register, list) and /auth/users/me/.
class AuthController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;

private:
    Response createToken(RequestContext &context);
    Response refreshToken(RequestContext &context);
    Response verifyToken(RequestContext &context);
    Response registerUser(RequestContext &context);
    Response listUsers(RequestContext &context);
    Response me(RequestContext &context);
    Response updateMe(RequestContext &context, bool partial);
};

} // namespace LittleLemon::Server
