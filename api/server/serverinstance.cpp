#include "api/server/serverinstance.h"

#include "api/server/backend.h"
#include "api/server/backupscheduler.h"
#include "api/server/connectionguard.h"
#include "api/server/datadirlock.h"
#include "api/server/eventhub.h"
#include "api/server/httpserveradapter.h"
#include "api/server/requestbudget.h"
#include "api/server/serverstorage.h"

#include <QDir>

namespace LittleLemon::Server {

ServerInstance::ServerInstance(ServerConfig config)
    : m_config(std::move(config))
{
}

ServerInstance::~ServerInstance()
{
    stop();
}

bool ServerInstance::open(QString *error)
{
    stop();
    if (!QDir().mkpath(m_config.dataDir)) {
        *error = tr("cannot create the data directory %1").arg(m_config.dataDir);
        return false;
    }
    // `littlelemon-server restore` refuses while this instance serves from
    // the directory, and two servers never share it.
    m_lock = std::make_unique<DataDirLock>(m_config.dataDir);
    if (!m_lock->tryLock(error)) {
        m_lock.reset();
        return false;
    }
    m_backend = std::make_unique<Backend>(m_config);
    if (!m_backend->open(error)) {
        stop();
        return false;
    }
    if (m_config.demoData) {
        try {
            if (DemoData::isEmpty(m_backend->storage()))
                m_demoAccounts = DemoData::load(m_backend->storage(), m_config.hashIterations);
        } catch (const StorageError &e) {
            *error = tr("cannot load the demo data: %1").arg(QString::fromUtf8(e.what()));
            stop();
            return false;
        }
    }
    // Process-wide guards, from this instance's configuration.
    RequestBudget::global().setLimit(m_config.requestBufferBytes);
    ConnectionLimits::setMaxPerAddress(m_config.maxConnectionsPerAddress);
    // The `events` extension: every terminal sees the others' edits live.
    m_events = std::make_unique<EventHub>(*m_backend);
    return true;
}

HttpServerAdapter *ServerInstance::listen(const QHostAddress &address, quint16 port, QString *error,
                                          const std::optional<QSslConfiguration> &tls)
{
    if (!m_backend) {
        *error = tr("the server is not running");
        return nullptr;
    }
    Backend *backend = m_backend.get();
    auto *adapter = new HttpServerAdapter([backend](const Request &r) { return backend->handle(r); });
    if (tls)
        adapter->setTls(*tls);
    if (!adapter->listen(address, port, m_config.maxBodyBytes, error)) {
        delete adapter;
        return nullptr;
    }
    adapter->setEventHub(m_events.get());
    m_listeners.append(adapter);
    return adapter;
}

void ServerInstance::closeListener(HttpServerAdapter *listener)
{
    if (m_listeners.removeOne(listener))
        delete listener; // closes every connection it holds
}

void ServerInstance::renewEvents()
{
    if (!m_backend)
        return;
    // The old hub closes its sockets as it goes; the listeners are told of
    // the new one before anything can connect to them again.
    m_events.reset();
    m_events = std::make_unique<EventHub>(*m_backend);
    for (HttpServerAdapter *listener : std::as_const(m_listeners))
        listener->setEventHub(m_events.get());
}

void ServerInstance::startBackups(const QString &backupDir, int keep, const QTime &dailyAt)
{
    if (!m_backend || keep <= 0)
        return;
    m_backups = std::make_unique<BackupScheduler>(Backend::databasePath(m_config.dataDir), backupDir, keep, dailyAt);
    m_backups->start();
}

void ServerInstance::stop()
{
    // Deleting the adapters closes every connection they hold, so clients
    // see the server gone rather than a socket that still answers.
    qDeleteAll(m_listeners);
    m_listeners.clear();
    m_events.reset(); // closes the event sockets, before the backend they read goes
    m_backups.reset();
    m_backend.reset();
    m_lock.reset();
}

} // namespace LittleLemon::Server
