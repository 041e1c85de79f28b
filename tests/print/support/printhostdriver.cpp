// A headless print host for the kill -9 test: the same PrintQueue,
// PrintSpooler and PrintHost the desk runs, over a queue file, one network
// printer, and orders 1..N arriving at start (each queued once: a restart
// sees them again and queues nothing). Runs until killed.
//
//   printhostdriver QUEUE_FILE HOST:PORT ORDERS
#include "print/printhost.h"
#include "print/printqueue.h"
#include "print/printspooler.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace LittleLemon;
using namespace LittleLemon::Print;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        QTextStream(stderr) << "usage: printhostdriver QUEUE_FILE HOST:PORT ORDERS\n";
        return 2;
    }
    PrintQueue queue;
    QString error;
    if (!queue.open(args.at(1), &error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    if (queue.printers().isEmpty())
        queue.savePrinters({ { QStringLiteral("kitchen"), PrinterConfig::Kind::Network, args.at(2), PaperWidth::Mm80,
                               CodePage::Cp858, true } });
    if (!queue.highestOrderPrinted())
        queue.setHighestOrderPrinted(0);
    PrintSpooler spooler(&queue);
    PrintHost host(&queue, [](qint64) { return qint64(0); });
    spooler.start();
    int queued = 0;
    for (int id = 1; id <= args.at(3).toInt(); ++id) {
        Order o;
        o.id = id;
        o.items.append({ 1, QStringLiteral("Greek salad"), 1, Money(1250), Money(1250) });
        o.total = Money(1250);
        queued += host.printNew(o) ? 1 : 0;
    }
    QTextStream(stdout) << "queued " << queued << Qt::endl;
    return app.exec();
}
