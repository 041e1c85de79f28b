#include "reportexport.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

namespace LittleLemon {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LittleLemon", text);
}

QString sourceName(OrderSource s)
{
    return s == OrderSource::Counter ? tr("Counter") : tr("Online");
}

QString periodText(const Report &r, const QLocale &locale)
{
    const QString a = locale.toString(r.from, QLocale::ShortFormat);
    return r.from == r.to ? a : tr("%1 to %2").arg(a, locale.toString(r.to, QLocale::ShortFormat));
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

const ReportChart kCharts[] = { ReportChart::RevenueByHour, ReportChart::SalesByCategory, ReportChart::TimeInStage };

} // namespace

// ---- CSV --------------------------------------------------------------------

CsvWriter::CsvWriter(const QLocale &locale)
    : m_locale(locale)
    , m_separator(separatorFor(locale))
{
}

QChar CsvWriter::separatorFor(const QLocale &locale)
{
    return locale.decimalPoint() == QStringLiteral(",") ? QChar(u';') : QChar(u',');
}

void CsvWriter::row(const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            m_text += m_separator;
        const QString &f = fields.at(i);
        if (f.contains(m_separator) || f.contains(u'"') || f.contains(u'\n') || f.contains(u'\r')) {
            QString quoted = f;
            quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
            m_text += u'"' + quoted + u'"';
        } else {
            m_text += f;
        }
    }
    m_text += QStringLiteral("\r\n");
}

QByteArray CsvWriter::data() const
{
    return QByteArray("\xEF\xBB\xBF") + m_text.toUtf8();
}

QByteArray reportCsv(const Report &r, const QLocale &locale)
{
    CsvWriter csv(locale);
    auto n = [](qint64 v) { return QString::number(v); };
    csv.row({ tr("section"), tr("name"), tr("orders"), tr("quantity"), tr("revenue"), tr("seconds") });
    csv.row({ QStringLiteral("period"), r.from.toString(Qt::ISODate) + QStringLiteral("..") + r.to.toString(Qt::ISODate), {}, {}, {}, {} });
    csv.row({ QStringLiteral("totals"), QStringLiteral("orders"), n(r.totals.orders), n(r.totals.items), csv.money(r.totals.revenue), {} });
    csv.row({ QStringLiteral("totals"), QStringLiteral("cancelled"), n(r.totals.cancelled), {}, csv.money(r.totals.cancelledValue), {} });
    csv.row({ QStringLiteral("totals"), QStringLiteral("average_ticket"), {}, {}, csv.money(r.totals.averageTicket), {} });
    for (const DayFigure &d : r.byDay)
        csv.row({ QStringLiteral("day"), d.date.toString(Qt::ISODate), n(d.orders), {}, csv.money(d.revenue), {} });
    for (const CategoryFigure &c : r.byCategory)
        csv.row({ QStringLiteral("category"), c.title, {}, n(c.quantity), csv.money(c.revenue), {} });
    for (const DishFigure &d : r.byDish)
        csv.row({ QStringLiteral("dish"), d.title, {}, n(d.quantity), csv.money(d.revenue), {} });
    for (const HourFigure &h : r.byHour)
        csv.row({ QStringLiteral("hour"), QStringLiteral("%1:00").arg(h.hour, 2, 10, QLatin1Char('0')), n(h.orders), {}, csv.money(h.revenue), {} });
    for (const SourceFigure &s : r.bySource)
        csv.row({ QStringLiteral("source"), toWire(s.source), n(s.orders), {}, csv.money(s.revenue), {} });
    for (const CrewFigure &c : r.byCrew)
        csv.row({ QStringLiteral("crew"), c.name, n(c.delivered), {}, {}, n(c.medianSeconds) });
    for (const StageTiming &t : r.stages) {
        csv.row({ QStringLiteral("stage_median"), toWire(t.stage), n(t.count), {}, {}, n(t.medianSeconds) });
        csv.row({ QStringLiteral("stage_p90"), toWire(t.stage), n(t.count), {}, {}, n(t.p90Seconds) });
    }
    for (const SoldOutFigure &s : r.soldOut)
        csv.row({ QStringLiteral("sold_out"), s.title, {}, n(s.times), {}, n(s.seconds) });
    for (const ReportCorrection &c : r.corrections)
        csv.row({ QStringLiteral("correction"), QStringLiteral("%1 #%2 %3").arg(c.closedDay.toString(Qt::ISODate)).arg(c.order).arg(c.what),
                  n(c.orders), {}, csv.money(c.revenue), {} });
    return csv.data();
}

QByteArray ordersCsv(const QList<ReportOrder> &orders, const Report &r, const QTimeZone &zone,
                     const QHash<qint64, QString> &crewNames, const QLocale &locale)
{
    CsvWriter csv(locale);
    csv.row({ tr("order"), tr("day"), tr("time"), tr("source"), tr("stage"), tr("crew"), tr("total") });
    for (const ReportOrder &o : orders) {
        if (o.date < r.from || o.date > r.to)
            continue;
        const QString time = o.timings.createdMs >= 0 ? QDateTime::fromMSecsSinceEpoch(o.timings.createdMs, zone).toString(QStringLiteral("HH:mm:ss")) : QString();
        csv.row({ QString::number(o.id), o.date.toString(Qt::ISODate), time, toWire(o.source), toWire(o.stage),
                  o.crew ? crewNames.value(*o.crew, QString::number(*o.crew)) : QString(), csv.money(o.total) });
    }
    return csv.data();
}

QByteArray orderLinesCsv(const QList<ReportOrder> &orders, const Report &r, const QLocale &locale)
{
    CsvWriter csv(locale);
    csv.row({ tr("order"), tr("day"), tr("dish id"), tr("dish"), tr("quantity"), tr("line total") });
    for (const ReportOrder &o : orders) {
        if (o.date < r.from || o.date > r.to)
            continue;
        for (const ReportLine &l : o.lines)
            csv.row({ QString::number(o.id), o.date.toString(Qt::ISODate), QString::number(l.menuitem), l.title,
                      QString::number(l.quantity), csv.money(l.price) });
    }
    return csv.data();
}

// ---- HTML and PDF -------------------------------------------------------------

QString correctionText(const QString &what)
{
    if (what == u"added")
        return tr("placed after the close");
    if (what == u"deleted")
        return tr("deleted");
    if (what == u"cancelled")
        return tr("cancelled");
    if (what == u"reopened")
        return tr("cancellation undone");
    return tr("changed");
}

QString reportHtml(const Report &r, const QLocale &locale, bool withChartImages)
{
    auto money = [&locale](Money m) { return esc(m.toInput(locale)); };
    QString h;
    h += QStringLiteral("<style>table { border-collapse: collapse; margin-bottom: 10px; } th { text-align: left; "
                        "background: #EDEFEA; } td, th { padding: 3px 8px; border: 1px solid #C9CFC6; } "
                        "td.n { text-align: right; } h2 { color: #495E57; margin-top: 14px; }</style>");
    h += QStringLiteral("<h2>%1</h2><table>").arg(tr("Totals"));
    auto row = [&h](const QString &label, const QString &value) {
        h += QStringLiteral("<tr><th>%1</th><td class=\"n\">%2</td></tr>").arg(esc(label), value);
    };
    row(tr("Orders"), QString::number(r.totals.orders));
    row(tr("Revenue"), money(r.totals.revenue));
    row(tr("Average ticket"), money(r.totals.averageTicket));
    row(tr("Dishes sold"), QString::number(r.totals.items));
    row(tr("Cancelled orders"), QString::number(r.totals.cancelled));
    row(tr("Value of cancelled orders"), money(r.totals.cancelledValue));
    for (const SourceFigure &s : r.bySource)
        row(tr("%1 orders").arg(sourceName(s.source)), QStringLiteral("%1 / %2").arg(s.orders).arg(money(s.revenue)));
    h += QStringLiteral("</table>");
    if (withChartImages) {
        for (int i = 0; i < 3; ++i)
            h += QStringLiteral("<p><img src=\"chart%1\" width=\"640\"></p>").arg(i);
    }
    auto table = [&h](const QString &title, const QStringList &headers, const QList<QStringList> &rows, int numericFrom) {
        h += QStringLiteral("<h2>%1</h2>").arg(esc(title));
        if (rows.isEmpty()) {
            h += QStringLiteral("<p>%1</p>").arg(tr("None."));
            return;
        }
        h += QStringLiteral("<table><tr>");
        for (const QString &c : headers)
            h += QStringLiteral("<th>%1</th>").arg(esc(c));
        h += QStringLiteral("</tr>");
        for (const QStringList &cells : rows) {
            h += QStringLiteral("<tr>");
            for (int i = 0; i < cells.size(); ++i)
                h += QStringLiteral("<td%1>%2</td>").arg(i >= numericFrom ? QStringLiteral(" class=\"n\"") : QString(), esc(cells.at(i)));
            h += QStringLiteral("</tr>");
        }
        h += QStringLiteral("</table>");
    };
    QList<QStringList> rows;
    if (r.byDay.size() > 1) {
        for (const DayFigure &d : r.byDay)
            rows << QStringList { locale.toString(d.date, QLocale::ShortFormat), QString::number(d.orders), QString::number(d.cancelled), d.revenue.toInput(locale) };
        table(tr("By day"), { tr("Day"), tr("Orders"), tr("Cancelled"), tr("Revenue") }, rows, 1);
        rows.clear();
    }
    for (const CategoryFigure &c : r.byCategory)
        rows << QStringList { c.title.isEmpty() ? tr("(no longer on the menu)") : c.title, QString::number(c.quantity), c.revenue.toInput(locale) };
    table(tr("By category"), { tr("Category"), tr("Quantity"), tr("Revenue") }, rows, 1);
    rows.clear();
    for (const DishFigure &d : r.byDish)
        rows << QStringList { d.title, QString::number(d.quantity), d.revenue.toInput(locale) };
    table(tr("By dish"), { tr("Dish"), tr("Quantity"), tr("Revenue") }, rows, 1);
    rows.clear();
    for (const HourFigure &hf : r.byHour) {
        if (hf.orders)
            rows << QStringList { QStringLiteral("%1:00").arg(hf.hour, 2, 10, QLatin1Char('0')), QString::number(hf.orders), hf.revenue.toInput(locale) };
    }
    table(tr("By hour"), { tr("Hour"), tr("Orders"), tr("Revenue") }, rows, 1);
    rows.clear();
    for (const CrewFigure &c : r.byCrew)
        rows << QStringList { c.name, QString::number(c.delivered), durationText(c.medianSeconds) };
    table(tr("Delivery crew"), { tr("Name"), tr("Delivered"), tr("Median, received to delivered") }, rows, 1);
    rows.clear();
    for (const StageTiming &t : r.stages)
        rows << QStringList { displayName(t.stage), QString::number(t.count), t.count ? durationText(t.medianSeconds) : QStringLiteral("–"),
                              t.count ? durationText(t.p90Seconds) : QStringLiteral("–") };
    table(tr("Time in each stage"), { tr("Stage"), tr("Orders"), tr("Median"), tr("90%") }, rows, 1);
    rows.clear();
    for (const SoldOutFigure &s : r.soldOut)
        rows << QStringList { s.title, QString::number(s.times), durationText(s.seconds) + (s.stillOut ? tr(" (still sold out)") : QString()) };
    table(tr("Sold out"), { tr("Dish"), tr("Times"), tr("For") }, rows, 1);
    rows.clear();
    for (const ReportCorrection &c : r.corrections)
        rows << QStringList { locale.toString(c.closedDay, QLocale::ShortFormat), QString::number(c.order), correctionText(c.what), c.revenue.toInput(locale) };
    table(tr("Corrections to closed days"), { tr("Closed day"), tr("Order"), tr("Change"), tr("Revenue") }, rows, 1);
    if (!r.corrections.isEmpty())
        h += QStringLiteral("<p>%1 %2</p>").arg(esc(tr("Corrections in all:")), money(r.correctionsRevenue));
    return h;
}

ChartColors paperChartColors()
{
    return ChartColors { QColor(0x22, 0x22, 0x22), QColor(0xD8, 0xDC, 0xD6), Qt::white,
                         { QColor(0x49, 0x5E, 0x57), QColor(0xF4, 0xCE, 0x14), QColor(0xEE, 0x99, 0x72), QColor(0x7A, 0x9E, 0xC2),
                           QColor(0xAF, 0x7A, 0xC5), QColor(0x8C, 0xB3, 0x69) } };
}

bool writeReportPdf(const Report &report, const QString &fileName, const ReportPdfOptions &options, QString *error)
{
    QPdfWriter writer(fileName);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    writer.setPageMargins(QMarginsF(15, 18, 15, 18), QPageLayout::Millimeter);
    writer.setTitle(QStringLiteral("%1 — %2").arg(options.restaurant, periodText(report, options.locale)));
    writer.setCreator(QStringLiteral("Little Lemon Desk"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = tr("Cannot write %1.").arg(fileName);
        return false;
    }
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    const QRectF pageRect(0, 0, page.width(), page.height());
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9);
    painter.setFont(font);
    const double headerHeight = QFontMetricsF(font, &writer).height() * 3.2;
    const double footerHeight = QFontMetricsF(font, &writer).height() * 1.8;

    QTextDocument doc;
    doc.setDefaultFont(font);
    doc.documentLayout()->setPaintDevice(&writer);
    // The charts as images in the flow, painted at the page's resolution.
    const ChartColors colors = options.colors.series.isEmpty() ? paperChartColors() : options.colors;
    const QSize chartSize(int(pageRect.width()), int(pageRect.width() * 0.36));
    for (int i = 0; i < 3; ++i) {
        QImage image(chartSize, QImage::Format_RGB32);
        image.fill(Qt::white);
        image.setDotsPerMeterX(int(writer.resolution() / 0.0254));
        image.setDotsPerMeterY(int(writer.resolution() / 0.0254));
        QPainter p(&image);
        QFont chartFont = font;
        chartFont.setPointSizeF(7.5);
        p.setFont(chartFont);
        paintReportChart(p, QRectF(QPointF(0, 0), QSizeF(chartSize)), report, kCharts[i], colors, options.locale);
        p.end();
        doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart%1").arg(i)), image);
    }
    QString html = reportHtml(report, options.locale, true);
    // The layout scales image sizes from 96 dpi to the writer's resolution.
    html.replace(QStringLiteral("width=\"640\""), QStringLiteral("width=\"%1\"").arg(int(chartSize.width() * 96.0 / writer.resolution())));
    doc.setHtml(html);
    doc.setPageSize(QSizeF(pageRect.width(), pageRect.height() - headerHeight - footerHeight));
    const int pages = doc.pageCount();
    const QString title = options.title.isEmpty() ? tr("X report") : options.title;
    const QString period = periodText(report, options.locale);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        QFont head = font;
        head.setPointSizeF(13);
        head.setBold(true);
        painter.setFont(head);
        painter.setPen(QColor(0x49, 0x5E, 0x57));
        painter.drawText(QRectF(0, 0, pageRect.width(), headerHeight * 0.55), Qt::AlignLeft | Qt::AlignVCenter, options.restaurant);
        painter.setFont(font);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(0, headerHeight * 0.5, pageRect.width(), headerHeight * 0.4), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("%1 · %2 · time zone %3").arg(title, period, report.timeZone));
        painter.drawText(QRectF(0, pageRect.height() - footerHeight * 0.8, pageRect.width(), footerHeight * 0.8),
                         Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(i + 1).arg(pages));
        painter.save();
        painter.translate(0, headerHeight - double(i) * doc.pageSize().height());
        const QRectF clip(0, double(i) * doc.pageSize().height(), doc.pageSize().width(), doc.pageSize().height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = clip;
        painter.setClipRect(clip);
        doc.documentLayout()->draw(&painter, context);
        painter.restore();
    }
    if (!painter.end()) {
        if (error)
            *error = tr("Cannot write %1.").arg(fileName);
        return false;
    }
    return true;
}

} // namespace LittleLemon
