// The reader behind every decoder: strict for what a server sends, lenient for
// the local cache's rows.

#include "models/wirereader.h"

#include <QJsonArray>

#include <cmath>

namespace LittleLemon::Json {

namespace {

// Largest integer a JSON number (a double) holds exactly.
constexpr double kMaxExactInteger = 9007199254740992.0;

// Lenient money: any sign, up to 12 digits (a cached row is never refused).
constexpr Money::ParseRules kLenientMoney { true, 12 };

} // namespace

qint64 lenientId(const QJsonValue &value, qint64 fallback)
{
    if (!value.isDouble())
        return fallback;
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > kMaxExactInteger)
        return fallback;
    return static_cast<qint64>(d);
}

WireReader::WireReader(const QJsonValue &value, const QString &path, DecodeError *error, Mode mode)
    : m_path(path)
    , m_error(error)
    , m_mode(mode)
{
    if (value.isObject())
        m_object = value.toObject();
    else if (!lenient())
        fail(QString(), QStringLiteral("expected an object, got %1").arg(typeName(value)));
}

void WireReader::fail(const QString &key, const QString &message)
{
    if (!m_ok)
        return;
    m_ok = false;
    if (m_error)
        *m_error = { key.isEmpty() ? m_path : path(key), message };
}

void WireReader::fail(const DecodeError &inner)
{
    if (!m_ok)
        return;
    m_ok = false;
    if (m_error)
        *m_error = inner;
}

QJsonValue WireReader::required(const QString &key)
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

qint64 WireReader::integer(const QString &key, qint64 min, qint64 max)
{
    if (lenient())
        return lenientId(m_object.value(key));
    return toInteger(key, required(key), min, max);
}

std::optional<qint64> WireReader::nullableInteger(const QString &key, qint64 min)
{
    const QJsonValue v = m_object.value(key);
    if (lenient())
        return v.isDouble() ? std::optional<qint64>(lenientId(v)) : std::nullopt;
    if (!m_ok || v.isUndefined() || v.isNull())
        return std::nullopt;
    const qint64 n = toInteger(key, v, min, std::numeric_limits<qint64>::max());
    return m_ok ? std::optional<qint64>(n) : std::nullopt;
}

QString WireReader::lenientString(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    return v.isString() ? v.toString() : QString();
}

QString WireReader::string(const QString &key, int maxLength, bool allowEmpty)
{
    if (lenient())
        return lenientString(key);
    const QJsonValue v = required(key);
    return toString(key, v, maxLength, allowEmpty);
}

QString WireReader::optionalString(const QString &key, int maxLength)
{
    if (lenient())
        return lenientString(key);
    if (!m_ok)
        return {};
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    return toString(key, v, maxLength, true);
}

bool WireReader::optionalBoolean(const QString &key, bool fallback, bool isRequired)
{
    const QJsonValue v = m_object.value(key);
    if (lenient())
        return v.isBool() ? v.toBool() : fallback;
    if (!m_ok)
        return fallback;
    if (!isRequired && (v.isUndefined() || v.isNull()))
        return fallback;
    required(key);
    if (!m_ok)
        return fallback;
    if (!v.isBool()) {
        fail(key, QStringLiteral("expected true or false, got %1").arg(typeName(v)));
        return fallback;
    }
    return v.toBool();
}

Money WireReader::money(const QString &key, const Money::ParseRules &rules)
{
    if (lenient()) {
        const QJsonValue v = m_object.value(key);
        const auto m = v.isString() ? Money::parse(v.toString(), kLenientMoney) : std::nullopt;
        return m.value_or(Money());
    }
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

QDate WireReader::date(const QString &key)
{
    if (lenient())
        return QDate::fromString(lenientString(key), Qt::ISODate);
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

QTime WireReader::time(const QString &key)
{
    if (lenient())
        return QTime::fromString(lenientString(key).left(5), QStringLiteral("HH:mm"));
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

QDateTime WireReader::dateTime(const QString &key)
{
    if (lenient())
        return QDateTime::fromString(lenientString(key), Qt::ISODateWithMs).toUTC();
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

QStringList WireReader::stringList(const QString &key)
{
    QStringList out;
    if (lenient()) {
        for (const QJsonValue &item : m_object.value(key).toArray()) {
            if (item.isString())
                out << item.toString();
        }
        return out;
    }
    const QJsonValue v = required(key);
    if (!m_ok)
        return {};
    if (!v.isArray()) {
        fail(key, QStringLiteral("expected a list of strings, got %1").arg(typeName(v)));
        return {};
    }
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

QString WireReader::typeName(const QJsonValue &v)
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

qint64 WireReader::toInteger(const QString &key, const QJsonValue &v, qint64 min, qint64 max)
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

QString WireReader::toString(const QString &key, const QJsonValue &v, int maxLength, bool allowEmpty)
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

} // namespace LittleLemon::Json
