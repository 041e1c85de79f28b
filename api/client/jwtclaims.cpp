#include "api/client/jwtclaims.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace LittleLemon::Client {

namespace {

// user_id is a number for Django's integer keys; some deployments send a string.
std::optional<qint64> integerClaim(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d >= 0 && d <= 9007199254740992.0 && d == double(qint64(d)))
            return qint64(d);
        return std::nullopt;
    }
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok && n >= 0)
            return n;
    }
    return std::nullopt;
}

} // namespace

std::optional<JwtClaims> JwtClaims::parse(const QString &token, QString *error)
{
    auto failed = [error](const QString &why) -> std::optional<JwtClaims> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QList<QStringView> parts = QStringView(token).split(u'.');
    if (parts.size() != 3)
        return failed(QStringLiteral("not three dot-separated parts"));
    const auto decoded = QByteArray::fromBase64Encoding(
        parts.at(1).toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return failed(QStringLiteral("payload is not base64url"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return failed(QStringLiteral("payload is not a JSON object"));
    const QJsonObject o = doc.object();
    JwtClaims c;
    const auto userId = integerClaim(o.value(QStringLiteral("user_id")));
    const auto iat = integerClaim(o.value(QStringLiteral("iat")));
    const auto exp = integerClaim(o.value(QStringLiteral("exp")));
    if (!userId)
        return failed(QStringLiteral("no user_id"));
    if (!exp)
        return failed(QStringLiteral("no exp"));
    c.m_userId = *userId;
    c.m_expiresAt = *exp;
    // Without iat, assume SimpleJWT's default access lifetime rather than trusting our clock.
    c.m_issuedAt = iat ? *iat : *exp - 15 * 60;
    if (c.m_issuedAt > c.m_expiresAt)
        return failed(QStringLiteral("iat after exp"));
    c.m_tokenType = o.value(QStringLiteral("token_type")).toString();
    return c;
}

} // namespace LittleLemon::Client
