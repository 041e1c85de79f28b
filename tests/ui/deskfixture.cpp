#include "deskfixture.h"

#include "api/client/authsession.h"
#include "api/client/requestjob.h"
#include "api/client/tokenstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>

namespace LittleLemon::Test {

namespace {
std::unique_ptr<QTemporaryDir> &home()
{
    static std::unique_ptr<QTemporaryDir> dir;
    return dir;
}

template<typename Job>
bool waitFor(Job *job, int timeoutMs = 15000)
{
    bool done = false;
    QObject::connect(job, &Client::ApiJob::finished, [&done] { done = true; });
    return QTest::qWaitFor([&] { return done; }, timeoutMs);
}
} // namespace

void prepareUiEnvironment()
{
    home() = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/ll-ui-test-XXXXXX"));
    const QString root = home()->path();
    QDir(root).mkpath(QStringLiteral("runtime"));
    QFile::setPermissions(root + QStringLiteral("/runtime"), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                                 | QFileDevice::ExeOwner);
    qputenv("HOME", root.toUtf8());
    qputenv("XDG_CONFIG_HOME", (root + QStringLiteral("/config")).toUtf8());
    qputenv("XDG_DATA_HOME", (root + QStringLiteral("/data")).toUtf8());
    qputenv("XDG_CACHE_HOME", (root + QStringLiteral("/cache")).toUtf8());
    qputenv("XDG_RUNTIME_DIR", (root + QStringLiteral("/runtime")).toUtf8());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
}

void useScreen(int width, int height)
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty() && !platform.startsWith("offscreen"))
        return;
    const QString path = home()->path() + QStringLiteral("/offscreen-screen.json");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    const QJsonObject screen { { QStringLiteral("name"), QStringLiteral("Test screen") },
                               { QStringLiteral("x"), 0 },
                               { QStringLiteral("y"), 0 },
                               { QStringLiteral("width"), width },
                               { QStringLiteral("height"), height },
                               { QStringLiteral("logicalDpi"), 96 },
                               { QStringLiteral("logicalBaseDpi"), 96 },
                               { QStringLiteral("dpr"), 1 } };
    const QJsonObject config { { QStringLiteral("screens"), QJsonArray { screen } } };
    file.write(QJsonDocument(config).toJson());
    file.close();
    qputenv("QT_QPA_PLATFORM", ("offscreen:configfile=" + path).toUtf8());
}

DeskFixture::DeskFixture()
    : m_dir(std::make_unique<QTemporaryDir>())
{
    qRegisterMetaType<Ui::MainWindow *>();
    // Each fixture starts from nothing remembered.
    QSettings().clear();
}

DeskFixture::~DeskFixture()
{
    m_controller.reset();
    for (Client::ApiClient *c : std::as_const(m_api))
        delete c;
    m_server.reset();
}

bool DeskFixture::startServer(bool restaurant)
{
    Desk::StandaloneOptions options;
    options.dataDir = m_dir->filePath(QStringLiteral("server"));
    options.hashIterations = kHashIterations;
    m_server = std::make_unique<Desk::StandaloneServer>(options);
    m_server->start();
    if (!QTest::qWaitFor([this] { return m_server->state() != Ui::LocalServer::State::Starting; }, 20000)
        || m_server->state() != Ui::LocalServer::State::Running) {
        m_error = QStringLiteral("server did not start: ") + m_server->errorString();
        return false;
    }
    if (!restaurant)
        return true;
    TestRestaurant builder(m_server.get());
    QSignalSpy finished(&builder, &TestRestaurant::finished);
    builder.run();
    if ((!finished.wait(60000) && finished.isEmpty()) || !builder.succeeded()) {
        m_error = QStringLiteral("the test restaurant was not built: ") + builder.errorString();
        return false;
    }
    return true;
}

bool DeskFixture::stopServer()
{
    m_server->stop();
    return QTest::qWaitFor([this] { return m_server->state() == Ui::LocalServer::State::Stopped; }, 10000);
}

bool DeskFixture::restartServer()
{
    m_server->start();
    return QTest::qWaitFor([this] { return m_server->state() == Ui::LocalServer::State::Running; }, 20000);
}

Ui::DeskController *DeskFixture::makeController(bool silentSignIn, bool standalone)
{
    m_controller.reset();
    Ui::DeskController::Options options;
    options.standalone = standalone;
    options.silentSignIn = silentSignIn;
    m_controller = std::make_unique<Ui::DeskController>(m_server.get(), options);
    QObject::connect(m_controller.get(), &Ui::DeskController::sessionOpened, [this] {
        // Tests wait for the engine, not for a quiet half-second.
        engine()->setDebounce(20);
        engine()->setBackoff(100, 400);
    });
    return m_controller.get();
}

bool DeskFixture::signIn(const QString &username, const QString &password, bool keep, const QString &serverAddress)
{
    if (!m_controller)
        makeController();
    QSignalSpy opened(m_controller.get(), &Ui::DeskController::sessionOpened);
    Ui::SignInDialog *dialog = m_controller->signInDialog();
    if (!dialog->isVisible())
        m_controller->start();
    const bool local = serverAddress.isEmpty();
    dialog->setTarget({ local ? Ui::ServerKind::Standalone : Ui::ServerKind::Lan, serverAddress });
    dialog->usernameField()->setText(username);
    dialog->passwordField()->setText(password);
    dialog->setKeepSignedIn(keep);
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    if (!opened.wait(local ? 20000 : 30000) && opened.isEmpty()) {
        m_error = QStringLiteral("no session opened; the dialog says: %1 %2 %3")
                      .arg(dialog->errorText(Ui::SignInDialog::Field::General),
                           dialog->errorText(Ui::SignInDialog::Field::Password),
                           dialog->errorText(Ui::SignInDialog::Field::Username));
        return false;
    }
    // The first sync fills the cache.
    return waitSynced(local ? 15000 : 60000);
}

Ui::MainWindow *DeskFixture::window() const
{
    return m_controller ? m_controller->mainWindow() : nullptr;
}

Ui::Workspace *DeskFixture::workspace() const
{
    return m_controller ? m_controller->workspace() : nullptr;
}

Client::SyncEngine *DeskFixture::engine() const
{
    return m_controller ? m_controller->syncEngine() : nullptr;
}

LocalStore *DeskFixture::store() const
{
    return m_controller ? m_controller->store() : nullptr;
}

bool DeskFixture::waitSynced(int timeoutMs)
{
    Client::SyncEngine *e = engine();
    if (!e)
        return false;
    const int runs = e->runCount();
    e->syncNow();
    const bool ok = QTest::qWaitFor(
        [&] {
            return e->runCount() > runs && !e->isSyncing() && e->pendingCount() == 0 && e->lastReport().ok;
        },
        timeoutMs);
    if (!ok)
        m_error = QStringLiteral("not synced: %1 pending, status: %2").arg(e->pendingCount()).arg(e->statusMessage());
    return ok;
}

Client::ApiClient *DeskFixture::apiAs(const QString &username)
{
    if (Client::ApiClient *c = m_api.value(username); c && c->endpoint().base() == m_server->url())
        return c;
    delete m_api.take(username);
    auto *client = new Client::ApiClient(Client::ServerEndpoint::fromUserInput(m_server->url().toString()));
    m_api.insert(username, client);
    QString token;
    bool done = false;
    m_server->issueRefreshToken(username, client, [&](const QString &t, const QString &) {
        token = t;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000) || token.isEmpty()) {
        m_error = QStringLiteral("no token for %1").arg(username);
        return client;
    }
    done = false;
    client->session()->tokenStore()->save(client->endpoint().key(), username, token, client,
                                          [&](bool) { done = true; });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        m_error = QStringLiteral("the token of %1 was not kept").arg(username);
    if (!waitFor(client->session()->restore(username)))
        m_error = QStringLiteral("%1 was not signed in").arg(username);
    return client;
}

QJsonObject DeskFixture::serverGet(const QString &path, const QString &username)
{
    return serverWrite("GET", path, QJsonObject(), username);
}

QJsonObject DeskFixture::serverWrite(const QByteArray &method, const QString &path, const QJsonObject &body,
                                     const QString &username, int *status)
{
    Client::ApiClient *client = apiAs(username);
    Client::Request r = method == "GET" ? Client::Request::get(path) : Client::Request::write(method, path, body);
    r.acceptedStatuses = { 400, 403, 404 };
    Client::RequestJob *job = client->send(r);
    job->setAutoDelete(false);
    waitFor(job);
    if (status)
        *status = job->httpStatus();
    const QJsonObject out = job->json().toObject();
    job->deleteLater();
    return out;
}

} // namespace LittleLemon::Test
