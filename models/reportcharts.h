#pragma once

#include "report.h"

#include <QColor>
#include <QList>
#include <QLocale>
#include <QRectF>

class QPainter;

namespace LittleLemon {

// The report's charts, painted with QPainter on anything (the desk's
// ChartWidget, a PDF page, an image): one drawing for the screen and the
// export. Qt Charts is not used (GPL-3 only and deprecated).
enum class ReportChart { RevenueByHour, SalesByCategory, TimeInStage };

// Colours the caller picks (the desk takes them from its theme and palette,
// so dark and light both read).
struct ChartColors
{
    QColor text;
    QColor grid;
    QColor background; // Qt::transparent: leave what is there
    QList<QColor> series; // bars, slices, boxes; at least one
};

// The chart's title, translated ("Revenue by hour").
QString chartTitle(ReportChart chart);
// Paints `chart` of `report` into `rect`: axes, labels and a legend included.
// An empty report draws its axes and says there is nothing to show.
void paintReportChart(QPainter &painter, const QRectF &rect, const Report &report, ReportChart chart,
                      const ChartColors &colors, const QLocale &locale = QLocale());

// "12 min 05 s", "1 h 02 min", "45 s".
QString durationText(qint64 seconds);

} // namespace LittleLemon
