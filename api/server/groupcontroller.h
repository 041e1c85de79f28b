#pragma once

#include "api/server/controller.h"

namespace LittleLemon::Server {

struct GroupRecord;

// /api/groups/{group}/users[/{id}]: managers and admins list, add (by
// username) and remove (by user id) members of "manager" and "delivery-crew".
class GroupController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;

private:
    Response list(RequestContext &context);
    Response add(RequestContext &context);
    Response remove(RequestContext &context);
    GroupRecord group(const RequestContext &context);
};

} // namespace LittleLemon::Server
