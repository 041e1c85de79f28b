// The orders board against a real in-process server: an order moved through
// every stage by keyboard alone (and back, and undone), arrows across
// columns, crew assigned, filters, a new order highlighted until
// acknowledged, a counter order.

#include "deskfixture.h"

#include "models/ordersmodel.h"
#include "ui/boardcolumnmodel.h"
#include "ui/counterorderdialog.h"
#include "ui/crewpickerdialog.h"
#include "ui/ordercolumn.h"
#include "ui/ordercolumnview.h"
#include "ui/orderboardpage.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;

class TestUiOrders : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void boardShowsColumnsForTheServer();
    void keyboardMovesAnOrderThroughEveryStage();
    void backspaceStepsBackAndCtrlZUndoes();
    void arrowsSelectAcrossColumns();
    void dragToTheNextColumnMovesTheOrder();
    void managerAssignsCrew();
    void filtersByTextAndCrew_data();
    void filtersByTextAndCrew();
    void newOrderIsHighlightedUntilAcknowledged();
    void counterOrder();

private:
    Ui::OrderBoardPage *board() const;
    qint64 openOrder() const;
    OrderStage stageOf(qint64 id) const;
    QJsonObject serverOrder(qint64 id);
    void pressOnFocus(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

    std::unique_ptr<DeskFixture> m_desk;
};

Ui::OrderBoardPage *TestUiOrders::board() const
{
    return qobject_cast<Ui::OrderBoardPage *>(m_desk->window()->page(Ui::MainWindow::OrdersPageId));
}

OrderStage TestUiOrders::stageOf(qint64 id) const
{
    const auto order = m_desk->store()->cache()->order(id);
    return order ? order->record.effectiveStage() : OrderStage::Cancelled;
}

qint64 TestUiOrders::openOrder() const
{
    // The first order still waiting to be started.
    for (Ui::OrderColumn *c : board()->columns()) {
        if (c->targetStage() == OrderStage::Received && c->model()->rowCount() > 0)
            return c->model()->orderAt(c->model()->rowCount() - 1);
    }
    return 0;
}

QJsonObject TestUiOrders::serverOrder(qint64 id)
{
    return m_desk->serverGet(QStringLiteral("/api/orders/%1").arg(id));
}

void TestUiOrders::pressOnFocus(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(focus, "nothing has the keyboard");
    QTest::keyClick(focus, key, modifiers);
}

void TestUiOrders::initTestCase()
{
    m_desk = std::make_unique<DeskFixture>();
    QVERIFY2(m_desk->startServer(), qPrintable(m_desk->errorString()));
    QVERIFY2(m_desk->signIn(QStringLiteral("mario"), DeskFixture::kManagerPassword), qPrintable(m_desk->errorString()));
    QVERIFY(m_desk->window()->isVisible());
    QCOMPARE(m_desk->window()->currentPage(), int(Ui::MainWindow::OrdersPageId));
    QVERIFY(QTest::qWaitForWindowExposed(m_desk->window()));
    m_desk->window()->activateWindow();
}

void TestUiOrders::cleanupTestCase()
{
    m_desk.reset();
}

void TestUiOrders::boardShowsColumnsForTheServer()
{
    QStringList titles;
    for (Ui::OrderColumn *c : board()->columns())
        titles << c->title();
    if (board()->hasStages())
        QCOMPARE(titles, (QStringList { "Received", "Preparing", "Ready", "Out for delivery", "Delivered" }));
    else
        QCOMPARE(titles, (QStringList { "Open", "Delivered" }));
    // The demo's eight orders are all on the board (today's), none twice.
    int cards = 0;
    for (Ui::OrderColumn *c : board()->columns())
        cards += c->model()->rowCount();
    QCOMPARE(cards, 8);
}

void TestUiOrders::keyboardMovesAnOrderThroughEveryStage()
{
    Ui::OrderBoardPage *page = board();
    const qint64 id = openOrder();
    QVERIFY(id > 0);
    QVERIFY(page->selectOrder(id));
    QCOMPARE(page->selectedOrder(), id);
    QVERIFY(qobject_cast<Ui::OrderColumnView *>(QApplication::focusWidget()));

    QList<OrderStage> expected;
    if (page->hasStages())
        expected = { OrderStage::Preparing, OrderStage::Ready, OrderStage::OutForDelivery, OrderStage::Delivered };
    else
        expected = { OrderStage::Delivered };
    bool space = false;
    for (OrderStage next : std::as_const(expected)) {
        // Enter and Space both move forward.
        pressOnFocus(space ? Qt::Key_Space : Qt::Key_Return);
        space = !space;
        QCOMPARE(stageOf(id), next);
        // The card went along, still selected, its column has the keyboard.
        QCOMPARE(page->columnOf(id)->targetStage(), next);
        QCOMPARE(page->selectedOrder(), id);
        QCOMPARE(QApplication::focusWidget(), page->columnOf(id)->view());
        QCOMPARE(SyncState(m_desk->store()->cache()->order(id)->sync), SyncState::Pending);
        QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
        QCOMPARE(m_desk->store()->cache()->order(id)->sync, SyncState::Synced);
    }
    // The server has it delivered.
    const QJsonObject onServer = serverOrder(id);
    QCOMPARE(onServer.value(QStringLiteral("status")).toBool(), true);
    if (page->hasStages())
        QCOMPARE(onServer.value(QStringLiteral("stage")).toString(), QStringLiteral("delivered"));
    // Delivered is the end: Enter says so and moves nothing.
    pressOnFocus(Qt::Key_Return);
    QCOMPARE(stageOf(id), OrderStage::Delivered);
}

void TestUiOrders::backspaceStepsBackAndCtrlZUndoes()
{
    Ui::OrderBoardPage *page = board();
    const qint64 id = openOrder();
    QVERIFY(id > 0);
    QVERIFY(page->selectOrder(id));
    const OrderStage start = stageOf(id);
    pressOnFocus(Qt::Key_Return);
    const OrderStage moved = stageOf(id);
    QVERIFY(moved != start);
    pressOnFocus(Qt::Key_Backspace);
    QCOMPARE(stageOf(id), start);
    // Received is the beginning: Backspace there moves nothing.
    pressOnFocus(Qt::Key_Backspace);
    QCOMPARE(stageOf(id), start);

    pressOnFocus(Qt::Key_Return);
    QCOMPARE(stageOf(id), moved);
    QVERIFY(page->undoAction()->isEnabled());
    pressOnFocus(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(stageOf(id), start);
    QCOMPARE(page->selectedOrder(), id);
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QCOMPARE(serverOrder(id).value(QStringLiteral("status")).toBool(), false);
}

void TestUiOrders::arrowsSelectAcrossColumns()
{
    Ui::OrderBoardPage *page = board();
    const qint64 open = openOrder();
    QVERIFY(page->selectOrder(open));
    Ui::OrderColumn *from = page->columnOf(open);
    pressOnFocus(Qt::Key_Right);
    const qint64 right = page->selectedOrder();
    QVERIFY(right != 0);
    QVERIFY(page->columnOf(right) != from);
    QVERIFY(page->columns().indexOf(page->columnOf(right)) > page->columns().indexOf(from));
    pressOnFocus(Qt::Key_Left);
    QCOMPARE(page->columnOf(page->selectedOrder()), from);
    // Only one card is selected on the whole board.
    int selected = 0;
    for (Ui::OrderColumn *c : page->columns())
        selected += c->view()->selectionModel()->selectedRows().size();
    QCOMPARE(selected, 1);
}

void TestUiOrders::dragToTheNextColumnMovesTheOrder()
{
    Ui::OrderBoardPage *page = board();
    const qint64 id = openOrder();
    QVERIFY(id > 0);
    Ui::OrderColumn *from = page->columnOf(id);
    Ui::OrderColumn *next = page->columns().at(page->columns().indexOf(from) + 1);
    auto drop = [&](Ui::OrderColumn *target) {
        QMimeData mime;
        mime.setData(QLatin1String(Ui::OrderColumnView::kMimeType), QByteArray::number(id));
        QWidget *viewport = target->view()->viewport();
        const QPointF at(viewport->width() / 2.0, 10);
        QDragEnterEvent enter(at.toPoint(), Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropped(at, Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &dropped);
    };
    drop(next);
    QCOMPARE(page->columnOf(id), next);
    QCOMPARE(page->selectedOrder(), id);
    if (page->hasStages()) {
        // Two columns away is too far: the order stays, and the status bar says why.
        Ui::OrderColumn *far = page->columns().at(page->columns().indexOf(next) + 2);
        drop(far);
        QCOMPARE(page->columnOf(id), next);
    }
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QCOMPARE(m_desk->store()->cache()->order(id)->sync, SyncState::Synced);
    QVERIFY(page->undoLastMove());
    QCOMPARE(page->columnOf(id), from);
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
}

void TestUiOrders::managerAssignsCrew()
{
    Ui::OrderBoardPage *page = board();
    const qint64 id = openOrder();
    QVERIFY(page->selectOrder(id));
    QVERIFY(page->assignAction()->isEnabled());
    qint64 crewId = 0;
    for (const auto &m : m_desk->store()->cache()->groupMembers(kDeliveryCrewGroup))
        crewId = m.record.userId;
    QVERIFY(crewId > 0);

    page->assignAction()->trigger();
    auto *picker = page->findChild<Ui::CrewPickerDialog *>(QStringLiteral("crewPicker"));
    QVERIFY(picker);
    QVERIFY(picker->isVisible());
    QVERIFY(picker->choose(crewId));
    picker->accept();
    QCOMPARE(m_desk->store()->cache()->order(id)->record.deliveryCrew, std::optional<qint64>(crewId));
    const OrdersModel *orders = m_desk->workspace()->ordersModel();
    QCOMPARE(orders->index(orders->rowOf(id), 0).data(OrdersModel::CrewNameRole).toString(), QStringLiteral("crew"));
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QCOMPARE(serverOrder(id).value(QStringLiteral("delivery_crew")).toInteger(), crewId);
}

void TestUiOrders::filtersByTextAndCrew_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("onlyCrew");
    QTest::addColumn<int>("expected");
    // The demo's orders: eight, one with Grilled Fish, two with Lasagna.
    QTest::newRow("everything") << QString() << false << 8;
    QTest::newRow("one dish") << QStringLiteral("grilled fish") << false << 1;
    QTest::newRow("two words, any order") << QStringLiteral("lasagna bolognese") << false << 2;
    QTest::newRow("case does not matter") << QStringLiteral("LASAGNA") << false << 2;
    QTest::newRow("nothing") << QStringLiteral("pizza") << false << 0;
    QTest::newRow("by number") << QStringLiteral("#3 ") << false << 1;
    QTest::newRow("crew's orders") << QString() << true << -1;
}

void TestUiOrders::filtersByTextAndCrew()
{
    QFETCH(QString, text);
    QFETCH(bool, onlyCrew);
    QFETCH(int, expected);
    Ui::OrderBoardPage *page = board();
    page->setDateFilter(Ui::OrderBoardPage::DateFilter::AllDates);
    auto *crew = page->findChild<QComboBox *>(QStringLiteral("crewFilter"));
    QVERIFY(crew);
    crew->setCurrentIndex(0);
    qint64 crewId = 0;
    if (onlyCrew) {
        for (const auto &m : m_desk->store()->cache()->groupMembers(kDeliveryCrewGroup))
            crewId = m.record.userId;
        crew->setCurrentIndex(crew->findData(crewId));
        QVERIFY(crew->currentIndex() >= 2);
        // As many as the store says the crew has.
        expected = 0;
        for (const OrderSummary &o : m_desk->store()->cache()->orderSummaries())
            expected += o.deliveryCrew == std::optional<qint64>(crewId);
        QVERIFY(expected > 0);
    }
    page->searchField()->clear();
    QTest::keyClicks(page->searchField(), text);
    int shown = 0;
    for (Ui::OrderColumn *c : page->columns())
        shown += c->model()->rowCount();
    QCOMPARE(shown, expected);
    page->searchField()->clear();
    crew->setCurrentIndex(0);
    page->setDateFilter(Ui::OrderBoardPage::DateFilter::OpenAndToday);
}

void TestUiOrders::newOrderIsHighlightedUntilAcknowledged()
{
    Ui::OrderBoardPage *page = board();
    auto *banner = page->findChild<QWidget *>(QStringLiteral("newOrderBanner"));
    QVERIFY(banner);
    QVERIFY(banner->isHidden());
    // A customer orders on the website: cart, then order.
    int status = 0;
    const qint64 item = m_desk->store()->cache()->menuItems().first().record.id;
    m_desk->serverWrite("POST", QStringLiteral("/api/cart"),
                        { { QStringLiteral("menuitem"), item }, { QStringLiteral("quantity"), 2 } },
                        QStringLiteral("cust"), &status);
    QCOMPARE(status, 201);
    const QJsonObject created = m_desk->serverWrite("POST", QStringLiteral("/api/orders"), QJsonObject(),
                                                    QStringLiteral("cust"), &status);
    QCOMPARE(status, 201);
    const qint64 id = created.value(QStringLiteral("order_id")).toInteger();
    QVERIFY(id > 0);

    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QVERIFY(page->columnOf(id));
    QCOMPARE(page->unacknowledgedOrders(), QList<qint64> { id });
    QVERIFY(page->isNewOrder(id));
    QVERIFY(!banner->isHidden());
    QVERIFY(page->acknowledgeAction()->isEnabled());

    // Ctrl+K acknowledges: the highlight and the banner go.
    m_desk->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_desk->window()));
    page->searchField()->setFocus();
    pressOnFocus(Qt::Key_K, Qt::ControlModifier);
    QVERIFY(page->unacknowledgedOrders().isEmpty());
    QVERIFY(banner->isHidden());
}

void TestUiOrders::counterOrder()
{
    Ui::OrderBoardPage *page = board();
    auto *button = page->findChild<QPushButton *>(QStringLiteral("counterOrderButton"));
    QVERIFY(button);
    if (!m_desk->workspace()->hasFeature(QStringLiteral("counter_orders"))) {
        // A server without counter orders: the button says why it cannot.
        QVERIFY(!button->isEnabled());
        QVERIFY(button->toolTip().contains(QStringLiteral("Little Lemon server")));
        return;
    }
    QVERIFY(button->isEnabled());
    const int before = m_desk->store()->cache()->orderSummaries().size();
    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = page->findChild<Ui::CounterOrderDialog *>(QStringLiteral("counterOrderDialog"));
    QVERIFY(dialog);
    const auto items = m_desk->store()->cache()->menuItems();
    dialog->addItem(items.at(0).record.id);
    dialog->addItem(items.at(0).record.id);
    dialog->setQuantity(items.at(1).record.id, 3);
    dialog->setNote(QStringLiteral("for table 4"));
    QCOMPARE(dialog->lines().size(), 2);
    QCOMPARE(dialog->lines().at(0).quantity, 2);
    dialog->accept();
    const qint64 local = dialog->createdOrder();
    QCOMPARE(m_desk->store()->cache()->orderSummaries().size(), before + 1);
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    // Numbered by the server now, and on the board.
    QVERIFY(!m_desk->store()->cache()->order(local));
    const auto orders = m_desk->store()->cache()->orderSummaries();
    const auto made = std::max_element(orders.begin(), orders.end(),
                                       [](const OrderSummary &a, const OrderSummary &b) { return a.id < b.id; });
    QCOMPARE(made->note, QStringLiteral("for table 4"));
    QCOMPARE(made->itemCount, 5);
    QVERIFY(page->columnOf(made->id));
}

LL_UI_TEST_MAIN(TestUiOrders)
#include "tst_ui_orders.moc"
