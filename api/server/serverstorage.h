#pragma once

#include "api/server/changelog.h"
#include "api/server/database.h"
#include "models/booking.h"
#include "models/category.h"
#include "models/diningtable.h"
#include "models/menuitem.h"
#include "models/money.h"
#include "models/order.h"
#include "models/report.h"
#include "models/user.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace LittleLemon::Server {

// A user as the server stores it: the public record plus what only the
// server sees.
struct UserRecord
{
    User user;
    QString passwordHash; // Django's pbkdf2_sha256$iterations$salt$hash
    bool active = true;
    // Tokens carry the generation they were issued under; a password
    // change, a deactivation, a deletion or "sign out everywhere" raises it,
    // and every older token is refused from then on.
    qint64 tokenGeneration = 0;
    // Deleted: kept (orders and their history name the user) but inactive,
    // out of every list, and its name stays taken.
    bool deleted = false;
};

struct GroupRecord
{
    qint64 id = 0;
    QString name;
};

// The menu list's filters, as the cloud reads its query string.
struct MenuQuery
{
    enum class Ordering { Id, PriceAscending, PriceDescending };
    QString categorySlug;       // exact, case-insensitive; empty: any
    std::optional<Money> price; // exact
    QStringList searchTerms;    // each must match title, category slug or id
    Ordering ordering = Ordering::Id;
    bool onlyAvailable = false; // customers and anonymous callers do not see 86'd items
};

struct CategoryQuery
{
    enum class Ordering { Id, TitleAscending, TitleDescending };
    QStringList searchTerms; // title or slug
    Ordering ordering = Ordering::Id;
};

// Which orders a caller sees: a manager all, delivery crew the ones
// assigned to them, everyone else their own.
struct OrderQuery
{
    enum class Scope { All, AssignedTo, OwnedBy };
    enum class Ordering { Id, IdDescending, DateAscending, DateDescending, TotalAscending, TotalDescending };
    Scope scope = Scope::OwnedBy;
    qint64 userId = 0;
    Ordering ordering = Ordering::Id;
};

// Which bookings a caller sees: managers and admins all, everyone else their own.
struct BookingQuery
{
    enum class Scope { All, OwnedBy };
    Scope scope = Scope::OwnedBy;
    qint64 userId = 0;
    std::optional<QDate> date;
};

// A change to an order: absent optionals leave the field as it is.
struct OrderUpdate
{
    std::optional<OrderStage> stage;
    std::optional<std::optional<qint64>> deliveryCrew; // inner nullopt clears it
    std::optional<QString> note;
};

// Which terminal prints the restaurant's kitchen tickets (issue 17): a lease
// the terminal renews; an expired one is free for anyone.
struct PrintHostLease
{
    QString terminalId; // the terminal's own id (a UUID it keeps)
    QString terminalName; // "Counter 1", for people
    qint64 userId = 0; // who signed in there when it was taken
    QDateTime renewedAt; // UTC
    QDateTime expiresAt; // UTC
};

// Every read and write of the server's data, over one Database. Money is
// stored as integer cents; writes that touch several rows run in one
// transaction. Methods throw StorageError on database failures; "not found"
// is an empty optional or false, never an exception.
//
// Every write of a row the change feed carries (categories, menu items,
// orders, bookings, tables, group memberships) appends to the ChangeLog in
// its own transaction, with the row as its own GET shows it.
class ServerStorage
{
public:
    explicit ServerStorage(Database &db);

    // The schema, step by step; index i brings user_version from i to i + 1.
    static QList<Database::Migration> migrations();

    Database &database() { return m_db; }
    ChangeLog &changes() { return m_changes; }
    // Adds a change entry for every row that has none (rows written before
    // the change log existed, or loaded in bulk by BenchData).
    void fillChangeLog();

    // ---- users and groups
    std::optional<UserRecord> userById(qint64 id);
    std::optional<UserRecord> userByUsername(const QString &username);
    qint64 createUser(const QString &username, const QString &email, const QString &passwordHash, Role role);
    // Changes the role; the change feed gives the user entries of their own
    // for every row they now see differently.
    void setRole(qint64 userId, Role role);
    // Also signs the user out everywhere (the token generation moves on).
    void setPasswordHash(qint64 userId, const QString &passwordHash);
    // Deactivating signs out everywhere too; activating lets the user sign in again.
    void setActive(qint64 userId, bool active);
    // Inactive, no role, an unusable password, out of every list; the row
    // stays for the orders, bookings and history that name the user.
    void deleteUser(qint64 userId);
    // Every token issued to the user so far is refused from now on.
    void bumpTokenGeneration(qint64 userId);
    // Marks a refresh token (its jti) used; false when it already was.
    // Remembered until `expires` (seconds since the epoch), then forgotten.
    bool useRefreshToken(const QString &jti, qint64 userId, qint64 expires);
    void setEmail(qint64 userId, const QString &email);
    void touchLastLogin(qint64 userId);
    qint64 userCount();
    QList<User> users(qint64 offset, qint64 limit);

    std::optional<GroupRecord> groupByName(const QString &name);
    QList<User> groupMembers(qint64 groupId);
    bool isMember(qint64 userId, qint64 groupId);
    bool addMember(qint64 userId, qint64 groupId);
    bool removeMember(qint64 userId, qint64 groupId);
    // Whether `user` would see an order of `owner` assigned to `crew` in their lists.
    static bool seesOrder(const User &user, qint64 owner, std::optional<qint64> crew);

    // ---- categories
    qint64 categoryCount(const CategoryQuery &query);
    QList<Category> categories(const CategoryQuery &query, qint64 offset, qint64 limit);
    std::optional<Category> category(qint64 id);
    std::optional<Category> categoryBySlug(const QString &slug);
    Category createCategory(const QString &slug, const QString &title);
    void updateCategory(const Category &category);
    bool deleteCategory(qint64 id);
    qint64 menuItemsInCategory(qint64 categoryId);

    // ---- menu items
    qint64 menuItemCount(const MenuQuery &query);
    QList<MenuItem> menuItems(const MenuQuery &query, qint64 offset, qint64 limit);
    std::optional<MenuItem> menuItem(qint64 id);
    MenuItem createMenuItem(const MenuItem &item);
    void updateMenuItem(const MenuItem &item);
    bool deleteMenuItem(qint64 id);

    // ---- cart
    QList<CartItem> cart(qint64 userId);
    std::optional<CartItem> cartItem(qint64 userId, qint64 id);
    // Adds the item, or adds to the quantity of the row already holding it.
    CartItem addToCart(qint64 userId, const MenuItem &item, int quantity);
    std::optional<CartItem> setCartQuantity(qint64 userId, qint64 id, int quantity);
    bool deleteCartItem(qint64 userId, qint64 id);

    // ---- orders
    // Moves the cart into a new order in one transaction. nullopt when the cart is empty.
    std::optional<OrderCreated> createOrderFromCart(qint64 userId, const QDate &date);
    // A counter order taken by staff: the lines as given (menu item, title,
    // quantity and prices already taken from the menu), in one transaction.
    // *detail (when given): the new order as its GET shows it.
    OrderCreated createCounterOrder(qint64 userId, const QList<OrderItem> &lines, const QString &note,
                                    const QDate &date, OrderSource source = OrderSource::Counter,
                                    QByteArray *detail = nullptr);
    // One line of an order, note included (empty where there is none): the
    // cart's, a counter order's, the cloud's mirrored orders and the bench
    // seeder's alike. Inside the caller's transaction.
    void insertOrderLine(qint64 orderId, const OrderItem &line);
    qint64 orderCount(const OrderQuery &query);
    QList<Order> orders(const OrderQuery &query, qint64 offset, qint64 limit);
    // One order with its stage history.
    std::optional<Order> order(qint64 id);
    // Applies `update`; a stage change records who (`by`) and when, and
    // keeps `status` equal to "the stage is delivered". Returns the order as
    // its GET shows it now (what the change log got; empty when it is gone).
    QByteArray updateOrder(qint64 id, const OrderUpdate &update, qint64 by);
    bool deleteOrder(qint64 id);

    // ---- the kitchen print host (issue 17): one lease at most
    std::optional<PrintHostLease> printHost(); // expired or not
    void setPrintHost(const PrintHostLease &lease);
    // Only the terminal holding it lets it go; false when it held nothing.
    bool releasePrintHost(const QString &terminalId);

    // ---- tables
    qint64 tableCount();
    QList<DiningTable> tables(qint64 offset, qint64 limit);
    std::optional<DiningTable> table(qint64 id);
    std::optional<DiningTable> tableByName(const QString &name);
    DiningTable createTable(const DiningTable &table);
    void updateTable(const DiningTable &table);
    // Bookings of the table keep their other fields and lose the table.
    bool deleteTable(qint64 id);

    // ---- bookings
    qint64 bookingCount(const BookingQuery &query);
    QList<Booking> bookings(const BookingQuery &query, qint64 offset, qint64 limit);
    std::optional<Booking> booking(qint64 id);
    // Bookings of `tableId` from the day before `date` to the day after,
    // other than `exceptId`, that still hold the table (not cancelled, not a no-show).
    QList<Booking> bookingsHoldingTable(qint64 tableId, const QDate &date, qint64 exceptId);
    qint64 activeBookingsOfTable(qint64 tableId, const QDate &from);
    Booking createBooking(const Booking &booking);
    void updateBooking(const Booking &booking);
    bool deleteBooking(qint64 id);

    // ---- the hub's mirror of the cloud (issue 19, api/hub/upstreamlink.h)
    // Rows written with the cloud's own ids, each with its change-log entry
    // as any write (terminals see them through the feed and push).
    // Inserts the category, or replaces the row of that id.
    void mirrorCategory(const Category &category);
    // Inserts the item, or replaces title, price, featured and category of
    // the row of that id (availability is the hub's: the cloud has no field).
    void mirrorMenuItem(const MenuItem &item);
    // Inserts an order the hub does not have yet, with its lines, as
    // "received" (and "delivered" after it when the cloud says delivered),
    // placed by `userId` (a hub user). False when the id is taken already.
    bool mirrorOrder(const Order &order, qint64 userId, std::optional<qint64> crew);
    // New rows made here (categories, menu items, orders) get ids from
    // `from` on, so they never meet the cloud's ids.
    void reserveLocalIds(qint64 from);

private:
    std::optional<UserRecord> readUser(Statement &s);
    // The SELECT readUser() reads, for the schema version at hand.
    QString userColumns() const;
    // The role's rows (is_staff, memberships), without touching anyone's view.
    void applyRole(qint64 userId, Role role);
    // Membership rows and their change entries only.
    bool changeMembership(qint64 userId, qint64 groupId, bool member);
    bool insertMembership(qint64 userId, qint64 groupId);
    bool deleteMembership(qint64 userId, qint64 groupId);
    void loadItems(QList<Order> &orders);
    void loadHistory(Order &order);
    void addHistory(qint64 orderId, OrderStage stage, qint64 by);

    // Change-log entries: the row as its own GET shows it now.
    void logCategory(const Category &c);
    void logMenuItem(const MenuItem &m);
    // The order's entry is returned: its detail as GET shows it (empty: gone).
    QByteArray logOrder(qint64 id, std::optional<qint64> previousCrew = std::nullopt);
    void logTable(const DiningTable &t);
    void logBooking(const Booking &b);
    void logMembership(qint64 membershipId, const QString &group, qint64 userId);
    void logMembershipsOf(qint64 userId);

    // Every order's list in id order, a page at offset N: SQLite steps over
    // N rows (150 us at 7,500). The id at every kAnchorStep-th position
    // instead, kept while Database::rowSetVersion("orders") stands (new
    // orders come at the top and move no position below them), so a page
    // seeks to the anchor before it and steps over fewer than kAnchorStep.
    struct OrderAnchors
    {
        qint64 version = -1;
        QList<qint64> ids; // ids[k]: the id at position k * kAnchorStep
    };
    static constexpr qint64 kAnchorStep = 64;
    // The anchor at or before `offset` (position, id), or nullopt: use OFFSET.
    std::optional<std::pair<qint64, qint64>> orderAnchor(qint64 offset);

    Database &m_db;
    ChangeLog m_changes;
    OrderAnchors m_anchors;
};

} // namespace LittleLemon::Server
