#include "print/printhost.h"

#include <algorithm>

namespace LittleLemon::Print {

PrintHost::PrintHost(PrintQueue *queue, CategoryOf categoryOf, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_categoryOf(std::move(categoryOf))
{
}

void PrintHost::setLineNotes(qint64 orderId, const QHash<qint64, QString> &notes)
{
    m_lineNotes.insert(orderId, notes);
}

QString PrintHost::stationFor(qint64 category) const
{
    const QString routed = m_queue->routes().value(category);
    if (!routed.isEmpty())
        return routed;
    const QList<PrinterConfig> printers = m_queue->printers();
    return printers.isEmpty() ? QStringLiteral("kitchen") : printers.first().name;
}

Ticket PrintHost::baseTicket(const Order &order) const
{
    Ticket t;
    t.orderId = order.id;
    // The order's own time when the history has it; the cloud gives only a date.
    t.placedAt = order.history.isEmpty() ? QDateTime::currentDateTime() : order.history.first().at.toLocalTime();
    t.where = m_whereOf ? m_whereOf(order) : Ticket::Where::Counter;
    t.orderNote = order.note;
    t.total = order.total;
    const QHash<qint64, QString> notes = m_lineNotes.value(order.id);
    for (const OrderItem &item : order.items)
        // The server's note on the line (line_notes), else one kept on this terminal.
        t.lines.append({ item.quantity, item.menuitemTitle, item.note.isEmpty() ? notes.value(item.menuitem) : item.note,
                         item.unitPrice, item.price });
    return t;
}

QList<Ticket> PrintHost::ticketsFor(const Order &order) const
{
    const Ticket all = baseTicket(order);
    QList<Ticket> out;
    const QHash<qint64, QString> routes = m_queue->routes();
    const QList<PrinterConfig> printers = m_queue->printers();
    const QString fallback = printers.isEmpty() ? QStringLiteral("kitchen") : printers.first().name;
    for (qsizetype i = 0; i < order.items.size(); ++i) {
        const qint64 category = m_categoryOf ? m_categoryOf(order.items.at(i).menuitem) : 0;
        const QString station = routes.value(category, fallback);
        auto it = std::find_if(out.begin(), out.end(), [&](const Ticket &t) { return t.station == station; });
        if (it == out.end()) {
            Ticket t = all;
            t.station = station;
            t.lines.clear();
            out.append(t);
            it = out.end() - 1;
        }
        it->lines.append(all.lines.at(i));
    }
    return out;
}

bool PrintHost::printNew(const Order &order)
{
    if (order.id <= 0 || order.items.isEmpty())
        return false;
    QList<PrintJob> jobs;
    for (const Ticket &t : ticketsFor(order)) {
        PrintJob job;
        job.printer = t.station;
        job.orderId = order.id;
        job.kind = PrintJob::Kind::Ticket;
        job.ticket = t;
        jobs.append(job);
    }
    return m_queue->enqueueOrder(order.id, jobs);
}

int PrintHost::catchUp(QList<Order> orders)
{
    std::sort(orders.begin(), orders.end(), [](const Order &a, const Order &b) { return a.id < b.id; });
    if (!m_queue->highestOrderPrinted()) {
        m_queue->setHighestOrderPrinted(orders.isEmpty() ? 0 : orders.last().id);
        return 0;
    }
    int queued = 0;
    for (const Order &o : orders)
        if (!isFinal(o.effectiveStage()) && printNew(o))
            ++queued;
    return queued;
}

bool PrintHost::printChanged(const Order &order)
{
    if (order.id <= 0)
        return false;
    const QHash<QString, Ticket> before = m_queue->printedTickets(order.id);
    if (before.isEmpty())
        return false;
    QHash<QString, Ticket> now;
    for (const Ticket &t : ticketsFor(order))
        now.insert(t.station, t);
    QStringList stations = before.keys();
    for (const QString &s : now.keys())
        if (!stations.contains(s))
            stations.append(s);
    stations.sort();
    QHash<QString, Ticket> after = before;
    QList<PrintJob> jobs;
    const Ticket base = baseTicket(order);
    for (const QString &station : std::as_const(stations)) {
        const QList<TicketLine> was = before.value(station).lines;
        const QList<TicketLine> is = now.value(station).lines;
        const QList<TicketLine> diff = Ticket::difference(was, is);
        if (diff.isEmpty())
            continue;
        PrintJob job;
        job.printer = station;
        job.orderId = order.id;
        job.kind = PrintJob::Kind::Ticket;
        job.ticket = base;
        job.ticket.station = station;
        job.ticket.kind = Ticket::Kind::Changed;
        job.ticket.lines = diff;
        jobs.append(job);
        Ticket printed = base;
        printed.station = station;
        printed.lines = is;
        after.insert(station, printed);
    }
    if (jobs.isEmpty())
        return false;
    return m_queue->enqueueChange(order.id, jobs, before, after);
}

QList<qint64> PrintHost::printTicket(const Order &order, bool reprint)
{
    QList<qint64> ids;
    for (Ticket t : ticketsFor(order)) {
        PrintJob job;
        job.printer = t.station;
        job.orderId = order.id;
        job.kind = PrintJob::Kind::Ticket;
        if (reprint) {
            t.kind = Ticket::Kind::Reprint;
            t.reprintedAt = QDateTime::currentDateTime();
        }
        job.ticket = t;
        if (const qint64 id = m_queue->enqueue(job))
            ids.append(id);
    }
    return ids;
}

QString PrintHost::receiptPrinter() const
{
    const QList<PrinterConfig> printers = m_queue->printers();
    for (const PrinterConfig &p : printers)
        if (p.receipts)
            return p.name;
    return printers.isEmpty() ? QString() : printers.first().name;
}

qint64 PrintHost::printReceipt(const Order &order, bool reprint)
{
    PrintJob job;
    job.printer = receiptPrinter();
    if (job.printer.isEmpty())
        return 0;
    job.orderId = order.id;
    job.kind = PrintJob::Kind::Receipt;
    job.ticket = baseTicket(order);
    if (reprint) {
        job.ticket.kind = Ticket::Kind::Reprint;
        job.ticket.reprintedAt = QDateTime::currentDateTime();
    }
    return m_queue->enqueue(job);
}

qint64 PrintHost::printTestPage(const QString &printer)
{
    PrintJob job;
    job.printer = printer;
    job.kind = PrintJob::Kind::TestPage;
    return m_queue->enqueue(job);
}

} // namespace LittleLemon::Print
