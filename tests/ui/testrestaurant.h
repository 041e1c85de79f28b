#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace LittleLemon::Client {
class ApiClient;
}
namespace LittleLemon::Ui {
class LocalServer;
}

namespace LittleLemon::Test {

// The restaurant the UI tests know by heart, built on an empty in-process
// server the way people would build it: the first start's owner account,
// staff accounts with known passwords, the menu typed in by the
// administrator (REST), eight orders placed by a customer from the cart and
// moved along by the manager one stage at a time, tables, today's bookings.
// Tests depend on this, not on the demo data, which is free to change.
class TestRestaurant : public QObject
{
    Q_OBJECT

public:
    static inline const QString kOwnerPassword = QStringLiteral("Lemon-Owner-42"); // "owner": administrator and manager
    static inline const QString kAdminPassword = QStringLiteral("Lemon-Admin-42");    // "admin"
    static inline const QString kManagerPassword = QStringLiteral("Lemon-Manager-42"); // "mario"
    static inline const QString kCrewPassword = QStringLiteral("Lemon-Rider-42");      // "crew"
    static inline const QString kCustomerPassword = QStringLiteral("Lemon-Customer-42"); // "cust"

    explicit TestRestaurant(Ui::LocalServer *server, QObject *parent = nullptr);
    ~TestRestaurant() override;

    void run();
    bool succeeded() const { return m_ok; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void finished();

private:
    using Step = std::function<void()>;

    void signIn(Client::ApiClient *client, const QString &username, Step then);
    void next();
    void fail(const QString &what);
    void createAccounts();
    void createMenu();
    void placeOrders();
    void moveOrders();
    void addTablesAndBookings();

    QPointer<Ui::LocalServer> m_server;
    Client::ApiClient *m_owner = nullptr;
    Client::ApiClient *m_customer = nullptr;
    Client::ApiClient *m_manager = nullptr;
    bool m_ok = false;
    QString m_error;
    QList<Step> m_steps;
    QList<qint64> m_orders;
    QList<qint64> m_menu;
    qint64 m_crew = 0;
};

} // namespace LittleLemon::Test
