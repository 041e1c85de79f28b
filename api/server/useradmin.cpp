#include "api/server/useradmin.h"

#include "api/server/passwordhasher.h"
#include "api/server/serverstorage.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace LittleLemon::Server {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("LittleLemon::Server::UserAdmin", text);
}
} // namespace

UserAdmin::UserAdmin(ServerStorage &storage)
    : m_storage(storage)
{
}

bool UserAdmin::add(const QString &username, Role role, const QString &email, const QString &password,
                    int hashIterations, QString *error)
{
    static const QRegularExpression valid(QStringLiteral("^[\\w.@+-]{1,150}$"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    if (!valid.match(username).hasMatch()) {
        *error = tr("\"%1\" is not a valid username: up to 150 letters, digits and @/./+/-/_").arg(username);
        return false;
    }
    if (password.isEmpty()) {
        *error = tr("the password is empty");
        return false;
    }
    if (m_storage.userByUsername(username)) {
        *error = tr("a user named \"%1\" already exists").arg(username);
        return false;
    }
    m_storage.createUser(username, email, PasswordHasher::hash(password, hashIterations), role);
    return true;
}

QList<User> UserAdmin::list()
{
    return m_storage.users(0, std::numeric_limits<qint64>::max());
}

bool UserAdmin::setRole(const QString &username, Role role, QString *error)
{
    const auto record = m_storage.userByUsername(username);
    if (!record) {
        *error = tr("no user named \"%1\"").arg(username);
        return false;
    }
    m_storage.setRole(record->user.id, role);
    return true;
}

bool UserAdmin::setPassword(const QString &username, const QString &password, int hashIterations, QString *error)
{
    const auto record = m_storage.userByUsername(username);
    if (!record) {
        *error = tr("no user named \"%1\"").arg(username);
        return false;
    }
    if (password.isEmpty()) {
        *error = tr("the password is empty");
        return false;
    }
    m_storage.setPasswordHash(record->user.id, PasswordHasher::hash(password, hashIterations));
    return true;
}

} // namespace LittleLemon::Server
