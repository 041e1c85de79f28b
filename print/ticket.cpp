#include "print/ticket.h"

#include <QJsonArray>

namespace LittleLemon::Print {

namespace {

QString kindWire(Ticket::Kind k)
{
    switch (k) {
    case Ticket::Kind::Reprint:
        return QStringLiteral("reprint");
    case Ticket::Kind::Changed:
        return QStringLiteral("changed");
    case Ticket::Kind::New:
        break;
    }
    return QStringLiteral("new");
}

Ticket::Kind kindFromWire(const QString &s)
{
    if (s == u"reprint")
        return Ticket::Kind::Reprint;
    if (s == u"changed")
        return Ticket::Kind::Changed;
    return Ticket::Kind::New;
}

QString whereWire(Ticket::Where w)
{
    switch (w) {
    case Ticket::Where::Table:
        return QStringLiteral("table");
    case Ticket::Where::Online:
        return QStringLiteral("online");
    case Ticket::Where::Counter:
        break;
    }
    return QStringLiteral("counter");
}

Ticket::Where whereFromWire(const QString &s)
{
    if (s == u"table")
        return Ticket::Where::Table;
    if (s == u"online")
        return Ticket::Where::Online;
    return Ticket::Where::Counter;
}

QString timeText(const QDateTime &at, const QLocale &locale)
{
    return locale.toString(at.toLocalTime(), QStringLiteral("HH:mm"));
}

QString dateTimeText(const QDateTime &at, const QLocale &locale)
{
    return locale.toString(at.toLocalTime().date(), QLocale::ShortFormat) + u' ' + timeText(at, locale);
}

QString quantityText(const TicketLine &l, Ticket::Kind kind)
{
    if (kind == Ticket::Kind::Changed)
        return (l.quantity > 0 ? QStringLiteral("+%1") : QStringLiteral("%1")).arg(l.quantity);
    return QString::number(l.quantity);
}

} // namespace

QJsonObject Ticket::toJson() const
{
    QJsonArray items;
    for (const TicketLine &l : lines)
        items.append(QJsonObject { { QStringLiteral("quantity"), l.quantity },
                                   { QStringLiteral("title"), l.title },
                                   { QStringLiteral("note"), l.note },
                                   { QStringLiteral("unit_price"), l.unitPrice.toString() },
                                   { QStringLiteral("price"), l.price.toString() } });
    return { { QStringLiteral("kind"), kindWire(kind) },
             { QStringLiteral("order"), orderId },
             { QStringLiteral("placed_at"), placedAt.toUTC().toString(Qt::ISODateWithMs) },
             { QStringLiteral("reprinted_at"),
               reprintedAt.isValid() ? reprintedAt.toUTC().toString(Qt::ISODateWithMs) : QString() },
             { QStringLiteral("station"), station },
             { QStringLiteral("where"), whereWire(where) },
             { QStringLiteral("table"), table },
             { QStringLiteral("lines"), items },
             { QStringLiteral("note"), orderNote },
             { QStringLiteral("total"), total.toString() } };
}

Ticket Ticket::fromJson(const QJsonObject &o)
{
    Ticket t;
    t.kind = kindFromWire(o.value(QStringLiteral("kind")).toString());
    t.orderId = o.value(QStringLiteral("order")).toInteger();
    t.placedAt = QDateTime::fromString(o.value(QStringLiteral("placed_at")).toString(), Qt::ISODateWithMs);
    t.reprintedAt = QDateTime::fromString(o.value(QStringLiteral("reprinted_at")).toString(), Qt::ISODateWithMs);
    t.station = o.value(QStringLiteral("station")).toString();
    t.where = whereFromWire(o.value(QStringLiteral("where")).toString());
    t.table = o.value(QStringLiteral("table")).toString();
    t.orderNote = o.value(QStringLiteral("note")).toString();
    t.total = Money::parse(o.value(QStringLiteral("total")).toString(), Money::LineTotal).value_or(Money());
    for (const QJsonValue &v : o.value(QStringLiteral("lines")).toArray()) {
        const QJsonObject l = v.toObject();
        TicketLine line;
        line.quantity = l.value(QStringLiteral("quantity")).toInt();
        line.title = l.value(QStringLiteral("title")).toString();
        line.note = l.value(QStringLiteral("note")).toString();
        // A CHANGED ticket's line has a negative quantity, so a negative price.
        constexpr Money::ParseRules signedLine { true, 8 };
        line.unitPrice = Money::parse(l.value(QStringLiteral("unit_price")).toString(), signedLine).value_or(Money());
        line.price = Money::parse(l.value(QStringLiteral("price")).toString(), signedLine).value_or(Money());
        t.lines.append(line);
    }
    return t;
}

QList<TicketLine> Ticket::difference(const QList<TicketLine> &before, const QList<TicketLine> &after)
{
    const auto count = [](const QList<TicketLine> &lines, const TicketLine &like) {
        int n = 0;
        for (const TicketLine &l : lines)
            if (l.title == like.title && l.note == like.note)
                n += l.quantity;
        return n;
    };
    QList<TicketLine> out;
    QList<TicketLine> seen;
    const auto consider = [&](const TicketLine &l) {
        for (const TicketLine &s : seen)
            if (s.title == l.title && s.note == l.note)
                return;
        seen.append(l);
        const int delta = count(after, l) - count(before, l);
        if (delta != 0) {
            TicketLine d = l;
            d.quantity = delta;
            d.price = l.unitPrice * delta;
            out.append(d);
        }
    };
    for (const TicketLine &l : after)
        consider(l);
    for (const TicketLine &l : before)
        consider(l);
    return out;
}

QString formatMoney(Money amount, const QLocale &locale, const QString &symbol)
{
    const QString number = amount.toInput(locale);
    if (symbol.isEmpty())
        return number;
    // The locale's pattern for "1 unit", with our exact number put in its place.
    // Thermal printers print a no-break space as a box or not at all: a plain space.
    QString one = locale.toCurrencyString(qlonglong(1), symbol);
    one.replace(QChar(0x00A0), u' ').replace(QChar(0x202F), u' ');
    const qsizetype at = one.indexOf(u'1');
    if (at < 0)
        return symbol + number;
    return one.left(at) + number + one.mid(at + 1);
}

QString TicketLayout::whereText(const Ticket &ticket)
{
    switch (ticket.where) {
    case Ticket::Where::Table:
        return tr("Table %1").arg(ticket.table);
    case Ticket::Where::Online:
        return tr("Online");
    case Ticket::Where::Counter:
        break;
    }
    return tr("Counter");
}

QStringList TicketLayout::kitchenTicketLines(const Ticket &ticket, int columns, const QLocale &locale)
{
    QStringList out;
    out.append(QStringLiteral("**") + ticket.station.toUpper());
    if (ticket.kind == Ticket::Kind::Reprint)
        out.append(QStringLiteral("**") + tr("REPRINT %1").arg(timeText(ticket.reprintedAt, locale)));
    else if (ticket.kind == Ticket::Kind::Changed)
        out.append(QStringLiteral("**") + tr("CHANGED"));
    out.append(QStringLiteral("**") + tr("Order #%1").arg(ticket.orderId));
    out.append(whereText(ticket) + QStringLiteral(" - ") + timeText(ticket.placedAt, locale));
    out.append(QString(columns, u'-'));
    for (const TicketLine &l : ticket.lines) {
        for (const QString &w : wrapText(quantityText(l, ticket.kind) + QStringLiteral(" x ") + l.title, columns))
            out.append(QStringLiteral("**") + w);
        if (!l.note.isEmpty())
            for (const QString &w : wrapText(QStringLiteral("> ") + l.note, columns - 3))
                out.append(QStringLiteral("   ") + w);
    }
    out.append(QString(columns, u'-'));
    if (!ticket.orderNote.isEmpty())
        out.append(wrapText(tr("Note: %1").arg(ticket.orderNote), columns));
    return out;
}

QByteArray TicketLayout::kitchenTicket(const Ticket &ticket, const LayoutOptions &options)
{
    EscPosWriter w(options.codePage, columnsFor(options.width));
    w.init().align(EscPosWriter::Align::Center).bold(true).doubleSize(true);
    w.line(ticket.station.toUpper());
    if (ticket.kind == Ticket::Kind::Reprint)
        w.line(tr("REPRINT %1").arg(timeText(ticket.reprintedAt, options.locale)));
    else if (ticket.kind == Ticket::Kind::Changed)
        w.line(tr("CHANGED"));
    w.line(tr("Order #%1").arg(ticket.orderId));
    w.doubleSize(false).bold(false);
    w.line(whereText(ticket) + QStringLiteral(" - ") + timeText(ticket.placedAt, options.locale));
    w.align(EscPosWriter::Align::Left).rule();
    for (const TicketLine &l : ticket.lines) {
        // Large quantities and dishes: read from a step away at the pass.
        w.bold(true).doubleSize(true).line(quantityText(l, ticket.kind) + QStringLiteral(" x ") + l.title);
        w.doubleSize(false).bold(false);
        if (!l.note.isEmpty())
            w.line(QStringLiteral("> ") + l.note, 3);
    }
    w.rule();
    if (!ticket.orderNote.isEmpty())
        w.bold(true).line(tr("Note: %1").arg(ticket.orderNote)).bold(false);
    w.feed(3).cut();
    return w.bytes();
}

QStringList TicketLayout::receiptLines(const Ticket &ticket, int columns, const LayoutOptions &options)
{
    const auto pair = [columns](const QString &left, const QString &right) {
        QStringList lines = wrapText(left, columns);
        const QString last = lines.takeLast();
        if (last.size() + 1 + right.size() <= columns)
            lines.append(last + QString(columns - last.size() - right.size(), u' ') + right);
        else
            lines << last << QString(qMax<qsizetype>(0, columns - right.size()), u' ') + right;
        return lines;
    };
    QStringList out;
    out.append(QStringLiteral("**") + options.restaurant);
    out.append(tr("Order #%1").arg(ticket.orderId));
    out.append(dateTimeText(ticket.placedAt, options.locale));
    out.append(QString(columns, u'-'));
    for (const TicketLine &l : ticket.lines) {
        out.append(pair(QString::number(l.quantity) + QStringLiteral(" x ") + l.title,
                        formatMoney(l.price, options.locale, options.currencySymbol)));
        if (l.quantity > 1)
            out.append(QStringLiteral("   ")
                       + tr("%1 each").arg(formatMoney(l.unitPrice, options.locale, options.currencySymbol)));
    }
    out.append(QString(columns, u'-'));
    out.append(pair(QStringLiteral("**") + tr("TOTAL"), formatMoney(ticket.total, options.locale, options.currencySymbol)));
    out.append(tr("Thank you!"));
    return out;
}

QByteArray TicketLayout::receipt(const Ticket &ticket, const LayoutOptions &options)
{
    EscPosWriter w(options.codePage, columnsFor(options.width));
    const auto money = [&](Money m) { return formatMoney(m, options.locale, options.currencySymbol); };
    w.init().align(EscPosWriter::Align::Center).bold(true).doubleSize(true).line(options.restaurant);
    w.doubleSize(false).bold(false);
    if (ticket.kind == Ticket::Kind::Reprint)
        w.bold(true).line(tr("REPRINT %1").arg(timeText(ticket.reprintedAt, options.locale))).bold(false);
    w.line(tr("Order #%1").arg(ticket.orderId));
    w.line(dateTimeText(ticket.placedAt, options.locale));
    w.align(EscPosWriter::Align::Left).rule();
    for (const TicketLine &l : ticket.lines) {
        w.columns(QString::number(l.quantity) + QStringLiteral(" x ") + l.title, money(l.price));
        if (l.quantity > 1)
            w.line(tr("%1 each").arg(money(l.unitPrice)), 3);
    }
    w.rule().bold(true).doubleSize(true).columns(tr("TOTAL"), money(ticket.total)).doubleSize(false).bold(false);
    w.feed(1).align(EscPosWriter::Align::Center).line(tr("Thank you!"));
    w.feed(3).cut();
    return w.bytes();
}

QByteArray TicketLayout::testPage(const QString &printerName, const LayoutOptions &options)
{
    EscPosWriter w(options.codePage, columnsFor(options.width));
    w.init().align(EscPosWriter::Align::Center).bold(true).doubleSize(true).line(tr("Test page"));
    w.doubleSize(false).bold(false).line(printerName);
    w.line(tr("%1 mm, %2 columns, %3").arg(int(options.width)).arg(columnsFor(options.width)).arg(codePageName(options.codePage)));
    w.align(EscPosWriter::Align::Left).rule();
    w.line(QStringLiteral("ÁÉÍÓÚ áéíóú ÂÊÔ âêô ÃÕ ãõ Çç Ññ ¿¡ €"));
    w.line(QStringLiteral("0123456789012345678901234567890123456789012345678"));
    w.bold(true).line(tr("Bold")).bold(false).doubleSize(true).line(tr("Double size")).doubleSize(false);
    w.feed(3).cut();
    return w.bytes();
}

} // namespace LittleLemon::Print
