#include "api/server/resourcecontroller.h"

namespace LittleLemon::Server {

ResourceController::ResourceController(const Services &services, QString path, Router::Access access)
    : Controller(services)
    , m_path(std::move(path))
    , m_access(access)
{
}

void ResourceController::registerRoutes(Router &router)
{
    using M = Request::Method;
    const QString item = m_path + QStringLiteral("/{id}");
    router.add(m_path, m_access);
    router.on(m_path, M::Get, [this](RequestContext &c) { return list(c); });
    router.on(m_path, M::Post, [this](RequestContext &c) { return create(c); });
    router.add(item, m_access);
    router.on(item, M::Get, [this](RequestContext &c) { return retrieve(c); });
    router.on(item, M::Put, [this](RequestContext &c) { return update(c, false); });
    router.on(item, M::Patch, [this](RequestContext &c) { return update(c, true); });
    router.on(item, M::Delete, [this](RequestContext &c) { return destroy(c); });
    registerMoreRoutes(router);
}

} // namespace LittleLemon::Server
