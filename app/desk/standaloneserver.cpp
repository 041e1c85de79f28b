#include "standaloneserver.h"

#include "api/server/backend.h"
#include "api/server/httpserveradapter.h"
#include "api/server/passwordpolicy.h"
#include "api/server/passwordworker.h"
#include "api/server/serverinstance.h"
#include "api/server/serverstorage.h"
#include "api/server/useradmin.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkInterface>
#include <QPointer>
#include <QStandardPaths>

namespace LittleLemon::Desk {

Q_LOGGING_CATEGORY(lcStandalone, "littlelemon.desk.standalone", QtInfoMsg)

using namespace LittleLemon::Server;

namespace {
QString restaurantFile(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("restaurant-name"));
}

QString readRestaurantName(const QString &dataDir)
{
    QFile f(restaurantFile(dataDir));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

bool writeRestaurantName(const QString &dataDir, const QString &name)
{
    QFile f(restaurantFile(dataDir));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(name.trimmed().toUtf8()) >= 0;
}
} // namespace

// Everything that touches the server's objects, on the server's thread.
class StandaloneServer::Worker : public QObject
{
    // Its messages are the standalone server's (QObject's own tr() would
    // give them a context lupdate cannot see).
    Q_DECLARE_TR_FUNCTIONS(LittleLemon::Desk::StandaloneServer)

public:
    struct StartResult
    {
        QString error;
        QUrl url;
        bool needsSetup = false;
        QString restaurant;
        QList<DemoAccountInfo> demo;
    };

    StartResult start(const StandaloneOptions &options)
    {
        StartResult r;
        stopAll();
        m_options = options;
        ServerConfig config;
        config.address = QHostAddress::LocalHost;
        config.port = options.preferredPort;
        config.dataDir = options.dataDir;
        // One restaurant's own server: pages big enough for a first sync in a
        // few requests, and throttling that never gets in a terminal's way.
        config.pageSize = 100;
        config.throttleAnon = 600;
        config.throttleUser = 6000;
        config.demoData = options.demoData;
        config.hashIterations = options.hashIterations;
        config.hashThreads = PasswordWorker::defaultThreads();
        config.groupCommit = true;
        m_server = std::make_unique<ServerInstance>(config);
        if (!m_server->open(&r.error)) {
            m_server.reset();
            return r;
        }
        if (!m_server->demoAccounts().isEmpty()) {
            for (const auto &a : m_server->demoAccounts())
                r.demo.append({ a.role, a.username, a.password });
            writeRestaurantName(options.dataDir, tr("Little Lemon (demo)"));
            qCInfo(lcStandalone) << "demo restaurant loaded into" << options.dataDir;
        }
        try {
            r.needsSetup = m_server->backend().storage().userCount() == 0;
        } catch (const StorageError &e) {
            r.error = QString::fromUtf8(e.what());
            m_server.reset();
            return r;
        }
        m_loopback = m_server->listen(QHostAddress::LocalHost, options.preferredPort, &r.error);
        if (!m_loopback && options.preferredPort != 0) {
            // Taken by someone else since last time: any free port will do.
            r.error.clear();
            m_loopback = m_server->listen(QHostAddress::LocalHost, 0, &r.error);
        }
        if (!m_loopback) {
            m_server.reset();
            return r;
        }
        // The restaurant's data lives on this PC only: a daily copy, the
        // newest 14 kept, in <data>/backups.
        m_server->startBackups(QDir(options.dataDir).filePath(QStringLiteral("backups")), 14, QTime(3, 0));
        r.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_loopback->port()));
        r.restaurant = readRestaurantName(options.dataDir);
        qCInfo(lcStandalone) << "standalone server on" << r.url.toString() << "data in" << options.dataDir;
        return r;
    }

    bool stopAll()
    {
        m_lan = nullptr;
        m_loopback = nullptr;
        m_server.reset(); // listeners first, then the event sockets, backups, database and lock
        return true;
    }

    QString serveNetwork(bool on, quint16 port)
    {
        const bool wasServing = m_lan != nullptr;
        if (m_server && m_lan) {
            m_server->closeListener(m_lan);
            m_lan = nullptr;
            // The LAN terminals' event sockets outlive their listener: a new
            // hub closes them all (this desk's own socket comes back at once).
            if (wasServing && m_loopback)
                m_server->renewEvents();
        }
        if (!on)
            return {};
        if (!m_server)
            return tr("The restaurant's server is not running.");
        QString error;
        m_lan = m_server->listen(QHostAddress::Any, port, &error);
        if (!m_lan)
            return tr("Cannot serve the network on port %1: %2").arg(port).arg(error);
        qCInfo(lcStandalone) << "serving the network on port" << port;
        return {};
    }

    QString createRestaurant(const QString &name, const QString &username, const QString &email,
                             const QString &password)
    {
        if (!m_server)
            return tr("The restaurant's server is not running.");
        try {
            ServerStorage &storage = m_server->backend().storage();
            if (storage.userCount() > 0)
                return tr("This restaurant already has accounts: sign in instead.");
            if (const QStringList problems = PasswordPolicy::problems(password, username, email); !problems.isEmpty())
                return problems.join(u' ');
            Database::Transaction tx(storage.database());
            QString error;
            // An administrator who is also a manager: one person can run
            // everything (menu items need an administrator, prices a manager).
            if (!UserAdmin(storage).add(username, Role::Admin, email, password, m_options.hashIterations, &error))
                return error;
            const auto user = storage.userByUsername(username);
            const auto managers = storage.groupByName(kManagerGroup);
            if (!user || !managers)
                return tr("The staff roles are missing from the database.");
            storage.addMember(user->user.id, managers->id);
            tx.commit();
        } catch (const StorageError &e) {
            return QString::fromUtf8(e.what());
        }
        writeRestaurantName(m_options.dataDir, name);
        qCInfo(lcStandalone) << "restaurant created with its first account" << username;
        return {};
    }

    std::pair<QList<Account>, QString> listAccounts()
    {
        if (!m_server)
            return { {}, tr("The restaurant's server is not running.") };
        QList<Account> out;
        try {
            for (const auto &[u, active] : UserAdmin(m_server->backend().storage()).listWithState())
                out.append({ u.id, u.username, u.email, u.role(), u.isManager(), active });
        } catch (const StorageError &e) {
            return { {}, QString::fromUtf8(e.what()) };
        }
        return { out, QString() };
    }

    QString createAccount(const Account &account, const QString &password)
    {
        if (!m_server)
            return tr("The restaurant's server is not running.");
        if (const QStringList problems = PasswordPolicy::problems(password, account.username, account.email);
            !problems.isEmpty())
            return problems.join(u' ');
        try {
            QString error;
            if (!UserAdmin(m_server->backend().storage())
                     .add(account.username, account.role, account.email, password, m_options.hashIterations, &error))
                return error;
        } catch (const StorageError &e) {
            return QString::fromUtf8(e.what());
        }
        qCInfo(lcStandalone) << "account" << account.username << "created as" << toWire(account.role);
        return {};
    }

    QString resetPassword(const QString &username, const QString &password)
    {
        if (!m_server)
            return tr("The restaurant's server is not running.");
        try {
            const auto user = m_server->backend().storage().userByUsername(username);
            if (!user)
                return tr("No account is called %1.").arg(username);
            if (const QStringList problems = PasswordPolicy::problems(password, username, user->user.email);
                !problems.isEmpty())
                return problems.join(u' ');
            QString error;
            if (!UserAdmin(m_server->backend().storage()).setPassword(username, password, m_options.hashIterations, &error))
                return error;
        } catch (const StorageError &e) {
            return QString::fromUtf8(e.what());
        }
        qCInfo(lcStandalone) << "password of" << username << "reset";
        return {};
    }

    QString changeAccount(const QString &username, AccountChange change)
    {
        if (!m_server)
            return tr("The restaurant's server is not running.");
        try {
            UserAdmin admin(m_server->backend().storage());
            QString error;
            const bool done = change == AccountChange::Delete ? admin.remove(username, &error)
                : change == AccountChange::SignOutEverywhere  ? admin.signOutEverywhere(username, &error)
                                                              : admin.setActive(username, change == AccountChange::Activate, &error);
            if (!done)
                return error;
        } catch (const StorageError &e) {
            return QString::fromUtf8(e.what());
        }
        qCInfo(lcStandalone) << "account" << username << "changed:" << int(change);
        return {};
    }

    std::pair<QString, QString> issueRefreshToken(const QString &username)
    {
        if (!m_server)
            return { QString(), tr("The restaurant's server is not running.") };
        try {
            const auto user = m_server->backend().storage().userByUsername(username);
            if (!user || !user->active)
                return { QString(), tr("No account is called %1.").arg(username) };
            return { m_server->backend().tokens().issue(QStringLiteral("refresh"), user->user.id, user->tokenGeneration), QString() };
        } catch (const StorageError &e) {
            return { QString(), QString::fromUtf8(e.what()) };
        }
    }

private:
    StandaloneOptions m_options;
    std::unique_ptr<ServerInstance> m_server;
    // Owned by m_server.
    HttpServerAdapter *m_loopback = nullptr;
    HttpServerAdapter *m_lan = nullptr;
};

StandaloneServer::StandaloneServer(StandaloneOptions options, QObject *parent)
    : Ui::LocalServer(parent)
    , m_options(std::move(options))
    , m_worker(new Worker)
    , m_networkPort(m_options.networkPort)
{
    if (m_options.dataDir.isEmpty())
        m_options.dataDir = defaultDataDir();
    m_thread.setObjectName(QStringLiteral("standalone-server"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

StandaloneServer::~StandaloneServer()
{
    // Close the sockets and the database on their own thread, then end it.
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->stopAll(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString StandaloneServer::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/standalone");
}

template<typename Result>
void StandaloneServer::run(std::function<Result(Worker &)> work, QObject *context,
                           std::function<void(const Result &)> then)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    Worker *worker = m_worker;
    // `this` outlives every task: the destructor waits for the thread.
    QMetaObject::invokeMethod(worker, [this, worker, work = std::move(work), then = std::move(then), guard, hasContext] {
        Result result = work(*worker);
        QMetaObject::invokeMethod(
            this,
            [then, guard, hasContext, result = std::move(result)] {
                if (hasContext && !guard)
                    return;
                if (then)
                    then(result);
            },
            Qt::QueuedConnection);
    });
}

void StandaloneServer::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void StandaloneServer::start()
{
    if (m_state == State::Starting || m_state == State::Running)
        return;
    m_error.clear();
    setState(State::Starting);
    const StandaloneOptions options = m_options;
    run<Worker::StartResult>([options](Worker &w) { return w.start(options); }, this,
                             [this](const Worker::StartResult &r) {
                                 if (!r.error.isEmpty()) {
                                     m_error = r.error;
                                     qCWarning(lcStandalone) << "standalone server did not start:" << r.error;
                                     setState(State::Failed);
                                     return;
                                 }
                                 m_url = r.url;
                                 // Next start: the same port, so the cache and the
                                 // keychain entry made for this address stay valid.
                                 m_options.preferredPort = quint16(r.url.port());
                                 m_needsSetup = r.needsSetup;
                                 m_restaurant = r.restaurant;
                                 m_demoAccounts = r.demo;
                                 setState(State::Running);
                             });
}

void StandaloneServer::stop()
{
    if (m_state == State::Stopped)
        return;
    run<bool>([](Worker &w) { return w.stopAll(); }, this, [this](const bool &) {
        const bool wasServing = m_serving;
        m_serving = false;
        setState(State::Stopped);
        if (wasServing)
            Q_EMIT networkServingChanged(false);
    });
}

QStringList StandaloneServer::networkAddresses() const
{
    QStringList out;
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (a.isLoopback() || a.isLinkLocal() || a.protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        out << QStringLiteral("%1:%2").arg(a.toString()).arg(m_networkPort);
    }
    return out;
}

void StandaloneServer::serveNetwork(bool on, quint16 port, QObject *context, Done done)
{
    run<QString>([on, port](Worker &w) { return w.serveNetwork(on, port); }, context,
                 [this, on, port, done](const QString &error) {
                     const bool was = m_serving;
                     m_serving = on && error.isEmpty();
                     if (m_serving)
                         m_networkPort = port;
                     if (was != m_serving)
                         Q_EMIT networkServingChanged(m_serving);
                     if (done)
                         done(error);
                 });
}

void StandaloneServer::createRestaurant(const QString &name, const QString &username, const QString &email,
                                        const QString &password, QObject *context, Done done)
{
    run<QString>([=](Worker &w) { return w.createRestaurant(name, username, email, password); }, context,
                 [this, name, done](const QString &error) {
                     if (error.isEmpty()) {
                         m_needsSetup = false;
                         m_restaurant = name.trimmed();
                         Q_EMIT accountsChanged();
                     }
                     if (done)
                         done(error);
                 });
}

void StandaloneServer::listAccounts(QObject *context,
                                    std::function<void(const QList<Account> &, const QString &)> done)
{
    using Answer = std::pair<QList<Account>, QString>;
    run<Answer>([](Worker &w) { return w.listAccounts(); }, context,
                [done](const Answer &a) {
                    if (done)
                        done(a.first, a.second);
                });
}

void StandaloneServer::createAccount(const Account &account, const QString &password, QObject *context, Done done)
{
    run<QString>([account, password](Worker &w) { return w.createAccount(account, password); }, context,
                 [this, done](const QString &error) {
                     if (error.isEmpty())
                         Q_EMIT accountsChanged();
                     if (done)
                         done(error);
                 });
}

void StandaloneServer::resetPassword(const QString &username, const QString &password, QObject *context, Done done)
{
    run<QString>([username, password](Worker &w) { return w.resetPassword(username, password); }, context,
                 [done](const QString &error) {
                     if (done)
                         done(error);
                 });
}

void StandaloneServer::changeAccount(const QString &username, AccountChange change, QObject *context, Done done)
{
    run<QString>([username, change](Worker &w) { return w.changeAccount(username, change); }, context,
                 [this, done](const QString &error) {
                     if (error.isEmpty())
                         Q_EMIT accountsChanged();
                     if (done)
                         done(error);
                 });
}

void StandaloneServer::issueRefreshToken(const QString &username, QObject *context,
                                         std::function<void(const QString &, const QString &)> done)
{
    using Answer = std::pair<QString, QString>;
    run<Answer>([username](Worker &w) { return w.issueRefreshToken(username); }, context,
                [done](const Answer &a) {
                    if (done)
                        done(a.first, a.second);
                });
}

} // namespace LittleLemon::Desk
