// OrderBoardPage: what staff do to an order (move, undo, assign a crew,
// cancel, details, a counter order, the board's settings, the context menu).

#include "ui/orderboardpage.h"

#include "api/client/syncengine.h"
#include "models/localstore.h"
#include "models/ordersmodel.h"
#include "models/orderworkflow.h"
#include "ui/actionexplainer.h"
#include "ui/boardcolumnmodel.h"
#include "ui/boardsettingsdialog.h"
#include "ui/counterorderdialog.h"
#include "ui/crewpickerdialog.h"
#include "ui/elidedlabel.h"
#include "ui/ordercarddelegate.h"
#include "ui/ordercolumn.h"
#include "ui/ordercolumnview.h"
#include "ui/orderdetailsdialog.h"
#include "ui/theme.h"
#include "ui/uilog.h"
#include "ui/workspace.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace LittleLemon::Ui {

namespace {
constexpr int kUndoDepth = 50;
} // namespace

std::optional<OrderStage> OrderBoardPage::stageOf(qint64 orderId) const
{
    const OrdersModel *orders = m_workspace->ordersModel();
    const int row = orders->rowOf(orderId);
    if (row < 0)
        return std::nullopt;
    return orders->rowAt(row).order.effectiveStage();
}

bool OrderBoardPage::moveOrder(qint64 orderId, OrderStage to, bool undo)
{
    const auto from = stageOf(orderId);
    if (!from)
        return false;
    if (*from == to)
        return true;
    if (const Verdict v = mayMove(*from, to, undo, isServedHere(orderId)); !v) {
        Q_EMIT statusMessage(v.reason);
        return false;
    }
    const LocalEdit edit = m_workspace->store()->outbox()->setOrderStage(orderId, to);
    if (!edit) {
        Q_EMIT statusMessage(edit.error);
        return false;
    }
    qCInfo(lcUi) << "order" << orderId << "moved from" << toWire(*from) << "to" << toWire(to);
    m_undo.append({ orderId, *from, to });
    while (m_undo.size() > kUndoDepth)
        m_undo.removeFirst();
    m_undoAction->setEnabled(true);
    acknowledge(orderId);
    Q_EMIT statusMessage(tr("Order #%1: %2 (Ctrl+Z to undo)").arg(orderId).arg(displayName(to)));
    return true;
}

bool OrderBoardPage::advance(qint64 orderId)
{
    const auto stage = stageOf(orderId);
    if (!stage)
        return false;
    const auto next = nextFor(*stage, isServedHere(orderId));
    if (!next) {
        Q_EMIT statusMessage(tr("Order #%1 is %2: it cannot move on.").arg(orderId).arg(displayName(*stage).toLower()));
        return false;
    }
    return moveOrder(orderId, *next);
}

bool OrderBoardPage::stepBack(qint64 orderId)
{
    const auto stage = stageOf(orderId);
    if (!stage)
        return false;
    const auto previous = previousFor(*stage, isServedHere(orderId));
    if (!previous) {
        Q_EMIT statusMessage(tr("Order #%1 cannot go back from %2.").arg(orderId).arg(displayName(*stage).toLower()));
        return false;
    }
    return moveOrder(orderId, *previous);
}

bool OrderBoardPage::undoLastMove()
{
    if (m_undo.isEmpty()) {
        Q_EMIT statusMessage(tr("No move to undo."));
        return false;
    }
    const Move move = m_undo.takeLast();
    m_undoAction->setEnabled(!m_undo.isEmpty());
    const auto now = stageOf(move.order);
    if (!now || *now != move.to) {
        Q_EMIT statusMessage(tr("Order #%1 has changed since; nothing undone.").arg(move.order));
        return false;
    }
    if (const Verdict v = mayMove(move.to, move.from, true, isServedHere(move.order)); !v) {
        Q_EMIT statusMessage(v.reason);
        return false;
    }
    const LocalEdit edit = m_workspace->store()->outbox()->setOrderStage(move.order, move.from);
    if (!edit) {
        Q_EMIT statusMessage(edit.error);
        return false;
    }
    Q_EMIT statusMessage(tr("Order #%1 back to %2.").arg(move.order).arg(displayName(move.from)));
    selectOrder(move.order);
    return true;
}

bool OrderBoardPage::assignCrew(qint64 orderId, qint64 userId)
{
    if (const Verdict v = m_workspace->permissions().assignCrew(); !v) {
        Q_EMIT statusMessage(v.reason);
        return false;
    }
    const LocalEdit edit = m_workspace->store()->outbox()->assignDeliveryCrew(
        orderId, userId > 0 ? std::optional<qint64>(userId) : std::nullopt);
    if (!edit) {
        Q_EMIT statusMessage(edit.error);
        return false;
    }
    const QString who = userId > 0 ? m_workspace->store()->cache()->userName(userId) : QString();
    // Assigned, not delivered: the order stays open until the crew delivers it.
    Q_EMIT statusMessage(userId > 0 ? tr("Order #%1: %2 will deliver it.").arg(orderId).arg(who)
                                    : tr("Order #%1: nobody delivers it yet.").arg(orderId));
    return true;
}

void OrderBoardPage::assignCurrent()
{
    const qint64 id = selectedOrder();
    if (!id) {
        Q_EMIT statusMessage(tr("Select an order first."));
        return;
    }
    const OrdersModel *orders = m_workspace->ordersModel();
    const int row = orders->rowOf(id);
    const qint64 current = row >= 0 ? orders->rowAt(row).order.deliveryCrew.value_or(0) : 0;
    auto *dialog = new CrewPickerDialog(m_workspace->store(), id, current, this);
    dialog->setObjectName(QStringLiteral("crewPicker"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        assignCrew(id, dialog->chosenCrew());
        selectOrder(id);
    });
    dialog->open();
}

void OrderBoardPage::cancelCurrent()
{
    const qint64 id = selectedOrder();
    if (!id) {
        Q_EMIT statusMessage(tr("Select an order first."));
        return;
    }
    moveOrder(id, OrderStage::Cancelled);
}

void OrderBoardPage::showDetails(qint64 orderId)
{
    auto *dialog = new OrderDetailsDialog(m_workspace->store(), orderId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void OrderBoardPage::newCounterOrder()
{
    if (const Verdict v = m_workspace->permissions().takeCounterOrders(); !v) {
        Q_EMIT statusMessage(v.reason);
        return;
    }
    auto *dialog = new CounterOrderDialog(m_workspace, this);
    dialog->setObjectName(QStringLiteral("counterOrderDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CounterOrderDialog::statusMessage, this, &OrderBoardPage::statusMessage);
    // The keyboard goes back to the counter button, not to the new card:
    // the next Enter must not move an order nobody looked at.
    connect(dialog, &QDialog::finished, this, [this] { m_counterButton->setFocus(Qt::OtherFocusReason); });
    dialog->open();
}

void OrderBoardPage::editSettings()
{
    auto *dialog = new BoardSettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_settings = dialog->settings();
        m_settings.save();
        m_delegate->setSettings(m_settings);
        m_beepTimer->setInterval(m_settings.beepSeconds * 1000);
        for (OrderColumn *c : std::as_const(m_columns))
            c->view()->viewport()->update();
    });
    dialog->open();
}

void OrderBoardPage::showContextMenu(OrderColumn *column, const QPoint &pos)
{
    const QModelIndex index = column->view()->indexAt(pos);
    if (!index.isValid())
        return;
    const qint64 id = index.data(OrdersModel::IdRole).toLongLong();
    selectOrder(id);
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QMenu *moveTo = menu->addMenu(tr("Move to"));
    for (OrderColumn *c : std::as_const(m_columns)) {
        if (c == column)
            continue;
        QAction *a = moveTo->addAction(c->title(), this, [this, id, target = c->targetStage()] {
            if (moveOrder(id, target))
                selectOrder(id);
        });
        applyVerdict(a, m_workspace->permissions().moveOrders());
    }
    menu->addAction(m_assignAction);
    menu->addAction(m_cancelAction);
    menu->addSeparator();
    menu->addAction(tr("Details"), this, [this, id] { showDetails(id); });
    menu->popup(column->view()->viewport()->mapToGlobal(pos));
}

} // namespace LittleLemon::Ui
