// The orders board of a live desk (standalone mode, in this process) while
// another terminal works on the same orders over HTTP (issue 13).

#include "deskfixture.h"
#include "ui/boardcolumnmodel.h"
#include "ui/orderboardpage.h"
#include "ui/ordercolumn.h"

#include <QSignalSpy>

using namespace LittleLemon;
using namespace LittleLemon::Test;

class TestLiveBoard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cardMovedElsewhereFlashesOnce();
    void noJumpWhileDragging();
    void newOrderBeepsOnce();
    void cancelledElsewhereLeavesWithANotice();

private:
    Ui::OrderBoardPage *board() const
    {
        return qobject_cast<Ui::OrderBoardPage *>(m_desk->window()->page(Ui::MainWindow::OrdersPageId));
    }
    // An open order at `stage` on the board, moved by nobody yet in this test run.
    qint64 orderAt(OrderStage stage)
    {
        for (const OrderSummary &o : m_desk->store()->cache()->orderSummaries()) {
            if (o.id > 0 && o.effectiveStage() == stage && !m_used.contains(o.id)
                && board()->columnOf(o.id)) {
                m_used.insert(o.id);
                return o.id;
            }
        }
        return 0;
    }
    bool moveElsewhere(qint64 id, const QString &stage)
    {
        int status = 0;
        m_desk->serverWrite("PATCH", QStringLiteral("/api/orders/%1").arg(id),
            { { QStringLiteral("stage"), stage } }, QStringLiteral("mario"), &status);
        return status == 200;
    }

    std::unique_ptr<DeskFixture> m_desk;
    QSet<qint64> m_used;
};

void TestLiveBoard::initTestCase()
{
    m_desk = std::make_unique<DeskFixture>();
    QVERIFY2(m_desk->startServer(), qPrintable(m_desk->errorString()));
    QVERIFY2(m_desk->signIn(QStringLiteral("mario"), DeskFixture::kManagerPassword),
        qPrintable(m_desk->errorString()));
    QVERIFY(board());
    // The standalone desk's own server attaches the event hub: the desk is live.
    QTRY_VERIFY_WITH_TIMEOUT(m_desk->engine()->isLive(), 30000);
    // Only events bring changes from here on (no polling to hide a missing one).
    m_desk->engine()->setInterval(0);
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
}

void TestLiveBoard::cleanupTestCase()
{
    m_desk.reset();
}

void TestLiveBoard::cardMovedElsewhereFlashesOnce()
{
    const qint64 id = orderAt(OrderStage::Received);
    QVERIFY(id > 0);
    Ui::OrderColumn *before = board()->columnOf(id);
    QVERIFY(!board()->isFlashing(id));
    QVERIFY(moveElsewhere(id, QStringLiteral("preparing")));
    QTRY_VERIFY_WITH_TIMEOUT(board()->isFlashing(id), 10000);
    QVERIFY(board()->columnOf(id) != before);
    QVERIFY(board()->columnOf(id)->stages().contains(OrderStage::Preparing));
    // Once: it stops by itself.
    QTRY_VERIFY_WITH_TIMEOUT(!board()->isFlashing(id), 10000);

    // A move made here does not flash.
    QVERIFY(board()->advance(id));
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QVERIFY(!board()->isFlashing(id));
}

void TestLiveBoard::noJumpWhileDragging()
{
    const qint64 id = orderAt(OrderStage::Received);
    QVERIFY(id > 0);
    Ui::OrderColumn *column = board()->columnOf(id);
    const int row = column->model()->rowOfOrder(id);
    board()->holdMoves(true); // what a drag starting on a card does
    QVERIFY(moveElsewhere(id, QStringLiteral("preparing")));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_desk->store()->cache()->order(id)->record.stage, std::optional<OrderStage>(OrderStage::Preparing), 10000);
    // The card stays where the pointer is, and does not flash yet.
    QCOMPARE(board()->columnOf(id), column);
    QCOMPARE(column->model()->rowOfOrder(id), row);
    QVERIFY(!board()->isFlashing(id));
    board()->holdMoves(false); // the drag ended
    QVERIFY(board()->columnOf(id) != column);
    QVERIFY(board()->columnOf(id)->stages().contains(OrderStage::Preparing));
    QVERIFY(board()->isFlashing(id));
}

void TestLiveBoard::newOrderBeepsOnce()
{
    board()->acknowledgeAll();
    const int before = board()->beepCount();
    const auto items = m_desk->store()->cache()->menuItems();
    QVERIFY(!items.isEmpty());
    int status = 0;
    const QJsonObject created = m_desk->serverWrite("POST", QStringLiteral("/api/orders"),
        { { QStringLiteral("items"),
            QJsonArray { QJsonObject { { QStringLiteral("menuitem"), items.first().record.id },
                { QStringLiteral("quantity"), 2 } } } } },
        QStringLiteral("mario"), &status);
    QCOMPARE(status, 201);
    const qint64 id = created.value(QStringLiteral("order_id")).toInteger();
    QTRY_VERIFY_WITH_TIMEOUT(board()->isNewOrder(id), 10000);
    QCOMPARE(board()->beepCount(), before + 1);
    // The event and the feed read that follows it are one arrival, not two.
    QTRY_VERIFY_WITH_TIMEOUT(!m_desk->engine()->isSyncing(), 10000);
    QCOMPARE(board()->beepCount(), before + 1);
    board()->acknowledgeAll();
}

void TestLiveBoard::cancelledElsewhereLeavesWithANotice()
{
    // During a drag the notice waits (it would shift the columns under the pointer).
    const qint64 dragged = orderAt(OrderStage::Received);
    QVERIFY(dragged > 0);
    board()->holdMoves(true);
    QVERIFY(moveElsewhere(dragged, QStringLiteral("cancelled")));
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->store()->cache()->order(dragged)->record.stage,
        std::optional<OrderStage>(OrderStage::Cancelled), 10000);
    QVERIFY(board()->columnOf(dragged)); // still where it was
    QVERIFY(!board()->noticeText().contains(QString::number(dragged)));
    board()->holdMoves(false);
    QVERIFY(!board()->columnOf(dragged));
    QCOMPARE(
        board()->noticeText(), QStringLiteral("Order #%1 was cancelled on another terminal.").arg(dragged));

    const qint64 id = orderAt(OrderStage::Received);
    QVERIFY(id > 0);
    QVERIFY(board()->noticeText().isEmpty() || !board()->noticeText().contains(QString::number(id)));
    QVERIFY(moveElsewhere(id, QStringLiteral("cancelled")));
    QTRY_VERIFY_WITH_TIMEOUT(!board()->columnOf(id), 10000);
    QCOMPARE(board()->noticeText(), QStringLiteral("Order #%1 was cancelled on another terminal.").arg(id));
}

LL_UI_TEST_MAIN(TestLiveBoard)
#include "tst_live_board.moc"
