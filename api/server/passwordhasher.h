#pragma once

#include <QByteArray>
#include <QString>

namespace LittleLemon::Server {

// Django-compatible password hashes: "pbkdf2_sha256$<iterations>$<salt>$<base64
// of PBKDF2-HMAC-SHA256(password, salt, iterations, 32 bytes)>", so users
// move between the cloud's database and ours with their passwords.
class PasswordHasher
{
public:
    static constexpr int kDefaultIterations = 260000; // Django 3.2/4.0's count

    // A new hash with a fresh random salt (22 characters of [A-Za-z0-9], as Django makes).
    static QString hash(const QString &password, int iterations = kDefaultIterations);
    static QString hash(const QString &password, const QString &salt, int iterations);
    // Constant-time comparison against a stored hash; false for any other
    // algorithm or a malformed or unusable ("!...") hash.
    static bool verify(const QString &password, const QString &encoded);
    // The iteration count inside a hash, 0 if it is not ours.
    static int iterations(const QString &encoded);
};

} // namespace LittleLemon::Server
