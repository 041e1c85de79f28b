#pragma once

#include "money.h"
#include "models/fieldlimits.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace LittleLemon {

// Where an order is in the kitchen's flow (our server's "stages" extension).
// The cloud only knows delivered or not: `status` is true exactly when the
// stage is Delivered.
enum class OrderStage { Received, Preparing, Ready, OutForDelivery, Delivered, Cancelled };

QString toWire(OrderStage stage); // "out_for_delivery"
std::optional<OrderStage> orderStageFromWire(QStringView text);
QString displayName(OrderStage stage); // translated, for people
bool isFinal(OrderStage stage);        // delivered or cancelled
// The next stage forward in received → … → delivered; nullopt at the end.
std::optional<OrderStage> nextStage(OrderStage stage);
std::optional<OrderStage> previousStage(OrderStage stage);
const QList<OrderStage> &allOrderStages();

struct OrderItem
{
    qint64 menuitem = 0;
    QString menuitemTitle;
    int quantity = 0;
    Money unitPrice;
    Money price;
    // Our server's "line_notes" extension ("no onions"); the cloud has none.
    // Initialised so that {menuitem, title, quantity, unit, price} still reads whole.
    QString note = QString();

    bool operator==(const OrderItem &o) const
    {
        return menuitem == o.menuitem && menuitemTitle == o.menuitemTitle && quantity == o.quantity
            && unitPrice == o.unitPrice && price == o.price && note == o.note;
    }
    bool operator!=(const OrderItem &o) const { return !(*this == o); }
};


struct StageChange
{
    OrderStage stage = OrderStage::Received;
    qint64 by = 0; // user id
    QDateTime at;  // UTC

    bool operator==(const StageChange &o) const { return stage == o.stage && by == o.by && at == o.at; }
};

struct Order
{
    qint64 id = 0;
    qint64 user = 0;
    std::optional<qint64> deliveryCrew;
    bool status = false; // delivered or not, as the cloud says it
    Money total;
    QDate date;
    QList<OrderItem> items;
    // Extensions; absent from the cloud's answers.
    std::optional<OrderStage> stage;
    QString note;
    QList<StageChange> history;

    // The stage, derived from `status` when the server has no stages.
    OrderStage effectiveStage() const
    {
        if (stage)
            return *stage;
        return status ? OrderStage::Delivered : OrderStage::Received;
    }

    bool operator==(const Order &o) const
    {
        return id == o.id && user == o.user && deliveryCrew == o.deliveryCrew && status == o.status
            && total == o.total && date == o.date && items == o.items && stage == o.stage && note == o.note
            && history == o.history;
    }
    bool operator!=(const Order &o) const { return !(*this == o); }
};

// The answer to creating an order: 201 {"order_id","total","items","detail"}.
struct OrderCreated
{
    qint64 orderId = 0;
    Money total;
    QList<OrderItem> items;
    QString detail;
};

} // namespace LittleLemon
