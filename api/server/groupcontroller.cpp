#include "api/server/groupcontroller.h"

#include "api/server/serverstorage.h"
#include "api/server/jsonwriter.h"

#include <QJsonArray>

namespace LittleLemon::Server {

namespace {
bool mayManage(const User &u)
{
    return bool(Permissions::onOurServer(u).seeStaff());
}
} // namespace

void GroupController::registerRoutes(Router &router)
{
    using M = Request::Method;
    const QString list = QStringLiteral("/api/groups/{group}/users");
    const QString item = QStringLiteral("/api/groups/{group}/users/{id}");
    router.add(list, Router::Access::Authenticated);
    router.on(list, M::Get, [this](RequestContext &c) { return this->list(c); });
    router.on(list, M::Post, [this](RequestContext &c) { return add(c); });
    router.add(item, Router::Access::Authenticated);
    router.on(item, M::Delete, [this](RequestContext &c) { return remove(c); });
}

GroupRecord GroupController::group(const RequestContext &context)
{
    const auto g = m_storage.groupByName(context.params().text(u"group"));
    if (!g)
        throw HttpError::error(404, tr("Group not found"));
    return *g;
}

Response GroupController::list(RequestContext &context)
{
    const GroupRecord g = group(context);
    // The kitchen and the crew read who the crew are (names on the cards);
    // every other list, and every change, is for managers.
    const bool crewList = g.name.compare(kDeliveryCrewGroup, Qt::CaseInsensitive) == 0;
    require(context, [crewList](const User &u) {
        return mayManage(u) || (crewList && (u.isKitchen() || u.isDeliveryCrew()));
    });
    // A plain array: the cloud does not paginate members.
    JsonWriter w;
    w.beginArray();
    for (const User &u : m_storage.groupMembers(g.id))
        Wire::writeMember(w, u);
    w.endArray();
    return Response::jsonBytes(200, w.take());
}

Response GroupController::add(RequestContext &context)
{
    require(context, &Permissions::seeStaff);
    const GroupRecord g = group(context);
    const QJsonValue username = context.object().value(QStringLiteral("username"));
    if (username.isUndefined() || username.isNull() || (username.isString() && username.toString().isEmpty()))
        throw HttpError::error(400, tr("'username' field is required."));
    if (!username.isString())
        throw HttpError::error(400, tr("'username' must be a string."));
    const auto record = m_storage.userByUsername(username.toString());
    if (!record)
        throw HttpError::error(404, tr("User not found"));
    if (!m_storage.addMember(record->user.id, g.id)) {
        throw HttpError::message(400, tr("User '%1' is already in group '%2'.").arg(record->user.username, g.name));
    }
    return Response::json(201, QJsonObject { { QStringLiteral("message"),
                                               tr("User '%1' added to group '%2'.").arg(record->user.username, g.name) } });
}

Response GroupController::remove(RequestContext &context)
{
    require(context, &Permissions::seeStaff);
    const GroupRecord g = group(context);
    const auto record = m_storage.userById(context.id());
    if (!record)
        throw HttpError::error(404, tr("User not found"));
    if (!m_storage.removeMember(record->user.id, g.id)) {
        throw HttpError::message(404, tr("User '%1' is not in the '%2' group.").arg(record->user.username, g.name));
    }
    return Response::json(200, QJsonObject { { QStringLiteral("message"),
                                               tr("User '%1' removed from group '%2'.").arg(record->user.username, g.name) } });
}

} // namespace LittleLemon::Server
