#include "api/server/fieldreader.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace LittleLemon::Server {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("LittleLemon::Server", text);
}

// Python's str() of a JSON scalar, as DRF's fields see it.
QString pythonStr(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::trunc(d) == d && std::fabs(d) < 1e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String: return v.toString();
    default: break;
    }
    return {};
}
} // namespace

FieldReader::FieldReader(const QJsonObject &body, bool partial)
    : m_body(body)
    , m_partial(partial)
{
}

QString FieldReader::required()
{
    return tr("This field is required.");
}

QString FieldReader::notNull()
{
    return tr("This field may not be null.");
}

QString FieldReader::invalidPk(const QString &value)
{
    return tr("Invalid pk \"%1\" - object does not exist.").arg(value);
}

QString FieldReader::pythonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return QStringLiteral("bool");
    case QJsonValue::Double: return std::trunc(v.toDouble()) == v.toDouble() ? QStringLiteral("int") : QStringLiteral("float");
    case QJsonValue::String: return QStringLiteral("str");
    case QJsonValue::Array: return QStringLiteral("list");
    case QJsonValue::Object: return QStringLiteral("dict");
    default: break;
    }
    return QStringLiteral("NoneType");
}

QString FieldReader::incorrectPkType(const QJsonValue &value)
{
    return tr("Incorrect type. Expected pk value, received %1.").arg(pythonTypeName(value));
}

std::optional<QJsonValue> FieldReader::present(const QString &key)
{
    const auto it = m_body.constFind(key);
    if (it == m_body.constEnd()) {
        if (!m_partial)
            fail(key, required());
        return std::nullopt;
    }
    if (it.value().isNull()) {
        fail(key, notNull());
        return std::nullopt;
    }
    return it.value();
}

std::optional<QString> FieldReader::string(const QString &key, int maxLength, bool allowBlank)
{
    const auto v = present(key);
    if (!v)
        return std::nullopt;
    // DRF's CharField takes numbers (as their str()) but not booleans or containers.
    if (v->isBool() || v->isArray() || v->isObject()) {
        fail(key, tr("Not a valid string."));
        return std::nullopt;
    }
    const QString s = pythonStr(*v).trimmed();
    if (s.isEmpty() && !allowBlank) {
        fail(key, tr("This field may not be blank."));
        return std::nullopt;
    }
    if (maxLength > 0 && s.size() > maxLength) {
        fail(key, tr("Ensure this field has no more than %1 characters.").arg(maxLength));
        return std::nullopt;
    }
    // DRF's ProhibitNullCharactersValidator: a NUL would cut the text short
    // wherever it meets C strings (logs, libjwt, the desk's exports).
    if (s.contains(QChar(u'\0'))) {
        fail(key, tr("Null characters are not allowed."));
        return std::nullopt;
    }
    return s;
}

std::optional<qint64> FieldReader::integer(const QString &key, qint64 min, qint64 max)
{
    const auto v = present(key);
    if (!v)
        return std::nullopt;
    std::optional<qint64> n;
    if (v->isDouble()) {
        const double d = v->toDouble();
        if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9e15)
            n = qint64(d);
    } else if (v->isString()) {
        // int(re.sub(r'\.0*\s*$', '', str(data))): "3", " 3 ", "3.0" are 3.
        QString s = v->toString().trimmed();
        static const QRegularExpression trailingZeros(QStringLiteral("\\.0*$"));
        s.remove(trailingZeros);
        if (s.size() <= 1000) {
            bool ok = false;
            const qint64 parsed = s.toLongLong(&ok);
            if (ok)
                n = parsed;
        }
    }
    if (!n) {
        fail(key, tr("A valid integer is required."));
        return std::nullopt;
    }
    if (*n < min) {
        fail(key, tr("Ensure this value is greater than or equal to %1.").arg(min));
        return std::nullopt;
    }
    if (*n > max) {
        fail(key, tr("Ensure this value is less than or equal to %1.").arg(max));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> FieldReader::boolean(const QString &key)
{
    const auto v = present(key);
    if (!v)
        return std::nullopt;
    if (v->isBool())
        return v->toBool();
    if (v->isDouble()) {
        if (v->toDouble() == 1)
            return true;
        if (v->toDouble() == 0)
            return false;
    }
    if (v->isString()) {
        // DRF's TRUE_VALUES / FALSE_VALUES.
        static const QStringList yes { QStringLiteral("t"), QStringLiteral("true"), QStringLiteral("y"),
                                       QStringLiteral("yes"), QStringLiteral("on"), QStringLiteral("1") };
        static const QStringList no { QStringLiteral("f"), QStringLiteral("false"), QStringLiteral("n"),
                                      QStringLiteral("no"), QStringLiteral("off"), QStringLiteral("0") };
        const QString s = v->toString();
        if (yes.contains(s, Qt::CaseInsensitive))
            return true;
        if (no.contains(s, Qt::CaseInsensitive))
            return false;
    }
    fail(key, tr("Must be a valid boolean."));
    return std::nullopt;
}

std::optional<Money> FieldReader::money(const QString &key, int maxDigits, int decimalPlaces)
{
    const auto v = present(key);
    if (!v)
        return std::nullopt;
    if (!v->isString() && !v->isDouble()) {
        fail(key, tr("A valid number is required."));
        return std::nullopt;
    }
    const QString text = pythonStr(*v).trimmed();
    if (text.size() > 1000) {
        fail(key, tr("String value too large."));
        return std::nullopt;
    }
    // DRF checks the total number of digits before the places and the
    // whole part; Money::parse words the other two the same way.
    static const QRegularExpression shape(QStringLiteral("^-?(\\d+)(?:\\.(\\d+))?$"));
    const auto m = shape.match(text);
    if (m.hasMatch()) {
        QString whole = m.captured(1);
        while (whole.size() > 1 && whole.startsWith(u'0'))
            whole.remove(0, 1);
        const qsizetype wholeDigits = whole == u"0" ? 0 : whole.size();
        if (wholeDigits + m.captured(2).size() > maxDigits) {
            fail(key, tr("Ensure that there are no more than %1 digits in total.").arg(maxDigits));
            return std::nullopt;
        }
    }
    QString why;
    const Money::ParseRules rules { false, maxDigits - decimalPlaces };
    const auto parsed = Money::parse(text, rules, &why);
    if (!parsed) {
        fail(key, why);
        return std::nullopt;
    }
    return parsed;
}

std::optional<qint64> FieldReader::primaryKey(const QString &key)
{
    const auto v = present(key);
    if (!v)
        return std::nullopt;
    if (v->isDouble()) {
        const double d = v->toDouble();
        if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9e15)
            return qint64(d);
    } else if (v->isString()) {
        bool ok = false;
        const qint64 n = v->toString().trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    fail(key, incorrectPkType(*v));
    return std::nullopt;
}

std::optional<std::optional<qint64>> FieldReader::nullablePrimaryKey(const QString &key)
{
    const auto it = m_body.constFind(key);
    if (it == m_body.constEnd()) {
        if (!m_partial)
            fail(key, required());
        return std::nullopt;
    }
    if (it.value().isNull())
        return std::optional<qint64>();
    const auto pk = primaryKey(key);
    if (!pk)
        return std::nullopt;
    return std::optional<qint64>(*pk);
}

} // namespace LittleLemon::Server
