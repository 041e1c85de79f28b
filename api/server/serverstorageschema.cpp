// ServerStorage's schema: each version's statements and the ladder that
// applies them (Database runs the ladder in one transaction per step).

#include "api/server/serverstorage.h"

#include "api/server/idempotencystore.h"
#include "api/server/reportstorage.h"

namespace LittleLemon::Server {

namespace {

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

} // namespace

QList<Database::Migration> ServerStorage::migrations()
{
    return { createSchemaV1, createSchemaV2, createSchemaV3, createSchemaV4, createSchemaV5,
             ReportStorage::createSchema, createSchemaV7 };
}

} // namespace LittleLemon::Server
