#include "api/server/passwordhasher.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QStringList>

namespace LittleLemon::Server {

namespace {
const QString kAlgorithm = QStringLiteral("pbkdf2_sha256");
// Django refuses hashes past this; so do we, so a planted hash cannot make
// one login take minutes.
constexpr int kMaxIterations = 10'000'000;

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}
} // namespace

QString PasswordHasher::hash(const QString &password, int iterations)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QString salt;
    salt.reserve(22);
    for (int i = 0; i < 22; ++i)
        salt += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(62)]);
    return hash(password, salt, iterations);
}

QString PasswordHasher::hash(const QString &password, const QString &salt, int iterations)
{
    const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(),
                                                              salt.toUtf8(), iterations, 32);
    return kAlgorithm + u'$' + QString::number(iterations) + u'$' + salt + u'$' + QString::fromLatin1(key.toBase64());
}

int PasswordHasher::iterations(const QString &encoded)
{
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 4 || parts.at(0) != kAlgorithm)
        return 0;
    bool ok = false;
    const int n = parts.at(1).toInt(&ok);
    return ok && n > 0 && n <= kMaxIterations ? n : 0;
}

bool PasswordHasher::verify(const QString &password, const QString &encoded)
{
    const QStringList parts = encoded.split(u'$');
    const int n = iterations(encoded);
    if (n == 0 || parts.at(2).isEmpty() || parts.at(3).isEmpty())
        return false;
    const QString computed = hash(password, parts.at(2), n);
    return constantTimeEquals(computed.toUtf8(), encoded.toUtf8());
}

} // namespace LittleLemon::Server
