#pragma once

// What the parts of SyncEngine share (syncengine.cpp, syncenginepull.cpp);
// not for other code.

#include "api/client/syncengine.h"
#include "models/entity.h"

#include <QString>

namespace LittleLemon::Client::SyncDetail {

inline const QString kId = QStringLiteral("id");

// Meta keys of the order tail (OrderTailReader) in the cache.
inline const QString kOrdersCount = QStringLiteral("sync.orders.count");
inline const QString kOrdersPageSize = QStringLiteral("sync.orders.page-size");
inline constexpr qint64 kMinuteMs = 60 * 1000;
// Orders moving (or an edit of ours) this recently: the desk is busy.
inline constexpr qint64 kBusyMs = 2 * 60 * 1000;

inline QString entityLabel(Entity entity)
{
    switch (entity) {
    case Entity::Category:
        return SyncEngine::tr("categories");
    case Entity::MenuItem:
        return SyncEngine::tr("menu items");
    case Entity::Order:
        return SyncEngine::tr("orders");
    case Entity::Booking:
        return SyncEngine::tr("bookings");
    case Entity::Table:
        return SyncEngine::tr("tables");
    case Entity::GroupMember:
        return SyncEngine::tr("staff");
    }
    return QString();
}

} // namespace LittleLemon::Client::SyncDetail
