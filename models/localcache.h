#pragma once

#include "models/booking.h"
#include "models/category.h"
#include "models/diningtable.h"
#include "models/entity.h"
#include "models/jsoncodec.h"
#include "models/menuitem.h"
#include "models/order.h"
#include "models/user.h"

#include <memory>
#include <optional>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace LittleLemon {

// A row of the orders board: an order without its lines, as OrdersModel shows it.
struct OrderSummary
{
    qint64 id = 0;
    qint64 user = 0;
    QDate date;
    QDateTime placedAt; // UTC; invalid when the server does not tell (the cloud)
    QString itemsSummary; // "2× Lasagna, 1× Soda"
    int itemCount = 0;
    Money total;
    std::optional<qint64> deliveryCrew;
    std::optional<OrderStage> stage; // absent against a server without stages
    bool status = false;
    QString note;
    SyncState sync = SyncState::Synced;

    OrderStage effectiveStage() const
    {
        if (stage)
            return *stage;
        return status ? OrderStage::Delivered : OrderStage::Received;
    }
};

class LocalCachePrivate;
class StoreDatabase;

// The local cache of one server: what the user sees of the seven kinds of
// record (the server's copy of each with every unsent edit laid over it, so
// neither a pull nor a refused edit ever loses or hides a queued change), the
// server's copies themselves, the sync metadata, and the pulled data applied
// to them. Every commit emits precise change signals, which the item models
// listen to. A part of LocalStore (models/localstore.h), which opens it; the
// edits and their queue are the Outbox's (models/outbox.h).
class LocalCache : public QObject
{
    Q_OBJECT

public:
    // A full read of one collection (for group members: one group).
    struct Snapshot
    {
        Entity entity = Entity::Category;
        QString scope;
        QList<QJsonObject> records;
    };

    explicit LocalCache(StoreDatabase *db, QObject *parent = nullptr);
    ~LocalCache() override;

    // Why the last call failed (the store's one error, shared with the outbox).
    QString errorString() const;

    // ---- sync metadata (kept in the cache: a rebuilt cache starts over) ----
    QStringList serverFeatures() const;
    bool hasFeature(const QString &feature) const;
    bool setServerFeatures(const QStringList &features);
    qint64 changeSeq() const; // the last applied /api/changes sequence, 0 for none
    bool setChangeSeq(qint64 seq);
    QDateTime lastSyncTime() const;
    bool setLastSyncTime(const QDateTime &when);
    qint64 currentUserId() const; // the signed-in user, for records made offline
    bool setCurrentUserId(qint64 id);
    // Who signed in last, with their groups: what the CLI judges an edit by
    // before it queues it (models/permissions.h). id 0 before the first sync.
    User currentUser() const;
    bool setCurrentUser(const User &user);
    QString metaValue(const QString &key) const;
    bool setMetaValue(const QString &key, const QString &value);

    // ---- reads (what the user sees: server data with unsent edits on top) ----
    QList<Cached<Category>> categories() const;
    QList<Cached<Category>> categories(const QList<qint64> &ids) const;
    std::optional<Cached<Category>> category(qint64 id) const;
    QList<Cached<MenuItem>> menuItems() const;
    QList<Cached<MenuItem>> menuItems(const QList<qint64> &ids) const;
    std::optional<Cached<MenuItem>> menuItem(qint64 id) const;
    QList<OrderSummary> orderSummaries() const;
    QList<OrderSummary> orderSummaries(const QList<qint64> &ids) const;
    std::optional<Cached<Order>> order(qint64 id) const; // with lines and history
    QList<Cached<Booking>> bookingsOn(const QDate &date) const;
    QList<Cached<Booking>> bookings(const QList<qint64> &ids) const;
    std::optional<Cached<Booking>> booking(qint64 id) const;
    QList<Cached<DiningTable>> tables() const;
    QList<Cached<DiningTable>> tables(const QList<qint64> &ids) const;
    std::optional<Cached<DiningTable>> table(qint64 id) const;
    // Every group when `group` is empty.
    QList<Cached<GroupMember>> groupMembers(const QString &group = QString()) const;
    QList<Cached<GroupMember>> groupMembers(const QString &group, const QList<qint64> &userIds) const;
    QString userName(qint64 userId) const; // from the group lists; empty if unknown
    QHash<qint64, QString> userNames() const;
    int rowCount(Entity entity) const;
    // The server's copy of a record as last received, and its ETag.
    std::optional<QJsonObject> serverCopy(Entity entity, qint64 id, const QString &scope = QString()) const;
    QByteArray etag(Entity entity, qint64 id, const QString &scope = QString()) const;

    // ---- server data (the sync engine's pull) ----
    // A full read of a collection: records missing from it are deleted. Records
    // are the server's JSON as its list shows it; any invalid record refuses
    // the whole call (errorString() names it) and nothing changes.
    bool replaceAll(Entity entity, const QList<QJsonObject> &records, const QString &scope = QString());
    // Several full reads in one transaction, optionally recording the change
    // feed position they correspond to.
    bool replaceAll(const QList<Snapshot> &snapshots, std::optional<qint64> changeSeq = std::nullopt);
    // A page of GET /api/changes, applied in one transaction, its `next`
    // recorded as changeSeq(). Entities this cache does not know are skipped.
    bool applyChanges(const ChangeFeed &feed);
    // One record read or written on the server (GET or a write's answer).
    bool upsertFromServer(Entity entity, const QJsonObject &record, const QByteArray &etag = QByteArray(),
        const QString &scope = QString());
    // The server says the record is gone (a 404 on GET).
    bool removeFromServer(Entity entity, qint64 id, const QString &scope = QString());

signals:
    void changed(const LittleLemon::StoreChange &change);
    void syncMetaChanged();

private:
    friend class LocalCachePrivate;
    std::unique_ptr<LocalCachePrivate> d;
};

} // namespace LittleLemon
