#include "ui/moneyvalidator.h"

#include <QLocale>

namespace LittleLemon::Ui {

MoneyValidator::MoneyValidator(QObject *parent, Money::ParseRules rules)
    : QValidator(parent)
    , m_rules(rules)
{
}

QValidator::State MoneyValidator::validate(QString &input, int &) const
{
    // Far past any price: a paste of a paragraph is refused outright.
    if (input.size() > 32)
        return Invalid;
    return Money::parseInput(input, locale(), m_rules) ? Acceptable : Intermediate;
}

QString MoneyValidator::problem(const QString &input) const
{
    QString why;
    if (Money::parseInput(input, locale(), m_rules, &why))
        return {};
    return why;
}

} // namespace LittleLemon::Ui
