// The encoders of every contract shape (the decoders are in jsoncodec.cpp).

#include "jsoncodec.h"

namespace LittleLemon::Json {

namespace {

QJsonValue nullable(const std::optional<qint64> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString isoUtc(const QDateTime &dt)
{
    return dt.toUTC().toString(Qt::ISODateWithMs);
}

const QString kId = QStringLiteral("id");

} // namespace

// ---- encoders --------------------------------------------------------------

QJsonObject encode(const Category &c)
{
    return { { kId, c.id }, { QStringLiteral("slug"), c.slug }, { QStringLiteral("title"), c.title } };
}

QJsonObject encode(const MenuItem &m, Flavor flavor)
{
    QJsonObject o { { kId, m.id },
                    { QStringLiteral("title"), m.title },
                    { QStringLiteral("price"), m.price.toString() },
                    { QStringLiteral("featured"), m.featured },
                    { QStringLiteral("category"), m.category } };
    if (flavor == Flavor::Extended)
        o.insert(QStringLiteral("available"), m.available);
    return o;
}

QJsonObject encode(const CartItem &c)
{
    return { { kId, c.id },
             { QStringLiteral("menuitem_name"), c.menuitemName },
             { QStringLiteral("menuitem"), c.menuitem },
             { QStringLiteral("quantity"), c.quantity },
             { QStringLiteral("price"), c.price.toString() } };
}

QJsonObject encode(const OrderItem &i)
{
    QJsonObject out { { QStringLiteral("menuitem"), i.menuitem },
                      { QStringLiteral("menuitem_title"), i.menuitemTitle },
                      { QStringLiteral("quantity"), i.quantity },
                      { QStringLiteral("unit_price"), i.unitPrice.toString() },
                      { QStringLiteral("price"), i.price.toString() } };
    if (!i.note.isEmpty()) // line_notes: only where there is one, as our server writes it
        out.insert(QStringLiteral("note"), i.note);
    return out;
}

QJsonObject encode(const StageChange &s)
{
    return { { QStringLiteral("stage"), toWire(s.stage) },
             { QStringLiteral("by"), s.by },
             { QStringLiteral("at"), isoUtc(s.at) } };
}

QJsonObject encode(const Order &o, Flavor flavor)
{
    QJsonObject out { { kId, o.id },
                      { QStringLiteral("user"), o.user },
                      { QStringLiteral("delivery_crew"), nullable(o.deliveryCrew) },
                      { QStringLiteral("status"), o.status },
                      { QStringLiteral("total"), o.total.toString() },
                      { QStringLiteral("date"), o.date.toString(Qt::ISODate) },
                      { QStringLiteral("items"), encodeList(o.items) } };
    if (flavor == Flavor::Extended) {
        if (o.stage)
            out.insert(QStringLiteral("stage"), toWire(*o.stage));
        out.insert(QStringLiteral("note"), o.note);
        if (!o.history.isEmpty())
            out.insert(QStringLiteral("history"), encodeList(o.history));
    }
    return out;
}

QJsonObject encode(const OrderCreated &o)
{
    return { { QStringLiteral("order_id"), o.orderId },
             { QStringLiteral("total"), o.total.toString() },
             { QStringLiteral("items"), encodeList(o.items) },
             { QStringLiteral("detail"), o.detail } };
}

QJsonObject encode(const Booking &b)
{
    return { { kId, b.id },
             { QStringLiteral("user"), b.user },
             { QStringLiteral("name"), b.name },
             { QStringLiteral("phone"), b.phone },
             { QStringLiteral("date"), b.date.toString(Qt::ISODate) },
             { QStringLiteral("time"), b.time.toString(QStringLiteral("HH:mm")) },
             { QStringLiteral("guests"), b.guests },
             { QStringLiteral("table"), nullable(b.table) },
             { QStringLiteral("notes"), b.notes },
             { QStringLiteral("status"), toWire(b.status) } };
}

QJsonObject encode(const DiningTable &t)
{
    return { { kId, t.id }, { QStringLiteral("name"), t.name }, { QStringLiteral("seats"), t.seats } };
}

QJsonObject encode(const TokenPair &t)
{
    return { { QStringLiteral("refresh"), t.refresh }, { QStringLiteral("access"), t.access } };
}

QJsonObject encode(const ServerMeta &m)
{
    QJsonObject o { { QStringLiteral("server"), m.server },
                    { QStringLiteral("version"), m.version },
                    { QStringLiteral("features"), QJsonArray::fromStringList(m.features) } };
    if (!m.limits.isEmpty())
        o.insert(QStringLiteral("limits"), m.limits);
    return o;
}

QJsonObject encode(const Change &c)
{
    QJsonObject o { { QStringLiteral("seq"), c.seq },
                    { QStringLiteral("entity"), c.entity },
                    { kId, c.id },
                    { QStringLiteral("op"),
                      c.op == Change::Op::Upsert ? QStringLiteral("upsert") : QStringLiteral("delete") } };
    if (c.op == Change::Op::Upsert)
        o.insert(QStringLiteral("data"), c.data);
    return o;
}

QJsonObject encode(const ChangeFeed &f)
{
    return { { QStringLiteral("changes"), encodeList(f.changes) }, { QStringLiteral("next"), f.next } };
}

QJsonObject encodeMember(const User &u)
{
    return { { kId, u.id }, { QStringLiteral("username"), u.username }, { QStringLiteral("email"), u.email } };
}

QJsonObject encodeMe(const User &u, Flavor flavor)
{
    QJsonObject o { { QStringLiteral("email"), u.email }, { QStringLiteral("username"), u.username } };
    if (flavor == Flavor::Extended) {
        o.insert(kId, u.id);
        o.insert(QStringLiteral("groups"), QJsonArray::fromStringList(u.groups));
        o.insert(QStringLiteral("is_staff"), u.isStaff);
    }
    return o;
}

} // namespace LittleLemon::Json
