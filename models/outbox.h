#pragma once

#include "models/booking.h"
#include "models/diningtable.h"
#include "models/entity.h"
#include "models/menuitem.h"
#include "models/order.h"
#include "models/outboxentry.h"

#include <memory>
#include <optional>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>

namespace LittleLemon {

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

class LocalCache;
class OutboxPrivate;
class StoreDatabase;

// The outbox: the user's edits not yet on the server. Each edit checks its
// input, queues a typed command (models/outboxcommand.h) and lays what it
// changes over the cache, in ONE transaction with the cache (LocalCache).
// The sync engine drives each entry through its states: pending → sending →
// done (gone), or back to pending, or failed / conflict until the user
// retries, resolves or discards it. A part of LocalStore
// (models/localstore.h), which opens it.
class Outbox : public QObject
{
    Q_OBJECT

public:
    Outbox(StoreDatabase *db, LocalCache *cache, QObject *parent = nullptr);
    ~Outbox() override;

    // Why the last call failed (the store's one error, shared with the cache).
    QString errorString() const;

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

    // ---- the queue, for the sync engine ----
    QList<OutboxEntry> entries() const; // every entry, in push order
    QList<OutboxEntry> entries(const QList<qint64> &seqs) const;
    std::optional<OutboxEntry> entry(qint64 seq) const;
    // The next pending entries in push order, skipping those blocked on an
    // unsent create (OutboxEntry::isBlocked()), those behind an entry for
    // the same record that is still being sent, and those of `excluded`
    // entities (bookings and tables kept local on a server without them).
    QList<OutboxEntry> nextToSend(int limit = 1, const QList<Entity> &excluded = {}) const;
    // About to send: state "sending", one more attempt. A crash leaves it
    // "sending"; opening the store puts it back to "pending" (resend with the
    // same key).
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
    int count() const; // every entry

signals:
    void changed(const LittleLemon::OutboxChange &change);
    void countsChanged(int pending, int failed, int conflicts);

private:
    friend class OutboxPrivate;
    std::unique_ptr<OutboxPrivate> d;
};

} // namespace LittleLemon
