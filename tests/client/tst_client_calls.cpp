// Every typed call the app needs, against a real littlelemon-server: the
// request goes out as the contract says and the answer decodes into records.
#include "clienttest.h"

using namespace LittleLemon;
using namespace LittleLemon::Client;
using namespace LittleLemon::Test;

class TestClientCalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void serverInfo();
    void registerAndSignIn();
    void categories();
    void menuItems();
    void cartAndOrders();
    void groups();
    void tablesAndBookings();
    void changes();
    void idempotentWrites();

private:
    std::unique_ptr<ApiClient> signedIn(const QString &user);

    TestServer m_server;
    QList<MenuItem> m_menu;
};

void TestClientCalls::initTestCase()
{
    QVERIFY(startServer(m_server));
    QString error;
    m_menu = createMenu(m_server, 4, &error);
    QVERIFY2(m_menu.size() == 4, qPrintable(error));
}

std::unique_ptr<ApiClient> TestClientCalls::signedIn(const QString &user)
{
    auto client = makeClient(m_server);
    client->setRateLimit(100000); // the test server's throttles are lifted
    const auto r = signIn(*client, user);
    if (!r.ok())
        qWarning("%s", qPrintable(describe(r.error())));
    return client;
}

void TestClientCalls::serverInfo()
{
    auto client = makeClient(m_server);
    const auto health = waitFor(client->health());
    LL_VERIFY_OK(health);
    QCOMPARE(health.value(), QStringLiteral("ok"));

    const auto meta = waitFor(client->meta());
    LL_VERIFY_OK(meta);
    QVERIFY(client->isDiscovered());
    // The plain cloud API has no /api/meta: that is an answer too.
    QVERIFY(meta->server == QLatin1String("littlelemon-server") || meta->server == QLatin1String("cloud"));
    QCOMPARE(client->serverMeta().features, meta->features);
}

void TestClientCalls::registerAndSignIn()
{
    auto client = makeClient(m_server);
    const auto user = waitFor(client->registerUser(QStringLiteral("newbie"), QStringLiteral("n@example.com"),
                                                   QStringLiteral("Fresh#Lemons9")));
    LL_VERIFY_OK(user);
    QCOMPARE(user->username, QStringLiteral("newbie"));
    QCOMPARE(user->email, QStringLiteral("n@example.com"));
    const auto me = signIn(*client, QStringLiteral("newbie"), QStringLiteral("Fresh#Lemons9"));
    LL_VERIFY_OK(me);
    QCOMPARE(me->role(), Role::Customer);

    // The same name again is refused, in words.
    const auto again = waitFor(client->registerUser(QStringLiteral("newbie"), QStringLiteral("n2@example.com"),
                                                    QStringLiteral("Fresh#Lemons9")));
    QCOMPARE(again.error().kind(), ApiError::Kind::Validation);
    QVERIFY(again.error().fieldErrors().contains(QStringLiteral("username")));
}

void TestClientCalls::categories()
{
    auto admin = signedIn(QStringLiteral("admin"));
    const auto created = waitFor(admin->createCategory({ 0, QStringLiteral("drinks"), QStringLiteral("Drinks") }));
    LL_VERIFY_OK(created);
    QVERIFY(created->id > 0);
    QCOMPARE(created->slug, QStringLiteral("drinks"));

    const auto renamed = waitFor(admin->updateCategory(created->id, { { QStringLiteral("title"), QStringLiteral("Cold drinks") } }));
    LL_VERIFY_OK(renamed);
    QCOMPARE(renamed->title, QStringLiteral("Cold drinks"));
    QCOMPARE(renamed->slug, QStringLiteral("drinks"));

    auto cust = signedIn(QStringLiteral("cust"));
    const auto one = waitFor(cust->category(created->id));
    LL_VERIFY_OK(one);
    QCOMPARE(one.value(), renamed.value());
    const auto all = waitFor(cust->categories());
    LL_VERIFY_OK(all);
    QVERIFY(all->contains(renamed.value()));

    LL_VERIFY_OK(waitFor(admin->deleteCategory(created->id)));
    QCOMPARE(waitFor(cust->category(created->id)).error().kind(), ApiError::Kind::NotFound);
}

void TestClientCalls::menuItems()
{
    auto admin = signedIn(QStringLiteral("admin"));
    auto manager = signedIn(QStringLiteral("mario"));
    MenuItem item;
    item.title = QStringLiteral("Lemon Tart");
    item.price = Money::fromCents(650);
    item.category = m_menu.first().category;
    const auto created = waitFor(admin->createMenuItem(item));
    LL_VERIFY_OK(created);
    QVERIFY(created->id > 0);
    QCOMPARE(created->title, item.title);
    QCOMPARE(created->price, item.price);

    // A manager edits one field...
    const auto patched = waitFor(manager->updateMenuItem(created->id, { { QStringLiteral("price"), QStringLiteral("6.95") } }));
    LL_VERIFY_OK(patched);
    QCOMPARE(patched->price, Money::fromCents(695));
    QCOMPARE(patched->title, item.title);
    // ...or replaces the whole item.
    MenuItem whole = patched.value();
    whole.title = QStringLiteral("Lemon Meringue Tart");
    whole.featured = true;
    const auto replaced = waitFor(manager->replaceMenuItem(whole));
    LL_VERIFY_OK(replaced);
    QCOMPARE(replaced->title, whole.title);
    QVERIFY(replaced->featured);

    // Anyone reads it, signed in or not.
    auto anonymous = makeClient(m_server);
    const auto read = waitFor(anonymous->menuItem(created->id));
    LL_VERIFY_OK(read);
    QCOMPARE(read.value(), replaced.value());

    LL_VERIFY_OK(waitFor(admin->deleteMenuItem(created->id)));
    QCOMPARE(waitFor(anonymous->menuItem(created->id)).error().kind(), ApiError::Kind::NotFound);
}

void TestClientCalls::cartAndOrders()
{
    auto cust = signedIn(QStringLiteral("cust"));
    auto manager = signedIn(QStringLiteral("mario"));
    auto crew = signedIn(QStringLiteral("crew"));
    const MenuItem a = m_menu.at(0); // 1.00
    const MenuItem b = m_menu.at(2); // 3.00

    // The cart: add, change, remove (the contract has no "clear": rows go one by one).
    const auto first = waitFor(cust->addToCart(a.id, 3));
    LL_VERIFY_OK(first);
    QCOMPARE(first->menuitem, a.id);
    QCOMPARE(first->quantity, 3);
    QCOMPARE(first->price, a.price * 3);
    QCOMPARE(first->menuitemName, a.title);
    const auto changed = waitFor(cust->setCartQuantity(first->id, 2));
    LL_VERIFY_OK(changed);
    QCOMPARE(changed->quantity, 2);
    const auto second = waitFor(cust->addToCart(b.id, 1));
    LL_VERIFY_OK(second);
    auto cart = waitFor(cust->cart());
    LL_VERIFY_OK(cart);
    QCOMPARE(cart->size(), 2);
    LL_VERIFY_OK(waitFor(cust->removeFromCart(second->id)));
    cart = waitFor(cust->cart());
    QCOMPARE(cart->size(), 1);
    LL_VERIFY_OK(waitFor(cust->removeFromCart(first->id)));
    cart = waitFor(cust->cart());
    LL_VERIFY_OK(cart);
    QVERIFY(cart->isEmpty());

    // An order from two cart rows.
    LL_VERIFY_OK(waitFor(cust->addToCart(a.id, 2)));
    LL_VERIFY_OK(waitFor(cust->addToCart(b.id, 1)));
    const auto created = waitFor(cust->placeOrder());
    LL_VERIFY_OK(created);
    QVERIFY(created->orderId > 0);
    QCOMPARE(created->total, a.price * 2 + b.price);
    const auto mine = waitFor(cust->orders());
    LL_VERIFY_OK(mine);
    QCOMPARE(mine->size(), 1);
    const Order order = mine->first();
    QCOMPARE(order.id, created->orderId);
    QCOMPARE(order.items.size(), 2);
    QCOMPARE(order.total, created->total);
    QVERIFY(!order.status);
    QVERIFY(!order.deliveryCrew);

    // The manager assigns it; the crew delivers it.
    const auto crewUser = crew->session()->user();
    OrderPatch assign;
    assign.deliveryCrew = std::optional<qint64>(crewUser.id);
    const auto assigned = waitFor(manager->updateOrder(order.id, assign));
    LL_VERIFY_OK(assigned);
    QCOMPARE(assigned->deliveryCrew, std::optional<qint64>(crewUser.id));
    const auto crewOrders = waitFor(crew->orders());
    LL_VERIFY_OK(crewOrders);
    QCOMPARE(crewOrders->size(), 1);
    OrderPatch delivered;
    delivered.status = true;
    const auto done = waitFor(crew->updateOrder(order.id, delivered));
    LL_VERIFY_OK(done);
    QVERIFY(done->status);
    QCOMPARE(done->effectiveStage(), OrderStage::Delivered);
    const auto read = waitFor(manager->order(order.id));
    LL_VERIFY_OK(read);
    QCOMPARE(read.value(), done.value());

    if (manager->hasFeature(QStringLiteral("stages"))) {
        // A manager may step back one stage: delivered → out for delivery.
        OrderPatch back;
        back.stage = OrderStage::OutForDelivery;
        const auto staged = waitFor(manager->updateOrder(order.id, back));
        LL_VERIFY_OK(staged);
        QCOMPARE(staged->stage, std::optional<OrderStage>(OrderStage::OutForDelivery));
        QVERIFY(!staged->status);
    }

    // Unassigning sends null.
    OrderPatch unassign;
    unassign.deliveryCrew = std::optional<qint64>();
    const auto unassigned = waitFor(manager->updateOrder(order.id, unassign));
    LL_VERIFY_OK(unassigned);
    QVERIFY(!unassigned->deliveryCrew);

    LL_VERIFY_OK(waitFor(manager->deleteOrder(order.id)));
    QCOMPARE(waitFor(manager->order(order.id)).error().kind(), ApiError::Kind::NotFound);
}

void TestClientCalls::groups()
{
    auto manager = signedIn(QStringLiteral("mario"));
    auto cust = signedIn(QStringLiteral("cust"));
    const qint64 custId = cust->session()->user().id;

    const auto managers = waitFor(manager->groupMembers(QStringLiteral("manager")));
    LL_VERIFY_OK(managers);
    QCOMPARE(managers->size(), 1);
    QCOMPARE(managers->first().username, QStringLiteral("mario"));

    const auto added = waitFor(manager->addToGroup(QStringLiteral("delivery-crew"), QStringLiteral("cust")));
    LL_VERIFY_OK(added);
    QCOMPARE(added.value(), QStringLiteral("User 'cust' added to group 'delivery-crew'."));
    const auto crew = waitFor(manager->groupMembers(QStringLiteral("delivery-crew")));
    LL_VERIFY_OK(crew);
    QVERIFY(std::any_of(crew->cbegin(), crew->cend(), [&](const User &u) { return u.id == custId; }));

    // Signed in again, the role follows the group.
    auto promoted = signedIn(QStringLiteral("cust"));
    QCOMPARE(promoted->session()->role(), Role::DeliveryCrew);

    const auto removed = waitFor(manager->removeFromGroup(QStringLiteral("delivery-crew"), custId));
    LL_VERIFY_OK(removed);
    QCOMPARE(removed.value(), QStringLiteral("User 'cust' removed from group 'delivery-crew'."));
    const auto again = waitFor(manager->removeFromGroup(QStringLiteral("delivery-crew"), custId));
    QCOMPARE(again.error().kind(), ApiError::Kind::NotFound);

    // A customer may not look.
    QCOMPARE(waitFor(cust->groupMembers(QStringLiteral("manager"))).error().kind(), ApiError::Kind::Forbidden);
}

void TestClientCalls::tablesAndBookings()
{
    auto manager = signedIn(QStringLiteral("mario"));
    QVERIFY2(manager->hasFeature(QStringLiteral("tables")) && manager->hasFeature(QStringLiteral("bookings")),
             "littlelemon-server no longer lists the \"tables\"/\"bookings\" extensions");

    const auto table = waitFor(manager->createTable({ 0, QStringLiteral("Window 1"), 4 }));
    LL_VERIFY_OK(table);
    QCOMPARE(table->seats, 4);
    const auto resized = waitFor(manager->updateTable(table->id, { { QStringLiteral("seats"), 6 } }));
    LL_VERIFY_OK(resized);
    QCOMPARE(resized->seats, 6);
    const auto tables = waitFor(manager->tables());
    LL_VERIFY_OK(tables);
    QVERIFY(tables->contains(resized.value()));

    Booking booking;
    booking.name = QStringLiteral("Rossi");
    booking.phone = QStringLiteral("+39 06 1234");
    booking.date = QDate::currentDate().addDays(1);
    booking.time = QTime(19, 30);
    booking.guests = 5;
    booking.table = table->id;
    const auto made = waitFor(manager->createBooking(booking));
    LL_VERIFY_OK(made);
    QCOMPARE(made->name, booking.name);
    QCOMPARE(made->table, booking.table);
    QCOMPARE(made->status, BookingStatus::Booked);
    const auto seated = waitFor(manager->updateBooking(made->id, { { QStringLiteral("status"), QStringLiteral("seated") } }));
    LL_VERIFY_OK(seated);
    QCOMPARE(seated->status, BookingStatus::Seated);
    const auto thatDay = waitFor(manager->bookings(booking.date));
    LL_VERIFY_OK(thatDay);
    QCOMPARE(thatDay->size(), 1);
    QCOMPARE(waitFor(manager->booking(made->id)).value(), seated.value());

    // Seven guests at a six-seat table: refused, naming the table.
    Booking tooMany = booking;
    tooMany.guests = 7;
    tooMany.date = booking.date.addDays(1);
    const auto refused = waitFor(manager->createBooking(tooMany));
    QCOMPARE(refused.error().kind(), ApiError::Kind::Validation);
    QVERIFY(refused.error().fieldErrors().contains(QStringLiteral("table")));

    LL_VERIFY_OK(waitFor(manager->deleteBooking(made->id)));
    LL_VERIFY_OK(waitFor(manager->deleteTable(table->id)));
    QCOMPARE(waitFor(manager->table(table->id)).error().kind(), ApiError::Kind::NotFound);
}

void TestClientCalls::changes()
{
    auto manager = signedIn(QStringLiteral("mario"));
    QVERIFY2(manager->hasFeature(QStringLiteral("changes")),
             "littlelemon-server no longer lists the \"changes\" extension");
    const auto all = waitFor(manager->changes(0));
    LL_VERIFY_OK(all);
    QVERIFY(!all->changes.isEmpty());
    QVERIFY(all->next > 0);
    const auto menuChanges = std::count_if(all->changes.cbegin(), all->changes.cend(),
                                           [](const Change &c) { return c.entity == QLatin1String("menu-item"); });
    QVERIFY(menuChanges >= m_menu.size());

    // An edit shows up after the last sequence read, and nothing else.
    LL_VERIFY_OK(waitFor(manager->updateMenuItem(m_menu.last().id, { { QStringLiteral("featured"), true } })));
    const auto delta = waitFor(manager->changes(all->next));
    LL_VERIFY_OK(delta);
    QCOMPARE(delta->changes.size(), 1);
    QCOMPARE(delta->changes.first().entity, QStringLiteral("menu-item"));
    QCOMPARE(delta->changes.first().id, m_menu.last().id);
    QCOMPARE(delta->changes.first().op, Change::Op::Upsert);
    const auto limited = waitFor(manager->changes(0, 2));
    LL_VERIFY_OK(limited);
    QCOMPARE(limited->changes.size(), 2);
}

void TestClientCalls::idempotentWrites()
{
    auto manager = signedIn(QStringLiteral("mario"));
    QVERIFY2(manager->hasFeature(QStringLiteral("idempotency")) && manager->hasFeature(QStringLiteral("counter_orders")),
             "littlelemon-server no longer lists the \"idempotency\"/\"counter_orders\" extensions");
    const auto before = waitFor(manager->orders());
    LL_VERIFY_OK(before);
    // The same change sent twice (an answer lost on the way): one order.
    WriteOptions options;
    options.idempotencyKey = QStringLiteral("counter-order-table-4-0001");
    const QList<CounterLine> lines { { m_menu.at(1).id, 2 } };
    const auto first = waitFor(manager->placeCounterOrder(lines, QStringLiteral("table 4"), options));
    LL_VERIFY_OK(first);
    const auto second = waitFor(manager->placeCounterOrder(lines, QStringLiteral("table 4"), options));
    LL_VERIFY_OK(second);
    QCOMPARE(second->orderId, first->orderId);
    QCOMPARE(second->total, m_menu.at(1).price * 2);
    const auto after = waitFor(manager->orders());
    LL_VERIFY_OK(after);
    QCOMPARE(after->size(), before->size() + 1);
    // Without a key of its own, each call is a change of its own.
    const auto third = waitFor(manager->placeCounterOrder(lines, QStringLiteral("table 4")));
    LL_VERIFY_OK(third);
    QVERIFY(third->orderId != first->orderId);
}

QTEST_GUILESS_MAIN(TestClientCalls)
#include "tst_client_calls.moc"
