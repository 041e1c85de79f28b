#pragma once

#include "models/money.h"
#include "print/escposwriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QString>

namespace LittleLemon {
struct Order;
}

namespace LittleLemon::Print {

struct TicketLine
{
    int quantity = 0; // on a CHANGED ticket: the difference, +2 or -1
    QString title;
    QString note; // "no onions", printed under the line
    Money unitPrice;
    Money price;

    bool operator==(const TicketLine &o) const
    {
        return quantity == o.quantity && title == o.title && note == o.note && unitPrice == o.unitPrice
            && price == o.price;
    }
};

// What a kitchen ticket or a receipt says, independent of how it is printed.
struct Ticket
{
    enum class Kind { New, Reprint, Changed };
    enum class Where { Counter, Table, Online };

    Kind kind = Kind::New;
    qint64 orderId = 0;
    QDateTime placedAt;    // local time is printed
    QDateTime reprintedAt; // for Reprint
    QString station;       // "kitchen", "bar": printed on top of a kitchen ticket
    Where where = Where::Counter;
    QString table; // for Where::Table: "4"
    QList<TicketLine> lines;
    QString orderNote;
    Money total;

    QJsonObject toJson() const;
    static Ticket fromJson(const QJsonObject &o);
    // The lines of `after` that differ from `before` (by title and note), with
    // the quantity's difference: what a CHANGED ticket lists.
    static QList<TicketLine> difference(const QList<TicketLine> &before, const QList<TicketLine> &after);
};

// What the receipt's money and the header look like.
struct LayoutOptions
{
    PaperWidth width = PaperWidth::Mm80;
    CodePage codePage = CodePage::Cp858;
    QLocale locale;
    QString currencySymbol; // "$", "R$", "€"; empty: the number alone
    QString restaurant = QStringLiteral("Little Lemon");
};

// Money as the locale writes it, with the symbol where the locale puts it
// ("$12.50", "R$ 12,50", "12,50 €"). No floating point on the way.
QString formatMoney(Money amount, const QLocale &locale, const QString &symbol);

// Lays out kitchen tickets and receipts as ESC/POS bytes.
class TicketLayout
{
    Q_DECLARE_TR_FUNCTIONS(LittleLemon::Print::TicketLayout)
public:
    static QByteArray kitchenTicket(const Ticket &ticket, const LayoutOptions &options);
    static QByteArray receipt(const Ticket &ticket, const LayoutOptions &options);
    static QByteArray testPage(const QString &printerName, const LayoutOptions &options);
    // The same content as plain lines (for the system printer and PDF, which
    // draw text rather than send commands). Bold/large lines start with "**".
    static QStringList kitchenTicketLines(const Ticket &ticket, int columns, const QLocale &locale);
    static QStringList receiptLines(const Ticket &ticket, int columns, const LayoutOptions &options);
    static QString whereText(const Ticket &ticket);
};

} // namespace LittleLemon::Print
