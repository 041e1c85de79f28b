#pragma once

#include "models/menuitem.h"

#include <QHash>
#include <QList>
#include <QString>

namespace LittleLemon::Server {

class ServerStorage;

// The Little Lemon demo: the cloud's menu (drinks, meals, desserts,
// appetizers, with its prices) plus a few dishes of our own, and one user
// per role with a fresh random password each.
class DemoData
{
public:
    struct Account
    {
        QString role;
        QString username;
        QString password;
    };

    // True when the database holds no users and no menu yet.
    static bool isEmpty(ServerStorage &storage);
    // Loads everything in one transaction and returns the accounts (with
    // their passwords, which are not stored anywhere else in clear). Besides
    // the menu and the accounts: eight tables, today's bookings (and one for
    // tomorrow) in every status, orders in every stage, one dish sold out.
    static QList<Account> load(ServerStorage &storage, int hashIterations);

private:
    static void loadRestaurantDay(ServerStorage &storage, const QHash<QString, MenuItem> &menu,
                                  const QHash<QString, qint64> &users);
};

// Synthetic data for bench/server-throughput: many menu items, customers
// and orders, written in one transaction.
class BenchData
{
public:
    static void load(ServerStorage &storage, int menuItems, int orders, int hashIterations);
};

} // namespace LittleLemon::Server
