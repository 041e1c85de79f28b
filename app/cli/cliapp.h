#pragma once

#include "api/client/syncengine.h"
#include "models/report.h"

#include <QJsonValue>
#include <QLockFile>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace LittleLemon {
class LocalStore;
}

namespace LittleLemon::Client {
class ApiClient;
}

namespace LittleLemon::Cli {

// One run of littlelemon-cli: a command on the same code as the desk
// application (ApiClient, LocalStore, SyncEngine). Edits go to the local copy
// and the outbox first, then a sync sends them; without the server they stay
// queued (exit code Offline) exactly as in the application. Everything is
// asynchronous; finished() carries the exit code.
class CliApp : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QStringList args; // the command and its arguments: {"menu", "set-price", "3", "9.50"}
        bool json = false;
        bool offline = false;       // never contact the server
        bool passwordStdin = false; // sign in with a password read from stdin
        bool open = false;          // orders list --open
        QString server;
        QString user;
        QString date;    // bookings list --date; report --date
        QString to;      // report --to
        QString csv;     // report --csv FILE (the report)
        QString csvOrders; // report --csv-orders FILE
        QString csvLines;  // report --csv-lines FILE
        QString pdf;     // report --pdf FILE
        QString dataDir; // where the local copy lives (default: the user's data folder)
        int rate = 0;    // requests per minute at most (0: what the server says)
        int timeoutMs = 15000;
    };

    explicit CliApp(Options options, QObject *parent = nullptr);
    ~CliApp() override;

    // Starts the command; finished() follows, once.
    void run();

Q_SIGNALS:
    void finished(int exitCode);

private:
    using Then = std::function<void(int code, const QString &message)>;

    // Commands.
    void login();
    void logout();
    void status();
    void sync();
    void list(const QString &what);
    void edit();
    void outbox();
    // Prints each change as it arrives until stopped (issue 13).
    void watch();
    void printChange(const StoreChange &change);
    // The day's figures (issue 18, clireport.cpp).
    void report();
    void writeReport(const Report &report, const ReportInput &local, const QString &source);

    // Steps.
    bool loadProfile();
    // `watch`: a copy of its own, so a watching terminal never holds the
    // outbox lock the other commands need.
    bool openStore(bool forWatch = false);
    void makeClient();
    void signIn(Then then);
    void syncThen(std::function<void(const Client::SyncReport &report)> then);
    // Signs in and syncs unless --offline; `then` gets Ok, Offline or Auth and a message.
    void refresh(Then then);
    // After a sync: what became of outbox entry `seq`.
    void reportEntry(qint64 seq, qint64 id, int syncCode, const QString &syncMessage);

    // Output.
    void finish(int code, const QString &message = QString(), const QJsonValue &data = QJsonValue());
    void printTable(const QStringList &headers, const QList<QStringList> &rows);
    QString readPassword();

    Options m_options;
    QString m_serverKey;
    QString m_user;
    std::unique_ptr<Client::ApiClient> m_client;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Client::SyncEngine> m_engine;
    std::unique_ptr<QLockFile> m_lock;
    bool m_finished = false;
};

} // namespace LittleLemon::Cli
