#include "models/orderworkflow.h"

#include <QCoreApplication>

namespace LittleLemon {

namespace {
// The context is written out at each string (not a tr() wrapper) so that
// lupdate files them under it.
QString named(OrderStage stage)
{
    return displayName(stage).toLower();
}

bool isCooking(OrderStage s)
{
    return s == OrderStage::Received || s == OrderStage::Preparing || s == OrderStage::Ready;
}
} // namespace

Verdict mayMove(const Permissions &who, const OrderMove &move)
{
    if (Verdict v = who.moveOrders(); !v)
        return v;
    const OrderStage from = move.from;
    const OrderStage to = move.to;
    if (from == to)
        return Verdict::yes();
    if (to == OrderStage::Cancelled) {
        if (Verdict v = who.cancelOrders(); !v)
            return v;
        if (isFinal(from))
            return Verdict::no(
                QCoreApplication::translate("LittleLemon::OrderWorkflow", "A %1 order cannot be cancelled.")
                    .arg(named(from)));
        return Verdict::yes();
    }
    // The cloud knows delivered or not, and lets staff set either.
    if (!who.hasFeature(QStringLiteral("stages")))
        return Verdict::yes();
    const User &user = who.user();
    if (user.isKitchen() && !user.isManager()) {
        if (isCooking(from) && isCooking(to) && (nextStage(from) == to || previousStage(from) == to))
            return Verdict::yes();
        return Verdict::no(QCoreApplication::translate("LittleLemon::OrderWorkflow",
            "The kitchen moves orders from received to preparing to ready; managers and delivery "
            "crew move them on."));
    }
    if (!user.isManager()) {
        // Delivery crew, on their own orders (the server checks whose).
        if ((from == OrderStage::Ready && to == OrderStage::OutForDelivery)
            || (from == OrderStage::OutForDelivery && to == OrderStage::Delivered))
            return Verdict::yes();
        return Verdict::no(QCoreApplication::translate("LittleLemon::OrderWorkflow",
            "Delivery crew take ready orders out and mark them delivered; the kitchen moves "
            "the rest."));
    }
    if (move.servedHere
        && ((from == OrderStage::Ready && to == OrderStage::Delivered)
            || (from == OrderStage::Delivered && to == OrderStage::Ready)))
        return Verdict::yes();
    if (nextStage(from) == to || previousStage(from) == to)
        return Verdict::yes();
    // Undoing a cancel: back to where it was.
    if (from == OrderStage::Cancelled && move.beforeCancelled == to)
        return Verdict::yes();
    return Verdict::no(QCoreApplication::translate("LittleLemon::OrderWorkflow",
        "An order cannot move from %1 to %2: it moves forward one stage at a time, and a manager "
        "may step back one stage.")
                           .arg(named(from), named(to)));
}

std::optional<OrderStage> nextFor(OrderStage stage, bool hasStages, bool servedHere)
{
    if (hasStages) {
        if (servedHere && stage == OrderStage::Ready)
            return OrderStage::Delivered;
        return nextStage(stage);
    }
    if (isFinal(stage))
        return std::nullopt;
    return OrderStage::Delivered;
}

std::optional<OrderStage> previousFor(OrderStage stage, bool hasStages, bool servedHere)
{
    if (hasStages) {
        if (servedHere && stage == OrderStage::Delivered)
            return OrderStage::Ready;
        return previousStage(stage);
    }
    if (stage == OrderStage::Delivered)
        return OrderStage::Received;
    return std::nullopt;
}

bool isServedHere(const std::optional<qint64> &deliveryCrew, bool placedByStaff)
{
    return !(deliveryCrew && *deliveryCrew != 0) && placedByStaff;
}

std::optional<OrderStage> stageBeforeCancel(const Order &order)
{
    for (qsizetype i = order.history.size() - 1; i >= 0; --i) {
        if (order.history.at(i).stage != OrderStage::Cancelled)
            return order.history.at(i).stage;
    }
    return std::nullopt;
}

} // namespace LittleLemon
