#include "api/server/reportstorage.h"

#include <QDateTime>
#include <QJsonDocument>

namespace LittleLemon::Server {

namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Milliseconds since the epoch of a stored time ("2026-03-28T23:59:00.123Z"),
// exact, in SQL: whole seconds from strftime, milliseconds from the text.
QString msOf(const QString &column)
{
    return QStringLiteral("(CAST(strftime('%s', %1) AS INTEGER) * 1000 + CAST(substr(%1, 21, 3) AS INTEGER))")
        .arg(column);
}

} // namespace

void ReportStorage::createSchema(Database &db)
{
    const char *statements[] = {
        "ALTER TABLE orders ADD COLUMN source TEXT NOT NULL DEFAULT 'online'",
        // Orders placed by staff before the column existed were taken at the counter.
        "UPDATE orders SET source = 'counter' WHERE user_id IN (SELECT id FROM users WHERE is_staff = 1)"
        " OR user_id IN (SELECT ug.user_id FROM user_groups ug)",
        "CREATE INDEX orders_by_date ON orders(date, id)",
        "CREATE TABLE sold_out ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " menuitem_id INTEGER NOT NULL,"
        " title TEXT NOT NULL,"
        " from_at TEXT NOT NULL,"
        " to_at TEXT)",
        "CREATE INDEX sold_out_by_item ON sold_out(menuitem_id, id)",
        // Items already sold out when this was added: since now (the start is unknown).
        "INSERT INTO sold_out (menuitem_id, title, from_at)"
        " SELECT id, title, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM menu_items WHERE available = 0",
        "CREATE TABLE z_reports ("
        " number INTEGER PRIMARY KEY AUTOINCREMENT,"
        " date TEXT NOT NULL UNIQUE,"
        " closed_at TEXT NOT NULL,"
        " closed_by INTEGER NOT NULL,"
        " report TEXT NOT NULL)",
        // A closed day's Z is never changed, whoever asks (even sqlite3 by hand must drop these first).
        "CREATE TRIGGER z_reports_frozen BEFORE UPDATE ON z_reports"
        " BEGIN SELECT RAISE(ABORT, 'a Z report cannot be changed'); END",
        "CREATE TRIGGER z_reports_kept BEFORE DELETE ON z_reports"
        " BEGIN SELECT RAISE(ABORT, 'a Z report cannot be deleted'); END",
        "CREATE TABLE report_corrections ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " applies_to TEXT NOT NULL,"
        " closed_day TEXT NOT NULL,"
        " order_id INTEGER NOT NULL,"
        " orders INTEGER NOT NULL,"
        " cancelled INTEGER NOT NULL,"
        " revenue_cents INTEGER NOT NULL,"
        " what TEXT NOT NULL,"
        " at TEXT NOT NULL)",
        "CREATE INDEX report_corrections_by_day ON report_corrections(applies_to, id)",
        // Each order's times, kept on its row (updateTimings) so a report
        // reads one row per order instead of its whole history.
        "ALTER TABLE orders ADD COLUMN created_ms INTEGER",
        "ALTER TABLE orders ADD COLUMN received_s INTEGER",
        "ALTER TABLE orders ADD COLUMN preparing_s INTEGER",
        "ALTER TABLE orders ADD COLUMN ready_s INTEGER",
        "ALTER TABLE orders ADD COLUMN out_s INTEGER",
        "ALTER TABLE orders ADD COLUMN delivery_s INTEGER",
    };
    for (const char *sql : statements)
        db.execute(QString::fromLatin1(sql));
    // The orders already there: their times from their history.
    Statement s = db.statement(QStringLiteral("SELECT order_id, stage, ") + msOf(QStringLiteral("at"))
                               + QStringLiteral(" FROM order_history ORDER BY order_id, id"));
    s.exec();
    qint64 current = 0;
    QList<ReportMark> marks;
    QList<std::pair<qint64, OrderTimings>> timings;
    while (s.next()) {
        if (s.integer(0) != current) {
            if (current)
                timings.append({ current, orderTimings(marks) });
            current = s.integer(0);
            marks.clear();
        }
        if (const auto stage = orderStageFromWire(s.text(1)))
            marks.append(ReportMark { *stage, s.integer(2) });
    }
    if (current)
        timings.append({ current, orderTimings(marks) });
    for (const auto &[id, t] : std::as_const(timings))
        writeTimings(db, id, t);
}

void ReportStorage::updateTimings(qint64 orderId)
{
    Statement s = m_db.statement(QStringLiteral("SELECT stage, ") + msOf(QStringLiteral("at"))
                                 + QStringLiteral(" FROM order_history WHERE order_id = ? ORDER BY id"));
    s.bind(0, orderId).exec();
    QList<ReportMark> marks;
    while (s.next()) {
        if (const auto stage = orderStageFromWire(s.text(0)))
            marks.append(ReportMark { *stage, s.integer(1) });
    }
    writeTimings(m_db, orderId, orderTimings(marks));
}

void ReportStorage::writeTimings(Database &db, qint64 orderId, const OrderTimings &t)
{
    auto value = [](qint64 v) { return v < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(v); };
    db.statement(QStringLiteral("UPDATE orders SET created_ms = ?, received_s = ?, preparing_s = ?, ready_s = ?, out_s = ?,"
                                " delivery_s = ? WHERE id = ?"))
        .bind(0, value(t.createdMs))
        .bind(1, value(t.stageSeconds[0]))
        .bind(2, value(t.stageSeconds[1]))
        .bind(3, value(t.stageSeconds[2]))
        .bind(4, value(t.stageSeconds[3]))
        .bind(5, value(t.deliveredSeconds))
        .bind(6, orderId)
        .exec();
}

ReportStorage::OrderFigures ReportStorage::figures(qint64 orderId)
{
    OrderFigures f;
    Statement s = m_db.statement(QStringLiteral("SELECT stage, total_cents, date FROM orders WHERE id = ?"));
    s.bind(0, orderId).exec();
    if (!s.next())
        return f;
    f.exists = true;
    f.cancelled = s.text(0) == u"cancelled";
    f.total = Money(s.integer(1));
    f.date = QDate::fromString(s.text(2), Qt::ISODate);
    return f;
}

void ReportStorage::orderChanged(qint64 orderId, const OrderFigures &before, const OrderFigures &after)
{
    const QDate day = before.exists ? before.date : after.date;
    if (!day.isValid() || !isClosed(day))
        return;
    auto counted = [](const OrderFigures &f) { return f.exists && !f.cancelled ? 1 : 0; };
    auto cancelled = [](const OrderFigures &f) { return f.exists && f.cancelled ? 1 : 0; };
    auto revenue = [](const OrderFigures &f) { return f.exists && !f.cancelled ? f.total : Money(); };
    const int orders = counted(after) - counted(before);
    const int cancels = cancelled(after) - cancelled(before);
    const Money money = revenue(after) - revenue(before);
    if (orders == 0 && cancels == 0 && money == Money())
        return; // nothing the Z counts has changed
    QString what;
    if (!before.exists)
        what = QStringLiteral("added");
    else if (!after.exists)
        what = QStringLiteral("deleted");
    else if (after.cancelled && !before.cancelled)
        what = QStringLiteral("cancelled");
    else if (before.cancelled && !after.cancelled)
        what = QStringLiteral("reopened");
    else
        what = QStringLiteral("changed");
    m_db.statement(QStringLiteral("INSERT INTO report_corrections"
                                  " (applies_to, closed_day, order_id, orders, cancelled, revenue_cents, what, at)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(0, nextOpenDay(day).toString(Qt::ISODate))
        .bind(1, day.toString(Qt::ISODate))
        .bind(2, orderId)
        .bind(3, orders)
        .bind(4, cancels)
        .bind(5, money.cents())
        .bind(6, what)
        .bind(7, nowIso())
        .exec();
}

void ReportStorage::availabilityChanged(qint64 menuitem, const QString &title, bool available)
{
    Statement open = m_db.statement(
        QStringLiteral("SELECT id FROM sold_out WHERE menuitem_id = ? AND to_at IS NULL ORDER BY id DESC LIMIT 1"));
    open.bind(0, menuitem).exec();
    const std::optional<qint64> openId = open.next() ? std::optional<qint64>(open.integer(0)) : std::nullopt;
    if (available && openId) {
        m_db.statement(QStringLiteral("UPDATE sold_out SET to_at = ? WHERE id = ?")).bind(0, nowIso()).bind(1, *openId).exec();
    } else if (!available && !openId) {
        m_db.statement(QStringLiteral("INSERT INTO sold_out (menuitem_id, title, from_at) VALUES (?, ?, ?)"))
            .bind(0, menuitem)
            .bind(1, title)
            .bind(2, nowIso())
            .exec();
    }
}

bool ReportStorage::isClosed(const QDate &date)
{
    Statement s = m_db.statement(QStringLiteral("SELECT 1 FROM z_reports WHERE date = ?"));
    s.bind(0, date.toString(Qt::ISODate)).exec();
    return s.next();
}

QDate ReportStorage::nextOpenDay(const QDate &day)
{
    QDate d = day.addDays(1);
    while (isClosed(d))
        d = d.addDays(1);
    return d;
}

ZReport ReportStorage::readZ(Statement &s)
{
    ZReport z;
    z.number = s.integer(0);
    z.date = QDate::fromString(s.text(1), Qt::ISODate);
    z.closedAt = s.text(2);
    z.closedBy = s.integer(3);
    z.report = QJsonDocument::fromJson(s.text(4).toUtf8()).object();
    return z;
}

namespace {
const QString kZColumns = QStringLiteral("SELECT number, date, closed_at, closed_by, report FROM z_reports");
}

std::optional<ZReport> ReportStorage::zReport(qint64 number)
{
    Statement s = m_db.statement(kZColumns + QStringLiteral(" WHERE number = ?"));
    s.bind(0, number).exec();
    if (!s.next())
        return std::nullopt;
    return readZ(s);
}

std::optional<ZReport> ReportStorage::zReportOf(const QDate &date)
{
    Statement s = m_db.statement(kZColumns + QStringLiteral(" WHERE date = ?"));
    s.bind(0, date.toString(Qt::ISODate)).exec();
    if (!s.next())
        return std::nullopt;
    return readZ(s);
}

QList<ZReport> ReportStorage::zReports(qint64 offset, qint64 limit)
{
    Statement s = m_db.statement(kZColumns + QStringLiteral(" ORDER BY number LIMIT ? OFFSET ?"));
    s.bind(0, limit).bind(1, offset).exec();
    QList<ZReport> out;
    while (s.next())
        out.append(readZ(s));
    return out;
}

qint64 ReportStorage::zReportCount()
{
    Statement s = m_db.statement(QStringLiteral("SELECT count(*) FROM z_reports"));
    s.exec();
    return s.next() ? s.integer(0) : 0;
}

ZReport ReportStorage::close(const QDate &date, qint64 by, const QJsonObject &report)
{
    Database::Transaction tx(m_db);
    ZReport z;
    z.date = date;
    z.closedAt = nowIso();
    z.closedBy = by;
    z.report = report;
    Statement s = m_db.statement(
        QStringLiteral("INSERT INTO z_reports (date, closed_at, closed_by, report) VALUES (?, ?, ?, ?)"));
    s.bind(0, date.toString(Qt::ISODate))
        .bind(1, z.closedAt)
        .bind(2, by)
        .bind(3, QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact)))
        .exec();
    z.number = s.lastInsertId();
    tx.commit();
    return z;
}

} // namespace LittleLemon::Server
