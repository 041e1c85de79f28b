#include "api/server/jsonwriter.h"

#include <cstdio>

namespace LittleLemon::Server {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.isEmpty()) {
        if (m_first.last())
            m_first.last() = false;
        else
            m_out += ',';
    }
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_first.append(true);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out += '}';
    m_first.removeLast();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_first.append(true);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out += ']';
    m_first.removeLast();
    return *this;
}

JsonWriter &JsonWriter::key(const char *name)
{
    separate();
    m_out += '"';
    m_out += name;
    m_out += "\":";
    m_afterKey = true;
    return *this;
}

void JsonWriter::appendString(QByteArray &out, const QString &text)
{
    // Encodes as it goes: no temporary UTF-8 copy of each string.
    out += '"';
    const char16_t *p = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = p[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != '"' && c != '\\') {
                out += char(c);
                continue;
            }
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default: {
                static const char hex[] = "0123456789abcdef";
                const char escaped[] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };
                out.append(escaped, 6);
            }
            }
            continue;
        }
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(p[i + 1])) {
            c = QChar::surrogateToUcs4(char16_t(c), p[i + 1]);
            ++i;
        } else if (QChar::isSurrogate(c)) {
            c = 0xFFFD; // a lone surrogate is not text: write the replacement character
        }
        if (c < 0x800) {
            out += char(0xC0 | (c >> 6));
        } else if (c < 0x10000) {
            out += char(0xE0 | (c >> 12));
            out += char(0x80 | ((c >> 6) & 0x3F));
        } else {
            out += char(0xF0 | (c >> 18));
            out += char(0x80 | ((c >> 12) & 0x3F));
            out += char(0x80 | ((c >> 6) & 0x3F));
        }
        out += char(0x80 | (c & 0x3F));
    }
    out += '"';
}

JsonWriter &JsonWriter::money(Money amount)
{
    separate();
    // Same text as Money::toString(), without the QString on the way.
    qint64 cents = amount.cents();
    m_out += '"';
    if (cents < 0) {
        m_out += '-';
        cents = -cents;
    }
    m_out += QByteArray::number(cents / 100);
    m_out += '.';
    m_out += char('0' + (cents % 100) / 10);
    m_out += char('0' + cents % 10);
    m_out += '"';
    return *this;
}

JsonWriter &JsonWriter::date(const QDate &day)
{
    separate();
    char text[16];
    const int n = std::snprintf(text, sizeof text, "\"%04d-%02d-%02d\"", day.year(), day.month(), day.day());
    m_out.append(text, n);
    return *this;
}

JsonWriter &JsonWriter::dateTime(const QDateTime &moment)
{
    separate();
    const QDateTime utc = moment.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    char text[40];
    const int n = std::snprintf(text, sizeof text, "\"%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\"", d.year(), d.month(),
                                d.day(), t.hour(), t.minute(), t.second(), t.msec());
    m_out.append(text, n);
    return *this;
}

JsonWriter &JsonWriter::value(const QString &text)
{
    separate();
    appendString(m_out, text);
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    m_out += QByteArray::number(number);
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out += flag ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out += "null";
    return *this;
}

JsonWriter &JsonWriter::raw(const QByteArray &json)
{
    separate();
    m_out += json;
    return *this;
}

namespace Wire {

void write(JsonWriter &w, const Category &c)
{
    w.beginObject().key("id").value(c.id).key("slug").value(c.slug).key("title").value(c.title).endObject();
}

void write(JsonWriter &w, const MenuItem &m)
{
    w.beginObject()
        .key("id").value(m.id)
        .key("title").value(m.title)
        .key("price").money(m.price)
        .key("featured").value(m.featured)
        .key("category").value(m.category)
        .key("available").value(m.available)
        .endObject();
}

void write(JsonWriter &w, const CartItem &c)
{
    w.beginObject()
        .key("id").value(c.id)
        .key("menuitem_name").value(c.menuitemName)
        .key("menuitem").value(c.menuitem)
        .key("quantity").value(c.quantity)
        .key("price").money(c.price)
        .endObject();
}

void write(JsonWriter &w, const OrderItem &i)
{
    w.beginObject()
        .key("menuitem").value(i.menuitem)
        .key("menuitem_title").value(i.menuitemTitle)
        .key("quantity").value(i.quantity)
        .key("unit_price").money(i.unitPrice)
        .key("price").money(i.price);
    if (!i.note.isEmpty()) // line_notes: only on a line that has one
        w.key("note").value(i.note);
    w.endObject();
}

void write(JsonWriter &w, const StageChange &s)
{
    w.beginObject().key("stage").value(toWire(s.stage)).key("by").value(s.by).key("at").dateTime(s.at).endObject();
}

void write(JsonWriter &w, const Order &o, bool withHistory)
{
    w.beginObject().key("id").value(o.id).key("user").value(o.user).key("delivery_crew");
    if (o.deliveryCrew)
        w.value(*o.deliveryCrew);
    else
        w.null();
    w.key("status").value(o.status)
        .key("total").money(o.total)
        .key("date").date(o.date)
        .key("items").beginArray();
    for (const OrderItem &i : o.items)
        write(w, i);
    w.endArray();
    if (o.stage)
        w.key("stage").value(toWire(*o.stage));
    w.key("note").value(o.note);
    if (withHistory) {
        w.key("history").beginArray();
        for (const StageChange &s : o.history)
            write(w, s);
        w.endArray();
    }
    w.endObject();
}

QByteArray orderDetail(const Order &o)
{
    JsonWriter w;
    write(w, o, true);
    return w.take();
}

void write(JsonWriter &w, const OrderCreated &o)
{
    w.beginObject().key("order_id").value(o.orderId).key("total").money(o.total).key("items").beginArray();
    for (const OrderItem &i : o.items)
        write(w, i);
    w.endArray().key("detail").value(o.detail).endObject();
}

void write(JsonWriter &w, const Booking &b)
{
    w.beginObject()
        .key("id").value(b.id)
        .key("user").value(b.user)
        .key("name").value(b.name)
        .key("phone").value(b.phone)
        .key("date").date(b.date)
        .key("time").value(b.time.toString(QStringLiteral("HH:mm")))
        .key("guests").value(b.guests)
        .key("table");
    if (b.table)
        w.value(*b.table);
    else
        w.null();
    w.key("notes").value(b.notes).key("status").value(toWire(b.status)).endObject();
}

void write(JsonWriter &w, const DiningTable &t)
{
    w.beginObject().key("id").value(t.id).key("name").value(t.name).key("seats").value(t.seats).endObject();
}

void writeMember(JsonWriter &w, const User &u)
{
    w.beginObject().key("id").value(u.id).key("username").value(u.username).key("email").value(u.email).endObject();
}

void writeMembership(JsonWriter &w, const QString &group, const User &u)
{
    w.beginObject()
        .key("group").value(group)
        .key("user").value(u.id)
        .key("username").value(u.username)
        .key("email").value(u.email)
        .endObject();
}

void writeMe(JsonWriter &w, const User &u)
{
    w.beginObject().key("email").value(u.email).key("username").value(u.username).key("id").value(u.id);
    w.key("groups").beginArray();
    for (const QString &g : u.groups)
        w.value(g);
    w.endArray().key("is_staff").value(u.isStaff).endObject();
}

} // namespace Wire
} // namespace LittleLemon::Server
