#pragma once

#include "reportcharts.h"

#include <QByteArray>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace LittleLemon {

// CSV as spreadsheets read it (RFC 4180): fields quoted when they hold the
// separator, a quote or a line break (quotes doubled), lines ending CRLF,
// UTF-8 with a byte-order mark. The separator is ';' where the locale
// writes decimals with a comma (pt_BR, es: their spreadsheets expect it),
// ',' elsewhere; money is written with the locale's decimal sign and no
// thousands separator, so the cell is a number there.
class CsvWriter
{
public:
    explicit CsvWriter(const QLocale &locale = QLocale());
    static QChar separatorFor(const QLocale &locale);
    QChar separator() const { return m_separator; }

    void row(const QStringList &fields);
    QString money(Money amount) const { return amount.toInput(m_locale); }
    // The bytes: BOM + rows.
    QByteArray data() const;

private:
    QLocale m_locale;
    QChar m_separator;
    QString m_text;
};

// The report as one table: section, name, orders, quantity, revenue, seconds.
QByteArray reportCsv(const Report &report, const QLocale &locale = QLocale());
// One row per order of the period (id, day, local time, source, stage, crew, total).
QByteArray ordersCsv(const QList<ReportOrder> &orders, const Report &report, const QTimeZone &zone,
                     const QHash<qint64, QString> &crewNames, const QLocale &locale = QLocale());
// One row per order line of the period (order, day, dish id, dish, quantity, line total).
QByteArray orderLinesCsv(const QList<ReportOrder> &orders, const Report &report, const QLocale &locale = QLocale());

// A PDF of the report: the restaurant's name and the period on every page,
// "Page n of m", the totals, the three charts and every table.
struct ReportPdfOptions
{
    QString restaurant = QStringLiteral("Little Lemon");
    QString title;    // e.g. "Z report No. 4"; default "X report"
    ChartColors colors; // for paper: dark text on white
    QLocale locale;
};
ChartColors paperChartColors();
bool writeReportPdf(const Report &report, const QString &fileName, const ReportPdfOptions &options, QString *error);

// A correction's kind ("cancelled", "added", ...) in words for people.
QString correctionText(const QString &what);

// The report as HTML tables (the PDF's body; also what the desk prints).
QString reportHtml(const Report &report, const QLocale &locale, bool withChartImages);

} // namespace LittleLemon
