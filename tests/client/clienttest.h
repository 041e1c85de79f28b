#pragma once

// Shared by the client tests that talk to a real littlelemon-server.

#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/requestjob.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace LittleLemon::Test {

// The same password for every test user; strong enough for the server's rules.
inline const QString kPassword = QStringLiteral("Lemon#Pass2026");

// One user per role, made with the server's own command line.
struct TestUser
{
    const char *name;
    const char *role;
    Role expected;
};
inline const QList<TestUser> kUsers = {
    { "admin", "admin", Role::Admin },
    { "mario", "manager", Role::Manager },
    { "crew", "delivery-crew", Role::DeliveryCrew },
    { "cust", "customer", Role::Customer },
};

inline QString describe(const ApiError &e)
{
    return ApiError::kindName(e.kind()) + QStringLiteral(" (HTTP %1): ").arg(e.httpStatus()) + e.userMessage()
        + QStringLiteral(" [") + e.serverMessage() + u']';
}

// Starts the server; throttles are lifted unless the test names its own.
inline bool startServer(TestServer &server, QStringList args = {})
{
    if (!args.contains(QStringLiteral("--throttle-anon")))
        args << QStringLiteral("--throttle-anon") << QStringLiteral("100000");
    if (!args.contains(QStringLiteral("--throttle-user")))
        args << QStringLiteral("--throttle-user") << QStringLiteral("100000");
    if (!server.start(args)) {
        qWarning("server did not start: %s", qPrintable(server.errorString()));
        return false;
    }
    for (const TestUser &u : kUsers) {
        if (!server.addUser(QLatin1String(u.name), QLatin1String(u.role), kPassword,
                            QLatin1String(u.name) + QStringLiteral("@example.com"))) {
            qWarning("could not add user %s: %s", u.name, qPrintable(server.errorString()));
            return false;
        }
    }
    return true;
}

inline std::unique_ptr<Client::ApiClient> makeClient(const QUrl &url)
{
    return std::make_unique<Client::ApiClient>(Client::ServerEndpoint::fromUserInput(url.toString()));
}

inline std::unique_ptr<Client::ApiClient> makeClient(const TestServer &server)
{
    return makeClient(server.url());
}

// Waits for a typed job and returns its result; the job is deleted. A job
// still running after `timeoutMs` is aborted (its result says Aborted).
template<typename J>
auto waitFor(J *job, int timeoutMs = 30000) -> decltype(job->result())
{
    job->setAutoDelete(false);
    // A finished job has its result already, whether or not finished() was delivered.
    if (!job->isFinished()) {
        QSignalSpy spy(job, &Client::ApiJob::finished);
        if (!spy.wait(timeoutMs))
            job->abort();
    }
    auto result = job->result();
    delete job;
    return result;
}

// The same for a bare RequestJob: its error (None on success). The job stays
// alive for the caller to read and delete.
inline ApiError waitForRequest(Client::RequestJob *job, int timeoutMs = 30000)
{
    job->setAutoDelete(false);
    if (!job->isFinished()) {
        QSignalSpy spy(job, &Client::ApiJob::finished);
        if (!spy.wait(timeoutMs))
            job->abort();
    }
    return job->error();
}

// As admin: one category and `count` menu items "Item 01", "Item 02", …
// priced 1.00, 2.00, …; returns them in id order.
inline QList<MenuItem> createMenu(const TestServer &server, int count, QString *error)
{
    auto admin = makeClient(server);
    admin->setRateLimit(100000); // the test server's throttles are lifted
    const auto signedIn = waitFor(admin->session()->login(QStringLiteral("admin"), kPassword));
    if (!signedIn) {
        *error = describe(signedIn.error());
        return {};
    }
    const auto category = waitFor(admin->createCategory(Category { 0, QStringLiteral("mains"), QStringLiteral("Mains") }));
    if (!category) {
        *error = describe(category.error());
        return {};
    }
    QList<Client::CallJob<MenuItem> *> jobs;
    for (int i = 1; i <= count; ++i) {
        MenuItem item;
        item.title = QStringLiteral("Item %1").arg(i, 2, 10, QLatin1Char('0'));
        item.price = Money::fromCents(i * 100);
        item.category = category->id;
        item.featured = i % 10 == 0;
        auto *job = admin->createMenuItem(item);
        job->setAutoDelete(false);
        jobs << job;
    }
    QList<MenuItem> items;
    for (auto *job : jobs) {
        const auto r = waitFor(job);
        if (!r) {
            *error = describe(r.error());
            return {};
        }
        items << r.value();
    }
    std::sort(items.begin(), items.end(), [](const MenuItem &a, const MenuItem &b) { return a.id < b.id; });
    return items;
}

inline Client::Result<User> signIn(Client::ApiClient &client, const QString &name,
                                   const QString &password = kPassword)
{
    return waitFor(client.session()->login(name, password));
}

} // namespace LittleLemon::Test

// QVERIFY for results: prints what went wrong. `expr` is evaluated once
// (QVERIFY2 evaluates its message even when the check passes).
#define LL_VERIFY_OK(expr)                                                                                           \
    do {                                                                                                             \
        const auto &llResult = (expr);                                                                               \
        QVERIFY2(llResult.ok(), qPrintable(LittleLemon::Test::describe(llResult.error())));                          \
    } while (false)
