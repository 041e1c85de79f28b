#pragma once

#include "models/user.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace LittleLemon::Ui {

// The restaurant's own server running inside this application (standalone
// mode), as the UI sees it. The UI never includes the server: app/desk wires
// a real implementation (littlelemon_server's backend on a thread of its own)
// behind this interface. The desk talks to it over HTTP on loopback like to
// any other server; what is here is what only the machine that holds the
// database can do: create the first account, manage passwords, serve the
// restaurant's network.
//
// Callbacks run on the GUI thread, and only while their `context` lives.
class LocalServer : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Starting, Running, Failed };
    Q_ENUM(State)

    // An account in the server's own user table.
    struct Account
    {
        qint64 id = 0;
        QString username;
        QString email;
        Role role = Role::Customer;
        bool isManager = false; // an admin may also be in the manager group
        bool active = true;     // false: deactivated (may not sign in)
    };

    // What changeAccount() does; each but Activate signs the person out of
    // every terminal at once.
    enum class AccountChange { Deactivate, Activate, Delete, SignOutEverywhere };

    // Empty `error`: done.
    using Done = std::function<void(const QString &error)>;

    explicit LocalServer(QObject *parent = nullptr)
        : QObject(parent)
    {
    }

    virtual State state() const = 0;
    // Why the server failed to start, in words.
    virtual QString errorString() const = 0;
    // Where this application reaches it: "http://127.0.0.1:PORT".
    virtual QUrl url() const = 0;
    // Where its database lives (under the user's data directory).
    virtual QString dataDir() const = 0;
    // The server holds no account yet: the first start creates the restaurant.
    virtual bool needsSetup() const = 0;
    virtual QString restaurantName() const = 0;

    // Starts on loopback (stateChanged() says how it went). Loads the demo
    // restaurant first when asked and the database is empty.
    virtual void start() = 0;
    // Stops serving and closes every connection.
    virtual void stop() = 0;

    // ---- serving other terminals on the restaurant's network
    virtual bool isServingNetwork() const = 0;
    virtual quint16 networkPort() const = 0;
    // Addresses other terminals type in, "192.168.1.10:8000".
    virtual QStringList networkAddresses() const = 0;
    virtual void serveNetwork(bool on, quint16 port, QObject *context, Done done) = 0;

    // ---- accounts
    // The restaurant's name and its first account: an administrator who is
    // also a manager, so one person can run everything.
    virtual void createRestaurant(const QString &name, const QString &username, const QString &email,
                                  const QString &password, QObject *context, Done done)
        = 0;
    virtual void listAccounts(QObject *context,
                              std::function<void(const QList<Account> &accounts, const QString &error)> done)
        = 0;
    virtual void createAccount(const Account &account, const QString &password, QObject *context, Done done) = 0;
    // Also signs the person out of every terminal.
    virtual void resetPassword(const QString &username, const QString &password, QObject *context, Done done) = 0;
    // Deleting keeps the name on orders, bookings and their history.
    virtual void changeAccount(const QString &username, AccountChange change, QObject *context, Done done) = 0;
    // A refresh token for `username`, made by the server itself: the demo
    // signs its manager in without a password nobody knows.
    virtual void issueRefreshToken(const QString &username, QObject *context,
                                   std::function<void(const QString &token, const QString &error)> done)
        = 0;

Q_SIGNALS:
    void stateChanged(LittleLemon::Ui::LocalServer::State state);
    void networkServingChanged(bool on);
    void accountsChanged();
};

} // namespace LittleLemon::Ui
