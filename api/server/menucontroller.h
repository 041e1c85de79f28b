#pragma once

#include "api/server/controller.h"

namespace LittleLemon::Server {


// /api/menu-items and /api/menu-items/{id}: anyone reads (filters, search,
// ordering, pages); admins create and delete; the manager group edits.
class MenuController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;

private:
    Response list(RequestContext &context);
    Response create(RequestContext &context);
    Response retrieve(RequestContext &context);
    Response update(RequestContext &context, bool partial);
    Response destroy(RequestContext &context);
};

} // namespace LittleLemon::Server
