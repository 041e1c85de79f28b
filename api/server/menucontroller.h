#pragma once

#include "api/server/resourcecontroller.h"

namespace LittleLemon::Server {


// /api/menu-items and /api/menu-items/{id}: anyone reads (filters, search,
// ordering, pages); admins create and delete; the manager group edits.
class MenuController : public ResourceController
{
public:
    explicit MenuController(const Services &services);

private:
    Response list(RequestContext &context) override;
    Response create(RequestContext &context) override;
    Response retrieve(RequestContext &context) override;
    Response update(RequestContext &context, bool partial) override;
    Response destroy(RequestContext &context) override;
};

} // namespace LittleLemon::Server
