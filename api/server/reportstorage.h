#pragma once

#include "api/server/database.h"
#include "models/money.h"
#include "models/report.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace LittleLemon::Server {

// A stored end-of-day (Z) report: numbered, never changed once written.
struct ZReport
{
    qint64 number = 0;
    QDate date;
    QString closedAt; // UTC, ISO 8601 with milliseconds
    qint64 closedBy = 0;
    QJsonObject report; // the report as GET /api/reports showed it when closed
};

// The report's side of the server's database (issue 18): the schema, each
// order's times (kept on its row), sold-out intervals, corrections to closed
// days and the Z reports. ReportReader reads a period for computeReport()
// (models/report.*), where the figures are computed; never here.
class ReportStorage
{
public:
    explicit ReportStorage(Database &db)
        : m_db(db)
    {
    }

    // Schema 6: orders.source and the order's times, an index on
    // orders.date, sold-out intervals, Z reports (triggers refuse any UPDATE
    // or DELETE of one) and corrections.
    static void createSchema(Database &db);

    // Recomputes an order's times (OrderTimings) from its history: after every move.
    void updateTimings(qint64 orderId);
    static void writeTimings(Database &db, qint64 orderId, const OrderTimings &timings);

    // An order's figures before and after a change, to record a correction
    // when its day is already closed.
    struct OrderFigures
    {
        bool exists = false;
        bool cancelled = false;
        Money total;
        QDate date;
    };
    OrderFigures figures(qint64 orderId);
    // Called inside the write's transaction, after the change.
    void orderChanged(qint64 orderId, const OrderFigures &before, const OrderFigures &after);

    // A menu item's availability changed: opens or closes its sold-out interval.
    void availabilityChanged(qint64 menuitem, const QString &title, bool available);

    std::optional<ZReport> zReport(qint64 number);
    std::optional<ZReport> zReportOf(const QDate &date);
    QList<ZReport> zReports(qint64 offset, qint64 limit);
    qint64 zReportCount();
    // Stores the Z of `date` (one transaction). Throws StorageError
    // (Constraint) when the day is closed already.
    ZReport close(const QDate &date, qint64 by, const QJsonObject &report);
    bool isClosed(const QDate &date);

private:
    // The first day after `day` that is not closed.
    QDate nextOpenDay(const QDate &day);
    ZReport readZ(Statement &s);

    Database &m_db;
};

} // namespace LittleLemon::Server
