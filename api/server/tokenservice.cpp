#include "api/server/tokenservice.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QUuid>

#include <jwt.h>

#include <cerrno>
#include <cstdlib>
#include <memory>

namespace LittleLemon::Server {

namespace {
struct JwtDeleter
{
    void operator()(jwt_t *j) const { jwt_free(j); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

const QString kSecretFile = QStringLiteral("jwt-secret");

// A JWT is three base64url parts; anything else never reaches libjwt (whose
// C API also stops at the first NUL).
bool looksLikeJwt(const QByteArray &token)
{
    if (token.isEmpty() || token.size() > TokenService::kMaxTokenLength)
        return false;
    int dots = 0;
    for (char c : token) {
        if (c == '.')
            ++dots;
        else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                   || c == '='))
            return false;
    }
    return dots == 2;
}

std::optional<qint64> intGrant(jwt_t *jwt, const char *name)
{
    // SimpleJWT writes a non-integer primary key as a string; libjwt's
    // integer getter answers 0 (without errno) for one, so strings go first.
    if (const char *s = jwt_get_grant(jwt, name)) {
        bool ok = false;
        const qint64 n = QByteArray(s).toLongLong(&ok);
        return ok ? std::optional<qint64>(n) : std::nullopt;
    }
    errno = 0;
    const long v = jwt_get_grant_int(jwt, name);
    if (errno != 0)
        return std::nullopt;
    return qint64(v);
}
} // namespace

bool TokenService::loadOrCreateSecret(const QString &dataDir, QString *error)
{
    const QString path = QDir(dataDir).filePath(kSecretFile);
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return false;
        }
        m_secret = file.readAll().trimmed();
        if (m_secret.size() < 32) {
            if (error)
                *error = QStringLiteral("%1 holds too short a secret (at least 32 characters)").arg(path);
            return false;
        }
        return true;
    }
    QByteArray raw(48, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    // Text, not raw bytes: an operator can paste the cloud's SECRET_KEY here
    // to accept the cloud's tokens.
    const QByteArray secret = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    // Created with 0600 from the start (NewOnly fails if someone raced us).
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(secret + '\n') != secret.size() + 1 || !file.flush()) {
        if (error)
            *error = QStringLiteral("cannot create %1: %2").arg(path, file.errorString());
        return false;
    }
    file.close();
    m_secret = secret;
    return true;
}

void TokenService::setLifetimes(int accessSeconds, int refreshSeconds)
{
    m_accessTtl = accessSeconds;
    m_refreshTtl = refreshSeconds;
}

QString TokenService::issue(const QString &type, qint64 userId, qint64 generation, qint64 expiresAt) const
{
    jwt_t *raw = nullptr;
    if (jwt_new(&raw) != 0)
        return {};
    JwtPtr jwt(raw);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const int ttl = type == QLatin1String("refresh") ? m_refreshTtl : m_accessTtl;
    const QByteArray jti = QUuid::createUuid().toByteArray(QUuid::Id128);
    if (jwt_add_grant(jwt.get(), "token_type", type.toUtf8().constData()) != 0
        || jwt_add_grant_int(jwt.get(), "exp", long(expiresAt > 0 ? expiresAt : now + ttl)) != 0
        || jwt_add_grant_int(jwt.get(), "iat", long(now)) != 0
        || jwt_add_grant(jwt.get(), "jti", jti.constData()) != 0
        || jwt_add_grant_int(jwt.get(), "user_id", long(userId)) != 0
        || jwt_add_grant_int(jwt.get(), "gen", long(generation)) != 0
        || jwt_set_alg(jwt.get(), JWT_ALG_HS256, reinterpret_cast<const unsigned char *>(m_secret.constData()),
                       int(m_secret.size()))
            != 0)
        return {};
    char *encoded = jwt_encode_str(jwt.get());
    if (!encoded)
        return {};
    const QString out = QString::fromLatin1(encoded);
    std::free(encoded);
    return out;
}

TokenPair TokenService::issuePair(qint64 userId, qint64 generation) const
{
    TokenPair pair;
    pair.refresh = issue(QStringLiteral("refresh"), userId, generation);
    pair.access = issue(QStringLiteral("access"), userId, generation);
    return pair;
}

std::optional<TokenClaims> TokenService::verify(const QByteArray &token) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto hit = m_verified.constFind(token);
    if (hit != m_verified.constEnd()) {
        if (hit->expires > now)
            return *hit;
        m_verified.erase(hit);
        return std::nullopt;
    }
    auto claims = decode(token);
    if (claims) {
        // Bounded: a flood of distinct valid tokens only costs a re-check.
        if (m_verified.size() >= 4096)
            m_verified.clear();
        m_verified.insert(token, *claims);
    }
    return claims;
}

std::optional<TokenClaims> TokenService::decode(const QByteArray &token) const
{
    if (!looksLikeJwt(token) || m_secret.isEmpty())
        return std::nullopt;
    jwt_t *raw = nullptr;
    // With a key, libjwt checks the signature and refuses "alg": "none".
    if (jwt_decode(&raw, token.constData(), reinterpret_cast<const unsigned char *>(m_secret.constData()),
                   int(m_secret.size()))
            != 0
        || !raw)
        return std::nullopt;
    JwtPtr jwt(raw);
    // ...but it would take HS384/HS512 signed with the same secret: pin it.
    if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256)
        return std::nullopt;
    TokenClaims claims;
    const char *type = jwt_get_grant(jwt.get(), "token_type");
    const auto exp = intGrant(jwt.get(), "exp");
    const auto userId = intGrant(jwt.get(), "user_id");
    if (!type || !exp || !userId)
        return std::nullopt;
    // PyJWT's rule: expired once exp <= now.
    if (*exp <= QDateTime::currentSecsSinceEpoch())
        return std::nullopt;
    claims.type = QString::fromUtf8(type);
    claims.expires = *exp;
    claims.userId = *userId;
    claims.issuedAt = intGrant(jwt.get(), "iat").value_or(0);
    claims.generation = intGrant(jwt.get(), "gen").value_or(0);
    if (const char *jti = jwt_get_grant(jwt.get(), "jti"))
        claims.jti = QString::fromUtf8(jti);
    return claims;
}

} // namespace LittleLemon::Server
