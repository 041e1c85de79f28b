#pragma once

#include "models/report.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QTableWidget;

namespace LittleLemon::Ui {

class ChartWidget;

// A report on screen: the totals in large figures, the three charts, and a
// table for each breakdown (category, dish, hour, counter and online, crew,
// time in stage, sold out, corrections to closed days). Shows what it is
// given; ReportsPage decides where the report comes from.
class ReportView : public QWidget
{
    Q_OBJECT

public:
    explicit ReportView(QWidget *parent = nullptr);

    void setReport(const Report &report);
    const Report &report() const { return m_report; }

    // For tests: the figure shown for a total ("orders", "revenue",
    // "average", "cancelled"), and a table by name ("categories", "dishes",
    // "hours", "sources", "crew", "stages", "soldOut", "corrections").
    QString totalText(const QString &name) const;
    QTableWidget *table(const QString &name) const;
    QList<ChartWidget *> charts() const { return m_charts; }

private:
    QTableWidget *addTable(const QString &name, const QString &title, const QStringList &headers);

    Report m_report;
    QHash<QString, QLabel *> m_totals;
    QHash<QString, QTableWidget *> m_tables;
    QList<ChartWidget *> m_charts;
    QGridLayout *m_tablesGrid = nullptr;
};

} // namespace LittleLemon::Ui
