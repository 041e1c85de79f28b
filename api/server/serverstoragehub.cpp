// ServerStorage's rows for the kitchen print host (issue 17) and the hub's
// mirror of the cloud (issue 19).

#include "api/server/serverstorage.h"
#include "api/server/serverstorage_p.h"

#include "api/server/reportstorage.h"

namespace LittleLemon::Server {

using StorageDetail::fold;
using StorageDetail::nowIso;

// ---- the kitchen print host (issue 17) ------------------------------------

std::optional<PrintHostLease> ServerStorage::printHost()
{
    Statement s = m_db.statement(QStringLiteral(
        "SELECT terminal_id, terminal_name, user_id, renewed_at, expires_at FROM print_host WHERE id = 1"));
    s.exec();
    if (!s.next())
        return std::nullopt;
    PrintHostLease l;
    l.terminalId = s.text(0);
    l.terminalName = s.text(1);
    l.userId = s.integer(2);
    l.renewedAt = QDateTime::fromString(s.text(3), Qt::ISODateWithMs).toUTC();
    l.expiresAt = QDateTime::fromString(s.text(4), Qt::ISODateWithMs).toUTC();
    return l;
}

void ServerStorage::setPrintHost(const PrintHostLease &lease)
{
    m_db.statement(QStringLiteral(
                       "INSERT INTO print_host (id, terminal_id, terminal_name, user_id, renewed_at, expires_at)"
                       " VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET terminal_id = excluded.terminal_id,"
                       " terminal_name = excluded.terminal_name, user_id = excluded.user_id,"
                       " renewed_at = excluded.renewed_at, expires_at = excluded.expires_at"))
        .bind(0, lease.terminalId)
        .bind(1, lease.terminalName)
        .bind(2, lease.userId)
        .bind(3, lease.renewedAt.toUTC().toString(Qt::ISODateWithMs))
        .bind(4, lease.expiresAt.toUTC().toString(Qt::ISODateWithMs))
        .exec();
}

bool ServerStorage::releasePrintHost(const QString &terminalId)
{
    Statement s = m_db.statement(QStringLiteral("DELETE FROM print_host WHERE id = 1 AND terminal_id = ?"));
    s.bind(0, terminalId).exec();
    return s.rowsAffected() > 0;
}

// ---- the hub's mirror of the cloud ---------------------------------------------

void ServerStorage::mirrorCategory(const Category &c)
{
    Database::Transaction tx(m_db);
    m_db.statement(QStringLiteral("INSERT INTO categories (id, slug, title, title_folded) VALUES (?, ?, ?, ?)"
                                  " ON CONFLICT(id) DO UPDATE SET slug = excluded.slug, title = excluded.title,"
                                  " title_folded = excluded.title_folded"))
        .bind(0, c.id)
        .bind(1, c.slug)
        .bind(2, c.title)
        .bind(3, fold(c.title))
        .exec();
    logCategory(c);
    tx.commit();
}

void ServerStorage::mirrorMenuItem(const MenuItem &item)
{
    Database::Transaction tx(m_db);
    const auto before = menuItem(item.id);
    MenuItem out = item;
    out.available = before ? before->available : true;
    m_db.statement(QStringLiteral("INSERT INTO menu_items (id, title, title_folded, price_cents, featured, category_id,"
                                  " available) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                  " ON CONFLICT(id) DO UPDATE SET title = excluded.title, title_folded ="
                                  " excluded.title_folded, price_cents = excluded.price_cents, featured ="
                                  " excluded.featured, category_id = excluded.category_id"))
        .bind(0, out.id)
        .bind(1, out.title)
        .bind(2, fold(out.title))
        .bind(3, out.price.cents())
        .bind(4, out.featured ? 1 : 0)
        .bind(5, out.category)
        .bind(6, out.available ? 1 : 0)
        .exec();
    logMenuItem(out);
    tx.commit();
}

bool ServerStorage::mirrorOrder(const Order &o, qint64 userId, std::optional<qint64> crew)
{
    Database::Transaction tx(m_db);
    {
        Statement s = m_db.statement(QStringLiteral("SELECT 1 FROM orders WHERE id = ?"));
        s.bind(0, o.id).exec();
        if (s.next())
            return false;
    }
    const bool delivered = o.status;
    m_db.statement(QStringLiteral("INSERT INTO orders (id, user_id, delivery_crew_id, status, total_cents, date,"
                                  " created_at, stage, note, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)"))
        .bind(0, o.id)
        .bind(1, userId)
        .bind(2, crew ? QVariant(*crew) : QVariant(QMetaType::fromType<qint64>()))
        .bind(3, delivered ? 1 : 0)
        .bind(4, o.total.cents())
        .bind(5, (o.date.isValid() ? o.date : QDate::currentDate()).toString(Qt::ISODate))
        .bind(6, nowIso())
        .bind(7, toWire(delivered ? OrderStage::Delivered : OrderStage::Received))
        .bind(8, toWire(OrderSource::Online))
        .exec();
    for (const OrderItem &line : o.items)
        insertOrderLine(o.id, line); // the cloud has no line notes: empty
    addHistory(o.id, OrderStage::Received, userId);
    if (delivered)
        addHistory(o.id, OrderStage::Delivered, crew.value_or(0));
    logOrder(o.id);
    ReportStorage reports(m_db);
    reports.orderChanged(o.id, {}, reports.figures(o.id));
    tx.commit();
    return true;
}

void ServerStorage::reserveLocalIds(qint64 from)
{
    Database::Transaction tx(m_db);
    for (const char *table : { "categories", "menu_items", "orders" }) {
        const QString name = QString::fromLatin1(table);
        Statement s = m_db.statement(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = ?"));
        s.bind(0, name).exec();
        if (!s.next()) {
            m_db.statement(QStringLiteral("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)"))
                .bind(0, name)
                .bind(1, from - 1)
                .exec();
        } else if (s.integer(0) < from - 1) {
            m_db.statement(QStringLiteral("UPDATE sqlite_sequence SET seq = ? WHERE name = ?"))
                .bind(0, from - 1)
                .bind(1, name)
                .exec();
        }
    }
    tx.commit();
}

} // namespace LittleLemon::Server
