// A print host killed with SIGKILL between sending a ticket and the printer's
// acknowledgement, then started again: the ticket is printed at most once
// more, and that copy says REPRINT with the time. A host killed while its
// printer is down prints the ticket exactly once when both are back.
#include "support/fakeescposprinter.h"

#include "print/printqueue.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace LittleLemon::Print;
using LittleLemon::Test::FakeEscPosPrinter;

class TestPrintKill9 : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<QProcess> startHost(const QString &queue, const QString &target, int orders)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(QStringLiteral(LL_PRINTHOSTDRIVER), { queue, target, QString::number(orders) });
        if (!p->waitForStarted(10000))
            return nullptr;
        return p;
    }

    std::optional<PrintJob> jobOne(const QString &queuePath)
    {
        PrintQueue reader; // a second connection, as a person's sqlite3 would
        if (!reader.open(queuePath))
            return std::nullopt;
        return reader.job(1);
    }

private slots:
    void killedBetweenSendAndAcknowledgement()
    {
        FakeEscPosPrinter printer;
        QVERIFY(printer.start());
        printer.setAnswerStatus(false); // takes the bytes, never confirms: the window of the kill
        const QString queue = m_dir.filePath(QStringLiteral("kill.db"));
        auto host = startHost(queue, printer.target(), 1);
        QVERIFY(host);
        QTRY_COMPARE(printer.tickets().size(), 1);
        QCOMPARE(jobOne(queue)->state, PrintJob::State::Sending);
        host->kill(); // SIGKILL
        QVERIFY(host->waitForFinished(10000));
        QCOMPARE(host->exitStatus(), QProcess::CrashExit);

        printer.setAnswerStatus(true);
        host = startHost(queue, printer.target(), 1); // sees order 1 again
        QVERIFY(host);
        QTRY_COMPARE(printer.tickets().size(), 2);
        QVERIFY2(!printer.tickets().at(0).contains(QStringLiteral("REPRINT")), qPrintable(printer.tickets().at(0)));
        QVERIFY2(printer.tickets().at(1).contains(QStringLiteral("REPRINT ")), qPrintable(printer.tickets().at(1)));
        QVERIFY(printer.tickets().at(1).contains(QStringLiteral("Order #1")));
        QTRY_COMPARE(jobOne(queue)->state, PrintJob::State::Done);
        QTest::qWait(1000); // a third copy would arrive here
        QCOMPARE(printer.tickets().size(), 2);
        host->kill();
        host->waitForFinished(10000);
    }

    void killedWhilePrinterDown()
    {
        FakeEscPosPrinter printer;
        QVERIFY(printer.start());
        printer.stop(); // switched off; the port is known
        const QString queue = m_dir.filePath(QStringLiteral("down.db"));
        auto host = startHost(queue, printer.target(), 3);
        QVERIFY(host);
        // Tried, not reached (the backoff starts at 250 ms; a loaded machine is slower).
        const auto describe = [&] {
            const auto job = jobOne(queue);
            return job ? QStringLiteral("job 1: state %1, %2 attempts").arg(int(job->state)).arg(job->attempts)
                       : QStringLiteral("no job 1 (yet) in %1; host: %2").arg(queue, QString::fromUtf8(host->readAllStandardError()));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(jobOne(queue) && jobOne(queue)->attempts >= 2, qPrintable(describe()), 20000);
        host->kill();
        QVERIFY(host->waitForFinished(10000));
        QVERIFY(printer.start());
        host = startHost(queue, printer.target(), 3);
        QVERIFY(host);
        QTRY_COMPARE(printer.tickets().size(), 3);
        QTest::qWait(1000);
        QCOMPARE(printer.tickets().size(), 3); // each order once
        for (int i = 0; i < 3; ++i)
            QVERIFY(printer.tickets().at(i).contains(QStringLiteral("Order #%1").arg(i + 1)));
        host->kill();
        host->waitForFinished(10000);
    }
};

QTEST_GUILESS_MAIN(TestPrintKill9)
#include "tst_print_kill9.moc"
