// A Friday-night rush on the orders board (issue 22): 300 new orders nobody
// has acknowledged, on a 1366×768 window against a real in-process server.
// The window keeps its size and the board its columns; the banner says it
// in one line, newest first, and one click shows or acknowledges them.

#include "deskfixture.h"

#include "models/ordersmodel.h"
#include "ui/boardcolumnmodel.h"
#include "ui/elidedlabel.h"
#include "ui/ordercolumn.h"
#include "ui/ordercolumnview.h"
#include "ui/orderboardpage.h"

#include <QComboBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QScrollBar>
#include <QtTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;

class TestUiRush : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void threeHundredNewOrdersKeepTheBoardsShape();
    void bannerShowsThemNewestFirstAndAcknowledgesAll();
    void windowIsNeverLargerThanTheScreen();

private:
    Ui::OrderBoardPage *board() const;
    QList<int> columnWidths() const;
    void settle();

    std::unique_ptr<DeskFixture> m_desk;
    QSize m_size;
    QList<int> m_widths;
    QList<qint64> m_created;
};

Ui::OrderBoardPage *TestUiRush::board() const
{
    return qobject_cast<Ui::OrderBoardPage *>(m_desk->window()->page(Ui::MainWindow::OrdersPageId));
}

QList<int> TestUiRush::columnWidths() const
{
    QList<int> out;
    for (Ui::OrderColumn *c : board()->columns())
        out << c->width();
    return out;
}

void TestUiRush::settle()
{
    // Layouts run from posted events: let every pending one happen.
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }
}

void TestUiRush::initTestCase()
{
    m_desk = std::make_unique<DeskFixture>();
    QVERIFY2(m_desk->startServer(), qPrintable(m_desk->errorString()));
    QVERIFY2(m_desk->signIn(QStringLiteral("mario"), DeskFixture::kManagerPassword), qPrintable(m_desk->errorString()));
    QVERIFY(QTest::qWaitForWindowExposed(m_desk->window()));
    m_desk->window()->resize(1366, 768);
    settle();
    QCOMPARE(m_desk->window()->size(), QSize(1366, 768));
    m_size = m_desk->window()->size();
    m_widths = columnWidths();
    QVERIFY(m_widths.size() >= 2);
}

void TestUiRush::cleanupTestCase()
{
    m_desk.reset();
}

void TestUiRush::threeHundredNewOrdersKeepTheBoardsShape()
{
    QVERIFY2(m_desk->workspace()->hasFeature(QStringLiteral("counter_orders")),
             "littlelemon-server no longer lists the \"counter_orders\" extension");
    const qint64 item = m_desk->store()->cache()->menuItems().first().record.id;
    for (int i = 0; i < 300; ++i) {
        int status = 0;
        const QJsonObject order = m_desk->serverWrite(
            "POST", QStringLiteral("/api/orders"),
            { { QStringLiteral("items"), QJsonArray { QJsonObject { { QStringLiteral("menuitem"), item },
                                                                    { QStringLiteral("quantity"), 1 } } } },
              { QStringLiteral("note"), QStringLiteral("rush %1").arg(i) } },
            QStringLiteral("mario"), &status);
        QCOMPARE(status, 201);
        m_created << order.value(QStringLiteral("order_id")).toInteger();
        QVERIFY(m_created.last() > 0);
    }
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    Ui::OrderBoardPage *page = board();
    QCOMPARE(page->unacknowledgedOrders().size(), 300);
    settle();

    // The window, its columns and their widths are as they were.
    QCOMPARE(m_desk->window()->size(), m_size);
    QCOMPARE(columnWidths(), m_widths);
    QVERIFY2(m_desk->window()->minimumSizeHint().width() <= 1366,
             qPrintable(QString::number(m_desk->window()->minimumSizeHint().width())));
    QVERIFY(m_desk->window()->minimumWidth() <= 1366);
    // The first column holds them all and scrolls.
    Ui::OrderColumn *received = page->columnOf(m_created.last());
    QVERIFY(received);
    QVERIFY(received->model()->rowCount() >= 300);
    QVERIFY(received->view()->verticalScrollBar()->isVisible());
    // Nothing on the page is wider than the window.
    for (QWidget *w : page->findChildren<QWidget *>()) {
        if (w->isVisible())
            QVERIFY2(w->width() <= m_size.width(), qPrintable(w->objectName() + u' ' + QString::number(w->width())));
    }
}

void TestUiRush::bannerShowsThemNewestFirstAndAcknowledgesAll()
{
    QVERIFY2(!m_created.isEmpty(), "the previous test made no orders");
    Ui::OrderBoardPage *page = board();
    auto *banner = page->findChild<QWidget *>(QStringLiteral("newOrderBanner"));
    auto *text = page->findChild<Ui::ElidedLabel *>(QStringLiteral("newOrderText"));
    QVERIFY(banner && text);
    QVERIFY(banner->isVisible());
    const qint64 newest = m_created.last();
    QCOMPARE(text->fullText(), QStringLiteral("300 new orders — #%1, #%2, #%3 and 297 more")
                                   .arg(newest)
                                   .arg(m_created.at(298))
                                   .arg(m_created.at(297)));
    QVERIFY(text->width() < m_size.width());

    // "Show" selects the newest, then the next older one.
    auto *show = banner->findChild<QPushButton *>(QStringLiteral("showNewOrderButton"));
    QVERIFY(show);
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(page->selectedOrder(), newest);
    QVERIFY(!page->isNewOrder(newest));
    QVERIFY(text->fullText().startsWith(QStringLiteral("299 new orders — #%1,").arg(m_created.at(298))));
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(page->selectedOrder(), m_created.at(298));

    // "Got it" acknowledges every one of them at once.
    auto *ack = banner->findChild<QPushButton *>(QStringLiteral("acknowledgeButton"));
    QVERIFY(ack);
    QTest::mouseClick(ack, Qt::LeftButton);
    QVERIFY(page->unacknowledgedOrders().isEmpty());
    QVERIFY(banner->isHidden());
    settle();
    QCOMPARE(m_desk->window()->size(), m_size);
    QCOMPARE(columnWidths(), m_widths);
}

void TestUiRush::windowIsNeverLargerThanTheScreen()
{
    // A size saved on a bigger monitor (or the default 1366×800 on a
    // 1366×768 laptop) is bounded to the screen the window opens on.
    Ui::MainWindow *window = m_desk->window();
    window->resize(3000, 2000);
    QSettings().setValue(QStringLiteral("window/geometry"), window->saveGeometry());
    window->restoreState();
    const QSize room = window->screen()->availableGeometry().size();
    QVERIFY2(window->width() <= room.width() && window->height() <= room.height(),
             qPrintable(QStringLiteral("%1x%2 on %3x%4").arg(window->width()).arg(window->height()).arg(room.width()).arg(room.height())));
    window->resize(m_size);
}

LL_UI_TEST_MAIN(TestUiRush)
#include "tst_ui_rush.moc"
