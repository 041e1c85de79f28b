#pragma once

// Shared by the hostile-input tests: a real littlelemon-server with the
// cloud's cast and menu (tests/server CloudFixture), a way to prove a refused
// request changed nothing (DbSnapshot of the server's database), and JWTs
// made by hand the way an attacker would make them.

#include "dbsnapshot.h"
#include "tests/server/cloudfixture.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

namespace LittleLemon::Test {

inline QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

inline QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// header.payload, unsigned.
inline QByteArray signingInput(const QJsonObject &header, const QJsonObject &payload)
{
    return base64Url(compactJson(header)) + '.' + base64Url(compactJson(payload));
}

// An HMAC-signed JWT; an empty key gives the unsigned form "header.payload.".
inline QByteArray hmacToken(const QJsonObject &header, const QJsonObject &payload, const QByteArray &key,
                            QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256)
{
    const QByteArray input = signingInput(header, payload);
    if (key.isEmpty())
        return input + '.';
    return input + '.' + base64Url(QMessageAuthenticationCode::hash(input, key, algorithm));
}

// SimpleJWT's claims for `userId`, expiring `expiresIn` seconds from now.
inline QJsonObject tokenClaims(const QString &type, qint64 userId, qint64 expiresIn = 600)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return { { QStringLiteral("token_type"), type },
             { QStringLiteral("exp"), now + expiresIn },
             { QStringLiteral("iat"), now },
             { QStringLiteral("jti"), QStringLiteral("feedfacefeedfacefeedfacefeedface") },
             { QStringLiteral("user_id"), userId } };
}

// The server's database file.
inline QString databaseOf(const TestServer &server)
{
    return server.dataDir() + QStringLiteral("/littlelemon.sqlite3");
}

} // namespace LittleLemon::Test
