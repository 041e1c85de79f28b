// OrderBoardPage: orders arriving and leaving (the new-order banner,
// acknowledgement, flashes, held moves, the notice and the stale warning).

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
// Order numbers named on the new-order banner; the rest are counted.
constexpr qsizetype kBannerNumbers = 3;
// A new order older than this when it reaches us is history being caught up
// on, not a customer waiting.
constexpr qint64 kNewOrderMaxAgeSeconds = 3600;
} // namespace

void OrderBoardPage::onOrdersInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    for (int row = first; row <= last; ++row) {
        const OrderSummary &o = m_workspace->ordersModel()->rowAt(row).order;
        m_lastStage.insert(o.id, o.effectiveStage());
    }
    // The first sync fills the cache with the past, not with news.
    if (!m_workspace->store()->cache()->lastSyncTime().isValid())
        return;
    const OrdersModel *orders = m_workspace->ordersModel();
    bool any = false;
    for (int row = first; row <= last; ++row) {
        const OrderSummary &o = orders->rowAt(row).order;
        if (o.id <= 0 || o.effectiveStage() != OrderStage::Received)
            continue; // made here, or already under way
        if (o.placedAt.isValid() && o.placedAt.secsTo(QDateTime::currentDateTimeUtc()) > kNewOrderMaxAgeSeconds)
            continue;
        m_unacknowledged.insert(o.id);
        any = true;
    }
    if (!any)
        return;
    updateBanner();
    beep();
    m_beepTimer->start();
}

void OrderBoardPage::onOrdersChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const OrdersModel *orders = m_workspace->ordersModel();
    bool changed = false;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const OrderSummary &o = orders->rowAt(row).order;
        const OrderStage stage = o.effectiveStage();
        const auto last = m_lastStage.find(o.id);
        if (last != m_lastStage.end() && *last != stage) {
            *last = stage;
            // Not our own edit (that one waits in the outbox): another terminal moved it.
            if (o.sync == SyncState::Synced) {
                if (stage == OrderStage::Cancelled && !m_showCancelled->isChecked())
                    showNotice(tr("Order #%1 was cancelled on another terminal.").arg(o.id));
                else if (m_holding)
                    m_heldFlashes.insert(o.id);
                else
                    flash(o.id);
            }
        } else if (last == m_lastStage.end()) {
            m_lastStage.insert(o.id, stage);
        }
        // Someone has started on it, here or elsewhere: it is not news any more.
        if (o.effectiveStage() != OrderStage::Received && m_unacknowledged.remove(o.id))
            changed = true;
    }
    if (changed)
        updateBanner();
}

QList<qint64> OrderBoardPage::unacknowledgedOrders() const
{
    QList<qint64> out(m_unacknowledged.cbegin(), m_unacknowledged.cend());
    std::sort(out.begin(), out.end());
    return out;
}

void OrderBoardPage::acknowledge(qint64 orderId)
{
    if (m_unacknowledged.remove(orderId))
        updateBanner();
}

void OrderBoardPage::acknowledgeAll()
{
    if (m_unacknowledged.isEmpty())
        return;
    m_unacknowledged.clear();
    updateBanner();
}

void OrderBoardPage::onOrdersAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const OrdersModel *orders = m_workspace->ordersModel();
    QList<qint64> gone;
    for (int row = first; row <= last; ++row) {
        const OrderSummary &o = orders->rowAt(row).order;
        m_lastStage.remove(o.id);
        m_flashing.remove(o.id);
        // A server order that leaves the cache: deleted (or taken out of this
        // person's view) elsewhere. Ours renumbered after a create are not news.
        if (o.id > 0 && o.sync == SyncState::Synced && !isFinal(o.effectiveStage()))
            gone << o.id;
    }
    if (gone.size() == 1)
        showNotice(tr("Order #%1 was removed on another terminal.").arg(gone.first()));
    else if (gone.size() > 1)
        showNotice(tr("%n orders were removed on another terminal.", nullptr, int(gone.size())));
}

void OrderBoardPage::rememberStages()
{
    m_lastStage.clear();
    const OrdersModel *orders = m_workspace->ordersModel();
    for (int row = 0; row < orders->rowCount(); ++row) {
        const OrderSummary &o = orders->rowAt(row).order;
        m_lastStage.insert(o.id, o.effectiveStage());
    }
}

void OrderBoardPage::flash(qint64 orderId)
{
    m_flashing.insert(orderId);
    for (OrderColumn *c : std::as_const(m_columns))
        c->view()->viewport()->update();
    QTimer::singleShot(1200, this, [this, orderId] {
        if (!m_flashing.remove(orderId))
            return;
        for (OrderColumn *c : std::as_const(m_columns))
            c->view()->viewport()->update();
    });
}

void OrderBoardPage::holdMoves(bool hold)
{
    if (hold == m_holding)
        return;
    m_holding = hold;
    // Held: a card keeps its column whatever its stage becomes, so nothing
    // jumps under the pointer; released: every column sorts itself out.
    for (OrderColumn *c : std::as_const(m_columns)) {
        c->model()->setDynamicSortFilter(!hold);
        if (!hold)
            c->model()->invalidate();
    }
    if (!hold) {
        for (qint64 id : std::exchange(m_heldFlashes, {}))
            flash(id);
        if (!m_heldNotice.isEmpty())
            showNotice(std::exchange(m_heldNotice, QString()));
    }
}

QString OrderBoardPage::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void OrderBoardPage::showNotice(const QString &text)
{
    if (m_holding) {
        m_heldNotice = text;
        return;
    }
    m_notice->setText(text);
    m_notice->show();
    m_noticeTimer->start();
}

void OrderBoardPage::updateBanner()
{
    // Orders gone from the cache are not waiting for anyone.
    const OrdersModel *orders = m_workspace->ordersModel();
    for (auto it = m_unacknowledged.begin(); it != m_unacknowledged.end();) {
        if (orders->rowOf(*it) < 0)
            it = m_unacknowledged.erase(it);
        else
            ++it;
    }
    if (m_unacknowledged.isEmpty()) {
        m_banner->hide();
        m_beepTimer->stop();
    } else {
        // The newest few by number, then how many more: the banner says the
        // same in one line whether 3 or 3,000 orders wait.
        QList<qint64> newest;
        newest.reserve(kBannerNumbers + 1);
        for (qint64 id : std::as_const(m_unacknowledged)) {
            newest.insert(std::upper_bound(newest.begin(), newest.end(), id, std::greater<>()), id);
            if (newest.size() > kBannerNumbers)
                newest.removeLast();
        }
        QStringList numbers;
        for (qint64 id : std::as_const(newest))
            numbers << QStringLiteral("#%1").arg(id);
        const qsizetype count = m_unacknowledged.size();
        QString list = numbers.join(QStringLiteral(", "));
        if (count > newest.size())
            list = tr("%1 and %2 more").arg(list).arg(count - newest.size());
        m_bannerText->setFullText(count == 1 ? tr("New order %1").arg(list) : tr("%1 new orders — %2").arg(count).arg(list));
        m_banner->show();
    }
    for (OrderColumn *c : std::as_const(m_columns))
        c->view()->viewport()->update();
}

void OrderBoardPage::updateStale()
{
    const Client::SyncEngine *engine = m_workspace->syncEngine();
    if (!engine || engine->runCount() == 0 || engine->lastReport().ok) {
        m_stale->hide();
        return;
    }
    const Client::SyncReport &report = engine->lastReport();
    const QDateTime last = engine->lastSyncTime();
    const QString asOf = last.isValid()
        ? tr("These orders are as of %1 and may have changed since.")
              .arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat))
        : tr("Nothing has been read from the server yet: orders may be missing.");
    QString text;
    if (report.offline)
        text = tr("Not up to date: %1 %2 The board catches up by itself when the server answers again.")
                   .arg(report.error.userMessage(), asOf);
    else
        text = tr("Not up to date: the last sync stopped. %1 %2 Press F5 to try again; if it keeps happening, "
                  "tell whoever runs your server.")
                   .arg(report.error.userMessage(), asOf);
    m_stale->setText(text);
    m_stale->show();
}

QString OrderBoardPage::staleText() const
{
    return m_stale->isHidden() ? QString() : m_stale->text();
}

void OrderBoardPage::showNextNewOrder()
{
    if (m_unacknowledged.isEmpty())
        return;
    // Selecting an order acknowledges it, so each click goes one older.
    const qint64 newest = *std::max_element(m_unacknowledged.cbegin(), m_unacknowledged.cend());
    if (!selectOrder(newest))
        Q_EMIT statusMessage(tr("Order #%1 is hidden by the filters.").arg(newest));
}

void OrderBoardPage::beep()
{
    if (m_settings.sound && !m_unacknowledged.isEmpty()) {
        ++m_beeps;
        QApplication::beep();
    }
}

} // namespace LittleLemon::Ui
