// The server's request handling without sockets: Backend::handle() with the
// real router, controllers and storage over a real SQLite database in a
// temporary directory, loaded once with users of every role, menu items,
// orders, a cart row, tables and bookings.
//
// An input is a short script of HTTP requests, written as they travel:
//
//   PATCH /api/menu-items/1?x=1 HTTP/1.1
//   Authorization: Bearer @manager
//   Content-Type: application/json
//
//   {"price":"abc"}
//   ====
//   GET /api/orders HTTP/1.1
//   ...
//
// "@admin", "@manager", "@crew", "@customer" (access tokens) and
// "@refresh-customer" (a refresh token) are replaced, in headers and bodies,
// by real tokens: the fuzzer cannot forge a signature, and need not. Each
// input runs inside one transaction that is rolled back afterwards, so every
// input starts from the same database and a finding replays exactly.
//
// What counts as a finding, besides a crash or a sanitizer report:
// - any 5xx answer (bad input is the client's fault: 4xx);
// - an answer whose JSON body does not parse;
// - a write answered 2xx that the roles table (CONTRACT.md) forbids the
//   caller: anonymous writes outside /auth/, customers or crew writing the
//   menu, categories, groups or tables, customers changing an order, crew
//   filling a cart;
// - a list showing a customer an order that is not theirs, or a delivery
//   crew member one not assigned to them.

#include "fuzzsupport.h"

#include "api/server/backend.h"
#include "api/server/demodata.h"
#include "api/server/useradmin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUrl>

#include <cstdlib>
#include <memory>

using namespace LittleLemon;
using namespace LittleLemon::Server;

namespace {

constexpr int kMaxRequests = 4;

struct World
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Backend> backend;
    QHash<QByteArray, QByteArray> tokens; // "@manager" → token
    qint64 customerId = 0;
    qint64 crewId = 0;
};

World *g_world = nullptr;

Request makeRequest(const QByteArray &method, const QByteArray &pathAndQuery, const QList<Request::Header> &headers,
                    const QByteArray &body)
{
    Request r;
    r.methodName = method;
    r.method = Request::methodFromName(method);
    const qsizetype q = pathAndQuery.indexOf('?');
    const QByteArray path = q < 0 ? pathAndQuery : pathAndQuery.left(q);
    // What the HTTP adapter does: QUrl's fully decoded path, the raw query split by Request.
    const QUrl url = QUrl::fromEncoded("http://fuzz" + path);
    r.path = url.isValid() ? url.path(QUrl::FullyDecoded) : QString::fromUtf8(QByteArray::fromPercentEncoding(path));
    if (q >= 0)
        r.query = Request::parseQuery(pathAndQuery.mid(q + 1));
    r.headers = headers;
    r.body = body;
    r.peer = QHostAddress::LocalHost;
    return r;
}

QByteArray substitute(QByteArray text, const World &world)
{
    if (!text.contains('@'))
        return text;
    // Longest names first: "@refresh-customer" before "@customer".
    static const QByteArray order[] = { "@refresh-customer", "@customer", "@manager", "@admin", "@crew" };
    for (const QByteArray &name : order)
        text.replace(name, world.tokens.value(name));
    return text;
}

// Splits an input into at most kMaxRequests requests.
QList<Request> parseScript(const QByteArray &input, const World &world)
{
    QList<Request> out;
    for (const QByteArray &chunk : input.split('\x1e')) { // also split on "\n====\n" below
        for (QByteArray part : QByteArray(chunk).replace("\n====\n", "\x1e").split('\x1e')) {
            if (out.size() >= kMaxRequests)
                return out;
            const qsizetype headEnd = part.indexOf("\n\n");
            const QByteArray head = headEnd < 0 ? part : part.left(headEnd);
            const QByteArray body = headEnd < 0 ? QByteArray() : part.mid(headEnd + 2);
            const QList<QByteArray> lines = head.split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            if (requestLine.size() < 2 || requestLine.at(0).isEmpty())
                continue;
            QList<Request::Header> headers;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i);
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                headers.append({ line.left(colon), substitute(line.mid(colon + 1).trimmed(), world) });
            }
            out.append(makeRequest(requestLine.at(0), requestLine.at(1), headers, substitute(body, world)));
        }
    }
    return out;
}

// Who the request speaks for, read the way the server reads the header
// (whitespace runs collapsed, "Bearer" and one token).
QString callerOf(const Request &r, const World &world)
{
    const QByteArray auth = r.header("Authorization").simplified();
    if (auth.isEmpty())
        return QStringLiteral("anonymous");
    const QList<QByteArray> parts = auth.split(' ');
    if (parts.size() == 2 && parts.at(0) == "Bearer") {
        for (auto it = world.tokens.cbegin(); it != world.tokens.cend(); ++it) {
            if (!it.key().startsWith("@refresh") && parts.at(1) == it.value())
                return QString::fromLatin1(it.key().mid(1));
        }
    }
    return QStringLiteral("unknown");
}

QJsonValue parseBody(const QByteArray &body, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError) {
        *ok = true;
        return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }
    const QJsonDocument wrapped = QJsonDocument::fromJson("[" + body + "]", &error);
    *ok = error.error == QJsonParseError::NoError && wrapped.array().size() == 1;
    return *ok ? wrapped.array().at(0) : QJsonValue();
}

QByteArray describe(const Request &r, const Response &response)
{
    QByteArray out = r.methodName + ' ' + r.path.toUtf8();
    for (const auto &q : r.query)
        out += (&q == &r.query.first() ? "?" : "&") + q.first.toUtf8() + '=' + q.second.toUtf8();
    out += '\n';
    for (const auto &h : r.headers)
        out += h.first + ": " + h.second + '\n';
    out += '\n' + r.body.left(1000) + "\n---> " + QByteArray::number(response.status) + ' ' + response.body.left(2000);
    return out;
}

bool isWrite(Request::Method m)
{
    return m == Request::Method::Post || m == Request::Method::Put || m == Request::Method::Patch
        || m == Request::Method::Delete;
}

void checkAnswer(const Request &r, const Response &response, const World &world)
{
    const QByteArray what = describe(r, response);
    LL_FUZZ_CHECK(response.status >= 200 && response.status < 500, what);
    LL_FUZZ_CHECK(!Response::reasonPhrase(response.status).isEmpty(), what);
    bool ok = true;
    QJsonValue json;
    if (!response.body.isEmpty() && response.contentType.startsWith("application/json")) {
        json = parseBody(response.body, &ok);
        LL_FUZZ_CHECK(ok, what);
    }
    if (response.status >= 300)
        return;

    // Success: was the caller allowed to do it at all?
    const QString caller = callerOf(r, world);
    const QString path = r.path;
    auto under = [&path](const char *prefix) {
        const QString p = QString::fromLatin1(prefix);
        return path == p || path.startsWith(p + u'/');
    };
    if (isWrite(r.method)) {
        if (caller == u"anonymous" || caller == u"unknown")
            LL_FUZZ_CHECK(path.startsWith(QStringLiteral("/auth/")), "anonymous write\n" + what);
        if (caller == u"customer" || caller == u"crew") {
            LL_FUZZ_CHECK(!under("/api/menu-items") && !under("/api/categories") && !under("/api/groups")
                              && !under("/api/tables"),
                          "staff-only write by " + caller.toLatin1() + "\n" + what);
        }
        if (caller == u"customer" && under("/api/orders") && path != u"/api/orders")
            LL_FUZZ_CHECK(r.method == Request::Method::Delete, "customer changed an order\n" + what);
        if (caller == u"crew")
            LL_FUZZ_CHECK(!under("/api/cart"), "crew used a cart\n" + what);
    }

    // Reads: nobody sees someone else's orders.
    if (r.method == Request::Method::Get && under("/api/orders") && (caller == u"customer" || caller == u"crew")) {
        QJsonArray orders;
        if (path == u"/api/orders")
            orders = json.toObject().value(QStringLiteral("results")).toArray();
        else
            orders.append(json);
        for (const QJsonValue &o : orders) {
            const QJsonObject order = o.toObject();
            if (caller == u"customer")
                LL_FUZZ_CHECK(order.value(QStringLiteral("user")).toInteger() == world.customerId,
                              "a customer sees another's order\n" + what);
            else
                LL_FUZZ_CHECK(order.value(QStringLiteral("user")).toInteger() == world.crewId
                                  || order.value(QStringLiteral("delivery_crew")).toInteger() == world.crewId,
                              "crew sees an order not theirs\n" + what);
        }
    }
}

Response must(Backend &backend, const QByteArray &method, const QByteArray &path, const QByteArray &token,
              const QByteArray &body = QByteArray())
{
    QList<Request::Header> headers { { "Content-Type", "application/json" } };
    if (!token.isEmpty())
        headers.append({ "Authorization", "Bearer " + token });
    const Request r = makeRequest(method, path, headers, body);
    const Response response = backend.handle(r);
    if (response.status >= 300)
        LittleLemon::Fuzz::finding("setting up the fuzz database failed", describe(r, response));
    return response;
}

World *makeWorld()
{
    auto *world = new World;
    world->dir = std::make_unique<QTemporaryDir>();
    ServerConfig config;
    config.dataDir = world->dir->path();
    config.throttleAnon = 1000000000;
    config.throttleUser = 1000000000;
    config.hashIterations = 1; // registrations in the fuzz loop must stay cheap
    world->backend = std::make_unique<Backend>(config);
    QString error;
    if (!world->backend->open(&error))
        LittleLemon::Fuzz::finding("cannot open the fuzz database", error.toUtf8());
    Backend &b = *world->backend;

    // The contract's cast: admin (staff), mario (manager), crew, cust; then
    // the bench seeder's menu, customers, crew and orders.
    UserAdmin admin(b.storage());
    const QList<QPair<QString, Role>> cast { { QStringLiteral("admin"), Role::Admin },
                                             { QStringLiteral("mario"), Role::Manager },
                                             { QStringLiteral("crew"), Role::DeliveryCrew },
                                             { QStringLiteral("cust"), Role::Customer } };
    for (const auto &[name, role] : cast) {
        if (!admin.add(name, role, name + QStringLiteral("@example.com"), QStringLiteral("Lemon#Pass2026"), 1, &error))
            LittleLemon::Fuzz::finding("cannot add a user", error.toUtf8());
    }
    BenchData::load(b.storage(), 12, 40, 1);
    QHash<QString, qint64> ids;
    for (const User &u : admin.list())
        ids.insert(u.username, u.id);
    world->customerId = ids.value(QStringLiteral("cust"));
    world->crewId = ids.value(QStringLiteral("crew"));
    const QByteArray tAdmin = b.tokens().issue(QStringLiteral("access"), ids.value(QStringLiteral("admin"))).toLatin1();
    const QByteArray tManager = b.tokens().issue(QStringLiteral("access"), ids.value(QStringLiteral("mario"))).toLatin1();
    const QByteArray tCrew = b.tokens().issue(QStringLiteral("access"), world->crewId).toLatin1();
    const QByteArray tCust = b.tokens().issue(QStringLiteral("access"), world->customerId).toLatin1();
    world->tokens = { { "@admin", tAdmin },
                      { "@manager", tManager },
                      { "@crew", tCrew },
                      { "@customer", tCust },
                      { "@refresh-customer", b.tokens().issue(QStringLiteral("refresh"), world->customerId).toLatin1() } };

    // Something of everything for the fuzzer to read, change and delete.
    must(b, "POST", "/api/cart", tCust, "{\"menuitem\":2,\"quantity\":2}");
    must(b, "POST", "/api/orders", tCust);
    must(b, "POST", "/api/cart", tCust, "{\"menuitem\":3,\"quantity\":1}");
    const Response order = must(b, "POST", "/api/orders", tManager, "{\"items\":[{\"menuitem\":1,\"quantity\":2}],\"note\":\"walk-in\"}");
    const QByteArray orderId = QByteArray::number(QJsonDocument::fromJson(order.body).object().value(QStringLiteral("order_id")).toInteger());
    must(b, "PATCH", "/api/orders/" + orderId, tManager, "{\"delivery_crew\":" + QByteArray::number(world->crewId) + "}");
    must(b, "POST", "/api/tables", tManager, "{\"name\":\"T1\",\"seats\":4}");
    must(b, "POST", "/api/tables", tManager, "{\"name\":\"Patio\",\"seats\":8}");
    must(b, "POST", "/api/bookings", tCust,
         "{\"name\":\"Ana\",\"phone\":\"555\",\"date\":\"2030-05-01\",\"time\":\"19:00\",\"guests\":2,\"notes\":\"\"}");
    must(b, "POST", "/api/bookings", tManager,
         "{\"name\":\"Bo\",\"phone\":\"\",\"date\":\"2030-05-01\",\"time\":\"20:00\",\"guests\":4,\"table\":1}");
    must(b, "POST", "/api/groups/delivery-crew/users", tManager, "{\"username\":\"cust\"}");
    must(b, "DELETE", "/api/groups/delivery-crew/users/" + QByteArray::number(world->customerId), tManager);
    return world;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    LittleLemon::Fuzz::initialize(argc, argv);
    g_world = makeWorld();
    // libFuzzer ends with exit(): close the database and remove its folder.
    std::atexit([] {
        delete g_world;
        g_world = nullptr;
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<Request> requests = parseScript(input, *g_world);
    if (requests.isEmpty())
        return 0;
    Backend &backend = *g_world->backend;
    // Everything this input writes joins this transaction and is rolled back.
    Database::Transaction scope(backend.database());
    for (const Request &r : requests)
        checkAnswer(r, backend.handle(r), *g_world);
    return 0;
}
