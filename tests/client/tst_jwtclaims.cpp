// What the client reads from SimpleJWT tokens without the key.
#include "api/client/jwtclaims.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using LittleLemon::Client::JwtClaims;

namespace {

QString token(const QByteArray &payloadJson)
{
    const QByteArray header = QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})");
    auto part = [](const QByteArray &b) {
        return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return QString::fromLatin1(part(header) + '.' + part(payloadJson) + '.' + part("signature"));
}

} // namespace

class TestJwtClaims : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

void TestJwtClaims::parse_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("userId");
    QTest::addColumn<qint64>("lifetime");
    QTest::addColumn<QString>("type");

    // A payload as SimpleJWT writes it.
    QTest::newRow("cloud access token")
        << token(R"({"token_type":"access","exp":1795000900,"iat":1795000000,"jti":"3f2a","user_id":4})")
        << true << qint64(4) << qint64(900) << QStringLiteral("access");
    QTest::newRow("refresh token, 7 days")
        << token(R"({"token_type":"refresh","exp":1795604800,"iat":1795000000,"jti":"x","user_id":2})") << true
        << qint64(2) << qint64(604800) << QStringLiteral("refresh");
    QTest::newRow("user_id as a string") << token(R"({"exp":1002,"iat":1000,"user_id":"17"})") << true
                                         << qint64(17) << qint64(2) << QString();
    QTest::newRow("no iat: a cloud default life") << token(R"({"exp":5000,"user_id":1})") << true << qint64(1)
                                                   << qint64(900) << QString();
    QTest::newRow("no user_id") << token(R"({"exp":5000,"iat":1})") << false << qint64(0) << qint64(0)
                                << QString();
    QTest::newRow("no exp") << token(R"({"iat":1,"user_id":1})") << false << qint64(0) << qint64(0) << QString();
    QTest::newRow("iat after exp") << token(R"({"exp":1,"iat":5,"user_id":1})") << false << qint64(0)
                                   << qint64(0) << QString();
    QTest::newRow("negative user_id") << token(R"({"exp":5,"iat":1,"user_id":-3})") << false << qint64(0)
                                      << qint64(0) << QString();
    QTest::newRow("payload not JSON") << token("not json") << false << qint64(0) << qint64(0) << QString();
    QTest::newRow("two parts") << QStringLiteral("abc.def") << false << qint64(0) << qint64(0) << QString();
    QTest::newRow("not base64url") << QStringLiteral("a.$$$.c") << false << qint64(0) << qint64(0) << QString();
    QTest::newRow("empty") << QString() << false << qint64(0) << qint64(0) << QString();
}

void TestJwtClaims::parse()
{
    QFETCH(QString, token);
    QFETCH(bool, ok);
    QFETCH(qint64, userId);
    QFETCH(qint64, lifetime);
    QFETCH(QString, type);

    QString error;
    const auto claims = JwtClaims::parse(token, &error);
    QCOMPARE(claims.has_value(), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(claims->userId(), userId);
    QCOMPARE(claims->lifetimeSeconds(), lifetime);
    QCOMPARE(claims->tokenType(), type);
}

QTEST_APPLESS_MAIN(TestJwtClaims)
#include "tst_jwtclaims.moc"
