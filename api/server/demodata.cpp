#include "api/server/demodata.h"

#include "api/server/passwordhasher.h"
#include "api/server/serverstorage.h"

#include <QDate>
#include <QRandomGenerator>

namespace LittleLemon::Server {

namespace {
QString randomPassword()
{
    // 16 characters from an alphabet without look-alikes: easy to type once.
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString out;
    for (int i = 0; i < 16; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    return out;
}

struct Dish
{
    const char *title;
    qint64 cents;
    bool featured;
    int category; // index into the categories below, 1-based
};
} // namespace

bool DemoData::isEmpty(ServerStorage &storage)
{
    return storage.userCount() == 0 && storage.menuItemCount(MenuQuery {}) == 0;
}

QList<DemoData::Account> DemoData::load(ServerStorage &storage, int hashIterations)
{
    Database::Transaction tx(storage.database());
    // Ids as in the cloud's data: Eggplant Parmiggiana is item 1 in category 4.
    const QList<QPair<QString, QString>> categories {
        { QStringLiteral("appetizers"), QStringLiteral("Appetizers") },
        { QStringLiteral("drinks"), QStringLiteral("Drinks") },
        { QStringLiteral("desserts"), QStringLiteral("Desserts") },
        { QStringLiteral("meals"), QStringLiteral("Meals") },
    };
    QList<qint64> categoryIds;
    for (const auto &c : categories)
        categoryIds << storage.createCategory(c.first, c.second).id;

    static const Dish dishes[] = {
        // The cloud's menu.
        { "Eggplant Parmiggiana", 1550, false, 4 },
        { "Soda", 550, false, 2 },
        { "Crème Brûlée", 725, false, 3 },
        { "Bruschetta", 1152, false, 1 },
        { "Canada Dry", 478, false, 2 },
        { "Bolognese Lasagna", 1499, true, 4 },
        // Ours.
        { "Greek Salad", 1299, true, 1 },
        { "Hummus Plate", 825, false, 1 },
        { "Fresh Lemonade", 350, false, 2 },
        { "Espresso", 280, false, 2 },
        { "Grilled Fish", 2000, false, 4 },
        { "Pasta Primavera", 1350, false, 4 },
        { "Lemon Dessert", 699, true, 3 },
        { "Baklava", 500, false, 3 },
    };
    QHash<QString, MenuItem> menu;
    for (const Dish &d : dishes) {
        MenuItem m;
        m.title = QString::fromUtf8(d.title);
        m.price = Money(d.cents);
        m.featured = d.featured;
        m.category = categoryIds.at(d.category - 1);
        // The fish has sold out tonight (the availability extension).
        m.available = m.title != u"Grilled Fish";
        m = storage.createMenuItem(m);
        menu.insert(m.title, m);
    }

    // The cloud's example users: admin (staff), mario (manager), crew, cust.
    const QList<QPair<Role, QString>> users {
        { Role::Admin, QStringLiteral("admin") },
        { Role::Manager, QStringLiteral("mario") },
        { Role::DeliveryCrew, QStringLiteral("crew") },
        { Role::Customer, QStringLiteral("cust") },
    };
    QList<Account> accounts;
    QHash<QString, qint64> ids;
    for (const auto &u : users) {
        const QString password = randomPassword();
        ids.insert(u.second, storage.createUser(u.second, u.second + QStringLiteral("@example.com"),
                                                PasswordHasher::hash(password, hashIterations), u.first));
        accounts.append(Account { toWire(u.first), u.second, password });
    }
    loadRestaurantDay(storage, menu, ids);
    tx.commit();
    return accounts;
}

void DemoData::loadRestaurantDay(ServerStorage &storage, const QHash<QString, MenuItem> &menu,
                                 const QHash<QString, qint64> &users)
{
    // The dining room.
    const int seats[] = { 2, 2, 4, 4, 6, 8, 4, 2 };
    QList<qint64> tables;
    for (int i = 0; i < 8; ++i) {
        DiningTable t;
        t.name = QString::number(i + 1);
        t.seats = seats[i];
        tables << storage.createTable(t).id;
    }

    // Today's bookings, lunch done and dinner to come, and one for tomorrow.
    struct DemoBooking
    {
        const char *name;
        const char *phone;
        int dayOffset;
        const char *time;
        int guests;
        int table; // 1-based, 0: none yet
        BookingStatus status;
        const char *owner;
        const char *notes;
    };
    static const DemoBooking bookings[] = {
        { "Rossi", "+39 06 5550 1234", 0, "12:30", 4, 3, BookingStatus::Completed, "mario", "" },
        { "Bianchi", "+39 06 5550 8841", 0, "13:00", 2, 1, BookingStatus::Seated, "mario", "Anniversary" },
        { "Chen", "+1 312 555 0199", 0, "19:00", 6, 5, BookingStatus::Booked, "mario", "High chair" },
        { "García", "+34 91 555 0142", 0, "19:30", 2, 2, BookingStatus::Booked, "cust", "Window if possible" },
        { "Okafor", "+44 20 5550 7788", 0, "20:00", 8, 6, BookingStatus::Booked, "mario", "Birthday cake at 21:00" },
        { "Müller", "+49 30 5550 3120", 0, "20:30", 3, 0, BookingStatus::Booked, "mario", "" },
        { "Smith", "+1 415 555 0110", 0, "21:00", 2, 1, BookingStatus::Cancelled, "cust", "" },
        { "Silva", "+55 11 5550 4410", 1, "19:00", 4, 4, BookingStatus::Booked, "mario", "" },
    };
    const QDate today = QDate::currentDate();
    for (const DemoBooking &d : bookings) {
        Booking b;
        b.user = users.value(QString::fromLatin1(d.owner));
        b.name = QString::fromUtf8(d.name);
        b.phone = QString::fromUtf8(d.phone);
        b.date = today.addDays(d.dayOffset);
        b.time = QTime::fromString(QString::fromLatin1(d.time), QStringLiteral("HH:mm"));
        b.guests = d.guests;
        if (d.table)
            b.table = tables.at(d.table - 1);
        b.notes = QString::fromUtf8(d.notes);
        b.status = d.status;
        storage.createBooking(b);
    }

    // Orders all along the kitchen's stages: online orders of the customer,
    // counter orders taken by the manager; moves by who would make them.
    struct DemoOrder
    {
        const char *by;                   // who placed it
        QList<QPair<const char *, int>> lines;
        const char *note;
        OrderStage stage;
        bool crew; // delivered by crew
    };
    const QList<DemoOrder> orders {
        { "cust", { { "Bolognese Lasagna", 1 }, { "Soda", 2 } }, "", OrderStage::Delivered, true },
        { "cust", { { "Greek Salad", 1 }, { "Fresh Lemonade", 1 } }, "Ring twice", OrderStage::OutForDelivery, true },
        { "mario", { { "Eggplant Parmiggiana", 2 }, { "Canada Dry", 2 } }, "Table 3", OrderStage::Ready, false },
        { "mario", { { "Pasta Primavera", 1 }, { "Bruschetta", 1 }, { "Espresso", 2 } }, "Table 5", OrderStage::Preparing, false },
        { "cust", { { "Hummus Plate", 1 }, { "Lemon Dessert", 2 } }, "", OrderStage::Received, false },
        { "mario", { { "Crème Brûlée", 2 }, { "Espresso", 2 } }, "Table 1", OrderStage::Received, false },
        { "mario", { { "Baklava", 3 } }, "Phone order, changed their mind", OrderStage::Cancelled, false },
    };
    const qint64 manager = users.value(QStringLiteral("mario"));
    const qint64 crew = users.value(QStringLiteral("crew"));
    for (const DemoOrder &o : orders) {
        QList<OrderItem> lines;
        for (const auto &[title, quantity] : o.lines) {
            const MenuItem m = menu.value(QString::fromUtf8(title));
            OrderItem line;
            line.menuitem = m.id;
            line.menuitemTitle = m.title;
            line.quantity = quantity;
            line.unitPrice = m.price;
            line.price = m.price * quantity;
            lines << line;
        }
        // A customer's order came from their cart (online); staff took the others at the counter.
        const QString by = QString::fromLatin1(o.by);
        const qint64 id = storage.createCounterOrder(users.value(by), lines, QString::fromUtf8(o.note), today,
                                                     by == u"cust" ? OrderSource::Online : OrderSource::Counter)
                              .orderId;
        if (o.crew) {
            OrderUpdate assign;
            assign.deliveryCrew = std::optional<qint64>(crew);
            storage.updateOrder(id, assign, manager);
        }
        if (o.stage == OrderStage::Cancelled) {
            OrderUpdate cancel;
            cancel.stage = OrderStage::Cancelled;
            storage.updateOrder(id, cancel, manager);
            continue;
        }
        for (OrderStage s = OrderStage::Received; s != o.stage;) {
            s = *nextStage(s);
            OrderUpdate move;
            move.stage = s;
            storage.updateOrder(id, move, s == OrderStage::Delivered && o.crew ? crew : manager);
        }
    }
}

void BenchData::load(ServerStorage &storage, int menuItems, int orders, int hashIterations)
{
    Database &db = storage.database();
    Database::Transaction tx(db);
    QList<qint64> categories;
    for (int i = 1; i <= 10; ++i)
        categories << storage.createCategory(QStringLiteral("bench-%1").arg(i), QStringLiteral("Bench %1").arg(i)).id;
    QList<MenuItem> items;
    QRandomGenerator rng(20261124); // fixed seed: every run measures the same data
    for (int i = 1; i <= menuItems; ++i) {
        MenuItem m;
        m.title = QStringLiteral("Bench dish %1").arg(i);
        m.price = Money(100 + rng.bounded(5000));
        m.featured = i % 17 == 0;
        m.category = categories.at(i % categories.size());
        items << storage.createMenuItem(m);
    }
    const QString hash = PasswordHasher::hash(QStringLiteral("bench-customer"), hashIterations);
    QList<qint64> customers;
    for (int i = 1; i <= 50; ++i)
        customers << storage.createUser(QStringLiteral("bench-customer-%1").arg(i), QString(), hash, Role::Customer);
    QList<qint64> crew;
    for (int i = 1; i <= 5; ++i)
        crew << storage.createUser(QStringLiteral("bench-crew-%1").arg(i), QString(), hash, Role::DeliveryCrew);

    const QDate start = QDate::currentDate().addDays(-365);
    for (int n = 0; n < orders && !items.isEmpty(); ++n) {
        const int lines = 1 + int(rng.bounded(4));
        Money total;
        QList<OrderItem> orderLines;
        for (int l = 0; l < lines; ++l) {
            const MenuItem &m = items.at(rng.bounded(int(items.size())));
            OrderItem line;
            line.menuitem = m.id;
            line.menuitemTitle = m.title;
            line.quantity = 1 + int(rng.bounded(3));
            line.unitPrice = m.price;
            line.price = m.price * line.quantity;
            total += line.price;
            orderLines << line;
        }
        const bool assigned = rng.bounded(3) != 0;
        const bool delivered = assigned && rng.bounded(2);
        const qint64 customer = customers.at(rng.bounded(int(customers.size())));
        const QString createdAt
            = start.addDays(n * 365 / qMax(1, orders)).toString(Qt::ISODate) + QStringLiteral("T12:00:00.000Z");
        // Open orders spread over the kitchen's stages; delivered ones say so.
        static const char *const open[] = { "received", "preparing", "ready", "out_for_delivery" };
        const QString stage = QString::fromLatin1(delivered ? "delivered" : open[rng.bounded(4)]);
        Statement insert = db.statement(QStringLiteral(
            "INSERT INTO orders (user_id, delivery_crew_id, status, total_cents, date, created_at, stage)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        insert.bind(0, customer)
            .bind(1, assigned ? QVariant(crew.at(rng.bounded(int(crew.size())))) : QVariant(QMetaType::fromType<qint64>()))
            .bind(2, delivered ? 1 : 0)
            .bind(3, total.cents())
            .bind(4, start.addDays(n * 365 / qMax(1, orders)).toString(Qt::ISODate))
            .bind(5, createdAt)
            .bind(6, stage)
            .exec();
        const qint64 orderId = insert.lastInsertId();
        db.statement(QStringLiteral("INSERT INTO order_history (order_id, stage, by_user, at) VALUES (?, 'received', ?, ?)"))
            .bind(0, orderId)
            .bind(1, customer)
            .bind(2, createdAt)
            .exec();
        if (stage != u"received") {
            db.statement(QStringLiteral("INSERT INTO order_history (order_id, stage, by_user, at) VALUES (?, ?, ?, ?)"))
                .bind(0, orderId)
                .bind(1, stage)
                .bind(2, customer)
                .bind(3, createdAt)
                .exec();
        }
        for (const OrderItem &line : orderLines)
            storage.insertOrderLine(orderId, line);
    }
    // Written straight into the tables for speed: the change log learns of
    // the new rows in one go.
    storage.fillChangeLog();
    tx.commit();
}

} // namespace LittleLemon::Server
