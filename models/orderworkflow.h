#pragma once

#include "models/order.h"
#include "models/permissions.h"

#include <optional>

namespace LittleLemon {

// The order workflow, once: which stage moves are allowed, to whom. The
// board asks before it offers a move, the CLI before it queues one, and our
// server before it stores one (its refusal is this verdict's reason).
struct OrderMove
{
    OrderStage from = OrderStage::Received;
    OrderStage to = OrderStage::Received;
    // Taken by staff and delivered by nobody (a table's counter order):
    // ready ↔ delivered directly, without a delivery.
    bool servedHere = false;
    // For a cancelled order: the stage it had before (stageBeforeCancel);
    // undoing a cancel goes back there and nowhere else.
    std::optional<OrderStage> beforeCancelled;
};

// On a server with stages ("stages" among `who`'s features); without them
// (the cloud: delivered or not) staff may set either, and nobody cancels.
Verdict mayMove(const Permissions &who, const OrderMove &move);

// The next and previous stage a one-key move goes to.
std::optional<OrderStage> nextFor(OrderStage stage, bool hasStages, bool servedHere);
std::optional<OrderStage> previousFor(OrderStage stage, bool hasStages, bool servedHere);

// No crew assigned, placed by staff (not a customer online).
bool isServedHere(const std::optional<qint64> &deliveryCrew, bool placedByStaff);

// The last stage in the order's history that is not Cancelled.
std::optional<OrderStage> stageBeforeCancel(const Order &order);

} // namespace LittleLemon
