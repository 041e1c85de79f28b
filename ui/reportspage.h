#pragma once

#include "models/report.h"
#include "ui/page.h"

class QDateEdit;
class QLabel;
class QPushButton;

namespace LittleLemon::Ui {

class ReportView;
class Workspace;

// The manager's day in numbers (issue 18; managers and admins, Ctrl+5):
// pick a day or a range, see the X report (figures, charts, tables), close
// the day (Z, after a question), export PDF or CSV. On our server the
// figures come from GET /api/reports (every terminal agrees); on a server
// without the `reports` feature (the cloud) the same code computes them
// from this desk's synced orders, and closing a day is not offered.
class ReportsPage : public Page
{
    Q_OBJECT

public:
    explicit ReportsPage(Workspace *workspace, QWidget *parent = nullptr);

    QString title() const override { return tr("Reports"); }
    void activate() override;

    void setPeriod(const QDate &from, const QDate &to);
    // Reads the report of the period (the server's, or computed here).
    void refresh();
    // The "Close the day (Z)" button: asks first (confirmCloseDialog), then closeDay().
    void confirmClose();
    // Closes the period's first day on the server, without asking.
    void closeDay();
    bool exportPdf(const QString &fileName);
    bool exportCsv(const QString &fileName);
    bool exportOrdersCsv(const QString &fileName);
    bool exportLinesCsv(const QString &fileName);

    ReportView *view() const { return m_view; }
    const Report &report() const;
    // Where the figures shown came from ("server", "local"), for tests.
    QString source() const { return m_source; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *closeButton() const { return m_closeButton; }

Q_SIGNALS:
    // A report is shown (after refresh(), or a failure with its words in the status).
    void reportShown();
    // closeDay() ended: the Z number, or 0 with the server's words.
    void dayClosed(qint64 number, const QString &message);

private:
    void showReport(const Report &report, const QString &source, const QString &note);
    void applyPermissions();
    bool serverReports() const;
    QString restaurantName() const;

    Workspace *m_workspace;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPushButton *m_closeButton;
    QLabel *m_status;
    ReportView *m_view;
    QString m_source;
    bool m_loaded = false;
};

} // namespace LittleLemon::Ui
