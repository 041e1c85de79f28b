// The ESC/POS encoder, its decoder and the ticket/receipt layouts, byte for
// byte against golden files (tests/print/golden/*.bin). On a mismatch the
// test prints the decoded commands around the first difference. To accept a
// deliberate change: LL_UPDATE_GOLDEN=1 ctest -R tst_print_escpos, then
// review the decoded diff in the commit.
#include "print/codepage.h"
#include "print/escposdecoder.h"
#include "print/escposwriter.h"
#include "print/ticket.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QTranslator>

using namespace LittleLemon;
using namespace LittleLemon::Print;

namespace {

struct Sample
{
    QString language;
    CodePage page;
    QString currency;
    Ticket ticket;
    QStringList mustRead; // text that must come back from the bytes, accents and all
};

Ticket baseTicket()
{
    Ticket t;
    t.orderId = 1042;
    t.placedAt = QDateTime(QDate(2026, 12, 2), QTime(19, 40), Qt::UTC);
    t.station = QStringLiteral("kitchen");
    t.where = Ticket::Where::Table;
    t.table = QStringLiteral("4");
    return t;
}

Sample sample(const QString &language)
{
    Sample s;
    s.language = language;
    s.ticket = baseTicket();
    auto &t = s.ticket;
    const auto line = [&](int q, const char *title, const char *note, qint64 unit) {
        t.lines.append({ q, QString::fromUtf8(title), QString::fromUtf8(note), Money(unit), Money(unit * q) });
        t.total += Money(unit * q);
    };
    if (language == u"pt_BR") {
        s.page = CodePage::Cp860;
        s.currency = QStringLiteral("R$");
        line(2, "Salada grega", "sem cebola", 1250);
        line(1, "Pão de queijo", "", 800);
        line(1, "Feijoada à moda da casa com farofa e couve refogada", "bem quente, arroz à parte", 4590);
        t.orderNote = QString::fromUtf8("Cliente alérgico a amendoim — atenção");
        s.mustRead = QStringList { QStringLiteral("sem cebola"), QString::fromUtf8("Pão de queijo"),
                                   QString::fromUtf8("atenção"), QStringLiteral("R$ 25,00") };
    } else if (language == u"es") {
        s.page = CodePage::Cp858;
        s.currency = QString::fromUtf8("€");
        line(2, "Ensalada griega", "sin cebolla", 1250);
        line(1, "Crema catalana", "", 650);
        line(1, "Paella de mariscos con alcachofas y pimientos asados", "para compartir, dos platos", 3890);
        t.orderNote = QString::fromUtf8("¿Puede salir rápido? Niño pequeño");
        s.mustRead = QStringList { QStringLiteral("sin cebolla"), QString::fromUtf8("¿Puede salir rápido? Niño"),
                                   QString::fromUtf8("25,00 €") };
    } else {
        s.page = CodePage::Cp858;
        s.currency = QStringLiteral("$");
        line(2, "Greek salad", "no onions", 1250);
        line(1, "Lemon dessert", "", 650);
        line(1, "Grilled fish with lemon, capers and a very long list of sides", "sauce on the side", 2490);
        t.orderNote = QStringLiteral("Allergic to peanuts");
        s.mustRead = QStringList { QStringLiteral("no onions"), QStringLiteral("Allergic to peanuts"),
                                   QStringLiteral("$25.00") };
    }
    return s;
}

QString goldenPath(const QString &name)
{
    return QStringLiteral(LL_GOLDEN_DIR "/") + name + QStringLiteral(".bin");
}

} // namespace

class TestPrintEscPos : public QObject
{
    Q_OBJECT

private:
    QTranslator *m_translator = nullptr;

    void useLanguage(const QString &language)
    {
        if (m_translator) {
            QCoreApplication::removeTranslator(m_translator);
            delete m_translator;
            m_translator = nullptr;
        }
        if (language == u"en")
            return;
        m_translator = new QTranslator(this);
        QVERIFY2(m_translator->load(QStringLiteral(":/i18n/littlelemon_%1.qm").arg(language)),
                 qPrintable(language));
        QCoreApplication::installTranslator(m_translator);
    }

private slots:
    void codePages()
    {
        QCOMPARE(encodeText(QString::fromUtf8("€"), CodePage::Cp858), QByteArray("\xD5"));
        QCOMPARE(encodeText(QString::fromUtf8("ãõÇ"), CodePage::Cp860), QByteArray("\x84\x94\x80"));
        QCOMPARE(encodeText(QString::fromUtf8("ñ¿¡"), CodePage::Cp858), QByteArray("\xA4\xA8\xAD"));
        // CP860 has no euro sign and no 'ı': plain letters or '?', never a wrong glyph.
        QCOMPARE(encodeText(QString::fromUtf8("€"), CodePage::Cp860), QByteArray("?"));
        // Decomposed input (e + combining acute) is composed first.
        QCOMPARE(encodeText(QString::fromUtf8("e\xCC\x81"), CodePage::Cp858), QByteArray("\x82"));
        // Text never carries a command byte.
        QCOMPARE(encodeText(QString::fromUtf8("a\x1B@b"), CodePage::Cp858), QByteArray("a@b"));
        for (const CodePage page : { CodePage::Cp858, CodePage::Cp860 }) {
            QByteArray all;
            for (int b = 0x20; b < 0x100; ++b)
                if (b != 0x7F)
                    all.append(char(b));
            QCOMPARE(encodeText(decodeText(all, page), page), all);
        }
    }

    void wrapping_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("columns");
        QTest::newRow("short") << QStringLiteral("Greek salad") << 32;
        QTest::newRow("words") << QStringLiteral("Grilled fish with lemon, capers and a very long list of sides") << 16;
        QTest::newRow("one long word") << QString(100, u'x') << 32;
        QTest::newRow("accents") << QString::fromUtf8("Feijoada à moda da casa com farofa e couve refogada") << 24;
    }

    void wrapping()
    {
        QFETCH(QString, text);
        QFETCH(int, columns);
        const QStringList lines = wrapText(text, columns);
        QString joined;
        for (const QString &l : lines) {
            QVERIFY2(l.size() <= columns, qPrintable(l));
            joined += l;
        }
        QString expected = text;
        QCOMPARE(joined.remove(u' '), expected.remove(u' '));
    }

    void writerCommands()
    {
        EscPosWriter w(CodePage::Cp858, 32);
        w.init().bold(true).doubleSize(true).align(EscPosWriter::Align::Center).line(QStringLiteral("Hi"));
        w.feed(2).cut();
        QCOMPARE(w.bytes().toHex(' '), QByteArray("1b 40 1b 74 13 1b 45 01 1d 21 11 1b 61 01 48 69 0a 1b 64 02 1d 56 42 00"));
        QCOMPARE(EscPosDecoder::describe(w.bytes()),
                 QStringList({ "INIT", "CODEPAGE CP858", "BOLD on", "SIZE double", "ALIGN center", "TEXT |Hi|",
                               "LF", "FEED 2", "CUT" }));
        QCOMPARE(EscPosDecoder::splitAtCuts(w.bytes() + w.bytes() + QByteArray("tail")).size(), 2);
    }

    void moneyAsTheLocaleWritesIt()
    {
        QCOMPARE(formatMoney(Money(2500), QLocale(QStringLiteral("en_US")), QStringLiteral("$")), QStringLiteral("$25.00"));
        QCOMPARE(formatMoney(Money(2500), QLocale(QStringLiteral("pt_BR")), QStringLiteral("R$")), QStringLiteral("R$ 25,00"));
        QCOMPARE(formatMoney(Money(2500), QLocale(QStringLiteral("es_ES")), QString::fromUtf8("€")),
                 QString::fromUtf8("25,00 €"));
        QCOMPARE(formatMoney(Money(123456), QLocale(QStringLiteral("es_ES")), QString()), QStringLiteral("1234,56"));
    }

    void golden_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("mm");
        QTest::addColumn<bool>("receipt");
        for (const char *lang : { "en", "pt_BR", "es" })
            for (const int mm : { 58, 80 })
                for (const bool receipt : { false, true })
                    QTest::addRow("%s %s %d", receipt ? "receipt" : "ticket", lang, mm)
                        << QString::fromLatin1(lang) << mm << receipt;
    }

    void golden()
    {
        QFETCH(QString, language);
        QFETCH(int, mm);
        QFETCH(bool, receipt);
        useLanguage(language);
        const Sample s = sample(language);
        LayoutOptions options;
        options.width = *paperWidthFromMm(mm);
        options.codePage = s.page;
        options.locale = QLocale(language == u"es" ? QStringLiteral("es_ES") : language == u"en" ? QStringLiteral("en_US") : language);
        options.currencySymbol = s.currency;
        const QByteArray bytes = receipt ? TicketLayout::receipt(s.ticket, options)
                                         : TicketLayout::kitchenTicket(s.ticket, options);
        const QString name = QStringLiteral("%1_%2_%3").arg(receipt ? "receipt" : "ticket", language).arg(mm);

        // What the paper says, whatever the golden file holds.
        const QString text = EscPosDecoder::plainText(bytes);
        const int columns = columnsFor(options.width);
        for (const QString &l : text.split(u'\n'))
            QVERIFY2(l.size() <= columns, qPrintable(l));
        QString flat = text;
        flat.replace(u'\n', u' ');
        flat = flat.simplified();
        for (const QString &must : s.mustRead) {
            if (!receipt && must.contains(s.currency))
                continue;
            if (receipt && (must.startsWith(u"sem") || must.startsWith(u"sin") || must.startsWith(u"no ")
                            || must.contains(u"peanuts") || must.contains(u"atenção") || must.contains(u"Puede")))
                continue;
            QVERIFY2(flat.contains(must), qPrintable(must + QStringLiteral(" not in:\n") + text));
        }
        if (!receipt) {
            // The line's note is printed under its line.
            const QStringList lines = text.split(u'\n');
            const qsizetype at = lines.indexOf(QStringLiteral("   > ") + s.ticket.lines.first().note);
            QVERIFY2(at > 0 && s.ticket.lines.first().title.contains(lines.at(at - 1).mid(4).trimmed()), qPrintable(text));
        }

        const QString path = goldenPath(name);
        if (qEnvironmentVariableIsSet("LL_UPDATE_GOLDEN")) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes);
        }
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path + QStringLiteral(" is missing; LL_UPDATE_GOLDEN=1 writes it")));
        const QByteArray golden = file.readAll();
        if (golden != bytes)
            QFAIL(qPrintable(name + QStringLiteral(": bytes differ from the golden file\n")
                             + EscPosDecoder::diff(golden, bytes)));
        useLanguage(QStringLiteral("en"));
    }

    void reprintAndChanged()
    {
        Ticket t = sample(QStringLiteral("en")).ticket;
        t.kind = Ticket::Kind::Reprint;
        t.reprintedAt = QDateTime(QDate(2026, 12, 2), QTime(20, 5), Qt::UTC);
        const QString reprint = EscPosDecoder::plainText(TicketLayout::kitchenTicket(t, {}));
        QVERIFY2(reprint.contains(QStringLiteral("REPRINT 20:05")), qPrintable(reprint));

        QList<TicketLine> after = t.lines;
        after[0].quantity = 3;                 // one more salad
        after.removeAt(1);                     // no dessert
        after.append({ 1, QStringLiteral("Lemonade"), QString(), Money(300), Money(300) });
        const QList<TicketLine> diff = Ticket::difference(t.lines, after);
        QCOMPARE(diff.size(), 3);
        Ticket changed = t;
        changed.kind = Ticket::Kind::Changed;
        changed.lines = diff;
        const QString text = EscPosDecoder::plainText(TicketLayout::kitchenTicket(changed, {}));
        QVERIFY2(text.contains(QStringLiteral("CHANGED")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("+1 x Greek salad")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("-1 x Lemon dessert")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("+1 x Lemonade")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("Grilled fish")), qPrintable(text));
        // Round trip through the queue's storage form.
        QCOMPARE(Ticket::fromJson(changed.toJson()).lines, changed.lines);
    }
};

QTEST_GUILESS_MAIN(TestPrintEscPos)
#include "tst_print_escpos.moc"
