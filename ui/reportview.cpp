#include "ui/reportview.h"

#include "models/reportcharts.h"
#include "models/reportexport.h"
#include "ui/chartwidget.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

namespace {

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void fill(QTableWidget *table, const QList<QStringList> &rows)
{
    table->setUpdatesEnabled(false);
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size(); ++c)
            table->setItem(r, c, cell(rows.at(r).at(c), c > 0));
    }
    // Tall enough for every row (the page scrolls, not each table), within reason.
    const int shown = std::min<int>(int(rows.size()), 14);
    table->setFixedHeight(table->horizontalHeader()->height() + shown * table->verticalHeader()->defaultSectionSize() + 4);
    table->setUpdatesEnabled(true);
}

} // namespace

ReportView::ReportView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *totals = new QGridLayout;
    const QList<std::pair<QString, QString>> names {
        { QStringLiteral("orders"), tr("Orders") },
        { QStringLiteral("revenue"), tr("Revenue") },
        { QStringLiteral("average"), tr("Average ticket") },
        { QStringLiteral("cancelled"), tr("Cancelled") },
    };
    for (int i = 0; i < names.size(); ++i) {
        auto *caption = new QLabel(names.at(i).second, this);
        caption->setProperty("role", QStringLiteral("hint"));
        auto *value = new QLabel(QStringLiteral("–"), this);
        value->setObjectName(QStringLiteral("total-") + names.at(i).first);
        value->setProperty("role", QStringLiteral("title"));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        totals->addWidget(caption, 0, i);
        totals->addWidget(value, 1, i);
        m_totals.insert(names.at(i).first, value);
    }
    layout->addLayout(totals);

    auto *charts = new QGridLayout;
    const ReportChart kinds[] = { ReportChart::RevenueByHour, ReportChart::SalesByCategory, ReportChart::TimeInStage };
    for (int i = 0; i < 3; ++i) {
        auto *chart = new ChartWidget(kinds[i], this);
        chart->setObjectName(QStringLiteral("chart-%1").arg(i));
        m_charts.append(chart);
        charts->addWidget(chart, i / 2, i % 2);
    }
    layout->addLayout(charts);

    m_tablesGrid = new QGridLayout;
    layout->addLayout(m_tablesGrid);
    addTable(QStringLiteral("categories"), tr("By category"), { tr("Category"), tr("Quantity"), tr("Revenue") });
    addTable(QStringLiteral("dishes"), tr("By dish"), { tr("Dish"), tr("Quantity"), tr("Revenue") });
    addTable(QStringLiteral("hours"), tr("By hour"), { tr("Hour"), tr("Orders"), tr("Revenue") });
    addTable(QStringLiteral("sources"), tr("Counter and online"), { tr("Taken"), tr("Orders"), tr("Revenue") });
    addTable(QStringLiteral("crew"), tr("Delivery crew"), { tr("Name"), tr("Delivered"), tr("Median, received to delivered") });
    addTable(QStringLiteral("stages"), tr("Time in each stage"), { tr("Stage"), tr("Orders"), tr("Median"), tr("90%") });
    addTable(QStringLiteral("soldOut"), tr("Sold out"), { tr("Dish"), tr("Times"), tr("For") });
    addTable(QStringLiteral("corrections"), tr("Corrections to closed days"), { tr("Closed day"), tr("Order"), tr("Change"), tr("Revenue") });
    layout->addStretch();
}

QTableWidget *ReportView::addTable(const QString &name, const QString &title, const QStringList &headers)
{
    auto *box = new QGroupBox(title, this);
    auto *table = new QTableWidget(0, int(headers.size()), box);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < headers.size(); ++c)
        table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(table);
    const int index = int(m_tables.size());
    // Top-aligned: a short table beside a long one starts level with it, not centred.
    m_tablesGrid->addWidget(box, index / 2, index % 2, Qt::AlignTop);
    box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_tables.insert(name, table);
    return table;
}

QString ReportView::totalText(const QString &name) const
{
    const QLabel *l = m_totals.value(name);
    return l ? l->text() : QString();
}

QTableWidget *ReportView::table(const QString &name) const
{
    return m_tables.value(name);
}

void ReportView::setReport(const Report &report)
{
    m_report = report;
    const QLocale l = locale();
    m_totals.value(QStringLiteral("orders"))->setText(l.toString(report.totals.orders));
    m_totals.value(QStringLiteral("revenue"))->setText(report.totals.revenue.toInput(l));
    m_totals.value(QStringLiteral("average"))->setText(report.totals.averageTicket.toInput(l));
    m_totals.value(QStringLiteral("cancelled"))
        ->setText(tr("%1 (%2)").arg(l.toString(report.totals.cancelled), report.totals.cancelledValue.toInput(l)));
    for (ChartWidget *c : std::as_const(m_charts))
        c->setReport(report);

    QList<QStringList> rows;
    for (const CategoryFigure &c : report.byCategory)
        rows << QStringList { c.title.isEmpty() ? tr("(no longer on the menu)") : c.title, l.toString(c.quantity), c.revenue.toInput(l) };
    fill(table(QStringLiteral("categories")), rows);
    rows.clear();
    for (const DishFigure &d : report.byDish)
        rows << QStringList { d.title, l.toString(d.quantity), d.revenue.toInput(l) };
    fill(table(QStringLiteral("dishes")), rows);
    rows.clear();
    for (const HourFigure &h : report.byHour) {
        if (h.orders)
            rows << QStringList { QStringLiteral("%1:00").arg(h.hour, 2, 10, QLatin1Char('0')), l.toString(h.orders), h.revenue.toInput(l) };
    }
    fill(table(QStringLiteral("hours")), rows);
    rows.clear();
    for (const SourceFigure &s : report.bySource)
        rows << QStringList { s.source == OrderSource::Counter ? tr("At the counter") : tr("Online"), l.toString(s.orders), s.revenue.toInput(l) };
    fill(table(QStringLiteral("sources")), rows);
    rows.clear();
    for (const CrewFigure &c : report.byCrew)
        rows << QStringList { c.name.isEmpty() ? QStringLiteral("#%1").arg(c.id) : c.name, l.toString(c.delivered), durationText(c.medianSeconds) };
    fill(table(QStringLiteral("crew")), rows);
    rows.clear();
    for (const StageTiming &t : report.stages)
        rows << QStringList { displayName(t.stage), l.toString(t.count), t.count ? durationText(t.medianSeconds) : QStringLiteral("–"),
                              t.count ? durationText(t.p90Seconds) : QStringLiteral("–") };
    fill(table(QStringLiteral("stages")), rows);
    rows.clear();
    for (const SoldOutFigure &s : report.soldOut)
        rows << QStringList { s.title, l.toString(s.times), durationText(s.seconds) + (s.stillOut ? tr(" (still sold out)") : QString()) };
    fill(table(QStringLiteral("soldOut")), rows);
    rows.clear();
    for (const ReportCorrection &c : report.corrections)
        rows << QStringList { l.toString(c.closedDay, QLocale::ShortFormat), QString::number(c.order), correctionText(c.what), c.revenue.toInput(l) };
    fill(table(QStringLiteral("corrections")), rows);
}

} // namespace LittleLemon::Ui
