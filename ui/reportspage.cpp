#include "ui/reportspage.h"

#include "api/client/apiclient.h"
#include "api/client/reportsapi.h"
#include "models/localreport.h"
#include "models/localstore.h"
#include "models/reportexport.h"
#include "ui/localserver.h"
#include "ui/reportview.h"
#include "ui/workspace.h"

#include <QAction>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

namespace {

bool writeFile(const QString &name, const QByteArray &data)
{
    QSaveFile f(name);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size() && f.commit();
}

} // namespace

ReportsPage::ReportsPage(Workspace *workspace, QWidget *parent)
    : Page(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    auto *fromLabel = new QLabel(tr("From"), this);
    m_from = new QDateEdit(QDate::currentDate(), this);
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_from->setCalendarPopup(true);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("to"), this);
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName(QStringLiteral("reportTo"));
    m_to->setCalendarPopup(true);
    toLabel->setBuddy(m_to);
    auto *today = new QPushButton(tr("Today"), this);
    auto *show = new QPushButton(tr("Show (X report)"), this);
    show->setObjectName(QStringLiteral("showReportButton"));
    show->setToolTip(tr("The figures of the period, as they are now; nothing is stored."));
    m_closeButton = new QPushButton(tr("Close the day (Z)…"), this);
    m_closeButton->setObjectName(QStringLiteral("closeDayButton"));
    auto *pdf = new QPushButton(tr("Export PDF…"), this);
    pdf->setObjectName(QStringLiteral("exportPdfButton"));
    auto *csv = new QPushButton(tr("Export CSV…"), this);
    csv->setObjectName(QStringLiteral("exportCsvButton"));
    for (QWidget *w : std::initializer_list<QWidget *> { fromLabel, m_from, toLabel, m_to, today, show })
        bar->addWidget(w);
    bar->addStretch();
    bar->addWidget(m_closeButton);
    bar->addWidget(pdf);
    bar->addWidget(csv);
    layout->addLayout(bar);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_status->setProperty("role", QStringLiteral("hint"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_view = new ReportView(scroll);
    scroll->setWidget(m_view);
    layout->addWidget(scroll, 1);

    connect(m_from, &QDateEdit::dateChanged, this, [this](const QDate &d) {
        if (m_to->date() < d)
            m_to->setDate(d);
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this](const QDate &d) {
        if (m_from->date() > d)
            m_from->setDate(d);
        applyPermissions();
    });
    connect(today, &QPushButton::clicked, this, [this] { setPeriod(QDate::currentDate(), QDate::currentDate()); });
    connect(show, &QPushButton::clicked, this, &ReportsPage::refresh);
    connect(m_closeButton, &QPushButton::clicked, this, &ReportsPage::confirmClose);
    auto ask = [this](const QString &title, const QString &suffix, bool (ReportsPage::*write)(const QString &)) {
        const QString name = QFileDialog::getSaveFileName(
            this, title, QStringLiteral("report-%1%2").arg(m_from->date().toString(Qt::ISODate), suffix),
            suffix.endsWith(QStringLiteral(".pdf")) ? tr("PDF (*.pdf)") : tr("CSV (*.csv)"));
        if (!name.isEmpty())
            (this->*write)(name);
    };
    connect(pdf, &QPushButton::clicked, this, [ask, this] { ask(tr("Export the report as PDF"), QStringLiteral(".pdf"), &ReportsPage::exportPdf); });
    connect(csv, &QPushButton::clicked, this, [ask, this] { ask(tr("Export the report as CSV"), QStringLiteral(".csv"), &ReportsPage::exportCsv); });

    auto *refreshAction = new QAction(tr("Show the report"), this);
    refreshAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &ReportsPage::refresh);
    addAction(refreshAction);
    auto *ordersAction = new QAction(tr("Export the period's orders as CSV…"), this);
    connect(ordersAction, &QAction::triggered, this,
            [ask, this] { ask(tr("Export the orders as CSV"), QStringLiteral("-orders.csv"), &ReportsPage::exportOrdersCsv); });
    addAction(ordersAction);
    auto *linesAction = new QAction(tr("Export the period's order lines as CSV…"), this);
    connect(linesAction, &QAction::triggered, this,
            [ask, this] { ask(tr("Export the order lines as CSV"), QStringLiteral("-lines.csv"), &ReportsPage::exportLinesCsv); });
    addAction(linesAction);

    connect(workspace, &Workspace::featuresChanged, this, &ReportsPage::applyPermissions);
    applyPermissions();
}

const Report &ReportsPage::report() const
{
    return m_view->report();
}

bool ReportsPage::serverReports() const
{
    return m_workspace->client() && m_workspace->hasFeature(QStringLiteral("reports"));
}

QString ReportsPage::restaurantName() const
{
    if (LocalServer *local = m_workspace->localServer()) {
        const QString name = local->restaurantName();
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("Little Lemon");
}

void ReportsPage::applyPermissions()
{
    const Verdict verdict = m_workspace->permissions().seeReports();
    const bool allowed = verdict.allowed;
    setEnabled(allowed);
    setToolTip(allowed ? QString() : verdict.reason);
    const bool canClose = allowed && serverReports();
    m_closeButton->setEnabled(canClose);
    m_closeButton->setToolTip(canClose ? tr("Store this day's figures for good as a numbered Z report.")
                                       : tr("This server keeps no Z reports (the cloud): the figures here are computed "
                                            "from this desk's copy of the orders."));
}

void ReportsPage::activate()
{
    if (!m_loaded)
        refresh();
}

void ReportsPage::setPeriod(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void ReportsPage::refresh()
{
    m_loaded = true;
    const QDate from = m_from->date();
    const QDate to = m_to->date();
    if (serverReports()) {
        m_status->setText(tr("Reading the report from %1…").arg(m_workspace->serverName()));
        Client::ReportsApi::report(*m_workspace->client(), from, to)->then(this, [this, from, to](const Client::Result<Report> &r) {
            if (r) {
                showReport(r.value(), QStringLiteral("server"), tr("Figures from %1.").arg(m_workspace->serverName()));
                return;
            }
            // Offline or refused: this desk's copy, said so.
            showReport(computeReport(localReportInput(*m_workspace->store(), from, to)), QStringLiteral("local"),
                       tr("The server did not answer (%1): figures computed from this desk's copy.").arg(r.error().userMessage()));
        });
        return;
    }
    showReport(computeReport(localReportInput(*m_workspace->store(), from, to)), QStringLiteral("local"),
               tr("Figures computed from this desk's copy of the orders (this server keeps no reports; "
                  "sold-out times are not known here)."));
}

void ReportsPage::showReport(const Report &report, const QString &source, const QString &note)
{
    m_source = source;
    m_view->setReport(report);
    QString text = note;
    if (report.ordersWithoutTime > 0)
        text += u' ' + tr("%n order(s) without a time of day are left out of the hours.", nullptr, report.ordersWithoutTime);
    m_status->setText(text);
    Q_EMIT reportShown();
}

void ReportsPage::confirmClose()
{
    if (!serverReports())
        return;
    const QDate day = m_from->date();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Close the day"),
                                tr("Close %1 and store its Z report?").arg(locale().toString(day, QLocale::LongFormat)),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmCloseDialog"));
    box->setInformativeText(tr("The figures are stored for good and numbered; they can never be changed. A later change "
                               "to one of that day's orders shows as a correction in the next open day's report."));
    box->addButton(tr("Close the day"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, &ReportsPage::closeDay);
    box->open();
}

void ReportsPage::closeDay()
{
    if (!serverReports())
        return;
    const QDate day = m_from->date();
    Client::ReportsApi::close(*m_workspace->client(), day)->then(this, [this, day](const Client::Result<Client::ZReportAnswer> &r) {
        if (!r) {
            const QString words = r.error().userMessage();
            m_status->setText(words);
            Q_EMIT statusMessage(words);
            Q_EMIT dayClosed(0, words);
            return;
        }
        const QString text = tr("%1 is closed: Z report No. %2.").arg(locale().toString(day, QLocale::ShortFormat)).arg(r.value().number);
        showReport(r.value().report, QStringLiteral("server"), text);
        Q_EMIT statusMessage(text);
        Q_EMIT dayClosed(r.value().number, text);
    });
}

bool ReportsPage::exportPdf(const QString &fileName)
{
    ReportPdfOptions options;
    options.restaurant = restaurantName();
    options.locale = locale();
    QString error;
    const bool ok = writeReportPdf(report(), fileName, options, &error);
    Q_EMIT statusMessage(ok ? tr("Saved %1.").arg(fileName) : error);
    return ok;
}

bool ReportsPage::exportCsv(const QString &fileName)
{
    const bool ok = writeFile(fileName, reportCsv(report(), locale()));
    Q_EMIT statusMessage(ok ? tr("Saved %1.").arg(fileName) : tr("Cannot write %1.").arg(fileName));
    return ok;
}

bool ReportsPage::exportOrdersCsv(const QString &fileName)
{
    const ReportInput in = localReportInput(*m_workspace->store(), report().from, report().to);
    const bool ok = writeFile(fileName, ordersCsv(in.orders, report(), in.zone, in.crewNames, locale()));
    Q_EMIT statusMessage(ok ? tr("Saved %1.").arg(fileName) : tr("Cannot write %1.").arg(fileName));
    return ok;
}

bool ReportsPage::exportLinesCsv(const QString &fileName)
{
    const ReportInput in = localReportInput(*m_workspace->store(), report().from, report().to);
    const bool ok = writeFile(fileName, orderLinesCsv(in.orders, report(), locale()));
    Q_EMIT statusMessage(ok ? tr("Saved %1.").arg(fileName) : tr("Cannot write %1.").arg(fileName));
    return ok;
}

} // namespace LittleLemon::Ui
