// The desk on the cloud API's own code (the cloud peer, throttle on; issue
// 21): signed in as "Little Lemon cloud" over http:// on loopback; the board
// and the menu say what the cloud cannot do, and a key for it says why;
// assigning crew is not called delivering; a sync that cannot finish is
// said on screen in words and the board shows it is stale until one does.

#include "cloudpeer.h"
#include "deskfixture.h"

#include "api/client/syncengine.h"
#include "models/localstore.h"
#include "ui/boardcolumnmodel.h"
#include "ui/bookingspage.h"
#include "ui/menupage.h"
#include "ui/ordercolumn.h"
#include "ui/orderboardpage.h"
#include "ui/syncstatuswidget.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QtTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;

namespace {
const QString kManager = QStringLiteral("ui_cloud_mgr");
const QString kPassword = QStringLiteral("UiCloudManager#1");
} // namespace

class TestUiCloud : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void signsInOverHttpOnLoopback();
    void boardAndMenuSayWhatTheCloudCannotDo();
    void assigningCrewIsNotDelivering();
    void aSyncThatCannotFinishIsSaidAndTheBoardIsStale();

private:
    Ui::OrderBoardPage *board() const;
    bool synced();

    CloudPeer m_peer;
    std::unique_ptr<Ui::DeskController> m_desk;
};

Ui::OrderBoardPage *TestUiCloud::board() const
{
    return qobject_cast<Ui::OrderBoardPage *>(m_desk->mainWindow()->page(Ui::MainWindow::OrdersPageId));
}

bool TestUiCloud::synced()
{
    Client::SyncEngine *engine = m_desk->syncEngine();
    const int runs = engine->runCount();
    engine->syncNow();
    return QTest::qWaitFor([&] { return engine->runCount() > runs && !engine->isSyncing(); }, 30000)
        && engine->lastReport().ok;
}

void TestUiCloud::initTestCase()
{
    if (!CloudPeer::missingPackages().isEmpty())
        QFAIL(qPrintable(QStringLiteral("the cloud peer needs: %1 (tools/setup-deps.sh)")
                             .arg(CloudPeer::missingPackages().join(u' '))));
    QVERIFY2(m_peer.start(CloudPeer::Throttle::Off), qPrintable(m_peer.errorString()));
    QVERIFY(m_peer.addUser(kManager, kPassword, QStringLiteral("manager")));
    QVERIFY(m_peer.seedOrders(QStringLiteral("cust"), 6, 4));
    QVERIFY2(m_peer.restart(CloudPeer::Throttle::On), qPrintable(m_peer.errorString()));
}

void TestUiCloud::cleanupTestCase()
{
    m_desk.reset();
}

void TestUiCloud::signsInOverHttpOnLoopback()
{
    Ui::DeskController::Options options;
    options.standalone = false;
    options.silentSignIn = false;
    options.syncIntervalMs = 10 * 60 * 1000; // the test syncs when it wants: the throttle is for the test
    m_desk = std::make_unique<Ui::DeskController>(nullptr, options);
    QSignalSpy opened(m_desk.get(), &Ui::DeskController::sessionOpened);
    m_desk->start();
    Ui::SignInDialog *dialog = m_desk->signInDialog();
    dialog->setTarget({ Ui::ServerKind::Cloud, m_peer.url().toString() });
    dialog->usernameField()->setText(kManager);
    dialog->passwordField()->setText(kPassword);
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    QVERIFY2(opened.wait(30000) || !opened.isEmpty(),
             qPrintable(dialog->errorText(Ui::SignInDialog::Field::Address) + dialog->errorText(Ui::SignInDialog::Field::General)));
    QCOMPARE(m_desk->workspace()->kind(), Ui::ServerKind::Cloud);
    QVERIFY(QTest::qWaitFor([&] { return m_desk->syncEngine()->runCount() > 0 && !m_desk->syncEngine()->isSyncing(); }, 30000));
    QVERIFY(m_desk->syncEngine()->lastReport().ok);
    QVERIFY(m_desk->store()->cache()->orderSummaries().size() >= 6);
}

void TestUiCloud::boardAndMenuSayWhatTheCloudCannotDo()
{
    QVERIFY(m_desk && m_desk->mainWindow());
    Ui::MainWindow *window = m_desk->mainWindow();
    window->showPage(Ui::MainWindow::OrdersPageId);
    auto *limits = board()->findChild<QLabel *>(QStringLiteral("boardLimits"));
    QVERIFY(limits && limits->isVisibleTo(window));
    QVERIFY2(limits->toolTip().contains(QStringLiteral("counter orders")) || limits->text().contains(QStringLiteral("counter orders")),
             qPrintable(limits->text()));
    // Ctrl+N: no counter orders on the cloud, and the status bar says why.
    window->statusBar()->clearMessage();
    board()->searchField()->setFocus();
    QTest::keyClick(board()->searchField(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(window->statusBar()->currentMessage(), QStringLiteral("Counter orders need a Little Lemon server or standalone mode."));

    window->showPage(Ui::MainWindow::MenuPageId);
    auto *menu = qobject_cast<Ui::MenuPage *>(window->page(Ui::MainWindow::MenuPageId));
    auto *menuLimits = menu->findChild<QLabel *>(QStringLiteral("menuLimits"));
    QVERIFY(menuLimits && menuLimits->isVisibleTo(window));
    const QString said = menuLimits->toolTip().isEmpty() ? menuLimits->text() : menuLimits->toolTip();
    QVERIFY2(said.contains(QStringLiteral("86")) && said.contains(QStringLiteral("administrator")), qPrintable(said));
    menu->view()->setFocus();
    QTest::keyClick(menu->view(), Qt::Key_8, Qt::ControlModifier);
    QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("86")),
             qPrintable(window->statusBar()->currentMessage()));

    // The cloud keeps no bookings: the page explains where they work, and
    // nothing offers to book.
    window->showPage(Ui::MainWindow::BookingsPageId);
    auto *bookings = qobject_cast<Ui::BookingsPage *>(window->page(Ui::MainWindow::BookingsPageId));
    QVERIFY(bookings);
    QVERIFY(bookings->isExplaining());
    QVERIFY2(bookings->explanation()->text().contains(QStringLiteral("standalone mode")),
             qPrintable(bookings->explanation()->text()));
    QVERIFY(!bookings->newBooking());
    window->showPage(Ui::MainWindow::OrdersPageId);
}

void TestUiCloud::assigningCrewIsNotDelivering()
{
    QVERIFY(m_desk && m_desk->mainWindow());
    qint64 order = 0;
    for (Ui::OrderColumn *c : board()->columns()) {
        if (c->targetStage() == OrderStage::Received && c->model()->rowCount() > 0)
            order = c->model()->orderAt(0);
    }
    QVERIFY(order > 0);
    const auto crew = m_desk->store()->cache()->groupMembers(kDeliveryCrewGroup);
    QVERIFY(!crew.isEmpty());
    QVERIFY(board()->assignCrew(order, crew.first().record.userId));
    const QString said = m_desk->mainWindow()->statusBar()->currentMessage();
    QVERIFY2(!said.contains(QStringLiteral("delivered"), Qt::CaseInsensitive), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("will deliver")), qPrintable(said));
    QVERIFY(synced());
    QCOMPARE(m_desk->store()->cache()->order(order)->record.status, false);
}

void TestUiCloud::aSyncThatCannotFinishIsSaidAndTheBoardIsStale()
{
    QVERIFY(m_desk && m_desk->mainWindow());
    QVERIFY(board()->staleText().isEmpty());
    auto *status = m_desk->mainWindow()->findChild<Ui::SyncStatusWidget *>();
    QVERIFY(status);

    // The cloud goes away: the next sync cannot finish.
    m_peer.kill();
    Client::SyncEngine *engine = m_desk->syncEngine();
    const int runs = engine->runCount();
    engine->syncNow();
    QVERIFY(QTest::qWaitFor([&] { return engine->runCount() > runs && !engine->isSyncing(); }, 30000));
    QVERIFY(!engine->lastReport().ok);
    QTRY_VERIFY(!board()->staleText().isEmpty());
    QVERIFY2(board()->staleText().startsWith(QStringLiteral("Not up to date")), qPrintable(board()->staleText()));
    QVERIFY(board()->findChild<QLabel *>(QStringLiteral("staleNotice"))->isVisibleTo(m_desk->mainWindow()));
    // The status bar says it in words, not only in a tooltip.
    QVERIFY2(status->lastSyncText() == engine->statusMessage() && !status->lastSyncText().isEmpty(),
             qPrintable(status->lastSyncText()));

    // Back: the next sync finishes and the board is current again.
    QVERIFY2(m_peer.restart(CloudPeer::Throttle::On), qPrintable(m_peer.errorString()));
    QVERIFY(QTest::qWaitFor([&] { return synced(); }, 60000));
    QTRY_VERIFY(board()->staleText().isEmpty());
    QVERIFY(status->lastSyncText() != engine->statusMessage() || engine->statusMessage().isEmpty());
}

LL_UI_TEST_MAIN(TestUiCloud)
#include "tst_ui_cloud.moc"
