#include "api/server/ordercontroller.h"

#include "api/server/etag.h"
#include "api/server/listfilters.h"
#include "api/server/fieldreader.h"
#include "api/server/pagination.h"
#include "api/server/serverstorage.h"
#include "api/server/jsonwriter.h"
#include "models/fieldlimits.h"
#include "models/orderworkflow.h"

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
constexpr int kMaxNoteLength = Limits::kOrderNote;
} // namespace

OrderController::OrderController(const Services &services)
    : ResourceController(services, QStringLiteral("/api/orders"), Router::Access::Authenticated)
{
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
    return user.seesEveryOrder() || order.user == user.id
        || (order.deliveryCrew && *order.deliveryCrew == user.id);
}

Response OrderController::list(RequestContext &context)
{
    const User &user = context.requireUser();
    OrderQuery query;
    if (user.seesEveryOrder()) {
        query.scope = OrderQuery::Scope::All;
    } else if (user.isDeliveryCrew()) {
        query.scope = OrderQuery::Scope::AssignedTo;
    } else {
        query.scope = OrderQuery::Scope::OwnedBy;
    }
    query.userId = user.id;
    static constexpr std::pair<const char16_t *, OrderQuery::Ordering> orderings[] {
        { u"id", OrderQuery::Ordering::Id },           { u"-id", OrderQuery::Ordering::IdDescending },
        { u"date", OrderQuery::Ordering::DateAscending }, { u"-date", OrderQuery::Ordering::DateDescending },
        { u"total", OrderQuery::Ordering::TotalAscending }, { u"-total", OrderQuery::Ordering::TotalDescending },
    };
    query.ordering = ListFilters::ordering(context.request().queryValue(u"ordering"), orderings).value_or(query.ordering);
    const PageWindow w = PageWindow::resolve(context, m_storage.orderCount(query), m_config.pageSize);
    return w.respond(context, Wire::array(m_storage.orders(query, w.offset, w.limit)));
}

Response OrderController::create(RequestContext &context)
{
    const User &user = context.requireUser();
    // The body is not read (the cart is the order), but a broken one is
    // still refused, as DRF would on first access.
    const QJsonValue &json = context.json();
    if (Permissions::onOurServer(user).takeCounterOrders() && json.isObject() && json.toObject().contains(QStringLiteral("items")))
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
                if (lineNote.size() > Limits::kLineNote) {
                    errors.add(QStringLiteral("items"),
                               where + tr("a line's note may have at most %1 characters (this one has %2).")
                                           .arg(Limits::kLineNote)
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
    QByteArray detail; // the new order as its GET shows it, for the ETag
    OrderCreated answer = m_storage.createCounterOrder(user.id, lines, note, QDate::currentDate(), OrderSource::Counter, &detail);
    answer.detail = tr("Order created!");
    return ETag::respond(201, Wire::object(answer), detail);
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
        return false; // no need to look up who placed it
    const auto placedBy = m_storage.userById(order.user);
    return LittleLemon::isServedHere(order.deliveryCrew, placedBy && !placedBy->user.isCustomer());
}

void OrderController::checkMove(const User &user, const Order &order, OrderStage to, bool servedHere)
{
    // The workflow's rule (models/orderworkflow.h), as the desk and the CLI ask it.
    const OrderMove move { order.effectiveStage(), to, servedHere, stageBeforeCancel(order) };
    if (const Verdict v = mayMove(Permissions::onOurServer(user), move); !v)
        throw HttpError::field(QStringLiteral("stage"), v.reason);
}

Response OrderController::update(RequestContext &context, bool /*partial*/)
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
    // A stage wins; a status alone (a cloud-style client) moves to the stage it means.
    auto moveTo = [&](std::optional<OrderStage> stage, std::optional<bool> status) {
        if (stage) {
            if (status && *status != (*stage == OrderStage::Delivered))
                throw HttpError::field(QStringLiteral("status"), tr("status is true exactly when the stage is delivered."));
            checkMove(user, order, *stage, isServedHere(order));
            change.stage = stage;
        } else if (status) {
            change.stage = stageForStatus(order, *status);
        }
    };

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
        moveTo(stage, status);
    } else if (user.isKitchen()) {
        // Stages only: the crew and the note are the manager's.
        if (!object.contains(QStringLiteral("stage")))
            throw HttpError::list(400, tr("The kitchen must provide a stage."));
        if (object.contains(QStringLiteral("delivery_crew")) || object.contains(QStringLiteral("note"))
            || object.contains(QStringLiteral("status")))
            throw HttpError::list(400, tr("The kitchen may only change the stage."));
        const auto stage = readStage();
        body.throwIfErrors();
        moveTo(stage, std::nullopt);
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
        moveTo(stage, status);
    } else if (user.isCustomer()) {
        // The cloud lets a customer flip the status; the contract does not.
        throw HttpError::list(400, tr("A customer cannot change an order."));
    } else {
        throw HttpError::forbidden();
    }
    ETag::require(context, current);
    if (change.stage == order.stage)
        change.stage.reset();
    // The answer is the order as the change log got it (nothing changed: as it was).
    if (change.stage || change.deliveryCrew || change.note) {
        const QByteArray now = m_storage.updateOrder(order.id, change, user.id);
        if (now.isEmpty())
            throw HttpError::detail(404, tr("Order not found."));
        return ETag::respond(200, now);
    }
    return ETag::respond(200, current);
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
