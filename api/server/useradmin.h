#pragma once

#include "models/user.h"

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace LittleLemon::Server {

class ServerStorage;
struct UserRecord;

// User administration without the HTTP side, for `littlelemon-server user
// ...`: works on the database directly, also while a server runs on it.
class UserAdmin
{
public:
    explicit UserAdmin(ServerStorage &storage);

    // False with *error (a sentence for the operator) on a bad name or a duplicate.
    bool add(const QString &username, Role role, const QString &email, const QString &password, int hashIterations,
             QString *error);
    QList<User> list();
    bool setRole(const QString &username, Role role, QString *error);
    // Each of these also signs the user out of every terminal at once.
    bool setPassword(const QString &username, const QString &password, int hashIterations, QString *error);
    bool setActive(const QString &username, bool active, QString *error);
    // The user is gone from lists and cannot sign in; orders, bookings and
    // their history keep naming them, and the name stays taken.
    bool remove(const QString &username, QString *error);
    bool signOutEverywhere(const QString &username, QString *error);
    // Active users and inactive (not deleted) ones, with whether each is active.
    QList<QPair<User, bool>> listWithState();

private:
    // The user by name, unless deleted; *error otherwise.
    std::optional<UserRecord> find(const QString &username, QString *error);

    ServerStorage &m_storage;
};

} // namespace LittleLemon::Server
