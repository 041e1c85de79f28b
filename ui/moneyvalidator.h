#pragma once

#include "models/money.h"

#include <QValidator>

namespace LittleLemon::Ui {

// Checks a price as it is typed, in the locale (Money::parseInput, never
// through a float). It never drops a keystroke: a key silently refused turns
// "12,50" into "1250" or "-5" into "5", a different price than the person
// meant. What is not a price stays on screen as typed (Intermediate) and the
// dialog or the model says why when it is committed (problem()).
class MoneyValidator : public QValidator
{
    Q_OBJECT

public:
    explicit MoneyValidator(QObject *parent = nullptr, Money::ParseRules rules = Money::MenuPrice);

    State validate(QString &input, int &pos) const override;
    // Why `input` is not a price, in words; empty when it is one.
    QString problem(const QString &input) const;

private:
    Money::ParseRules m_rules;
};

} // namespace LittleLemon::Ui
