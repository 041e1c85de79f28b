#pragma once

#include "api/server/controller.h"
#include "models/order.h"

namespace LittleLemon::Server {



// /api/orders and /api/orders/{id}: orders made from the caller's cart,
// listed per role (manager all, delivery crew assigned, others their own),
// changed per role (manager: status and delivery_crew; delivery crew: status
// of orders assigned to them; a customer may not change an order).
class OrderController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;

private:
    Response list(RequestContext &context);
    Response create(RequestContext &context);
    Response retrieve(RequestContext &context);
    Response update(RequestContext &context);
    Response destroy(RequestContext &context);

    Order find(qint64 id);
    static bool maySee(const User &user, const Order &order);
};

} // namespace LittleLemon::Server
