// littlelemon-cli report: the day's figures (issue 18), from the server's
// /api/reports where it has the `reports` feature, otherwise computed from
// the synced local copy with the same code (models/report.*).

#include "cliapp.h"
#include "exitcode.h"

#include "api/client/apiclient.h"
#include "api/client/reportsapi.h"
#include "models/localreport.h"
#include "models/localstore.h"
#include "models/reportexport.h"
#include "models/reportjson.h"

#include <QSaveFile>
#include <QTextStream>

namespace LittleLemon::Cli {

namespace {

bool writeFile(const QString &name, const QByteArray &data, QString *error)
{
    QSaveFile f(name);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace

void CliApp::report()
{
    const QDate from = QDate::fromString(m_options.date, Qt::ISODate);
    const QDate to = m_options.to.isEmpty() ? from : QDate::fromString(m_options.to, Qt::ISODate);
    if (!from.isValid() || !to.isValid() || to < from) {
        finish(Usage, tr("usage: littlelemon-cli report --date YYYY-MM-DD [--to YYYY-MM-DD] "
                         "[--csv FILE] [--csv-orders FILE] [--csv-lines FILE] [--pdf FILE] [--json]"));
        return;
    }
    if (!loadProfile() || !openStore())
        return;
    refresh([this, from, to](int code, const QString &message) {
        if (code != Ok && code != Offline) {
            finish(code, message);
            return;
        }
        const bool online = code == Ok;
        if (online && m_client->hasFeature(QStringLiteral("reports"))) {
            Client::ReportsApi::report(*m_client, from, to)->then(this, [this, from, to](const Client::Result<Report> &r) {
                if (!r) {
                    finish(r.error().kind() == ApiError::Kind::Forbidden ? Refused : Error, r.error().userMessage());
                    return;
                }
                writeReport(r.value(), localReportInput(*m_store, from, to), tr("the server"));
            });
            return;
        }
        const ReportInput input = localReportInput(*m_store, from, to);
        writeReport(computeReport(input), input, online ? tr("this computer's copy (the server keeps no reports)")
                                                        : tr("this computer's copy (offline: %1)").arg(message));
    });
}

void CliApp::writeReport(const Report &report, const ReportInput &local, const QString &source)
{
    QString error;
    const QLocale locale;
    if (!m_options.csv.isEmpty() && !writeFile(m_options.csv, reportCsv(report, locale), &error)) {
        finish(Error, tr("Cannot write %1: %2").arg(m_options.csv, error));
        return;
    }
    if (!m_options.csvOrders.isEmpty()
        && !writeFile(m_options.csvOrders, ordersCsv(local.orders, report, local.zone, local.crewNames, locale), &error)) {
        finish(Error, tr("Cannot write %1: %2").arg(m_options.csvOrders, error));
        return;
    }
    if (!m_options.csvLines.isEmpty() && !writeFile(m_options.csvLines, orderLinesCsv(local.orders, report, locale), &error)) {
        finish(Error, tr("Cannot write %1: %2").arg(m_options.csvLines, error));
        return;
    }
    if (!m_options.pdf.isEmpty()) {
        ReportPdfOptions pdf;
        pdf.locale = locale;
        if (!writeReportPdf(report, m_options.pdf, pdf, &error)) {
            finish(Error, error);
            return;
        }
    }
    const QString period = report.from == report.to
        ? report.from.toString(Qt::ISODate)
        : tr("%1 to %2").arg(report.from.toString(Qt::ISODate), report.to.toString(Qt::ISODate));
    if (m_options.json) {
        finish(Ok, tr("Report of %1, from %2.").arg(period, source), reportToJson(report));
        return;
    }
    QList<QStringList> rows {
        { tr("Orders"), QString::number(report.totals.orders) },
        { tr("Revenue"), report.totals.revenue.toString() },
        { tr("Average ticket"), report.totals.averageTicket.toString() },
        { tr("Cancelled"), QStringLiteral("%1 (%2)").arg(report.totals.cancelled).arg(report.totals.cancelledValue.toString()) },
    };
    for (const SourceFigure &s : report.bySource)
        rows << QStringList { s.source == OrderSource::Counter ? tr("Counter") : tr("Online"),
                              QStringLiteral("%1 (%2)").arg(s.orders).arg(s.revenue.toString()) };
    if (!report.corrections.isEmpty())
        rows << QStringList { tr("Corrections to closed days"), report.correctionsRevenue.toString() };
    QTextStream(stdout) << tr("Report of %1, from %2.").arg(period, source) << Qt::endl;
    printTable({ tr("FIGURE"), tr("VALUE") }, rows);
    finish(Ok);
}

} // namespace LittleLemon::Cli
