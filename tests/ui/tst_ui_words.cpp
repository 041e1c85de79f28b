// Issue 14, the words and numbers a person reads, in en, pt_BR and es,
// against a real in-process server: every amount on screen as the locale
// writes it (a card's total in pt_BR is "22,23", not "22.23"), and one word
// for each thing on the Staff page and its dialogs ("User name", "Email",
// "account"; Managers, Delivery crew and Kitchen by those names, never the
// server's "group" or "delivery-crew").

#include "deskfixture.h"
#include "models/menumodel.h"
#include "models/ordersmodel.h"
#include "models/staffmodel.h"
#include "ui/accountdialog.h"
#include "ui/counterorderdialog.h"
#include "ui/language.h"
#include "ui/menupage.h"
#include "ui/ordercarddelegate.h"
#include "ui/orderdetailsdialog.h"
#include "ui/staffpage.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTableView>
#include <QTableWidget>
#include <QTranslator>
#include <QtTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;

class TestUiWords : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void amountsFollowTheLocale_data();
    void amountsFollowTheLocale();
    void staffSaysOneWordForEachThing_data();
    void staffSaysOneWordForEachThing();

private:
    void useLanguage(const QString &code);

    std::unique_ptr<DeskFixture> m_desk;
    QTranslator *m_translator = nullptr;
};

namespace {

// What a person can read in `root`: labels, buttons and their tips, box
// titles, placeholders, the column headers and cells of its tables, the
// window title.
QStringList visibleTexts(QWidget *root)
{
    QStringList out;
    auto add = [&out](const QString &text) {
        if (!text.trimmed().isEmpty())
            out << text;
    };
    add(root->windowTitle());
    QList<QWidget *> all = root->findChildren<QWidget *>();
    all.prepend(root);
    for (QWidget *w : std::as_const(all)) {
        if (w != root && !w->isVisibleTo(root))
            continue;
        add(w->toolTip());
        if (auto *l = qobject_cast<QLabel *>(w))
            add(l->text());
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            add(b->text());
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            add(g->title());
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            add(e->placeholderText());
        if (auto *v = qobject_cast<QTableView *>(w)) {
            const QAbstractItemModel *m = v->model();
            for (int c = 0; c < m->columnCount(); ++c) {
                if (v->isColumnHidden(c))
                    continue;
                add(m->headerData(c, Qt::Horizontal).toString());
                for (int r = 0; r < m->rowCount(); ++r)
                    add(m->index(r, c).data().toString());
            }
        }
    }
    return out;
}

struct Words
{
    QStringList required; // each in some text
    QStringList forbidden; // in none (case-insensitive)
};

Words wordsFor(const QString &language)
{
    if (language == u"pt_BR")
        return { { QStringLiteral("Nome de usuário"), QStringLiteral("E-mail"), QStringLiteral("conta"),
                     QStringLiteral("Gerentes"), QStringLiteral("Entregadores") },
            { QStringLiteral("grupo"), QStringLiteral("group"), QStringLiteral("delivery-crew"),
                QStringLiteral("Email"), QStringLiteral("Username"), QStringLiteral("login") } };
    if (language == u"es")
        return { { QStringLiteral("Nombre de usuario"), QStringLiteral("Correo electrónico"),
                     QStringLiteral("cuenta"), QStringLiteral("Gerentes"), QStringLiteral("Repartidores") },
            { QStringLiteral("grupo"), QStringLiteral("group"), QStringLiteral("delivery-crew"),
                QStringLiteral("E-mail"), QStringLiteral("Email"), QStringLiteral("Username") } };
    return { { QStringLiteral("User name"), QStringLiteral("Email"), QStringLiteral("account"),
                 QStringLiteral("Managers"), QStringLiteral("Delivery crew") },
        { QStringLiteral("group"), QStringLiteral("delivery-crew"), QStringLiteral("E-mail"),
            QStringLiteral("Username"), QStringLiteral("login") } };
}

// The failures: forbidden words found (with the text), required ones missing.
QStringList wrongWords(const QStringList &texts, const Words &words)
{
    QStringList out;
    for (const QString &text : texts) {
        for (const QString &bad : words.forbidden) {
            // "Email" is forbidden where "E-mail" is the word: not inside "E-mail".
            QString t = text;
            if (bad == u"Email")
                t.remove(QStringLiteral("E-mail"), Qt::CaseInsensitive);
            if (t.contains(
                    bad, bad == u"Email" || bad == u"Username" ? Qt::CaseSensitive : Qt::CaseInsensitive))
                out << QStringLiteral("\"%1\" in: %2").arg(bad, text);
        }
    }
    for (const QString &good : words.required) {
        bool found = false;
        for (const QString &text : texts)
            found = found || text.contains(good, Qt::CaseInsensitive);
        if (!found)
            out << QStringLiteral("\"%1\" nowhere").arg(good);
    }
    return out;
}

} // namespace

void TestUiWords::useLanguage(const QString &code)
{
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator);
        delete m_translator;
        m_translator = nullptr;
    }
    QLocale::setDefault(QLocale(code == u"es" ? QStringLiteral("es_ES")
            : code == u"en"                   ? QStringLiteral("en_US")
                                              : code));
    if (code == u"en")
        return;
    m_translator = new QTranslator(this);
    QVERIFY2(m_translator->load(Ui::Language::translationFile(code)),
        qPrintable(Ui::Language::translationFile(code)));
    QCoreApplication::installTranslator(m_translator);
}

void TestUiWords::initTestCase()
{
    m_desk = std::make_unique<DeskFixture>();
    QVERIFY2(m_desk->startServer(), qPrintable(m_desk->errorString()));
    // The owner: an administrator and a manager, who sees every account.
    QVERIFY2(m_desk->signIn(QStringLiteral("owner"), TestRestaurant::kOwnerPassword),
        qPrintable(m_desk->errorString()));
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
}

void TestUiWords::cleanupTestCase()
{
    m_desk.reset();
}

void TestUiWords::amountsFollowTheLocale_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("amount"); // a pattern every amount on screen matches
    QTest::newRow("pt_BR") << "pt_BR"
                           << R"(^\d{1,3}(\.\d{3})*,\d\d$)";
    QTest::newRow("es") << "es"
                        << R"(^\d{1,3}(\.\d{3})*,\d\d$|^\d{4},\d\d$)";
    QTest::newRow("en") << "en"
                        << R"(^\d{1,3}(,\d{3})*\.\d\d$)";
}

// A card, the order's details, the menu table and the counter order: the
// same amount, written as the locale writes it, by Money::toDisplay.
void TestUiWords::amountsFollowTheLocale()
{
    QFETCH(QString, language);
    QFETCH(QString, amount);
    useLanguage(language);
    auto reset = qScopeGuard([this] { useLanguage(QStringLiteral("en")); });
    const QRegularExpression shape(amount);
    const QLocale locale;
    Ui::Workspace *ws = m_desk->workspace();

    // The board's cards: the total a card paints, for every order.
    OrdersModel *orders = ws->ordersModel();
    QVERIFY(orders->rowCount() > 0);
    qint64 orderId = 0;
    for (int row = 0; row < orders->rowCount(); ++row) {
        const QModelIndex index = orders->index(row, 0);
        const Money total(index.data(OrdersModel::TotalCentsRole).toLongLong());
        const QString card = Ui::OrderCardDelegate::totalText(index);
        QVERIFY2(shape.match(card).hasMatch(), qPrintable(card));
        QCOMPARE(card, total.toDisplay(locale));
        QCOMPARE(orders->index(row, OrdersModel::TotalColumn).data().toString(), card);
        if (!orderId && total.cents() % 100 != 0)
            orderId = index.data(OrdersModel::IdRole).toLongLong();
    }
    if (!orderId)
        orderId = orders->index(0, 0).data(OrdersModel::IdRole).toLongLong();

    // The order's details: the total in the heading, each line's prices.
    {
        Ui::OrderDetailsDialog details(ws->store(), orderId, m_desk->window());
        const Order o = ws->store()->cache()->order(orderId)->record;
        bool headed = false;
        for (QLabel *l : details.findChildren<QLabel *>())
            headed = headed || l->text().endsWith(o.total.toDisplay(locale));
        QVERIFY2(headed, qPrintable(o.total.toDisplay(locale)));
        auto *lines = details.findChild<QTableWidget *>();
        QVERIFY(lines);
        QCOMPARE(lines->rowCount(), int(o.items.size()));
        for (int row = 0; row < lines->rowCount(); ++row) {
            for (int column : { 2, 3 }) {
                const QString text = lines->item(row, column)->text();
                QVERIFY2(shape.match(text).hasMatch(), qPrintable(text));
            }
            QCOMPARE(lines->item(row, 3)->text(), o.items.at(row).price.toDisplay(locale));
        }
    }

    // The menu page's prices.
    m_desk->window()->showPage(Ui::MainWindow::MenuPageId);
    auto *menu = qobject_cast<Ui::MenuPage *>(m_desk->window()->page(Ui::MainWindow::MenuPageId));
    QAbstractItemModel *shown = menu->view()->model();
    QVERIFY(shown->rowCount() > 0);
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex price = shown->index(row, MenuModel::PriceColumn);
        const QString text = price.data().toString();
        QVERIFY2(shape.match(text).hasMatch(), qPrintable(text));
        QCOMPARE(text, Money(price.data(MenuModel::PriceCentsRole).toLongLong()).toDisplay(locale));
    }

    // The counter order: each line and the total.
    {
        Ui::CounterOrderDialog counter(ws, m_desk->window());
        const auto items = ws->store()->cache()->menuItems();
        Money expected;
        for (int i = 0; i < 3 && i < items.size(); ++i) {
            counter.setQuantity(items.at(i).record.id, i + 1);
            expected += items.at(i).record.price * (i + 1);
        }
        auto *lines = counter.findChild<QTableWidget *>();
        QVERIFY(lines);
        for (int row = 0; row < lines->rowCount(); ++row) {
            const QString text = lines->item(row, 2)->text();
            QVERIFY2(shape.match(text).hasMatch(), qPrintable(text));
        }
        bool totalShown = false;
        for (QLabel *l : counter.findChildren<QLabel *>())
            totalShown = totalShown || l->text().endsWith(u' ' + expected.toDisplay(locale));
        QVERIFY2(totalShown, qPrintable(expected.toDisplay(locale)));
    }
    m_desk->window()->showPage(Ui::MainWindow::OrdersPageId);
}

void TestUiWords::staffSaysOneWordForEachThing_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("person"); // added to the delivery crew and removed again
    QTest::newRow("en") << "en"
                        << "admin";
    QTest::newRow("pt_BR") << "pt_BR"
                           << "mario";
    QTest::newRow("es") << "es"
                        << "cust";
}

// Every text on the Staff page and in its dialogs, questions and messages.
void TestUiWords::staffSaysOneWordForEachThing()
{
    QFETCH(QString, language);
    QFETCH(QString, person);
    useLanguage(language);
    auto reset = qScopeGuard([this] { useLanguage(QStringLiteral("en")); });
    // Made after the language is chosen, as the desk makes it at sign-in.
    Ui::StaffPage staff(m_desk->workspace());
    staff.resize(1300, 700);
    staff.show();
    QVERIFY(QTest::qWaitForWindowExposed(&staff));
    QVERIFY2(staff.accountsTable(), "standalone: the accounts are on the page");
    QTRY_VERIFY(staff.accountsTable()->rowCount() >= 5);
    QSignalSpy said(&staff, &Ui::Page::statusMessage);
    QStringList texts = visibleTexts(&staff);

    // The refusals said under the list: nothing typed, someone there already.
    QVERIFY(!staff.addMember(kDeliveryCrewGroup, QString()));
    texts << visibleTexts(&staff);
    QVERIFY(!staff.addMember(kDeliveryCrewGroup, QStringLiteral("crew")));
    const QStringList refused = visibleTexts(&staff);
    QVERIFY2(refused.join(u'\n').contains(QStringLiteral("crew")), qPrintable(refused.join(u'\n')));
    texts << refused;

    // Added: the status bar and the outbox's line name the list as the page does.
    const qint64 before = m_desk->store()->outbox()->entries().size();
    QVERIFY(staff.addMember(kDeliveryCrewGroup, person));
    const auto entries = m_desk->store()->outbox()->entries();
    QVERIFY(entries.size() > before);
    const QString title = groupTitle(kDeliveryCrewGroup);
    const QString summary = entries.last().summary;
    texts << summary;
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));

    // Removing asks first, in the same words.
    QTableView *crew = staff.view(kDeliveryCrewGroup);
    QTRY_VERIFY(crew->model()->rowCount() >= 2);
    for (int row = 0; row < crew->model()->rowCount(); ++row)
        if (crew->model()->index(row, 0).data(StaffModel::UsernameRole).toString() == person)
            crew->setCurrentIndex(crew->model()->index(row, 0));
    staff.confirmRemove(kDeliveryCrewGroup);
    auto *box = staff.findChild<QMessageBox *>(QStringLiteral("confirmRemove"));
    QVERIFY(box);
    const QString question = box->text();
    texts << box->windowTitle() << question;
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY(!said.isEmpty());
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    for (const QList<QVariant> &message : std::as_const(said))
        texts << message.first().toString();

    // The account dialogs: a new account, a new password.
    QStringList missing;
    for (auto mode : { Ui::AccountDialog::Mode::Create, Ui::AccountDialog::Mode::ResetPassword }) {
        Ui::AccountDialog dialog(m_desk->server(), mode,
            mode == Ui::AccountDialog::Mode::Create ? QString() : QStringLiteral("crew"), &staff);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList shown = visibleTexts(&dialog);
        // The user name field is called the same in both.
        const QString userName = language == u"pt_BR" ? QStringLiteral("Nome de usuário")
            : language == u"es"                       ? QStringLiteral("Nombre de usuario")
                                                      : QStringLiteral("User name");
        if (!shown.contains(userName))
            missing << QStringLiteral("\"%1\" not a field of: %2")
                           .arg(userName, shown.join(QStringLiteral(" | ")));
        texts << shown;
    }

    texts.removeDuplicates();
    const QStringList wrong = wrongWords(texts, wordsFor(language)) + missing;
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    // The outbox's line and the question name the list as the page does.
    QVERIFY2(summary.endsWith(title), qPrintable(summary));
    QVERIFY2(question.contains(title), qPrintable(question));
}

LL_UI_TEST_MAIN_SCREEN(TestUiWords, 1366, 768)
#include "tst_ui_words.moc"
