#include "ui/orderdetailsdialog.h"

#include "models/localstore.h"
#include "print/printservice.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

OrderDetailsDialog::OrderDetailsDialog(LocalStore *store, qint64 orderId, QWidget *parent)
    : QDialog(parent)
{
    auto *layout = new QVBoxLayout(this);
    const auto cached = store->cache()->order(orderId);
    setWindowTitle(orderId > 0 ? tr("Order #%1").arg(orderId) : tr("New order"));
    if (!cached) {
        layout->addWidget(new QLabel(tr("This order is no longer here."), this));
    } else {
        const Order &o = cached->record;
        auto *head = new QLabel(this);
        head->setProperty("role", QStringLiteral("title"));
        head->setText(tr("%1 · %2 · %3").arg(windowTitle(), displayName(o.effectiveStage()), o.total.toDisplay()));
        layout->addWidget(head);
        QStringList facts;
        facts << tr("Date: %1").arg(QLocale().toString(o.date, QLocale::LongFormat));
        const QString crew = o.deliveryCrew ? store->cache()->userName(*o.deliveryCrew) : QString();
        facts << (o.deliveryCrew ? tr("Delivery: %1").arg(crew.isEmpty() ? QString::number(*o.deliveryCrew) : crew)
                                 : tr("Delivery: nobody yet"));
        if (!o.note.isEmpty())
            facts << tr("Note: %1").arg(o.note);
        if (cached->sync != SyncState::Synced)
            facts << displayName(cached->sync);
        auto *info = new QLabel(facts.join(u'\n'), this);
        info->setWordWrap(true);
        layout->addWidget(info);

        auto *lines = new QTableWidget(int(o.items.size()), 4, this);
        lines->setHorizontalHeaderLabels({ tr("Item"), tr("Qty"), tr("Unit price"), tr("Price") });
        lines->verticalHeader()->hide();
        lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
        for (int i = 0; i < o.items.size(); ++i) {
            const OrderItem &item = o.items.at(i);
            // A line's note ("no onions", our server's line_notes) under the dish, as the ticket prints it.
            auto *dish = new QTableWidgetItem(item.note.isEmpty() ? item.menuitemTitle
                                                                   : tr("%1\n  Note: %2").arg(item.menuitemTitle, item.note));
            dish->setToolTip(dish->text());
            lines->setItem(i, 0, dish);
            auto right = [](const QString &text) {
                auto *cell = new QTableWidgetItem(text);
                cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                return cell;
            };
            lines->setItem(i, 1, right(QString::number(item.quantity)));
            lines->setItem(i, 2, right(item.unitPrice.toDisplay()));
            lines->setItem(i, 3, right(item.price.toDisplay()));
        }
        lines->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        // The numbers' columns as wide as their titles need ("Precio unitario").
        for (int column = 1; column < lines->columnCount(); ++column)
            lines->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
        lines->resizeRowsToContents();
        layout->addWidget(lines, 1);

        if (!o.history.isEmpty()) {
            QStringList steps;
            for (const StageChange &s : o.history) {
                const QString who = store->cache()->userName(s.by);
                steps << tr("%1 — %2%3")
                             .arg(QLocale().toString(s.at.toLocalTime(), QLocale::ShortFormat), displayName(s.stage),
                                  who.isEmpty() ? QString() : tr(" (%1)").arg(who));
            }
            auto *history = new QLabel(tr("History:\n%1").arg(steps.join(u'\n')), this);
            history->setWordWrap(true);
            layout->addWidget(history);
        }
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Printing by hand: a ticket printed before comes out marked REPRINT with the time.
    if (auto *printing = Print::PrintService::of(store); printing && cached && orderId > 0) {
        const Order order = cached->record;
        auto *ticket = buttons->addButton(tr("Print ticket"), QDialogButtonBox::ActionRole);
        auto *receipt = buttons->addButton(tr("Print receipt"), QDialogButtonBox::ActionRole);
        auto *said = new QLabel(this);
        said->setObjectName(QStringLiteral("printResult"));
        layout->addWidget(said);
        const auto printed = [printing, orderId] {
            for (const Print::PrintJob &j : printing->queue()->jobs())
                if (j.orderId == orderId)
                    return true;
            return false;
        };
        connect(ticket, &QPushButton::clicked, this, [printing, order, printed, said] {
            const bool again = printed();
            const int n = int(printing->host()->printTicket(order, again).size());
            said->setText(n > 0 ? tr("%n ticket(s) queued.", nullptr, n) : tr("No printer is set up (Desk > Printers)."));
        });
        connect(receipt, &QPushButton::clicked, this, [printing, order, said] {
            const bool ok = printing->host()->printReceipt(order, false) > 0;
            said->setText(ok ? tr("Receipt queued.") : tr("No printer is set up (Desk > Printers)."));
        });
    }
    layout->addWidget(buttons);
    resize(560, 480);
}

} // namespace LittleLemon::Ui
