#pragma once

#include "api/server/controller.h"

namespace LittleLemon::Server {

// The `tables` extension: /api/tables and /api/tables/{id}, {"id", "name",
// "seats"}. Staff (managers, admins, delivery crew) read; managers and
// admins write. A table that still holds bookings cannot be deleted.
class TableController : public Controller
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
