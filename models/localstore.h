#pragma once

#include "models/booking.h"
#include "models/category.h"
#include "models/diningtable.h"
#include "models/entity.h"
#include "models/jsoncodec.h"
#include "models/menuitem.h"
#include "models/order.h"
#include "models/outboxentry.h"
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

// What a local edit did: the record's id (a new temporary negative id for a
// create) and the outbox entry that will carry it to the server.
struct LocalEdit
{
    bool ok = false;
    qint64 id = 0;
    qint64 seq = 0; // 0 when nothing had to be queued (an unsent create taken back)
    QString uuid;
    QString error;

    explicit operator bool() const { return ok; }
};

struct CounterOrderLine
{
    qint64 menuitem = 0;
    int quantity = 1;
    QString note = QString(); // at most Limits::kLineNote; sent where the server has line_notes
};

class LocalStorePrivate;

// The local cache of one server for one user, and the outbox of edits not yet
// on that server. Two SQLite files: the cache (a mirror the server can always
// rebuild) and the outbox (the user's unsent work, which nothing else can
// rebuild), opened on one connection so an edit and its outbox entry commit
// together. A corrupt cache is set aside and rebuilt; the outbox survives it.
//
// What the cache shows is the server's copy of each record with every unsent
// edit laid over it, so neither a pull nor a refused edit ever loses or hides
// a queued change. Every commit emits precise change signals.
class LocalStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int kCacheSchemaVersion = 2;
    static constexpr int kOutboxSchemaVersion = 2;

    struct Paths
    {
        QString cache;
        QString outbox;
    };

    // What open() found and repaired.
    struct OpenReport
    {
        bool cacheRebuilt = false;
        QString cacheSetAsidePath; // where the damaged cache went
        bool outboxRebuilt = false;
        QString outboxSetAsidePath;
        int requeued = 0; // entries found in "sending" and put back in the queue
    };

    // A full read of one collection (for group members: one group).
    struct Snapshot
    {
        Entity entity = Entity::Category;
        QString scope;
        QList<QJsonObject> records;
    };

    // The files for a server ("http://host:8000") and a user, under
    // QStandardPaths::AppDataLocation.
    static Paths pathsFor(const QString &serverKey, const QString &username);
    // "HTTP://Host:8000/" → "http://host:8000"
    static QString normalizedServerKey(const QString &serverKey);

    explicit LocalStore(QObject *parent = nullptr);
    ~LocalStore() override;

    bool open(const Paths &paths);
    void close();
    bool isOpen() const;
    QString errorString() const;
    const OpenReport &openReport() const;
    Paths paths() const;
    // The QSqlDatabase connection name (read-only inspection in tests).
    QString connectionName() const;

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

    // ---- local edits: applied to the cache and queued in ONE transaction ----
    LocalEdit setMenuItemTitle(qint64 id, const QString &title);
    LocalEdit setMenuItemPrice(qint64 id, Money price);
    LocalEdit setMenuItemFeatured(qint64 id, bool featured);
    LocalEdit setMenuItemAvailable(qint64 id, bool available);
    LocalEdit setMenuItemCategory(qint64 id, qint64 categoryId);
    LocalEdit createMenuItem(const MenuItem &item); // item.id is ignored
    LocalEdit deleteMenuItem(qint64 id);
    LocalEdit createCategory(const QString &title, const QString &slug = QString());
    LocalEdit renameCategory(qint64 id, const QString &title);
    // PATCH {"stage"} on a server with stages, else {"status"} (delivered or not).
    LocalEdit setOrderStage(qint64 id, OrderStage stage);
    LocalEdit setOrderStatus(qint64 id, bool delivered);
    LocalEdit assignDeliveryCrew(qint64 id, std::optional<qint64> userId);
    // POST /api/orders {"items": [{"menuitem","quantity"}], "note"} (counter_orders).
    LocalEdit createCounterOrder(const QList<CounterOrderLine> &lines, const QString &note = QString());
    LocalEdit createBooking(const Booking &booking); // booking.id is ignored
    LocalEdit updateBooking(const Booking &booking); // sends the fields that differ
    LocalEdit setBookingStatus(qint64 id, BookingStatus status);
    LocalEdit cancelBooking(qint64 id);
    LocalEdit deleteBooking(qint64 id);
    LocalEdit createTable(const DiningTable &table);
    LocalEdit updateTable(const DiningTable &table);
    LocalEdit deleteTable(qint64 id);
    // POST /api/groups/{group}/users {"username"}; the user's id when known.
    LocalEdit addGroupMember(const QString &group, const QString &username, qint64 knownUserId = 0,
        const QString &email = QString());
    LocalEdit removeGroupMember(const QString &group, qint64 userId);

    // ---- the outbox, for the sync engine ----
    QList<OutboxEntry> outboxEntries() const; // every entry, in push order
    QList<OutboxEntry> outboxEntries(const QList<qint64> &seqs) const;
    std::optional<OutboxEntry> outboxEntry(qint64 seq) const;
    // The next pending entries in push order, skipping those blocked on an
    // unsent create (OutboxEntry::isBlocked()), those behind an entry for
    // the same record that is still being sent, and those of `excluded`
    // entities (bookings and tables kept local on a server without them).
    QList<OutboxEntry> nextToSend(int limit = 1, const QList<Entity> &excluded = {}) const;
    // About to send: state "sending", one more attempt. A crash leaves it
    // "sending"; open() puts it back to "pending" (resend with the same key).
    bool markSending(qint64 seq);
    // Not sent after all (offline, throttled): back in the queue, `note` kept.
    bool markPending(qint64 seq, const QString &note = QString());
    // The server took it. `answer` is its reply body: the record for writes
    // that return one (stored as the server's copy), {"order_id",...} for a
    // counter order, anything else otherwise. A create's temporary id is
    // replaced by the server's everywhere (rows, references, other entries).
    bool markDone(qint64 seq, const QJsonValue &answer = QJsonValue(), const QByteArray &etag = QByteArray());
    // Refused (validation, permission, gone): kept with the server's words,
    // and the cache rolls back to the server's copy.
    bool markFailed(qint64 seq, const QString &message);
    // Someone else changed it first (412, or the server's fields differ from
    // the entry's base): `serverValue` becomes the server's copy; kept for the
    // user to resolve.
    bool markConflict(qint64 seq, const QJsonObject &serverValue, const QByteArray &etag = QByteArray(),
        const QString &message = QString());
    // Send mine again on top of the server's current version (new base, new ETag).
    bool resolveKeepMine(qint64 seq);
    // Drop mine, keep the server's version.
    bool resolveTakeTheirs(qint64 seq);
    // A refused or conflicting entry back into the queue unchanged.
    bool retry(qint64 seq);
    // Forget the entry (and, for a create, everything that depends on it).
    bool discard(qint64 seq);
    int pendingCount() const; // pending and sending
    int failedCount() const;
    int conflictCount() const;
    int outboxCount() const;

signals:
    void changed(const LittleLemon::StoreChange &change);
    void outboxChanged(const LittleLemon::OutboxChange &change);
    void outboxCountsChanged(int pending, int failed, int conflicts);
    void syncMetaChanged();

private:
    friend class LocalStorePrivate;
    std::unique_ptr<LocalStorePrivate> d;
};

} // namespace LittleLemon
