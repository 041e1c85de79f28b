#include "money.h"

#include <QCoreApplication>

namespace LittleLemon {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("LittleLemon::Money", text);
}
} // namespace

std::optional<Money> Money::parse(QStringView text, const ParseRules &rules, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<Money> {
        if (error)
            *error = why;
        return std::nullopt;
    };

    const QStringView s = text.trimmed();
    if (s.isEmpty())
        return fail(tr("A valid number is required."));

    qsizetype pos = 0;
    bool negative = false;
    if (s.at(0) == u'-') {
        negative = true;
        ++pos;
    }

    // The whole string is scanned for its shape first and only the digits that
    // can matter are accumulated, so a string of any length never overflows.
    qint64 whole = 0;
    int wholeDigits = 0;
    int significant = 0; // leading zeros do not count ("0012.50" is 12.50), as in Python's Decimal
    while (pos < s.size() && s.at(pos) >= u'0' && s.at(pos) <= u'9') {
        const int digit = s.at(pos).unicode() - u'0';
        if (significant > 0 || digit != 0) {
            ++significant;
            if (significant <= 15) // far past any rule; larger is rejected below
                whole = whole * 10 + digit;
        }
        ++wholeDigits;
        ++pos;
    }
    if (wholeDigits == 0)
        return fail(tr("A valid number is required."));

    qint64 fraction = 0;
    int fractionDigits = 0;
    if (pos < s.size() && s.at(pos) == u'.') {
        ++pos;
        while (pos < s.size() && s.at(pos) >= u'0' && s.at(pos) <= u'9') {
            if (fractionDigits < 2)
                fraction = fraction * 10 + (s.at(pos).unicode() - u'0');
            ++fractionDigits;
            ++pos;
        }
        if (fractionDigits == 0)
            return fail(tr("A valid number is required."));
    }
    if (pos != s.size())
        return fail(tr("A valid number is required."));
    if (fractionDigits > 2)
        return fail(tr("Ensure that there are no more than 2 decimal places."));

    if (significant > rules.maxIntegerDigits || significant > 15)
        return fail(tr("Ensure that there are no more than %1 digits before the decimal point.")
                        .arg(rules.maxIntegerDigits));

    if (fractionDigits == 1)
        fraction *= 10;
    qint64 cents = whole * 100 + fraction;
    if (negative) {
        if (!rules.allowNegative && cents != 0)
            return fail(tr("Ensure this value is greater than or equal to 0."));
        cents = -cents;
    }
    return Money(cents);
}

Money Money::maximum(const ParseRules &rules)
{
    qint64 whole = 0;
    for (int i = 0; i < rules.maxIntegerDigits && i < 15; ++i)
        whole = whole * 10 + 9;
    return Money(whole * 100 + 99);
}

std::optional<Money> Money::parseInput(QStringView text, const QLocale &locale, const ParseRules &rules,
                                       QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<Money> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString example = Money(1250).toInput(locale);
    QString s = text.trimmed().toString();
    if (s.isEmpty())
        return fail(tr("Type a price, such as %1.").arg(example));
    const QChar decimal = locale.decimalPoint().size() == 1 ? locale.decimalPoint().at(0) : QChar(u'.');
    const bool hasPoint = s.contains(u'.');
    const bool hasComma = s.contains(u',');
    if ((hasPoint && hasComma) || s.count(u'.') > 1 || s.count(u',') > 1)
        return fail(tr("Type the price without thousands separators, such as %1.").arg(example));
    // One separator: the decimal sign, whichever of the two it is. A comma is
    // read as decimals only where the locale writes decimals with it, or
    // where it cannot be a thousands separator (not three digits after it).
    if (hasComma) {
        const qsizetype after = s.size() - s.indexOf(u',') - 1;
        if (decimal != u',' && after == 3)
            return fail(tr("Type the price without thousands separators, such as %1.").arg(example));
        s.replace(u',', u'.');
    }
    if (s.startsWith(u'-') && !rules.allowNegative)
        return fail(tr("A price cannot be negative."));
    const qsizetype point = s.indexOf(u'.');
    if (point >= 0 && s.size() - point - 1 > 2)
        return fail(tr("A price has at most 2 decimals: %1 is not a price.").arg(text.trimmed()));
    if (point == s.size() - 1)
        s.append(QStringLiteral("00")); // "12." or "12," as typed on the way to "12.50"
    if (point == 0 || (point == 1 && s.startsWith(u'-')))
        s.insert(point, u'0'); // ",5" is 0,50
    QString why;
    const auto money = parse(s, rules, &why);
    if (!money) {
        qsizetype digits = 0;
        for (QChar c : std::as_const(s)) {
            if (c == u'.')
                break;
            if (c.isDigit() && (digits > 0 || c != u'0'))
                ++digits;
        }
        bool onlyDigits = true;
        for (QChar c : std::as_const(s))
            onlyDigits = onlyDigits && (c.isDigit() || c == u'.' || c == u'-');
        if (onlyDigits && digits > rules.maxIntegerDigits)
            return fail(tr("A price can be at most %1.").arg(maximum(rules).toInput(locale)));
        return fail(tr("%1 is not a price; type one such as %2.").arg(text.trimmed(), example));
    }
    return money;
}

QString Money::toInput(const QLocale &locale) const
{
    QString out = toString();
    const QString decimal = locale.decimalPoint();
    if (decimal == QStringLiteral(","))
        out.replace(u'.', u',');
    return out;
}

QString Money::toDisplay(const QLocale &locale) const
{
    const quint64 magnitude = m_cents < 0 ? quint64(0) - quint64(m_cents) : quint64(m_cents);
    // Whole units through the locale (its digits and grouping), the cents
    // beside them: never through a double, so 0.1 + 0.2 stays 0.30.
    QString out = locale.toString(qulonglong(magnitude / 100)) + locale.decimalPoint();
    const QString cents = locale.toString(qulonglong(magnitude % 100));
    if (magnitude % 100 < 10)
        out += locale.zeroDigit();
    out += cents;
    if (m_cents < 0)
        out.prepend(locale.negativeSign());
    return out;
}

QString Money::toString() const
{
    const quint64 magnitude = m_cents < 0 ? quint64(0) - quint64(m_cents) : quint64(m_cents);
    QString out = QString::number(magnitude / 100) + u'.' + QString::number(magnitude % 100).rightJustified(2, u'0');
    if (m_cents < 0)
        out.prepend(u'-');
    return out;
}

} // namespace LittleLemon
