#pragma once

#include <optional>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>
#include <utility>

namespace LittleLemon {

// The kinds of record the local cache mirrors. Their wire names are the
// `entity` values of GET /api/changes ("menu-item", "group-membership", ...).
enum class Entity { Category, MenuItem, Order, Booking, Table, GroupMember };

QString entityWireName(Entity entity);
std::optional<Entity> entityFromWireName(QStringView name);
const QList<Entity> &allEntities();

// Where a cached row stands against the server: nothing unsent, an edit
// waiting in the outbox (or being sent), an edit the server refused, or an
// edit that clashes with someone else's.
enum class SyncState { Synced = 0, Pending = 1, Failed = 2, Conflict = 3 };

QString displayName(SyncState state); // "Not sent yet", translated

// A record as the cache holds it, with whether unsent edits touch it.
template<typename T> struct Cached
{
    T record;
    SyncState sync = SyncState::Synced;
};

// A member of a staff group (GET /api/groups/{group}/users).
struct GroupMember
{
    QString group;
    qint64 userId = 0; // negative while a member added offline has no server id yet
    QString username;
    QString email;

    bool operator==(const GroupMember &o) const
    {
        return group == o.group && userId == o.userId && username == o.username && email == o.email;
    }
    bool operator!=(const GroupMember &o) const { return !(*this == o); }
};

// What one commit of the store changed in one entity (and, for group members,
// one group: `scope`). Ids are the row ids item models key on; `renamed`
// carries a temporary local id replaced by the server's id. Item models apply
// renamed, then removed, then updated, then inserted.
struct StoreChange
{
    Entity entity = Entity::Category;
    QString scope;
    QList<qint64> inserted;
    QList<qint64> updated;
    QList<qint64> removed;
    QList<std::pair<qint64, qint64>> renamed; // old id → new id

    bool isEmpty() const
    {
        return inserted.isEmpty() && updated.isEmpty() && removed.isEmpty() && renamed.isEmpty();
    }
};

// What one commit changed in the outbox, by entry sequence number.
struct OutboxChange
{
    QList<qint64> inserted;
    QList<qint64> updated;
    QList<qint64> removed;

    bool isEmpty() const { return inserted.isEmpty() && updated.isEmpty() && removed.isEmpty(); }
};

} // namespace LittleLemon

Q_DECLARE_METATYPE(LittleLemon::Entity)
Q_DECLARE_METATYPE(LittleLemon::SyncState)
Q_DECLARE_METATYPE(LittleLemon::StoreChange)
Q_DECLARE_METATYPE(LittleLemon::OutboxChange)
