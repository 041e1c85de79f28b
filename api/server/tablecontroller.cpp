#include "api/server/tablecontroller.h"

#include "api/server/etag.h"
#include "api/server/fieldreader.h"
#include "api/server/jsonwriter.h"
#include "api/server/pagination.h"
#include "api/server/serverstorage.h"
#include "models/fieldlimits.h"

namespace LittleLemon::Server {

namespace {
constexpr int kMaxNameLength = Limits::kTableName;
constexpr qint64 kMaxSeats = Limits::kTableSeats;

void readTable(FieldReader &body, ServerStorage &storage, DiningTable &t)
{
    if (const auto name = body.string(QStringLiteral("name"), kMaxNameLength)) {
        const auto other = storage.tableByName(*name);
        if (other && other->id != t.id)
            body.fail(QStringLiteral("name"), QCoreApplication::translate("LittleLemon::Server",
                                                                          "A table with this name already exists."));
        else
            t.name = *name;
    }
    if (const auto seats = body.integer(QStringLiteral("seats"), 1, kMaxSeats))
        t.seats = int(*seats);
}
} // namespace

TableController::TableController(const Services &services)
    : ResourceController(services, QStringLiteral("/api/tables"), Router::Access::Authenticated)
{
}

Response TableController::list(RequestContext &context)
{
    require(context, &Permissions::readTables);
    const PageWindow w = PageWindow::resolve(context, m_storage.tableCount(), m_config.pageSize);
    return w.respond(context, Wire::array(m_storage.tables(w.offset, w.limit)));
}

Response TableController::create(RequestContext &context)
{
    require(context, &Permissions::manageTables);
    FieldReader body(context.object(), false);
    DiningTable t;
    readTable(body, m_storage, t);
    body.throwIfErrors();
    return ETag::respond(201, Wire::object(m_storage.createTable(t)));
}

Response TableController::retrieve(RequestContext &context)
{
    require(context, &Permissions::readTables);
    const auto t = m_storage.table(context.id());
    if (!t)
        throw HttpError::notFound();
    return ETag::respond(200, Wire::object(*t));
}

Response TableController::update(RequestContext &context, bool partial)
{
    require(context, &Permissions::manageTables);
    auto t = m_storage.table(context.id());
    if (!t)
        throw HttpError::notFound();
    const QByteArray current = Wire::object(*t);
    FieldReader body(context.object(), partial);
    readTable(body, m_storage, *t);
    body.throwIfErrors();
    ETag::require(context, current);
    m_storage.updateTable(*t);
    return ETag::respond(200, Wire::object(*t));
}

Response TableController::destroy(RequestContext &context)
{
    require(context, &Permissions::manageTables);
    const auto t = m_storage.table(context.id());
    if (!t)
        throw HttpError::notFound();
    ETag::require(context, Wire::object(*t));
    if (m_storage.activeBookingsOfTable(t->id, QDate::currentDate()) > 0) {
        throw HttpError::detail(400, tr("Table %1 still has bookings from today on; move or cancel them first.")
                                         .arg(t->name));
    }
    m_storage.deleteTable(t->id);
    return Response::noContent();
}

} // namespace LittleLemon::Server
