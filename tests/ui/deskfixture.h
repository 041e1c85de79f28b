#pragma once

// A real staff terminal for UI tests: littlelemon-server's code running in
// this process (StandaloneServer, the same as `littlelemon-desk
// --standalone`) with the demo restaurant and its demo activity, known
// passwords, and the desk's controller signing in through the real dialog.

#include "api/client/apiclient.h"
#include "api/client/syncengine.h"
#include "models/localstore.h"
#include "standaloneserver.h"
#include "testrestaurant.h"
#include "ui/deskcontroller.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"
#include "ui/workspace.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace LittleLemon::Test {

// Before QApplication: a throwaway HOME (XDG folders) so settings, caches and
// keychain fallbacks of the person running the tests are never touched, and
// no D-Bus session, so tokens stay in memory.
void prepareUiEnvironment();
// Before QApplication, after prepareUiEnvironment(): the offscreen platform
// gets one screen of this size (the 1366x768 laptop, say) instead
// of its default 800x600. QT_SCALE_FACTOR then scales it as a display would.
void useScreen(int width, int height);

class DeskFixture
{
public:
    static constexpr int kHashIterations = 1000;
    static inline const QString &kManagerPassword = TestRestaurant::kManagerPassword; // "mario"
    static inline const QString &kCrewPassword = TestRestaurant::kCrewPassword;       // "crew"
    static inline const QString &kAdminPassword = TestRestaurant::kAdminPassword;     // "admin"

    DeskFixture();
    ~DeskFixture();

    // Starts the in-process server on a fresh data directory, with the test
    // restaurant (TestRestaurant) unless `empty`. False with errorString().
    bool startServer(bool restaurant = true);
    QString errorString() const { return m_error; }
    Desk::StandaloneServer *server() const { return m_server.get(); }
    bool stopServer();
    bool restartServer();

    // A controller as the desk makes it (no silent sign-in unless asked);
    // `standalone` as with --standalone: this computer's server is chosen.
    Ui::DeskController *makeController(bool silentSignIn = false, bool standalone = true);
    Ui::DeskController *controller() const { return m_controller.get(); }
    // Signs in through the dialog as a person would and waits for the window
    // and the first sync: to this computer's server, or with `serverAddress`
    // to "a server on this network" there (our server, the cloud peer).
    bool signIn(const QString &username, const QString &password, bool keep = false,
                const QString &serverAddress = QString());

    Ui::MainWindow *window() const;
    Ui::Workspace *workspace() const;
    Client::SyncEngine *engine() const;
    LocalStore *store() const;

    // Waits until the engine has sent everything and finished a good run.
    bool waitSynced(int timeoutMs = 15000);
    // Reads one resource from the server, signed in as `username`, bypassing the desk.
    QJsonObject serverGet(const QString &path, const QString &username = QStringLiteral("mario"));
    QJsonObject serverWrite(const QByteArray &method, const QString &path, const QJsonObject &body,
                            const QString &username = QStringLiteral("mario"), int *status = nullptr);

private:
    Client::ApiClient *apiAs(const QString &username);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Desk::StandaloneServer> m_server;
    std::unique_ptr<Ui::DeskController> m_controller;
    QHash<QString, Client::ApiClient *> m_api;
    QString m_error;
};

} // namespace LittleLemon::Test

// main() for a UI test class: the environment first, then the application.
#define LL_UI_TEST_MAIN(TestClass)                                                                                     \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        LittleLemon::Test::prepareUiEnvironment();                                                                     \
        QApplication app(argc, argv);                                                                                  \
        QApplication::setApplicationName(QStringLiteral("littlelemon-desk-test"));                                     \
        QApplication::setOrganizationName(QStringLiteral("Little Lemon Tests"));                                       \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                                       \
        TestClass tc;                                                                                                  \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }

// The same on a screen of `width` x `height` pixels.
#define LL_UI_TEST_MAIN_SCREEN(TestClass, width, height)                                                               \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        LittleLemon::Test::prepareUiEnvironment();                                                                     \
        LittleLemon::Test::useScreen(width, height);                                                                   \
        QApplication app(argc, argv);                                                                                  \
        QApplication::setApplicationName(QStringLiteral("littlelemon-desk-test"));                                     \
        QApplication::setOrganizationName(QStringLiteral("Little Lemon Tests"));                                       \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                                       \
        TestClass tc;                                                                                                  \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
