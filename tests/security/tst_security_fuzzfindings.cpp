#include "api/server/backend.h"
#include "api/server/jsonsyntax.h"
#include "api/server/useradmin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace LittleLemon;
using namespace LittleLemon::Server;

// What the fuzzers under fuzz/ found, each kept as a test so it stays fixed.
// Driven without sockets, the way fuzz_request and fuzz_jsonsyntax drive the
// server.
class TstSecurityFuzzFindings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    QByteArray m_customer;
    QByteArray m_manager;

    Response send(const QByteArray &method, const QString &path, const QByteArray &token, const QByteArray &body)
    {
        Request r;
        r.methodName = method;
        r.method = Request::methodFromName(method);
        r.path = path;
        r.headers = { { "Host", "example.test" }, { "Content-Type", "application/json" },
                      { "Authorization", "Bearer " + token } };
        r.body = body;
        r.peer = QHostAddress::LocalHost;
        return m_backend->handle(r);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("littlelemon.*.info=false"));
        ServerConfig config;
        config.dataDir = m_dir.filePath(QStringLiteral("data"));
        config.throttleUser = 1000000;
        m_backend = std::make_unique<Backend>(config);
        QString error;
        QVERIFY2(m_backend->open(&error), qPrintable(error));
        UserAdmin admin(m_backend->storage());
        QVERIFY2(admin.add(QStringLiteral("mario"), Role::Manager, QString(), QStringLiteral("Lemon#Pass2026"), 1, &error),
                 qPrintable(error));
        QVERIFY2(admin.add(QStringLiteral("cust"), Role::Customer, QString(), QStringLiteral("Lemon#Pass2026"), 1, &error),
                 qPrintable(error));
        QVERIFY2(admin.add(QStringLiteral("admin"), Role::Admin, QString(), QStringLiteral("Lemon#Pass2026"), 1, &error),
                 qPrintable(error));
        const auto users = admin.list();
        for (const User &u : users) {
            if (u.username == u"cust")
                m_customer = m_backend->tokens().issue(QStringLiteral("access"), u.id).toLatin1();
            else if (u.username == u"mario")
                m_manager = m_backend->tokens().issue(QStringLiteral("access"), u.id).toLatin1();
        }
        const QByteArray adminToken = m_backend->tokens().issue(QStringLiteral("access"), users.last().id).toLatin1();
        Response r = send("POST", QStringLiteral("/api/categories"), adminToken, "{\"slug\":\"drinks\",\"title\":\"Drinks\"}");
        QCOMPARE(r.status, 201);
        r = send("POST", QStringLiteral("/api/menu-items"), adminToken,
                 "{\"title\":\"Soda\",\"price\":\"5.50\",\"featured\":false,\"category\":1}");
        QCOMPARE(r.status, 201);
    }

    // fuzz_jsonsyntax: JSON numbers past a double's range are valid JSON
    // (Python reads 1e400 as inf, 1e-400 as 0.0) but Qt's parser refused
    // the whole body, so the server answered "JSON parse error - Expecting
    // value: line 1 column 1 (char 0)" to a well-formed body.
    void numbersPastADoubleAreValidJson_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected"); // the value as Qt then holds it
        const double max = std::numeric_limits<double>::max();
        auto compact = [](const QJsonValue &v) {
            return QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact);
        };
        QTest::newRow("overflow") << QByteArray("1e400") << compact(max);
        QTest::newRow("negative overflow") << QByteArray("-1E+400") << compact(-max);
        QTest::newRow("long integer overflow") << QByteArray(400, '9') << compact(max);
        QTest::newRow("underflow") << QByteArray("1e-400") << compact(0);
        QTest::newRow("underflow by zeros") << QByteArray("0.") + QByteArray(400, '0') + "1" << compact(0);
        QTest::newRow("huge exponent") << QByteArray("1e99999999999999999999999") << compact(max);
        QTest::newRow("tiny exponent") << QByteArray("-5e-99999999999999999999999") << compact(-0.0);
        QTest::newRow("in range, left alone") << QByteArray("1") + QByteArray(30, '0') + "e-10" << compact(1e20);
    }
    void numbersPastADoubleAreValidJson()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        QString error;
        const auto value = JsonSyntax::parse(body, &error);
        QVERIFY2(value, qPrintable(error));
        QCOMPARE(QJsonDocument(QJsonArray { *value }).toJson(QJsonDocument::Compact), expected);
        // Inside objects and arrays, and never inside strings.
        const auto object = JsonSyntax::parse("{\"n\":[" + body + "],\"s\":\"" + body.left(100) + "\"}", &error);
        QVERIFY2(object, qPrintable(error));
        QCOMPARE(object->toObject().value(QStringLiteral("s")).toString(), QString::fromLatin1(body.left(100)));
        QCOMPARE(QJsonDocument(object->toObject().value(QStringLiteral("n")).toArray()).toJson(QJsonDocument::Compact),
                 expected);
    }

    // ...so such a number now reaches the field, which refuses it in its own
    // words (DRF: int('inf') → "A valid integer is required.").
    void anOutOfRangeNumberIsAFieldError()
    {
        Response r = send("POST", QStringLiteral("/api/cart"), m_customer, "{\"menuitem\":1,\"quantity\":1e400}");
        QCOMPARE(r.status, 400);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("quantity")).toArray(),
                 QJsonArray { QStringLiteral("A valid integer is required.") });
        r = send("POST", QStringLiteral("/api/cart"), m_customer, "{\"menuitem\":1e999,\"quantity\":1}");
        QCOMPARE(r.status, 400);
        QVERIFY2(QJsonDocument::fromJson(r.body).object().contains(QStringLiteral("menuitem")), r.body.constData());
        r = send("PATCH", QStringLiteral("/api/menu-items/1"), m_manager, "{\"price\":-1e400}");
        QCOMPARE(r.status, 400);
        QVERIFY2(QJsonDocument::fromJson(r.body).object().contains(QStringLiteral("price")), r.body.constData());
        // Nothing changed.
        r = send("GET", QStringLiteral("/api/menu-items/1"), m_manager, QByteArray());
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("price")).toString(), QStringLiteral("5.50"));
        r = send("GET", QStringLiteral("/api/cart"), m_customer, QByteArray());
        QCOMPARE(QJsonDocument::fromJson(r.body).array().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TstSecurityFuzzFindings)
#include "tst_security_fuzzfindings.moc"
