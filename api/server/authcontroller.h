#pragma once

#include "api/server/controller.h"

namespace LittleLemon::Server {

// SimpleJWT's /auth/jwt/{create,refresh,verify}/ and djoser's /auth/users/
// (register, list) and /auth/users/me/.
//
// Passwords are checked and hashed on PasswordWorker's threads: a sign-in
// or a registration answers when its hash is done while the event loop
// serves everyone else. Failed sign-ins are limited per account
// (SignInLimiter) besides the per-address throttle.
class AuthController : public Controller
{
public:
    explicit AuthController(const Services &services);
    void registerRoutes(Router &router) override;

private:
    Response createToken(RequestContext &context);
    Response refreshToken(RequestContext &context);
    Response verifyToken(RequestContext &context);
    Response signOutEverywhere(RequestContext &context);
    Response registerUser(RequestContext &context);
    Response listUsers(RequestContext &context);
    Response me(RequestContext &context);
    Response updateMe(RequestContext &context, bool partial);
    // 503 while too many hashes wait for a thread.
    void refuseWhenBusy() const;

    PasswordWorker &m_passwords;
    SignInLimiter &m_signIns;
};

} // namespace LittleLemon::Server
