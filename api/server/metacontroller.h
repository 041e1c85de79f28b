#pragma once

#include "api/server/controller.h"

#include <functional>

namespace LittleLemon::Server {

// GET /api/meta: {"server": "littlelemon-server", "version", "features",
// "limits": {"anon", "user"}}. The cloud answers 404, which tells a client
// it talks to the plain cloud API. `features` names exactly the extensions
// that work here ("events" only where an event hub serves the sockets);
// `limits` are this server's throttles per minute, which clients pace by.
// A hub (littlelemon-server --upstream) adds "upstream": {"url", "state"
// (online|offline), "since", "waiting", "notices"} (docs/API.md).
class MetaController : public Controller
{
public:
    MetaController(const Services &services, const bool &eventsServed,
                   const std::function<QByteArray()> &upstreamStatus);
    void registerRoutes(Router &router) override;

    static QStringList features(bool events);

private:
    Response meta(RequestContext &context);

    const bool &m_eventsServed;
    // The hub's link to the cloud (issue 19): "upstream" in the answer when set.
    const std::function<QByteArray()> &m_upstreamStatus;
};

} // namespace LittleLemon::Server
