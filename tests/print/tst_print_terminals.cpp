// Issue 17 with a real littlelemon-server on loopback and desk-side print
// services (the store, sync engine and PrintService each terminal runs, as
// the sync tests build them), each terminal with its own fake ESC/POS
// printer:
// - one kitchen print host per restaurant: a second terminal ticking "This
//   terminal prints kitchen tickets" in Desk > Printers is told which
//   terminal prints, in words, does not print, and may take over; the first
//   then stops. Each new order prints at exactly one terminal.
// - the very first start prints no history (only the newest order becomes
//   the starting point);
// - a counter order's line notes reach the server and the kitchen ticket;
// - on a server without the print_host extension the dialog says the choice
//   is per terminal and cannot be checked.
#include "support/fakeescposprinter.h"
#include "synctest.h"

#include "api/client/printhostapi.h"
#include "print/printservice.h"
#include "ui/printersdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>

using namespace LittleLemon;
using namespace LittleLemon::Print;
using namespace LittleLemon::Test;

namespace {

struct PrintTerminal
{
    Terminal t;
    FakeEscPosPrinter printer;
    PrintService *printing = nullptr;
    Client::PrintHostKeeper *keeper = nullptr;

    bool open(const TestServer &server, const QString &name, bool extensions = true)
    {
        if (!t.open(server.url(), QStringLiteral("mario"), extensions) || !t.sync().ok || !printer.start())
            return false;
        printing = new PrintService(t.store.get());
        if (!printing->open())
            return false;
        printing->setTerminalName(name);
        printing->queue()->savePrinters({ { QStringLiteral("kitchen"), PrinterConfig::Kind::Network, printer.target(),
                                            PaperWidth::Mm80, CodePage::Cp858, true } });
        keeper = new Client::PrintHostKeeper(t.client.get(), printing->terminalId(), printing->terminalName(), printing);
        // As the desk does: a terminal that lost the lease stops printing.
        QObject::connect(keeper, &Client::PrintHostKeeper::lost, printing, [this] { printing->setKitchenHost(false); });
        return true;
    }
};

// Ticks "This terminal prints kitchen tickets" and presses Save.
void tickAndSave(Ui::PrintersDialog &dialog)
{
    dialog.findChild<QCheckBox *>()->setChecked(true);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
}

QString noteOf(Ui::PrintersDialog &dialog)
{
    return dialog.findChild<QLabel *>(QStringLiteral("printHostNote"))->text();
}

qint64 counterOrder(HttpTestClient &http, const QString &note)
{
    const QJsonObject body { { QStringLiteral("items"),
                               QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 1 },
                                                          { QStringLiteral("quantity"), 2 },
                                                          { QStringLiteral("note"), note } } } } };
    const HttpReply r = http.post(QStringLiteral("/api/orders"), body);
    return r.status == 201 ? r.object().value(QStringLiteral("order_id")).toInteger() : 0;
}

} // namespace

class TestPrintTerminals : public QObject
{
    Q_OBJECT

    TestServer m_server;

private slots:
    void initTestCase() { QVERIFY(startServer(m_server)); }

    void oneHostPerRestaurant()
    {
        PrintTerminal a;
        PrintTerminal b;
        QVERIFY2(a.open(m_server, QStringLiteral("Counter A")), qPrintable(a.t.error));
        QVERIFY2(b.open(m_server, QStringLiteral("Counter B")), qPrintable(b.t.error));
        QVERIFY(a.t.client->hasFeature(QStringLiteral("print_host")));
        const qint64 newest = a.t.store->cache()->orderSummaries().isEmpty() ? 0 : [&] {
            qint64 m = 0;
            for (const OrderSummary &s : a.t.store->cache()->orderSummaries())
                m = qMax(m, s.id);
            return m;
        }();
        QVERIFY(newest > 0);

        Ui::PrintersDialog da(a.t.store.get(), a.printing);
        da.setPrintHostLease(a.t.client.get(), a.keeper);
        QTRY_VERIFY2(noteOf(da).contains(QStringLiteral("No terminal prints")), qPrintable(noteOf(da)));
        tickAndSave(da);
        QTRY_VERIFY(a.printing->isKitchenHost());
        QVERIFY(a.keeper->isKeeping());
        QTRY_VERIFY2(noteOf(da).contains(QStringLiteral("This terminal (Counter A)")), qPrintable(noteOf(da)));
        // The very first start prints no history: the newest order is the starting point.
        QCOMPARE(a.printing->queue()->highestOrderPrinted(), std::optional<qint64>(newest));
        QCOMPARE(a.printing->queue()->jobs().size(), 0);

        // A second terminal: told who prints, in words; it does not print.
        Ui::PrintersDialog db(b.t.store.get(), b.printing);
        db.setPrintHostLease(b.t.client.get(), b.keeper);
        QTRY_VERIFY2(noteOf(db).contains(QStringLiteral("\"Counter A\"")), qPrintable(noteOf(db)));
        tickAndSave(db);
        QTRY_VERIFY2(noteOf(db).contains(QStringLiteral("\"Counter A\" already prints")), qPrintable(noteOf(db)));
        auto *takeOver = db.findChild<QPushButton *>(QStringLiteral("takeOverButton"));
        QVERIFY(takeOver->isVisibleTo(&db));
        QVERIFY(!b.printing->isKitchenHost());
        QVERIFY(!db.findChild<QCheckBox *>()->isChecked());

        // A new counter order, with a line note: printed once, at A, the note under its line.
        auto http = Test::http(m_server);
        const qint64 first = counterOrder(*http, QStringLiteral("sin cebolla"));
        QVERIFY(first > newest);
        QVERIFY(a.t.sync().ok);
        QVERIFY(b.t.sync().ok);
        QTRY_COMPARE(a.printer.tickets().size(), 1);
        const QString ticket = a.printer.tickets().constFirst();
        QVERIFY2(ticket.contains(QStringLiteral("Order #%1").arg(first)) && ticket.contains(QStringLiteral("> sin cebolla")),
                 qPrintable(ticket));
        QTest::qWait(500); // a second copy would arrive here
        QCOMPARE(b.printer.tickets().size(), 0);
        QCOMPARE(a.printer.tickets().size(), 1);

        // B takes over, explicitly; A learns it at its next renewal and stops.
        QSignalSpy lost(a.keeper, &Client::PrintHostKeeper::lost);
        takeOver->click();
        QTRY_VERIFY(b.printing->isKitchenHost());
        QVERIFY(!takeOver->isVisibleTo(&db));
        a.keeper->keep(); // the renewal, now rather than in 30 s
        QTRY_COMPARE(lost.size(), 1);
        QCOMPARE(lost.at(0).at(0).toString(), QStringLiteral("Counter B"));
        QVERIFY(!a.printing->isKitchenHost());

        const qint64 second = counterOrder(*http, QString());
        QVERIFY(second > first);
        QVERIFY(a.t.sync().ok);
        QVERIFY(b.t.sync().ok);
        QTRY_COMPARE(b.printer.tickets().size(), 1);
        QVERIFY2(b.printer.tickets().constFirst().contains(QStringLiteral("Order #%1").arg(second)),
                 qPrintable(b.printer.tickets().constFirst()));
        QTest::qWait(500);
        QCOMPARE(a.printer.tickets().size(), 1);
        b.keeper->release();
    }

    void lineNotesFromTheDesk()
    {
        PrintTerminal a;
        QVERIFY2(a.open(m_server, QStringLiteral("Counter C")), qPrintable(a.t.error));
        const auto items = a.t.store->cache()->menuItems();
        QVERIFY(items.size() >= 2);
        // More than 140 characters: refused on the desk, nothing queued.
        const LocalEdit refused
            = a.t.store->outbox()->createCounterOrder({ { items.at(0).record.id, 1, QString(Limits::kLineNote + 1, u'x') } });
        QVERIFY(!refused.ok);
        const LocalEdit edit = a.t.store->outbox()->createCounterOrder(
            { { items.at(0).record.id, 1, QStringLiteral("no onions") }, { items.at(1).record.id, 2, QString() } },
            QStringLiteral("takeaway"));
        QVERIFY2(edit.ok, qPrintable(edit.error));
        QVERIFY(a.t.sync().ok);
        // The server keeps it on the line; the desk's copy has it back.
        qint64 id = 0;
        for (const OrderSummary &s : a.t.store->cache()->orderSummaries())
            if (s.note == QStringLiteral("takeaway"))
                id = s.id;
        QVERIFY(id > 0);
        auto http = Test::http(m_server);
        const QJsonArray lines = http->get(QStringLiteral("/api/orders/%1").arg(id)).object().value(QStringLiteral("items")).toArray();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).toObject().value(QStringLiteral("note")).toString(), QStringLiteral("no onions"));
        QCOMPARE(a.t.store->cache()->order(id)->record.items.at(0).note, QStringLiteral("no onions"));
        QCOMPARE(a.t.store->cache()->order(id)->record.items.at(1).note, QString());
        // And the ticket says it under the line.
        QVERIFY(!a.printing->host()->printTicket(a.t.store->cache()->order(id)->record, false).isEmpty());
        QTRY_COMPARE(a.printer.tickets().size(), 1);
        QVERIFY2(a.printer.tickets().constFirst().contains(QStringLiteral("> no onions")),
                 qPrintable(a.printer.tickets().constFirst()));
    }

    void withoutTheExtensionTheChoiceIsPerTerminal()
    {
        PrintTerminal a;
        QVERIFY2(a.open(m_server, QStringLiteral("Counter D"), false), qPrintable(a.t.error));
        QVERIFY(!a.t.client->hasFeature(QStringLiteral("print_host")));
        Ui::PrintersDialog d(a.t.store.get(), a.printing);
        d.setPrintHostLease(a.t.client.get(), a.keeper);
        QVERIFY2(noteOf(d).contains(QStringLiteral("per terminal")) && noteOf(d).contains(QStringLiteral("cannot check")),
                 qPrintable(noteOf(d)));
        tickAndSave(d);
        QVERIFY(a.printing->isKitchenHost());
        QVERIFY(!a.keeper->isKeeping());
    }
};

QTEST_MAIN(TestPrintTerminals)
#include "tst_print_terminals.moc"
