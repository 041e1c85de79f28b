#include "order.h"

#include <QCoreApplication>

namespace LittleLemon {

namespace {
struct StageName
{
    OrderStage stage;
    const char *wire;
    const char *display;
};
constexpr StageName kStages[] = {
    { OrderStage::Received, "received", QT_TRANSLATE_NOOP("LittleLemon::OrderStage", "Received") },
    { OrderStage::Preparing, "preparing", QT_TRANSLATE_NOOP("LittleLemon::OrderStage", "Preparing") },
    { OrderStage::Ready, "ready", QT_TRANSLATE_NOOP("LittleLemon::OrderStage", "Ready") },
    { OrderStage::OutForDelivery, "out_for_delivery",
      QT_TRANSLATE_NOOP("LittleLemon::OrderStage", "Out for delivery") },
    { OrderStage::Delivered, "delivered", QT_TRANSLATE_NOOP("LittleLemon::OrderStage", "Delivered") },
    { OrderStage::Cancelled, "cancelled", QT_TRANSLATE_NOOP("LittleLemon::OrderStage", "Cancelled") },
};
} // namespace

QString toWire(OrderStage stage)
{
    for (const auto &s : kStages)
        if (s.stage == stage)
            return QString::fromLatin1(s.wire);
    Q_UNREACHABLE();
}

std::optional<OrderStage> orderStageFromWire(QStringView text)
{
    for (const auto &s : kStages)
        if (text == QLatin1String(s.wire))
            return s.stage;
    return std::nullopt;
}

QString displayName(OrderStage stage)
{
    for (const auto &s : kStages)
        if (s.stage == stage)
            return QCoreApplication::translate("LittleLemon::OrderStage", s.display);
    Q_UNREACHABLE();
}

bool isFinal(OrderStage stage)
{
    return stage == OrderStage::Delivered || stage == OrderStage::Cancelled;
}

std::optional<OrderStage> nextStage(OrderStage stage)
{
    switch (stage) {
    case OrderStage::Received:
        return OrderStage::Preparing;
    case OrderStage::Preparing:
        return OrderStage::Ready;
    case OrderStage::Ready:
        return OrderStage::OutForDelivery;
    case OrderStage::OutForDelivery:
        return OrderStage::Delivered;
    case OrderStage::Delivered:
    case OrderStage::Cancelled:
        break;
    }
    return std::nullopt;
}

std::optional<OrderStage> previousStage(OrderStage stage)
{
    switch (stage) {
    case OrderStage::Preparing:
        return OrderStage::Received;
    case OrderStage::Ready:
        return OrderStage::Preparing;
    case OrderStage::OutForDelivery:
        return OrderStage::Ready;
    case OrderStage::Delivered:
        return OrderStage::OutForDelivery;
    case OrderStage::Received:
    case OrderStage::Cancelled:
        break;
    }
    return std::nullopt;
}

const QList<OrderStage> &allOrderStages()
{
    static const QList<OrderStage> stages { OrderStage::Received,       OrderStage::Preparing,
                                            OrderStage::Ready,          OrderStage::OutForDelivery,
                                            OrderStage::Delivered,      OrderStage::Cancelled };
    return stages;
}

} // namespace LittleLemon
