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

QString Money::toString() const
{
    const quint64 magnitude = m_cents < 0 ? quint64(0) - quint64(m_cents) : quint64(m_cents);
    QString out = QString::number(magnitude / 100) + u'.' + QString::number(magnitude % 100).rightJustified(2, u'0');
    if (m_cents < 0)
        out.prepend(u'-');
    return out;
}

} // namespace LittleLemon
