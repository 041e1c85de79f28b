// The Reports page (issue 18) driven as a manager would, offscreen, against
// the real server in this process (standalone): Ctrl+5, the X report equal to
// the server's /api/reports and to the figures computed from the desk's own
// copy with the same code, the charts painted in a light and a dark palette,
// PDF (pdftotext) and CSV export, and closing the day after a question
// (twice: the second time the server's words).

#include "deskfixture.h"

#include "models/localreport.h"
#include "api/client/requestjob.h"
#include "models/reportjson.h"
#include "ui/chartwidget.h"
#include "ui/reportspage.h"
#include "ui/reportview.h"

#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;

class TestUiReports : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DeskFixture> m_desk;
    Ui::ReportsPage *m_page = nullptr;
    const QDate m_today = QDate::currentDate();

    bool showAndWait()
    {
        QSignalSpy shown(m_page, &Ui::ReportsPage::reportShown);
        m_page->refresh();
        return shown.count() > 0 || shown.wait(15000);
    }

    // Pixels of `chart` that are neither its background nor its text colour: something was drawn.
    static int seriesPixels(Ui::ChartWidget *chart)
    {
        const QImage image = chart->grab().toImage();
        const ChartColors colors = chart->colors();
        int n = 0;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2) {
                const QColor c = image.pixelColor(x, y);
                for (const QColor &s : colors.series) {
                    if (qAbs(c.red() - s.red()) + qAbs(c.green() - s.green()) + qAbs(c.blue() - s.blue()) < 12)
                        ++n;
                }
            }
        }
        return n;
    }

private slots:
    void initTestCase()
    {
        m_desk = std::make_unique<DeskFixture>();
        QVERIFY2(m_desk->startServer(), qPrintable(m_desk->errorString()));
        m_desk->makeController();
        QVERIFY(m_desk->signIn(QStringLiteral("mario"), DeskFixture::kManagerPassword));
        QVERIFY(m_desk->waitSynced());
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->workspace()->hasFeature(QStringLiteral("reports")), 10000);
        m_page = qobject_cast<Ui::ReportsPage *>(m_desk->window()->page(Ui::MainWindow::ReportsPageId));
        QVERIFY(m_page);
    }

    void cleanupTestCase() { m_desk.reset(); }

    void ctrl5OpensTheReports()
    {
        QAction *action = m_desk->window()->pageAction(Ui::MainWindow::ReportsPageId);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_5));
        QVERIFY(action->isEnabled());
        QSignalSpy shown(m_page, &Ui::ReportsPage::reportShown);
        QTest::keyClick(m_desk->window(), Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(m_desk->window()->currentPage(), int(Ui::MainWindow::ReportsPageId));
        QVERIFY(shown.count() > 0 || shown.wait(15000)); // the first visit reads today's report
    }

    void figuresAreTheServersAndTheCopysToo()
    {
        m_page->setPeriod(m_today, m_today);
        QVERIFY(showAndWait());
        QCOMPARE(m_page->source(), QStringLiteral("server"));
        // The server's answer read apart from the page (the client's own request, not the page's).
        Client::Request request = Client::Request::get(QStringLiteral("/api/reports"));
        request.query.addQueryItem(QStringLiteral("from"), m_today.toString(Qt::ISODate));
        Client::RequestJob *job = m_desk->workspace()->client()->send(request);
        job->setAutoDelete(false);
        QSignalSpy done(job, &Client::ApiJob::finished);
        QVERIFY(done.wait(15000));
        QString why;
        const auto fromServer = reportFromJson(job->json().toObject(), &why);
        job->deleteLater();
        QVERIFY2(fromServer, qPrintable(why));
        QVERIFY2(fromServer->totals.orders > 0, "the test restaurant has orders today");
        const Report &shown = m_page->report();
        QCOMPARE(shown.totals.revenue, fromServer->totals.revenue);
        QCOMPARE(shown.totals.orders, fromServer->totals.orders);
        const QLocale l = m_page->view()->locale();
        QCOMPARE(m_page->view()->totalText(QStringLiteral("revenue")), fromServer->totals.revenue.toInput(l));
        QCOMPARE(m_page->view()->totalText(QStringLiteral("orders")), l.toString(fromServer->totals.orders));
        QCOMPARE(m_page->view()->table(QStringLiteral("dishes"))->rowCount(), int(fromServer->byDish.size()));
        QCOMPARE(m_page->view()->table(QStringLiteral("dishes"))->item(0, 0)->text(), fromServer->byDish.first().title);
        // The same code over the desk's synced copy gives the same money.
        const Report local = computeReport(localReportInput(*m_desk->store(), m_today, m_today));
        QCOMPARE(local.totals.revenue, fromServer->totals.revenue);
        QCOMPARE(local.totals.orders, fromServer->totals.orders);
        QCOMPARE(local.totals.cancelled, fromServer->totals.cancelled);
        QCOMPARE(local.byDish.size(), fromServer->byDish.size());
        for (qsizetype i = 0; i < local.byDish.size(); ++i)
            QCOMPARE(local.byDish.at(i).revenue, fromServer->byDish.at(i).revenue);
    }

    void chartsReadInLightAndDark()
    {
        m_desk->window()->resize(1366, 768);
        const QList<Ui::ChartWidget *> charts = m_page->view()->charts();
        QCOMPARE(charts.size(), 3);
        for (Ui::ChartWidget *chart : charts) {
            chart->resize(520, 260);
            // The test restaurant's orders moved within seconds: the stage boxes are thin.
            QVERIFY2(seriesPixels(chart) > (chart->chart() == ReportChart::TimeInStage ? 5 : 50), qPrintable(chartTitle(chart->chart())));
        }
        // A dark palette: light text, a dark background, series still drawn.
        QPalette dark = charts.first()->palette();
        dark.setColor(QPalette::Base, QColor(0x20, 0x22, 0x24));
        dark.setColor(QPalette::Text, QColor(0xEE, 0xEE, 0xEE));
        for (Ui::ChartWidget *chart : charts) {
            chart->setPalette(dark);
            const ChartColors c = chart->colors();
            QVERIFY(c.text.lightnessF() - c.background.lightnessF() > 0.5);
            QVERIFY(c.series.first().lightnessF() > 0.5); // the lemon, not the dark green
            QVERIFY2(seriesPixels(chart) > (chart->chart() == ReportChart::TimeInStage ? 5 : 50), qPrintable(chartTitle(chart->chart())));
            chart->setPalette(QPalette());
        }
    }

    void exportsPdfAndCsv()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        const QString csv = dir.filePath(QStringLiteral("report.csv"));
        QVERIFY(m_page->exportPdf(pdf));
        QVERIFY(m_page->exportCsv(csv));
        QVERIFY(m_page->exportOrdersCsv(dir.filePath(QStringLiteral("orders.csv"))));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), pdf, QStringLiteral("-") });
        QVERIFY(text.waitForFinished(30000));
        QCOMPARE(text.exitCode(), 0);
        const QString words = QString::fromUtf8(text.readAllStandardOutput());
        const QLocale l = m_page->locale();
        QVERIFY2(words.contains(m_page->report().totals.revenue.toInput(l)), qPrintable(words.left(600)));
        QVERIFY(words.contains(QStringLiteral("X report")));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(bytes.contains(QByteArray(QByteArray("totals,orders,") + QByteArray::number(m_page->report().totals.orders))));
    }

    void closeTheDayAfterAQuestion()
    {
        m_page->setPeriod(m_today, m_today);
        QVERIFY(m_page->closeButton()->isEnabled());
        QSignalSpy closed(m_page, &Ui::ReportsPage::dayClosed);
        QTest::mouseClick(m_page->closeButton(), Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(QStringLiteral("confirmCloseDialog"))) != nullptr);
        QVERIFY(box->isVisible());
        QVERIFY(box->informativeText().contains(QStringLiteral("never be changed")));
        // Cancel first: nothing is closed.
        const QPointer<QMessageBox> asked(box);
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!asked || !asked->isVisible());
        QCOMPARE(closed.count(), 0);
        QCOMPARE(m_desk->serverGet(QStringLiteral("/api/reports/z")).value(QStringLiteral("count")).toInt(), 0);
        // Then for real.
        QTest::mouseClick(m_page->closeButton(), Qt::LeftButton);
        QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(QStringLiteral("confirmCloseDialog"))) != nullptr && box->isVisible());
        box->buttons().first()->click(); // "Close the day"
        QVERIFY(closed.wait(15000));
        QCOMPARE(closed.first().at(0).toLongLong(), 1);
        QVERIFY(m_page->statusLabel()->text().contains(QStringLiteral("Z report No. 1")));
        QCOMPARE(m_desk->serverGet(QStringLiteral("/api/reports/z")).value(QStringLiteral("count")).toInt(), 1);
        // A second close: the server's words, nothing new stored.
        m_page->closeDay();
        QVERIFY(closed.wait(15000));
        QCOMPARE(closed.last().at(0).toLongLong(), 0);
        QVERIFY2(closed.last().at(1).toString().contains(QStringLiteral("already closed")), qPrintable(closed.last().at(1).toString()));
        QCOMPARE(m_desk->serverGet(QStringLiteral("/api/reports/z")).value(QStringLiteral("count")).toInt(), 1);
    }
};

LL_UI_TEST_MAIN_SCREEN(TestUiReports, 1366, 768)
#include "tst_ui_reports.moc"
