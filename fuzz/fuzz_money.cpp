// Money::parse, fed any text under any rules, against what it promises:
// an accepted amount prints back ("12.5" → "12.50") to text that parses to
// the same cents; nothing over the rules' digits, past two decimals or
// negative (unless allowed) gets through; a refusal always says why. And
// toString() for every integer, INT64_MIN included.
//
// An input is three lines: the rules ("4": four integer digits; "-8":
// eight, negatives allowed), an integer number of cents for toString(),
// and the text to parse (the rest of the input).

#include "fuzzsupport.h"

#include "models/money.h"

#include <cstring>
#include <limits>

using namespace LittleLemon;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    LittleLemon::Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> lines = input.split('\n');
    const QByteArray ruleText = lines.value(0).trimmed();
    Money::ParseRules rules;
    rules.allowNegative = ruleText.startsWith('-');
    rules.maxIntegerDigits = qBound(0, (rules.allowNegative ? ruleText.mid(1) : ruleText).toInt(), 20);
    const qint64 cents = lines.value(1).trimmed().toLongLong();
    const qsizetype textStart = lines.size() > 2 ? lines.at(0).size() + lines.at(1).size() + 2 : input.size();
    // The text as a wire string arrives: UTF-8 decoded by Qt.
    const QString text = QString::fromUtf8(input.mid(textStart));

    QString why;
    const auto money = Money::parse(text, rules, &why);
    const QByteArray context = "rules: negative=" + QByteArray::number(rules.allowNegative) + " digits="
        + QByteArray::number(rules.maxIntegerDigits) + "\ntext: " + text.toUtf8();
    if (!money) {
        LL_FUZZ_CHECK(!why.isEmpty(), context);
    } else {
        const QString printed = money->toString();
        LL_FUZZ_CHECK(rules.allowNegative || money->cents() >= 0, context);
        // At most maxIntegerDigits before the point (and never the 15 the parser caps at).
        const qint64 magnitude = money->cents() < 0 ? -money->cents() : money->cents();
        qint64 limit = 1;
        for (int i = 0; i < std::min(rules.maxIntegerDigits, 15); ++i)
            limit *= 10;
        LL_FUZZ_CHECK(magnitude / 100 < limit, context + "\nprinted: " + printed.toUtf8());
        QString again;
        const auto reparsed = Money::parse(printed, rules, &again);
        LL_FUZZ_CHECK(reparsed && *reparsed == *money,
                      context + "\nprinted: " + printed.toUtf8() + "\nerror: " + again.toUtf8());
        // Only digits, one point, two decimals and maybe a sign: the wire shape.
        const QByteArray p = printed.toLatin1();
        LL_FUZZ_CHECK(p.size() >= 4 && p.at(p.size() - 3) == '.', context + "\nprinted: " + p);
    }

    // Any integer prints as a decimal with two places and parses back when in range.
    const Money any(cents);
    const QString printed = any.toString();
    const QByteArray p = printed.toLatin1();
    LL_FUZZ_CHECK(p.size() >= 4 && p.at(p.size() - 3) == '.', p);
    if (cents != std::numeric_limits<qint64>::min()) {
        const Money::ParseRules wide { true, 15 };
        const qint64 whole = (cents < 0 ? -cents : cents) / 100;
        if (whole < 1000000000000000LL) {
            const auto back = Money::parse(printed, wide);
            LL_FUZZ_CHECK(back && back->cents() == cents, p);
        }
    } else {
        LL_FUZZ_CHECK(printed == QStringLiteral("-92233720368547758.08"), p);
    }
    return 0;
}
