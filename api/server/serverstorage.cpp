#include "api/server/serverstorage.h"

#include "api/server/idempotencystore.h"
#include "api/server/jsonwriter.h"
#include "api/server/reportstorage.h"

#include <QDateTime>

namespace LittleLemon::Server {

namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Case folding for search: done once in C++ (Unicode-aware) and stored, so
// "CRÈME" finds "Crème Brûlée" where SQLite's LIKE only folds ASCII.
QString fold(const QString &text)
{
    return text.toCaseFolded();
}

const QChar kGroupSeparator(0x1f);

// Every id is AUTOINCREMENT: like the cloud's MySQL, an id is never used
// twice, so a client's cache cannot mistake a new order for a deleted one.
void createSchemaV1(Database &db)
{
    const char *statements[] = {
        "CREATE TABLE users ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " username TEXT NOT NULL UNIQUE,"
        " email TEXT NOT NULL DEFAULT '',"
        " password TEXT NOT NULL,"
        " is_staff INTEGER NOT NULL DEFAULT 0 CHECK (is_staff IN (0, 1)),"
        " is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),"
        " date_joined TEXT NOT NULL,"
        " last_login TEXT)",
        "CREATE TABLE groups ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " name TEXT NOT NULL UNIQUE COLLATE NOCASE)",
        "INSERT INTO groups (name) VALUES ('manager'), ('delivery-crew')",
        "CREATE TABLE user_groups ("
        " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
        " group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,"
        " PRIMARY KEY (user_id, group_id)) WITHOUT ROWID",
        "CREATE INDEX user_groups_by_group ON user_groups(group_id, user_id)",
        "CREATE TABLE categories ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " slug TEXT NOT NULL UNIQUE COLLATE NOCASE,"
        " title TEXT NOT NULL,"
        " title_folded TEXT NOT NULL)",
        "CREATE TABLE menu_items ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " title TEXT NOT NULL,"
        " title_folded TEXT NOT NULL,"
        " price_cents INTEGER NOT NULL CHECK (price_cents >= 0),"
        " featured INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),"
        " category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE RESTRICT)",
        "CREATE INDEX menu_items_by_category ON menu_items(category_id, id)",
        "CREATE INDEX menu_items_by_price ON menu_items(price_cents, id)",
        "CREATE TABLE cart_items ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
        " menuitem_id INTEGER NOT NULL REFERENCES menu_items(id) ON DELETE CASCADE,"
        " quantity INTEGER NOT NULL CHECK (quantity > 0),"
        " unit_price_cents INTEGER NOT NULL,"
        " UNIQUE (user_id, menuitem_id))",
        "CREATE INDEX cart_items_by_menuitem ON cart_items(menuitem_id)",
        "CREATE TABLE orders ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
        " delivery_crew_id INTEGER REFERENCES users(id) ON DELETE SET NULL,"
        " status INTEGER NOT NULL DEFAULT 0 CHECK (status IN (0, 1)),"
        " total_cents INTEGER NOT NULL,"
        " date TEXT NOT NULL,"
        " created_at TEXT NOT NULL)",
        "CREATE INDEX orders_by_user ON orders(user_id, id)",
        "CREATE INDEX orders_by_crew ON orders(delivery_crew_id, id)",
        // menuitem_id has no foreign key on purpose: an order line keeps its
        // title and prices when the dish is edited or taken off the menu.
        "CREATE TABLE order_items ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,"
        " menuitem_id INTEGER NOT NULL,"
        " title TEXT NOT NULL,"
        " quantity INTEGER NOT NULL CHECK (quantity > 0),"
        " unit_price_cents INTEGER NOT NULL,"
        " price_cents INTEGER NOT NULL)",
        "CREATE INDEX order_items_by_order ON order_items(order_id, id)",
    };
    for (const char *sql : statements)
        db.execute(QString::fromLatin1(sql));
}

// The extensions (issue 4): menu availability, order stages with their
// history and notes, dining tables and bookings, ids for group memberships
// (the change feed names them), the change log and idempotency keys.
void createSchemaV2(Database &db)
{
    const char *statements[] = {
        "ALTER TABLE menu_items ADD COLUMN available INTEGER NOT NULL DEFAULT 1 CHECK (available IN (0, 1))",
        "ALTER TABLE orders ADD COLUMN stage TEXT NOT NULL DEFAULT 'received'",
        "ALTER TABLE orders ADD COLUMN note TEXT NOT NULL DEFAULT ''",
        "UPDATE orders SET stage = 'delivered' WHERE status = 1",
        "CREATE TABLE order_history ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,"
        " stage TEXT NOT NULL,"
        " by_user INTEGER NOT NULL,"
        " at TEXT NOT NULL)",
        "CREATE INDEX order_history_by_order ON order_history(order_id, id)",
        // What the orders made before stages existed are known to have gone through.
        "INSERT INTO order_history (order_id, stage, by_user, at)"
        " SELECT id, 'received', user_id, created_at FROM orders ORDER BY id",
        "INSERT INTO order_history (order_id, stage, by_user, at)"
        " SELECT id, 'delivered', COALESCE(delivery_crew_id, 0), created_at FROM orders WHERE status = 1 ORDER BY id",
        "CREATE TABLE memberships ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
        " group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,"
        " UNIQUE (user_id, group_id))",
        "INSERT INTO memberships (user_id, group_id) SELECT user_id, group_id FROM user_groups ORDER BY user_id, group_id",
        "DROP TABLE user_groups",
        "ALTER TABLE memberships RENAME TO user_groups",
        "CREATE INDEX user_groups_by_group ON user_groups(group_id, user_id)",
        "CREATE TABLE dining_tables ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
        " seats INTEGER NOT NULL CHECK (seats > 0))",
        "CREATE TABLE bookings ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
        " name TEXT NOT NULL,"
        " phone TEXT NOT NULL DEFAULT '',"
        " date TEXT NOT NULL,"
        " time TEXT NOT NULL,"
        " guests INTEGER NOT NULL CHECK (guests > 0),"
        " table_id INTEGER REFERENCES dining_tables(id) ON DELETE SET NULL,"
        " notes TEXT NOT NULL DEFAULT '',"
        " status TEXT NOT NULL DEFAULT 'booked',"
        " created_at TEXT NOT NULL)",
        "CREATE INDEX bookings_by_date ON bookings(date, time, id)",
        "CREATE INDEX bookings_by_user ON bookings(user_id, date)",
        "CREATE INDEX bookings_by_table ON bookings(table_id, date)",
    };
    for (const char *sql : statements)
        db.execute(QString::fromLatin1(sql));
    ChangeLog::createSchema(db);
    IdempotencyStore::createSchema(db);
    // Rows made before the log existed enter it once, so reading from 0 is
    // a full snapshot on an upgraded database too.
    ServerStorage(db).fillChangeLog();
}

// The anonymous menu's count reads the sold-out items from here.
void createSchemaV3(Database &db)
{
    db.execute(QStringLiteral("CREATE INDEX menu_items_sold_out ON menu_items(id) WHERE available = 0"));
}

// Revocable sign-ins (issue 20): each user's token generation, deleted
// users kept for the records that name them, and the refresh tokens
// already used (they rotate: each is good for one refresh).
void createSchemaV4(Database &db)
{
    const char *statements[] = {
        "ALTER TABLE users ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE users ADD COLUMN deleted_at TEXT",
        "CREATE TABLE used_refresh_tokens ("
        " jti TEXT PRIMARY KEY,"
        " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
        " expires INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE INDEX used_refresh_tokens_by_expiry ON used_refresh_tokens(expires)",
    };
    for (const char *sql : statements)
        db.execute(QString::fromLatin1(sql));
}

// The kitchen's own group (issue 14), an extension like the stages.
void createSchemaV5(Database &db)
{
    db.execute(QStringLiteral("INSERT OR IGNORE INTO groups (name) VALUES ('kitchen')"));
    // The crew's memberships in the change feed become readable by the kitchen and the crew.
    db.execute(QStringLiteral("UPDATE changes SET flags = flags | 2 WHERE entity = 6 AND row_id IN"
                              " (SELECT ug.id FROM user_groups ug JOIN groups g ON g.id = ug.group_id"
                              "  WHERE g.name = 'delivery-crew')"));
}

// Printing (issue 17): a note per order line, and the restaurant's one
// kitchen print host as a lease (one row at most).
void createSchemaV7(Database &db)
{
    const char *statements[] = {
        "ALTER TABLE order_items ADD COLUMN note TEXT NOT NULL DEFAULT ''",
        "CREATE TABLE print_host ("
        " id INTEGER PRIMARY KEY CHECK (id = 1),"
        " terminal_id TEXT NOT NULL,"
        " terminal_name TEXT NOT NULL,"
        " user_id INTEGER NOT NULL,"
        " renewed_at TEXT NOT NULL,"
        " expires_at TEXT NOT NULL)",
    };
    for (const char *sql : statements)
        db.execute(QString::fromLatin1(sql));
}

QString placeholders(qsizetype n)
{
    QString out;
    for (qsizetype i = 0; i < n; ++i)
        out += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return out;
}

} // namespace

ServerStorage::ServerStorage(Database &db)
    : m_db(db)
    , m_changes(db)
{
}

QList<Database::Migration> ServerStorage::migrations()
{
    return { createSchemaV1, createSchemaV2, createSchemaV3, createSchemaV4, createSchemaV5,
             ReportStorage::createSchema, createSchemaV7 };
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
    Database::Transaction tx(m_db);
    const auto before = userById(userId);
    if (!insertMembership(userId, groupId))
        return false;
    const auto after = userById(userId);
    if (before && after)
        m_changes.viewChanged(ChangeViewer::of(before->user), ChangeViewer::of(after->user));
    tx.commit();
    return true;
}

bool ServerStorage::removeMember(qint64 userId, qint64 groupId)
{
    Database::Transaction tx(m_db);
    const auto before = userById(userId);
    if (!deleteMembership(userId, groupId))
        return false;
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
    if (user.isManager() || user.isKitchen())
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

// ---- cart -----------------------------------------------------------------

static const QString kCartColumns = QStringLiteral(
    "SELECT ci.id, ci.menuitem_id, m.title, ci.quantity, ci.unit_price_cents FROM cart_items ci"
    " JOIN menu_items m ON m.id = ci.menuitem_id ");

namespace {
CartItem readCartItem(const Statement &s)
{
    CartItem c;
    c.id = s.integer(0);
    c.menuitem = s.integer(1);
    c.menuitemName = s.text(2);
    c.quantity = int(s.integer(3));
    c.price = Money(s.integer(4)) * c.quantity;
    return c;
}
} // namespace

QList<CartItem> ServerStorage::cart(qint64 userId)
{
    Statement s = m_db.statement(kCartColumns + QStringLiteral("WHERE ci.user_id = ? ORDER BY ci.id"));
    s.bind(0, userId).exec();
    QList<CartItem> out;
    while (s.next())
        out.append(readCartItem(s));
    return out;
}

std::optional<CartItem> ServerStorage::cartItem(qint64 userId, qint64 id)
{
    Statement s = m_db.statement(kCartColumns + QStringLiteral("WHERE ci.user_id = ? AND ci.id = ?"));
    s.bind(0, userId).bind(1, id).exec();
    if (!s.next())
        return std::nullopt;
    return readCartItem(s);
}

CartItem ServerStorage::addToCart(qint64 userId, const MenuItem &item, int quantity)
{
    Database::Transaction tx(m_db);
    // The unit price is taken when the item goes into the cart, as the
    // cloud does; adding the same item again adds to that row. An update
    // first, an insert only for a new line: an upsert would use up an
    // AUTOINCREMENT id even when it merges, and the cloud's cart ids have no gaps.
    Statement merge = m_db.statement(
        QStringLiteral("UPDATE cart_items SET quantity = quantity + ? WHERE user_id = ? AND menuitem_id = ?"));
    merge.bind(0, quantity).bind(1, userId).bind(2, item.id).exec();
    if (merge.rowsAffected() == 0) {
        m_db.statement(QStringLiteral("INSERT INTO cart_items (user_id, menuitem_id, quantity, unit_price_cents)"
                                      " VALUES (?, ?, ?, ?)"))
            .bind(0, userId)
            .bind(1, item.id)
            .bind(2, quantity)
            .bind(3, item.price.cents())
            .exec();
    }
    Statement s = m_db.statement(kCartColumns + QStringLiteral("WHERE ci.user_id = ? AND ci.menuitem_id = ?"));
    s.bind(0, userId).bind(1, item.id).exec();
    if (!s.next())
        throw StorageError(StorageError::Kind::Other, QStringLiteral("cart row vanished"));
    const CartItem out = readCartItem(s);
    tx.commit();
    return out;
}

std::optional<CartItem> ServerStorage::setCartQuantity(qint64 userId, qint64 id, int quantity)
{
    Statement s = m_db.statement(QStringLiteral("UPDATE cart_items SET quantity = ? WHERE user_id = ? AND id = ?"));
    s.bind(0, quantity).bind(1, userId).bind(2, id).exec();
    if (s.rowsAffected() == 0)
        return std::nullopt;
    return cartItem(userId, id);
}

bool ServerStorage::deleteCartItem(qint64 userId, qint64 id)
{
    Statement s = m_db.statement(QStringLiteral("DELETE FROM cart_items WHERE user_id = ? AND id = ?"));
    s.bind(0, userId).bind(1, id).exec();
    return s.rowsAffected() > 0;
}

// ---- orders ---------------------------------------------------------------

namespace {
const QString kInsertOrder = QStringLiteral(
    "INSERT INTO orders (user_id, delivery_crew_id, status, total_cents, date, created_at, stage, note, source)"
    " VALUES (?, NULL, 0, ?, ?, ?, 'received', ?, ?)");
const QString kInsertLine = QStringLiteral(
    "INSERT INTO order_items (order_id, menuitem_id, title, quantity, unit_price_cents, price_cents, note)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)");
// Line notes arrived with schema 7; the migration to schema 2 reads orders before that.
constexpr int kLineNotesVersion = 7;
} // namespace

void ServerStorage::addHistory(qint64 orderId, OrderStage stage, qint64 by)
{
    m_db.statement(QStringLiteral("INSERT INTO order_history (order_id, stage, by_user, at) VALUES (?, ?, ?, ?)"))
        .bind(0, orderId)
        .bind(1, toWire(stage))
        .bind(2, by)
        .bind(3, nowIso())
        .exec();
    ReportStorage(m_db).updateTimings(orderId);
}

std::optional<OrderCreated> ServerStorage::createOrderFromCart(qint64 userId, const QDate &date)
{
    Database::Transaction tx(m_db);
    const QList<CartItem> rows = cart(userId);
    if (rows.isEmpty())
        return std::nullopt;
    QList<OrderItem> lines;
    for (const CartItem &c : rows) {
        OrderItem line;
        line.menuitem = c.menuitem;
        line.menuitemTitle = c.menuitemName;
        line.quantity = c.quantity;
        line.price = c.price;
        line.unitPrice = Money(c.quantity ? c.price.cents() / c.quantity : 0);
        lines.append(line);
    }
    OrderCreated created = createCounterOrder(userId, lines, QString(), date, OrderSource::Online);
    m_db.statement(QStringLiteral("DELETE FROM cart_items WHERE user_id = ?")).bind(0, userId).exec();
    tx.commit();
    return created;
}

OrderCreated ServerStorage::createCounterOrder(qint64 userId, const QList<OrderItem> &lines, const QString &note,
                                               const QDate &date, OrderSource source)
{
    Database::Transaction tx(m_db);
    Money total;
    for (const OrderItem &line : lines)
        total += line.price;
    Statement insert = m_db.statement(kInsertOrder);
    insert.bind(0, userId)
        .bind(1, total.cents())
        .bind(2, date.toString(Qt::ISODate))
        .bind(3, nowIso())
        .bind(4, note.isNull() ? QStringLiteral("") : note)
        .bind(5, toWire(source))
        .exec();
    OrderCreated created;
    created.orderId = insert.lastInsertId();
    created.total = total;
    for (const OrderItem &line : lines) {
        m_db.statement(kInsertLine)
            .bind(0, created.orderId)
            .bind(1, line.menuitem)
            .bind(2, line.menuitemTitle)
            .bind(3, line.quantity)
            .bind(4, line.unitPrice.cents())
            .bind(5, line.price.cents())
            .bind(6, line.note.isNull() ? QStringLiteral("") : line.note)
            .exec();
        created.items.append(line);
    }
    addHistory(created.orderId, OrderStage::Received, userId);
    logOrder(created.orderId);
    ReportStorage reports(m_db); // an order placed on a day already closed (Z)
    reports.orderChanged(created.orderId, {}, reports.figures(created.orderId));
    tx.commit();
    return created;
}

namespace {
QString orderWhere(const OrderQuery &q)
{
    switch (q.scope) {
    case OrderQuery::Scope::All: return QString();
    case OrderQuery::Scope::AssignedTo: return QStringLiteral(" WHERE delivery_crew_id = ?");
    case OrderQuery::Scope::OwnedBy: return QStringLiteral(" WHERE user_id = ?");
    }
    return QString();
}

Order readOrder(const Statement &s)
{
    Order o;
    o.id = s.integer(0);
    o.user = s.integer(1);
    if (!s.value(2).isNull())
        o.deliveryCrew = s.integer(2);
    o.status = s.integer(3) != 0;
    o.total = Money(s.integer(4));
    o.date = QDate::fromString(s.text(5), Qt::ISODate);
    o.stage = orderStageFromWire(s.text(6));
    if (!o.stage) // a stage this build does not know: say what status says
        o.stage = o.status ? OrderStage::Delivered : OrderStage::Received;
    o.note = s.text(7);
    return o;
}

const QString kOrderColumns =
    QStringLiteral("SELECT id, user_id, delivery_crew_id, status, total_cents, date, stage, note FROM orders");
} // namespace

qint64 ServerStorage::orderCount(const OrderQuery &query)
{
    Statement s = m_db.statement(QStringLiteral("SELECT count(*) FROM orders") + orderWhere(query));
    if (query.scope != OrderQuery::Scope::All)
        s.bind(0, query.userId);
    s.exec();
    return s.next() ? s.integer(0) : 0;
}

QList<Order> ServerStorage::orders(const OrderQuery &query, qint64 offset, qint64 limit)
{
    // One statement for the page and its lines: the page of orders as a
    // subquery, joined to its lines, in the page's order.
    QString order;
    switch (query.ordering) {
    case OrderQuery::Ordering::Id: order = QStringLiteral("id"); break;
    case OrderQuery::Ordering::IdDescending: order = QStringLiteral("id DESC"); break;
    case OrderQuery::Ordering::DateAscending: order = QStringLiteral("date, id"); break;
    case OrderQuery::Ordering::DateDescending: order = QStringLiteral("date DESC, id DESC"); break;
    case OrderQuery::Ordering::TotalAscending: order = QStringLiteral("total_cents, id"); break;
    case OrderQuery::Ordering::TotalDescending: order = QStringLiteral("total_cents DESC, id"); break;
    }
    QString outer = order;
    outer.replace(QStringLiteral("id"), QStringLiteral("o.id"))
        .replace(QStringLiteral("date"), QStringLiteral("o.date"))
        .replace(QStringLiteral("total_cents"), QStringLiteral("o.total_cents"));
    Statement s = m_db.statement(
        QStringLiteral("SELECT o.id, o.user_id, o.delivery_crew_id, o.status, o.total_cents, o.date, o.stage, o.note,"
                       " i.menuitem_id, i.title, i.quantity, i.unit_price_cents, i.price_cents, ")
        + (m_db.version() >= kLineNotesVersion ? QStringLiteral("i.note") : QStringLiteral("''"))
        + QStringLiteral(" FROM (")
        + kOrderColumns + orderWhere(query) + QStringLiteral(" ORDER BY ") + order
        + QStringLiteral(" LIMIT ? OFFSET ?) o LEFT JOIN order_items i ON i.order_id = o.id ORDER BY ") + outer
        + QStringLiteral(", i.id"));
    int i = 0;
    if (query.scope != OrderQuery::Scope::All)
        s.bind(i++, query.userId);
    s.bind(i, limit).bind(i + 1, offset).exec();
    QList<Order> out;
    while (s.next()) {
        const qint64 id = s.integer(0);
        if (out.isEmpty() || out.last().id != id)
            out.append(readOrder(s));
        if (s.value(8).isNull())
            continue; // an order without lines (never made by us, but possible in imported data)
        OrderItem item;
        item.menuitem = s.integer(8);
        item.menuitemTitle = s.text(9);
        item.quantity = int(s.integer(10));
        item.unitPrice = Money(s.integer(11));
        item.price = Money(s.integer(12));
        item.note = s.text(13);
        out.last().items.append(item);
    }
    return out;
}

void ServerStorage::loadItems(QList<Order> &orders)
{
    if (orders.isEmpty())
        return;
    Statement s = m_db.statement(
        QStringLiteral("SELECT order_id, menuitem_id, title, quantity, unit_price_cents, price_cents, ")
        + (m_db.version() >= kLineNotesVersion ? QStringLiteral("note") : QStringLiteral("''"))
        + QStringLiteral(" FROM order_items WHERE order_id IN (")
        + placeholders(orders.size()) + QStringLiteral(") ORDER BY order_id, id"));
    for (qsizetype i = 0; i < orders.size(); ++i)
        s.bind(int(i), orders.at(i).id);
    s.exec();
    while (s.next()) {
        const qint64 orderId = s.integer(0);
        OrderItem item;
        item.menuitem = s.integer(1);
        item.menuitemTitle = s.text(2);
        item.quantity = int(s.integer(3));
        item.unitPrice = Money(s.integer(4));
        item.price = Money(s.integer(5));
        item.note = s.text(6);
        for (Order &o : orders) {
            if (o.id == orderId) {
                o.items.append(item);
                break;
            }
        }
    }
}

void ServerStorage::loadHistory(Order &order)
{
    Statement s = m_db.statement(
        QStringLiteral("SELECT stage, by_user, at FROM order_history WHERE order_id = ? ORDER BY id"));
    s.bind(0, order.id).exec();
    while (s.next()) {
        StageChange change;
        const auto stage = orderStageFromWire(s.text(0));
        if (!stage)
            continue;
        change.stage = *stage;
        change.by = s.integer(1);
        change.at = QDateTime::fromString(s.text(2), Qt::ISODateWithMs).toUTC();
        order.history.append(change);
    }
}

std::optional<Order> ServerStorage::order(qint64 id)
{
    Statement s = m_db.statement(kOrderColumns + QStringLiteral(" WHERE id = ?"));
    s.bind(0, id).exec();
    if (!s.next())
        return std::nullopt;
    QList<Order> one { readOrder(s) };
    loadItems(one);
    loadHistory(one.first());
    return one.first();
}

void ServerStorage::updateOrder(qint64 id, const OrderUpdate &update, qint64 by)
{
    Database::Transaction tx(m_db);
    ReportStorage reports(m_db);
    const ReportStorage::OrderFigures before = reports.figures(id);
    std::optional<qint64> previousCrew;
    {
        Statement s = m_db.statement(QStringLiteral("SELECT delivery_crew_id, stage FROM orders WHERE id = ?"));
        s.bind(0, id).exec();
        if (!s.next())
            return;
        if (!s.value(0).isNull())
            previousCrew = s.integer(0);
        if (update.stage && orderStageFromWire(s.text(1)) != update.stage) {
            m_db.statement(QStringLiteral("UPDATE orders SET stage = ?, status = ? WHERE id = ?"))
                .bind(0, toWire(*update.stage))
                .bind(1, *update.stage == OrderStage::Delivered ? 1 : 0)
                .bind(2, id)
                .exec();
            addHistory(id, *update.stage, by);
        }
    }
    if (update.deliveryCrew) {
        m_db.statement(QStringLiteral("UPDATE orders SET delivery_crew_id = ? WHERE id = ?"))
            .bind(0, *update.deliveryCrew ? QVariant(**update.deliveryCrew) : QVariant(QMetaType::fromType<qint64>()))
            .bind(1, id)
            .exec();
    }
    if (update.note) {
        m_db.statement(QStringLiteral("UPDATE orders SET note = ? WHERE id = ?"))
            .bind(0, update.note->isNull() ? QStringLiteral("") : *update.note)
            .bind(1, id)
            .exec();
    }
    logOrder(id, previousCrew);
    reports.orderChanged(id, before, reports.figures(id));
    tx.commit();
}

bool ServerStorage::deleteOrder(qint64 id)
{
    Database::Transaction tx(m_db);
    const auto before = order(id);
    if (!before)
        return false;
    ReportStorage reports(m_db);
    const ReportStorage::OrderFigures figures = reports.figures(id);
    m_db.statement(QStringLiteral("DELETE FROM orders WHERE id = ?")).bind(0, id).exec();
    reports.orderChanged(id, figures, {});
    m_changes.remove(ChangeKind::Order, id, ChangeScope { before->user, before->deliveryCrew, 0 });
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

void ServerStorage::logOrder(qint64 id, std::optional<qint64> previousCrew)
{
    const auto o = order(id);
    if (!o)
        return;
    m_changes.upsert(ChangeKind::Order, id, Wire::orderDetail(*o), ChangeScope { o->user, o->deliveryCrew, 0 });
    if (o->deliveryCrew)
        m_changes.unrevoke(ChangeKind::Order, id, *o->deliveryCrew);
    if (previousCrew && previousCrew != o->deliveryCrew) {
        // Reassigned: the one who had it gets a delete of their own, unless
        // they still see the order (a manager, say).
        const auto before = userById(*previousCrew);
        if (before && !seesOrder(before->user, o->user, o->deliveryCrew))
            m_changes.revoke(ChangeKind::Order, id, *previousCrew);
    }
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

// ---- the kitchen print host (issue 17) ------------------------------------

std::optional<PrintHostLease> ServerStorage::printHost()
{
    Statement s = m_db.statement(QStringLiteral(
        "SELECT terminal_id, terminal_name, user_id, renewed_at, expires_at FROM print_host WHERE id = 1"));
    s.exec();
    if (!s.next())
        return std::nullopt;
    PrintHostLease l;
    l.terminalId = s.text(0);
    l.terminalName = s.text(1);
    l.userId = s.integer(2);
    l.renewedAt = QDateTime::fromString(s.text(3), Qt::ISODateWithMs).toUTC();
    l.expiresAt = QDateTime::fromString(s.text(4), Qt::ISODateWithMs).toUTC();
    return l;
}

void ServerStorage::setPrintHost(const PrintHostLease &lease)
{
    m_db.statement(QStringLiteral(
                       "INSERT INTO print_host (id, terminal_id, terminal_name, user_id, renewed_at, expires_at)"
                       " VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET terminal_id = excluded.terminal_id,"
                       " terminal_name = excluded.terminal_name, user_id = excluded.user_id,"
                       " renewed_at = excluded.renewed_at, expires_at = excluded.expires_at"))
        .bind(0, lease.terminalId)
        .bind(1, lease.terminalName)
        .bind(2, lease.userId)
        .bind(3, lease.renewedAt.toUTC().toString(Qt::ISODateWithMs))
        .bind(4, lease.expiresAt.toUTC().toString(Qt::ISODateWithMs))
        .exec();
}

bool ServerStorage::releasePrintHost(const QString &terminalId)
{
    Statement s = m_db.statement(QStringLiteral("DELETE FROM print_host WHERE id = 1 AND terminal_id = ?"));
    s.bind(0, terminalId).exec();
    return s.rowsAffected() > 0;
}

// ---- the hub's mirror of the cloud ---------------------------------------------

void ServerStorage::mirrorCategory(const Category &c)
{
    Database::Transaction tx(m_db);
    m_db.statement(QStringLiteral("INSERT INTO categories (id, slug, title, title_folded) VALUES (?, ?, ?, ?)"
                                  " ON CONFLICT(id) DO UPDATE SET slug = excluded.slug, title = excluded.title,"
                                  " title_folded = excluded.title_folded"))
        .bind(0, c.id)
        .bind(1, c.slug)
        .bind(2, c.title)
        .bind(3, fold(c.title))
        .exec();
    logCategory(c);
    tx.commit();
}

void ServerStorage::mirrorMenuItem(const MenuItem &item)
{
    Database::Transaction tx(m_db);
    const auto before = menuItem(item.id);
    MenuItem out = item;
    out.available = before ? before->available : true;
    m_db.statement(QStringLiteral("INSERT INTO menu_items (id, title, title_folded, price_cents, featured, category_id,"
                                  " available) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                  " ON CONFLICT(id) DO UPDATE SET title = excluded.title, title_folded ="
                                  " excluded.title_folded, price_cents = excluded.price_cents, featured ="
                                  " excluded.featured, category_id = excluded.category_id"))
        .bind(0, out.id)
        .bind(1, out.title)
        .bind(2, fold(out.title))
        .bind(3, out.price.cents())
        .bind(4, out.featured ? 1 : 0)
        .bind(5, out.category)
        .bind(6, out.available ? 1 : 0)
        .exec();
    logMenuItem(out);
    tx.commit();
}

bool ServerStorage::mirrorOrder(const Order &o, qint64 userId, std::optional<qint64> crew)
{
    Database::Transaction tx(m_db);
    {
        Statement s = m_db.statement(QStringLiteral("SELECT 1 FROM orders WHERE id = ?"));
        s.bind(0, o.id).exec();
        if (s.next())
            return false;
    }
    const bool delivered = o.status;
    m_db.statement(QStringLiteral("INSERT INTO orders (id, user_id, delivery_crew_id, status, total_cents, date,"
                                  " created_at, stage, note, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)"))
        .bind(0, o.id)
        .bind(1, userId)
        .bind(2, crew ? QVariant(*crew) : QVariant(QMetaType::fromType<qint64>()))
        .bind(3, delivered ? 1 : 0)
        .bind(4, o.total.cents())
        .bind(5, (o.date.isValid() ? o.date : QDate::currentDate()).toString(Qt::ISODate))
        .bind(6, nowIso())
        .bind(7, toWire(delivered ? OrderStage::Delivered : OrderStage::Received))
        .bind(8, toWire(OrderSource::Online))
        .exec();
    for (const OrderItem &line : o.items) {
        m_db.statement(kInsertLine)
            .bind(0, o.id)
            .bind(1, line.menuitem)
            .bind(2, line.menuitemTitle)
            .bind(3, line.quantity)
            .bind(4, line.unitPrice.cents())
            .bind(5, line.price.cents())
            .exec();
    }
    addHistory(o.id, OrderStage::Received, userId);
    if (delivered)
        addHistory(o.id, OrderStage::Delivered, crew.value_or(0));
    logOrder(o.id);
    ReportStorage reports(m_db);
    reports.orderChanged(o.id, {}, reports.figures(o.id));
    tx.commit();
    return true;
}

void ServerStorage::reserveLocalIds(qint64 from)
{
    Database::Transaction tx(m_db);
    for (const char *table : { "categories", "menu_items", "orders" }) {
        const QString name = QString::fromLatin1(table);
        Statement s = m_db.statement(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = ?"));
        s.bind(0, name).exec();
        if (!s.next()) {
            m_db.statement(QStringLiteral("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)"))
                .bind(0, name)
                .bind(1, from - 1)
                .exec();
        } else if (s.integer(0) < from - 1) {
            m_db.statement(QStringLiteral("UPDATE sqlite_sequence SET seq = ? WHERE name = ?"))
                .bind(0, from - 1)
                .bind(1, name)
                .exec();
        }
    }
    tx.commit();
}

} // namespace LittleLemon::Server
