#include "reportcharts.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace LittleLemon {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LittleLemon", text);
}

// A "nice" axis maximum and step for values up to `max`: 1, 2 or 5 × 10^n.
std::pair<double, double> niceAxis(double max, int ticks = 4)
{
    if (max <= 0)
        return { 1, 0.25 };
    const double raw = max / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : { 1.0, 2.0, 5.0, 10.0 }) {
        step = m * magnitude;
        if (step >= raw)
            break;
    }
    return { step * std::ceil(max / step), step };
}

QColor seriesColor(const ChartColors &colors, int i)
{
    return colors.series.isEmpty() ? colors.text : colors.series.at(i % colors.series.size());
}

void noData(QPainter &p, const QRectF &plot, const ChartColors &colors)
{
    p.setPen(colors.text);
    p.drawText(plot, Qt::AlignCenter, tr("Nothing to show for this period"));
}

// Horizontal grid lines with their labels on the left; returns the plot area.
QRectF valueAxis(QPainter &p, const QRectF &area, double max, double step, const ChartColors &colors,
                 const std::function<QString(double)> &label)
{
    const QFontMetricsF fm(p.font());
    double labelWidth = 0;
    for (double v = 0; v <= max + step / 2; v += step)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(label(v)));
    const QRectF plot = area.adjusted(labelWidth + 8, fm.height() / 2, -4, -fm.height() - 6);
    for (double v = 0; v <= max + step / 2; v += step) {
        const double y = plot.bottom() - plot.height() * v / max;
        p.setPen(QPen(colors.grid, 1));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(colors.text);
        p.drawText(QRectF(area.left(), y - fm.height() / 2, labelWidth, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   label(v));
    }
    return plot;
}

void revenueByHour(QPainter &p, const QRectF &area, const Report &r, const ChartColors &colors, const QLocale &locale)
{
    qint64 maxCents = 0;
    int first = 24, last = -1;
    for (const HourFigure &h : r.byHour) {
        maxCents = std::max(maxCents, h.revenue.cents());
        if (h.orders > 0) {
            first = std::min(first, h.hour);
            last = std::max(last, h.hour);
        }
    }
    // The hours the restaurant was busy, widened to at least 08:00-22:00.
    first = std::min(first, 8);
    last = std::max(last, 22);
    const auto [max, step] = niceAxis(double(maxCents) / 100.0);
    const QRectF plot = valueAxis(p, area, max, step, colors, [&locale](double v) { return locale.toString(v, 'f', 0); });
    const int n = last - first + 1;
    const double slot = plot.width() / n;
    const QFontMetricsF fm(p.font());
    for (int h = first; h <= last; ++h) {
        // A report not read yet has no hours at all.
        const HourFigure f = h < r.byHour.size() ? r.byHour.at(h) : HourFigure { h, 0, Money() };
        const double x = plot.left() + slot * (h - first);
        const double height = plot.height() * (double(f.revenue.cents()) / 100.0) / max;
        p.fillRect(QRectF(x + slot * 0.15, plot.bottom() - height, slot * 0.7, height), seriesColor(colors, 0));
        if ((h - first) % (n > 12 ? 2 : 1) == 0) {
            p.setPen(colors.text);
            p.drawText(QRectF(x - slot, plot.bottom() + 4, slot * 3, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                       QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0')));
        }
    }
    if (maxCents == 0)
        noData(p, plot, colors);
}

void salesByCategory(QPainter &p, const QRectF &area, const Report &r, const ChartColors &colors, const QLocale &locale)
{
    qint64 total = 0;
    for (const CategoryFigure &c : r.byCategory)
        total += c.revenue.cents();
    const double side = std::min(area.height(), area.width() * 0.45);
    const QRectF pie(area.left() + 4, area.top() + (area.height() - side) / 2, side, side);
    if (total <= 0) {
        p.setPen(QPen(colors.grid, side * 0.18));
        p.drawEllipse(pie.adjusted(side * 0.1, side * 0.1, -side * 0.1, -side * 0.1));
        noData(p, area, colors);
        return;
    }
    // A donut: slices of a ring, largest first (the report's order).
    const QRectF ring = pie.adjusted(side * 0.09, side * 0.09, -side * 0.09, -side * 0.09);
    int start = 90 * 16;
    qint64 done = 0;
    for (int i = 0; i < r.byCategory.size(); ++i) {
        done += r.byCategory.at(i).revenue.cents();
        const int end = 90 * 16 - int(std::llround(double(done) * 360.0 * 16.0 / double(total)));
        p.setPen(QPen(seriesColor(colors, i), side * 0.18, Qt::SolidLine, Qt::FlatCap));
        p.drawArc(ring, start, end - start);
        start = end;
    }
    // The legend: colour, title, share and revenue.
    const QFontMetricsF fm(p.font());
    const double line = fm.height() * 1.35;
    double y = area.top() + std::max(0.0, (area.height() - line * double(r.byCategory.size())) / 2);
    const double x = pie.right() + 16;
    for (int i = 0; i < r.byCategory.size() && y + line <= area.bottom() + 1; ++i) {
        const CategoryFigure &c = r.byCategory.at(i);
        p.fillRect(QRectF(x, y + (line - fm.height() * 0.7) / 2, fm.height() * 0.7, fm.height() * 0.7), seriesColor(colors, i));
        p.setPen(colors.text);
        const QString title = c.title.isEmpty() ? tr("(no longer on the menu)") : c.title;
        const QString text = QStringLiteral("%1  %2%  %3")
                                 .arg(title, locale.toString(100.0 * double(c.revenue.cents()) / double(total), 'f', 1),
                                      c.revenue.toInput(locale));
        p.drawText(QRectF(x + fm.height(), y, area.right() - x - fm.height(), line), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(text, Qt::ElideMiddle, area.right() - x - fm.height()));
        y += line;
    }
}

void timeInStage(QPainter &p, const QRectF &area, const Report &r, const ChartColors &colors, const QLocale &locale)
{
    qint64 maxSeconds = 0;
    for (const StageTiming &t : r.stages)
        maxSeconds = std::max(maxSeconds, t.count ? t.p90Seconds : 0);
    // The axis stops at the largest p90, in minutes: one very slow order
    // would otherwise squash every box; whiskers past it are cut with a mark.
    // Plain variables, not a structured binding: the lambda below captures
    // `max`, which C++17 (clang's fuzz build) does not allow for a binding.
    const auto axis = niceAxis(double(maxSeconds) / 60.0);
    const double max = axis.first;
    const double step = axis.second;
    const QFontMetricsF fm(p.font());
    double nameWidth = 0;
    for (const StageTiming &t : r.stages)
        nameWidth = std::max(nameWidth, fm.horizontalAdvance(displayName(t.stage)));
    const QRectF plot = area.adjusted(nameWidth + 10, 0, -8, -fm.height() - 6);
    auto xOf = [&](qint64 seconds) { return plot.left() + plot.width() * std::min(1.0, double(seconds) / 60.0 / max); };
    for (double v = 0; v <= max + step / 2; v += step) {
        const double x = plot.left() + plot.width() * v / max;
        p.setPen(QPen(colors.grid, 1));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.setPen(colors.text);
        p.drawText(QRectF(x - 40, plot.bottom() + 4, 80, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                   tr("%1 min").arg(locale.toString(v, 'f', step < 1 ? 2 : 0)));
    }
    const qsizetype n = std::max<qsizetype>(1, r.stages.size());
    const double row = plot.height() / double(n);
    bool any = false;
    for (qsizetype i = 0; i < r.stages.size(); ++i) {
        const StageTiming &t = r.stages.at(i);
        const double cy = plot.top() + row * (double(i) + 0.5);
        p.setPen(colors.text);
        p.drawText(QRectF(area.left(), cy - row / 2, nameWidth, row), Qt::AlignRight | Qt::AlignVCenter, displayName(t.stage));
        if (t.count == 0)
            continue;
        any = true;
        const QColor c = seriesColor(colors, int(i));
        const double h = std::min(row * 0.6, fm.height() * 1.6);
        // Whisker min → max (cut at the axis), box q1 → q3, median line, p90 tick.
        p.setPen(QPen(colors.text, 1));
        p.drawLine(QPointF(xOf(t.minSeconds), cy), QPointF(xOf(t.maxSeconds), cy));
        p.fillRect(QRectF(QPointF(xOf(t.q1Seconds), cy - h / 2), QPointF(std::max(xOf(t.q3Seconds), xOf(t.q1Seconds) + 4), cy + h / 2)), c);
        p.setPen(QPen(colors.text, 2.5));
        p.drawLine(QPointF(xOf(t.medianSeconds), cy - h / 2), QPointF(xOf(t.medianSeconds), cy + h / 2));
        p.setPen(QPen(colors.text, 1.5, Qt::DashLine));
        p.drawLine(QPointF(xOf(t.p90Seconds), cy - h / 2 - 3), QPointF(xOf(t.p90Seconds), cy + h / 2 + 3));
    }
    if (!any)
        noData(p, plot, colors);
}

} // namespace

QString chartTitle(ReportChart chart)
{
    switch (chart) {
    case ReportChart::RevenueByHour: return tr("Revenue by hour");
    case ReportChart::SalesByCategory: return tr("Sales by category");
    case ReportChart::TimeInStage: return tr("Time in each stage (box: middle half, line: median, dashes: 90%)");
    }
    return QString();
}

void paintReportChart(QPainter &painter, const QRectF &rect, const Report &report, ReportChart chart,
                      const ChartColors &colors, const QLocale &locale)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (colors.background.alpha() > 0)
        painter.fillRect(rect, colors.background);
    const QFontMetricsF fm(painter.font());
    QFont bold = painter.font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(colors.text);
    painter.drawText(QRectF(rect.left() + 4, rect.top(), rect.width() - 8, fm.height() * 1.4), Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(bold).elidedText(chartTitle(chart), Qt::ElideRight, rect.width() - 8));
    bold.setBold(false);
    painter.setFont(bold);
    const QRectF area = rect.adjusted(4, fm.height() * 1.6, -4, -4);
    switch (chart) {
    case ReportChart::RevenueByHour: revenueByHour(painter, area, report, colors, locale); break;
    case ReportChart::SalesByCategory: salesByCategory(painter, area, report, colors, locale); break;
    case ReportChart::TimeInStage: timeInStage(painter, area, report, colors, locale); break;
    }
    painter.restore();
}

QString durationText(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("–");
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

} // namespace LittleLemon
