#pragma once

#include "ui/localserver.h"

#include <QThread>

#include <memory>

namespace LittleLemon::Desk {

// How the in-process server runs.
struct StandaloneOptions
{
    QString dataDir;         // created when missing (owner-only)
    bool demoData = false;   // load the demo restaurant into an empty database
    quint16 preferredPort = 0; // loopback port to try first (0: any free one)
    quint16 networkPort = 8000; // default port for serving the restaurant's network
    int hashIterations = 260000; // PBKDF2 rounds for new passwords (tests use fewer)
};

// A demo account loaded at the first start, with its password (shown once).
struct DemoAccountInfo
{
    QString role;
    QString username;
    QString password;
};

// Standalone mode: littlelemon-server's own code (Backend, its storage and
// the HTTP adapter) running inside the desk on a thread of its own, so a
// slow request or a password hash never freezes a window. The desk reaches
// it over HTTP on loopback like any server; other terminals reach it when
// serveNetwork() opens a second listener on every interface.
class StandaloneServer : public Ui::LocalServer
{
    Q_OBJECT

public:
    explicit StandaloneServer(StandaloneOptions options, QObject *parent = nullptr);
    ~StandaloneServer() override;

    // The data directory standalone mode uses by default, under the user's data directory.
    static QString defaultDataDir();

    State state() const override { return m_state; }
    QString errorString() const override { return m_error; }
    QUrl url() const override { return m_url; }
    QString dataDir() const override { return m_options.dataDir; }
    bool needsSetup() const override { return m_needsSetup; }
    QString restaurantName() const override { return m_restaurant; }
    // The demo accounts this start created, with their passwords; empty otherwise.
    QList<DemoAccountInfo> demoAccounts() const { return m_demoAccounts; }
    quint16 port() const { return quint16(m_url.port(0)); }

    void start() override;
    void stop() override;

    bool isServingNetwork() const override { return m_serving; }
    quint16 networkPort() const override { return m_networkPort; }
    QStringList networkAddresses() const override;
    void serveNetwork(bool on, quint16 port, QObject *context, Done done) override;

    void createRestaurant(const QString &name, const QString &username, const QString &email,
                          const QString &password, QObject *context, Done done) override;
    void listAccounts(QObject *context,
                      std::function<void(const QList<Account> &accounts, const QString &error)> done) override;
    void createAccount(const Account &account, const QString &password, QObject *context, Done done) override;
    void resetPassword(const QString &username, const QString &password, QObject *context, Done done) override;
    void changeAccount(const QString &username, AccountChange change, QObject *context, Done done) override;
    void issueRefreshToken(const QString &username, QObject *context,
                           std::function<void(const QString &token, const QString &error)> done) override;

private:
    class Worker;

    void setState(State state);
    // Runs `work` on the server's thread, then `then` with its result on
    // this object's thread while `context` lives.
    template<typename Result>
    void run(std::function<Result(Worker &)> work, QObject *context, std::function<void(const Result &)> then);

    StandaloneOptions m_options;
    QThread m_thread;
    Worker *m_worker;
    State m_state = State::Stopped;
    QString m_error;
    QUrl m_url;
    bool m_needsSetup = false;
    QString m_restaurant;
    bool m_serving = false;
    quint16 m_networkPort;
    QList<DemoAccountInfo> m_demoAccounts;
};

} // namespace LittleLemon::Desk
