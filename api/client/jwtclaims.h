#pragma once

#include <QString>

#include <optional>

namespace LittleLemon::Client {

// What a client may read from a SimpleJWT token without the server's key:
// the payload's user_id, token_type, iat and exp. The signature is the
// server's business; the client only needs to know who it is and when to
// refresh.
class JwtClaims
{
public:
    // nullopt when the text is not a JWT with those claims.
    static std::optional<JwtClaims> parse(const QString &token, QString *error = nullptr);

    qint64 userId() const { return m_userId; }
    const QString &tokenType() const { return m_tokenType; }
    qint64 issuedAt() const { return m_issuedAt; }   // seconds since the epoch, server clock
    qint64 expiresAt() const { return m_expiresAt; } // seconds since the epoch, server clock
    // exp − iat: the token's life only for a freshly signed-in token.
    // SimpleJWT copies the sign-in's iat into refreshed access tokens, so for
    // those it over-states what is left; AuthSession uses exp against the
    // server's Date instead, and this only when the server sent no Date.
    qint64 lifetimeSeconds() const { return m_expiresAt - m_issuedAt; }

private:
    qint64 m_userId = 0;
    QString m_tokenType;
    qint64 m_issuedAt = 0;
    qint64 m_expiresAt = 0;
};

} // namespace LittleLemon::Client
