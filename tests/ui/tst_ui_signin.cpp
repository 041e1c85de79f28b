// Signing in, as a person does it, against a real in-process server: errors
// in words under the field they are about (wrong password, a server nobody
// answers at, TLS to a plain server, a customer account), the window once
// in, "keep me signed in" signing in silently next time, signing out, and a
// first standalone start that creates the restaurant and its first manager.

#include "deskfixture.h"

#include "ui/localserver.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QtTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;
using Field = LittleLemon::Ui::SignInDialog::Field;

class TestUiSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void emptyFieldsAreNamed();
    void refusal_data();
    void refusal();
    void customerAccountIsTurnedAway();
    void signInOpensTheWindow();
    void keepMeSignedInSignsInSilentlyNextTime();
    void opensOnThisComputersCopyWhileTheServerIsAway();
    void signingOutForgetsTheKeptSignIn();
    void firstStandaloneStartCreatesTheRestaurant();

private:
    // Fills the dialog and presses "Sign in"; waits until it is not busy.
    void submit(const Ui::SignInTarget &target, const QString &user, const QString &password, bool keep = false);

    std::unique_ptr<DeskFixture> m_desk;
};

void TestUiSignIn::initTestCase()
{
    m_desk = std::make_unique<DeskFixture>();
    QVERIFY2(m_desk->startServer(), qPrintable(m_desk->errorString()));
}

void TestUiSignIn::cleanupTestCase()
{
    m_desk.reset();
}

void TestUiSignIn::submit(const Ui::SignInTarget &target, const QString &user, const QString &password, bool keep)
{
    Ui::SignInDialog *dialog = m_desk->controller()->signInDialog();
    dialog->setTarget(target);
    dialog->usernameField()->setText(user);
    dialog->passwordField()->setText(password);
    dialog->setKeepSignedIn(keep);
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() || m_desk->window(), 20000);
}

void TestUiSignIn::emptyFieldsAreNamed()
{
    m_desk->makeController();
    m_desk->controller()->start();
    Ui::SignInDialog *dialog = m_desk->controller()->signInDialog();
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->target().kind, Ui::ServerKind::Standalone);
    submit({ Ui::ServerKind::Standalone, QString() }, QString(), QString());
    QCOMPARE(dialog->errorText(Field::Username), QStringLiteral("Type your user name."));
    submit({ Ui::ServerKind::Standalone, QString() }, QStringLiteral("mario"), QString());
    QCOMPARE(dialog->errorText(Field::Password), QStringLiteral("Type your password."));
    submit({ Ui::ServerKind::Lan, QStringLiteral(" ") }, QStringLiteral("mario"), QStringLiteral("x"));
    QVERIFY(dialog->errorText(Field::Address).contains(QStringLiteral("address")));
    QVERIFY(!m_desk->window());
}

void TestUiSignIn::refusal_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("address"); // %1: the in-process server's port
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("words");
    QTest::newRow("wrong password") << int(Ui::ServerKind::Standalone) << QString() << "not-the-password"
                                    << int(Field::Password) << "The user name or password is not correct.";
    QTest::newRow("nobody at that address") << int(Ui::ServerKind::Lan) << "127.0.0.1:1" << "x"
                                            << int(Field::Address) << "Cannot reach the server at 127.0.0.1:1";
    QTest::newRow("https to a plain server") << int(Ui::ServerKind::Cloud) << "https://127.0.0.1:%1" << "x"
                                             << int(Field::Address) << "secure connection";
    // Plain http is the cloud's only on this computer, or when allowed in so many words.
    QTest::newRow("the cloud over plain http") << int(Ui::ServerKind::Cloud) << "http://192.0.2.1:%1" << "x"
                                               << int(Field::Address) << "https://";
}

void TestUiSignIn::refusal()
{
    QFETCH(int, kind);
    QFETCH(QString, address);
    QFETCH(QString, password);
    QFETCH(int, field);
    QFETCH(QString, words);
    if (!m_desk->controller())
        m_desk->makeController();
    if (address.contains(QStringLiteral("%1")))
        address = address.arg(m_desk->server()->port());
    submit({ Ui::ServerKind(kind), address }, QStringLiteral("mario"), password);
    Ui::SignInDialog *dialog = m_desk->controller()->signInDialog();
    const QString shown = dialog->errorText(Field(field));
    QVERIFY2(shown.contains(words), qPrintable(shown));
    QVERIFY(!m_desk->window());
    QVERIFY(dialog->isVisible());
}

void TestUiSignIn::customerAccountIsTurnedAway()
{
    submit({ Ui::ServerKind::Standalone, QString() }, QStringLiteral("cust"), TestRestaurant::kCustomerPassword);
    const QString shown = m_desk->controller()->signInDialog()->errorText(Field::Username);
    QVERIFY2(shown.contains(QStringLiteral("customer account")), qPrintable(shown));
    QVERIFY(!m_desk->window());
}

void TestUiSignIn::signInOpensTheWindow()
{
    QVERIFY2(m_desk->signIn(QStringLiteral("mario"), DeskFixture::kManagerPassword, true),
             qPrintable(m_desk->errorString()));
    Ui::MainWindow *window = m_desk->window();
    QVERIFY(window->isVisible());
    QVERIFY(!m_desk->controller()->signInDialog()->isVisible());
    QCOMPARE(m_desk->workspace()->user().username, QStringLiteral("mario"));
    QVERIFY(m_desk->workspace()->user().isManager());
    QVERIFY(window->windowTitle().contains(QStringLiteral("Little Lemon (test)")));
    auto *identity = window->findChild<QLabel *>(QStringLiteral("identity"));
    QVERIFY(identity);
    QVERIFY(identity->text().startsWith(QStringLiteral("mario · Manager")));
    // The first sync brought the demo restaurant.
    QCOMPARE(m_desk->store()->cache()->menuItems().size(), 14);
    QCOMPARE(m_desk->store()->cache()->orderSummaries().size(), 8);
    // What to offer next time.
    QSettings s;
    QCOMPARE(s.value(QStringLiteral("signIn/username")).toString(), QStringLiteral("mario"));
    QCOMPARE(s.value(QStringLiteral("signIn/keep")).toBool(), true);
    QCOMPARE(s.value(QStringLiteral("signIn/kind")).toInt(), int(Ui::ServerKind::Standalone));
}

void TestUiSignIn::keepMeSignedInSignsInSilentlyNextTime()
{
    // A restart: a new controller, same computer, nothing typed.
    Ui::DeskController *controller = m_desk->makeController(true);
    QSignalSpy opened(controller, &Ui::DeskController::sessionOpened);
    controller->start();
    QVERIFY(opened.wait(20000) || !opened.isEmpty());
    QCOMPARE(m_desk->workspace()->user().username, QStringLiteral("mario"));
    QVERIFY(controller->signInDialog()->passwordField()->text().isEmpty());
}

void TestUiSignIn::opensOnThisComputersCopyWhileTheServerIsAway()
{
    // A terminal of a restaurant server on the network (this process's server, reached by address).
    const QString address = QStringLiteral("127.0.0.1:%1").arg(m_desk->server()->port());
    m_desk->makeController();
    m_desk->controller()->start();
    submit({ Ui::ServerKind::Lan, address }, QStringLiteral("mario"), DeskFixture::kManagerPassword, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_desk->window(), 20000);
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    const qint64 item = m_desk->store()->cache()->menuItems().first().record.id;

    // The server is away when the terminal starts: the window opens on this
    // computer's copy at once, and work goes on.
    QVERIFY(m_desk->stopServer());
    Ui::DeskController *controller = m_desk->makeController(true, false);
    QSignalSpy opened(controller, &Ui::DeskController::sessionOpened);
    controller->start();
    QVERIFY(opened.wait(5000) || !opened.isEmpty());
    QCOMPARE(m_desk->workspace()->user().username, QStringLiteral("mario"));
    QCOMPARE(m_desk->workspace()->kind(), Ui::ServerKind::Lan);
    QCOMPARE(m_desk->store()->cache()->orderSummaries().size(), 8);
    QVERIFY(!m_desk->engine()->isStarted());
    QVERIFY(m_desk->store()->outbox()->setMenuItemPrice(item, Money(777)));
    QCOMPARE(m_desk->engine()->pendingCount(), 1);

    // Back: signed in behind the window, and the change goes.
    QVERIFY(m_desk->restartServer());
    QTRY_VERIFY_WITH_TIMEOUT(m_desk->engine()->isStarted(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->engine()->pendingCount(), 0, 15000);
    QCOMPARE(m_desk->serverGet(QStringLiteral("/api/menu-items/%1").arg(item)).value(QStringLiteral("price")).toString(),
             QStringLiteral("7.77"));
    QCOMPARE(opened.size(), 1);
}

void TestUiSignIn::signingOutForgetsTheKeptSignIn()
{
    Ui::DeskController *controller = m_desk->controller();
    QSignalSpy closed(controller, &Ui::DeskController::sessionClosed);
    m_desk->window()->signOutAction()->trigger();
    QVERIFY(closed.wait(10000) || !closed.isEmpty());
    QVERIFY(!m_desk->window());
    QVERIFY(controller->signInDialog()->isVisible());
    QCOMPARE(controller->signInDialog()->usernameField()->text(), QStringLiteral("mario"));
    // Nothing kept: the next start asks for the password.
    QTest::qWait(200);
    Ui::DeskController *again = m_desk->makeController(true);
    again->start();
    QTRY_VERIFY_WITH_TIMEOUT(again->signInDialog()->isVisible() && !again->signInDialog()->isBusy(), 10000);
    QVERIFY(!m_desk->window());
}

void TestUiSignIn::firstStandaloneStartCreatesTheRestaurant()
{
    DeskFixture fresh;
    QVERIFY2(fresh.startServer(false), qPrintable(fresh.errorString()));
    QVERIFY(fresh.server()->needsSetup());
    Ui::DeskController *controller = fresh.makeController();
    controller->start();
    Ui::SignInDialog *dialog = controller->signInDialog();
    QTRY_VERIFY(dialog->isSetupMode());
    QCOMPARE(dialog->signInButton()->text(), QStringLiteral("Create the restaurant"));

    // Two passwords that differ are caught before anything is created.
    dialog->restaurantField()->setText(QStringLiteral("Little Lemon Chicago"));
    dialog->setupUsernameField()->setText(QStringLiteral("adrian"));
    dialog->setupPasswordField()->setText(QStringLiteral("Citrus-Grove-77"));
    dialog->setupRepeatField()->setText(QStringLiteral("Citrus-Grove-78"));
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    QCOMPARE(dialog->errorText(Field::Repeat), QStringLiteral("The two passwords are not the same."));
    // The server's own password rules, in its words.
    dialog->setupPasswordField()->setText(QStringLiteral("12345678"));
    dialog->setupRepeatField()->setText(QStringLiteral("12345678"));
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isBusy());
    QVERIFY2(dialog->errorText(Field::Repeat).contains(QStringLiteral("numeric")), qPrintable(dialog->errorText(Field::Repeat)));
    QVERIFY(fresh.server()->needsSetup());

    QSignalSpy opened(controller, &Ui::DeskController::sessionOpened);
    dialog->setupPasswordField()->setText(QStringLiteral("Citrus-Grove-77"));
    dialog->setupRepeatField()->setText(QStringLiteral("Citrus-Grove-77"));
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    QVERIFY(opened.wait(20000) || !opened.isEmpty());
    QVERIFY(!fresh.server()->needsSetup());
    QCOMPARE(fresh.server()->restaurantName(), QStringLiteral("Little Lemon Chicago"));
    // The first account can do everything: administrator and manager.
    const User &user = fresh.workspace()->user();
    QCOMPARE(user.username, QStringLiteral("adrian"));
    QVERIFY(user.isManager());
    // Without the server's "me" the client cannot tell an administrator
    // who manages from a manager; the server's own table can.
    if (fresh.workspace()->hasFeature(QStringLiteral("me")))
        QVERIFY(user.isAdmin());
    QList<Ui::LocalServer::Account> accounts;
    bool listed = false;
    fresh.server()->listAccounts(fresh.server(), [&](const QList<Ui::LocalServer::Account> &a, const QString &) {
        accounts = a;
        listed = true;
    });
    QTRY_VERIFY(listed);
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first().role, Role::Admin);
    QVERIFY(accounts.first().isManager);
    QVERIFY(fresh.window()->windowTitle().contains(QStringLiteral("Little Lemon Chicago")));
}

LL_UI_TEST_MAIN(TestUiSignIn)
#include "tst_ui_signin.moc"
