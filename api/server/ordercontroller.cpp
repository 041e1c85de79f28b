#include "api/server/ordercontroller.h"

#include "api/server/fieldreader.h"
#include "api/server/pagination.h"
#include "api/server/serverstorage.h"
#include "api/server/jsonwriter.h"

#include <QJsonArray>

namespace LittleLemon::Server {

namespace {
// The cloud's sentence, its spelling included: clients may match on it.
HttpError noAccess()
{
    return HttpError::detail(403, QCoreApplication::translate("LittleLemon::Server",
                                                              "You do not have permission to acess this information."));
}

constexpr qint64 kMaxTotalCents = 9999999999LL;
} // namespace

void OrderController::registerRoutes(Router &router)
{
    using M = Request::Method;
    const QString list = QStringLiteral("/api/orders");
    const QString item = QStringLiteral("/api/orders/{id}");
    router.add(list, Router::Access::Authenticated);
    router.on(list, M::Get, [this](RequestContext &c) { return this->list(c); });
    router.on(list, M::Post, [this](RequestContext &c) { return create(c); });
    router.add(item, Router::Access::Authenticated);
    router.on(item, M::Get, [this](RequestContext &c) { return retrieve(c); });
    router.on(item, M::Put, [this](RequestContext &c) { return update(c); });
    router.on(item, M::Patch, [this](RequestContext &c) { return update(c); });
    router.on(item, M::Delete, [this](RequestContext &c) { return destroy(c); });
}

Order OrderController::find(qint64 id)
{
    auto order = m_storage.order(id);
    if (!order)
        throw HttpError::detail(404, tr("Order not found."));
    return *order;
}

bool OrderController::maySee(const User &user, const Order &order)
{
    return user.isManager() || order.user == user.id || (order.deliveryCrew && *order.deliveryCrew == user.id);
}

Response OrderController::list(RequestContext &context)
{
    const User &user = context.requireUser();
    OrderQuery query;
    if (user.isManager()) {
        query.scope = OrderQuery::Scope::All;
    } else if (user.isDeliveryCrew()) {
        query.scope = OrderQuery::Scope::AssignedTo;
    } else {
        query.scope = OrderQuery::Scope::OwnedBy;
    }
    query.userId = user.id;
    static const QList<QPair<QString, OrderQuery::Ordering>> orderings {
        { QStringLiteral("id"), OrderQuery::Ordering::Id },
        { QStringLiteral("-id"), OrderQuery::Ordering::IdDescending },
        { QStringLiteral("date"), OrderQuery::Ordering::DateAscending },
        { QStringLiteral("-date"), OrderQuery::Ordering::DateDescending },
        { QStringLiteral("total"), OrderQuery::Ordering::TotalAscending },
        { QStringLiteral("-total"), OrderQuery::Ordering::TotalDescending },
    };
    bool chosen = false;
    for (const QString &term : context.request().queryValue(u"ordering").split(u',', Qt::SkipEmptyParts)) {
        for (const auto &o : orderings) {
            if (o.first == term.trimmed()) {
                query.ordering = o.second;
                chosen = true;
                break;
            }
        }
        if (chosen)
            break;
    }
    const PageWindow w = PageWindow::resolve(context, m_storage.orderCount(query), m_config.pageSize);
    return w.respond(context, Wire::array(m_storage.orders(query, w.offset, w.limit)));
}

Response OrderController::create(RequestContext &context)
{
    const User &user = context.requireUser();
    // The body is not read (the cart is the order), but a broken one is
    // still refused, as DRF would on first access.
    context.json();
    Money total;
    for (const CartItem &c : m_storage.cart(user.id))
        total += c.price;
    if (total.cents() > kMaxTotalCents)
        throw HttpError::detail(400, tr("The order's total is too large."));
    const auto created = m_storage.createOrderFromCart(user.id, QDate::currentDate());
    if (!created)
        throw HttpError::detail(400, tr("The cart is empty!"));
    OrderCreated answer = *created;
    answer.detail = tr("Order created!");
    // The cloud lists only the last line here (a bug); we list them all.
    return Response::jsonBytes(201, Wire::object(answer));
}

Response OrderController::retrieve(RequestContext &context)
{
    const User &user = context.requireUser();
    const Order order = find(context.id());
    if (!maySee(user, order))
        throw noAccess();
    return Response::jsonBytes(200, Wire::object(order));
}

Response OrderController::update(RequestContext &context)
{
    const User &user = context.requireUser();
    const Order order = find(context.id());
    if (!maySee(user, order))
        throw noAccess();
    const QJsonObject &object = context.object();
    FieldReader body(object, true);

    if (user.isManager()) {
        const auto status = body.boolean(QStringLiteral("status"));
        std::optional<std::optional<qint64>> crew;
        if (object.contains(QStringLiteral("delivery_crew"))) {
            crew = body.nullablePrimaryKey(QStringLiteral("delivery_crew"));
            body.throwIfErrors();
            if (crew && *crew) {
                const auto record = m_storage.userById(**crew);
                if (!record || !record->user.isDeliveryCrew())
                    throw HttpError::list(400, tr("The assigned user is not part of the 'delivery-crew' group."));
            }
        }
        body.throwIfErrors();
        m_storage.updateOrder(order.id, status, crew);
    } else if (user.isDeliveryCrew()) {
        if (!order.deliveryCrew || *order.deliveryCrew != user.id)
            throw noAccess();
        if (!object.contains(QStringLiteral("status")))
            throw HttpError::list(400, tr("The delivery crew must provide a status."));
        if (object.contains(QStringLiteral("delivery_crew")))
            throw HttpError::list(400, tr("The delivery crew may only change the status."));
        const auto status = body.boolean(QStringLiteral("status"));
        body.throwIfErrors();
        m_storage.updateOrder(order.id, status, std::nullopt);
    } else if (user.isCustomer()) {
        // The cloud lets a customer flip the status; the contract does not.
        throw HttpError::list(400, tr("A customer cannot change an order."));
    } else {
        throw HttpError::forbidden();
    }
    return Response::jsonBytes(200, Wire::object(find(order.id)));
}

Response OrderController::destroy(RequestContext &context)
{
    const User &user = context.requireUser();
    const Order order = find(context.id());
    const bool allowed = user.isManager() || (order.user == user.id && user.isCustomer());
    if (!allowed)
        throw maySee(user, order) ? HttpError::forbidden() : noAccess();
    m_storage.deleteOrder(order.id);
    return Response::noContent();
}

} // namespace LittleLemon::Server
