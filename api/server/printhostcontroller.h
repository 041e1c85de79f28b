#pragma once

#include "api/server/controller.h"

namespace LittleLemon::Server {

// The `print_host` extension (issue 17): which terminal prints the
// restaurant's kitchen tickets, as a lease the terminal renews.
//
//   GET    /api/print-host                  → {"held", "terminal_id", "terminal_name", "user", "renewed_at", "expires_at"}
//   PUT    /api/print-host {"terminal_id", "terminal_name", "ttl_seconds", "take_over"}
//          → 200 the lease; 409 {"detail", "holder"} while another terminal's lease is live
//   DELETE /api/print-host?terminal_id=ID   → 204; 409 when another terminal holds it
//
// Managers, admins and the kitchen; others 403. A lease past its expiry is
// free: a terminal that stopped renewing (switched off, crashed) is replaced
// without anyone taking over.
class PrintHostController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;

    static constexpr int kMaxTerminalIdLength = 64;
    static constexpr int kMaxTerminalNameLength = 100;
    static constexpr qint64 kMinTtlSeconds = 10;
    static constexpr qint64 kMaxTtlSeconds = 600;
    static constexpr qint64 kDefaultTtlSeconds = 90;

private:
    Response get(RequestContext &context);
    Response put(RequestContext &context);
    Response release(RequestContext &context);
};

} // namespace LittleLemon::Server
