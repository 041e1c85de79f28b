#pragma once

#include "models/money.h"

#include <QValidator>

namespace LittleLemon::Ui {

// Checks a price as it is typed, by Money's own rules (never through a
// float): digits, at most one point and two decimals, at most the integer
// digits the rules allow. "12." and "" are on their way (Intermediate);
// "1.234", "12a" or "-1" cannot become a price and are refused as typed.
class MoneyValidator : public QValidator
{
    Q_OBJECT

public:
    explicit MoneyValidator(QObject *parent = nullptr, Money::ParseRules rules = Money::MenuPrice);

    State validate(QString &input, int &pos) const override;

private:
    Money::ParseRules m_rules;
};

} // namespace LittleLemon::Ui
