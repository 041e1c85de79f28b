#pragma once

#include "api/server/controller.h"

namespace LittleLemon::Server {

// A collection and its items, routed as DRF's ModelViewSet routes them: GET
// and POST on `path`, GET, PUT, PATCH and DELETE on `path/{id}`. A resource
// writes its five handlers; the routes are registered here, once. (A new
// entity: a subclass, its handlers, one line in Backend.)
class ResourceController : public Controller
{
public:
    ResourceController(const Services &services, QString path, Router::Access access);
    void registerRoutes(Router &router) override;

protected:
    virtual Response list(RequestContext &context) = 0;
    virtual Response create(RequestContext &context) = 0;
    virtual Response retrieve(RequestContext &context) = 0;
    // PUT (`partial` false: every writable field) and PATCH (true).
    virtual Response update(RequestContext &context, bool partial) = 0;
    virtual Response destroy(RequestContext &context) = 0;
    // Routes beyond the five, if the resource has any.
    virtual void registerMoreRoutes(Router &) { }

private:
    QString m_path;
    Router::Access m_access;
};

} // namespace LittleLemon::Server
