#include "models/entity.h"

#include <QCoreApplication>

namespace LittleLemon {

namespace {
struct EntityName
{
    Entity entity;
    const char *wire;
};
constexpr EntityName kEntities[] = {
    { Entity::Category, "category" },
    { Entity::MenuItem, "menu-item" },
    { Entity::Order, "order" },
    { Entity::Booking, "booking" },
    { Entity::Table, "table" },
    { Entity::GroupMember, "group-membership" },
};
} // namespace

QString entityWireName(Entity entity)
{
    for (const auto &e : kEntities)
        if (e.entity == entity)
            return QString::fromLatin1(e.wire);
    Q_UNREACHABLE();
}

std::optional<Entity> entityFromWireName(QStringView name)
{
    for (const auto &e : kEntities)
        if (name == QLatin1String(e.wire))
            return e.entity;
    return std::nullopt;
}

const QList<Entity> &allEntities()
{
    static const QList<Entity> all { Entity::Category, Entity::MenuItem, Entity::Order, Entity::Booking,
        Entity::Table, Entity::GroupMember };
    return all;
}

QString displayName(SyncState state)
{
    switch (state) {
    case SyncState::Synced:
        return QCoreApplication::translate("LittleLemon::SyncState", "Saved on the server");
    case SyncState::Pending:
        return QCoreApplication::translate("LittleLemon::SyncState", "Not sent yet");
    case SyncState::Failed:
        return QCoreApplication::translate("LittleLemon::SyncState", "Refused by the server");
    case SyncState::Conflict:
        return QCoreApplication::translate("LittleLemon::SyncState", "Changed by someone else");
    }
    Q_UNREACHABLE();
}

} // namespace LittleLemon
