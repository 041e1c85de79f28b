#include "ui/chartwidget.h"

#include "ui/theme.h"

#include <QPainter>

namespace LittleLemon::Ui {

ChartWidget::ChartWidget(ReportChart chart, QWidget *parent)
    : QWidget(parent)
    , m_chart(chart)
{
    // Not Qt::WA_OpaquePaintEvent: the chart leaves a margin unpainted, and an
    // "opaque" widget's unpainted pixels show whatever the window held before
    // (the orders board's text, seen under Xvfb).
    setAutoFillBackground(true);
    setAccessibleName(chartTitle(chart));
}

void ChartWidget::setReport(const Report &report)
{
    m_report = report;
    update();
}

ChartColors ChartWidget::colors() const
{
    const QPalette &p = palette();
    const QColor base = p.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    ChartColors c;
    c.text = p.color(QPalette::Text);
    c.background = base;
    // The grid a step away from the background, whichever way it lies.
    c.grid = dark ? base.lighter(160) : base.darker(118);
    c.series = Theme::chartSeries(dark);
    return c;
}

void ChartWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintReportChart(painter, QRectF(rect()).adjusted(2, 2, -2, -2), m_report, m_chart, colors(), locale());
}

} // namespace LittleLemon::Ui
