#include "ui/moneyvalidator.h"

#include <QRegularExpression>

namespace LittleLemon::Ui {

MoneyValidator::MoneyValidator(QObject *parent, Money::ParseRules rules)
    : QValidator(parent)
    , m_rules(rules)
{
}

QValidator::State MoneyValidator::validate(QString &input, int &) const
{
    static const QRegularExpression shape(QStringLiteral("^\\s*(-?)(\\d*)(\\.(\\d*))?\\s*$"));
    const QRegularExpressionMatch m = shape.match(input);
    if (!m.hasMatch())
        return Invalid;
    if (!m.captured(1).isEmpty() && !m_rules.allowNegative)
        return Invalid;
    if (m.captured(4).size() > 2)
        return Invalid;
    QString integer = m.captured(2);
    while (integer.size() > 1 && integer.startsWith(u'0'))
        integer.remove(0, 1);
    if (integer.size() > m_rules.maxIntegerDigits)
        return Invalid;
    return Money::parse(input, m_rules) ? Acceptable : Intermediate;
}

} // namespace LittleLemon::Ui
