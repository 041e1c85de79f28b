#pragma once

#include "api/server/controller.h"

namespace LittleLemon::Server {

// /api/categories and /api/categories/{id}: any signed-in user reads, admins write.
class CategoryController : public Controller
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
