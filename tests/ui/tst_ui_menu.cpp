// The menu editor against a real in-process server: a price edited in
// place is pending, then synced; the same with the server stopped and
// started again; prices validated as typed; an item 86'd, for good or until
// tonight (and back by itself the next day).

#include "deskfixture.h"

#include "models/menumodel.h"
#include "ui/eightysixschedule.h"
#include "ui/menufiltermodel.h"
#include "ui/menupage.h"
#include "ui/moneyvalidator.h"
#include "ui/syncstatuswidget.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;

class TestUiMenu : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void validatorJudgesAsYouType_data();
    void validatorJudgesAsYouType();
    void priceEditedInPlaceIsPendingThenSynced();
    void typingCannotMakeABadPrice();
    void unfinishedPriceIsRefusedInWords();
    void editWhileOfflineIsAppliedWhenBack();
    void eightySixAnItem();
    void eightySixUntilTonightComesBackTomorrow();
    void searchAndCategoryFilter();

private:
    Ui::MenuPage *page() const;
    qint64 itemId(const QString &title) const;
    QModelIndex cell(qint64 id, int column) const;
    QLineEdit *openPriceEditor(qint64 id);
    QJsonObject serverItem(qint64 id);
    // False (after checking the 86 button says why) on a server without "availability".
    bool serverKnowsAvailability();

    std::unique_ptr<DeskFixture> m_desk;
};

Ui::MenuPage *TestUiMenu::page() const
{
    return qobject_cast<Ui::MenuPage *>(m_desk->window()->page(Ui::MainWindow::MenuPageId));
}

qint64 TestUiMenu::itemId(const QString &title) const
{
    for (const auto &m : m_desk->store()->cache()->menuItems()) {
        if (m.record.title == title)
            return m.record.id;
    }
    return 0;
}

QModelIndex TestUiMenu::cell(qint64 id, int column) const
{
    const int row = page()->filterModel()->rowOfItem(id);
    return row < 0 ? QModelIndex() : page()->filterModel()->index(row, column);
}

QLineEdit *TestUiMenu::openPriceEditor(qint64 id)
{
    const QModelIndex index = cell(id, MenuModel::PriceColumn);
    if (!index.isValid())
        return nullptr;
    page()->view()->setCurrentIndex(index);
    page()->view()->edit(index);
    return qobject_cast<QLineEdit *>(page()->view()->indexWidget(index));
}

QJsonObject TestUiMenu::serverItem(qint64 id)
{
    return m_desk->serverGet(QStringLiteral("/api/menu-items/%1").arg(id));
}

void TestUiMenu::initTestCase()
{
    m_desk = std::make_unique<DeskFixture>();
    QVERIFY2(m_desk->startServer(), qPrintable(m_desk->errorString()));
    QVERIFY2(m_desk->signIn(QStringLiteral("mario"), DeskFixture::kManagerPassword), qPrintable(m_desk->errorString()));
    m_desk->window()->showPage(Ui::MainWindow::MenuPageId);
    QCOMPARE(m_desk->window()->currentPage(), int(Ui::MainWindow::MenuPageId));
    QVERIFY(QTest::qWaitForWindowExposed(m_desk->window()));
}

void TestUiMenu::cleanupTestCase()
{
    m_desk.reset();
}

void TestUiMenu::validatorJudgesAsYouType_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("state");
    const int ok = QValidator::Acceptable;
    const int onItsWay = QValidator::Intermediate;
    const int no = QValidator::Invalid;
    QTest::newRow("whole") << "12" << ok;
    QTest::newRow("one decimal") << "12.5" << ok;
    QTest::newRow("two decimals") << "12.50" << ok;
    QTest::newRow("highest") << "9999.99" << ok;
    QTest::newRow("zero") << "0.00" << ok;
    QTest::newRow("leading zeros do not count") << "0012.50" << ok;
    QTest::newRow("empty, about to type") << "" << onItsWay;
    // Issue 14: no key is dropped (a dropped key turns "5.999" into 5.99 or
    // "-5" into 5); what cannot be a price stays on screen, Intermediate, and
    // is refused in words when committed. Only a paste far past any price is
    // refused outright.
    QTest::newRow("point at the end") << "12." << ok;
    QTest::newRow("point first") << ".5" << ok;
    QTest::newRow("comma as the decimal sign") << "1,50" << ok;
    QTest::newRow("three decimals") << "1.234" << onItsWay;
    QTest::newRow("five digits") << "12345" << onItsWay;
    QTest::newRow("negative") << "-1" << onItsWay;
    QTest::newRow("letters") << "12a" << onItsWay;
    QTest::newRow("exponent") << "1e3" << onItsWay;
    QTest::newRow("two points") << "1.2.3" << onItsWay;
    QTest::newRow("plus") << "+1" << onItsWay;
    QTest::newRow("a paragraph") << QString(40, u'1') << no;
}

void TestUiMenu::validatorJudgesAsYouType()
{
    QFETCH(QString, input);
    QFETCH(int, state);
    Ui::MoneyValidator validator;
    int pos = int(input.size());
    QCOMPARE(int(validator.validate(input, pos)), state);
}

void TestUiMenu::priceEditedInPlaceIsPendingThenSynced()
{
    const qint64 id = itemId(QStringLiteral("Greek Salad"));
    QVERIFY(id > 0);
    QCOMPARE(serverItem(id).value(QStringLiteral("price")).toString(), QStringLiteral("12.99"));
    QLineEdit *editor = openPriceEditor(id);
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("12.99"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("13.75"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on the next turn of the event loop; the engine
    // waits longer than that before it sends.
    QCoreApplication::processEvents();

    // At once, on this terminal: the new price, marked as not sent.
    QCOMPARE(m_desk->store()->cache()->menuItem(id)->record.price, Money(1375));
    QCOMPARE(cell(id, MenuModel::PriceColumn).data().toString(), QStringLiteral("13.75"));
    QVERIFY(cell(id, MenuModel::TitleColumn).data(MenuModel::PendingRole).toBool());
    QCOMPARE(cell(id, MenuModel::SyncColumn).data().toString(), QStringLiteral("Not sent yet"));
    QVERIFY(m_desk->engine()->pendingCount() >= 1);

    // Then on the server, and the mark goes.
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QVERIFY(!cell(id, MenuModel::TitleColumn).data(MenuModel::PendingRole).toBool());
    QCOMPARE(cell(id, MenuModel::SyncColumn).data().toString(), QString());
    QCOMPARE(serverItem(id).value(QStringLiteral("price")).toString(), QStringLiteral("13.75"));
}

void TestUiMenu::typingCannotMakeABadPrice()
{
    const qint64 id = itemId(QStringLiteral("Espresso"));
    QLineEdit *editor = openPriceEditor(id);
    QVERIFY(editor);
    editor->selectAll();
    // Issue 14: the third decimal and the letter stay on screen and the
    // price is refused in words, never stored as a different number.
    const Money before = m_desk->store()->cache()->menuItem(id)->record.price;
    QTest::keyClicks(editor, QStringLiteral("3.456x"));
    QCOMPARE(editor->text(), QStringLiteral("3.456x"));
    QTest::keyClick(editor, Qt::Key_Return);
    auto *error = page()->findChild<QLabel *>(QStringLiteral("menuError"));
    QTRY_VERIFY(error && !error->isHidden());
    QCOMPARE(m_desk->store()->cache()->menuItem(id)->record.price, before);
    editor = openPriceEditor(id);
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("3.45"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_desk->store()->cache()->menuItem(id)->record.price, Money(345));
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QCOMPARE(serverItem(id).value(QStringLiteral("price")).toString(), QStringLiteral("3.45"));
}

void TestUiMenu::unfinishedPriceIsRefusedInWords()
{
    const qint64 id = itemId(QStringLiteral("Soda"));
    const Money before = m_desk->store()->cache()->menuItem(id)->record.price;
    auto *error = page()->findChild<QLabel *>(QStringLiteral("menuError"));
    QVERIFY(error);
    QLineEdit *editor = openPriceEditor(id);
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("7.5.0"));
    // Leaving the cell commits what is there: not a price.
    page()->view()->setCurrentIndex(cell(id, MenuModel::TitleColumn));
    QTRY_VERIFY(!error->isHidden());
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(m_desk->store()->cache()->menuItem(id)->record.price, before);
}

void TestUiMenu::editWhileOfflineIsAppliedWhenBack()
{
    const qint64 id = itemId(QStringLiteral("Baklava"));
    QVERIFY(id > 0);
    QVERIFY(m_desk->stopServer());

    QLineEdit *editor = openPriceEditor(id);
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("5.25"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_desk->store()->cache()->menuItem(id)->record.price, Money(525));

    // The engine tries, finds nobody, and keeps the change.
    auto *status = m_desk->window()->findChild<Ui::SyncStatusWidget *>();
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(!m_desk->engine()->isOnline(), 10000);
    QTRY_COMPARE(status->stateText(), QStringLiteral("Offline"));
    QVERIFY(status->changesText().contains(QStringLiteral("waiting")));
    QCOMPARE(m_desk->engine()->pendingCount(), 1);
    QVERIFY(cell(id, MenuModel::TitleColumn).data(MenuModel::PendingRole).toBool());

    // The server comes back: the change goes through by itself.
    QVERIFY(m_desk->restartServer());
    QTRY_VERIFY_WITH_TIMEOUT(m_desk->engine()->isOnline(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->engine()->pendingCount(), 0, 15000);
    QTRY_VERIFY(!cell(id, MenuModel::TitleColumn).data(MenuModel::PendingRole).toBool());
    QCOMPARE(serverItem(id).value(QStringLiteral("price")).toString(), QStringLiteral("5.25"));
    QTRY_COMPARE(status->changesText(), QStringLiteral("all changes saved"));
}

bool TestUiMenu::serverKnowsAvailability()
{
    if (m_desk->workspace()->hasFeature(QStringLiteral("availability")))
        return true;
    // Nothing to 86 on a server that would forget it: the button says why.
    Ui::MenuPage *menu = page();
    menu->selectItem(itemId(QStringLiteral("Bruschetta")));
    [&] {
        QVERIFY(!menu->eightySixButton()->isEnabled());
        QVERIFY(menu->eightySixButton()->toolTip().contains(QStringLiteral("86'ing needs")));
        QVERIFY(menu->view()->isColumnHidden(MenuModel::AvailableColumn));
        QVERIFY(!menu->eightySix(itemId(QStringLiteral("Bruschetta")), false));
    }();
    return false;
}

void TestUiMenu::eightySixAnItem()
{
    if (!serverKnowsAvailability())
        return;
    Ui::MenuPage *menu = page();
    const qint64 id = itemId(QStringLiteral("Bruschetta"));
    QVERIFY(menu->selectItem(id));
    QVERIFY(!menu->view()->isColumnHidden(MenuModel::AvailableColumn));
    menu->untilEndOfDayAction()->setChecked(false);
    QCOMPARE(menu->eightySixButton()->text(), QStringLiteral("86 the item"));
    QVERIFY(menu->eightySixButton()->isEnabled());
    QTest::mouseClick(menu->eightySixButton(), Qt::LeftButton);

    QCOMPARE(m_desk->store()->cache()->menuItem(id)->record.available, false);
    QCOMPARE(cell(id, MenuModel::AvailableColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(!menu->schedule()->isUntilEndOfDay(id));
    QCOMPARE(menu->eightySixButton()->text(), QStringLiteral("Put back on"));
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QCOMPARE(serverItem(id).value(QStringLiteral("available")).toBool(true), false);

    // One more click puts it back.
    QTest::mouseClick(menu->eightySixButton(), Qt::LeftButton);
    QCOMPARE(m_desk->store()->cache()->menuItem(id)->record.available, true);
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QCOMPARE(serverItem(id).value(QStringLiteral("available")).toBool(false), true);
}

void TestUiMenu::eightySixUntilTonightComesBackTomorrow()
{
    if (!serverKnowsAvailability())
        return;
    Ui::MenuPage *menu = page();
    const qint64 id = itemId(QStringLiteral("Hummus Plate"));
    QVERIFY(menu->selectItem(id));
    menu->untilEndOfDayAction()->setChecked(true);
    QCOMPARE(menu->eightySixButton()->text(), QStringLiteral("86 until tonight"));
    QTest::mouseClick(menu->eightySixButton(), Qt::LeftButton);
    QCOMPARE(m_desk->store()->cache()->menuItem(id)->record.available, false);
    QVERIFY(menu->schedule()->isUntilEndOfDay(id));
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));

    // Still today: nothing comes back.
    QCOMPARE(menu->schedule()->restoreExpired(QDate::currentDate()), 0);
    QCOMPARE(m_desk->store()->cache()->menuItem(id)->record.available, false);
    // Tomorrow: back on the menu by itself, and sent like any edit.
    QCOMPARE(menu->schedule()->restoreExpired(QDate::currentDate().addDays(1)), 1);
    QCOMPARE(m_desk->store()->cache()->menuItem(id)->record.available, true);
    QVERIFY(!menu->schedule()->isUntilEndOfDay(id));
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QCOMPARE(serverItem(id).value(QStringLiteral("available")).toBool(false), true);
    // Remembered across restarts: a fresh schedule on the same server knows nothing now.
    Ui::EightySixSchedule again(m_desk->store(), m_desk->workspace()->serverKey());
    QVERIFY(!again.isUntilEndOfDay(id));
}

void TestUiMenu::searchAndCategoryFilter()
{
    Ui::MenuPage *menu = page();
    QTest::keyClicks(menu->searchField(), QStringLiteral("lemon"));
    QStringList titles;
    for (int row = 0; row < menu->filterModel()->rowCount(); ++row)
        titles << menu->filterModel()->index(row, 0).data(MenuModel::TitleRole).toString();
    titles.sort();
    QCOMPARE(titles, (QStringList { "Fresh Lemonade", "Lemon Dessert" }));
    menu->searchField()->clear();
    auto *category = menu->categoryFilter();
    category->setCurrentIndex(category->findText(QStringLiteral("Drinks")));
    QCOMPARE(menu->filterModel()->rowCount(), 4);
    category->setCurrentIndex(0);
    QCOMPARE(menu->filterModel()->rowCount(), m_desk->store()->cache()->menuItems().size());
}

LL_UI_TEST_MAIN(TestUiMenu)
#include "tst_ui_menu.moc"
