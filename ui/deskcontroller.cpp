#include "ui/deskcontroller.h"

#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/clienterrors.h"
#include "api/client/printhostapi.h"
#include "api/client/serverendpoint.h"
#include "api/client/syncengine.h"
#include "api/client/tokenstore.h"
#include "models/localstore.h"
#include "ui/bookingspage.h"
#include "ui/localserver.h"
#include "ui/mainwindow.h"
#include "ui/menupage.h"
#include "ui/networkservedialog.h"
#include "ui/orderboardpage.h"
#include "ui/outboxdialog.h"
#include "ui/printersdialog.h"
#include "print/printservice.h"
#include "ui/staffpage.h"
#include "ui/reportspage.h"
#include "ui/syncstatuswidget.h"
#include "ui/uilog.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QHostAddress>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

namespace LittleLemon::Ui {

using Client::ApiClient;
using Client::SyncEngine;

const QString DeskController::kCachedUserKey = QStringLiteral("desk/user");

namespace {

QJsonObject userToJson(const User &u)
{
    return { { QStringLiteral("id"), u.id },
             { QStringLiteral("username"), u.username },
             { QStringLiteral("email"), u.email },
             { QStringLiteral("groups"), QJsonArray::fromStringList(u.groups) },
             { QStringLiteral("is_staff"), u.isStaff } };
}

std::optional<User> userFromJson(const QByteArray &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text).object();
    if (o.isEmpty() || o.value(QStringLiteral("id")).toInteger() <= 0)
        return std::nullopt;
    User u;
    u.id = o.value(QStringLiteral("id")).toInteger();
    u.username = o.value(QStringLiteral("username")).toString();
    u.email = o.value(QStringLiteral("email")).toString();
    for (const QJsonValue &g : o.value(QStringLiteral("groups")).toArray())
        u.groups << g.toString();
    u.isStaff = o.value(QStringLiteral("is_staff")).toBool();
    return u;
}

bool sameRole(const User &a, const User &b)
{
    QStringList ga = a.groups;
    QStringList gb = b.groups;
    for (QString &g : ga)
        g = g.toLower();
    for (QString &g : gb)
        g = g.toLower();
    ga.sort();
    gb.sort();
    return a.id == b.id && a.isStaff == b.isStaff && ga == gb;
}

QString trustKey(const QString &serverKey)
{
    return QStringLiteral("trust/") + QString(serverKey).replace(u'/', u'_');
}
} // namespace

DeskController::DeskController(LocalServer *localServer, Options options, QObject *parent)
    : QObject(parent)
    , m_local(localServer)
    , m_options(std::move(options))
    , m_dialog(new SignInDialog(localServer))
{
    qRegisterMetaType<SignInTarget>();
    m_signInRetry.setSingleShot(true);
    connect(m_dialog, &SignInDialog::signInRequested, this, &DeskController::signIn);
    connect(m_dialog, &SignInDialog::setupRequested, this, &DeskController::createRestaurant);
    connect(m_dialog, &QDialog::rejected, this, &DeskController::quitRequested);
    connect(m_dialog, &SignInDialog::targetChanged, this, [this] {
        // Choosing "this computer" starts its server, so a first start can
        // offer to create the restaurant at once.
        if (m_dialog->target().kind == ServerKind::Standalone)
            ensureLocal({});
    });
    connect(m_dialog, &SignInDialog::trustRequested, this, [this](const QString &fingerprint) {
        QString error;
        const auto endpoint = Client::ServerEndpoint::fromUserInput(m_dialog->target().address, &error);
        if (endpoint.isValid())
            QSettings().setValue(trustKey(endpoint.key()), fingerprint);
        // The dialog signs in again at once with the certificate trusted.
    });

    // What was chosen last time.
    QSettings s;
    SignInTarget last;
    last.kind = ServerKind(std::clamp(s.value(QStringLiteral("signIn/kind"), int(ServerKind::Standalone)).toInt(), 0, 2));
    m_dialog->setAddresses(s.value(QStringLiteral("signIn/lanAddress")).toString(),
                           s.value(QStringLiteral("signIn/cloudUrl")).toString());
    m_dialog->setTarget(last);
    // A first start without --standalone: nothing is chosen for the person,
    // and no server starts on this computer until they choose it.
    if (!m_options.standalone && !m_options.demo && !s.contains(QStringLiteral("signIn/kind")))
        m_dialog->clearTarget();
    if (m_options.standalone)
        m_dialog->setTarget({ ServerKind::Standalone, QString() });
    m_dialog->setUsername(s.value(QStringLiteral("signIn/username")).toString());
    m_dialog->setKeepSignedIn(s.value(QStringLiteral("signIn/keep"), true).toBool());
}

DeskController::~DeskController()
{
    teardown();
    delete m_client;
    delete m_dialog;
}

void DeskController::start()
{
    // Whether "keep me signed in" can keep anything here, before anyone ticks it.
    auto *keychain = new Client::TokenStore(this);
    keychain->probe(this, [this, keychain](bool available) {
        m_dialog->setKeychainAvailable(available);
        keychain->deleteLater();
    });
    if (m_options.demo && m_local) {
        signInDemo();
        return;
    }
    QSettings s;
    const QString username = s.value(QStringLiteral("signIn/username")).toString();
    const bool keep = s.value(QStringLiteral("signIn/keep"), true).toBool();
    const SignInTarget target = m_dialog->target();
    if (m_options.silentSignIn && keep && !username.isEmpty()
        && (!m_options.standalone || target.kind == ServerKind::Standalone)) {
        if (target.kind == ServerKind::Standalone)
            ensureLocal([this, target, username] { trySilent(target, username); });
        else
            trySilent(target, username);
        return;
    }
    showDialog();
    if (target.kind == ServerKind::Standalone)
        ensureLocal({});
}

void DeskController::showDialog(const QString &notice)
{
    m_dialog->setBusy(false);
    m_dialog->setNotice(notice);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void DeskController::ensureLocal(std::function<void()> then)
{
    if (!m_local) {
        showDialog(tr("Standalone mode is not available here."));
        return;
    }
    if (m_local->state() == LocalServer::State::Running) {
        if (then)
            then();
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_local, &LocalServer::stateChanged, this, [this, then, connection](LocalServer::State state) {
        if (state == LocalServer::State::Starting)
            return;
        disconnect(*connection);
        if (state != LocalServer::State::Running) {
            showDialog();
            m_dialog->showError(SignInDialog::Field::General,
                                tr("The restaurant's server on this computer did not start: %1")
                                    .arg(m_local->errorString()));
            return;
        }
        // Other terminals were being served last time: serve them again.
        QSettings s;
        if (s.value(QStringLiteral("standalone/serveNetwork"), false).toBool()) {
            const quint16 port = quint16(s.value(QStringLiteral("standalone/networkPort"), 8000).toUInt());
            m_local->serveNetwork(true, port, this, [](const QString &error) {
                if (!error.isEmpty())
                    qCWarning(lcUi) << "not serving the network:" << error;
            });
        }
        if (then)
            then();
    });
    if (m_local->state() != LocalServer::State::Starting)
        m_local->start();
}

bool DeskController::resetClient(const SignInTarget &target, QString *error)
{
    Client::ServerEndpoint endpoint;
    if (target.kind == ServerKind::Standalone) {
        endpoint = Client::ServerEndpoint::fromUserInput(m_local ? m_local->url().toString() : QString(), error);
    } else {
        endpoint = Client::ServerEndpoint::fromUserInput(target.address, error);
        const QString host = endpoint.base().host();
        const bool loopback = QHostAddress(host).isLoopback() || host == QLatin1String("localhost");
        if (endpoint.isValid() && target.kind == ServerKind::Cloud && !endpoint.isHttps() && !loopback
            && !target.allowPlainHttp) {
            // The cloud speaks HTTPS; a plain address would send the password in the clear.
            // On this computer nothing crosses a network; elsewhere only when asked for.
            *error = tr("The cloud's address starts with https://. Behind a proxy you trust, tick "
                        "\"Allow plain HTTP\".");
            return false;
        }
    }
    if (!endpoint.isValid()) {
        if (error->isEmpty())
            *error = tr("This is not an address a server can have.");
        return false;
    }
    delete m_client;
    m_client = new ApiClient(endpoint, this);
    const QString fingerprint = QSettings().value(trustKey(endpoint.key())).toString();
    if (!fingerprint.isEmpty())
        m_client->setTrustedCertificate(fingerprint);
    connect(m_client, &ApiClient::untrustedCertificate, m_dialog, &SignInDialog::offerTrust);
    connect(m_client->session(), &Client::AuthSession::notice, this, [this](const QString &message) {
        if (m_window)
            m_window->statusBar()->showMessage(message, 15000);
        else
            m_dialog->setNotice(message);
    });
    // Pacing or a 429 holding requests back for more than 2 s: said where the
    // person looks, for as long as it lasts, so a quiet desk is never a mystery.
    connect(m_client, &ApiClient::waitingForRateLimit, this, [this](int seconds, const QString &text) {
        if (m_window)
            m_window->statusBar()->showMessage(text, seconds * 1000);
    });
    return true;
}

void DeskController::trySilent(const SignInTarget &target, const QString &username)
{
    QString error;
    if (!resetClient(target, &error)) {
        showDialog();
        return;
    }
    // Only a sign-in kept in the keychain opens anything by itself: after a
    // sign-out there is none, and the next person types their password.
    const QString key = m_client->endpoint().key();
    m_client->session()->tokenStore()->load(key, username, this, [this, target, username, key](const QString &token) {
        if (token.isEmpty()) {
            showDialog();
            m_dialog->setUsername(username);
            m_dialog->passwordField()->setFocus();
            return;
        }
        if (const auto cached = cachedUser(key, username)) {
            openSession(target, *cached, false);
            signInBehind(target, username);
            return;
        }
        m_dialog->setBusy(true, tr("Signing in as %1…").arg(username));
        m_dialog->show();
        m_client->session()->restore(username)->then(this, [this, target, username](const Client::Result<User> &r) {
            if (r) {
                openSession(target, r.value());
                return;
            }
            qCInfo(lcUi) << "silent sign-in did not work:" << ApiError::kindName(r.error().kind());
            const bool noToken = r.error().kind() == ApiError::Kind::Unauthorized;
            showDialog(noToken ? QString() : r.error().userMessage());
            if (!noToken)
                showSignInError(r.error(), target.kind == ServerKind::Standalone);
            m_dialog->setUsername(username);
            m_dialog->passwordField()->setFocus();
        });
    });
}

std::optional<User> DeskController::cachedUser(const QString &serverKey, const QString &username) const
{
    const LocalStore::Paths paths = LocalStore::pathsFor(serverKey, username);
    if (!QFile::exists(paths.cache))
        return std::nullopt;
    LocalStore probe;
    if (!probe.open(paths))
        return std::nullopt;
    const auto user = userFromJson(probe.cache()->metaValue(kCachedUserKey).toUtf8());
    probe.close();
    if (!user || user->username != username)
        return std::nullopt;
    return user;
}

void DeskController::signInBehind(const SignInTarget &target, const QString &username)
{
    m_client->session()->restore(username)->then(this, [this, target, username](const Client::Result<User> &r) {
        if (!m_workspace || m_signingOut)
            return; // signed out meanwhile
        if (r) {
            m_signInBackoff.reset();
            onSignedIn(target, r.value());
            return;
        }
        if (r.error().isTransient()) {
            // The server is away: keep working on this computer's copy, and ask again.
            const int delayMs = m_signInBackoff.delay();
            m_signInBackoff.fail();
            if (m_window)
                m_window->statusBar()->showMessage(
                    tr("Working on this computer's copy: %1 Trying again in %2 s.")
                        .arg(r.error().userMessage())
                        .arg(delayMs / 1000),
                    delayMs);
            m_signInRetry.disconnect();
            connect(&m_signInRetry, &QTimer::timeout, this,
                    [this, target, username] { signInBehind(target, username); });
            m_signInRetry.start(delayMs);
            return;
        }
        // Refused (expired, or the account changed): a person has to sign in;
        // the outbox keeps whatever was done meanwhile.
        signOut(r.error().userMessage());
    });
}

void DeskController::onSignedIn(const SignInTarget &target, const User &user)
{
    if (!sameRole(user, m_workspace->user())) {
        // Another role since last time: the pages are rebuilt for it.
        openSession(target, user, true);
        return;
    }
    m_store->cache()->setMetaValue(kCachedUserKey, QString::fromUtf8(QJsonDocument(userToJson(user)).toJson(QJsonDocument::Compact)));
    m_engine->start();
    qCInfo(lcUi) << "signed in behind the window as" << user.username;
}

void DeskController::signInDemo()
{
    m_dialog->setTarget({ ServerKind::Standalone, QString() });
    m_dialog->setBusy(true, tr("Opening the demo restaurant…"));
    m_dialog->show();
    ensureLocal([this] {
        const QString user = m_options.demoUser;
        m_local->issueRefreshToken(user, this, [this, user](const QString &token, const QString &error) {
            const SignInTarget target { ServerKind::Standalone, QString() };
            QString why = error;
            if (why.isEmpty())
                resetClient(target, &why);
            if (!why.isEmpty()) {
                showDialog();
                m_dialog->showError(SignInDialog::Field::General, why);
                return;
            }
            // The server made the token itself; the session picks it up like
            // one kept from an earlier sign-in.
            Client::TokenStore *tokens = m_client->session()->tokenStore();
            tokens->save(m_client->endpoint().key(), user, token, this, [this, target, user](bool) {
                m_client->session()->restore(user)->then(this, [this, target, user](const Client::Result<User> &r) {
                    if (!r) {
                        showDialog();
                        showSignInError(r.error(), true);
                        return;
                    }
                    remember(target, user, true);
                    openSession(target, r.value());
                });
            });
        });
    });
}

void DeskController::signIn(const SignInTarget &target, const QString &username, const QString &password,
                            bool keepSignedIn)
{
    m_dialog->clearErrors();
    m_dialog->setBusy(true, tr("Signing in…"));
    auto go = [this, target, username, password, keepSignedIn] {
        QString error;
        if (!resetClient(target, &error)) {
            m_dialog->setBusy(false);
            m_dialog->showError(target.kind == ServerKind::Standalone ? SignInDialog::Field::General
                                                                      : SignInDialog::Field::Address,
                                error);
            return;
        }
        qCInfo(lcUi) << "signing in as" << username << "at" << m_client->endpoint().displayName();
        m_client->session()->login(username, password)->then(this, [this, target, username, keepSignedIn](
                                                                        const Client::Result<User> &r) {
            if (!r) {
                m_dialog->setBusy(false);
                showSignInError(r.error(), target.kind == ServerKind::Standalone);
                return;
            }
            if (r->isCustomer()) {
                m_client->session()->logout();
                m_dialog->setBusy(false);
                m_dialog->showError(SignInDialog::Field::Username,
                                    tr("%1 is a customer account. Little Lemon Desk is for the restaurant's "
                                       "staff: managers and delivery crew.")
                                        .arg(username));
                return;
            }
            remember(target, username, keepSignedIn);
            if (!keepSignedIn) {
                // The session keeps its token in memory; nothing stays for next time.
                m_client->session()->tokenStore()->remove(m_client->endpoint().key(), username, this);
            }
            openSession(target, r.value());
        });
    };
    if (target.kind == ServerKind::Standalone)
        ensureLocal(go);
    else
        go();
}

void DeskController::createRestaurant(const QString &name, const QString &username, const QString &email,
                                      const QString &password, bool keepSignedIn)
{
    if (!m_local)
        return;
    m_dialog->clearErrors();
    m_dialog->setBusy(true, tr("Creating the restaurant…"));
    m_local->createRestaurant(name, username, email, password, this,
                              [this, username, password, keepSignedIn](const QString &error) {
                                  if (!error.isEmpty()) {
                                      m_dialog->setBusy(false);
                                      m_dialog->showError(SignInDialog::Field::Repeat, error);
                                      return;
                                  }
                                  m_dialog->setUsername(username);
                                  signIn({ ServerKind::Standalone, QString() }, username, password, keepSignedIn);
                              });
}

void DeskController::showSignInError(const ApiError &error, bool standalone)
{
    using Kind = ApiError::Kind;
    using Field = SignInDialog::Field;
    switch (error.kind()) {
    case Kind::Offline:
    case Kind::Timeout:
    case Kind::Tls:
        m_dialog->showError(standalone ? Field::General : Field::Address, error.userMessage());
        break;
    case Kind::Unauthorized:
        m_dialog->showError(Field::Password, error.userMessage());
        break;
    default:
        m_dialog->showError(Field::General, error.userMessage());
        break;
    }
}

void DeskController::remember(const SignInTarget &target, const QString &username, bool keep) const
{
    QSettings s;
    s.setValue(QStringLiteral("signIn/kind"), int(target.kind));
    if (target.kind == ServerKind::Lan)
        s.setValue(QStringLiteral("signIn/lanAddress"), target.address);
    else if (target.kind == ServerKind::Cloud)
        s.setValue(QStringLiteral("signIn/cloudUrl"), target.address);
    s.setValue(QStringLiteral("signIn/username"), username);
    s.setValue(QStringLiteral("signIn/keep"), keep);
}

QString DeskController::serverName(const SignInTarget &target) const
{
    switch (target.kind) {
    case ServerKind::Standalone:
        return m_local && !m_local->restaurantName().isEmpty() ? m_local->restaurantName() : tr("This computer");
    case ServerKind::Lan:
        return m_client->endpoint().displayName();
    case ServerKind::Cloud:
        return tr("Little Lemon cloud");
    }
    return {};
}

void DeskController::openSession(const SignInTarget &target, const User &user, bool signedIn)
{
    teardown();
    const QString serverKey = m_client->endpoint().key();
    m_store = new LocalStore(this);
    if (!m_store->open(LocalStore::pathsFor(serverKey, user.username))) {
        const QString why = m_store->errorString();
        delete m_store;
        m_store = nullptr;
        m_client->session()->logout();
        showDialog();
        m_dialog->showError(SignInDialog::Field::General, tr("Cannot open this computer's copy of the data: %1").arg(why));
        return;
    }
    m_workspace = new Workspace(m_store, user, target.kind, this);
    m_workspace->setServerName(serverName(target));
    m_workspace->setServerKey(serverKey);
    m_workspace->setClient(m_client);
    m_workspace->setLocalServer(target.kind == ServerKind::Standalone ? m_local.data() : nullptr);

    m_engine = new SyncEngine(m_client, m_store, this);
    m_engine->setInterval(m_options.syncIntervalMs);
    m_workspace->setSyncEngine(m_engine);
    connect(m_workspace, &Workspace::syncRequested, m_engine, &SyncEngine::syncNow);
    connect(m_workspace, &Workspace::signOutRequested, this, &DeskController::signOut);
    connect(m_engine, &SyncEngine::signInRequired, this, [this](const QString &message) {
        // The server ended the session: back to the dialog, work kept in the outbox.
        signOut(message);
    });

    m_window = new MainWindow(m_workspace);
    m_window->setAttribute(Qt::WA_DeleteOnClose, false);
    m_window->addPage(new OrderBoardPage(m_workspace));
    m_window->addPage(new MenuPage(m_workspace));
    m_window->addPage(new BookingsPage(m_workspace));
    m_window->addPage(new StaffPage(m_workspace));
    const Verdict staff = m_workspace->permissions().seeStaff();
    m_window->setPageAllowed(MainWindow::StaffPageId, staff.allowed, staff.reason);
    // Issue 18: the day's figures.
    m_window->addPage(new ReportsPage(m_workspace));
    const Verdict reports = m_workspace->permissions().seeReports();
    m_window->setPageAllowed(MainWindow::ReportsPageId, reports.allowed, reports.reason);

    auto *status = new SyncStatusWidget(m_engine);
    status->followUpstream(m_client); // issue 19: "Cloud: offline since 19:42, …" on a hub
    connect(status, &SyncStatusWidget::clicked, this, [this] {
        auto *dialog = new OutboxDialog(m_engine, m_store, m_workspace->outboxModel(), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_window->addStatusWidget(status);
    auto *outbox = new QAction(tr("Changes waiting for the server…"), m_window);
    outbox->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(outbox, &QAction::triggered, status, &SyncStatusWidget::clicked);
    m_window->deskMenu()->insertAction(m_window->signOutAction(), outbox);
    // A cycle follows the cloud from the tail of its lists; this reads every
    // page again (on the cloud, a request per three orders).
    auto *everything = new QAction(tr("Refresh everything from the server"), m_window);
    connect(everything, &QAction::triggered, m_engine, &SyncEngine::refreshEverything);
    m_window->deskMenu()->insertAction(m_window->signOutAction(), everything);
    // Printing (issue 17): the queue lives beside this session's store and ends with it.
    auto *printing = new Print::PrintService(m_store);
    QString printError;
    if (printing->open(&printError)) {
        // The restaurant's one kitchen print host, where the server records it
        // (print_host): this terminal keeps its lease while it prints, and
        // stops printing when another terminal took over.
        Client::PrintHostKeeper *keeper = nullptr;
        if (m_client) {
            keeper = new Client::PrintHostKeeper(m_client, printing->terminalId(), printing->terminalName(), printing);
            connect(keeper, &Client::PrintHostKeeper::lost, this, [this, printing](const QString &holder) {
                printing->setKitchenHost(false);
                m_window->statusBar()->showMessage(
                    tr("\"%1\" took over printing the kitchen's tickets; this terminal stopped printing them.")
                        .arg(holder));
            });
            m_client->whenDiscovered(keeper, [this, keeper, printing] {
                if (printing->isKitchenHost() && m_client->hasFeature(QStringLiteral("print_host")))
                    keeper->keep();
            });
        }
        auto *printers = new QAction(tr("Printers…"), m_window);
        connect(printers, &QAction::triggered, this, [this, printing, keeper] {
            auto *dialog = new PrintersDialog(m_store, printing, m_window);
            dialog->setPrintHostLease(m_client, keeper);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
        m_window->deskMenu()->insertAction(m_window->signOutAction(), printers);
    } else {
        qWarning("printing is off: %s", qPrintable(printError));
        delete printing;
    }
    if (target.kind == ServerKind::Standalone && m_local) {
        auto *serve = new QAction(tr("Serve the restaurant's network…"), m_window);
        connect(serve, &QAction::triggered, this, [this] {
            auto *dialog = new NetworkServeDialog(m_local, m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
        m_window->deskMenu()->insertAction(m_window->signOutAction(), serve);
    }
    m_window->deskMenu()->insertSeparator(m_window->signOutAction());
    connect(m_window, &MainWindow::signOutRequested, this, [this] { signOut(); });

    m_window->restoreState();
    m_window->show();
    m_dialog->setBusy(false);
    m_dialog->hide();
    if (signedIn) {
        m_store->cache()->setMetaValue(kCachedUserKey,
                              QString::fromUtf8(QJsonDocument(userToJson(user)).toJson(QJsonDocument::Compact)));
        m_engine->start();
    } else {
        m_window->statusBar()->showMessage(tr("Opened from this computer's copy; signing in…"), 5000);
    }
    qCInfo(lcUi) << "session open:" << user.username << "on" << m_workspace->serverName();
    Q_EMIT sessionOpened(m_window);
}

void DeskController::signOut(const QString &reason)
{
    if (!m_window || m_signingOut)
        return;
    m_signingOut = true;
    // The dialog first, so closing the window never looks like quitting.
    m_dialog->setUsername(m_workspace ? m_workspace->user().username : QString());
    m_dialog->passwordField()->clear();
    showDialog(reason.isEmpty() ? QString() : tr("You were signed out: %1").arg(reason));
    if (m_engine)
        m_engine->stop();
    m_window->close();
    // Sign-out may come from one of the window's own actions: take it apart
    // once that call has returned.
    QTimer::singleShot(0, this, [this, explicitly = reason.isEmpty()] {
        teardown();
        if (explicitly && m_client)
            m_client->session()->logout(); // forgets the keychain entry too
        m_signingOut = false;
        Q_EMIT sessionClosed();
    });
}

void DeskController::teardown()
{
    m_signInRetry.stop();
    delete m_window;
    m_window = nullptr;
    delete m_engine;
    m_engine = nullptr;
    delete m_workspace;
    m_workspace = nullptr;
    if (m_store) {
        m_store->close();
        delete m_store;
        m_store = nullptr;
    }
}

} // namespace LittleLemon::Ui
