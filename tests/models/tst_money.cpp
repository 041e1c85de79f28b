#include "models/money.h"

#include <QTest>

using LittleLemon::Money;

// Money: exact parsing and formatting of the contract's "12.50" strings.
class TstMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("cents");
        QTest::newRow("two places") << "12.50" << true << qint64(1250);
        QTest::newRow("one place") << "12.5" << true << qint64(1250);
        QTest::newRow("whole") << "12" << true << qint64(1200);
        QTest::newRow("three places") << "1.234" << false << qint64(0);
        QTest::newRow("letters") << "abc" << false << qint64(0);
        QTest::newRow("exponent") << "1e3" << false << qint64(0);
        QTest::newRow("empty") << "" << false << qint64(0);
        QTest::newRow("negative") << "-1.00" << false << qint64(0);
        QTest::newRow("five digits") << "10000.00" << false << qint64(0);
        QTest::newRow("four digits") << "9999.99" << true << qint64(999999);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, cents);
        QString error;
        const auto m = Money::parse(text, Money::MenuPrice, &error);
        QCOMPARE(m.has_value(), ok);
        if (ok)
            QCOMPARE(m->cents(), cents);
        else
            QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstMoney)
#include "tst_money.moc"
