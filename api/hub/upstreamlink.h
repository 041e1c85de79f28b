#pragma once

#include "models/entity.h"
#include "models/localstore.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace LittleLemon::Client {
class ApiClient;
class SyncEngine;
struct SyncReport;
} // namespace LittleLemon::Client

namespace LittleLemon::Server {
class Backend;
}

namespace LittleLemon::Hub {

// The site server as a hub to the cloud (issue 19): `littlelemon-server
// --upstream URL --upstream-user NAME --upstream-password-file FILE`.
//
// Only the hub talks to the cloud, as one manager account, with the desk's
// own sync engine (api/client SyncEngine over a LocalStore kept in the data
// directory: upstream-cache.sqlite, upstream-outbox.sqlite):
//
//   cloud ──pull (tail sync, paced)──▶ LocalStore cache ──mirror()──▶ hub database ──feed/push──▶ terminals
//   terminals ──writes──▶ hub database ──change log──▶ forward() ──▶ LocalStore outbox ──push, exactly once──▶ cloud
//
// - Mirror: categories, menu items, orders and the staff groups are written
//   into the hub's database with the cloud's ids (ServerStorage::mirror*),
//   each with its change-log entry, so terminals get them by the feed and
//   push like any other write. The cloud's customers become hub users
//   "cloud-user-<id>" (no password: they cannot sign in here); its
//   delivery crew and managers hub users of the same name (an existing
//   hub account of that name is that person). Rows made on the hub get ids
//   from kLocalIdBase on, so they never meet the cloud's.
// - Forward: the hub's change log is read from a cursor kept in the
//   LocalStore; for each menu item or order the cloud knows, the fields
//   the cloud has (title, price, featured, category; delivered or not,
//   delivery crew) are compared with the cache as the terminals' view
//   would send them (the cloud's copy with waiting edits on top) and a
//   difference becomes a LocalStore edit, i.e. an outbox entry that
//   survives a restart and is sent once (the engine reads before it
//   resends). A repeat after a crash finds no difference and queues
//   nothing. Stages short of delivered, notes, stage history, bookings,
//   tables, availability and hub-made rows have no place on the cloud and
//   stay on the hub: they never enter the outbox, so they can neither fail
//   there nor hold back what follows. Counter orders (the cloud creates
//   orders only from a customer's cart) and crew assignments of a member
//   who exists only on the hub say so once in a notice.
// - Conflicts: the cloud wins for menu edits (the hub takes the cloud's
//   version); for orders the later stage wins (delivered beats open, either
//   way); the cloud's crew is taken. Each is logged (category
//   littlelemon.hub) and kept as a notice in /api/meta's upstream.
class UpstreamLink : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kLocalIdBase = 1000000000;

    struct Settings
    {
        QString url;
        QString user;
        QString password;
        QString dataDir;
        int intervalMs = 5000;     // a sync cycle; a cloud order reaches the hub within one
        int forwardPollMs = 100;   // how often the hub's change log is looked at
    };

    struct Notice
    {
        QDateTime at;
        QString text;
    };

    UpstreamLink(Server::Backend &backend, Settings settings, QObject *parent = nullptr);
    ~UpstreamLink() override;

    bool open(QString *error);
    // Signs in and syncs from then on by itself.
    void start();

    // Called after the link wrote into the hub's database (the event hub's push).
    void setAfterWrite(std::function<void()> callback) { m_afterWrite = std::move(callback); }

    bool isOnline() const { return m_online; }
    QDateTime since() const { return m_since; }
    int waiting() const;
    QList<Notice> notices() const { return m_notices; }
    // /api/meta's "upstream" object.
    QByteArray statusJson() const;

    Client::SyncEngine *engine() const { return m_engine.get(); }
    LocalStore *store() const { return m_store.get(); }

Q_SIGNALS:
    void stateChanged(bool online);

private:
    void signIn();
    void setOnline(bool online);
    void onStoreChanged(const StoreChange &change);
    void onSyncFinished(const Client::SyncReport &report);
    void onConflict(qint64 seq, const QString &message);
    void onFailed(qint64 seq, const QString &message);
    void notice(const QString &text);

    // Hub → cloud: the hub's change log from the cursor on.
    void forward();
    void forwardMenuItem(qint64 id);
    void forwardOrder(qint64 id);
    // Cloud → hub: what the pulls changed in the cache.
    void mirror();
    void mirrorCategory(qint64 id);
    void mirrorMenuItem(qint64 id);
    void mirrorOrder(qint64 id);
    void mirrorMember(const QString &group, qint64 cloudId);
    // The hub user standing for a cloud user (made when missing).
    std::optional<qint64> hubUserFor(qint64 cloudUserId, bool crew);
    std::optional<qint64> cloudCrewFor(qint64 hubUserId) const;
    void afterWrite();

    Server::Backend &m_backend;
    Settings m_settings;
    std::unique_ptr<Client::ApiClient> m_client;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Client::SyncEngine> m_engine;
    std::function<void()> m_afterWrite;
    QTimer m_forwardTimer;
    QTimer m_signInRetry;
    qint64 m_cursor = 0;
    bool m_online = false;
    bool m_signedIn = false;
    bool m_mirrorAll = true;
    bool m_wrote = false;
    QDateTime m_since;
    QSet<qint64> m_dirtyCategories;
    QSet<qint64> m_dirtyMenuItems;
    QSet<qint64> m_dirtyOrders;
    QSet<qint64> m_removedCategories;
    QSet<qint64> m_removedMenuItems;
    QSet<qint64> m_removedOrders;
    bool m_dirtyMembers = false;
    QSet<qint64> m_reasserted; // orders whose delivered stage was sent again after the cloud reopened them
    QHash<qint64, qint64> m_hubUsers; // cloud user id → hub user id
    bool m_saidCounterOrders = false; // the notice that counter orders stay on the hub
    QSet<qint64> m_saidHubOnlyCrew;   // hub users named in a "crew on the hub only" notice
    QList<Notice> m_notices;
};

} // namespace LittleLemon::Hub
