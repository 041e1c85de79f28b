#pragma once

#include "api/server/demodata.h"
#include "api/server/serverconfig.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QSslConfiguration>
#include <QString>
#include <QTime>

#include <memory>
#include <optional>

namespace LittleLemon::Server {

class Backend;
class BackupScheduler;
class DataDirLock;
class EventHub;
class HttpServerAdapter;

// One running server on one data directory, in the order it must start and
// stop: the data directory's lock, the database (Backend), the demo data, the
// event hub, the listeners and the daily backups. littlelemon-server's main()
// and the desk's standalone mode both start one; what differs between them
// is only configuration (which address, TLS, page size, a hub's link to the
// cloud, which littlelemon-server adds on top of backend()).
//
// Lives on the thread that calls open(): every object it owns is used there.
class ServerInstance
{
    Q_DECLARE_TR_FUNCTIONS(LittleLemon::Server::ServerInstance)

public:
    explicit ServerInstance(ServerConfig config);
    ~ServerInstance();
    ServerInstance(const ServerInstance &) = delete;
    ServerInstance &operator=(const ServerInstance &) = delete;

    // Creates the data directory, takes its lock, opens (and migrates) the
    // database, and loads the demo restaurant into an empty one when the
    // configuration asks. False with *error in words; nothing is left open.
    bool open(QString *error);
    bool isOpen() const { return m_backend != nullptr; }

    // The accounts the demo data created at this start, with their
    // passwords (shown once); empty when none was loaded.
    const QList<DemoData::Account> &demoAccounts() const { return m_demoAccounts; }

    // A listener on address:port (0: any free port) serving this instance,
    // with the live event socket; HTTPS when `tls` is given. Owned here until
    // closeListener() or stop(). Null with *error when the port is taken.
    HttpServerAdapter *listen(const QHostAddress &address, quint16 port, QString *error,
                              const std::optional<QSslConfiguration> &tls = std::nullopt);
    // Closes one listener and every connection it holds.
    void closeListener(HttpServerAdapter *listener);

    // A fresh event hub: every open event socket is closed (its clients
    // connect again at once), e.g. after the LAN listener they came from went.
    void renewEvents();

    // Daily backups of the database into backupDir, the newest `keep` kept.
    void startBackups(const QString &backupDir, int keep, const QTime &dailyAt);

    Backend &backend() { return *m_backend; }
    EventHub &events() { return *m_events; }
    const ServerConfig &config() const { return m_config; }

    // Closes the listeners (clients see the server gone), the event sockets,
    // the backups, the database and the lock, in that order.
    void stop();

private:
    ServerConfig m_config;
    std::unique_ptr<DataDirLock> m_lock;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<EventHub> m_events;
    std::unique_ptr<BackupScheduler> m_backups;
    QList<HttpServerAdapter *> m_listeners;
    QList<DemoData::Account> m_demoAccounts;
};

} // namespace LittleLemon::Server
