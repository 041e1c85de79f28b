#pragma once

#include "api/server/resourcecontroller.h"
#include "models/order.h"

namespace LittleLemon::Server {

// /api/orders and /api/orders/{id}: orders made from the caller's cart,
// listed per role (manager all, delivery crew assigned, others their own),
// changed per role (manager: status and delivery_crew; delivery crew: status
// of orders assigned to them; a customer may not change an order).
//
// Extensions: `stages` (PATCH {"stage"}: forward one stage, any open order
// to cancelled, a manager one stage back; delivery crew only
// out_for_delivery → delivered on their orders; a status-only PATCH moves to
// delivered or back to ready; every move goes into the order's history),
// `counter_orders` (staff POST {"items", "note"} without a cart), notes,
// ETag / If-Match on single orders.
class OrderController : public ResourceController
{
public:
    explicit OrderController(const Services &services);

private:
    Response list(RequestContext &context) override;
    Response create(RequestContext &context) override;
    Response createCounterOrder(RequestContext &context, const User &user);
    Response retrieve(RequestContext &context) override;
    Response update(RequestContext &context, bool partial) override;
    Response destroy(RequestContext &context) override;

    Order find(qint64 id);
    static bool maySee(const User &user, const Order &order);
    // The stage a status-only PATCH means (cloud clients): delivered, or back to ready.
    static std::optional<OrderStage> stageForStatus(const Order &order, bool status);
    // Throws 400 {"stage": [...]} unless `user` may move `order` to `to`.
    // `servedHere`: taken at the counter by staff and nobody delivers it (a
    // table, a takeaway): from ready it goes straight to delivered.
    static void checkMove(const User &user, const Order &order, OrderStage to, bool servedHere = false);
    bool isServedHere(const Order &order) const;
};

} // namespace LittleLemon::Server
