#pragma once

#include "api/server/controller.h"

namespace LittleLemon::Server {

// /api/cart and /api/cart/{id}: a customer's own cart (staff get 403).
class CartController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;

    // quantity is a SmallIntegerField in the cloud's model.
    static constexpr int kMaxQuantity = 32767;

private:
    Response list(RequestContext &context);
    Response add(RequestContext &context);
    Response update(RequestContext &context);
    Response remove(RequestContext &context);
};

} // namespace LittleLemon::Server
