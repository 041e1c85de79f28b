#pragma once

#include "api/server/resourcecontroller.h"

namespace LittleLemon::Server {

// /api/categories and /api/categories/{id}: any signed-in user reads, admins write.
class CategoryController : public ResourceController
{
public:
    explicit CategoryController(const Services &services);

private:
    Response list(RequestContext &context) override;
    Response create(RequestContext &context) override;
    Response retrieve(RequestContext &context) override;
    Response update(RequestContext &context, bool partial) override;
    Response destroy(RequestContext &context) override;
};

} // namespace LittleLemon::Server
