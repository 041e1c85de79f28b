#pragma once

// One desk without a window against the cloud peer: tests/sync's Terminal
// (its own client, cache files and sync engine), paced as the product paces
// (no pinned rate), syncing only when asked, with longer waits: the cloud's
// throttle may hold a run for a minute.

#include "synctest.h"

#include <optional>

namespace LittleLemon::Test {

struct CloudTerminal : Terminal
{
    bool open(const QUrl &url, const QString &user, const QString &password)
    {
        if (!Terminal::open(url, user, password, true, 0))
            return false;
        engine->setInterval(0);
        engine->setBackoff(200, 1000);
        return true;
    }

    // One run, waited for.
    Client::SyncReport sync(int timeoutMs = 120000)
    {
        QSignalSpy spy(engine.get(), &Client::SyncEngine::syncFinished);
        engine->syncNow();
        return wait(spy, timeoutMs);
    }

    // The next run `spy` (on syncFinished) sees.
    static Client::SyncReport wait(QSignalSpy &spy, int timeoutMs = 120000)
    {
        if (spy.isEmpty() && !spy.wait(timeoutMs))
            return {};
        return spy.takeFirst().at(0).value<Client::SyncReport>();
    }

    std::optional<OrderSummary> order(qint64 id) const
    {
        const auto rows = store->cache()->orderSummaries({ id });
        return rows.isEmpty() ? std::nullopt : std::optional<OrderSummary>(rows.first());
    }
};

} // namespace LittleLemon::Test
