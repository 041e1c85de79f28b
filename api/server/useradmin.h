#pragma once

#include "models/user.h"

#include <QList>
#include <QString>

namespace LittleLemon::Server {

class ServerStorage;

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
    bool setPassword(const QString &username, const QString &password, int hashIterations, QString *error);

private:
    ServerStorage &m_storage;
};

} // namespace LittleLemon::Server
