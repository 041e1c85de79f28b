#pragma once

// One desk without a window against the cloud peer: its own client (paced
// as the product paces, no pinned rate), cache files and sync engine.

#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/syncengine.h"
#include "models/localstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace LittleLemon::Test {

struct CloudTerminal
{
    QTemporaryDir dir;
    std::unique_ptr<Client::ApiClient> client;
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<Client::SyncEngine> engine;
    QString error;

    bool open(const QUrl &url, const QString &user, const QString &password)
    {
        client = std::make_unique<Client::ApiClient>(Client::ServerEndpoint::fromUserInput(url.toString()));
        store = std::make_unique<LocalStore>();
        if (!store->open({ dir.filePath(QStringLiteral("cache.sqlite")), dir.filePath(QStringLiteral("outbox.sqlite")) })) {
            error = store->errorString();
            return false;
        }
        engine = std::make_unique<Client::SyncEngine>(client.get(), store.get());
        engine->setInterval(0);
        engine->setBackoff(200, 1000);
        engine->setDebounce(50);
        auto *job = client->session()->login(user, password);
        job->setAutoDelete(false);
        QSignalSpy spy(job, &Client::ApiJob::finished);
        if (!job->isFinished() && !spy.wait(60000)) {
            error = QStringLiteral("sign-in timed out");
            delete job;
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
    Client::SyncReport sync(int timeoutMs = 120000)
    {
        QSignalSpy spy(engine.get(), &Client::SyncEngine::syncFinished);
        engine->syncNow();
        return wait(spy, timeoutMs);
    }

    static Client::SyncReport wait(QSignalSpy &spy, int timeoutMs = 120000)
    {
        if (spy.isEmpty() && !spy.wait(timeoutMs))
            return {};
        return spy.takeFirst().at(0).value<Client::SyncReport>();
    }

    std::optional<OrderSummary> order(qint64 id) const
    {
        const auto rows = store->orderSummaries({ id });
        return rows.isEmpty() ? std::nullopt : std::optional<OrderSummary>(rows.first());
    }
};

inline QString describe(const Client::SyncReport &r)
{
    return QStringLiteral("ok=%1 pushOnly=%2 error=[%3: %4] sent=%5 found=%6 failed=%7 pulled=%8 changed=%9 requests=%10")
        .arg(r.ok)
        .arg(r.pushOnly)
        .arg(ApiError::kindName(r.error.kind()), r.error.userMessage())
        .arg(r.sent)
        .arg(r.found)
        .arg(r.failed)
        .arg(r.pulled)
        .arg(r.changed)
        .arg(r.requests);
}

} // namespace LittleLemon::Test
