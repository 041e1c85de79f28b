#pragma once

// Shared by the sync tests: a real littlelemon-server with one user per role
// and a little data, and "terminals" (ApiClient + LocalStore + SyncEngine,
// each with its own cache files) signed in to it.

#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/syncengine.h"
#include "httptestclient.h"
#include "models/localstore.h"
#include "testserver.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace LittleLemon::Test {

inline const QString kPassword = QStringLiteral("Lemon#Pass2026");

// Starts the server with throttles lifted (unless the test names its own), one
// user per role (admin, mario: manager, crew: delivery crew, cust: customer)
// and `items` menu items with `orders` orders from the server's own seeding
// command.
inline bool startServer(TestServer &server, QStringList args = {}, int items = 12, int orders = 20)
{
    if (!args.contains(QStringLiteral("--throttle-anon")))
        args << QStringLiteral("--throttle-anon") << QStringLiteral("1000000");
    if (!args.contains(QStringLiteral("--throttle-user")))
        args << QStringLiteral("--throttle-user") << QStringLiteral("1000000");
    if (!server.start(args)) {
        qWarning("server did not start: %s", qPrintable(server.errorString()));
        return false;
    }
    const QList<QPair<QString, QString>> users { { QStringLiteral("admin"), QStringLiteral("admin") },
                                                 { QStringLiteral("mario"), QStringLiteral("manager") },
                                                 { QStringLiteral("crew"), QStringLiteral("delivery-crew") },
                                                 { QStringLiteral("cust"), QStringLiteral("customer") } };
    for (const auto &[name, role] : users) {
        if (!server.addUser(name, role, kPassword, name + QStringLiteral("@example.com"))) {
            qWarning("could not add %s: %s", qPrintable(name), qPrintable(server.errorString()));
            return false;
        }
    }
    if (items > 0) {
        QByteArray out;
        QByteArray err;
        const int rc = server.runCommand({ QStringLiteral("dev"), QStringLiteral("seed-bench"),
                                           QStringLiteral("--menu-items"), QString::number(items),
                                           QStringLiteral("--orders"), QString::number(orders),
                                           QStringLiteral("--hash-iterations"),
                                           QString::number(TestServer::kTestHashIterations) },
                                         QByteArray(), &out, &err);
        if (rc != 0) {
            qWarning("seeding failed (%d): %s", rc, err.constData());
            return false;
        }
    }
    return true;
}

// An HTTP client signed in as `user`, for looking at the server directly.
inline std::unique_ptr<HttpTestClient> http(const TestServer &server, const QString &user = QStringLiteral("mario"))
{
    auto client = std::make_unique<HttpTestClient>(server.url());
    client->login(user, kPassword);
    return client;
}

// Every record of a paginated list, read directly from the server.
inline QList<QJsonObject> readAll(HttpTestClient &client, const QString &path)
{
    QList<QJsonObject> out;
    QString next = path + (path.contains(u'?') ? QStringLiteral("&page_size=500") : QStringLiteral("?page_size=500"));
    QSet<QString> seen;
    while (!next.isEmpty() && !seen.contains(next)) {
        seen.insert(next);
        const HttpReply reply = client.get(next);
        if (reply.status == 400 && next.contains(QStringLiteral("page_size"))) {
            // A server without page_size refuses nothing; one that checks it may: ask plainly.
            next.replace(QStringLiteral("page_size=500"), QStringLiteral("page=1"));
            continue;
        }
        if (reply.status != 200)
            break;
        const QJsonValue json = reply.json();
        const QJsonArray results = json.isArray() ? json.toArray() : json.toObject().value(QStringLiteral("results")).toArray();
        for (const QJsonValue &v : results)
            out << v.toObject();
        const QUrl url(json.toObject().value(QStringLiteral("next")).toString());
        next = url.isValid() && !url.isEmpty() ? url.path() + u'?' + url.query() : QString();
    }
    return out;
}

inline QStringList serverFeatures(const TestServer &server)
{
    HttpTestClient client(server.url());
    const HttpReply reply = client.get(QStringLiteral("/api/meta"));
    QStringList out;
    if (reply.status == 200) {
        for (const QJsonValue &v : reply.object().value(QStringLiteral("features")).toArray())
            out << v.toString();
    }
    return out;
}

// One staff terminal: its own client, cache files and engine.
struct Terminal
{
    QTemporaryDir dir;
    std::unique_ptr<Client::ApiClient> client;
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<Client::SyncEngine> engine;
    QString error;

    // Signs in as `user` at `url` (which may be a proxy) and opens a fresh cache.
    bool open(const QUrl &url, const QString &user, bool extensions = true)
    {
        return open(url, user, kPassword, extensions, 1000000);
    }
    // `rate` pins the pacing (requests a minute); 0 paces as the product does
    // (what the server says, else the cloud's 100).
    bool open(const QUrl &url, const QString &user, const QString &password, bool extensions, int rate)
    {
        client = std::make_unique<Client::ApiClient>(Client::ServerEndpoint::fromUserInput(url.toString()));
        client->setRateLimit(rate);
        client->setTimeout(10000);
        client->setExtensionsEnabled(extensions);
        store = std::make_unique<LocalStore>();
        if (!store->open({ dir.filePath(QStringLiteral("cache.sqlite")), dir.filePath(QStringLiteral("outbox.sqlite")) })) {
            error = store->errorString();
            return false;
        }
        engine = std::make_unique<Client::SyncEngine>(client.get(), store.get());
        engine->setBackoff(100, 400);
        engine->setDebounce(50);
        auto *job = client->session()->login(user, password);
        job->setAutoDelete(false);
        QSignalSpy spy(job, &Client::ApiJob::finished);
        if (!job->isFinished() && !spy.wait(20000)) {
            error = QStringLiteral("login timed out");
            return false;
        }
        const auto result = job->result();
        delete job;
        if (!result) {
            error = result.error().userMessage();
            return false;
        }
        return true;
    }

    // One run, waited for.
    Client::SyncReport sync(int timeoutMs = 60000)
    {
        QSignalSpy spy(engine.get(), &Client::SyncEngine::syncFinished);
        engine->syncNow();
        if (!spy.wait(timeoutMs))
            return {};
        return spy.last().at(0).value<Client::SyncReport>();
    }
};

inline QString describe(const Client::SyncReport &r)
{
    return QStringLiteral("ok=%1 offline=%2 error=[%3: %4] sent=%5 found=%6 failed=%7 conflicts=%8 pulled=%9 requests=%10"
                          " pushOnly=%11 changed=%12")
        .arg(r.ok)
        .arg(r.offline)
        .arg(ApiError::kindName(r.error.kind()), r.error.userMessage())
        .arg(r.sent)
        .arg(r.found)
        .arg(r.failed)
        .arg(r.conflicts)
        .arg(r.pulled)
        .arg(r.requests)
        .arg(r.pushOnly)
        .arg(r.changed);
}

} // namespace LittleLemon::Test
