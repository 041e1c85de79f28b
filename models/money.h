#pragma once

#include <QLocale>
#include <QMetaType>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace LittleLemon {

// An amount of money as an exact integer number of cents. On the wire money is
// a decimal string with two places ("12.50"); it is never a float anywhere.
class Money
{
public:
    struct ParseRules
    {
        bool allowNegative = false;
        // Digits before the point. Menu prices and order lines are DecimalField
        // (max_digits=6, decimal_places=2) in the cloud: 4 integer digits.
        int maxIntegerDigits = 4;
    };
    static constexpr ParseRules MenuPrice { false, 4 };
    static constexpr ParseRules LineTotal { false, 8 };

    constexpr Money() = default;
    constexpr explicit Money(qint64 cents)
        : m_cents(cents)
    {
    }
    static constexpr Money fromCents(qint64 cents) { return Money(cents); }

    // Parses "12.50", "12.5", "12" (surrounding spaces allowed, as DRF does).
    // Rejects "1.234", "abc", "1e3", "", "1,50", "+1", ".5", "5." and values
    // outside the rules. On failure *error gets a sentence for a person.
    static std::optional<Money> parse(QStringView text, const ParseRules &rules = MenuPrice,
                                      QString *error = nullptr);

    // What a person types, as their locale writes numbers: "12,50" where the
    // comma is the decimal sign (pt_BR, es), "12.50" anywhere (a point is
    // read as the decimal sign too). Thousands separators, a third decimal,
    // a minus or too many digits are refused with a sentence in *error, never
    // rounded, cut or dropped: what is stored is what the person saw.
    static std::optional<Money> parseInput(QStringView text, const QLocale &locale = QLocale(),
                                           const ParseRules &rules = MenuPrice, QString *error = nullptr);
    // The largest amount the rules allow, e.g. 9999.99.
    static Money maximum(const ParseRules &rules = MenuPrice);

    constexpr qint64 cents() const { return m_cents; }
    // For an input field, in the locale: "12,50" in pt_BR, "12.50" in en.
    QString toInput(const QLocale &locale = QLocale()) const;
    // For reading, as the locale writes amounts: "22,23" in pt_BR and es,
    // "22.23" in en, grouped as the locale groups ("1.234,50" in pt_BR), always
    // two decimals, no currency sign. Every amount the desk shows goes through
    // this one function (cards, order details, the menu, the counter order).
    QString toDisplay(const QLocale &locale = QLocale()) const;
    // "12.50", "-0.05", "0.00": always two decimals, never a thousands separator.
    // The wire's and scripts' form, never what the desk shows a person.
    QString toString() const;

    constexpr Money operator+(Money o) const { return Money(m_cents + o.m_cents); }
    constexpr Money operator-(Money o) const { return Money(m_cents - o.m_cents); }
    constexpr Money operator*(qint64 n) const { return Money(m_cents * n); }
    Money &operator+=(Money o)
    {
        m_cents += o.m_cents;
        return *this;
    }
    constexpr bool operator==(Money o) const { return m_cents == o.m_cents; }
    constexpr bool operator!=(Money o) const { return m_cents != o.m_cents; }
    constexpr bool operator<(Money o) const { return m_cents < o.m_cents; }
    constexpr bool operator<=(Money o) const { return m_cents <= o.m_cents; }
    constexpr bool operator>(Money o) const { return m_cents > o.m_cents; }
    constexpr bool operator>=(Money o) const { return m_cents >= o.m_cents; }

private:
    qint64 m_cents = 0;
};

} // namespace LittleLemon

Q_DECLARE_METATYPE(LittleLemon::Money)
