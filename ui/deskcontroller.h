#pragma once

#include "models/apierror.h"
#include "models/backoff.h"
#include "models/user.h"
#include "ui/signindialog.h"
#include "ui/workspace.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace LittleLemon {
class LocalStore;
namespace Client {
class ApiClient;
class ServerEndpoint;
class SyncEngine;
} // namespace Client
} // namespace LittleLemon

namespace LittleLemon::Ui {

class LocalServer;
class MainWindow;

// The staff terminal's life: sign in (silently when the keychain holds a
// valid sign-in, else through the dialog), open the session — the local
// cache of that server and user, the sync engine, the main window — and
// sign out back to the dialog. Standalone mode starts the in-process server
// first; a first start creates the restaurant; the demo signs in as its
// manager. Nothing here waits: every step is a job or a callback.
class DeskController : public QObject
{
    Q_OBJECT

public:
    // Where the signed-in person is kept in the cache, for a start without the network.
    static const QString kCachedUserKey;

    struct Options
    {
        bool standalone = false; // start this computer's server and choose it
        bool demo = false;       // sign in as the demo manager (standalone demo data)
        QString demoUser = QStringLiteral("mario");
        bool silentSignIn = true;
        int syncIntervalMs = 15000;
    };

    DeskController(LocalServer *localServer, Options options, QObject *parent = nullptr);
    ~DeskController() override;

    void start();

    SignInDialog *signInDialog() const { return m_dialog; }
    MainWindow *mainWindow() const { return m_window; }
    Workspace *workspace() const { return m_workspace; }
    Client::SyncEngine *syncEngine() const { return m_engine; }
    Client::ApiClient *client() const { return m_client; }
    LocalStore *store() const { return m_store; }
    LocalServer *localServer() const { return m_local; }

    void signIn(const SignInTarget &target, const QString &username, const QString &password, bool keepSignedIn);
    void createRestaurant(const QString &name, const QString &username, const QString &email, const QString &password,
                          bool keepSignedIn);
    // Back to the sign-in dialog; `reason` is shown there when not empty.
    void signOut(const QString &reason = QString());

Q_SIGNALS:
    void sessionOpened(LittleLemon::Ui::MainWindow *window);
    void sessionClosed();
    // The person closed the sign-in dialog without signing in.
    void quitRequested();

private:
    void showDialog(const QString &notice = QString());
    void ensureLocal(std::function<void()> then);
    bool resetClient(const SignInTarget &target, QString *error);
    void trySilent(const SignInTarget &target, const QString &username);
    // The person as last signed in to this server, from its cache; nullopt
    // when this computer has no copy of that server's data for them.
    std::optional<User> cachedUser(const QString &serverKey, const QString &username) const;
    // Cache first: the window opens on this computer's copy at once, the
    // sign-in happens behind it (again and again while the server is away).
    void signInBehind(const SignInTarget &target, const QString &username);
    void signInDemo();
    void showSignInError(const ApiError &error, bool standalone);
    void remember(const SignInTarget &target, const QString &username, bool keep) const;
    // `signedIn` false: opened from the cache; the engine starts once signed in.
    void openSession(const SignInTarget &target, const User &user, bool signedIn = true);
    void onSignedIn(const SignInTarget &target, const User &user);
    void teardown();
    QString serverName(const SignInTarget &target) const;

    QPointer<LocalServer> m_local;
    Options m_options;
    SignInDialog *m_dialog;
    Client::ApiClient *m_client = nullptr;
    LocalStore *m_store = nullptr;
    Client::SyncEngine *m_engine = nullptr;
    Workspace *m_workspace = nullptr;
    MainWindow *m_window = nullptr;
    bool m_signingOut = false;
    QTimer m_signInRetry;
    Backoff m_signInBackoff { 2000, 60000 }; // sign-in retries while the server is away
};

} // namespace LittleLemon::Ui
