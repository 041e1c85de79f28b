// Around the pages: Ctrl+1..4, the shortcuts help, the window and last page
// remembered, what each role sees (crew: read-only menu, no staff page, no
// crew assignment, with the reason as tooltip; admin: add and delete menu
// items, categories), the staff page (groups by user name, standalone
// accounts and passwords) and the outbox (a refusal retried or discarded, a
// conflict resolved).

#include "deskfixture.h"

#include "api/client/authsession.h"
#include "models/menumodel.h"
#include "models/order.h"
#include "models/staffmodel.h"
#include "ui/accountdialog.h"
#include "ui/categoriesdialog.h"
#include "ui/menufiltermodel.h"
#include "ui/menuitemdialog.h"
#include "ui/menupage.h"
#include "ui/networkservedialog.h"
#include "ui/orderboardpage.h"
#include "ui/outboxdialog.h"
#include "ui/shortcutsdialog.h"
#include "ui/staffpage.h"
#include "ui/syncstatuswidget.h"

#include <QAction>
#include <QCheckBox>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSpinBox>
#include <QTcpServer>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;

class TestUiShell : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void ctrlNumberSwitchesPages_data();
    void ctrlNumberSwitchesPages();
    void shortcutsHelpListsEveryPage();
    void windowAndLastPageAreRemembered();
    void staffGroupsByUserName();
    void standaloneAccountsAndPasswords();
    void refusedChangeInTheOutbox();
    void conflictResolvedFromTheOutbox_data();
    void conflictResolvedFromTheOutbox();
    void serveTheNetwork();
    void crewSeesWhatCrewMayDo();
    void adminAddsAndDeletesMenuItems();

private:
    void signInAs(const QString &user, const QString &password);
    Ui::OutboxDialog *openOutbox();

    std::unique_ptr<DeskFixture> m_desk;
};

void TestUiShell::initTestCase()
{
    m_desk = std::make_unique<DeskFixture>();
    QVERIFY2(m_desk->startServer(), qPrintable(m_desk->errorString()));
    signInAs(QStringLiteral("mario"), DeskFixture::kManagerPassword);
}

void TestUiShell::cleanupTestCase()
{
    m_desk.reset();
}

void TestUiShell::signInAs(const QString &user, const QString &password)
{
    if (m_desk->window()) {
        QSignalSpy closed(m_desk->controller(), &Ui::DeskController::sessionClosed);
        m_desk->window()->signOutAction()->trigger();
        QVERIFY(closed.wait(10000) || !closed.isEmpty());
    }
    QVERIFY2(m_desk->signIn(user, password), qPrintable(m_desk->errorString()));
    m_desk->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_desk->window()));
}

Ui::OutboxDialog *TestUiShell::openOutbox()
{
    auto *status = m_desk->window()->findChild<Ui::SyncStatusWidget *>();
    if (!status)
        return nullptr;
    QTest::mouseClick(status->button(), Qt::LeftButton);
    return m_desk->window()->findChild<Ui::OutboxDialog *>(QStringLiteral("outboxDialog"));
}

void TestUiShell::ctrlNumberSwitchesPages_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("page");
    QTest::newRow("Ctrl+2 menu") << int(Qt::Key_2) << int(Ui::MainWindow::MenuPageId);
    QTest::newRow("Ctrl+3 bookings") << int(Qt::Key_3) << int(Ui::MainWindow::BookingsPageId);
    QTest::newRow("Ctrl+4 staff") << int(Qt::Key_4) << int(Ui::MainWindow::StaffPageId);
    QTest::newRow("Ctrl+5 reports") << int(Qt::Key_5) << int(Ui::MainWindow::ReportsPageId);
    QTest::newRow("Ctrl+1 orders") << int(Qt::Key_1) << int(Ui::MainWindow::OrdersPageId);
}

void TestUiShell::ctrlNumberSwitchesPages()
{
    QFETCH(int, key);
    QFETCH(int, page);
    QTest::keyClick(m_desk->window(), Qt::Key(key), Qt::ControlModifier);
    QCOMPARE(m_desk->window()->currentPage(), page);
    QVERIFY(m_desk->window()->pageAction(page)->isChecked());
}

void TestUiShell::shortcutsHelpListsEveryPage()
{
    QTest::keyClick(m_desk->window(), Qt::Key_F1);
    auto *help = m_desk->window()->findChild<Ui::ShortcutsDialog *>(QStringLiteral("shortcutsDialog"));
    QVERIFY(help);
    QVERIFY(help->isVisible());
    QCOMPARE(help->shortcutFor(QStringLiteral("Orders")), QKeySequence(Qt::CTRL | Qt::Key_1).toString(QKeySequence::NativeText));
    QCOMPARE(help->shortcutFor(QStringLiteral("Undo the last move")), QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText));
    QCOMPARE(help->shortcutFor(QStringLiteral("Move the selected order to the next stage")), QStringLiteral("Enter or Space"));
    QCOMPARE(help->shortcutFor(QStringLiteral("86 until tonight")), QKeySequence(Qt::CTRL | Qt::Key_8).toString(QKeySequence::NativeText));
    QCOMPARE(help->shortcutFor(QStringLiteral("New booking")), QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText));
    QCOMPARE(help->shortcutFor(QStringLiteral("Sign out")), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L).toString(QKeySequence::NativeText));
    QVERIFY(help->rowCount() >= 25);
    help->close();
}

void TestUiShell::windowAndLastPageAreRemembered()
{
    m_desk->window()->showPage(Ui::MainWindow::MenuPageId);
    // Within the offscreen screen (800×800): a larger one is bounded to it.
    m_desk->window()->resize(800, 555);
    signInAs(QStringLiteral("mario"), DeskFixture::kManagerPassword);
    QCOMPARE(m_desk->window()->currentPage(), int(Ui::MainWindow::MenuPageId));
    QCOMPARE(m_desk->window()->size(), QSize(800, 555));
    QCOMPARE(QSettings().value(QStringLiteral("window/page")).toInt(), int(Ui::MainWindow::MenuPageId));
    m_desk->window()->showPage(Ui::MainWindow::OrdersPageId);
}

void TestUiShell::staffGroupsByUserName()
{
    m_desk->window()->showPage(Ui::MainWindow::StaffPageId);
    auto *staff = qobject_cast<Ui::StaffPage *>(m_desk->window()->page(Ui::MainWindow::StaffPageId));
    QVERIFY(staff);
    QCOMPARE(staff->crew()->rowCount(), 1);
    // "admin" joins the delivery crew, by name, through the outbox.
    QLineEdit *add = staff->addField(kDeliveryCrewGroup);
    QTest::keyClicks(add, QStringLiteral("admin"));
    QTest::keyClick(add, Qt::Key_Return);
    QCOMPARE(staff->crew()->rowCount(), 2);
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    bool found = false;
    for (const auto &m : m_desk->store()->cache()->groupMembers(kDeliveryCrewGroup))
        found |= m.record.username == QStringLiteral("admin") && m.record.userId > 0;
    QVERIFY2(found, "the server's id for admin came back with the sync");
    // Nobody by that name: the server's words, kept as a refused change.
    QTest::keyClicks(add, QStringLiteral("nobody-here"));
    QTest::keyClick(add, Qt::Key_Return);
    QVERIFY(m_desk->waitSynced() || m_desk->engine()->failedCount() == 1);
    QTRY_COMPARE(m_desk->engine()->failedCount(), 1);
    const OutboxEntry refused = m_desk->engine()->failedEntries().first();
    QVERIFY2(!refused.lastError.isEmpty(), "the server said why");
    QVERIFY(m_desk->engine()->discard(refused.seq));
    QTRY_COMPARE(m_desk->engine()->failedCount(), 0);

    // Removed again with one button.
    QTableView *view = staff->view(kDeliveryCrewGroup);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data(StaffModel::UsernameRole).toString() == QStringLiteral("admin"))
            view->setCurrentIndex(view->model()->index(row, 0));
    }
    QVERIFY(staff->removeSelected(kDeliveryCrewGroup));
    QCOMPARE(staff->crew()->rowCount(), 1);
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QCOMPARE(staff->crew()->rowCount(), 1);
}

void TestUiShell::standaloneAccountsAndPasswords()
{
    auto *staff = qobject_cast<Ui::StaffPage *>(m_desk->window()->page(Ui::MainWindow::StaffPageId));
    QTableWidget *accounts = staff->accountsTable();
    QVERIFY2(accounts, "standalone mode shows the accounts");
    // The owner, admin, mario, crew and cust.
    QTRY_COMPARE(accounts->rowCount(), 5);

    staff->newAccount();
    auto *dialog = staff->findChild<Ui::AccountDialog *>(QStringLiteral("accountDialog"));
    QVERIFY(dialog);
    dialog->usernameField()->setText(QStringLiteral("rosa"));
    dialog->roleField()->setCurrentIndex(dialog->roleField()->findData(int(Role::DeliveryCrew)));
    dialog->passwordField()->setText(QStringLiteral("rosa"));
    dialog->repeatField()->setText(QStringLiteral("rosa"));
    dialog->accept();
    // The server's password rules, in its words.
    QTRY_VERIFY(!dialog->isBusy());
    QVERIFY2(dialog->errorText().contains(QStringLiteral("too short")), qPrintable(dialog->errorText()));
    QPointer<Ui::AccountDialog> guard(dialog);
    dialog->passwordField()->setText(QStringLiteral("Scooter-Lemon-9"));
    dialog->repeatField()->setText(QStringLiteral("Scooter-Lemon-9"));
    dialog->accept();
    QTRY_VERIFY(!guard || !guard->isVisible());
    QTRY_COMPARE(accounts->rowCount(), 6);
    // The new crew member shows in the group after the sync it asked for.
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QTRY_COMPARE(staff->crew()->rowCount(), 2);

    // A new password for rosa works at once.
    const auto found = accounts->findItems(QStringLiteral("rosa"), Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    accounts->selectRow(found.first()->row());
    staff->resetPassword();
    auto *reset = staff->findChild<Ui::AccountDialog *>(QStringLiteral("accountDialog"));
    QVERIFY(reset);
    reset->passwordField()->setText(QStringLiteral("Another-Scooter-7"));
    reset->repeatField()->setText(QStringLiteral("Another-Scooter-7"));
    QPointer<Ui::AccountDialog> resetGuard(reset);
    reset->accept();
    QTRY_VERIFY(!resetGuard || !resetGuard->isVisible());
    Client::ApiClient probe(Client::ServerEndpoint::fromUserInput(m_desk->server()->url().toString()));
    auto *login = probe.session()->login(QStringLiteral("rosa"), QStringLiteral("Another-Scooter-7"));
    bool ok = false;
    bool done = false;
    login->then(this, [&](const Client::Result<User> &r) {
        ok = r.ok();
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(ok);
}

void TestUiShell::refusedChangeInTheOutbox()
{
    // A manager may not add menu items (administrators do): the server says no.
    MenuItem item;
    item.title = QStringLiteral("Lemon sorbet");
    item.price = Money(450);
    item.category = m_desk->store()->cache()->categories().first().record.id;
    const LocalEdit edit = m_desk->store()->outbox()->createMenuItem(item);
    QVERIFY(edit);
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->engine()->failedCount(), 1, 10000);
    auto *status = m_desk->window()->findChild<Ui::SyncStatusWidget *>();
    QTRY_VERIFY(status->changesText().contains(QStringLiteral("refused: 1")));

    Ui::OutboxDialog *outbox = openOutbox();
    QVERIFY(outbox);
    QVERIFY(outbox->selectEntry(edit.seq));
    const QModelIndex row = outbox->view()->currentIndex();
    QCOMPARE(row.siblingAtColumn(1).data().toString(), QStringLiteral("Refused"));
    QVERIFY2(row.siblingAtColumn(2).data().toString().contains(QStringLiteral("permission")),
             qPrintable(row.siblingAtColumn(2).data().toString()));
    QVERIFY(outbox->retryButton()->isEnabled());
    QVERIFY(outbox->discardButton()->isEnabled());
    QVERIFY(!outbox->keepMineButton()->isEnabled());

    // Sent again: refused again, same words.
    QTest::mouseClick(outbox->retryButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->engine()->failedCount(), 1, 10000);
    // Discarded: gone, and so is the item it would have made.
    QVERIFY(outbox->selectEntry(edit.seq));
    QTest::mouseClick(outbox->discardButton(), Qt::LeftButton);
    QTRY_COMPARE(m_desk->engine()->failedCount(), 0);
    QVERIFY(!m_desk->store()->cache()->menuItem(edit.id));
    QCOMPARE(outbox->view()->model()->rowCount(), 0);
    outbox->close();
}

void TestUiShell::conflictResolvedFromTheOutbox_data()
{
    QTest::addColumn<bool>("keepMine");
    QTest::newRow("keep mine") << true;
    QTest::newRow("take theirs") << false;
}

void TestUiShell::conflictResolvedFromTheOutbox()
{
    QFETCH(bool, keepMine);
    const qint64 id = m_desk->store()->cache()->menuItems().first().record.id;
    const QString path = QStringLiteral("/api/menu-items/%1").arg(id);
    // This terminal edits while not syncing; someone else edits the same price first.
    m_desk->engine()->stop();
    QVERIFY(m_desk->store()->outbox()->setMenuItemPrice(id, Money(1111)));
    int status = 0;
    m_desk->serverWrite("PATCH", path, { { QStringLiteral("price"), QStringLiteral("22.22") } },
                        QStringLiteral("mario"), &status);
    QCOMPARE(status, 200);
    m_desk->engine()->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->engine()->conflictCount(), 1, 10000);
    const qint64 seq = m_desk->engine()->conflictEntries().first().seq;

    Ui::OutboxDialog *outbox = openOutbox();
    QVERIFY(outbox);
    QVERIFY(outbox->selectEntry(seq));
    QVERIFY(outbox->keepMineButton()->isEnabled());
    QVERIFY(outbox->takeTheirsButton()->isEnabled());
    QTest::mouseClick(keepMine ? outbox->keepMineButton() : outbox->takeTheirsButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->engine()->conflictCount(), 0, 10000);
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    const QString expected = keepMine ? QStringLiteral("11.11") : QStringLiteral("22.22");
    QCOMPARE(m_desk->serverGet(path).value(QStringLiteral("price")).toString(), expected);
    QCOMPARE(m_desk->store()->cache()->menuItem(id)->record.price.toString(), expected);
    outbox->close();
}

void TestUiShell::serveTheNetwork()
{
    // A port nobody uses right now.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::Any, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    QAction *serve = nullptr;
    for (QAction *a : m_desk->window()->deskMenu()->actions()) {
        if (a->text().startsWith(QStringLiteral("Serve the restaurant's network")))
            serve = a;
    }
    QVERIFY2(serve, "standalone mode offers to serve the network");
    serve->trigger();
    auto *dialog = m_desk->window()->findChild<Ui::NetworkServeDialog *>(QStringLiteral("networkServeDialog"));
    QVERIFY(dialog);
    dialog->findChild<QSpinBox *>()->setValue(port);
    dialog->serveBox()->setChecked(true);
    QTRY_VERIFY(m_desk->server()->isServingNetwork());
    QCOMPARE(m_desk->server()->networkPort(), port);
    for (const QString &address : dialog->shownAddresses())
        QVERIFY2(address.endsWith(QStringLiteral(":%1").arg(port)) || !address.contains(u':'), qPrintable(address));
    // Another terminal's view of it: the same server on that port.
    QNetworkAccessManager net;
    QNetworkReply *reply = net.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(port))));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
    // And off again.
    dialog->serveBox()->setChecked(false);
    QTRY_VERIFY(!m_desk->server()->isServingNetwork());
    QVERIFY(!QSettings().value(QStringLiteral("standalone/serveNetwork")).toBool());
    dialog->close();
}

void TestUiShell::crewSeesWhatCrewMayDo()
{
    signInAs(QStringLiteral("crew"), DeskFixture::kCrewPassword);
    Ui::MainWindow *window = m_desk->window();
    // No staff page: the button says why.
    QVERIFY(!window->pageAction(Ui::MainWindow::StaffPageId)->isEnabled());
    QCOMPARE(window->pageAction(Ui::MainWindow::StaffPageId)->toolTip(), QStringLiteral("Only managers manage staff."));
    QTest::keyClick(window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window->currentPage(), int(Ui::MainWindow::OrdersPageId));
    // Orders: their own deliveries only, and only the last step; no crew to assign.
    auto *board = qobject_cast<Ui::OrderBoardPage *>(window->page(Ui::MainWindow::OrdersPageId));
    QVERIFY(!board->assignAction()->isEnabled());
    QCOMPARE(board->assignAction()->toolTip(), QStringLiteral("Only managers assign delivery crew."));
    const User &me = m_desk->workspace()->user();
    for (const OrderSummary &o : m_desk->store()->cache()->orderSummaries())
        QCOMPARE(o.deliveryCrew, std::optional<qint64>(me.id));
    if (board->hasStages()) {
        QVERIFY(!board->mayMove(OrderStage::Received, OrderStage::Preparing));
        QVERIFY(board->mayMove(OrderStage::OutForDelivery, OrderStage::Delivered));
        QVERIFY(!board->mayMove(OrderStage::Delivered, OrderStage::OutForDelivery));
        qint64 onTheRoad = 0;
        for (const OrderSummary &o : m_desk->store()->cache()->orderSummaries()) {
            if (o.effectiveStage() == OrderStage::OutForDelivery)
                onTheRoad = o.id;
        }
        QVERIFY(onTheRoad > 0);
        QVERIFY(board->advance(onTheRoad));
        QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
        QCOMPARE(m_desk->serverGet(QStringLiteral("/api/orders/%1").arg(onTheRoad), QStringLiteral("crew"))
                     .value(QStringLiteral("stage"))
                     .toString(),
                 QStringLiteral("delivered"));
    }
    // The menu: read only, and it says so.
    window->showPage(Ui::MainWindow::MenuPageId);
    auto *menu = qobject_cast<Ui::MenuPage *>(window->page(Ui::MainWindow::MenuPageId));
    const QModelIndex price = menu->filterModel()->index(0, MenuModel::PriceColumn);
    QVERIFY(!(price.flags() & Qt::ItemIsEditable));
    menu->view()->edit(price);
    QVERIFY(!menu->view()->indexWidget(price));
    QVERIFY(!menu->eightySixButton()->isEnabled());
    QVERIFY(menu->view()->toolTip().contains(QStringLiteral("Only managers change menu items.")));
    for (QPushButton *b : menu->findChildren<QPushButton *>()) {
        if (b->text() == QStringLiteral("Add item…")) {
            QVERIFY(!b->isEnabled());
            QCOMPARE(b->toolTip(), QStringLiteral("Only an administrator adds or deletes menu items."));
        }
    }
}

void TestUiShell::adminAddsAndDeletesMenuItems()
{
    signInAs(QStringLiteral("admin"), DeskFixture::kAdminPassword);
    Ui::MainWindow *window = m_desk->window();
    window->showPage(Ui::MainWindow::MenuPageId);
    auto *menu = qobject_cast<Ui::MenuPage *>(window->page(Ui::MainWindow::MenuPageId));
    const int before = int(m_desk->store()->cache()->menuItems().size());

    QTest::keyClick(menu->view(), Qt::Key_N, Qt::ControlModifier);
    auto *dialog = menu->findChild<Ui::MenuItemDialog *>(QStringLiteral("menuItemDialog"));
    QVERIFY(dialog);
    dialog->titleField()->setText(QStringLiteral("Lemon sorbet"));
    // A stray key stays on screen and is refused in words (issue 14: never a
    // silently different number); corrected, it goes.
    QTest::keyClicks(dialog->priceField(), QStringLiteral("4.5x0"));
    QCOMPARE(dialog->priceField()->text(), QStringLiteral("4.5x0"));
    dialog->accept();
    QCOMPARE(int(m_desk->store()->cache()->menuItems().size()), before);
    QVERIFY(dialog->isVisible());
    dialog->priceField()->setText(QStringLiteral("4.50"));
    dialog->accept();
    QCOMPARE(int(m_desk->store()->cache()->menuItems().size()), before + 1);
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    qint64 id = 0;
    for (const auto &m : m_desk->store()->cache()->menuItems()) {
        if (m.record.title == QStringLiteral("Lemon sorbet"))
            id = m.record.id;
    }
    QVERIFY(id > 0);
    QCOMPARE(m_desk->serverGet(QStringLiteral("/api/menu-items/%1").arg(id), QStringLiteral("admin"))
                 .value(QStringLiteral("price"))
                 .toString(),
             QStringLiteral("4.50"));

    // Deleted after a question (the dialog took the keyboard away: give it back).
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QVERIFY(menu->selectItem(id));
    menu->view()->setFocus();
    QTest::keyClick(menu->view(), Qt::Key_Delete, Qt::ControlModifier);
    auto *confirm = menu->findChild<QMessageBox *>(QStringLiteral("confirmDelete"));
    QVERIFY(confirm);
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QVERIFY(!m_desk->store()->cache()->menuItem(id));
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    int status = 0;
    m_desk->serverWrite("GET", QStringLiteral("/api/menu-items/%1").arg(id), QJsonObject(), QStringLiteral("admin"),
                        &status);
    QCOMPARE(status, 404);

    // A new category.
    for (QPushButton *b : menu->findChildren<QPushButton *>()) {
        if (b->text() == QStringLiteral("Categories…"))
            QTest::mouseClick(b, Qt::LeftButton);
    }
    auto *categories = menu->findChild<Ui::CategoriesDialog *>(QStringLiteral("categoriesDialog"));
    QVERIFY(categories);
    QVERIFY(categories->newTitleField()->isEnabled());
    QVERIFY(categories->addCategory(QStringLiteral("Specials")));
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QTRY_VERIFY(menu->categoryFilter()->findText(QStringLiteral("Specials")) > 0);
    categories->close();
}

LL_UI_TEST_MAIN(TestUiShell)
#include "tst_ui_shell.moc"
