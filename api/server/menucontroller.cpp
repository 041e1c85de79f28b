#include "api/server/menucontroller.h"

#include "api/server/etag.h"
#include "api/server/fieldreader.h"
#include "api/server/listfilters.h"
#include "api/server/pagination.h"
#include "api/server/serverstorage.h"
#include "api/server/jsonwriter.h"
#include "models/fieldlimits.h"

namespace LittleLemon::Server {

namespace {
// The cloud's MenuItem.price: DecimalField(max_digits=6, decimal_places=2).
constexpr int kPriceDigits = Limits::kPriceDigits;
constexpr int kPricePlaces = Limits::kPricePlaces;
} // namespace

MenuController::MenuController(const Services &services)
    : ResourceController(services, QStringLiteral("/api/menu-items"), Router::Access::Public)
{
}

Response MenuController::list(RequestContext &context)
{
    const Request &r = context.request();
    MenuQuery query;
    query.categorySlug = r.queryValue(u"category");
    const QString price = r.queryValue(u"price");
    if (!price.isEmpty()) {
        QString why;
        query.price = Money::parse(price, Money::ParseRules { false, 8 }, &why);
        if (!query.price)
            throw HttpError::field(QStringLiteral("price"), why);
    }
    query.searchTerms = ListFilters::searchTerms(r.queryValue(u"search"));
    // The availability extension: customers and anonymous callers do not
    // see what has run out; staff do (they put it back on).
    const User *user = context.user();
    query.onlyAvailable = !user || user->isCustomer();
    static constexpr std::pair<const char16_t *, MenuQuery::Ordering> orderings[] {
        { u"price", MenuQuery::Ordering::PriceAscending },
        { u"-price", MenuQuery::Ordering::PriceDescending },
    };
    query.ordering = ListFilters::ordering(r.queryValue(u"ordering"), orderings).value_or(query.ordering);
    const PageWindow w = PageWindow::resolve(context, m_storage.menuItemCount(query), m_config.pageSize);
    return w.respond(context, Wire::array(m_storage.menuItems(query, w.offset, w.limit)));
}

namespace {
void readMenuItem(FieldReader &body, ServerStorage &storage, MenuItem &m)
{
    if (const auto title = body.string(QStringLiteral("title"), Limits::kTitle))
        m.title = *title;
    if (const auto price = body.money(QStringLiteral("price"), kPriceDigits, kPricePlaces))
        m.price = *price;
    // Required on a full create or replace, as the cloud requires it (its
    // model field has no default): 400 {"featured": ["This field is required."]}.
    if (const auto featured = body.boolean(QStringLiteral("featured")))
        m.featured = *featured;
    if (body.has(QStringLiteral("available"))) {
        if (const auto available = body.boolean(QStringLiteral("available")))
            m.available = *available;
    }
    if (const auto category = body.primaryKey(QStringLiteral("category"))) {
        if (!storage.category(*category))
            body.fail(QStringLiteral("category"), FieldReader::invalidPk(QString::number(*category)));
        else
            m.category = *category;
    }
}
} // namespace

Response MenuController::create(RequestContext &context)
{
    require(context, &Permissions::addRemoveMenuItems);
    FieldReader body(context.object(), false);
    MenuItem m;
    readMenuItem(body, m_storage, m);
    body.throwIfErrors();
    return ETag::respond(201, Wire::object(m_storage.createMenuItem(m)));
}

Response MenuController::retrieve(RequestContext &context)
{
    const auto m = m_storage.menuItem(context.id());
    if (!m)
        throw HttpError::notFound();
    return ETag::respond(200, Wire::object(*m));
}

Response MenuController::update(RequestContext &context, bool partial)
{
    require(context, &Permissions::editMenu);
    auto m = m_storage.menuItem(context.id());
    if (!m)
        throw HttpError::notFound();
    const QByteArray current = Wire::object(*m);
    FieldReader body(context.object(), partial);
    readMenuItem(body, m_storage, *m);
    body.throwIfErrors();
    ETag::require(context, current);
    m_storage.updateMenuItem(*m);
    return ETag::respond(200, Wire::object(*m));
}

Response MenuController::destroy(RequestContext &context)
{
    require(context, &Permissions::addRemoveMenuItems);
    const auto m = m_storage.menuItem(context.id());
    if (!m)
        throw HttpError::notFound();
    ETag::require(context, Wire::object(*m));
    if (!m_storage.deleteMenuItem(m->id))
        throw HttpError::notFound();
    return Response::noContent();
}

} // namespace LittleLemon::Server
