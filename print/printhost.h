#pragma once

#include "models/order.h"
#include "print/printqueue.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace LittleLemon::Print {

// Turns orders into print jobs: one kitchen ticket per station that has items
// for it (listing only its items), receipts, reprints. On the terminal chosen
// as the kitchen printer host it prints every new order once: the order's
// tickets and "highest order printed" are written in one transaction, so an
// order is queued once however often it is seen, and orders that arrived
// while no host ran are queued, oldest first, when it starts.
class PrintHost : public QObject
{
    Q_OBJECT
public:
    // Which category a menu item belongs to (0: unknown).
    using CategoryOf = std::function<qint64(qint64 menuItem)>;
    // Where an order is eaten (a table, the counter, online).
    using WhereOf = std::function<Ticket::Where(const Order &order)>;

    PrintHost(PrintQueue *queue, CategoryOf categoryOf, QObject *parent = nullptr);
    void setWhereOf(WhereOf whereOf) { m_whereOf = std::move(whereOf); }
    // Notes kept on this terminal (per order line, by menu item) when the
    // server cannot store them (the cloud).
    void setLineNotes(qint64 orderId, const QHash<qint64, QString> &notes);

    // The station a category prints at: its route, else the first printer.
    QString stationFor(qint64 category) const;
    QList<Ticket> ticketsFor(const Order &order) const;

    // Automatic printing (only where this terminal is the print host).
    // Queues the order's tickets unless it (or a later order) was printed
    // already; true when something was queued.
    bool printNew(const Order &order);
    // Orders seen at start: those past the highest printed, oldest first. On
    // the very first start nothing is printed (no history on paper): the
    // newest order becomes the starting point.
    int catchUp(QList<Order> orders);
    // An order printed automatically whose lines changed since: a CHANGED
    // ticket per station with only the difference ("+1 Soda", "-2 Fries"),
    // queued once however often the change is seen. False when nothing
    // differs or the order was not printed here.
    bool printChanged(const Order &order);

    // By hand, from the order's dialog.
    QList<qint64> printTicket(const Order &order, bool reprint);
    qint64 printReceipt(const Order &order, bool reprint);
    qint64 printTestPage(const QString &printer);

private:
    Ticket baseTicket(const Order &order) const;
    QString receiptPrinter() const;

    PrintQueue *m_queue;
    CategoryOf m_categoryOf;
    WhereOf m_whereOf;
    QHash<qint64, QHash<qint64, QString>> m_lineNotes;
};

} // namespace LittleLemon::Print
