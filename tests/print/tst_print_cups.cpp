// The system printer for real: a private cupsd (its own ServerRoot, spool,
// cache, logs and loopback port; CUPS_SERVER points Qt's CUPS support at it)
// with a cups-pdf queue; a ticket and a receipt printed through Qt Print
// Support come out as PDF files, read back with pdftotext and drawn with
// pdftoppm. cups-pdf reads its settings from /etc/cups only: the test puts a
// queue-specific file there (cups-pdf-<queue>.conf, its own name) and removes
// it afterwards. Missing programs fail the test with the package to install.
#include "print/printhost.h"
#include "print/printqueue.h"
#include "print/printspooler.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace LittleLemon;
using namespace LittleLemon::Print;

class TestPrintCups : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_cupsd;
    QString m_queue = QStringLiteral("lltest") + QUuid::createUuid().toString(QUuid::Id128).left(10);
    QString m_pdfConf;
    QString m_out;
    quint16 m_port = 0;

    static QString need(const QString &program, const char *package)
    {
        QString path = QStandardPaths::findExecutable(program);
        if (path.isEmpty())
            path = QStandardPaths::findExecutable(program, { QStringLiteral("/usr/sbin"), QStringLiteral("/sbin") });
        if (path.isEmpty())
            qWarning("%s is missing: install %s (tools/setup-deps.sh)", qPrintable(program), package);
        return path;
    }

    static QString run(const QString &program, const QStringList &args, int *code = nullptr)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        p.waitForFinished(60000);
        if (code)
            *code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return QString::fromLocal8Bit(p.readAll());
    }

    static bool write(const QString &path, const QString &text)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) == text.toUtf8().size();
    }

    QStringList pdfs() const { return QDir(m_out).entryList({ QStringLiteral("*.pdf") }, QDir::Files, QDir::Name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString cupsd = need(QStringLiteral("cupsd"), "cups");
        const QString lpadmin = need(QStringLiteral("lpadmin"), "cups-client");
        QVERIFY2(!cupsd.isEmpty(), "cupsd is missing: install cups");
        QVERIFY2(!lpadmin.isEmpty(), "lpadmin is missing: install cups-client");
        QVERIFY2(QFile::exists(QStringLiteral("/usr/lib/cups/backend/cups-pdf")),
                 "the cups-pdf backend is missing: install printer-driver-cups-pdf");
        const QString ppd = QStringLiteral("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd");
        QVERIFY2(QFile::exists(ppd), "CUPS-PDF_opt.ppd is missing: install printer-driver-cups-pdf");
        QVERIFY2(!need(QStringLiteral("pdftotext"), "poppler-utils").isEmpty(), "pdftotext is missing: install poppler-utils");
        QVERIFY2(!need(QStringLiteral("pdftoppm"), "poppler-utils").isEmpty(), "pdftoppm is missing: install poppler-utils");

        const QDir d(m_dir.path());
        for (const char *sub : { "root", "spool", "cache", "state", "log", "temp", "out" })
            QVERIFY(d.mkpath(QLatin1String(sub)));
        // Filters run as lp: they need to reach the folders and write in temp.
        QFile::setPermissions(m_dir.path(), QFileDevice::Permissions(0x7755));
        QVERIFY(QProcess::execute(QStringLiteral("chmod"), { QStringLiteral("1777"), d.filePath(QStringLiteral("temp")),
                                                              d.filePath(QStringLiteral("out")) })
                == 0);
        m_out = d.filePath(QStringLiteral("out"));
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            m_port = probe.serverPort();
        }
        const QString root = d.filePath(QStringLiteral("root"));
        QVERIFY(write(root + QStringLiteral("/cupsd.conf"),
                      QStringLiteral("Listen 127.0.0.1:%1\nLogLevel debug\nDefaultAuthType None\nWebInterface No\n"
                                     "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                                     "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"
                                     "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n")
                          .arg(m_port)));
        QVERIFY(write(root + QStringLiteral("/cups-files.conf"),
                      QStringLiteral("ServerRoot %1/root\nRequestRoot %1/spool\nCacheDir %1/cache\nStateDir %1/state\n"
                                     "TempDir %1/temp\nAccessLog %1/log/access_log\nErrorLog %1/log/error_log\n"
                                     "PageLog %1/log/page_log\nPrintcap %1/state/printcap\nSandboxing Relaxed\n")
                          .arg(m_dir.path())));
        // cups-pdf's own settings for this queue only.
        m_pdfConf = QStringLiteral("/etc/cups/cups-pdf-%1.conf").arg(m_queue);
        QVERIFY2(write(m_pdfConf, QStringLiteral("Out %1\nAnonDirName %1\nLabel 0\nUserUMask 0022\n").arg(m_out)),
                 qPrintable(QStringLiteral("cannot write %1: cups-pdf reads its per-queue settings only from /etc/cups "
                                           "(the test needs root)")
                                .arg(m_pdfConf)));

        m_cupsd.setProcessChannelMode(QProcess::ForwardedChannels);
        m_cupsd.start(cupsd, { QStringLiteral("-f"), QStringLiteral("-c"), root + QStringLiteral("/cupsd.conf"),
                               QStringLiteral("-s"), root + QStringLiteral("/cups-files.conf") });
        QVERIFY2(m_cupsd.waitForStarted(10000), "cupsd did not start");
        qputenv("CUPS_SERVER", QStringLiteral("127.0.0.1:%1").arg(m_port).toUtf8());
        QTRY_VERIFY_WITH_TIMEOUT(run(need(QStringLiteral("lpstat"), "cups-client"), { QStringLiteral("-r") })
                                     .contains(QStringLiteral("scheduler is running")),
                                 15000);
        int code = 0;
        const QString said = run(lpadmin, { QStringLiteral("-p"), m_queue, QStringLiteral("-E"), QStringLiteral("-v"),
                                            QStringLiteral("cups-pdf:/") + m_queue, QStringLiteral("-P"), ppd,
                                            // Ghostscript turns the PDF into PostScript with the
                                            // glyphs' Unicode kept, so pdftotext reads the result.
                                            QStringLiteral("-o"), QStringLiteral("pdftops-renderer-default=gs") },
                                 &code);
        QVERIFY2(code == 0, qPrintable(said));
    }

    void cleanupTestCase()
    {
        if (m_cupsd.state() != QProcess::NotRunning) {
            m_cupsd.terminate();
            if (!m_cupsd.waitForFinished(10000))
                m_cupsd.kill();
        }
        if (!m_pdfConf.isEmpty())
            QFile::remove(m_pdfConf);
    }

    void ticketAndReceiptThroughQtPrintSupport()
    {
        PrintQueue queue;
        QString error;
        QVERIFY2(queue.open(m_dir.filePath(QStringLiteral("print.db")), &error), qPrintable(error));
        QVERIFY(queue.savePrinters({ { QStringLiteral("kitchen"), PrinterConfig::Kind::System, m_queue, PaperWidth::Mm80,
                                       CodePage::Cp858, true } }));
        PrintSpooler spooler(&queue);
        spooler.setCurrencySymbol(QStringLiteral("$"));
        PrintHost host(&queue, [](qint64) { return qint64(0); });
        host.setLineNotes(21, { { 1, QStringLiteral("no onions") } });
        spooler.start();

        Order o;
        o.id = 21;
        o.items.append({ 1, QStringLiteral("Greek salad"), 2, Money(1250), Money(2500) });
        o.items.append({ 2, QString::fromUtf8("Crème brûlée"), 1, Money(650), Money(650) });
        o.total = Money(3150);
        o.note = QStringLiteral("Allergic to peanuts");
        QCOMPARE(host.printTicket(o, false).size(), 1);
        const auto diagnostics = [&]() -> QString {
            QFile log(m_dir.filePath(QStringLiteral("log/error_log")));
            log.open(QIODevice::ReadOnly);
            const QByteArray all = log.readAll();
            return spooler.statusText(QStringLiteral("kitchen")) + u' ' + spooler.status(QStringLiteral("kitchen")).lastError
                + QStringLiteral("\ncupsd's log ends:\n") + QString::fromLocal8Bit(all.right(3000));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(pdfs().size() == 1, qPrintable(diagnostics()), 30000);
        QVERIFY(host.printReceipt(o, false) > 0);
        QTRY_VERIFY2_WITH_TIMEOUT(pdfs().size() == 2, qPrintable(diagnostics()), 30000);
        QTRY_COMPARE(queue.waitingCount(QStringLiteral("kitchen")), 0);
        // A file appears while Ghostscript still writes it: wait for CUPS to call both jobs done.
        QTRY_VERIFY_WITH_TIMEOUT(run(need(QStringLiteral("lpstat"), "cups-client"), { QStringLiteral("-o") }).trimmed().isEmpty(),
                                 30000);

        const auto textOf = [this](const QString &name) {
            return run(QStandardPaths::findExecutable(QStringLiteral("pdftotext")),
                       { QStringLiteral("-layout"), QDir(m_out).filePath(name), QStringLiteral("-") });
        };
        QStringList texts { textOf(pdfs().at(0)), textOf(pdfs().at(1)) };
        // cups-pdf turns the job into PostScript and back (pdftops, then
        // Ghostscript): the glyphs arrive but their Unicode map does not, so
        // pdftotext reads each character as a private code. What can be read
        // back is the shape of the text: as many lines as the layout drew (the PDF-to-folder printer, without
        // the round trip, is read back word for word in tst_print_queue).
        const auto shape = [](const QStringList &lines) {
            QList<int> out;
            for (QString l : lines) {
                l.remove(QStringLiteral("**"));
                l.remove(u' ');
                l.remove(u'\f'); // pdftotext ends each page with a form feed
                if (!l.isEmpty())
                    out.append(int(l.size()));
            }
            return out;
        };
        Ticket ticket = host.ticketsFor(o).constFirst();
        const QList<int> expectedTicket = shape(TicketLayout::kitchenTicketLines(ticket, 48, QLocale()));
        const QList<int> expectedReceipt
            = shape(TicketLayout::receiptLines(ticket, 48, spooler.layoutFor(queue.printers().constFirst())));
        // Sort the two files by line count: the receipt and the ticket differ.
        QList<int> first = shape(texts.at(0).split(u'\n'));
        QList<int> second = shape(texts.at(1).split(u'\n'));
        if (first.size() == expectedReceipt.size() && second.size() == expectedTicket.size())
            std::swap(first, second);
        // Line for line; the characters are not compared: the font's first
        // glyph comes back as a space code, which pdftotext drops.
        QCOMPARE(first.size(), expectedTicket.size());
        QCOMPARE(second.size(), expectedReceipt.size());

        // Drawn, not only text: the page has ink on it.
        const QString png = m_dir.filePath(QStringLiteral("page"));
        QCOMPARE(QProcess::execute(QStandardPaths::findExecutable(QStringLiteral("pdftoppm")),
                                   { QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                                     QStringLiteral("-singlefile"), QDir(m_out).filePath(pdfs().at(0)), png }),
                 0);
        const QImage page(png + QStringLiteral(".png"));
        QVERIFY(!page.isNull());
        int dark = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x)
                dark += qGray(page.pixel(x, y)) < 128 ? 1 : 0;
        QVERIFY2(dark > 200, qPrintable(QStringLiteral("only %1 dark pixels").arg(dark)));
    }
};

QTEST_MAIN(TestPrintCups)
#include "tst_print_cups.moc"
