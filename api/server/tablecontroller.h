#pragma once

#include "api/server/resourcecontroller.h"

namespace LittleLemon::Server {

// The `tables` extension: /api/tables and /api/tables/{id}, {"id", "name",
// "seats"}. Staff (managers, admins, delivery crew) read; managers and
// admins write. A table that still holds bookings cannot be deleted.
class TableController : public ResourceController
{
public:
    explicit TableController(const Services &services);

private:
    Response list(RequestContext &context) override;
    Response create(RequestContext &context) override;
    Response retrieve(RequestContext &context) override;
    Response update(RequestContext &context, bool partial) override;
    Response destroy(RequestContext &context) override;
};

} // namespace LittleLemon::Server
