#pragma once

#include "api/server/controller.h"

namespace LittleLemon::Server {

// The `changes` extension: GET /api/changes?since=N&limit=M →
// {"changes": [{"seq", "entity", "id", "op", "data"}], "next": M}, the
// caller's view of the change log (see ChangeLog) after sequence N.
// since=0 is a full snapshot. A `since` beyond the log's end (a copy made
// from another database) is a 400, after which a client reads everything
// once and continues from 0.
class ChangeController : public Controller
{
public:
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 1000;

    using Controller::Controller;
    void registerRoutes(Router &router) override;

private:
    Response list(RequestContext &context);
};

} // namespace LittleLemon::Server
