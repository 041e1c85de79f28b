#pragma once

#include "models/user.h"
#include "ui/permissions.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace LittleLemon {
class LocalStore;
class MenuModel;
class CategoryModel;
class OrdersModel;
class TablesModel;
class OutboxModel;
namespace Client {
class ApiClient;
class SyncEngine;
} // namespace Client
} // namespace LittleLemon

namespace LittleLemon::Ui {

class LocalServer;

// Where the data lives, as the sign-in dialog offers it.
enum class ServerKind { Standalone, Lan, Cloud };

// One signed-in session of the staff terminal: the person, the local cache
// of their server, the sync engine that keeps it current, and the item
// models every page shares (10,000 orders are read once, not once per page).
// Pages get everything through this object and nothing else.
class Workspace : public QObject
{
    Q_OBJECT

public:
    Workspace(LocalStore *store, const User &user, ServerKind kind, QObject *parent = nullptr);
    ~Workspace() override;

    LocalStore *store() const { return m_store; }
    const User &user() const { return m_user; }
    ServerKind kind() const { return m_kind; }
    bool isStandalone() const { return m_kind == ServerKind::Standalone; }

    // How the server is named for people: "This computer", "192.168.1.10:8000".
    QString serverName() const { return m_serverName; }
    void setServerName(const QString &name) { m_serverName = name; }
    // A key for per-server settings (86 until end of day, ...).
    QString serverKey() const { return m_serverKey; }
    void setServerKey(const QString &key) { m_serverKey = key; }

    // Set by whoever made the workspace, which outlives it.
    Client::ApiClient *client() const { return m_client; }
    void setClient(Client::ApiClient *client) { m_client = client; }
    Client::SyncEngine *syncEngine() const { return m_sync; }
    void setSyncEngine(Client::SyncEngine *engine) { m_sync = engine; }
    // Whether the server answers now (no engine: no).
    bool isOnline() const;
    LocalServer *localServer() const { return m_localServer; }
    void setLocalServer(LocalServer *server) { m_localServer = server; }

    QStringList features() const { return m_features; }
    bool hasFeature(const QString &feature) const { return m_features.contains(feature); }
    Permissions permissions() const { return Permissions(m_user, m_features, isStandalone()); }

    // Shared item models, made on first use.
    MenuModel *menuModel();
    CategoryModel *categoryModel();
    OrdersModel *ordersModel();
    TablesModel *tablesModel();
    OutboxModel *outboxModel();

    // Asks for a sync round now (after an edit the user waits on).
    void syncNow() { Q_EMIT syncRequested(); }

Q_SIGNALS:
    void syncRequested();
    // The server's extensions (stages, bookings, ...) became known or changed.
    void featuresChanged();
    // Someone asked to sign out (menu, or the session ended on the server).
    void signOutRequested(const QString &reason);

private:
    void readFeatures();

    LocalStore *m_store;
    User m_user;
    ServerKind m_kind;
    QString m_serverName;
    QString m_serverKey;
    Client::ApiClient *m_client = nullptr;
    Client::SyncEngine *m_sync = nullptr;
    LocalServer *m_localServer = nullptr;
    QStringList m_features;
    MenuModel *m_menu = nullptr;
    CategoryModel *m_categories = nullptr;
    OrdersModel *m_orders = nullptr;
    TablesModel *m_tables = nullptr;
    OutboxModel *m_outbox = nullptr;
};

} // namespace LittleLemon::Ui
