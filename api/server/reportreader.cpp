#include "api/server/reportreader.h"

#include "api/server/database.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QSet>

#include <sqlite3.h>

#include <cstring>

namespace LittleLemon::Server {

namespace {

// A prepared statement, finalized on every way out.
class Query
{
public:
    explicit Query(sqlite3_stmt *s)
        : m_s(s)
    {
    }
    ~Query() { sqlite3_finalize(m_s); }
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;
    void bind(int i, const QByteArray &text) { sqlite3_bind_text(m_s, i, text.constData(), int(text.size()), SQLITE_TRANSIENT); }
    void bind(int i, qint64 v) { sqlite3_bind_int64(m_s, i, v); }
    bool next()
    {
        const int rc = sqlite3_step(m_s);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            throw StorageError(StorageError::Kind::Other, QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_s))));
        return false;
    }
    qint64 integer(int c) const { return sqlite3_column_int64(m_s, c); }
    qint64 integerOr(int c, qint64 otherwise) const
    {
        return sqlite3_column_type(m_s, c) == SQLITE_NULL ? otherwise : sqlite3_column_int64(m_s, c);
    }
    bool isNull(int c) const { return sqlite3_column_type(m_s, c) == SQLITE_NULL; }
    QByteArrayView bytes(int c) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_s, c));
        return QByteArrayView(p, p ? sqlite3_column_bytes(m_s, c) : 0);
    }
    QString text(int c) const { return QString::fromUtf8(bytes(c)); }
    sqlite3_stmt *handle() const { return m_s; }

private:
    sqlite3_stmt *m_s;
};

OrderStage stageOf(QByteArrayView s)
{
    if (s == "received")
        return OrderStage::Received;
    if (s == "preparing")
        return OrderStage::Preparing;
    if (s == "ready")
        return OrderStage::Ready;
    if (s == "out_for_delivery")
        return OrderStage::OutForDelivery;
    if (s == "delivered")
        return OrderStage::Delivered;
    if (s == "cancelled")
        return OrderStage::Cancelled;
    return OrderStage::Received;
}

QString msSql(const char *column)
{
    return QStringLiteral("(CAST(strftime('%s', %1) AS INTEGER) * 1000 + CAST(substr(%1, 21, 3) AS INTEGER))").arg(QLatin1String(column));
}

} // namespace

ReportReader::ReportReader(const QString &databasePath)
    : m_path(databasePath)
{
}

ReportReader::~ReportReader()
{
    if (m_db)
        sqlite3_close(m_db);
}

void ReportReader::fail(const char *what)
{
    const QString message = QStringLiteral("%1: %2").arg(QLatin1String(what), m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString());
    if (m_db) {
        sqlite3_close(m_db);
        m_db = nullptr;
    }
    throw StorageError(StorageError::Kind::Other, message);
}

void ReportReader::open()
{
    if (m_db)
        return;
    if (sqlite3_open_v2(QFile::encodeName(m_path).constData(), &m_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
        fail("opening the database for reports");
    sqlite3_busy_timeout(m_db, 5000);
    // Read the file through a memory map and keep a large page cache: a
    // month of orders is tens of megabytes, read again for every report.
    sqlite3_exec(m_db, "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536", nullptr, nullptr, nullptr);
}

sqlite3_stmt *ReportReader::prepare(const char *sql)
{
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &s, nullptr) != SQLITE_OK)
        fail("preparing a report query");
    return s;
}

ReportInput ReportReader::read(const QDate &from, const QDate &to, const QTimeZone &zone)
{
    open();
    ReportInput in;
    in.from = from;
    in.to = to;
    in.zone = zone;
    in.nowMs = QDateTime::currentMSecsSinceEpoch();
    const QByteArray a = from.toString(Qt::ISODate).toLatin1();
    const QByteArray b = to.toString(Qt::ISODate).toLatin1();

    // One snapshot for every query below.
    if (sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
        fail("starting a read");
    struct EndRead
    {
        sqlite3 *db;
        ~EndRead() { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }
    } endRead { m_db };

    qint64 minId = 0, maxId = -1;
    QSet<qint64> crew;
    {
        Query count(prepare("SELECT count(*) FROM orders WHERE date BETWEEN ?1 AND ?2"));
        count.bind(1, a);
        count.bind(2, b);
        if (count.next())
            in.orders.reserve(count.integer(0));
    }
    {
        Query q(prepare("SELECT id, delivery_crew_id, stage, total_cents, date, created_ms, source,"
                        " received_s, preparing_s, ready_s, out_s, delivery_s FROM orders WHERE date BETWEEN ?1 AND ?2"));
        q.bind(1, a);
        q.bind(2, b);
        QByteArray lastDay;
        QDate lastDate;
        while (q.next()) {
            ReportOrder o;
            o.id = q.integer(0);
            if (!q.isNull(1))
                o.crew = q.integer(1);
            o.stage = stageOf(q.bytes(2));
            o.total = Money(q.integer(3));
            const QByteArrayView day = q.bytes(4);
            if (day != lastDay) {
                lastDay = day.toByteArray();
                lastDate = QDate::fromString(QString::fromLatin1(lastDay), Qt::ISODate);
            }
            o.date = lastDate;
            o.timings.createdMs = q.integerOr(5, -1);
            o.source = q.bytes(6) == "counter" ? OrderSource::Counter : OrderSource::Online;
            for (int i = 0; i < OrderTimings::kTimedStages; ++i)
                o.timings.stageSeconds[i] = q.integerOr(7 + i, -1);
            o.timings.deliveredSeconds = q.integerOr(11, -1);
            minId = in.orders.isEmpty() ? o.id : std::min(minId, o.id);
            maxId = std::max(maxId, o.id);
            if (o.crew)
                crew.insert(*o.crew);
            in.orders.append(std::move(o));
        }
    }
    // Order id → its place, densely over the id range (ids of a period are
    // nearly contiguous): no hashing per line.
    QList<qsizetype> index(in.orders.isEmpty() ? 0 : maxId - minId + 1, -1);
    for (qsizetype i = 0; i < in.orders.size(); ++i)
        index[in.orders.at(i).id - minId] = i;
    {
        // The lines of the orders' id range (by the index on order_id), kept
        // for the orders of the period; one QString per dish title.
        Query q(prepare("SELECT order_id, menuitem_id, title, quantity, price_cents FROM order_items"
                        " WHERE order_id BETWEEN ?1 AND ?2"));
        q.bind(1, minId);
        q.bind(2, maxId);
        QHash<qint64, std::pair<QByteArray, QString>> titles;
        while (q.next()) {
            const qsizetype at = index.at(q.integer(0) - minId);
            if (at < 0)
                continue;
            const qint64 item = q.integer(1);
            auto &title = titles[item];
            const QByteArrayView bytes = q.bytes(2);
            if (title.first != bytes) {
                title.first = bytes.toByteArray();
                title.second = QString::fromUtf8(title.first);
            }
            in.orders[at].lines.append(ReportLine { item, title.second, int(q.integer(3)), Money(q.integer(4)) });
        }
    }
    {
        Query q(prepare("SELECT id, category_id FROM menu_items"));
        while (q.next())
            in.categoryOfItem.insert(q.integer(0), q.integer(1));
    }
    {
        Query q(prepare("SELECT id, title FROM categories"));
        while (q.next())
            in.categoryTitles.insert(q.integer(0), q.text(1));
    }
    {
        Query q(prepare("SELECT username FROM users WHERE id = ?1"));
        for (qint64 id : std::as_const(crew)) {
            sqlite3_reset(q.handle());
            q.bind(1, id);
            if (q.next())
                in.crewNames.insert(id, q.text(0));
        }
    }
    {
        const QByteArray start = QDateTime(from, QTime(0, 0), zone).toUTC().toString(Qt::ISODateWithMs).toLatin1();
        const QByteArray end = QDateTime(to.addDays(1), QTime(0, 0), zone).toUTC().toString(Qt::ISODateWithMs).toLatin1();
        const QByteArray sql = (QStringLiteral("SELECT menuitem_id, title, ") + msSql("from_at") + QStringLiteral(", ") + msSql("to_at")
                                + QStringLiteral(" FROM sold_out WHERE from_at < ?1 AND (to_at IS NULL OR to_at > ?2) ORDER BY id"))
                                   .toLatin1();
        Query q(prepare(sql.constData()));
        q.bind(1, end);
        q.bind(2, start);
        while (q.next())
            in.soldOut.append(SoldOutInterval { q.integer(0), q.text(1), q.integer(2), q.integerOr(3, -1) });
    }
    {
        const QByteArray sql = (QStringLiteral("SELECT applies_to, closed_day, order_id, orders, cancelled, revenue_cents, what, ") + msSql("at")
                                + QStringLiteral(" FROM report_corrections WHERE applies_to BETWEEN ?1 AND ?2 ORDER BY id"))
                                   .toLatin1();
        Query q(prepare(sql.constData()));
        q.bind(1, a);
        q.bind(2, b);
        while (q.next()) {
            ReportCorrection c;
            c.appliesTo = QDate::fromString(q.text(0), Qt::ISODate);
            c.closedDay = QDate::fromString(q.text(1), Qt::ISODate);
            c.order = q.integer(2);
            c.orders = int(q.integer(3));
            c.cancelled = int(q.integer(4));
            c.revenue = Money(q.integer(5));
            c.what = q.text(6);
            c.atMs = q.integer(7);
            in.corrections.append(c);
        }
    }
    return in;
}

} // namespace LittleLemon::Server
