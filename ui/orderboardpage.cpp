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
    connect(m_workspace->store()->cache(), &LocalCache::changed, this, [this](const StoreChange &change) {
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
    const bool byStaff = o.user == m_workspace->user().id || !m_workspace->store()->cache()->userName(o.user).isEmpty();
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
    QList<Cached<GroupMember>> crew = m_workspace->store()->cache()->groupMembers(kDeliveryCrewGroup);
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

} // namespace LittleLemon::Ui
