#pragma once

#include "api/client/apiclient.h"
#include "models/report.h"

#include <QDate>

namespace LittleLemon::Client {

// A stored end-of-day (Z) report, as POST /api/reports/close and
// GET /api/reports/z/{number} answer it.
struct ZReportAnswer
{
    qint64 number = 0;
    QDate date;
    QString closedAt;
    Report report;
};

// The `reports` extension of littlelemon-server (docs/API.md, issue 18).
// Against a server without it (the cloud) callers compute the same figures
// from the local copy with computeReport() instead (see LocalReport).
namespace ReportsApi {
// GET /api/reports?from=&to=: the X report.
CallJob<Report> *report(ApiClient &client, const QDate &from, const QDate &to);
// POST /api/reports/close {"date"}: closes the day; 409 when already closed.
CallJob<ZReportAnswer> *close(ApiClient &client, const QDate &date);
} // namespace ReportsApi

} // namespace LittleLemon::Client
