#include "api/server/categorycontroller.h"

#include "api/server/etag.h"
#include "api/server/fieldreader.h"
#include "api/server/listfilters.h"
#include "api/server/pagination.h"
#include "api/server/serverstorage.h"
#include "api/server/jsonwriter.h"
#include "models/fieldlimits.h"

#include <QRegularExpression>

namespace LittleLemon::Server {

CategoryController::CategoryController(const Services &services)
    : ResourceController(services, QStringLiteral("/api/categories"), Router::Access::Authenticated)
{
}

Response CategoryController::list(RequestContext &context)
{
    context.requireUser();
    CategoryQuery query;
    query.searchTerms = ListFilters::searchTerms(context.request().queryValue(u"search"));
    static constexpr std::pair<const char16_t *, CategoryQuery::Ordering> orderings[] {
        { u"title", CategoryQuery::Ordering::TitleAscending },
        { u"-title", CategoryQuery::Ordering::TitleDescending },
    };
    query.ordering = ListFilters::ordering(context.request().queryValue(u"ordering"), orderings).value_or(query.ordering);
    const PageWindow w = PageWindow::resolve(context, m_storage.categoryCount(query), m_config.pageSize);
    return w.respond(context, Wire::array(m_storage.categories(query, w.offset, w.limit)));
}

namespace {
// Reads slug and title; fills `c` with what was sent.
void readCategory(FieldReader &body, ServerStorage &storage, Category &c, qint64 selfId)
{
    if (const auto slug = body.string(QStringLiteral("slug"), 50)) {
        static const QRegularExpression valid(QStringLiteral("^[-a-zA-Z0-9_]+$"));
        if (!valid.match(*slug).hasMatch()) {
            body.fail(QStringLiteral("slug"),
                      QCoreApplication::translate("LittleLemon::Server",
                                                  "Enter a valid “slug” consisting of letters, numbers, underscores "
                                                  "or hyphens."));
        } else if (const auto other = storage.categoryBySlug(*slug); other && other->id != selfId) {
            body.fail(QStringLiteral("slug"),
                      QCoreApplication::translate("LittleLemon::Server", "category with this slug already exists."));
        } else {
            c.slug = *slug;
        }
    }
    if (const auto title = body.string(QStringLiteral("title"), Limits::kTitle))
        c.title = *title;
}
} // namespace

Response CategoryController::create(RequestContext &context)
{
    require(context, &Permissions::manageCategories);
    FieldReader body(context.object(), false);
    Category c;
    readCategory(body, m_storage, c, 0);
    body.throwIfErrors();
    return ETag::respond(201, Wire::object(m_storage.createCategory(c.slug, c.title)));
}

Response CategoryController::retrieve(RequestContext &context)
{
    context.requireUser();
    const auto c = m_storage.category(context.id());
    if (!c)
        throw HttpError::notFound();
    return ETag::respond(200, Wire::object(*c));
}

Response CategoryController::update(RequestContext &context, bool partial)
{
    require(context, &Permissions::manageCategories);
    auto c = m_storage.category(context.id());
    if (!c)
        throw HttpError::notFound();
    const QByteArray current = Wire::object(*c);
    FieldReader body(context.object(), partial);
    readCategory(body, m_storage, *c, c->id);
    body.throwIfErrors();
    ETag::require(context, current);
    m_storage.updateCategory(*c);
    return ETag::respond(200, Wire::object(*c));
}

Response CategoryController::destroy(RequestContext &context)
{
    require(context, &Permissions::manageCategories);
    const qint64 id = context.id();
    const auto c = m_storage.category(id);
    if (!c)
        throw HttpError::notFound();
    ETag::require(context, Wire::object(*c));
    if (m_storage.menuItemsInCategory(id) > 0)
        throw HttpError::detail(400, tr("This category still has menu items; move or delete them first."));
    m_storage.deleteCategory(id);
    return Response::noContent();
}

} // namespace LittleLemon::Server
