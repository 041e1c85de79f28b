#include "models/fieldlimits.h"
#include "models/money.h"

#include <limits>
#include <QTest>
#include <QVariant>

using LittleLemon::Money;

namespace {

// Which of Money's parse rules a row uses; a column of enums reads better than
// three booleans in every row.
enum class Rules { Menu, Line, Signed };

Money::ParseRules rulesFor(Rules r)
{
    switch (r) {
    case Rules::Menu:
        return Money::MenuPrice;
    case Rules::Line:
        return Money::LineTotal;
    case Rules::Signed:
        return Money::ParseRules { true, 8 };
    }
    return Money::MenuPrice;
}

const QString kInvalid = QStringLiteral("A valid number is required.");
const QString kPlaces = QStringLiteral("Ensure that there are no more than 2 decimal places.");
const QString kNegative = QStringLiteral("Ensure this value is greater than or equal to 0.");
QString digits(int n)
{
    return QStringLiteral("Ensure that there are no more than %1 digits before the decimal point.").arg(n);
}

} // namespace

Q_DECLARE_METATYPE(Rules)

// Money: exact parsing and formatting of the contract's "12.50" strings, with
// the cloud's (Django REST Framework's) own error sentences.
class TstMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Rules>("rules");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<QString>("error");

        auto good = [](const char *name, const QString &text, Rules rules, qint64 cents) {
            QTest::newRow(name) << text << rules << true << cents << QString();
        };
        auto bad = [](const char *name, const QString &text, Rules rules, const QString &error) {
            QTest::newRow(name) << text << rules << false << qint64(0) << error;
        };

        // Accepted.
        good("two places", QStringLiteral("12.50"), Rules::Menu, 1250);
        good("one place", QStringLiteral("12.5"), Rules::Menu, 1250);
        good("whole", QStringLiteral("12"), Rules::Menu, 1200);
        good("zero", QStringLiteral("0"), Rules::Menu, 0);
        good("zero two places", QStringLiteral("0.00"), Rules::Menu, 0);
        good("one cent", QStringLiteral("0.01"), Rules::Menu, 1);
        good("five cents", QStringLiteral("0.05"), Rules::Menu, 5);
        good("ten cents one place", QStringLiteral("0.1"), Rules::Menu, 10);
        good("four integer digits", QStringLiteral("9999.99"), Rules::Menu, 999999);
        good("four integer digits whole", QStringLiteral("9999"), Rules::Menu, 999900);
        good("surrounding spaces (DRF strips)", QStringLiteral("  12.50 "), Rules::Menu, 1250);
        good("tab and newline around", QStringLiteral("\t3.00\n"), Rules::Menu, 300);
        good("leading zeros", QStringLiteral("0012.50"), Rules::Menu, 1250);
        good("leading zeros not counted as digits", QStringLiteral("00001234.00"), Rules::Menu, 123400);
        good("many leading zeros", QStringLiteral("000000000000000000000001.00"), Rules::Menu, 100);
        good("all zeros", QStringLiteral("0000.00"), Rules::Menu, 0);
        good("negative zero is zero", QStringLiteral("-0.00"), Rules::Menu, 0);
        good("line total eight digits", QStringLiteral("99999999.99"), Rules::Line, 9999999999);
        good("line total past menu limit", QStringLiteral("12345.60"), Rules::Line, 1234560);
        good("signed negative", QStringLiteral("-5.25"), Rules::Signed, -525);
        good("signed negative cent", QStringLiteral("-0.01"), Rules::Signed, -1);
        good("signed negative whole", QStringLiteral("-12"), Rules::Signed, -1200);

        // Rejected.
        bad("three places", QStringLiteral("1.234"), Rules::Menu, kPlaces);
        bad("three places of zeros", QStringLiteral("1.000"), Rules::Menu, kPlaces);
        bad("letters", QStringLiteral("abc"), Rules::Menu, kInvalid);
        bad("exponent", QStringLiteral("1e3"), Rules::Menu, kInvalid);
        bad("exponent after decimals", QStringLiteral("1.5e2"), Rules::Menu, kInvalid);
        bad("empty", QString(), Rules::Menu, kInvalid);
        bad("only spaces", QStringLiteral("   "), Rules::Menu, kInvalid);
        bad("negative menu price", QStringLiteral("-1.00"), Rules::Menu, kNegative);
        bad("negative cent", QStringLiteral("-0.01"), Rules::Menu, kNegative);
        bad("negative line total", QStringLiteral("-3"), Rules::Line, kNegative);
        bad("five integer digits", QStringLiteral("10000.00"), Rules::Menu, digits(4));
        bad("five integer digits whole", QStringLiteral("10000"), Rules::Menu, digits(4));
        bad("leading zeros then five digits", QStringLiteral("0012345"), Rules::Menu, digits(4));
        bad("nine digits for a line total", QStringLiteral("123456789.00"), Rules::Line, digits(8));
        bad("comma decimal", QStringLiteral("1,50"), Rules::Menu, kInvalid);
        bad("thousands separator", QStringLiteral("1,000.00"), Rules::Line, kInvalid);
        bad("plus sign", QStringLiteral("+1"), Rules::Menu, kInvalid);
        bad("no integer part", QStringLiteral(".5"), Rules::Menu, kInvalid);
        bad("no fraction after point", QStringLiteral("5."), Rules::Menu, kInvalid);
        bad("space inside", QStringLiteral("1 000.00"), Rules::Line, kInvalid);
        bad("space before point", QStringLiteral("12 .50"), Rules::Menu, kInvalid);
        bad("space after point", QStringLiteral("12. 50"), Rules::Menu, kInvalid);
        bad("space after minus", QStringLiteral("- 1"), Rules::Signed, kInvalid);
        bad("double minus", QStringLiteral("--1"), Rules::Signed, kInvalid);
        bad("lone minus", QStringLiteral("-"), Rules::Signed, kInvalid);
        bad("two points", QStringLiteral("1.2.3"), Rules::Menu, kInvalid);
        bad("trailing letters", QStringLiteral("12.50abc"), Rules::Menu, kInvalid);
        bad("currency sign", QStringLiteral("$12.50"), Rules::Menu, kInvalid);
        bad("hexadecimal", QStringLiteral("0x10"), Rules::Menu, kInvalid);
        bad("not a number", QStringLiteral("NaN"), Rules::Menu, kInvalid);
        bad("infinity", QStringLiteral("Infinity"), Rules::Menu, kInvalid);
        bad("arabic-indic digits", QStringLiteral("\u0661\u0662"), Rules::Menu, kInvalid);
        bad("fullwidth digits", QStringLiteral("\uff11\uff12"), Rules::Menu, kInvalid);
        bad("huge digit string", QStringLiteral("99999999999999999999"), Rules::Menu, digits(4));
        bad("huge digit string line total",
            QString(QStringLiteral("9").repeated(400) + QStringLiteral(".99")), Rules::Line, digits(8));
        bad("huge fraction", QString(QStringLiteral("1.") + QStringLiteral("0").repeated(300)), Rules::Menu,
            kPlaces);
        bad("huge fraction of nines", QString(QStringLiteral("1.") + QStringLiteral("9").repeated(300)),
            Rules::Menu, kPlaces);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(Rules, rules);
        QFETCH(bool, ok);
        QFETCH(qint64, cents);
        QFETCH(QString, error);
        QString why = QStringLiteral("untouched");
        const auto m = Money::parse(text, rulesFor(rules), &why);
        QCOMPARE(m.has_value(), ok);
        if (ok) {
            QCOMPARE(m->cents(), cents);
            QCOMPARE(why, QStringLiteral("untouched")); // success leaves the error alone
        } else {
            QCOMPARE(why, error);
        }
        // Without an error out-parameter the answer is the same.
        QCOMPARE(Money::parse(text, rulesFor(rules)).has_value(), ok);
    }

    void format_data()
    {
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0.00");
        QTest::newRow("one cent") << qint64(1) << QStringLiteral("0.01");
        QTest::newRow("ten cents") << qint64(10) << QStringLiteral("0.10");
        QTest::newRow("one") << qint64(100) << QStringLiteral("1.00");
        QTest::newRow("price") << qint64(1250) << QStringLiteral("12.50");
        QTest::newRow("menu maximum") << qint64(999999) << QStringLiteral("9999.99");
        QTest::newRow("no thousands separator") << qint64(123456789012) << QStringLiteral("1234567890.12");
        QTest::newRow("negative cents") << qint64(-5) << QStringLiteral("-0.05");
        QTest::newRow("negative") << qint64(-1250) << QStringLiteral("-12.50");
        QTest::newRow("negative whole") << qint64(-100) << QStringLiteral("-1.00");
        QTest::newRow("largest") << std::numeric_limits<qint64>::max()
                                 << QStringLiteral("92233720368547758.07");
        QTest::newRow("smallest") << std::numeric_limits<qint64>::min()
                                  << QStringLiteral("-92233720368547758.08");
    }
    void format()
    {
        QFETCH(qint64, cents);
        QFETCH(QString, text);
        QCOMPARE(Money(cents).toString(), text);
        QCOMPARE(Money::fromCents(cents).toString(), text);
    }

    // Whatever toString() writes, parse() reads back to the same cents.
    void roundTrip_data()
    {
        QTest::addColumn<qint64>("cents");
        for (qint64 c : { qint64(0), qint64(1), qint64(9), qint64(10), qint64(99), qint64(100), qint64(101),
                 qint64(1250), qint64(4780), qint64(999999), qint64(-1), qint64(-1250), qint64(9999999999),
                 qint64(-9999999999) })
            QTest::addRow("%lld", static_cast<long long>(c)) << c;
    }
    void roundTrip()
    {
        QFETCH(qint64, cents);
        const QString text = Money(cents).toString();
        const auto back = Money::parse(text, Money::ParseRules { true, 8 });
        QVERIFY2(back.has_value(), qPrintable(text));
        QCOMPARE(back->cents(), cents);
    }

    void arithmetic_data()
    {
        QTest::addColumn<qint64>("a");
        QTest::addColumn<qint64>("b");
        QTest::addColumn<qint64>("n");
        QTest::newRow("small") << qint64(550) << qint64(1599) << qint64(3);
        QTest::newRow("with zero") << qint64(0) << qint64(478) << qint64(0);
        QTest::newRow("negative") << qint64(-125) << qint64(300) << qint64(2);
        QTest::newRow("large") << qint64(9999999999) << qint64(1) << qint64(100);
    }
    void arithmetic()
    {
        QFETCH(qint64, a);
        QFETCH(qint64, b);
        QFETCH(qint64, n);
        const Money ma(a), mb(b);
        QCOMPARE((ma + mb).cents(), a + b);
        QCOMPARE((ma - mb).cents(), a - b);
        QCOMPARE((mb - ma).cents(), b - a);
        QCOMPARE((ma * n).cents(), a * n);
        Money acc(a);
        acc += mb;
        QCOMPARE(acc.cents(), a + b);
        QCOMPARE(ma == mb, a == b);
        QCOMPARE(ma != mb, a != b);
        QCOMPARE(ma < mb, a < b);
        QCOMPARE(ma <= mb, a <= b);
        QCOMPARE(ma > mb, a > b);
        QCOMPARE(ma >= mb, a >= b);
        QVERIFY(ma == Money::fromCents(a));
        QVERIFY(!(ma < ma) && ma <= ma && ma >= ma);
    }

    // An order's total is the exact sum of its lines: no float drift, whatever
    // the number of lines (0.10 added 1000 times is exactly 100.00).
    void sumIsExact()
    {
        Money total;
        const auto dime = Money::parse(u"0.10");
        QVERIFY(dime);
        for (int i = 0; i < 1000; ++i)
            total += *dime;
        QCOMPARE(total.toString(), QStringLiteral("100.00"));
        QCOMPARE((Money::parse(u"5.50").value() * 3).toString(), QStringLiteral("16.50"));
        QCOMPARE((Money::parse(u"16.50").value() + Money::parse(u"14.99").value()).toString(),
            QStringLiteral("31.49"));
    }

    void defaultsAndVariant()
    {
        QCOMPARE(Money().cents(), qint64(0));
        QCOMPARE(Money().toString(), QStringLiteral("0.00"));
        const QVariant v = QVariant::fromValue(Money(1250));
        QVERIFY(v.canConvert<Money>());
        QCOMPARE(v.value<Money>(), Money(1250));
        static_assert(Money(3) + Money(4) == Money(7), "Money arithmetic is constexpr");
    }

    // Issue 14: what a person types, in their locale; never a different number.
    void parseInput_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("cents"); // -1: refused
        QTest::addColumn<QString>("words");
        QTest::newRow("pt_BR comma") << "pt_BR" << "12,50" << qint64(1250) << QString();
        QTest::newRow("es comma") << "es_ES" << "12,5" << qint64(1250) << QString();
        QTest::newRow("pt_BR point") << "pt_BR" << "12.50" << qint64(1250) << QString();
        QTest::newRow("en point") << "en_US" << "12.50" << qint64(1250) << QString();
        QTest::newRow("en comma decimals") << "en_US" << "12,50" << qint64(1250) << QString();
        QTest::newRow("en thousands") << "en_US" << "1,250" << qint64(-1) << "thousands";
        QTest::newRow("both separators") << "pt_BR" << "1.250,00" << qint64(-1) << "thousands";
        QTest::newRow("trailing comma") << "pt_BR" << "12," << qint64(1200) << QString();
        QTest::newRow("leading comma") << "pt_BR" << ",5" << qint64(50) << QString();
        QTest::newRow("spaces") << "en_US" << " 7 " << qint64(700) << QString();
        QTest::newRow("too large") << "en_US" << "99999999" << qint64(-1) << "at most 9999.99";
        QTest::newRow("too large pt_BR") << "pt_BR" << "10000" << qint64(-1) << "at most 9999,99";
        QTest::newRow("negative") << "en_US" << "-5" << qint64(-1) << "negative";
        QTest::newRow("three decimals") << "en_US" << "5.999" << qint64(-1) << "2 decimals";
        QTest::newRow("letters") << "en_US" << "12a" << qint64(-1) << "not a price";
        QTest::newRow("empty") << "en_US" << "" << qint64(-1) << "Type a price";
    }

    void parseInput()
    {
        QFETCH(QString, locale);
        QFETCH(QString, text);
        QFETCH(qint64, cents);
        QFETCH(QString, words);
        QString why;
        const auto money = Money::parseInput(text, QLocale(locale), Money::MenuPrice, &why);
        if (cents < 0) {
            QVERIFY(!money);
            QVERIFY2(why.contains(words), qPrintable(why));
        } else {
            QVERIFY2(money, qPrintable(why));
            QCOMPARE(money->cents(), cents);
        }
    }

    void toInputFollowsTheLocale()
    {
        QCOMPARE(Money(1250).toInput(QLocale(QStringLiteral("pt_BR"))), QStringLiteral("12,50"));
        QCOMPARE(Money(1250).toInput(QLocale(QStringLiteral("en_US"))), QStringLiteral("12.50"));
        QCOMPARE(Money::maximum().cents(), qint64(999999));
        // The menu price rules and the field limits the server and the store check agree.
        QCOMPARE(Money::maximum().cents(), LittleLemon::Limits::kPriceMaxCents);
        // What is shown reads back as the same number, in every locale.
        for (const char *l : { "pt_BR", "es_ES", "en_US", "de_DE" }) {
            const QLocale locale { QString::fromLatin1(l) };
            QCOMPARE(Money::parseInput(Money(123456).toInput(locale), locale)->cents(), qint64(123456));
        }
    }

    // Issue 14: a card's total in pt_BR reads "22,23", not "22.23"; the one
    // formatter every amount on screen goes through.
    void toDisplayFollowsTheLocale_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<QString>("shown");
        QTest::newRow("pt_BR card total") << "pt_BR" << qint64(2223) << "22,23";
        QTest::newRow("es card total") << "es_ES" << qint64(2223) << "22,23";
        QTest::newRow("en card total") << "en_US" << qint64(2223) << "22.23";
        QTest::newRow("pt_BR cents") << "pt_BR" << qint64(5) << "0,05";
        QTest::newRow("pt_BR zero") << "pt_BR" << qint64(0) << "0,00";
        QTest::newRow("pt_BR negative") << "pt_BR" << qint64(-5) << "-0,05";
        QTest::newRow("pt_BR grouped") << "pt_BR" << qint64(1234567) << "12.345,67";
        QTest::newRow("es grouped") << "es_ES" << qint64(1234567) << "12.345,67";
        QTest::newRow("en grouped") << "en_US" << qint64(1234567) << "12,345.67";
        QTest::newRow("en ten cents") << "en_US" << qint64(10) << "0.10";
    }

    void toDisplayFollowsTheLocale()
    {
        QFETCH(QString, locale);
        QFETCH(qint64, cents);
        QFETCH(QString, shown);
        QCOMPARE(Money(cents).toDisplay(QLocale(locale)), shown);
        // The default locale is what the desk shows in (Language::install sets it).
        const QLocale before;
        QLocale::setDefault(QLocale(locale));
        const QString byDefault = Money(cents).toDisplay();
        QLocale::setDefault(before);
        QCOMPARE(byDefault, shown);
    }
};

QTEST_GUILESS_MAIN(TstMoney)
#include "tst_money.moc"
