// The server's token service (TokenService over libjwt), fed tokens an
// attacker could send. An input is one flags byte, then either the raw token
// (flag 0x08) or a header and a payload, as JSON text split by a newline,
// which this harness encodes and signs the way the flags say: HS256, HS384,
// HS512 or no signature, with the server's secret or another one.
//
// A token the service accepts must be, independently of libjwt: three
// base64url parts whose signature is the HMAC-SHA256 of the first two parts
// under the server's secret, whose header names HS256, and whose payload
// carries an unexpired exp, a token_type and the user id the claims report.
// Checking twice (the second time from the service's cache) must give the
// same answer.
//
// Two leniencies of libjwt 1.10 found here are mirrored, not reported: it
// reads the decoded header and payload as C strings (JSON after a NUL byte
// is ignored) and compares algorithm names without regard to case
// ("hs256"). Neither lets anyone without the secret in: the signature is
// still HMAC-SHA256 under our key, checked above by this harness itself.

#include "fuzzsupport.h"

#include "api/server/tokenservice.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

using namespace LittleLemon::Server;

namespace {
const QByteArray kSecret = "fuzz-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
const QByteArray kOtherSecret = "another-secret-0123456789-abcdefghijklmnopqrstuv";

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray unb64(const QByteArray &text, bool *ok)
{
    const auto r = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    *ok = bool(r);
    return r.decoded;
}

// What libjwt's C API sees of decoded bytes: everything up to the first NUL.
QByteArray asCString(const QByteArray &bytes)
{
    const qsizetype nul = bytes.indexOf('\0');
    return nul < 0 ? bytes : bytes.left(nul);
}

TokenService *g_tokens = nullptr;

void checkAccepted(const QByteArray &token, const TokenClaims &claims)
{
    const QList<QByteArray> parts = token.split('.');
    LL_FUZZ_CHECK(parts.size() == 3, token);
    bool ok = false;
    const QByteArray header = unb64(parts.at(0), &ok);
    LL_FUZZ_CHECK(ok, token);
    const QByteArray payload = unb64(parts.at(1), &ok);
    LL_FUZZ_CHECK(ok, token);
    const QByteArray signature = unb64(parts.at(2), &ok);
    LL_FUZZ_CHECK(ok, token);
    const QByteArray expected = QMessageAuthenticationCode::hash(parts.at(0) + '.' + parts.at(1), kSecret,
                                                                 QCryptographicHash::Sha256);
    LL_FUZZ_CHECK(signature == expected, "accepted without our HS256 signature: " + token);
    const QJsonObject h = QJsonDocument::fromJson(asCString(header)).object();
    LL_FUZZ_CHECK(h.value(QStringLiteral("alg")).toString().compare(QStringLiteral("HS256"), Qt::CaseInsensitive) == 0,
                  "header: " + header);
    const QJsonObject p = QJsonDocument::fromJson(asCString(payload)).object();
    LL_FUZZ_CHECK(claims.expires > QDateTime::currentSecsSinceEpoch(), "payload: " + payload);
    LL_FUZZ_CHECK(claims.type == p.value(QStringLiteral("token_type")).toString(), "payload: " + payload);
    const QJsonValue uid = p.value(QStringLiteral("user_id"));
    const qint64 expectedUser = uid.isString() ? uid.toString().toLongLong() : uid.toInteger();
    LL_FUZZ_CHECK(claims.userId == expectedUser, "payload: " + payload);
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    LittleLemon::Fuzz::initialize(argc, argv);
    g_tokens = new TokenService;
    g_tokens->setSecret(kSecret);
    // What the service issues, it takes back, as the claims it was given.
    for (const qint64 user : { qint64(1), qint64(4), qint64(2147483647) }) {
        for (const QString &type : { QStringLiteral("access"), QStringLiteral("refresh") }) {
            const QByteArray token = g_tokens->issue(type, user).toLatin1();
            const auto claims = g_tokens->verify(token);
            if (!claims || claims->userId != user || claims->type != type)
                LittleLemon::Fuzz::finding("an issued token is refused", token);
        }
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const quint8 flags = data[0];
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QByteArray token;
    if (flags & 0x08) {
        token = rest;
    } else {
        const qsizetype newline = rest.indexOf('\n');
        const QByteArray header = newline < 0 ? rest : rest.left(newline);
        const QByteArray payload = newline < 0 ? QByteArray() : rest.mid(newline + 1);
        const QByteArray signingInput = b64(header) + '.' + b64(payload);
        const QByteArray &key = (flags & 0x04) ? kOtherSecret : kSecret;
        QByteArray signature;
        switch (flags & 0x03) {
        case 0: signature = QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256); break;
        case 1: signature = QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha384); break;
        case 2: signature = QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha512); break;
        default: break; // unsigned, as "alg": "none" sends it
        }
        token = signingInput + '.' + b64(signature);
    }
    const auto first = g_tokens->verify(token);
    const auto second = g_tokens->verify(token); // from the cache this time
    LL_FUZZ_CHECK(first.has_value() == second.has_value(), token);
    if (first) {
        checkAccepted(token, *first);
        LL_FUZZ_CHECK(first->userId == second->userId && first->type == second->type && first->jti == second->jti, token);
    }
    return 0;
}
