#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonObject>

namespace LittleLemon::Test {

QStringList CloudFixture::relaxedArgs()
{
    return { QStringLiteral("--throttle-anon"), QStringLiteral("1000000"), QStringLiteral("--throttle-user"),
             QStringLiteral("1000000"), QStringLiteral("--hash-iterations"), QStringLiteral("1000") };
}

bool CloudFixture::addUsers(TestServer &server, QString *error)
{
    const QList<QPair<QString, QString>> users {
        { QStringLiteral("admin"), QStringLiteral("admin") },
        { QStringLiteral("mario"), QStringLiteral("manager") },
        { QStringLiteral("crew"), QStringLiteral("delivery-crew") },
        { QStringLiteral("cust"), QStringLiteral("customer") },
    };
    for (const auto &u : users) {
        if (!server.addUser(u.first, u.second, password(u.first), u.first + QStringLiteral("@example.com"))) {
            *error = server.errorString();
            return false;
        }
    }
    return true;
}

bool CloudFixture::populate(TestServer &server, QString *error)
{
    if (!addUsers(server, error))
        return false;
    HttpTestClient http(server.url());
    if (http.login(QStringLiteral("admin"), password(QStringLiteral("admin"))).isEmpty()) {
        *error = QStringLiteral("admin cannot log in");
        return false;
    }
    const QList<QPair<QString, QString>> categories {
        { QStringLiteral("appetizers"), QStringLiteral("Appetizers") },
        { QStringLiteral("drinks"), QStringLiteral("Drinks") },
        { QStringLiteral("desserts"), QStringLiteral("Desserts") },
        { QStringLiteral("meals"), QStringLiteral("Meals") },
    };
    for (const auto &c : categories) {
        const HttpReply r = http.post(QStringLiteral("/api/categories"),
                                      QJsonObject { { QStringLiteral("slug"), c.first }, { QStringLiteral("title"), c.second } });
        if (r.status != 201) {
            *error = QStringLiteral("category %1: %2").arg(c.first, r.describe());
            return false;
        }
    }
    struct Dish
    {
        const char *title;
        const char *price;
        bool featured;
        int category;
    };
    static const Dish dishes[] = {
        { "Eggplant Parmiggiana", "15.50", false, 4 }, { "Soda", "5.50", false, 2 },
        { "Crème Brûlée", "7.25", false, 3 },         { "Bruschetta", "11.52", false, 1 },
        { "Canada Dry", "4.78", false, 2 },           { "Bolognese Lasagna", "14.99", true, 4 },
    };
    for (const Dish &d : dishes) {
        const HttpReply r = http.post(QStringLiteral("/api/menu-items"),
                                      QJsonObject { { QStringLiteral("title"), QString::fromUtf8(d.title) },
                                                    { QStringLiteral("price"), QString::fromLatin1(d.price) },
                                                    { QStringLiteral("featured"), d.featured },
                                                    { QStringLiteral("category"), d.category } });
        if (r.status != 201) {
            *error = QStringLiteral("menu item %1: %2").arg(QString::fromUtf8(d.title), r.describe());
            return false;
        }
    }
    return true;
}

CloudFixture::CloudFixture(TestServer &server)
    : m_server(server)
{
}

QString CloudFixture::token(const QString &username)
{
    if (username.isEmpty())
        return {};
    auto it = m_tokens.find(username);
    if (it == m_tokens.end()) {
        HttpTestClient http(m_server.url());
        it = m_tokens.insert(username, http.login(username, password(username), false));
    }
    return it.value();
}

std::unique_ptr<HttpTestClient> CloudFixture::as(const QString &username)
{
    auto http = std::make_unique<HttpTestClient>(m_server.url());
    http->setToken(token(username));
    return http;
}

QJsonValue parseJson(const QByteArray &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]");
    return doc.isArray() && doc.array().size() == 1 ? doc.array().at(0) : QJsonValue(QJsonValue::Undefined);
}

namespace {
// littlelemon-server's extension fields (CONTRACT.md: resources "also
// carry" them) are the only keys an answer may have beyond the cloud's:
// "available" on a menu item, "stage"/"note"/"history" on an order,
// "id"/"groups"/"is_staff" on /auth/users/me/, the rotated "refresh" in a
// refresh answer. A cloud-only client ignores
// them. True when `key` is one of these for an object shaped like `e`, and
// its value has the documented type.
bool isExtensionField(const QJsonObject &e, const QString &key, const QJsonValue &value)
{
    const bool menuItem = e.contains(QStringLiteral("price")) && e.contains(QStringLiteral("featured"));
    const bool order = e.contains(QStringLiteral("items")) && e.contains(QStringLiteral("status"));
    const bool me = e.contains(QStringLiteral("username")) && e.contains(QStringLiteral("email")) && e.size() == 2;
    static const QStringList stages { QStringLiteral("received"), QStringLiteral("preparing"), QStringLiteral("ready"),
                                      QStringLiteral("out_for_delivery"), QStringLiteral("delivered"),
                                      QStringLiteral("cancelled") };
    if (menuItem && key == u"available")
        return value.isBool();
    if (order && key == u"stage")
        return value.isString() && stages.contains(value.toString());
    if (order && key == u"note")
        return value.isString();
    if (order && key == u"history")
        return value.isArray();
    if (me && key == u"id")
        return value.isDouble() && value.toInteger() > 0;
    if (me && key == u"groups") {
        if (!value.isArray())
            return false;
        for (const QJsonValue &g : value.toArray()) {
            if (!g.isString())
                return false;
        }
        return true;
    }
    if (me && key == u"is_staff")
        return value.isBool();
    // Refresh tokens rotate: the refresh answer also carries the next one.
    const bool refreshAnswer = e.size() == 1 && e.contains(QStringLiteral("access"));
    if (refreshAnswer && key == u"refresh")
        return value.isString() && !value.toString().isEmpty();
    return false;
}
} // namespace

bool jsonMatches(const QJsonValue &actual, const QJsonValue &expected, bool subset, QString *where)
{
    if (expected.isObject()) {
        if (!actual.isObject()) {
            *where = QStringLiteral("expected an object");
            return false;
        }
        const QJsonObject a = actual.toObject();
        const QJsonObject e = expected.toObject();
        if (!subset) {
            // Exactly the cloud's keys, plus only documented extension fields.
            for (auto it = a.begin(); it != a.end(); ++it) {
                if (!e.contains(it.key()) && !isExtensionField(e, it.key(), it.value())) {
                    *where = QStringLiteral("keys %1 instead of %2").arg(a.keys().join(u','), e.keys().join(u','));
                    return false;
                }
            }
        }
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!a.contains(it.key())) {
                *where = QStringLiteral("missing key %1").arg(it.key());
                return false;
            }
            if (!jsonMatches(a.value(it.key()), it.value(), subset, where)) {
                *where = it.key() + u'.' + *where;
                return false;
            }
        }
        return true;
    }
    if (expected.isArray()) {
        if (!actual.isArray() || actual.toArray().size() != expected.toArray().size()) {
            *where = QStringLiteral("array of a different length");
            return false;
        }
        for (qsizetype i = 0; i < expected.toArray().size(); ++i) {
            if (!jsonMatches(actual.toArray().at(i), expected.toArray().at(i), subset, where)) {
                *where = QStringLiteral("[%1].").arg(i) + *where;
                return false;
            }
        }
        return true;
    }
    // "$ANY" stands for any non-empty string (tokens, URLs with ports, ...).
    if (expected.isString() && expected.toString() == u"$ANY") {
        if (actual.isString() && !actual.toString().isEmpty())
            return true;
        *where = QStringLiteral("expected a non-empty string");
        return false;
    }
    if (actual != expected) {
        *where = QStringLiteral("value differs");
        return false;
    }
    return true;
}

} // namespace LittleLemon::Test
