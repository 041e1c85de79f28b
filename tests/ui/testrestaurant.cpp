#include "testrestaurant.h"

#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/tokenstore.h"
#include "ui/localserver.h"

#include <QLoggingCategory>
#include <QTime>

namespace LittleLemon::Test {

Q_LOGGING_CATEGORY(lcBuild, "littlelemon.test.restaurant", QtInfoMsg)

using Client::ApiClient;
using Client::Result;

namespace {
// Which menu items each order takes (by position in the menu) and how many.
struct OrderLine
{
    int item;
    int quantity;
};
const QList<QList<OrderLine>> kOrders {
    { { 5, 2 }, { 1, 2 } },
    { { 0, 1 }, { 8, 1 } },
    { { 6, 1 }, { 12, 2 }, { 9, 2 } },
    { { 10, 1 }, { 4, 1 } },
    { { 3, 2 } },
    { { 11, 1 }, { 2, 1 }, { 9, 1 } },
    { { 7, 1 }, { 13, 2 } },
    { { 5, 1 }, { 6, 1 }, { 1, 3 } },
};
} // namespace

TestRestaurant::TestRestaurant(Ui::LocalServer *server, QObject *parent)
    : QObject(parent)
    , m_server(server)
{
}

TestRestaurant::~TestRestaurant()
{
    delete m_customer;
    delete m_manager;
}

void TestRestaurant::run()
{
    if (!m_server || m_server->state() != Ui::LocalServer::State::Running) {
        fail(QStringLiteral("the server is not running"));
        return;
    }
    const Client::ServerEndpoint endpoint = Client::ServerEndpoint::fromUserInput(m_server->url().toString());
    m_owner = new ApiClient(endpoint);
    m_customer = new ApiClient(endpoint);
    m_manager = new ApiClient(endpoint);
    m_steps = {
        [this] {
            m_server->createRestaurant(QStringLiteral("Little Lemon (test)"), QStringLiteral("owner"),
                                       QStringLiteral("owner@example.com"), kOwnerPassword, this,
                                       [this](const QString &error) {
                                           if (!error.isEmpty())
                                               return fail(error);
                                           next();
                                       });
        },
        [this] { createAccounts(); },
        [this] { signIn(m_owner, QStringLiteral("owner"), [this] { next(); }); },
        [this] { createMenu(); },
        [this] { signIn(m_customer, QStringLiteral("cust"), [this] { next(); }); },
        [this] {
            m_customer->menuItems()->then(this, [this](const Result<QList<MenuItem>> &r) {
                if (!r)
                    return fail(r.error().userMessage());
                for (const MenuItem &m : r.value())
                    m_menu << m.id;
                next();
            });
        },
        [this] { placeOrders(); },
        [this] { signIn(m_manager, QStringLiteral("mario"), [this] { next(); }); },
        [this] {
            m_manager->groupMembers(QStringLiteral("delivery-crew"))->then(this, [this](const Result<QList<User>> &r) {
                if (r && !r.value().isEmpty())
                    m_crew = r.value().first().id;
                next();
            });
        },
        [this] { moveOrders(); },
        [this] { addTablesAndBookings(); },
        [this] {
            // Forget the tokens made for the builder's own use.
            m_owner->session()->logout()->then(this, [this](const auto &) {
                m_customer->session()->logout()->then(this, [this](const auto &) {
                    m_manager->session()->logout()->then(this, [this](const auto &) {
                        m_ok = true;
                        next();
                    });
                });
            });
        },
    };
    next();
}

void TestRestaurant::createAccounts()
{
    const QList<std::tuple<QString, Role, QString>> people {
        { QStringLiteral("admin"), Role::Admin, kAdminPassword },
        { QStringLiteral("mario"), Role::Manager, kManagerPassword },
        { QStringLiteral("crew"), Role::DeliveryCrew, kCrewPassword },
        { QStringLiteral("cust"), Role::Customer, kCustomerPassword },
    };
    QList<Step> steps;
    for (const auto &[name, role, password] : people) {
        steps << [this, name = name, role = role, password = password] {
            Ui::LocalServer::Account a;
            a.username = name;
            a.email = name + QStringLiteral("@example.com");
            a.role = role;
            m_server->createAccount(a, password, this, [this](const QString &error) {
                if (!error.isEmpty())
                    return fail(error);
                next();
            });
        };
    }
    m_steps = steps + m_steps;
    next();
}

void TestRestaurant::createMenu()
{
    // The Little Lemon menu, as the administrator types it in.
    struct Dish
    {
        const char *title;
        qint64 cents;
        bool featured;
        int category;
    };
    static const Dish dishes[] = {
        { "Eggplant Parmiggiana", 1550, false, 3 }, { "Soda", 550, false, 1 },
        { "Crème Brûlée", 725, false, 2 },          { "Bruschetta", 1152, false, 0 },
        { "Canada Dry", 478, false, 1 },            { "Bolognese Lasagna", 1499, true, 3 },
        { "Greek Salad", 1299, true, 0 },           { "Hummus Plate", 825, false, 0 },
        { "Fresh Lemonade", 350, false, 1 },        { "Espresso", 280, false, 1 },
        { "Grilled Fish", 2000, false, 3 },         { "Pasta Primavera", 1350, false, 3 },
        { "Lemon Dessert", 699, true, 2 },          { "Baklava", 500, false, 2 },
    };
    auto categories = std::make_shared<QList<qint64>>();
    QList<Step> steps;
    for (const char *title : { "Appetizers", "Drinks", "Desserts", "Meals" }) {
        steps << [this, title, categories] {
            Category c;
            c.title = QString::fromLatin1(title);
            c.slug = c.title.toLower();
            m_owner->createCategory(c)->then(this, [this, categories](const Result<Category> &r) {
                if (!r)
                    return fail(r.error().userMessage());
                categories->append(r->id);
                next();
            });
        };
    }
    for (const Dish &d : dishes) {
        steps << [this, d, categories] {
            MenuItem m;
            m.title = QString::fromUtf8(d.title);
            m.price = Money(d.cents);
            m.featured = d.featured;
            m.category = categories->value(d.category);
            m_owner->createMenuItem(m)->then(this, [this](const Result<MenuItem> &r) {
                if (!r)
                    return fail(r.error().userMessage());
                next();
            });
        };
    }
    m_steps = steps + m_steps;
    next();
}

void TestRestaurant::next()
{
    if (m_steps.isEmpty()) {
        qCInfo(lcBuild) << "test restaurant ready:" << m_orders.size() << "orders";
        Q_EMIT finished();
        return;
    }
    const Step step = m_steps.takeFirst();
    step();
}

void TestRestaurant::fail(const QString &what)
{
    qCWarning(lcBuild) << "test restaurant not built:" << what;
    m_error = what;
    m_steps.clear();
    Q_EMIT finished();
}

void TestRestaurant::signIn(ApiClient *client, const QString &username, Step then)
{
    m_server->issueRefreshToken(username, this, [this, client, username, then](const QString &token, const QString &error) {
        if (!error.isEmpty())
            return fail(error);
        client->session()->tokenStore()->save(client->endpoint().key(), username, token, this, [this, client, username, then](bool) {
            client->session()->restore(username)->then(this, [this, then](const Result<User> &r) {
                if (!r)
                    return fail(r.error().userMessage());
                then();
            });
        });
    });
}

void TestRestaurant::placeOrders()
{
    // Each order: its lines into the cart, then the cart becomes the order.
    QList<Step> steps;
    for (const QList<OrderLine> &lines : kOrders) {
        for (const OrderLine &line : lines) {
            steps << [this, line] {
                const qint64 item = m_menu.value(line.item % std::max<qsizetype>(1, m_menu.size()));
                m_customer->addToCart(item, line.quantity)->then(this, [this](const Result<CartItem> &r) {
                    if (!r)
                        return fail(r.error().userMessage());
                    next();
                });
            };
        }
        steps << [this] {
            m_customer->placeOrder()->then(this, [this](const Result<OrderCreated> &r) {
                if (!r)
                    return fail(r.error().userMessage());
                m_orders << r->orderId;
                next();
            });
        };
    }
    m_steps = steps + m_steps;
    next();
}

void TestRestaurant::moveOrders()
{
    const bool stages = m_manager->hasFeature(QStringLiteral("stages"));
    // The oldest orders are furthest along, as in a real evening.
    const QList<OrderStage> where { OrderStage::Delivered, OrderStage::OutForDelivery, OrderStage::Ready,
                                    OrderStage::Preparing, OrderStage::Preparing };
    QList<Step> steps;
    for (int i = 0; i < m_orders.size() && i < where.size(); ++i) {
        const qint64 id = m_orders.at(i);
        const OrderStage target = where.at(i);
        // The server moves an order one stage at a time, as the kitchen does.
        QList<Client::OrderPatch> patches;
        if (stages) {
            for (auto s = nextStage(OrderStage::Received); s; s = nextStage(*s)) {
                Client::OrderPatch p;
                p.stage = *s;
                patches << p;
                if (*s == target)
                    break;
            }
        } else if (target == OrderStage::Delivered) {
            Client::OrderPatch p;
            p.status = true;
            patches << p;
        }
        if (m_crew && (target == OrderStage::OutForDelivery || target == OrderStage::Delivered)) {
            Client::OrderPatch p;
            p.deliveryCrew = std::optional<qint64>(m_crew);
            patches.prepend(p);
        }
        for (const Client::OrderPatch &patch : std::as_const(patches)) {
            steps << [this, id, patch] {
                m_manager->updateOrder(id, patch)->then(this, [this](const Result<Order> &r) {
                    if (!r)
                        qCWarning(lcBuild) << "order not moved:" << r.error().userMessage();
                    next();
                });
            };
        }
    }
    m_steps = steps + m_steps;
    next();
}

void TestRestaurant::addTablesAndBookings()
{
    if (!m_manager->hasFeature(QStringLiteral("tables")) || !m_manager->hasFeature(QStringLiteral("bookings"))) {
        next();
        return;
    }
    const QList<std::pair<QString, int>> tables { { QStringLiteral("T1"), 2 }, { QStringLiteral("T2"), 2 },
                                                  { QStringLiteral("T3"), 4 }, { QStringLiteral("T4"), 4 },
                                                  { QStringLiteral("T5"), 6 }, { QStringLiteral("Terrace"), 8 } };
    auto ids = std::make_shared<QList<qint64>>();
    QList<Step> steps;
    for (const auto &[name, seats] : tables) {
        steps << [this, name = name, seats = seats, ids] {
            DiningTable t;
            t.name = name;
            t.seats = seats;
            m_manager->createTable(t)->then(this, [this, ids](const Result<DiningTable> &r) {
                if (r)
                    ids->append(r->id);
                next();
            });
        };
    }
    struct BookingSpec
    {
        const char *name;
        const char *phone;
        int hour;
        int minute;
        int guests;
        int table; // index into tables, -1 for none
        const char *notes;
    };
    static const BookingSpec bookings[] = {
        { "Adrian Gomez", "312-555-0141", 12, 0, 2, 0, "" },
        { "Tilly Kim", "312-555-0187", 12, 30, 4, 2, "Birthday: candle on the dessert" },
        { "Marcus Webb", "312-555-0110", 13, 0, 6, 4, "" },
        { "Ana Silva", "312-555-0163", 18, 30, 2, 1, "Window seat if possible" },
        { "The Okafors", "312-555-0122", 19, 0, 8, 5, "High chair" },
        { "Lena Fischer", "312-555-0199", 19, 30, 4, 3, "" },
        { "Sam Patel", "312-555-0135", 20, 0, 3, -1, "Gluten free" },
    };
    for (const BookingSpec &b : bookings) {
        steps << [this, b, ids] {
            Booking booking;
            booking.name = QString::fromUtf8(b.name);
            booking.phone = QString::fromUtf8(b.phone);
            booking.date = QDate::currentDate();
            booking.time = QTime(b.hour, b.minute);
            booking.guests = b.guests;
            if (b.table >= 0 && b.table < ids->size())
                booking.table = ids->at(b.table);
            booking.notes = QString::fromUtf8(b.notes);
            m_manager->createBooking(booking)->then(this, [this](const Result<Booking> &r) {
                if (!r)
                    qCWarning(lcBuild) << "booking refused:" << r.error().userMessage();
                next();
            });
        };
    }
    m_steps = steps + m_steps;
    next();
}

} // namespace LittleLemon::Test
