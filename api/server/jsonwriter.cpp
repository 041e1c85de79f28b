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
    w.beginObject();
    members(w, "id", c.id, "slug", c.slug, "title", c.title);
    w.endObject();
}

void write(JsonWriter &w, const MenuItem &m)
{
    w.beginObject();
    members(w, "id", m.id, "title", m.title, "price", m.price, "featured", m.featured, "category", m.category,
            "available", m.available);
    w.endObject();
}

void write(JsonWriter &w, const CartItem &c)
{
    w.beginObject();
    members(w, "id", c.id, "menuitem_name", c.menuitemName, "menuitem", c.menuitem, "quantity", c.quantity,
            "price", c.price);
    w.endObject();
}

void write(JsonWriter &w, const OrderItem &i)
{
    w.beginObject();
    members(w, "menuitem", i.menuitem, "menuitem_title", i.menuitemTitle, "quantity", i.quantity, "unit_price",
            i.unitPrice, "price", i.price);
    if (!i.note.isEmpty()) // line_notes: only on a line that has one
        members(w, "note", i.note);
    w.endObject();
}

void write(JsonWriter &w, const StageChange &s)
{
    w.beginObject();
    members(w, "stage", toWire(s.stage), "by", s.by, "at", s.at);
    w.endObject();
}

void write(JsonWriter &w, const Order &o, bool withHistory)
{
    w.beginObject();
    members(w, "id", o.id, "user", o.user, "delivery_crew", o.deliveryCrew, "status", o.status, "total", o.total,
            "date", o.date, "items", o.items);
    if (o.stage)
        members(w, "stage", toWire(*o.stage));
    members(w, "note", o.note);
    if (withHistory)
        members(w, "history", o.history);
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
    w.beginObject();
    members(w, "order_id", o.orderId, "total", o.total, "items", o.items, "detail", o.detail);
    w.endObject();
}

void write(JsonWriter &w, const Booking &b)
{
    w.beginObject();
    members(w, "id", b.id, "user", b.user, "name", b.name, "phone", b.phone, "date", b.date, "time",
            b.time.toString(QStringLiteral("HH:mm")), "guests", b.guests, "table", b.table, "notes", b.notes,
            "status", toWire(b.status));
    w.endObject();
}

void write(JsonWriter &w, const DiningTable &t)
{
    w.beginObject();
    members(w, "id", t.id, "name", t.name, "seats", t.seats);
    w.endObject();
}

void writeMember(JsonWriter &w, const User &u)
{
    w.beginObject();
    members(w, "id", u.id, "username", u.username, "email", u.email);
    w.endObject();
}

void writeMembership(JsonWriter &w, const QString &group, const User &u)
{
    w.beginObject();
    members(w, "group", group, "user", u.id, "username", u.username, "email", u.email);
    w.endObject();
}

void writeMe(JsonWriter &w, const User &u)
{
    w.beginObject();
    members(w, "email", u.email, "username", u.username, "id", u.id, "groups", u.groups, "is_staff", u.isStaff);
    w.endObject();
}

} // namespace Wire
} // namespace LittleLemon::Server
