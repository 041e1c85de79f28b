#pragma once

#include "models/user.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace LittleLemon::Server {

// What a valid token says.
struct TokenClaims
{
    QString type; // "access" or "refresh"
    qint64 userId = 0;
    qint64 issuedAt = 0;
    qint64 expires = 0;
    QString jti;
    // The user's token generation when it was issued ("gen"; 0 when absent,
    // as in tokens from before revocation or the cloud's SimpleJWT).
    qint64 generation = 0;
};

// Issues and checks SimpleJWT-compatible tokens with libjwt: HS256 only (the
// algorithm is pinned after decoding, so "none" and every other algorithm are
// refused), claims token_type, exp, iat, jti, user_id and gen (the user's
// token generation, UserRecord::tokenGeneration). The signing secret
// lives in the data directory, created on first start with mode 0600.
class TokenService
{
public:
    static constexpr qsizetype kMaxTokenLength = 4096;

    // Reads DIR/jwt-secret, creating it (random, 0600) when missing.
    bool loadOrCreateSecret(const QString &dataDir, QString *error);
    void setSecret(const QByteArray &secret)
    {
        m_secret = secret;
        m_verified.clear();
    }

    void setLifetimes(int accessSeconds, int refreshSeconds);
    int accessLifetime() const { return m_accessTtl; }

    // `generation`: the user's UserRecord::tokenGeneration now (0 for a new user).
    // `expiresAt` (seconds since the epoch) instead of now + the type's
    // lifetime: a rotated refresh token keeps its sign-in's expiry.
    QString issue(const QString &type, qint64 userId, qint64 generation = 0, qint64 expiresAt = 0) const;
    TokenPair issuePair(qint64 userId, qint64 generation) const;

    // The claims of a well-signed HS256 token that has not expired; nullopt
    // otherwise. Does not look at token_type: callers decide what they take.
    std::optional<TokenClaims> verify(const QByteArray &token) const;

private:
    std::optional<TokenClaims> decode(const QByteArray &token) const;

    // Tokens already checked, by their exact bytes (signature included), so a
    // terminal's every request does not pay for HMAC and JSON parsing again.
    mutable QHash<QByteArray, TokenClaims> m_verified;
    QByteArray m_secret;
    int m_accessTtl = 15 * 60;
    int m_refreshTtl = 7 * 24 * 3600;
};

} // namespace LittleLemon::Server
