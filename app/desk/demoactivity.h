#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace LittleLemon::Client {
class ApiClient;
}
namespace LittleLemon::Ui {
class LocalServer;
}

namespace LittleLemon::Desk {

// A demo restaurant with a little life in it: on the demo's first start, a
// few orders placed by the demo customer (through the REST API, as a real
// customer would), some of them under way, one with the delivery crew, and
// where the server has them, tables and today's bookings. Without it a
// newcomer would meet an empty orders board.
class DemoActivity : public QObject
{
    Q_OBJECT

public:
    explicit DemoActivity(Ui::LocalServer *server, QObject *parent = nullptr);
    ~DemoActivity() override;

    void run();

Q_SIGNALS:
    // Always emitted, even when a step failed (the demo works without it).
    void finished();

private:
    using Step = std::function<void()>;

    void signIn(Client::ApiClient *client, const QString &username, Step then);
    void next();
    void fail(const QString &what);
    void placeOrders();
    void moveOrders();
    void addTablesAndBookings();

    QPointer<Ui::LocalServer> m_server;
    Client::ApiClient *m_customer = nullptr;
    Client::ApiClient *m_manager = nullptr;
    QList<Step> m_steps;
    QList<qint64> m_orders;
    QList<qint64> m_menu;
    qint64 m_crew = 0;
};

} // namespace LittleLemon::Desk
