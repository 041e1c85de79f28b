#pragma once

#include "models/reportcharts.h"

#include <QWidget>

namespace LittleLemon::Ui {

// One chart of a report (revenue by hour, sales by category, time in each
// stage), painted by models/reportcharts with the desk's colours: brand
// colours for the series, text and grid from the palette, so the chart
// reads on a dark palette as on a light one. The PDF paints the same chart.
class ChartWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ChartWidget(ReportChart chart, QWidget *parent = nullptr);

    ReportChart chart() const { return m_chart; }
    void setReport(const Report &report);
    const Report &report() const { return m_report; }
    // The colours it paints with now (from the palette and the theme).
    ChartColors colors() const;

    QSize sizeHint() const override { return QSize(520, 260); }
    QSize minimumSizeHint() const override { return QSize(260, 180); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ReportChart m_chart;
    Report m_report;
};

} // namespace LittleLemon::Ui
