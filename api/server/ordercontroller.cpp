#include "api/server/ordercontroller.h"

#include "api/server/etag.h"
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
constexpr int kMaxCounterLines = 200;
constexpr qint64 kMaxQuantity = 32767; // the cart's limit
constexpr int kMaxNoteLength = 1000;
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
    // The kitchen (our extension) cooks every order, so it sees them all.
    return user.isManager() || user.isKitchen() || order.user == user.id
        || (order.deliveryCrew && *order.deliveryCrew == user.id);
}

Response OrderController::list(RequestContext &context)
{
    const User &user = context.requireUser();
    OrderQuery query;
    if (user.isManager() || user.isKitchen()) {
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
    const QJsonValue &json = context.json();
    if ((user.isManager() || user.isAdmin()) && json.isObject() && json.toObject().contains(QStringLiteral("items")))
        return createCounterOrder(context, user);
    Money total;
    const QList<CartItem> rows = m_storage.cart(user.id);
    for (const CartItem &c : rows) {
        total += c.price;
        // The availability extension: what ran out since it went into the cart is refused by name.
        const auto item = m_storage.menuItem(c.menuitem);
        if (item && !item->available)
            throw HttpError::detail(400, tr("%1 is not available right now; remove it from the cart.").arg(item->title));
    }
    if (total.cents() > kMaxTotalCents)
        throw HttpError::detail(400, tr("The order's total is too large."));
    const auto created = m_storage.createOrderFromCart(user.id, QDate::currentDate());
    if (!created)
        throw HttpError::detail(400, tr("The cart is empty!"));
    OrderCreated answer = *created;
    answer.detail = tr("Order created!");
    // The cloud lists only the last line here (a bug); we list them all.
    // The ETag is the new order's, as GET /api/orders/{id} shows it.
    return ETag::respond(201, Wire::object(answer), Wire::orderDetail(find(answer.orderId)));
}

Response OrderController::createCounterOrder(RequestContext &context, const User &user)
{
    // {"items": [{"menuitem", "quantity"}], "note"}: prices from the menu as it is now.
    const QJsonObject &object = context.object();
    FieldErrors errors;
    const QJsonValue items = object.value(QStringLiteral("items"));
    QList<OrderItem> lines;
    if (!items.isArray()) {
        errors.add(QStringLiteral("items"), tr("Expected a list of items but got %1.").arg(FieldReader::pythonTypeName(items)));
    } else if (items.toArray().isEmpty()) {
        errors.add(QStringLiteral("items"), tr("This list may not be empty."));
    } else if (items.toArray().size() > kMaxCounterLines) {
        errors.add(QStringLiteral("items"), tr("Ensure this list has no more than %1 elements.").arg(kMaxCounterLines));
    } else {
        const QJsonArray array = items.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString where = tr("Line %1: ").arg(i + 1);
            if (!array.at(i).isObject()) {
                errors.add(QStringLiteral("items"), where + tr("expected {\"menuitem\", \"quantity\"}."));
                continue;
            }
            FieldReader line(array.at(i).toObject(), false);
            const auto menuitem = line.primaryKey(QStringLiteral("menuitem"));
            const auto quantity = line.integer(QStringLiteral("quantity"), 1, kMaxQuantity);
            // line_notes (issue 17): "no onions", printed under the line on the kitchen ticket.
            QString lineNote;
            const QJsonValue noteValue = array.at(i).toObject().value(QStringLiteral("note"));
            if (!noteValue.isUndefined() && !noteValue.isNull()) {
                if (!noteValue.isString() || noteValue.toString().contains(QChar(0))) {
                    errors.add(QStringLiteral("items"), where + tr("a note must be text."));
                    continue;
                }
                lineNote = noteValue.toString().trimmed();
                if (lineNote.size() > kMaxLineNoteLength) {
                    errors.add(QStringLiteral("items"),
                               where + tr("a line's note may have at most %1 characters (this one has %2).")
                                           .arg(kMaxLineNoteLength)
                                           .arg(lineNote.size()));
                    continue;
                }
            }
            if (!line.ok()) {
                errors.add(QStringLiteral("items"), where + tr("menuitem and a quantity from 1 to %1 are required.").arg(kMaxQuantity));
                continue;
            }
            const auto item = m_storage.menuItem(*menuitem);
            if (!item) {
                errors.add(QStringLiteral("items"), where + FieldReader::invalidPk(QString::number(*menuitem)));
                continue;
            }
            if (!item->available) {
                errors.add(QStringLiteral("items"), where + tr("%1 is not available right now.").arg(item->title));
                continue;
            }
            OrderItem o;
            o.menuitem = item->id;
            o.menuitemTitle = item->title;
            o.quantity = int(*quantity);
            o.unitPrice = item->price;
            o.price = item->price * o.quantity;
            o.note = lineNote;
            lines.append(o);
        }
    }
    QString note;
    if (object.contains(QStringLiteral("note"))) {
        FieldReader body(object, true);
        if (const auto n = body.string(QStringLiteral("note"), kMaxNoteLength, true))
            note = *n;
        else if (object.value(QStringLiteral("note")).isNull())
            note.clear();
        else
            errors.add(QStringLiteral("note"), tr("Not a valid string of at most %1 characters.").arg(kMaxNoteLength));
    }
    errors.throwIfAny();
    Money total;
    for (const OrderItem &o : std::as_const(lines))
        total += o.price;
    if (total.cents() > kMaxTotalCents)
        throw HttpError::detail(400, tr("The order's total is too large."));
    OrderCreated answer = m_storage.createCounterOrder(user.id, lines, note, QDate::currentDate());
    answer.detail = tr("Order created!");
    return ETag::respond(201, Wire::object(answer), Wire::orderDetail(find(answer.orderId)));
}

Response OrderController::retrieve(RequestContext &context)
{
    const User &user = context.requireUser();
    const Order order = find(context.id());
    if (!maySee(user, order))
        throw noAccess();
    return ETag::respond(200, Wire::orderDetail(order));
}

std::optional<OrderStage> OrderController::stageForStatus(const Order &order, bool status)
{
    const OrderStage stage = order.effectiveStage();
    if (status) {
        if (stage == OrderStage::Delivered)
            return std::nullopt;
        if (stage == OrderStage::Cancelled)
            throw HttpError::field(QStringLiteral("status"), tr("A cancelled order cannot be delivered."));
        return OrderStage::Delivered;
    }
    // Not delivered after all: back to the counter.
    if (stage == OrderStage::Delivered)
        return OrderStage::Ready;
    return std::nullopt;
}

bool OrderController::isServedHere(const Order &order) const
{
    if (order.deliveryCrew && *order.deliveryCrew != 0)
        return false;
    const auto placedBy = m_storage.userById(order.user);
    return placedBy && !placedBy->user.isCustomer();
}

void OrderController::checkMove(const User &user, const Order &order, OrderStage to, bool servedHere)
{
    const OrderStage from = order.effectiveStage();
    if (from == to)
        return;
    auto refuse = [&](const QString &why) { throw HttpError::field(QStringLiteral("stage"), why); };
    if (user.isKitchen() && !user.isManager()) {
        // The kitchen: received -> preparing -> ready, and one step back among those.
        const auto kitchenStage = [](OrderStage s) {
            return s == OrderStage::Received || s == OrderStage::Preparing || s == OrderStage::Ready;
        };
        if (kitchenStage(from) && kitchenStage(to) && (nextStage(from) == to || previousStage(from) == to))
            return;
        refuse(tr("The kitchen moves orders from received to preparing to ready; the rest is for managers and "
                  "delivery crew."));
    }
    if (!user.isManager()) {
        // Delivery crew, on their own orders (checked by the caller): take a
        // ready order out, and deliver it.
        if ((from == OrderStage::Ready && to == OrderStage::OutForDelivery)
            || (from == OrderStage::OutForDelivery && to == OrderStage::Delivered))
            return;
        refuse(tr("Delivery crew may only take a ready order out for delivery and mark it delivered."));
    }
    if (servedHere && ((from == OrderStage::Ready && to == OrderStage::Delivered)
                       || (from == OrderStage::Delivered && to == OrderStage::Ready)))
        return;
    if (to == OrderStage::Cancelled) {
        if (isFinal(from))
            refuse(tr("A %1 order cannot be cancelled.").arg(toWire(from)));
        return;
    }
    if (nextStage(from) == to)
        return;
    // Undo: one stage back; out of cancelled, back to where it was.
    std::optional<OrderStage> back = previousStage(from);
    if (from == OrderStage::Cancelled) {
        back.reset();
        for (qsizetype i = order.history.size() - 1; i >= 0; --i) {
            if (order.history.at(i).stage != OrderStage::Cancelled) {
                back = order.history.at(i).stage;
                break;
            }
        }
    }
    if (back == to)
        return;
    refuse(tr("An order cannot move from %1 to %2: it moves forward one stage at a time, and a manager may step "
              "back one stage.").arg(toWire(from), toWire(to)));
}

Response OrderController::update(RequestContext &context)
{
    const User &user = context.requireUser();
    const Order order = find(context.id());
    if (!maySee(user, order))
        throw noAccess();
    const QByteArray current = Wire::orderDetail(order);
    const QJsonObject &object = context.object();
    FieldReader body(object, true);

    // "stage": one of the stage names.
    auto readStage = [&]() -> std::optional<OrderStage> {
        if (!object.contains(QStringLiteral("stage")))
            return std::nullopt;
        const auto text = body.string(QStringLiteral("stage"), 40);
        if (!text)
            return std::nullopt;
        const auto stage = orderStageFromWire(*text);
        if (!stage)
            body.fail(QStringLiteral("stage"), tr("\"%1\" is not a valid choice.").arg(*text));
        return stage;
    };

    OrderUpdate change;
    if (user.isManager()) {
        const auto status = body.boolean(QStringLiteral("status"));
        const auto stage = readStage();
        if (object.contains(QStringLiteral("delivery_crew"))) {
            change.deliveryCrew = body.nullablePrimaryKey(QStringLiteral("delivery_crew"));
            body.throwIfErrors();
            if (change.deliveryCrew && *change.deliveryCrew) {
                const auto record = m_storage.userById(**change.deliveryCrew);
                if (!record || !record->user.isDeliveryCrew())
                    throw HttpError::list(400, tr("The assigned user is not part of the 'delivery-crew' group."));
            }
        }
        if (object.contains(QStringLiteral("note"))) {
            if (object.value(QStringLiteral("note")).isNull())
                change.note = QString();
            else
                change.note = body.string(QStringLiteral("note"), kMaxNoteLength, true);
        }
        body.throwIfErrors();
        if (stage) {
            if (status && *status != (*stage == OrderStage::Delivered))
                throw HttpError::field(QStringLiteral("status"), tr("status is true exactly when the stage is delivered."));
            checkMove(user, order, *stage, isServedHere(order));
            change.stage = stage;
        } else if (status) {
            change.stage = stageForStatus(order, *status);
        }
    } else if (user.isKitchen()) {
        // Stages only: the crew and the note are the manager's.
        if (!object.contains(QStringLiteral("stage")))
            throw HttpError::list(400, tr("The kitchen must provide a stage."));
        if (object.contains(QStringLiteral("delivery_crew")) || object.contains(QStringLiteral("note"))
            || object.contains(QStringLiteral("status")))
            throw HttpError::list(400, tr("The kitchen may only change the stage."));
        const auto stage = readStage();
        body.throwIfErrors();
        if (stage) {
            checkMove(user, order, *stage, isServedHere(order));
            change.stage = stage;
        }
    } else if (user.isDeliveryCrew()) {
        if (!order.deliveryCrew || *order.deliveryCrew != user.id)
            throw noAccess();
        if (!object.contains(QStringLiteral("status")) && !object.contains(QStringLiteral("stage")))
            throw HttpError::list(400, tr("The delivery crew must provide a status."));
        if (object.contains(QStringLiteral("delivery_crew")) || object.contains(QStringLiteral("note")))
            throw HttpError::list(400, tr("The delivery crew may only change the status."));
        const auto status = body.boolean(QStringLiteral("status"));
        const auto stage = readStage();
        body.throwIfErrors();
        if (stage) {
            if (status && *status != (*stage == OrderStage::Delivered))
                throw HttpError::field(QStringLiteral("status"), tr("status is true exactly when the stage is delivered."));
            checkMove(user, order, *stage, isServedHere(order));
            change.stage = stage;
        } else if (status) {
            // A cloud-style client: status alone, as the cloud lets the crew send it.
            change.stage = stageForStatus(order, *status);
        }
    } else if (user.isCustomer()) {
        // The cloud lets a customer flip the status; the contract does not.
        throw HttpError::list(400, tr("A customer cannot change an order."));
    } else {
        throw HttpError::forbidden();
    }
    ETag::require(context, current);
    if (change.stage == order.stage)
        change.stage.reset();
    if (change.stage || change.deliveryCrew || change.note)
        m_storage.updateOrder(order.id, change, user.id);
    return ETag::respond(200, Wire::orderDetail(find(order.id)));
}

Response OrderController::destroy(RequestContext &context)
{
    const User &user = context.requireUser();
    const Order order = find(context.id());
    const bool allowed = user.isManager() || (order.user == user.id && user.isCustomer());
    if (!allowed)
        throw maySee(user, order) ? HttpError::forbidden() : noAccess();
    ETag::require(context, Wire::orderDetail(order));
    m_storage.deleteOrder(order.id);
    return Response::noContent();
}

} // namespace LittleLemon::Server
