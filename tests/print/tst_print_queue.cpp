// The print queue against fake ESC/POS printers on loopback: one ticket per
// station, exactly once; a printer that is down holds up nobody and gets its
// backlog, oldest first, once it is back; an unconfirmed ticket prints again
// marked REPRINT; PDF to a folder.
#include "support/fakeescposprinter.h"

#include "print/escposdecoder.h"
#include "print/printhost.h"
#include "print/printqueue.h"
#include "print/printspooler.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace LittleLemon;
using namespace LittleLemon::Print;
using LittleLemon::Test::FakeEscPosPrinter;

namespace {

// Menu items 1..3 are mains (category 10), 4..5 drinks (20), 6 a dessert (30).
qint64 categoryOf(qint64 item)
{
    return item <= 3 ? 10 : item <= 5 ? 20 : 30;
}

Order order(qint64 id, const QList<std::pair<qint64, int>> &items)
{
    Order o;
    o.id = id;
    o.date = QDate::currentDate();
    for (const auto &[item, quantity] : items) {
        OrderItem line;
        line.menuitem = item;
        line.menuitemTitle = QStringLiteral("Dish %1").arg(item);
        line.quantity = quantity;
        line.unitPrice = Money(500);
        line.price = Money(500 * quantity);
        o.items.append(line);
        o.total += line.price;
    }
    return o;
}

int orderNumberIn(const QString &ticket)
{
    const auto m = QRegularExpression(QStringLiteral("Order #(\\d+)")).match(ticket);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace

class TestPrintQueue : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PrintQueue> m_queue;
    std::unique_ptr<PrintSpooler> m_spooler;
    std::unique_ptr<PrintHost> m_host;
    FakeEscPosPrinter *m_kitchen = nullptr;
    FakeEscPosPrinter *m_bar = nullptr;
    FakeEscPosPrinter *m_desserts = nullptr;
    int m_run = 0;

    void setUpStations(bool startBar = true)
    {
        m_kitchen = new FakeEscPosPrinter(this);
        m_bar = new FakeEscPosPrinter(this);
        m_desserts = new FakeEscPosPrinter(this);
        QVERIFY(m_kitchen->start());
        QVERIFY(m_bar->start());
        if (!startBar)
            m_bar->stop();
        QVERIFY(m_desserts->start());
        m_queue = std::make_unique<PrintQueue>();
        QString error;
        QVERIFY2(m_queue->open(m_dir.filePath(QStringLiteral("print-%1.db").arg(++m_run)), &error), qPrintable(error));
        PrinterConfig kitchen { QStringLiteral("kitchen"), PrinterConfig::Kind::Network, m_kitchen->target(),
                                PaperWidth::Mm80, CodePage::Cp858, true };
        PrinterConfig bar { QStringLiteral("bar"), PrinterConfig::Kind::Network, m_bar->target(), PaperWidth::Mm58,
                            CodePage::Cp858, false };
        PrinterConfig desserts { QStringLiteral("desserts"), PrinterConfig::Kind::Network, m_desserts->target(),
                                 PaperWidth::Mm58, CodePage::Cp860, false };
        QVERIFY(m_queue->savePrinters({ kitchen, bar, desserts }));
        QVERIFY(m_queue->saveRoutes({ { 10, QStringLiteral("kitchen") },
                                      { 20, QStringLiteral("bar") },
                                      { 30, QStringLiteral("desserts") } }));
        m_spooler = std::make_unique<PrintSpooler>(m_queue.get());
        m_host = std::make_unique<PrintHost>(m_queue.get(), categoryOf);
        m_spooler->start();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void cleanup()
    {
        m_host.reset();
        m_spooler.reset();
        m_queue.reset();
        delete m_kitchen;
        delete m_bar;
        delete m_desserts;
        m_kitchen = m_bar = m_desserts = nullptr;
        NetworkLink::setTimeouts(2000, 5000);
    }

    void oneTicketPerStationOnce()
    {
        setUpStations();
        QVERIFY(m_queue->setHighestOrderPrinted(0));
        const Order o = order(7, { { 1, 2 }, { 4, 1 }, { 2, 1 }, { 6, 3 } });
        // Ten rapid "sends" of the same order, as three terminals and a retry would.
        int queued = 0;
        for (int i = 0; i < 10; ++i)
            queued += m_host->printNew(o) ? 1 : 0;
        QCOMPARE(queued, 1);
        QTRY_COMPARE(m_kitchen->tickets().size(), 1);
        QTRY_COMPARE(m_bar->tickets().size(), 1);
        QTRY_COMPARE(m_desserts->tickets().size(), 1);
        const QString kitchen = m_kitchen->tickets().constFirst();
        QVERIFY2(kitchen.contains(QStringLiteral("2 x Dish 1")) && kitchen.contains(QStringLiteral("1 x Dish 2")),
                 qPrintable(kitchen));
        QVERIFY2(!kitchen.contains(QStringLiteral("Dish 4")) && !kitchen.contains(QStringLiteral("Dish 6")),
                 qPrintable(kitchen));
        QVERIFY(m_bar->tickets().constFirst().contains(QStringLiteral("1 x Dish 4")));
        QVERIFY(!m_bar->tickets().constFirst().contains(QStringLiteral("Dish 1")));
        QVERIFY(m_desserts->tickets().constFirst().contains(QStringLiteral("3 x Dish 6")));
        QVERIFY(m_kitchen->tickets().constFirst().startsWith(QStringLiteral("KITCHEN")));
        // Every job done, and nothing more arrives.
        QTRY_COMPARE(m_queue->waitingCount(QStringLiteral("kitchen")), 0);
        QTest::qWait(300); // quiet period: a duplicate would show up here
        QCOMPARE(m_kitchen->connections() + m_bar->connections() + m_desserts->connections(), 3);
    }

    void printerDownOthersPrintThenBacklogOnce()
    {
        setUpStations(false);
        QVERIFY(m_queue->setHighestOrderPrinted(0));
        QElapsedTimer stall;
        qint64 worst = 0;
        for (int id = 1; id <= 20; ++id) {
            stall.start();
            QVERIFY(m_host->printNew(order(id, { { 1, 1 }, { 5, id } })));
            worst = qMax(worst, stall.elapsed());
            QTest::qWait(20);
        }
        // The kitchen prints on while the bar is down.
        QTRY_COMPARE(m_kitchen->tickets().size(), 20);
        QCOMPARE(m_bar->tickets().size(), 0);
        QTRY_VERIFY(!m_spooler->status(QStringLiteral("bar")).answering);
        const QString status = m_spooler->statusText(QStringLiteral("bar"));
        QVERIFY2(status.startsWith(QStringLiteral("bar: 20 waiting, printer not answering since ")), qPrintable(status));
        QCOMPARE(m_spooler->statusText(QStringLiteral("kitchen")), QStringLiteral("kitchen: 0 waiting"));

        QTest::qWait(2500); // long enough for the backoff to reach its cap
        QVERIFY(m_bar->start());
        QElapsedTimer back;
        back.start();
        QTRY_COMPARE_WITH_TIMEOUT(m_bar->tickets().size(), 20, 5000);
        const qint64 backlogMs = back.elapsed();
        qInfo("bar backlog of 20 printed %lld ms after the printer came back; queueing stalled at most %lld ms",
              backlogMs, worst);
        QVERIFY(backlogMs < 5000);
        QList<int> numbers;
        for (const QString &t : m_bar->tickets()) {
            numbers.append(orderNumberIn(t));
            QVERIFY2(!t.contains(QStringLiteral("REPRINT")), qPrintable(t));
        }
        QList<int> expected;
        for (int id = 1; id <= 20; ++id)
            expected.append(id);
        QCOMPARE(numbers, expected); // oldest first, each once
        QTRY_VERIFY(m_spooler->status(QStringLiteral("bar")).answering);
        QCOMPARE(m_spooler->statusText(QStringLiteral("bar")), QStringLiteral("bar: 0 waiting"));
        QTest::qWait(300);
        QCOMPARE(m_bar->tickets().size(), 20);
    }

    void unconfirmedTicketPrintsAgainAsReprint()
    {
        NetworkLink::setTimeouts(2000, 300);
        setUpStations();
        m_kitchen->setAnswerStatus(false);
        QVERIFY(m_queue->setHighestOrderPrinted(0));
        QVERIFY(m_host->printNew(order(3, { { 1, 1 } })));
        QTRY_COMPARE(m_kitchen->tickets().size(), 1); // bytes arrived, never confirmed
        QTRY_VERIFY(m_queue->job(1)->mayHavePrinted);
        m_kitchen->setAnswerStatus(true);
        QTRY_COMPARE(m_kitchen->tickets().size(), 2);
        QVERIFY(!m_kitchen->tickets().at(0).contains(QStringLiteral("REPRINT")));
        QVERIFY2(m_kitchen->tickets().at(1).contains(QStringLiteral("REPRINT ")), qPrintable(m_kitchen->tickets().at(1)));
        QTRY_COMPARE(m_queue->job(1)->state, PrintJob::State::Done);
        QTest::qWait(500);
        QCOMPARE(m_kitchen->tickets().size(), 2);
    }

    void catchUpPrintsMissedOrdersOnceInOrder()
    {
        setUpStations();
        // First start: history is not printed.
        QCOMPARE(m_host->catchUp({ order(1, { { 1, 1 } }), order(2, { { 1, 1 } }) }), 0);
        QCOMPARE(m_queue->highestOrderPrinted(), std::optional<qint64>(2));
        // Orders 3..5 arrived while no host ran; 2 is seen again.
        QCOMPARE(m_host->catchUp({ order(5, { { 1, 1 } }), order(2, { { 1, 1 } }), order(3, { { 1, 1 } }),
                                   order(4, { { 1, 1 } }) }),
                 3);
        QTRY_COMPARE(m_kitchen->tickets().size(), 3);
        QCOMPARE(orderNumberIn(m_kitchen->tickets().at(0)), 3);
        QCOMPARE(orderNumberIn(m_kitchen->tickets().at(2)), 5);
        QCOMPARE(m_host->catchUp({ order(5, { { 1, 1 } }) }), 0);
    }

    void changedOrderPrintsOnlyTheDifferenceOnce()
    {
        setUpStations();
        QVERIFY(m_queue->setHighestOrderPrinted(0));
        Order o = order(21, { { 1, 2 }, { 4, 1 } });
        o.items[0].note = QStringLiteral("no onions");
        QVERIFY(m_host->printNew(o));
        QTRY_COMPARE(m_kitchen->tickets().size(), 1);
        QTRY_COMPARE(m_bar->tickets().size(), 1);
        QVERIFY2(m_kitchen->tickets().at(0).contains(QStringLiteral("> no onions")), qPrintable(m_kitchen->tickets().at(0)));
        QVERIFY(!m_host->printChanged(o)); // nothing differs
        // One more main, the drink gone, a dessert added.
        Order changed = order(21, { { 1, 3 }, { 6, 1 } });
        changed.items[0].note = QStringLiteral("no onions");
        for (int i = 0; i < 5; ++i) // seen by every sync and every store signal: queued once
            QCOMPARE(m_host->printChanged(changed), i == 0);
        QTRY_COMPARE(m_kitchen->tickets().size(), 2);
        QTRY_COMPARE(m_bar->tickets().size(), 2);
        QTRY_COMPARE(m_desserts->tickets().size(), 1);
        const QString kitchen = m_kitchen->tickets().at(1);
        QVERIFY2(kitchen.contains(QStringLiteral("CHANGED")) && kitchen.contains(QStringLiteral("+1 x Dish 1"))
                     && kitchen.contains(QStringLiteral("> no onions")) && !kitchen.contains(QStringLiteral("Dish 6")),
                 qPrintable(kitchen));
        QVERIFY2(m_bar->tickets().at(1).contains(QStringLiteral("CHANGED"))
                     && m_bar->tickets().at(1).contains(QStringLiteral("-1 x Dish 4")),
                 qPrintable(m_bar->tickets().at(1)));
        QVERIFY2(m_desserts->tickets().at(0).contains(QStringLiteral("CHANGED"))
                     && m_desserts->tickets().at(0).contains(QStringLiteral("+1 x Dish 6")),
                 qPrintable(m_desserts->tickets().at(0)));
        // A note changed: the line as it was goes, the line with the new note comes.
        changed.items[0].note = QStringLiteral("no onions, extra lemon");
        QVERIFY(m_host->printChanged(changed));
        QTRY_COMPARE(m_kitchen->tickets().size(), 3);
        QVERIFY2(m_kitchen->tickets().at(2).contains(QStringLiteral("-3 x Dish 1"))
                     && m_kitchen->tickets().at(2).contains(QStringLiteral("+3 x Dish 1"))
                     && m_kitchen->tickets().at(2).contains(QStringLiteral("> no onions, extra lemon")),
                 qPrintable(m_kitchen->tickets().at(2)));
        QTest::qWait(300);
        QCOMPARE(m_kitchen->tickets().size() + m_bar->tickets().size() + m_desserts->tickets().size(), 6);
        // An order this terminal never printed gets no CHANGED ticket.
        QVERIFY(!m_host->printChanged(order(22, { { 1, 1 } })));
    }

    void manualReprintAndReceipt()
    {
        setUpStations();
        const Order o = order(9, { { 1, 2 }, { 4, 1 } });
        QCOMPARE(m_host->printTicket(o, true).size(), 2);
        QVERIFY(m_host->printReceipt(o, false) > 0);
        QTRY_COMPARE(m_kitchen->tickets().size(), 2);
        QVERIFY(m_kitchen->tickets().at(0).contains(QStringLiteral("REPRINT ")));
        const QString receipt = m_kitchen->tickets().at(1);
        QVERIFY2(receipt.contains(QStringLiteral("TOTAL")) && receipt.contains(QStringLiteral("15.00")), qPrintable(receipt));
    }

    void pdfToFolder()
    {
        setUpStations();
        const QString folder = m_dir.filePath(QStringLiteral("pdf"));
        QList<PrinterConfig> printers = m_queue->printers();
        printers[0].kind = PrinterConfig::Kind::PdfFolder;
        printers[0].target = folder;
        QVERIFY(m_queue->savePrinters(printers));
        QVERIFY(m_queue->setHighestOrderPrinted(0));
        QVERIFY(m_host->printNew(order(11, { { 1, 2 } })));
        QTRY_COMPARE(QDir(folder).entryList({ QStringLiteral("*.pdf") }).size(), 1);
        const QString pdf = QDir(folder).filePath(QDir(folder).entryList({ QStringLiteral("*.pdf") }).constFirst());
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils) is missing; tools/setup-deps.sh installs it");
        QProcess p;
        p.start(pdftotext, { QStringLiteral("-layout"), pdf, QStringLiteral("-") });
        QVERIFY(p.waitForFinished(30000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(text.contains(QStringLiteral("Order #11")) && text.contains(QStringLiteral("2 x Dish 1")), qPrintable(text));
    }
};

QTEST_MAIN(TestPrintQueue)
#include "tst_print_queue.moc"
