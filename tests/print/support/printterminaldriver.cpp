// A desk-side kitchen print host for the three-terminal test, as its own
// process so the test can kill -9 it: a terminal (client, local store, sync
// engine, as the sync tests build them) signed in to a real server, with its
// PrintService as the kitchen host and two stations (kitchen: menu item 1's
// category, bar: the rest) on fake ESC/POS printers. Syncs every 200 ms and
// prints what arrives. Runs until killed; prints "ready" once it prints.
//
//   printterminaldriver SERVER_URL DIR KITCHEN_HOST:PORT BAR_HOST:PORT
#include "synctest.h"

#include "print/printservice.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

using namespace LittleLemon;
using namespace LittleLemon::Print;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        QTextStream(stderr) << "usage: printterminaldriver SERVER_URL DIR KITCHEN BAR\n";
        return 2;
    }
    struct
    {
        std::unique_ptr<Client::ApiClient> client;
        std::unique_ptr<LocalStore> store;
        std::unique_ptr<Client::SyncEngine> engine;
    } t;
    // The same files across restarts: the print queue is beside the cache.
    const QString dir = args.at(2);
    t.client = std::make_unique<Client::ApiClient>(Client::ServerEndpoint::fromUserInput(args.at(1)));
    t.client->setRateLimit(1000000);
    t.client->setTimeout(10000);
    t.store = std::make_unique<LocalStore>();
    if (!t.store->open({ dir + QStringLiteral("/cache.sqlite"), dir + QStringLiteral("/outbox.sqlite") })) {
        QTextStream(stderr) << t.store->errorString() << '\n';
        return 1;
    }
    t.engine = std::make_unique<Client::SyncEngine>(t.client.get(), t.store.get());
    t.engine->setBackoff(100, 400);
    t.engine->setDebounce(20);
    auto *login = t.client->session()->login(QStringLiteral("mario"), Test::kPassword);
    QObject::connect(login, &Client::ApiJob::finished, &app, [&](const ApiError &error) {
        if (error.isError()) {
            QTextStream(stderr) << "login: " << error.userMessage() << '\n';
            QCoreApplication::exit(1);
            return;
        }
        auto *printing = new PrintService(t.store.get());
        QString why;
        if (!printing->open(&why)) {
            QTextStream(stderr) << why << '\n';
            QCoreApplication::exit(1);
            return;
        }
        if (printing->queue()->printers().isEmpty()) {
            printing->queue()->savePrinters(
                { { QStringLiteral("kitchen"), PrinterConfig::Kind::Network, args.at(3), PaperWidth::Mm80,
                    CodePage::Cp858, true },
                  { QStringLiteral("bar"), PrinterConfig::Kind::Network, args.at(4), PaperWidth::Mm58,
                    CodePage::Cp858, false } });
        }
        auto *sync = new QTimer(&app);
        QObject::connect(t.engine.get(), &Client::SyncEngine::syncFinished, &app, [&t, printing](const Client::SyncReport &r) {
            if (!r.ok || printing->isKitchenHost())
                return;
            // After the first whole sync: the menu is known (routes), history is the starting point.
            const auto items = t.store->cache()->menuItems();
            QHash<qint64, QString> routes;
            for (const auto &i : items)
                routes.insert(i.record.category, QStringLiteral("bar"));
            for (const auto &i : items)
                if (i.record.id == 1)
                    routes.insert(i.record.category, QStringLiteral("kitchen"));
            printing->queue()->saveRoutes(routes);
            printing->setKitchenHost(true);
            QTextStream(stdout) << "ready" << Qt::endl;
        });
        QObject::connect(sync, &QTimer::timeout, t.engine.get(), &Client::SyncEngine::syncNow);
        sync->start(200);
        t.engine->syncNow();
    });
    return app.exec();
}
