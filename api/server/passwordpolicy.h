#pragma once

#include <QString>
#include <QStringList>

namespace LittleLemon::Server {

// Django's default AUTH_PASSWORD_VALIDATORS, with their messages: similar
// to the username or email (quick_ratio >= 0.7), at least 8 characters, not
// a well-known password, not entirely numeric.
class PasswordPolicy
{
public:
    static constexpr int kMinLength = 8;
    // Every problem with `password`, in Django's order; empty when acceptable.
    static QStringList problems(const QString &password, const QString &username, const QString &email);
};

} // namespace LittleLemon::Server
