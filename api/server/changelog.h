#pragma once

#include "api/server/database.h"
#include "models/user.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace LittleLemon::Server {

// The kinds of row the change feed carries, as stored (small integers) and
// as named on the wire ("menu-item", "group-membership", ...).
enum class ChangeKind : int { Category = 1, MenuItem = 2, Order = 3, Booking = 4, Table = 5, GroupMembership = 6 };

// Who may see a row, stored beside each change so the feed can be filtered
// without reading the row itself: an order's customer and delivery crew, a
// booking's owner, and flags (a menu item customers do not see).
struct ChangeScope
{
    std::optional<qint64> owner;
    std::optional<qint64> crew;
    int flags = 0;
    static constexpr int kHiddenFromCustomers = 1;
    // A delivery-crew membership: the kitchen and the crew read these names (issue 14).
    static constexpr int kCrewMembership = 2;
};

// The caller of the feed or of an event socket, by role.
struct ChangeViewer
{
    qint64 userId = 0;
    bool manager = false;
    bool admin = false;
    bool crew = false;
    bool kitchen = false; // our extension: every order, nothing else of the managers'
    bool customer() const { return !manager && !admin && !crew && !kitchen; }
    static ChangeViewer of(const User &user)
    {
        return { user.id, user.isManager(), user.isAdmin(), user.isDeliveryCrew(), user.isKitchen() };
    }
};

// The `changes` extension: every insert, update and delete of the feed's
// rows, written by ServerStorage in the transaction of the write itself,
// numbered by one global sequence (SQLite AUTOINCREMENT, never reused).
//
// Compaction happens as the log is written: each row keeps only its latest
// entry (an upsert with the row as its own GET shows it, or a tombstone), so
// the log never holds more than one entry per row however often the row
// changes, and reading from `since` = N still brings every row changed after
// N in its final state. Reading from 0 is therefore a full snapshot.
//
// Visibility follows the full reads: managers see every order, delivery
// crew the orders assigned to them, everyone else their own; bookings per
// owner (managers and admins all); tables for staff; memberships for managers
// and admins; unavailable menu items appear to customers as deletes. When an
// order leaves a delivery person's view (reassigned), they get a delete of
// their own (an entry with that user as its audience). When a user's role
// changes, every row whose visibility changes for them gets such an entry
// of their own: a delete for what they no longer see, a copy of the row for
// what they see now; so any position they hold stays valid and the promise
// holds across the change.
class ChangeLog
{
public:
    struct Entry
    {
        qint64 seq = 0;
        ChangeKind kind = ChangeKind::Category;
        qint64 rowId = 0;
        qint64 audience = 0; // 0: everyone the scope allows; > 0: that user only
        bool deleted = false;
        ChangeScope scope;
        QByteArray data; // upserts only, and only when read with data (read())
    };

    explicit ChangeLog(Database &db);

    // The change table (schema migration step).
    static void createSchema(Database &db);

    // Records the row's latest state (replacing its previous entry).
    qint64 upsert(ChangeKind kind, qint64 rowId, const QByteArray &data, const ChangeScope &scope);
    // Records the row's deletion (a tombstone seen by whoever saw the row).
    qint64 remove(ChangeKind kind, qint64 rowId, const ChangeScope &scope);
    // A delete only `userId` sees: the row left their view.
    void revoke(ChangeKind kind, qint64 rowId, qint64 userId);
    // The row is theirs to see again: their private entry goes.
    void unrevoke(ChangeKind kind, qint64 rowId, qint64 userId);
    // A user's role changed from `before` to `after` (same user): entries of
    // their own for every row they now see differently.
    void viewChanged(const ChangeViewer &before, const ChangeViewer &after);
    // Whether any row of this kind has an entry (migrations fill the log once).
    bool hasEntry(ChangeKind kind, qint64 rowId);

    // The highest sequence number ever given (0: none).
    qint64 latest();

    // Up to `limit` entries after `since` that `viewer` sees, in order, data
    // included. *scannedTo gets how far the log was read: the last entry's
    // seq when `limit` were found, otherwise latest().
    QList<Entry> read(const ChangeViewer &viewer, qint64 since, int limit, qint64 *scannedTo);
    // Every entry after `since`, for everyone (no data): the event hub
    // filters per socket with visibleOp().
    QList<Entry> readAll(qint64 since, int limit);

    // What `viewer` sees of `entry`: nullopt (nothing), or whether it is a
    // delete for them (a hidden menu item is a delete to a customer).
    static std::optional<bool> visibleAsDelete(const ChangeViewer &viewer, const Entry &entry);
    static QByteArray wireName(ChangeKind kind);

private:
    qint64 write(ChangeKind kind, qint64 rowId, qint64 audience, bool deleted, const ChangeScope &scope,
                 const QByteArray &data);

    Database &m_db;
};

} // namespace LittleLemon::Server
