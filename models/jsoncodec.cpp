// The strict decoders (and parse); the encoders are in jsonencode.cpp.

#include "jsoncodec.h"

#include "models/fieldlimits.h"

#include <QJsonDocument>

#include <cmath>

namespace LittleLemon::Json {

namespace {

// Largest integer a JSON number (a double) holds exactly.
constexpr double kMaxExactInteger = 9007199254740992.0;

// Reads the fields of one JSON object. The first problem is kept and every
// later read becomes a no-op, so a decoder reads all fields, then asks ok().
class Reader
{
public:
    Reader(const QJsonValue &value, const QString &path, DecodeError *error)
        : m_path(path)
        , m_error(error)
    {
        if (!value.isObject())
            fail(QString(), QStringLiteral("expected an object, got %1").arg(typeName(value)));
        else
            m_object = value.toObject();
    }

    bool ok() const { return m_ok; }
    const QJsonObject &object() const { return m_object; }
    QString path(const QString &key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }

    void fail(const QString &key, const QString &message)
    {
        if (!m_ok)
            return;
        m_ok = false;
        if (m_error)
            *m_error = { key.isEmpty() ? m_path : path(key), message };
    }

    bool has(const QString &key) const { return m_object.contains(key); }

    // A required field that may not be null.
    QJsonValue required(const QString &key)
    {
        if (!m_ok)
            return {};
        const auto it = m_object.constFind(key);
        if (it == m_object.constEnd()) {
            fail(key, QStringLiteral("this field is required"));
            return {};
        }
        if (it.value().isNull()) {
            fail(key, QStringLiteral("may not be null"));
            return {};
        }
        return it.value();
    }

    qint64 integer(const QString &key, qint64 min = 0, qint64 max = std::numeric_limits<qint64>::max())
    {
        return toInteger(key, required(key), min, max);
    }

    // An optional integer: absent or null gives nullopt.
    std::optional<qint64> nullableInteger(const QString &key, qint64 min = 0)
    {
        if (!m_ok)
            return std::nullopt;
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        const qint64 n = toInteger(key, v, min, std::numeric_limits<qint64>::max());
        return m_ok ? std::optional<qint64>(n) : std::nullopt;
    }

    QString string(const QString &key, int maxLength = -1, bool allowEmpty = true)
    {
        const QJsonValue v = required(key);
        return toString(key, v, maxLength, allowEmpty);
    }

    QString optionalString(const QString &key, int maxLength = -1)
    {
        if (!m_ok)
            return {};
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        return toString(key, v, maxLength, true);
    }

    bool boolean(const QString &key)
    {
        const QJsonValue v = required(key);
        if (!m_ok)
            return false;
        if (!v.isBool()) {
            fail(key, QStringLiteral("expected true or false, got %1").arg(typeName(v)));
            return false;
        }
        return v.toBool();
    }

    bool optionalBoolean(const QString &key, bool fallback)
    {
        if (!m_ok || !has(key) || m_object.value(key).isNull())
            return fallback;
        return boolean(key);
    }

    Money money(const QString &key, const Money::ParseRules &rules)
    {
        const QJsonValue v = required(key);
        if (!m_ok)
            return {};
        if (!v.isString()) {
            fail(key, QStringLiteral("expected a decimal string such as \"12.50\", got %1").arg(typeName(v)));
            return {};
        }
        QString why;
        const auto m = Money::parse(v.toString(), rules, &why);
        if (!m) {
            fail(key, why);
            return {};
        }
        return *m;
    }

    QDate date(const QString &key)
    {
        const QString s = string(key);
        if (!m_ok)
            return {};
        // Qt's ISO parser also takes "2026/11/24"; the contract says YYYY-MM-DD.
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid() || s.size() != 10 || s.at(4) != u'-' || s.at(7) != u'-') {
            fail(key, QStringLiteral("expected a date as YYYY-MM-DD, got \"%1\"").arg(s.left(40)));
            return {};
        }
        return d;
    }

    QTime time(const QString &key)
    {
        const QString s = string(key);
        if (!m_ok)
            return {};
        // "HH:MM"; "HH:MM:SS" is accepted too, as Django's TimeField writes it.
        QTime t = QTime::fromString(s, QStringLiteral("HH:mm"));
        if (!t.isValid())
            t = QTime::fromString(s, QStringLiteral("HH:mm:ss"));
        if (!t.isValid()) {
            fail(key, QStringLiteral("expected a time as HH:MM, got \"%1\"").arg(s.left(40)));
            return {};
        }
        return QTime(t.hour(), t.minute());
    }

    QDateTime dateTime(const QString &key)
    {
        const QString s = string(key);
        if (!m_ok)
            return {};
        // A date alone or a time without a zone would be read as this
        // machine's local time: a different instant on another terminal.
        QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!dt.isValid() || s.size() < 19 || s.at(10) != u'T' || dt.timeSpec() == Qt::LocalTime) {
            fail(key, QStringLiteral("expected a date and time in ISO 8601 with a time zone, got \"%1\"").arg(s.left(40)));
            return {};
        }
        return dt.toUTC();
    }

    QStringList stringList(const QString &key)
    {
        const QJsonValue v = required(key);
        if (!m_ok)
            return {};
        if (!v.isArray()) {
            fail(key, QStringLiteral("expected a list of strings, got %1").arg(typeName(v)));
            return {};
        }
        QStringList out;
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString()) {
                fail(key + u'[' + QString::number(i) + u']',
                     QStringLiteral("expected a string, got %1").arg(typeName(a.at(i))));
                return {};
            }
            out << a.at(i).toString();
        }
        return out;
    }

    template<typename T>
    QList<T> list(const QString &key)
    {
        const QJsonValue v = required(key);
        if (!m_ok)
            return {};
        DecodeError inner;
        auto items = decodeList<T>(v, &inner, path(key));
        if (!items) {
            m_ok = false;
            if (m_error)
                *m_error = inner;
            return {};
        }
        return *items;
    }

    static QString typeName(const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return QStringLiteral("a boolean");
        case QJsonValue::Double:
            return QStringLiteral("a number");
        case QJsonValue::String:
            return QStringLiteral("a string");
        case QJsonValue::Array:
            return QStringLiteral("a list");
        case QJsonValue::Object:
            return QStringLiteral("an object");
        case QJsonValue::Undefined:
            break;
        }
        return QStringLiteral("nothing");
    }

private:
    qint64 toInteger(const QString &key, const QJsonValue &v, qint64 min, qint64 max)
    {
        if (!m_ok)
            return 0;
        if (!v.isDouble()) {
            fail(key, QStringLiteral("expected a whole number, got %1").arg(typeName(v)));
            return 0;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > kMaxExactInteger) {
            fail(key, QStringLiteral("expected a whole number"));
            return 0;
        }
        const auto n = static_cast<qint64>(d);
        if (n < min || n > max) {
            fail(key,
                 max == std::numeric_limits<qint64>::max()
                     ? QStringLiteral("must be at least %1").arg(min)
                     : QStringLiteral("must be between %1 and %2").arg(min).arg(max));
            return 0;
        }
        return n;
    }

    QString toString(const QString &key, const QJsonValue &v, int maxLength, bool allowEmpty)
    {
        if (!m_ok)
            return {};
        if (!v.isString()) {
            fail(key, QStringLiteral("expected a string, got %1").arg(typeName(v)));
            return {};
        }
        QString s = v.toString();
        if (maxLength >= 0 && s.size() > maxLength) {
            fail(key, QStringLiteral("may have at most %1 characters").arg(maxLength));
            return {};
        }
        if (!allowEmpty && s.trimmed().isEmpty()) {
            fail(key, QStringLiteral("may not be blank"));
            return {};
        }
        return s;
    }

    QJsonObject m_object;
    QString m_path;
    DecodeError *m_error;
    bool m_ok = true;
};

template<typename T>
std::optional<T> finish(const Reader &r, T &&value)
{
    if (!r.ok())
        return std::nullopt;
    return std::optional<T>(std::forward<T>(value));
}

const QString kId = QStringLiteral("id");

} // namespace

// ---- decoders --------------------------------------------------------------

template<>
std::optional<Category> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    Category c;
    c.id = r.integer(kId, 1);
    c.slug = r.string(QStringLiteral("slug"), 50, false);
    c.title = r.string(QStringLiteral("title"), Limits::kTitle, false);
    return finish(r, std::move(c));
}

template<>
std::optional<MenuItem> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    MenuItem m;
    m.id = r.integer(kId, 1);
    m.title = r.string(QStringLiteral("title"), Limits::kTitle, false);
    m.price = r.money(QStringLiteral("price"), Money::MenuPrice);
    m.featured = r.boolean(QStringLiteral("featured"));
    m.category = r.integer(QStringLiteral("category"), 1);
    m.available = r.optionalBoolean(QStringLiteral("available"), true);
    return finish(r, std::move(m));
}

template<>
std::optional<CartItem> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    CartItem c;
    c.id = r.integer(kId, 1);
    c.menuitem = r.integer(QStringLiteral("menuitem"), 1);
    c.menuitemName = r.string(QStringLiteral("menuitem_name"));
    c.quantity = int(r.integer(QStringLiteral("quantity"), 1, 1000000));
    c.price = r.money(QStringLiteral("price"), Money::LineTotal);
    return finish(r, std::move(c));
}

template<>
std::optional<OrderItem> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    OrderItem i;
    i.menuitem = r.integer(QStringLiteral("menuitem"), 1);
    i.menuitemTitle = r.string(QStringLiteral("menuitem_title"));
    i.quantity = int(r.integer(QStringLiteral("quantity"), 1, 1000000));
    i.unitPrice = r.money(QStringLiteral("unit_price"), Money::MenuPrice);
    i.price = r.money(QStringLiteral("price"), Money::LineTotal);
    i.note = r.optionalString(QStringLiteral("note"));
    return finish(r, std::move(i));
}

template<>
std::optional<StageChange> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    StageChange s;
    const QString stage = r.string(QStringLiteral("stage"));
    if (r.ok()) {
        const auto st = orderStageFromWire(stage);
        if (!st)
            r.fail(QStringLiteral("stage"), QStringLiteral("unknown stage \"%1\"").arg(stage.left(40)));
        else
            s.stage = *st;
    }
    s.by = r.integer(QStringLiteral("by"), 0);
    s.at = r.dateTime(QStringLiteral("at"));
    return finish(r, std::move(s));
}

template<>
std::optional<Order> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    Order o;
    o.id = r.integer(kId, 1);
    o.user = r.integer(QStringLiteral("user"), 0);
    o.deliveryCrew = r.nullableInteger(QStringLiteral("delivery_crew"), 1);
    o.status = r.optionalBoolean(QStringLiteral("status"), false);
    o.total = r.money(QStringLiteral("total"), Money::LineTotal);
    o.date = r.date(QStringLiteral("date"));
    o.items = r.list<OrderItem>(QStringLiteral("items"));
    if (r.ok() && r.has(QStringLiteral("stage"))) {
        const QString stage = r.string(QStringLiteral("stage"));
        const auto st = orderStageFromWire(stage);
        if (r.ok() && !st)
            r.fail(QStringLiteral("stage"), QStringLiteral("unknown stage \"%1\"").arg(stage.left(40)));
        o.stage = st;
    }
    o.note = r.optionalString(QStringLiteral("note"));
    if (r.ok() && r.has(QStringLiteral("history")))
        o.history = r.list<StageChange>(QStringLiteral("history"));
    return finish(r, std::move(o));
}

template<>
std::optional<OrderCreated> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    OrderCreated o;
    o.orderId = r.integer(QStringLiteral("order_id"), 1);
    o.total = r.money(QStringLiteral("total"), Money::LineTotal);
    if (r.ok() && r.has(QStringLiteral("items")))
        o.items = r.list<OrderItem>(QStringLiteral("items"));
    o.detail = r.optionalString(QStringLiteral("detail"));
    return finish(r, std::move(o));
}

template<>
std::optional<Booking> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    Booking b;
    b.id = r.integer(kId, 1);
    b.user = r.integer(QStringLiteral("user"), 0);
    b.name = r.string(QStringLiteral("name"), Limits::kBookingName);
    b.phone = r.optionalString(QStringLiteral("phone"), 64);
    b.date = r.date(QStringLiteral("date"));
    b.time = r.time(QStringLiteral("time"));
    b.guests = int(r.integer(QStringLiteral("guests"), 1, Limits::kBookingGuests));
    b.table = r.nullableInteger(QStringLiteral("table"), 1);
    b.notes = r.optionalString(QStringLiteral("notes"));
    const QString status = r.string(QStringLiteral("status"));
    if (r.ok()) {
        const auto st = bookingStatusFromWire(status);
        if (!st)
            r.fail(QStringLiteral("status"), QStringLiteral("unknown status \"%1\"").arg(status.left(40)));
        else
            b.status = *st;
    }
    return finish(r, std::move(b));
}

template<>
std::optional<DiningTable> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    DiningTable t;
    t.id = r.integer(kId, 1);
    t.name = r.string(QStringLiteral("name"), 100, false);
    t.seats = int(r.integer(QStringLiteral("seats"), 1, Limits::kTableSeats));
    return finish(r, std::move(t));
}

template<>
std::optional<User> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    User u;
    u.username = r.string(QStringLiteral("username"), 150, false);
    u.email = r.optionalString(QStringLiteral("email"), 254);
    if (auto id = r.nullableInteger(kId, 1))
        u.id = *id;
    if (r.ok() && r.has(QStringLiteral("groups")))
        u.groups = r.stringList(QStringLiteral("groups"));
    u.isStaff = r.optionalBoolean(QStringLiteral("is_staff"), false);
    return finish(r, std::move(u));
}

template<>
std::optional<TokenPair> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    TokenPair t;
    t.access = r.string(QStringLiteral("access"), -1, false);
    // /auth/jwt/refresh/ answers only {"access"}.
    t.refresh = r.optionalString(QStringLiteral("refresh"));
    return finish(r, std::move(t));
}

template<>
std::optional<ServerMeta> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    ServerMeta m;
    m.server = r.string(QStringLiteral("server"), -1, false);
    m.version = r.optionalString(QStringLiteral("version"));
    m.features = r.stringList(QStringLiteral("features"));
    if (r.ok()) {
        const QJsonValue limits = r.object().value(QStringLiteral("limits"));
        if (limits.isObject())
            m.limits = limits.toObject();
        else if (!limits.isUndefined() && !limits.isNull())
            r.fail(QStringLiteral("limits"),
                   QStringLiteral("expected an object, got %1").arg(Reader::typeName(limits)));
    }
    return finish(r, std::move(m));
}

template<>
std::optional<Change> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    Change c;
    c.seq = r.integer(QStringLiteral("seq"), 1);
    c.entity = r.string(QStringLiteral("entity"), 40, false);
    c.id = r.integer(kId, 0);
    const QString op = r.string(QStringLiteral("op"));
    if (r.ok()) {
        if (op == QLatin1String("upsert"))
            c.op = Change::Op::Upsert;
        else if (op == QLatin1String("delete"))
            c.op = Change::Op::Delete;
        else
            r.fail(QStringLiteral("op"), QStringLiteral("expected \"upsert\" or \"delete\", got \"%1\"").arg(op.left(40)));
    }
    if (r.ok() && c.op == Change::Op::Upsert) {
        const QJsonValue data = r.required(QStringLiteral("data"));
        if (r.ok() && !data.isObject())
            r.fail(QStringLiteral("data"), QStringLiteral("expected an object, got %1").arg(Reader::typeName(data)));
        c.data = data.toObject();
    }
    return finish(r, std::move(c));
}

template<>
std::optional<ChangeFeed> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    Reader r(v, path, e);
    ChangeFeed f;
    f.changes = r.list<Change>(QStringLiteral("changes"));
    f.next = r.integer(QStringLiteral("next"), 0);
    return finish(r, std::move(f));
}

bool decodeEnvelope(const QJsonValue &value, qint64 *count, QUrl *next, QUrl *previous, QJsonArray *results,
                    DecodeError *error)
{
    Reader r(value, QString(), error);
    *count = r.integer(QStringLiteral("count"), 0);
    auto url = [&r](const QString &key) -> QUrl {
        const QString s = r.optionalString(key);
        if (!r.ok() || s.isEmpty())
            return {};
        // The client follows these links with its token: only http(s) to a host.
        const QUrl u(s, QUrl::StrictMode);
        const QString scheme = u.scheme().toLower();
        if (!u.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
            || u.host().isEmpty())
            r.fail(key, QStringLiteral("expected an absolute URL"));
        return u;
    };
    *next = url(QStringLiteral("next"));
    *previous = url(QStringLiteral("previous"));
    const QJsonValue res = r.required(QStringLiteral("results"));
    if (r.ok() && !res.isArray())
        r.fail(QStringLiteral("results"), QStringLiteral("expected a list, got %1").arg(Reader::typeName(res)));
    *results = res.toArray();
    return r.ok();
}

std::optional<QJsonValue> parse(const QByteArray &bytes, DecodeError *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError) {
        if (error)
            *error = { QString(), QStringLiteral("JSON parse error - %1 at character %2").arg(pe.errorString()).arg(pe.offset) };
        return std::nullopt;
    }
    if (doc.isArray())
        return QJsonValue(doc.array());
    if (doc.isObject())
        return QJsonValue(doc.object());
    if (error)
        *error = { QString(), QStringLiteral("expected a JSON object or list") };
    return std::nullopt;
}

} // namespace LittleLemon::Json
