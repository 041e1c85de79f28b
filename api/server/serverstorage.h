#pragma once

#include "api/server/database.h"
#include "models/category.h"
#include "models/menuitem.h"
#include "models/money.h"
#include "models/order.h"
#include "models/user.h"

#include <QDate>
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

// Every read and write of the server's data, over one Database. Money is
// stored as integer cents; writes that touch several rows run in one
// transaction. Methods throw StorageError on database failures; "not found"
// is an empty optional or false, never an exception.
class ServerStorage
{
public:
    explicit ServerStorage(Database &db);

    // The schema, step by step; index i brings user_version from i to i + 1.
    static QList<Database::Migration> migrations();

    Database &database() { return m_db; }

    // ---- users and groups
    std::optional<UserRecord> userById(qint64 id);
    std::optional<UserRecord> userByUsername(const QString &username);
    qint64 createUser(const QString &username, const QString &email, const QString &passwordHash, Role role);
    void setRole(qint64 userId, Role role);
    void setPasswordHash(qint64 userId, const QString &passwordHash);
    void setEmail(qint64 userId, const QString &email);
    void touchLastLogin(qint64 userId);
    qint64 userCount();
    QList<User> users(qint64 offset, qint64 limit);

    std::optional<GroupRecord> groupByName(const QString &name);
    QList<User> groupMembers(qint64 groupId);
    bool isMember(qint64 userId, qint64 groupId);
    bool addMember(qint64 userId, qint64 groupId);
    bool removeMember(qint64 userId, qint64 groupId);

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
    qint64 orderCount(const OrderQuery &query);
    QList<Order> orders(const OrderQuery &query, qint64 offset, qint64 limit);
    std::optional<Order> order(qint64 id);
    // Absent optionals leave the field as it is; crew nullopt-inside clears it.
    void updateOrder(qint64 id, std::optional<bool> status, std::optional<std::optional<qint64>> deliveryCrew);
    bool deleteOrder(qint64 id);

private:
    std::optional<UserRecord> readUser(Statement &s);
    void loadItems(QList<Order> &orders);

    Database &m_db;
};

} // namespace LittleLemon::Server
