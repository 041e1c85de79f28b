#include "api/server/serverstorage.h"
#include "api/server/serverstorage_p.h"

#include "api/server/idempotencystore.h"
#include "api/server/jsonwriter.h"
#include "api/server/reportstorage.h"

#include <QDateTime>

namespace LittleLemon::Server {

using StorageDetail::fold;
using StorageDetail::nowIso;
using StorageDetail::placeholders;

namespace {

const QChar kGroupSeparator(0x1f);

} // namespace

ServerStorage::ServerStorage(Database &db)
    : m_db(db)
    , m_changes(db)
{
}

// ---- users ----------------------------------------------------------------

QString ServerStorage::userColumns() const
{
    static const QString base = QStringLiteral(
        "SELECT u.id, u.username, u.email, u.password, u.is_staff, u.is_active,"
        " (SELECT group_concat(g.name, char(31)) FROM user_groups ug JOIN groups g ON g.id = ug.group_id"
        "  WHERE ug.user_id = u.id), ");
    // The migration to schema 2 reads users (fillChangeLog) before schema 4
    // added these columns.
    static const QString current = base + QStringLiteral("u.token_generation, u.deleted_at IS NOT NULL FROM users u ");
    static const QString early = base + QStringLiteral("0, 0 FROM users u ");
    return m_db.version() >= 4 ? current : early;
}

std::optional<UserRecord> ServerStorage::readUser(Statement &s)
{
    if (!s.next())
        return std::nullopt;
    UserRecord r;
    r.user.id = s.integer(0);
    r.user.username = s.text(1);
    r.user.email = s.text(2);
    r.passwordHash = s.text(3);
    r.user.isStaff = s.integer(4) != 0;
    r.active = s.integer(5) != 0;
    const QString groups = s.text(6);
    if (!groups.isEmpty()) {
        r.user.groups = groups.split(kGroupSeparator);
        r.user.groups.sort();
    }
    r.tokenGeneration = s.integer(7);
    r.deleted = s.integer(8) != 0;
    return r;
}

std::optional<UserRecord> ServerStorage::userById(qint64 id)
{
    Statement s = m_db.statement(userColumns() + QStringLiteral("WHERE u.id = ?"));
    s.bind(0, id).exec();
    return readUser(s);
}

std::optional<UserRecord> ServerStorage::userByUsername(const QString &username)
{
    Statement s = m_db.statement(userColumns() + QStringLiteral("WHERE u.username = ?"));
    s.bind(0, username).exec();
    return readUser(s);
}

qint64 ServerStorage::createUser(const QString &username, const QString &email, const QString &passwordHash,
                                 Role role)
{
    Database::Transaction tx(m_db);
    Statement s = m_db.statement(QStringLiteral(
        "INSERT INTO users (username, email, password, is_staff, date_joined) VALUES (?, ?, ?, 0, ?)"));
    // A null QString would bind as SQL NULL; "no email" is the empty string.
    s.bind(0, username).bind(1, email.isNull() ? QStringLiteral("") : email).bind(2, passwordHash).bind(3, nowIso()).exec();
    const qint64 id = s.lastInsertId();
    // A new user has read no feed: their view needs no entries of their own.
    applyRole(id, role);
    tx.commit();
    return id;
}

void ServerStorage::setRole(qint64 userId, Role role)
{
    Database::Transaction tx(m_db);
    const auto before = userById(userId);
    applyRole(userId, role);
    const auto after = userById(userId);
    if (before && after)
        m_changes.viewChanged(ChangeViewer::of(before->user), ChangeViewer::of(after->user));
    tx.commit();
}

void ServerStorage::applyRole(qint64 userId, Role role)
{
    // A role is exactly one of: staff (admin), one group, or nothing.
    Database::Transaction tx(m_db);
    m_db.statement(QStringLiteral("UPDATE users SET is_staff = ? WHERE id = ?"))
        .bind(0, role == Role::Admin ? 1 : 0)
        .bind(1, userId)
        .exec();
    std::optional<GroupRecord> keep;
    if (role == Role::Manager || role == Role::DeliveryCrew || role == Role::Kitchen) {
        keep = groupByName(role == Role::Manager ? kManagerGroup
                               : role == Role::Kitchen ? kKitchenGroup
                                                       : kDeliveryCrewGroup);
        if (!keep)
            throw StorageError(StorageError::Kind::Other, QStringLiteral("the staff groups are missing"));
    }
    // Memberships one by one, so each leaves the change feed as a delete.
    QList<qint64> groups;
    {
        Statement s = m_db.statement(QStringLiteral("SELECT group_id FROM user_groups WHERE user_id = ?"));
        s.bind(0, userId).exec();
        while (s.next())
            groups << s.integer(0);
    }
    for (qint64 g : std::as_const(groups)) {
        if (!keep || keep->id != g)
            deleteMembership(userId, g);
    }
    if (keep)
        insertMembership(userId, keep->id);
    tx.commit();
}

void ServerStorage::setPasswordHash(qint64 userId, const QString &passwordHash)
{
    m_db.statement(QStringLiteral("UPDATE users SET password = ?, token_generation = token_generation + 1 WHERE id = ?"))
        .bind(0, passwordHash)
        .bind(1, userId)
        .exec();
}

void ServerStorage::setActive(qint64 userId, bool active)
{
    // Only a change moves the generation: activating an active user signs no one out.
    m_db.statement(QStringLiteral("UPDATE users SET is_active = ?,"
                                  " token_generation = token_generation + (is_active = 1 AND ? = 0)"
                                  " WHERE id = ? AND deleted_at IS NULL"))
        .bind(0, active ? 1 : 0)
        .bind(1, active ? 1 : 0)
        .bind(2, userId)
        .exec();
}

void ServerStorage::deleteUser(qint64 userId)
{
    Database::Transaction tx(m_db);
    // Their groups leave the change feed as deletes, like any role change.
    setRole(userId, Role::Customer);
    m_db.statement(QStringLiteral("UPDATE users SET is_active = 0, password = ?, token_generation = token_generation + 1,"
                                  " deleted_at = ? WHERE id = ?"))
        .bind(0, QStringLiteral("!deleted"))
        .bind(1, nowIso())
        .bind(2, userId)
        .exec();
    m_db.statement(QStringLiteral("DELETE FROM cart_items WHERE user_id = ?")).bind(0, userId).exec();
    tx.commit();
}

void ServerStorage::bumpTokenGeneration(qint64 userId)
{
    m_db.statement(QStringLiteral("UPDATE users SET token_generation = token_generation + 1 WHERE id = ?"))
        .bind(0, userId)
        .exec();
}

bool ServerStorage::useRefreshToken(const QString &jti, qint64 userId, qint64 expires)
{
    Database::Transaction tx(m_db);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    m_db.statement(QStringLiteral("DELETE FROM used_refresh_tokens WHERE expires <= ?")).bind(0, now).exec();
    Statement insert = m_db.statement(
        QStringLiteral("INSERT OR IGNORE INTO used_refresh_tokens (jti, user_id, expires) VALUES (?, ?, ?)"));
    insert.bind(0, jti).bind(1, userId).bind(2, expires).exec();
    const bool first = insert.rowsAffected() == 1;
    tx.commit();
    return first;
}

void ServerStorage::setEmail(qint64 userId, const QString &email)
{
    Database::Transaction tx(m_db);
    m_db.statement(QStringLiteral("UPDATE users SET email = ? WHERE id = ?"))
        .bind(0, email.isNull() ? QStringLiteral("") : email)
        .bind(1, userId)
        .exec();
    // Memberships carry the email in the feed.
    logMembershipsOf(userId);
    tx.commit();
}

void ServerStorage::touchLastLogin(qint64 userId)
{
    m_db.statement(QStringLiteral("UPDATE users SET last_login = ? WHERE id = ?"))
        .bind(0, nowIso())
        .bind(1, userId)
        .exec();
}

qint64 ServerStorage::userCount()
{
    Statement s = m_db.statement(QStringLiteral("SELECT count(*) FROM users WHERE deleted_at IS NULL"));
    s.exec();
    return s.next() ? s.integer(0) : 0;
}

QList<User> ServerStorage::users(qint64 offset, qint64 limit)
{
    Statement s = m_db.statement(userColumns() + QStringLiteral("WHERE u.deleted_at IS NULL ORDER BY u.id LIMIT ? OFFSET ?"));
    s.bind(0, limit).bind(1, offset).exec();
    QList<User> out;
    while (auto r = readUser(s))
        out.append(r->user);
    return out;
}

std::optional<GroupRecord> ServerStorage::groupByName(const QString &name)
{
    Statement s = m_db.statement(QStringLiteral("SELECT id, name FROM groups WHERE name = ?"));
    s.bind(0, name).exec();
    if (!s.next())
        return std::nullopt;
    return GroupRecord { s.integer(0), s.text(1) };
}

QList<User> ServerStorage::groupMembers(qint64 groupId)
{
    Statement s = m_db.statement(userColumns()
                                 + QStringLiteral("JOIN user_groups m ON m.user_id = u.id WHERE m.group_id = ?"
                                                  " ORDER BY u.id"));
    s.bind(0, groupId).exec();
    QList<User> out;
    while (auto r = readUser(s))
        out.append(r->user);
    return out;
}

bool ServerStorage::isMember(qint64 userId, qint64 groupId)
{
    Statement s = m_db.statement(QStringLiteral("SELECT 1 FROM user_groups WHERE user_id = ? AND group_id = ?"));
    s.bind(0, userId).bind(1, groupId).exec();
    return s.next();
}

bool ServerStorage::addMember(qint64 userId, qint64 groupId)
{
    return changeMembership(userId, groupId, true);
}

bool ServerStorage::removeMember(qint64 userId, qint64 groupId)
{
    return changeMembership(userId, groupId, false);
}

bool ServerStorage::changeMembership(qint64 userId, qint64 groupId, bool member)
{
    Database::Transaction tx(m_db);
    const auto before = userById(userId);
    if (!(member ? insertMembership(userId, groupId) : deleteMembership(userId, groupId)))
        return false;
    // The user now sees other orders: their terminals re-read what they may see.
    const auto after = userById(userId);
    if (before && after)
        m_changes.viewChanged(ChangeViewer::of(before->user), ChangeViewer::of(after->user));
    tx.commit();
    return true;
}

bool ServerStorage::insertMembership(qint64 userId, qint64 groupId)
{
    Database::Transaction tx(m_db);
    Statement s = m_db.statement(QStringLiteral("INSERT OR IGNORE INTO user_groups (user_id, group_id) VALUES (?, ?)"));
    s.bind(0, userId).bind(1, groupId).exec();
    if (s.rowsAffected() == 0)
        return false;
    const qint64 membership = s.lastInsertId();
    Statement g = m_db.statement(QStringLiteral("SELECT name FROM groups WHERE id = ?"));
    g.bind(0, groupId).exec();
    const QString group = g.next() ? g.text(0) : QString();
    logMembership(membership, group, userId);
    tx.commit();
    return true;
}

bool ServerStorage::deleteMembership(qint64 userId, qint64 groupId)
{
    Database::Transaction tx(m_db);
    Statement find = m_db.statement(QStringLiteral("SELECT id FROM user_groups WHERE user_id = ? AND group_id = ?"));
    find.bind(0, userId).bind(1, groupId).exec();
    if (!find.next())
        return false;
    const qint64 membership = find.integer(0);
    m_db.statement(QStringLiteral("DELETE FROM user_groups WHERE id = ?")).bind(0, membership).exec();
    ChangeScope scope;
    if (const auto crew = groupByName(kDeliveryCrewGroup); crew && crew->id == groupId)
        scope.flags = ChangeScope::kCrewMembership;
    m_changes.remove(ChangeKind::GroupMembership, membership, scope);
    tx.commit();
    return true;
}

bool ServerStorage::seesOrder(const User &user, qint64 owner, std::optional<qint64> crew)
{
    // The order lists' scopes (OrderController::list).
    if (user.seesEveryOrder())
        return true;
    if (user.isDeliveryCrew())
        return crew && *crew == user.id;
    return owner == user.id;
}

// ---- categories -----------------------------------------------------------

namespace {
QString categoryWhere(const CategoryQuery &q)
{
    QStringList clauses;
    for (qsizetype i = 0; i < q.searchTerms.size(); ++i)
        clauses << QStringLiteral("(instr(title_folded, ?) > 0 OR instr(lower(slug), ?) > 0)");
    return clauses.isEmpty() ? QString() : QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "));
}

int bindTerms(Statement &s, const QStringList &terms, int perTerm, int first = 0)
{
    int i = first;
    for (const QString &t : terms) {
        const QString f = fold(t);
        for (int k = 0; k < perTerm; ++k)
            s.bind(i++, f);
    }
    return i;
}
} // namespace

qint64 ServerStorage::categoryCount(const CategoryQuery &query)
{
    Statement s = m_db.statement(QStringLiteral("SELECT count(*) FROM categories") + categoryWhere(query));
    bindTerms(s, query.searchTerms, 2);
    s.exec();
    return s.next() ? s.integer(0) : 0;
}

QList<Category> ServerStorage::categories(const CategoryQuery &query, qint64 offset, qint64 limit)
{
    QString order;
    switch (query.ordering) {
    case CategoryQuery::Ordering::Id: order = QStringLiteral(" ORDER BY id"); break;
    case CategoryQuery::Ordering::TitleAscending: order = QStringLiteral(" ORDER BY title_folded, id"); break;
    case CategoryQuery::Ordering::TitleDescending: order = QStringLiteral(" ORDER BY title_folded DESC, id DESC"); break;
    }
    Statement s = m_db.statement(QStringLiteral("SELECT id, slug, title FROM categories") + categoryWhere(query) + order
                                 + QStringLiteral(" LIMIT ? OFFSET ?"));
    const int next = bindTerms(s, query.searchTerms, 2);
    s.bind(next, limit).bind(next + 1, offset).exec();
    QList<Category> out;
    while (s.next())
        out.append(Category { s.integer(0), s.text(1), s.text(2) });
    return out;
}

std::optional<Category> ServerStorage::category(qint64 id)
{
    Statement s = m_db.statement(QStringLiteral("SELECT id, slug, title FROM categories WHERE id = ?"));
    s.bind(0, id).exec();
    if (!s.next())
        return std::nullopt;
    return Category { s.integer(0), s.text(1), s.text(2) };
}

std::optional<Category> ServerStorage::categoryBySlug(const QString &slug)
{
    Statement s = m_db.statement(QStringLiteral("SELECT id, slug, title FROM categories WHERE slug = ?"));
    s.bind(0, slug).exec();
    if (!s.next())
        return std::nullopt;
    return Category { s.integer(0), s.text(1), s.text(2) };
}

Category ServerStorage::createCategory(const QString &slug, const QString &title)
{
    Database::Transaction tx(m_db);
    Statement s = m_db.statement(QStringLiteral("INSERT INTO categories (slug, title, title_folded) VALUES (?, ?, ?)"));
    s.bind(0, slug).bind(1, title).bind(2, fold(title)).exec();
    const Category out { s.lastInsertId(), slug, title };
    logCategory(out);
    tx.commit();
    return out;
}

void ServerStorage::updateCategory(const Category &c)
{
    Database::Transaction tx(m_db);
    m_db.statement(QStringLiteral("UPDATE categories SET slug = ?, title = ?, title_folded = ? WHERE id = ?"))
        .bind(0, c.slug)
        .bind(1, c.title)
        .bind(2, fold(c.title))
        .bind(3, c.id)
        .exec();
    logCategory(c);
    tx.commit();
}

bool ServerStorage::deleteCategory(qint64 id)
{
    Database::Transaction tx(m_db);
    Statement s = m_db.statement(QStringLiteral("DELETE FROM categories WHERE id = ?"));
    s.bind(0, id).exec();
    if (s.rowsAffected() == 0)
        return false;
    m_changes.remove(ChangeKind::Category, id, ChangeScope {});
    tx.commit();
    return true;
}

qint64 ServerStorage::menuItemsInCategory(qint64 categoryId)
{
    Statement s = m_db.statement(QStringLiteral("SELECT count(*) FROM menu_items WHERE category_id = ?"));
    s.bind(0, categoryId).exec();
    return s.next() ? s.integer(0) : 0;
}

// ---- menu items -----------------------------------------------------------

namespace {
QString menuWhere(const MenuQuery &q, bool *needsCategory)
{
    QStringList clauses;
    *needsCategory = !q.categorySlug.isEmpty() || !q.searchTerms.isEmpty();
    if (!q.categorySlug.isEmpty())
        clauses << QStringLiteral("c.slug = ?");
    if (q.price)
        clauses << QStringLiteral("m.price_cents = ?");
    if (q.onlyAvailable)
        clauses << QStringLiteral("m.available = 1");
    for (qsizetype i = 0; i < q.searchTerms.size(); ++i)
        clauses << QStringLiteral("(instr(m.title_folded, ?) > 0 OR instr(lower(c.slug), ?) > 0"
                                  " OR instr(CAST(m.id AS TEXT), ?) > 0)");
    return clauses.isEmpty() ? QString() : QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "));
}

int bindMenu(Statement &s, const MenuQuery &q)
{
    int i = 0;
    if (!q.categorySlug.isEmpty())
        s.bind(i++, q.categorySlug);
    if (q.price)
        s.bind(i++, q.price->cents());
    return bindTerms(s, q.searchTerms, 3, i);
}

MenuItem readMenuItem(const Statement &s)
{
    MenuItem m;
    m.id = s.integer(0);
    m.title = s.text(1);
    m.price = Money(s.integer(2));
    m.featured = s.integer(3) != 0;
    m.category = s.integer(4);
    m.available = s.integer(5) != 0;
    return m;
}
} // namespace

qint64 ServerStorage::menuItemCount(const MenuQuery &query)
{
    if (query.onlyAvailable && query.categorySlug.isEmpty() && !query.price && query.searchTerms.isEmpty()) {
        // The anonymous menu, the busiest list: all rows less the few sold
        // out. SQLite counts a whole table fast and the sold-out ones from
        // their own small index; a WHERE on available would read every row.
        Statement s = m_db.statement(QStringLiteral("SELECT (SELECT count(*) FROM menu_items)"
                                                    " - (SELECT count(*) FROM menu_items WHERE available = 0)"));
        s.exec();
        return s.next() ? s.integer(0) : 0;
    }
    bool join = false;
    const QString where = menuWhere(query, &join);
    Statement s = m_db.statement(QStringLiteral("SELECT count(*) FROM menu_items m")
                                 + (join ? QStringLiteral(" JOIN categories c ON c.id = m.category_id") : QString())
                                 + where);
    bindMenu(s, query);
    s.exec();
    return s.next() ? s.integer(0) : 0;
}

QList<MenuItem> ServerStorage::menuItems(const MenuQuery &query, qint64 offset, qint64 limit)
{
    bool join = false;
    const QString where = menuWhere(query, &join);
    QString order;
    switch (query.ordering) {
    case MenuQuery::Ordering::Id: order = QStringLiteral(" ORDER BY m.id"); break;
    case MenuQuery::Ordering::PriceAscending: order = QStringLiteral(" ORDER BY m.price_cents, m.id"); break;
    case MenuQuery::Ordering::PriceDescending: order = QStringLiteral(" ORDER BY m.price_cents DESC, m.id"); break;
    }
    Statement s = m_db.statement(
        QStringLiteral("SELECT m.id, m.title, m.price_cents, m.featured, m.category_id, m.available FROM menu_items m")
        + (join ? QStringLiteral(" JOIN categories c ON c.id = m.category_id") : QString()) + where + order
        + QStringLiteral(" LIMIT ? OFFSET ?"));
    const int next = bindMenu(s, query);
    s.bind(next, limit).bind(next + 1, offset).exec();
    QList<MenuItem> out;
    while (s.next())
        out.append(readMenuItem(s));
    return out;
}

std::optional<MenuItem> ServerStorage::menuItem(qint64 id)
{
    Statement s = m_db.statement(
        QStringLiteral("SELECT id, title, price_cents, featured, category_id, available FROM menu_items WHERE id = ?"));
    s.bind(0, id).exec();
    if (!s.next())
        return std::nullopt;
    return readMenuItem(s);
}

MenuItem ServerStorage::createMenuItem(const MenuItem &item)
{
    Database::Transaction tx(m_db);
    Statement s = m_db.statement(QStringLiteral("INSERT INTO menu_items (title, title_folded, price_cents, featured,"
                                                " category_id, available) VALUES (?, ?, ?, ?, ?, ?)"));
    s.bind(0, item.title)
        .bind(1, fold(item.title))
        .bind(2, item.price.cents())
        .bind(3, item.featured ? 1 : 0)
        .bind(4, item.category)
        .bind(5, item.available ? 1 : 0)
        .exec();
    MenuItem out = item;
    out.id = s.lastInsertId();
    if (!out.available)
        ReportStorage(m_db).availabilityChanged(out.id, out.title, false);
    logMenuItem(out);
    tx.commit();
    return out;
}

void ServerStorage::updateMenuItem(const MenuItem &item)
{
    Database::Transaction tx(m_db);
    m_db.statement(QStringLiteral("UPDATE menu_items SET title = ?, title_folded = ?, price_cents = ?, featured = ?,"
                                  " category_id = ?, available = ? WHERE id = ?"))
        .bind(0, item.title)
        .bind(1, fold(item.title))
        .bind(2, item.price.cents())
        .bind(3, item.featured ? 1 : 0)
        .bind(4, item.category)
        .bind(5, item.available ? 1 : 0)
        .bind(6, item.id)
        .exec();
    ReportStorage(m_db).availabilityChanged(item.id, item.title, item.available);
    logMenuItem(item);
    tx.commit();
}

bool ServerStorage::deleteMenuItem(qint64 id)
{
    Database::Transaction tx(m_db);
    Statement s = m_db.statement(QStringLiteral("DELETE FROM menu_items WHERE id = ?"));
    s.bind(0, id).exec();
    if (s.rowsAffected() == 0)
        return false;
    m_changes.remove(ChangeKind::MenuItem, id, ChangeScope {});
    tx.commit();
    return true;
}

// ---- change-log entries ---------------------------------------------------------

void ServerStorage::logCategory(const Category &c)
{
    m_changes.upsert(ChangeKind::Category, c.id, Wire::object(c), ChangeScope {});
}

void ServerStorage::logMenuItem(const MenuItem &m)
{
    ChangeScope scope;
    scope.flags = m.available ? 0 : ChangeScope::kHiddenFromCustomers;
    m_changes.upsert(ChangeKind::MenuItem, m.id, Wire::object(m), scope);
}

QByteArray ServerStorage::logOrder(qint64 id, std::optional<qint64> previousCrew)
{
    const auto o = order(id);
    if (!o)
        return QByteArray();
    QByteArray detail = Wire::orderDetail(*o);
    m_changes.upsert(ChangeKind::Order, id, detail, ChangeScope { o->user, o->deliveryCrew, 0 });
    if (o->deliveryCrew)
        m_changes.unrevoke(ChangeKind::Order, id, *o->deliveryCrew);
    if (previousCrew && previousCrew != o->deliveryCrew) {
        // Reassigned: the one who had it gets a delete of their own, unless
        // they still see the order (a manager, say).
        const auto before = userById(*previousCrew);
        if (before && !seesOrder(before->user, o->user, o->deliveryCrew))
            m_changes.revoke(ChangeKind::Order, id, *previousCrew);
    }
    return detail;
}

void ServerStorage::logTable(const DiningTable &t)
{
    m_changes.upsert(ChangeKind::Table, t.id, Wire::object(t), ChangeScope {});
}

void ServerStorage::logBooking(const Booking &b)
{
    m_changes.upsert(ChangeKind::Booking, b.id, Wire::object(b), ChangeScope { b.user, std::nullopt, 0 });
}

void ServerStorage::logMembership(qint64 membershipId, const QString &group, qint64 userId)
{
    const auto record = userById(userId);
    if (!record)
        return;
    JsonWriter w;
    Wire::writeMembership(w, group, record->user);
    ChangeScope scope;
    if (group.compare(kDeliveryCrewGroup, Qt::CaseInsensitive) == 0)
        scope.flags = ChangeScope::kCrewMembership;
    m_changes.upsert(ChangeKind::GroupMembership, membershipId, w.take(), scope);
}

void ServerStorage::logMembershipsOf(qint64 userId)
{
    QList<QPair<qint64, QString>> rows;
    {
        Statement s = m_db.statement(QStringLiteral(
            "SELECT ug.id, g.name FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = ?"));
        s.bind(0, userId).exec();
        while (s.next())
            rows.append({ s.integer(0), s.text(1) });
    }
    for (const auto &row : std::as_const(rows))
        logMembership(row.first, row.second, userId);
}

void ServerStorage::fillChangeLog()
{
    Database::Transaction tx(m_db);
    // Ids of a table's rows without an entry, read before writing any.
    auto missing = [this](const QString &table, ChangeKind kind) {
        Statement s = m_db.statement(QStringLiteral("SELECT t.id FROM ") + table
                                     + QStringLiteral(" t WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.entity = ?"
                                                      " AND c.row_id = t.id AND c.audience = 0) ORDER BY t.id"));
        s.bind(0, int(kind)).exec();
        QList<qint64> ids;
        while (s.next())
            ids << s.integer(0);
        return ids;
    };
    for (qint64 id : missing(QStringLiteral("categories"), ChangeKind::Category)) {
        if (const auto c = category(id))
            logCategory(*c);
    }
    for (qint64 id : missing(QStringLiteral("menu_items"), ChangeKind::MenuItem)) {
        if (const auto m = menuItem(id))
            logMenuItem(*m);
    }
    for (qint64 id : missing(QStringLiteral("orders"), ChangeKind::Order))
        logOrder(id);
    for (qint64 id : missing(QStringLiteral("dining_tables"), ChangeKind::Table)) {
        if (const auto t = table(id))
            logTable(*t);
    }
    for (qint64 id : missing(QStringLiteral("bookings"), ChangeKind::Booking)) {
        if (const auto b = booking(id))
            logBooking(*b);
    }
    for (qint64 id : missing(QStringLiteral("user_groups"), ChangeKind::GroupMembership)) {
        Statement s = m_db.statement(QStringLiteral(
            "SELECT ug.user_id, g.name FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.id = ?"));
        s.bind(0, id).exec();
        if (!s.next())
            continue;
        const qint64 userId = s.integer(0);
        const QString group = s.text(1);
        logMembership(id, group, userId);
    }
    tx.commit();
}

} // namespace LittleLemon::Server
