#include "api/server/cartcontroller.h"

#include "api/server/fieldreader.h"
#include "api/server/serverstorage.h"
#include "api/server/jsonwriter.h"

namespace LittleLemon::Server {

namespace {
bool isCustomer(const User &u)
{
    return u.isCustomer();
}

// Order lines and totals have eight digits before the point.
constexpr qint64 kMaxLineCents = 9999999999LL;
} // namespace

void CartController::registerRoutes(Router &router)
{
    using M = Request::Method;
    const QString list = QStringLiteral("/api/cart");
    const QString item = QStringLiteral("/api/cart/{id}");
    router.add(list, Router::Access::Authenticated);
    router.on(list, M::Get, [this](RequestContext &c) { return this->list(c); });
    router.on(list, M::Post, [this](RequestContext &c) { return add(c); });
    router.add(item, Router::Access::Authenticated);
    router.on(item, M::Patch, [this](RequestContext &c) { return update(c); });
    router.on(item, M::Delete, [this](RequestContext &c) { return remove(c); });
}

Response CartController::list(RequestContext &context)
{
    const User &user = require(context, isCustomer);
    // A plain array, as the cloud answers: the cart is never paginated.
    return Response::jsonBytes(200, Wire::array(m_storage.cart(user.id)));
}

Response CartController::add(RequestContext &context)
{
    const User &user = require(context, isCustomer);
    FieldReader body(context.object(), false);
    const auto menuitem = body.primaryKey(QStringLiteral("menuitem"));
    const auto quantity = body.integer(QStringLiteral("quantity"), 1, kMaxQuantity);
    std::optional<MenuItem> item;
    if (menuitem) {
        item = m_storage.menuItem(*menuitem);
        if (!item)
            body.fail(QStringLiteral("menuitem"), FieldReader::invalidPk(QString::number(*menuitem)));
        else if (!item->available)
            body.fail(QStringLiteral("menuitem"), tr("%1 is not available right now.").arg(item->title));
    }
    body.throwIfErrors();
    const std::optional<CartItem> existing = [&]() -> std::optional<CartItem> {
        for (const CartItem &c : m_storage.cart(user.id)) {
            if (c.menuitem == item->id)
                return c;
        }
        return std::nullopt;
    }();
    const qint64 newQuantity = *quantity + (existing ? existing->quantity : 0);
    if (newQuantity > kMaxQuantity)
        throw HttpError::field(QStringLiteral("quantity"),
                               tr("Ensure this value is less than or equal to %1.").arg(kMaxQuantity));
    if (item->price.cents() * newQuantity > kMaxLineCents)
        throw HttpError::field(QStringLiteral("quantity"), tr("The line's price would be too large."));
    return Response::jsonBytes(201, Wire::object(m_storage.addToCart(user.id, *item, int(*quantity))));
}

Response CartController::update(RequestContext &context)
{
    const User &user = require(context, isCustomer);
    const QJsonObject &object = context.object();
    if (!object.contains(QStringLiteral("quantity")) || object.value(QStringLiteral("quantity")).isNull())
        throw HttpError::error(400, tr("Quantity is required."));
    FieldReader body(object, true);
    const auto quantity = body.integer(QStringLiteral("quantity"), 1, kMaxQuantity);
    if (!quantity)
        throw HttpError::error(400, tr("Quantity must be a whole number from 1 to %1.").arg(kMaxQuantity));
    const auto current = m_storage.cartItem(user.id, context.id());
    if (!current)
        throw HttpError::error(404, tr("Cart item not found."));
    const qint64 unitCents = current->quantity ? current->price.cents() / current->quantity : 0;
    if (unitCents * *quantity > kMaxLineCents)
        throw HttpError::error(400, tr("The line's price would be too large."));
    const auto updated = m_storage.setCartQuantity(user.id, context.id(), int(*quantity));
    if (!updated)
        throw HttpError::error(404, tr("Cart item not found."));
    return Response::jsonBytes(200, Wire::object(*updated));
}

Response CartController::remove(RequestContext &context)
{
    const User &user = require(context, isCustomer);
    if (!m_storage.deleteCartItem(user.id, context.id()))
        throw HttpError::error(404, tr("Cart item not found."));
    return Response::json(200, QJsonObject { { QStringLiteral("message"), tr("Item deleted.") } });
}

} // namespace LittleLemon::Server
