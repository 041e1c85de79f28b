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
// Order numbers named on the new-order banner; the rest are counted.
constexpr qsizetype kBannerNumbers = 3;
// A new order older than this when it reaches us is history being caught up
// on, not a customer waiting.
constexpr qint64 kNewOrderMaxAgeSeconds = 3600;
} // namespace

OrderBoardPage::OrderBoardPage(Workspace *workspace, QWidget *parent)
    : Page(parent)
    , m_workspace(workspace)
    , m_settings(BoardSettings::load())
    , m_delegate(new OrderCardDelegate(this))
    , m_search(new QLineEdit(this))
    , m_crew(new QComboBox(this))
    , m_date(new QComboBox(this))
    , m_day(new QDateEdit(QDate::currentDate(), this))
    , m_counterButton(new QPushButton(tr("New counter order"), this))
    , m_banner(new QFrame(this))
    , m_bannerText(new ElidedLabel(m_banner))
    , m_columnsLayout(new QHBoxLayout)
    , m_ageTimer(new QTimer(this))
    , m_beepTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("ordersPage"));
    m_delegate->setSettings(m_settings);
    m_delegate->setNewTest([this](qint64 id) { return m_unacknowledged.contains(id); });
    m_delegate->setAdvanceLabel([this](const QModelIndex &index) { return advanceLabel(index); });
    connect(m_delegate, &OrderCardDelegate::advanceClicked, this, [this](const QModelIndex &index) {
        const qint64 id = index.data(OrdersModel::IdRole).toLongLong();
        if (advance(id))
            selectOrder(id);
    });

    // ---- filters
    m_search->setObjectName(QStringLiteral("orderSearch"));
    m_search->setPlaceholderText(tr("Search orders: number, item, note, crew"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &OrderBoardPage::applyFilters);
    m_crew->setObjectName(QStringLiteral("crewFilter"));
    m_crew->setToolTip(tr("Show the orders of one delivery person"));
    // Crew names are data: a long one must not widen the board.
    m_crew->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_crew->setMinimumContentsLength(12);
    m_date->setObjectName(QStringLiteral("dateFilter"));
    m_date->addItem(tr("Open + today's finished"), int(DateFilter::OpenAndToday));
    m_date->addItem(tr("Today"), int(DateFilter::Today));
    m_date->addItem(tr("Yesterday"), int(DateFilter::Yesterday));
    m_date->addItem(tr("Last 7 days"), int(DateFilter::LastWeek));
    m_date->addItem(tr("All dates"), int(DateFilter::AllDates));
    m_date->addItem(tr("Pick a day…"), int(DateFilter::Day));
    m_day->setCalendarPopup(true);
    m_day->hide();
    connect(m_date, &QComboBox::currentIndexChanged, this, [this] {
        m_day->setVisible(DateFilter(m_date->currentData().toInt()) == DateFilter::Day);
        applyFilters();
    });
    connect(m_day, &QDateEdit::dateChanged, this, &OrderBoardPage::applyFilters);
    connect(m_crew, &QComboBox::currentIndexChanged, this, &OrderBoardPage::applyFilters);
    m_counterButton->setObjectName(QStringLiteral("counterOrderButton"));
    connect(m_counterButton, &QPushButton::clicked, this, &OrderBoardPage::newCounterOrder);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 3);
    filters->addWidget(m_crew, 1);
    filters->addWidget(m_date, 1);
    filters->addWidget(m_day);
    filters->addStretch();
    filters->addWidget(m_counterButton);

    // ---- the new-order banner
    m_banner->setObjectName(QStringLiteral("newOrderBanner"));
    m_banner->setAutoFillBackground(true);
    QPalette bp = m_banner->palette();
    bp.setColor(QPalette::Window, Theme::lemon());
    m_banner->setPalette(bp);
    m_bannerText->setObjectName(QStringLiteral("newOrderText"));
    auto *show = new QPushButton(tr("Show"), m_banner);
    show->setObjectName(QStringLiteral("showNewOrderButton"));
    show->setToolTip(tr("Select the newest order nobody has seen yet; click again for the one before"));
    connect(show, &QPushButton::clicked, this, &OrderBoardPage::showNextNewOrder);
    auto *ack = new QPushButton(tr("Got it"), m_banner);
    ack->setObjectName(QStringLiteral("acknowledgeButton"));
    ack->setToolTip(tr("Acknowledge all the new orders (Ctrl+K)"));
    connect(ack, &QPushButton::clicked, this, &OrderBoardPage::acknowledgeAll);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    QFont bannerFont = m_bannerText->font();
    bannerFont.setBold(true);
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.2);
    m_bannerText->setFont(bannerFont);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(show);
    bannerLayout->addWidget(ack);
    m_banner->hide();

    // ---- a board that may be out of date says so, with what to do
    m_stale = new QLabel(this);
    m_stale->setObjectName(QStringLiteral("staleNotice"));
    m_stale->setWordWrap(true);
    m_stale->setAutoFillBackground(true);
    m_stale->setMargin(6);
    QPalette sp = m_stale->palette();
    sp.setColor(QPalette::Window, QColor(0xFB, 0xE2, 0xDF));
    sp.setColor(QPalette::WindowText, QColor(0x8A, 0x1C, 0x12));
    m_stale->setPalette(sp);
    m_stale->hide();
    if (Client::SyncEngine *engine = m_workspace->syncEngine())
        connect(engine, &Client::SyncEngine::syncFinished, this, &OrderBoardPage::updateStale);

    // ---- what this server cannot do, said where people look
    m_limits = new ElidedLabel(this);
    m_limits->setObjectName(QStringLiteral("boardLimits"));
    m_limits->setProperty("role", QStringLiteral("hint"));
    m_limits->hide();

    // ---- what other terminals did that took an order off the board
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("liveNotice"));
    m_notice->setWordWrap(true);
    m_notice->setAutoFillBackground(true);
    m_notice->setMargin(6);
    QPalette np = m_notice->palette();
    np.setColor(QPalette::Window, QColor(0xFF, 0xF4, 0xCC));
    m_notice->setPalette(np);
    m_notice->hide();
    m_noticeTimer = new QTimer(this);
    m_noticeTimer->setSingleShot(true);
    m_noticeTimer->setInterval(8000);
    connect(m_noticeTimer, &QTimer::timeout, m_notice, &QWidget::hide);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_limits);
    layout->addWidget(m_stale);
    layout->addWidget(m_notice);
    layout->addWidget(m_banner);
    m_columnsLayout->setSpacing(6);
    layout->addLayout(m_columnsLayout, 1);

    // ---- actions (listed in the shortcuts help)
    auto action = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_undoAction = action(tr("Undo the last move"), QKeySequence::Undo, [this] { undoLastMove(); });
    m_undoAction->setEnabled(false);
    m_assignAction = action(tr("Assign delivery crew…"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] { assignCurrent(); });
    m_cancelAction = action(tr("Cancel the order"), QKeySequence(Qt::CTRL | Qt::Key_Delete), [this] { cancelCurrent(); });
    m_counterAction = action(tr("New counter order…"), QKeySequence::New, [this] { newCounterOrder(); });
    m_ackAction = action(tr("Acknowledge new orders"), QKeySequence(Qt::CTRL | Qt::Key_K), [this] { acknowledgeAll(); });
    action(tr("Search orders"), QKeySequence::Find, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    action(tr("Order details"), QKeySequence(Qt::CTRL | Qt::Key_I), [this] {
        if (const qint64 id = selectedOrder())
            showDetails(id);
    });
    action(tr("Orders board settings…"), QKeySequence(), [this] { editSettings(); });
    m_showCancelled = action(tr("Show cancelled orders"), QKeySequence(), [this] { buildColumns(); });
    m_showCancelled->setCheckable(true);
    // A key for something this server or role cannot do says why, not nothing.
    for (QAction *a : { m_assignAction, m_cancelAction, m_counterAction })
        new ActionExplainer(a, this);

    // ---- timers: ages move on, new orders keep beeping
    m_ageTimer->setInterval(30 * 1000);
    connect(m_ageTimer, &QTimer::timeout, this, [this] {
        for (OrderColumn *c : std::as_const(m_columns))
            c->view()->viewport()->update();
    });
    m_ageTimer->start();
    m_beepTimer->setInterval(m_settings.beepSeconds * 1000);
    connect(m_beepTimer, &QTimer::timeout, this, &OrderBoardPage::beep);

    OrdersModel *orders = m_workspace->ordersModel();
    connect(orders, &QAbstractItemModel::rowsInserted, this, &OrderBoardPage::onOrdersInserted);
    connect(orders, &QAbstractItemModel::dataChanged, this, &OrderBoardPage::onOrdersChanged);
    connect(orders, &QAbstractItemModel::rowsAboutToBeRemoved, this, &OrderBoardPage::onOrdersAboutToBeRemoved);
    connect(orders, &QAbstractItemModel::modelReset, this, &OrderBoardPage::rememberStages);
    m_delegate->setFlashTest([this](qint64 id) { return m_flashing.contains(id); });
    rememberStages();
    connect(orders, &OrdersModel::editRefused, this, &OrderBoardPage::statusMessage);
    connect(m_workspace->store(), &LocalStore::changed, this, [this](const StoreChange &change) {
        if (change.entity == Entity::GroupMember)
            reloadCrew();
    });
    connect(m_workspace, &Workspace::featuresChanged, this, [this] {
        if (hasStages() != m_builtWithStages)
            buildColumns();
        applyPermissions();
    });

    reloadCrew();
    buildColumns();
    applyPermissions();
}

OrderBoardPage::~OrderBoardPage() = default;

QList<std::pair<QString, QString>> OrderBoardPage::keyHelp() const
{
    return {
        { tr("← → ↑ ↓"), tr("Select an order (across columns with ← →)") },
        { tr("Enter or Space"), tr("Move the selected order to the next stage") },
        { tr("Backspace"), tr("Move the selected order one stage back") },
        { tr("Double-click"), tr("Show the order in full") },
        { tr("Drag a card"), tr("Move the order to the column it is dropped on") },
    };
}

bool OrderBoardPage::hasStages() const
{
    return m_workspace->hasFeature(QStringLiteral("stages"));
}

std::optional<OrderStage> OrderBoardPage::nextFor(OrderStage stage, bool servedHere) const
{
    return LittleLemon::nextFor(stage, hasStages(), servedHere);
}

std::optional<OrderStage> OrderBoardPage::previousFor(OrderStage stage, bool servedHere) const
{
    return LittleLemon::previousFor(stage, hasStages(), servedHere);
}

bool OrderBoardPage::isServedHere(qint64 orderId) const
{
    const OrdersModel *orders = m_workspace->ordersModel();
    const int row = orders->rowOf(orderId);
    if (row < 0)
        return false;
    const auto &o = orders->rowAt(row).order;
    // Placed by staff (a counter order), not by a customer online. Staff are
    // the people in the groups this desk knows, and the one signed in.
    const bool byStaff = o.user == m_workspace->user().id || !m_workspace->store()->userName(o.user).isEmpty();
    return LittleLemon::isServedHere(o.deliveryCrew, byStaff);
}

Verdict OrderBoardPage::mayMove(OrderStage from, OrderStage to, bool undo, bool servedHere) const
{
    // The workflow's rule (models/orderworkflow.h), as the server asks it.
    // An undo of a cancel goes back to the stage the move came from.
    const std::optional<OrderStage> before = undo ? std::optional(to) : std::nullopt;
    return LittleLemon::mayMove(m_workspace->permissions(), { from, to, servedHere, before });
}

QString OrderBoardPage::advanceLabel(const QModelIndex &index) const
{
    const auto stage = OrderStage(index.data(OrdersModel::StageRole).toInt());
    const bool here = isServedHere(index.data(OrdersModel::IdRole).toLongLong());
    const auto next = nextFor(stage, here);
    if (!next || !mayMove(stage, *next, false, here))
        return {};
    return displayName(*next) + QStringLiteral(" ›");
}

void OrderBoardPage::buildColumns()
{
    const qint64 keep = selectedOrder();
    for (OrderColumn *c : std::as_const(m_columns))
        delete c;
    m_columns.clear();
    m_builtWithStages = hasStages();

    struct Spec
    {
        QString title;
        QList<OrderStage> stages;
        OrderStage target;
    };
    QList<Spec> specs;
    if (m_builtWithStages) {
        for (OrderStage s : { OrderStage::Received, OrderStage::Preparing, OrderStage::Ready,
                              OrderStage::OutForDelivery, OrderStage::Delivered })
            specs.append({ displayName(s), { s }, s });
        if (m_showCancelled->isChecked())
            specs.append({ displayName(OrderStage::Cancelled), { OrderStage::Cancelled }, OrderStage::Cancelled });
    } else {
        // The cloud knows delivered or not: everything else is open.
        specs.append({ tr("Open"), { OrderStage::Received }, OrderStage::Received });
        specs.append({ displayName(OrderStage::Delivered), { OrderStage::Delivered }, OrderStage::Delivered });
    }
    m_showCancelled->setVisible(m_builtWithStages);

    for (const Spec &spec : specs) {
        auto *column = new OrderColumn(spec.title, spec.stages, spec.target, this);
        column->model()->setSourceModel(m_workspace->ordersModel());
        OrderColumnView *view = column->view();
        view->setItemDelegate(m_delegate);
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &OrderColumnView::stepColumn, this, [this, column](int delta) { stepColumn(column, delta); });
        connect(view, &OrderColumnView::advanceRequested, this, [this](qint64 id) {
            if (advance(id))
                selectOrder(id);
        });
        connect(view, &OrderColumnView::backRequested, this, [this](qint64 id) {
            if (stepBack(id))
                selectOrder(id);
        });
        connect(view, &OrderColumnView::dragStarted, this, [this] { holdMoves(true); });
        connect(view, &OrderColumnView::dragFinished, this, [this] { holdMoves(false); });
        connect(view, &OrderColumnView::orderDropped, this, [this, column](qint64 id) {
            if (moveOrder(id, column->targetStage()))
                selectOrder(id);
        });
        connect(view, &QAbstractItemView::doubleClicked, this,
                [this](const QModelIndex &index) { showDetails(index.data(OrdersModel::IdRole).toLongLong()); });
        connect(view, &QWidget::customContextMenuRequested, this,
                [this, column](const QPoint &pos) { showContextMenu(column, pos); });
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, column](const QModelIndex &current) {
                    if (!current.isValid())
                        return;
                    // One selected card on the whole board.
                    for (OrderColumn *other : std::as_const(m_columns)) {
                        if (other != column && other->view()->selectionModel()->hasSelection()) {
                            other->view()->selectionModel()->clear();
                        }
                    }
                    acknowledge(current.data(OrdersModel::IdRole).toLongLong());
                });
        m_columnsLayout->addWidget(column, 1);
        m_columns.append(column);
    }
    applyFilters();
    if (keep)
        selectOrder(keep);
}

void OrderBoardPage::applyFilters()
{
    const QString text = m_search->text();
    const qint64 crew = m_crew->currentIndex() >= 0 ? m_crew->currentData().toLongLong() : OrderFilterModel::AnyCrew;
    const auto filter = DateFilter(m_date->currentData().toInt());
    const QDate today = QDate::currentDate();
    for (OrderColumn *column : std::as_const(m_columns)) {
        BoardColumnModel *model = column->model();
        model->setFilterText(text);
        model->setCrew(crew);
        QDate from, to;
        switch (filter) {
        case DateFilter::OpenAndToday:
            // Open work is shown whatever its date: nothing may hide a waiting customer.
            if (isFinal(column->targetStage()))
                from = to = today;
            break;
        case DateFilter::Today:
            from = to = today;
            break;
        case DateFilter::Yesterday:
            from = to = today.addDays(-1);
            break;
        case DateFilter::LastWeek:
            from = today.addDays(-6);
            to = today;
            break;
        case DateFilter::AllDates:
            break;
        case DateFilter::Day:
            from = to = m_day->date();
            break;
        }
        model->setDateRange(from, to);
    }
}

void OrderBoardPage::setDateFilter(DateFilter filter, const QDate &day)
{
    if (day.isValid())
        m_day->setDate(day);
    m_date->setCurrentIndex(m_date->findData(int(filter)));
}

void OrderBoardPage::applyPermissions()
{
    const Permissions p = m_workspace->permissions();
    applyVerdict(m_assignAction, p.assignCrew());
    applyVerdict(m_cancelAction, p.cancelOrders());
    applyVerdict(m_counterAction, p.takeCounterOrders());
    applyVerdict(m_counterButton, p.takeCounterOrders(), tr("Take a walk-in or phone order (Ctrl+N)"));
    // The crew and the kitchen never take orders: not offered at all, rather
    // than a button that is always grey for them.
    m_counterButton->setVisible(bool(Permissions::onOurServer(m_workspace->user()).takeCounterOrders()));
    m_limits->setFullText(
        hasStages() ? QString()
                    : tr("This server knows only open and delivered: the kitchen's stages, counter orders and "
                         "cancelling need a Little Lemon server."));
    m_limits->setVisible(!hasStages());
    // Delivery crew see only their own orders: a filter by crew has nothing to choose.
    m_crew->setVisible(!m_workspace->user().isDeliveryCrew() || m_workspace->user().isManager());
    for (OrderColumn *c : std::as_const(m_columns))
        c->view()->viewport()->update();
}

void OrderBoardPage::reloadCrew()
{
    const qint64 current = m_crew->currentIndex() >= 0 ? m_crew->currentData().toLongLong() : 0;
    const QSignalBlocker block(m_crew);
    m_crew->clear();
    m_crew->addItem(tr("Any crew"), OrderFilterModel::AnyCrew);
    m_crew->addItem(tr("No crew yet"), OrderFilterModel::NoCrew);
    QList<Cached<GroupMember>> crew = m_workspace->store()->groupMembers(kDeliveryCrewGroup);
    std::sort(crew.begin(), crew.end(), [](const auto &a, const auto &b) {
        return a.record.username.localeAwareCompare(b.record.username) < 0;
    });
    for (const auto &m : crew) {
        if (m.record.userId > 0)
            m_crew->addItem(m.record.username, m.record.userId);
    }
    const int index = m_crew->findData(current);
    m_crew->setCurrentIndex(index >= 0 ? index : 0);
    if (index < 0 && current != OrderFilterModel::AnyCrew)
        applyFilters();
}

void OrderBoardPage::activate()
{
    if (const qint64 id = selectedOrder()) {
        selectOrder(id);
        return;
    }
    focusFirstCard();
}

OrderColumn *OrderBoardPage::columnOf(qint64 orderId) const
{
    for (OrderColumn *c : m_columns) {
        if (c->model()->rowOfOrder(orderId) >= 0)
            return c;
    }
    return nullptr;
}

qint64 OrderBoardPage::selectedOrder() const
{
    for (OrderColumn *c : m_columns) {
        if (c->view()->selectionModel()->hasSelection())
            return c->view()->currentOrder();
    }
    return 0;
}

bool OrderBoardPage::selectOrder(qint64 orderId)
{
    OrderColumn *column = columnOf(orderId);
    if (!column)
        return false;
    const QModelIndex index = column->model()->index(column->model()->rowOfOrder(orderId), 0);
    column->view()->setCurrentIndex(index);
    column->view()->scrollTo(index);
    column->view()->setFocus(Qt::OtherFocusReason);
    return true;
}

void OrderBoardPage::focusFirstCard()
{
    for (OrderColumn *c : std::as_const(m_columns)) {
        if (c->model()->rowCount() > 0) {
            selectOrder(c->model()->orderAt(0));
            return;
        }
    }
    if (!m_columns.isEmpty())
        m_columns.first()->view()->setFocus(Qt::OtherFocusReason);
}

void OrderBoardPage::stepColumn(OrderColumn *from, int delta)
{
    const int start = int(m_columns.indexOf(from));
    const int row = std::max(0, from->view()->currentIndex().row());
    for (int i = start + delta; i >= 0 && i < m_columns.size(); i += delta) {
        OrderColumn *c = m_columns.at(i);
        const int count = c->model()->rowCount();
        if (count == 0)
            continue;
        selectOrder(c->model()->orderAt(std::min(row, count - 1)));
        return;
    }
}

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
    const LocalEdit edit = m_workspace->store()->setOrderStage(orderId, to);
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
    const LocalEdit edit = m_workspace->store()->setOrderStage(move.order, move.from);
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
    const LocalEdit edit = m_workspace->store()->assignDeliveryCrew(
        orderId, userId > 0 ? std::optional<qint64>(userId) : std::nullopt);
    if (!edit) {
        Q_EMIT statusMessage(edit.error);
        return false;
    }
    const QString who = userId > 0 ? m_workspace->store()->userName(userId) : QString();
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

void OrderBoardPage::onOrdersInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    for (int row = first; row <= last; ++row) {
        const OrderSummary &o = m_workspace->ordersModel()->rowAt(row).order;
        m_lastStage.insert(o.id, o.effectiveStage());
    }
    // The first sync fills the cache with the past, not with news.
    if (!m_workspace->store()->lastSyncTime().isValid())
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
