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

bool UserAdmin::add(const QString &name, Role role, const QString &email, const QString &password,
                    int hashIterations, QString *error)
{
    // Django's normalize_username: a fullwidth "ｍａｒｉｏ" is "mario".
    const QString username = name.normalized(QString::NormalizationForm_KC);
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

std::optional<UserRecord> UserAdmin::find(const QString &username, QString *error)
{
    auto record = m_storage.userByUsername(username);
    if (!record || record->deleted) {
        *error = tr("no user named \"%1\"").arg(username);
        return std::nullopt;
    }
    return record;
}

bool UserAdmin::setRole(const QString &username, Role role, QString *error)
{
    const auto record = find(username, error);
    if (!record)
        return false;
    m_storage.setRole(record->user.id, role);
    return true;
}

bool UserAdmin::setPassword(const QString &username, const QString &password, int hashIterations, QString *error)
{
    const auto record = find(username, error);
    if (!record)
        return false;
    if (password.isEmpty()) {
        *error = tr("the password is empty");
        return false;
    }
    m_storage.setPasswordHash(record->user.id, PasswordHasher::hash(password, hashIterations));
    return true;
}

bool UserAdmin::setActive(const QString &username, bool active, QString *error)
{
    const auto record = find(username, error);
    if (!record)
        return false;
    m_storage.setActive(record->user.id, active);
    return true;
}

bool UserAdmin::remove(const QString &username, QString *error)
{
    const auto record = find(username, error);
    if (!record)
        return false;
    m_storage.deleteUser(record->user.id);
    return true;
}

bool UserAdmin::signOutEverywhere(const QString &username, QString *error)
{
    const auto record = find(username, error);
    if (!record)
        return false;
    m_storage.bumpTokenGeneration(record->user.id);
    return true;
}

QList<QPair<User, bool>> UserAdmin::listWithState()
{
    QList<QPair<User, bool>> out;
    for (const User &u : list()) {
        const auto record = m_storage.userById(u.id);
        out.append({ u, record && record->active });
    }
    return out;
}

} // namespace LittleLemon::Server
