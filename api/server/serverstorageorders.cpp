// ServerStorage's carts and orders: lines, stage history, the queries the
// order lists run.

#include "api/server/serverstorage.h"
#include "api/server/serverstorage_p.h"

#include "api/server/reportstorage.h"

namespace LittleLemon::Server {

using StorageDetail::nowIso;
using StorageDetail::placeholders;

// ---- cart -----------------------------------------------------------------

static const QString kCartColumns = QStringLiteral(
    "SELECT ci.id, ci.menuitem_id, m.title, ci.quantity, ci.unit_price_cents FROM cart_items ci"
    " JOIN menu_items m ON m.id = ci.menuitem_id ");

namespace {
CartItem readCartItem(const Statement &s)
{
    CartItem c;
    c.id = s.integer(0);
    c.menuitem = s.integer(1);
    c.menuitemName = s.text(2);
    c.quantity = int(s.integer(3));
    c.price = Money(s.integer(4)) * c.quantity;
    return c;
}
} // namespace

QList<CartItem> ServerStorage::cart(qint64 userId)
{
    Statement s = m_db.statement(kCartColumns + QStringLiteral("WHERE ci.user_id = ? ORDER BY ci.id"));
    s.bind(0, userId).exec();
    QList<CartItem> out;
    while (s.next())
        out.append(readCartItem(s));
    return out;
}

std::optional<CartItem> ServerStorage::cartItem(qint64 userId, qint64 id)
{
    Statement s = m_db.statement(kCartColumns + QStringLiteral("WHERE ci.user_id = ? AND ci.id = ?"));
    s.bind(0, userId).bind(1, id).exec();
    if (!s.next())
        return std::nullopt;
    return readCartItem(s);
}

CartItem ServerStorage::addToCart(qint64 userId, const MenuItem &item, int quantity)
{
    Database::Transaction tx(m_db);
    // The unit price is taken when the item goes into the cart, as the
    // cloud does; adding the same item again adds to that row. An update
    // first, an insert only for a new line: an upsert would use up an
    // AUTOINCREMENT id even when it merges, and the cloud's cart ids have no gaps.
    Statement merge = m_db.statement(
        QStringLiteral("UPDATE cart_items SET quantity = quantity + ? WHERE user_id = ? AND menuitem_id = ?"));
    merge.bind(0, quantity).bind(1, userId).bind(2, item.id).exec();
    if (merge.rowsAffected() == 0) {
        m_db.statement(QStringLiteral("INSERT INTO cart_items (user_id, menuitem_id, quantity, unit_price_cents)"
                                      " VALUES (?, ?, ?, ?)"))
            .bind(0, userId)
            .bind(1, item.id)
            .bind(2, quantity)
            .bind(3, item.price.cents())
            .exec();
    }
    Statement s = m_db.statement(kCartColumns + QStringLiteral("WHERE ci.user_id = ? AND ci.menuitem_id = ?"));
    s.bind(0, userId).bind(1, item.id).exec();
    if (!s.next())
        throw StorageError(StorageError::Kind::Other, QStringLiteral("cart row vanished"));
    const CartItem out = readCartItem(s);
    tx.commit();
    return out;
}

std::optional<CartItem> ServerStorage::setCartQuantity(qint64 userId, qint64 id, int quantity)
{
    Statement s = m_db.statement(QStringLiteral("UPDATE cart_items SET quantity = ? WHERE user_id = ? AND id = ?"));
    s.bind(0, quantity).bind(1, userId).bind(2, id).exec();
    if (s.rowsAffected() == 0)
        return std::nullopt;
    return cartItem(userId, id);
}

bool ServerStorage::deleteCartItem(qint64 userId, qint64 id)
{
    Statement s = m_db.statement(QStringLiteral("DELETE FROM cart_items WHERE user_id = ? AND id = ?"));
    s.bind(0, userId).bind(1, id).exec();
    return s.rowsAffected() > 0;
}

// ---- orders ---------------------------------------------------------------

namespace {
const QString kInsertOrder = QStringLiteral(
    "INSERT INTO orders (user_id, delivery_crew_id, status, total_cents, date, created_at, stage, note, source)"
    " VALUES (?, NULL, 0, ?, ?, ?, 'received', ?, ?)");
// Line notes arrived with schema 7; the migration to schema 2 reads orders before that.
constexpr int kLineNotesVersion = 7;
} // namespace

void ServerStorage::addHistory(qint64 orderId, OrderStage stage, qint64 by)
{
    m_db.statement(QStringLiteral("INSERT INTO order_history (order_id, stage, by_user, at) VALUES (?, ?, ?, ?)"))
        .bind(0, orderId)
        .bind(1, toWire(stage))
        .bind(2, by)
        .bind(3, nowIso())
        .exec();
    ReportStorage(m_db).updateTimings(orderId);
}

void ServerStorage::insertOrderLine(qint64 orderId, const OrderItem &line)
{
    m_db.statement(QStringLiteral(
                       "INSERT INTO order_items (order_id, menuitem_id, title, quantity, unit_price_cents, price_cents,"
                       " note) VALUES (?, ?, ?, ?, ?, ?, ?)"))
        .bind(0, orderId)
        .bind(1, line.menuitem)
        .bind(2, line.menuitemTitle)
        .bind(3, line.quantity)
        .bind(4, line.unitPrice.cents())
        .bind(5, line.price.cents())
        .bind(6, line.note.isNull() ? QStringLiteral("") : line.note) // NOT NULL: '' for none
        .exec();
}

std::optional<OrderCreated> ServerStorage::createOrderFromCart(qint64 userId, const QDate &date)
{
    Database::Transaction tx(m_db);
    const QList<CartItem> rows = cart(userId);
    if (rows.isEmpty())
        return std::nullopt;
    QList<OrderItem> lines;
    for (const CartItem &c : rows) {
        OrderItem line;
        line.menuitem = c.menuitem;
        line.menuitemTitle = c.menuitemName;
        line.quantity = c.quantity;
        line.price = c.price;
        line.unitPrice = Money(c.quantity ? c.price.cents() / c.quantity : 0);
        lines.append(line);
    }
    OrderCreated created = createCounterOrder(userId, lines, QString(), date, OrderSource::Online);
    m_db.statement(QStringLiteral("DELETE FROM cart_items WHERE user_id = ?")).bind(0, userId).exec();
    tx.commit();
    return created;
}

OrderCreated ServerStorage::createCounterOrder(qint64 userId, const QList<OrderItem> &lines, const QString &note,
                                               const QDate &date, OrderSource source, QByteArray *detail)
{
    Database::Transaction tx(m_db);
    Money total;
    for (const OrderItem &line : lines)
        total += line.price;
    Statement insert = m_db.statement(kInsertOrder);
    insert.bind(0, userId)
        .bind(1, total.cents())
        .bind(2, date.toString(Qt::ISODate))
        .bind(3, nowIso())
        .bind(4, note.isNull() ? QStringLiteral("") : note)
        .bind(5, toWire(source))
        .exec();
    OrderCreated created;
    created.orderId = insert.lastInsertId();
    created.total = total;
    for (const OrderItem &line : lines) {
        insertOrderLine(created.orderId, line);
        created.items.append(line);
    }
    addHistory(created.orderId, OrderStage::Received, userId);
    QByteArray logged = logOrder(created.orderId);
    if (detail)
        *detail = std::move(logged);
    ReportStorage reports(m_db); // an order placed on a day already closed (Z)
    reports.orderChanged(created.orderId, {}, reports.figures(created.orderId));
    tx.commit();
    return created;
}

namespace {
QString orderWhere(const OrderQuery &q)
{
    switch (q.scope) {
    case OrderQuery::Scope::All: return QString();
    case OrderQuery::Scope::AssignedTo: return QStringLiteral(" WHERE delivery_crew_id = ?");
    case OrderQuery::Scope::OwnedBy: return QStringLiteral(" WHERE user_id = ?");
    }
    return QString();
}

// An order line from its seven columns starting at `first`: menu item,
// title, quantity, unit price, price, note.
OrderItem readLine(const Statement &s, int first)
{
    OrderItem item;
    item.menuitem = s.integer(first);
    item.menuitemTitle = s.text(first + 1);
    item.quantity = int(s.integer(first + 2));
    item.unitPrice = Money(s.integer(first + 3));
    item.price = Money(s.integer(first + 4));
    item.note = s.text(first + 5);
    return item;
}

Order readOrder(const Statement &s)
{
    Order o;
    o.id = s.integer(0);
    o.user = s.integer(1);
    if (!s.value(2).isNull())
        o.deliveryCrew = s.integer(2);
    o.status = s.integer(3) != 0;
    o.total = Money(s.integer(4));
    o.date = QDate::fromString(s.text(5), Qt::ISODate);
    o.stage = orderStageFromWire(s.text(6));
    if (!o.stage) // a stage this build does not know: say what status says
        o.stage = o.status ? OrderStage::Delivered : OrderStage::Received;
    o.note = s.text(7);
    return o;
}

const QString kOrderColumns =
    QStringLiteral("SELECT id, user_id, delivery_crew_id, status, total_cents, date, stage, note FROM orders");
} // namespace

qint64 ServerStorage::orderCount(const OrderQuery &query)
{
    Statement s = m_db.statement(QStringLiteral("SELECT count(*) FROM orders") + orderWhere(query));
    if (query.scope != OrderQuery::Scope::All)
        s.bind(0, query.userId);
    s.exec();
    return s.next() ? s.integer(0) : 0;
}

std::optional<std::pair<qint64, qint64>> ServerStorage::orderAnchor(qint64 offset)
{
    // Only on the reader (committed rows; the anchors are shared by every
    // request) and while no delete waits to be seen.
    const qint64 version = m_db.rowSetVersion("orders");
    if (version < 0 || !m_db.readingFromReader() || m_db.rowSetShuffling("orders") || offset < kAnchorStep)
        return std::nullopt;
    if (m_anchors.version != version) {
        m_anchors.version = version;
        m_anchors.ids.clear();
    }
    const qint64 wanted = offset / kAnchorStep;
    if (wanted >= m_anchors.ids.size()) {
        // Anchors past the last one known: from there on (new orders came at
        // the top), in one statement that keeps every kAnchorStep-th id.
        const qint64 from = m_anchors.ids.isEmpty() ? std::numeric_limits<qint64>::min() : m_anchors.ids.last();
        const qint64 skip = m_anchors.ids.isEmpty() ? 0 : kAnchorStep - 1;
        Statement s = m_db.statement(QStringLiteral(
            "SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM orders WHERE id > ?)"
            " WHERE n % ? = ? ORDER BY id"));
        s.bind(0, from).bind(1, kAnchorStep).bind(2, skip).exec();
        while (s.next())
            m_anchors.ids.append(s.integer(0));
    }
    const qint64 k = std::min<qint64>(wanted, m_anchors.ids.size() - 1);
    if (k < 0)
        return std::nullopt;
    return std::pair { k * kAnchorStep, m_anchors.ids.at(k) };
}

QList<Order> ServerStorage::orders(const OrderQuery &query, qint64 offset, qint64 limit)
{
    // Every order by id, far into the list: the page starts from the anchor
    // before it instead of stepping over every order before it.
    std::optional<std::pair<qint64, qint64>> anchor;
    if (query.scope == OrderQuery::Scope::All && query.ordering == OrderQuery::Ordering::Id)
        anchor = orderAnchor(offset);
    // One statement for the page and its lines: the page of orders as a
    // subquery, joined to its lines, in the page's order.
    QString order;
    switch (query.ordering) {
    case OrderQuery::Ordering::Id: order = QStringLiteral("id"); break;
    case OrderQuery::Ordering::IdDescending: order = QStringLiteral("id DESC"); break;
    case OrderQuery::Ordering::DateAscending: order = QStringLiteral("date, id"); break;
    case OrderQuery::Ordering::DateDescending: order = QStringLiteral("date DESC, id DESC"); break;
    case OrderQuery::Ordering::TotalAscending: order = QStringLiteral("total_cents, id"); break;
    case OrderQuery::Ordering::TotalDescending: order = QStringLiteral("total_cents DESC, id"); break;
    }
    QString outer = order;
    outer.replace(QStringLiteral("id"), QStringLiteral("o.id"))
        .replace(QStringLiteral("date"), QStringLiteral("o.date"))
        .replace(QStringLiteral("total_cents"), QStringLiteral("o.total_cents"));
    Statement s = m_db.statement(
        QStringLiteral("SELECT o.id, o.user_id, o.delivery_crew_id, o.status, o.total_cents, o.date, o.stage, o.note,"
                       " i.menuitem_id, i.title, i.quantity, i.unit_price_cents, i.price_cents, ")
        + (m_db.version() >= kLineNotesVersion ? QStringLiteral("i.note") : QStringLiteral("''"))
        + QStringLiteral(" FROM (")
        + kOrderColumns + (anchor ? QStringLiteral(" WHERE id >= ?") : orderWhere(query)) + QStringLiteral(" ORDER BY ") + order
        + QStringLiteral(" LIMIT ? OFFSET ?) o LEFT JOIN order_items i ON i.order_id = o.id ORDER BY ") + outer
        + QStringLiteral(", i.id"));
    int i = 0;
    if (query.scope != OrderQuery::Scope::All)
        s.bind(i++, query.userId);
    if (anchor)
        s.bind(i++, anchor->second);
    s.bind(i, limit).bind(i + 1, anchor ? offset - anchor->first : offset).exec();
    QList<Order> out;
    while (s.next()) {
        const qint64 id = s.integer(0);
        if (out.isEmpty() || out.last().id != id)
            out.append(readOrder(s));
        if (s.value(8).isNull())
            continue; // an order without lines (never made by us, but possible in imported data)
        out.last().items.append(readLine(s, 8));
    }
    return out;
}

void ServerStorage::loadItems(QList<Order> &orders)
{
    if (orders.isEmpty())
        return;
    Statement s = m_db.statement(
        QStringLiteral("SELECT order_id, menuitem_id, title, quantity, unit_price_cents, price_cents, ")
        + (m_db.version() >= kLineNotesVersion ? QStringLiteral("note") : QStringLiteral("''"))
        + QStringLiteral(" FROM order_items WHERE order_id IN (")
        + placeholders(orders.size()) + QStringLiteral(") ORDER BY order_id, id"));
    for (qsizetype i = 0; i < orders.size(); ++i)
        s.bind(int(i), orders.at(i).id);
    s.exec();
    while (s.next()) {
        const qint64 orderId = s.integer(0);
        const OrderItem item = readLine(s, 1);
        for (Order &o : orders) {
            if (o.id == orderId) {
                o.items.append(item);
                break;
            }
        }
    }
}

void ServerStorage::loadHistory(Order &order)
{
    Statement s = m_db.statement(
        QStringLiteral("SELECT stage, by_user, at FROM order_history WHERE order_id = ? ORDER BY id"));
    s.bind(0, order.id).exec();
    while (s.next()) {
        StageChange change;
        const auto stage = orderStageFromWire(s.text(0));
        if (!stage)
            continue;
        change.stage = *stage;
        change.by = s.integer(1);
        change.at = QDateTime::fromString(s.text(2), Qt::ISODateWithMs).toUTC();
        order.history.append(change);
    }
}

std::optional<Order> ServerStorage::order(qint64 id)
{
    Statement s = m_db.statement(kOrderColumns + QStringLiteral(" WHERE id = ?"));
    s.bind(0, id).exec();
    if (!s.next())
        return std::nullopt;
    QList<Order> one { readOrder(s) };
    loadItems(one);
    loadHistory(one.first());
    return one.first();
}

QByteArray ServerStorage::updateOrder(qint64 id, const OrderUpdate &update, qint64 by)
{
    Database::Transaction tx(m_db);
    ReportStorage reports(m_db);
    const ReportStorage::OrderFigures before = reports.figures(id);
    std::optional<qint64> previousCrew;
    {
        Statement s = m_db.statement(QStringLiteral("SELECT delivery_crew_id, stage FROM orders WHERE id = ?"));
        s.bind(0, id).exec();
        if (!s.next())
            return QByteArray();
        if (!s.value(0).isNull())
            previousCrew = s.integer(0);
        if (update.stage && orderStageFromWire(s.text(1)) != update.stage) {
            m_db.statement(QStringLiteral("UPDATE orders SET stage = ?, status = ? WHERE id = ?"))
                .bind(0, toWire(*update.stage))
                .bind(1, *update.stage == OrderStage::Delivered ? 1 : 0)
                .bind(2, id)
                .exec();
            addHistory(id, *update.stage, by);
        }
    }
    if (update.deliveryCrew) {
        m_db.statement(QStringLiteral("UPDATE orders SET delivery_crew_id = ? WHERE id = ?"))
            .bind(0, *update.deliveryCrew ? QVariant(**update.deliveryCrew) : QVariant(QMetaType::fromType<qint64>()))
            .bind(1, id)
            .exec();
    }
    if (update.note) {
        m_db.statement(QStringLiteral("UPDATE orders SET note = ? WHERE id = ?"))
            .bind(0, update.note->isNull() ? QStringLiteral("") : *update.note)
            .bind(1, id)
            .exec();
    }
    QByteArray detail = logOrder(id, previousCrew);
    reports.orderChanged(id, before, reports.figures(id));
    tx.commit();
    return detail;
}

bool ServerStorage::deleteOrder(qint64 id)
{
    Database::Transaction tx(m_db);
    const auto before = order(id);
    if (!before)
        return false;
    ReportStorage reports(m_db);
    const ReportStorage::OrderFigures figures = reports.figures(id);
    m_db.statement(QStringLiteral("DELETE FROM orders WHERE id = ?")).bind(0, id).exec();
    reports.orderChanged(id, figures, {});
    m_changes.remove(ChangeKind::Order, id, ChangeScope { before->user, before->deliveryCrew, 0 });
    tx.commit();
    return true;
}

} // namespace LittleLemon::Server
