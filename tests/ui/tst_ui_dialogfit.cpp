// Every dialog of the desk fits a 1366x768 screen, at 100 % and (second
// ctest entry, QT_SCALE_FACTOR=1.25) at 125 %, in English, Brazilian
// Portuguese and Spanish, the longest strings: opened offscreen on a screen
// of that size, no visible child lies outside the dialog, no two visible
// labels or fields overlap, and no wrapped label is cut. The first start
// (an empty server, --standalone) is played by keyboard: the radio toggles
// keep the dialog's size, and it creates the "manager (administrator)" it
// promises.

#include "deskfixture.h"

#include "api/client/syncengine.h"
#include "models/localstore.h"
#include "ui/accountdialog.h"
#include "ui/boardsettingsdialog.h"
#include "ui/bookingdialog.h"
#include "ui/categoriesdialog.h"
#include "ui/counterorderdialog.h"
#include "ui/crewpickerdialog.h"
#include "ui/language.h"
#include "ui/menuitemdialog.h"
#include "ui/networkservedialog.h"
#include "ui/orderdetailsdialog.h"
#include "ui/outboxdialog.h"
#include "ui/shortcutsdialog.h"
#include "ui/signindialog.h"
#include "ui/tablesdialog.h"
#include "ui/printersdialog.h"
#include "print/printservice.h"
#include "ui/reportspage.h"
#include "standaloneserver.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QStyle>
#include <QTableWidget>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTranslator>
#include <QScopeGuard>
#include <QtTest>

#include <functional>

using namespace LittleLemon;
using namespace LittleLemon::Test;

class TestUiDialogFit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void firstStartByKeyboard();
    void plainStartStartsNoServer();
    void everyDialogFits_data();
    void everyDialogFits();

private:
    // Empty when `dialog` fits; otherwise what is wrong, in words.
    QStringList problems(QDialog *dialog) const;
    // The Printers dialog's tables: whole headers, choices that show their words.
    QStringList tableProblems(QDialog *dialog) const;
    void useLanguage(const QString &code);

    std::unique_ptr<DeskFixture> m_fresh;
    std::unique_ptr<DeskFixture> m_desk;
    QTranslator *m_translator = nullptr;
};

namespace {
bool isField(const QWidget *w)
{
    return qobject_cast<const QLabel *>(w) || qobject_cast<const QLineEdit *>(w)
        || qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QComboBox *>(w)
        || qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QAbstractItemView *>(w)
        || qobject_cast<const QTextEdit *>(w) || qobject_cast<const QPlainTextEdit *>(w);
}

// A field inside another (a spin box's line edit, a view's editor) is that
// field's business, not the dialog's layout.
bool insideField(const QWidget *w, const QWidget *dialog)
{
    for (const QWidget *p = w->parentWidget(); p && p != dialog; p = p->parentWidget()) {
        if (isField(p))
            return true;
    }
    return false;
}
} // namespace

QStringList TestUiDialogFit::problems(QDialog *dialog) const
{
    QStringList out;
    const QRect screen = dialog->screen()->availableGeometry();
    const QSize frame = dialog->frameGeometry().size();
    if (frame.width() > screen.width() || frame.height() > screen.height())
        out << QStringLiteral("%1x%2 is larger than the screen's %3x%4")
                   .arg(frame.width()).arg(frame.height()).arg(screen.width()).arg(screen.height());
    else if (!screen.contains(dialog->frameGeometry()))
        out << QStringLiteral("at %1,%2 %3x%4 it reaches past the screen's edge (%5x%6)")
                   .arg(dialog->frameGeometry().x()).arg(dialog->frameGeometry().y())
                   .arg(frame.width()).arg(frame.height()).arg(screen.width()).arg(screen.height());
    QList<QWidget *> fields;
    for (QWidget *w : dialog->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(dialog) || w->isWindow() || !isField(w) || insideField(w, dialog))
            continue;
        const QRect r(w->mapTo(dialog, QPoint(0, 0)), w->size());
        const QString name = QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(w->metaObject()->className()),
                                                            w->objectName().isEmpty()
                                                                ? (qobject_cast<QLabel *>(w) ? qobject_cast<QLabel *>(w)->text().left(30)
                                                                   : qobject_cast<QAbstractButton *>(w) ? qobject_cast<QAbstractButton *>(w)->text()
                                                                                                       : QString())
                                                                : w->objectName());
        if (!dialog->rect().contains(r))
            out << QStringLiteral("%1 at %2,%3 %4x%5 lies outside the dialog (%6x%7)")
                       .arg(name).arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())
                       .arg(dialog->width()).arg(dialog->height());
        if (r.height() < w->minimumSizeHint().height() - 1 && !qobject_cast<QAbstractItemView *>(w))
            out << QStringLiteral("%1 is squeezed: %2 px high, needs %3").arg(name).arg(r.height()).arg(w->minimumSizeHint().height());
        if (auto *label = qobject_cast<QLabel *>(w); label && label->wordWrap() && !label->text().isEmpty()
            && label->height() < label->heightForWidth(label->width()) - 1)
            out << QStringLiteral("%1 is cut: %2 px high, its words need %3").arg(name).arg(label->height()).arg(label->heightForWidth(label->width()));
        for (QWidget *other : std::as_const(fields)) {
            const QRect o(other->mapTo(dialog, QPoint(0, 0)), other->size());
            if (r.intersects(o))
                out << QStringLiteral("%1 overlaps %2").arg(name, QString::fromLatin1(other->metaObject()->className())
                                                                      + QStringLiteral(" \"") + other->objectName() + u'"');
        }
        fields << w;
    }
    return out;
}

QStringList TestUiDialogFit::tableProblems(QDialog *dialog) const
{
    // Seen under Xvfb in Spanish (issue 17): headers cut ("…irección, impresora
    // o carpeta") and combo boxes in cells too narrow for their text, or blank.
    QStringList out;
    for (QTableWidget *table : dialog->findChildren<QTableWidget *>()) {
        QHeaderView *header = table->horizontalHeader();
        const int margin = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
        for (int c = 0; c < table->columnCount(); ++c) {
            if (table->isColumnHidden(c))
                continue;
            const QString text = table->model()->headerData(c, Qt::Horizontal).toString();
            const int needs = header->fontMetrics().horizontalAdvance(text) + margin;
            if (header->sectionSize(c) < needs)
                out << QStringLiteral("%1: the header \"%2\" is cut (%3 px, needs %4)")
                           .arg(table->objectName(), text).arg(header->sectionSize(c)).arg(needs);
        }
        for (int r = 0; r < table->rowCount(); ++r) {
            for (int c = 0; c < table->columnCount(); ++c) {
                auto *combo = qobject_cast<QComboBox *>(table->cellWidget(r, c));
                if (!combo)
                    continue;
                const QString shown = combo->currentIndex() >= 0 ? combo->currentText() : combo->placeholderText();
                if (shown.isEmpty())
                    out << QStringLiteral("%1 row %2: an empty choice with nothing said").arg(table->objectName()).arg(r + 1);
                const int needs = combo->fontMetrics().horizontalAdvance(shown);
                if (combo->width() < needs)
                    out << QStringLiteral("%1 row %2: \"%3\" does not fit its box (%4 px, needs more than %5)")
                               .arg(table->objectName()).arg(r + 1).arg(shown).arg(combo->width()).arg(needs);
            }
        }
    }
    return out;
}

void TestUiDialogFit::useLanguage(const QString &code)
{
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator);
        delete m_translator;
        m_translator = nullptr;
    }
    QLocale::setDefault(QLocale(code == u"es" ? QStringLiteral("es_ES") : code == u"en" ? QStringLiteral("en_US") : code));
    if (code == u"en")
        return;
    m_translator = new QTranslator(this);
    QVERIFY2(m_translator->load(Ui::Language::translationFile(code)), qPrintable(Ui::Language::translationFile(code)));
    QCoreApplication::installTranslator(m_translator);
}

void TestUiDialogFit::initTestCase()
{
    const QRect screen = QGuiApplication::primaryScreen()->geometry();
    qInfo() << "screen" << screen.size() << "scale" << qgetenv("QT_SCALE_FACTOR");
    // 1366x768 as the desk sees it: smaller in logical pixels at 125 %.
    const qreal scale = qEnvironmentVariableIsSet("QT_SCALE_FACTOR") ? qgetenv("QT_SCALE_FACTOR").toDouble() : 1.0;
    QCOMPARE(screen.width(), qRound(1366 / scale));
    m_fresh = std::make_unique<DeskFixture>();
    QVERIFY2(m_fresh->startServer(false), qPrintable(m_fresh->errorString()));
}

void TestUiDialogFit::cleanupTestCase()
{
    m_desk.reset();
    m_fresh.reset();
}

void TestUiDialogFit::firstStartByKeyboard()
{
    // `littlelemon-desk --standalone` with a fresh home.
    Ui::DeskController *desk = m_fresh->makeController(false, true);
    desk->start();
    Ui::SignInDialog *dialog = desk->signInDialog();
    QTRY_VERIFY(dialog->isVisible() && dialog->isSetupMode());
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QStringList wrong = problems(dialog);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    // It promises a manager (administrator), as it makes one.
    auto *welcome = dialog->findChild<QLabel *>(QStringLiteral("welcome"));
    QVERIFY(welcome && welcome->isVisible());
    QVERIFY2(welcome->text().contains(QStringLiteral("manager (administrator)")), qPrintable(welcome->text()));
    const QSize size = dialog->size();
    // The radios by keyboard: Down to the network server, Down to the cloud,
    // Up twice back; the dialog keeps its place on the screen each time.
    auto *standalone = dialog->findChildren<QRadioButton *>().value(0);
    QVERIFY(standalone && standalone->isChecked());
    standalone->setFocus();
    for (Qt::Key key : { Qt::Key_Down, Qt::Key_Down, Qt::Key_Up, Qt::Key_Up }) {
        QTest::keyClick(QApplication::focusWidget(), key);
        QApplication::processEvents();
        wrong = problems(dialog);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
        QVERIFY2(dialog->height() <= size.height() + 40,
                 qPrintable(QStringLiteral("%1 px high after a toggle, %2 before").arg(dialog->height()).arg(size.height())));
    }
    QTRY_VERIFY(dialog->isSetupMode());
    // Errors shown: still fits, the button still on screen.
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    QVERIFY(!dialog->errorText(Ui::SignInDialog::Field::RestaurantName).isEmpty());
    QApplication::processEvents(); // what a person sees: after the layout ran
    wrong = problems(dialog);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    // The form by keyboard: Tab from field to field, Enter creates.
    dialog->restaurantField()->setFocus();
    QTest::keyClicks(dialog->restaurantField(), QStringLiteral("Little Lemon Chicago"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog->setupUsernameField());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("adrian"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog->setupEmailField());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog->setupPasswordField());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Lemon-Chicago-7"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog->setupRepeatField());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Lemon-Chicago-7"));
    QSignalSpy opened(desk, &Ui::DeskController::sessionOpened);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(opened.wait(30000) || !opened.isEmpty());
    const User &me = m_fresh->workspace()->user();
    QCOMPARE(me.username, QStringLiteral("adrian"));
    QVERIFY(me.isAdmin());
    QVERIFY(me.isManager());
}

void TestUiDialogFit::plainStartStartsNoServer()
{
    // Plain `littlelemon-desk`, fresh home: nothing is chosen, and this
    // computer's server stays stopped until "This computer" is.
    QSettings().clear();
    QTemporaryDir dir;
    Desk::StandaloneOptions options;
    options.dataDir = dir.filePath(QStringLiteral("standalone"));
    options.hashIterations = DeskFixture::kHashIterations;
    Desk::StandaloneServer local(options);
    Ui::DeskController::Options plain;
    plain.silentSignIn = false;
    Ui::DeskController desk(&local, plain);
    desk.start();
    Ui::SignInDialog *dialog = desk.signInDialog();
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->hasTarget());
    QTest::qWait(300);
    QCOMPARE(local.state(), Ui::LocalServer::State::Stopped);
    // Enter with nothing chosen: said in words, nothing started.
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    QVERIFY(dialog->errorText(Ui::SignInDialog::Field::General).contains(QStringLiteral("Choose where")));
    // Down on the first choice chooses the network server, as a person expects.
    auto *first = dialog->findChildren<QRadioButton *>().value(0);
    first->setFocus();
    QTest::keyClick(first, Qt::Key_Down);
    QVERIFY(dialog->hasTarget());
    QCOMPARE(dialog->target().kind, Ui::ServerKind::Lan);
    QVERIFY(dialog->addressField()->isVisible());
    QTest::qWait(300);
    QCOMPARE(local.state(), Ui::LocalServer::State::Stopped);
    // Choosing this computer starts it.
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : dialog, Qt::Key_Up);
    QCOMPARE(dialog->target().kind, Ui::ServerKind::Standalone);
    QTRY_VERIFY_WITH_TIMEOUT(local.state() == Ui::LocalServer::State::Running, 20000);
    QTRY_VERIFY(dialog->isSetupMode());
    local.stop();
}

void TestUiDialogFit::everyDialogFits_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("dialog");
    const QStringList dialogs { "sign-in", "first-start", "first-start-lan", "first-start-cloud", "counter-order",
                                "categories", "menu-item", "booking", "crew-picker", "order-details", "outbox",
                                "board-settings", "shortcuts", "network-serve", "new-account", "reset-password",
                                "tables", "printers", "printers-empty", "close-day" };
    for (const char *language : { "en", "pt_BR", "es" }) {
        for (const QString &d : dialogs)
            QTest::addRow("%s %s", language, qPrintable(d)) << QString::fromLatin1(language) << d;
    }
}

void TestUiDialogFit::everyDialogFits()
{
    QFETCH(QString, language);
    QFETCH(QString, dialog);
    useLanguage(language);
    auto reset = qScopeGuard([this] { useLanguage(QStringLiteral("en")); });
    if (!m_desk) {
        m_desk = std::make_unique<DeskFixture>();
        QVERIFY2(m_desk->startServer(), qPrintable(m_desk->errorString()));
        QVERIFY2(m_desk->signIn(QStringLiteral("owner"), TestRestaurant::kOwnerPassword), qPrintable(m_desk->errorString()));
        QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    }
    Ui::Workspace *ws = m_desk->workspace();
    QWidget *parent = m_desk->window();
    const qint64 order = ws->store()->cache()->orderSummaries().first().id;
    std::unique_ptr<QDialog> d;
    std::unique_ptr<DeskFixture> fresh;
    if (dialog == u"sign-in") {
        d = std::make_unique<Ui::SignInDialog>(m_desk->server());
    } else if (dialog.startsWith(u"first-start")) {
        // A restaurant not set up yet: a server with no accounts.
        fresh = std::make_unique<DeskFixture>();
        QVERIFY2(fresh->startServer(false), qPrintable(fresh->errorString()));
        auto *s = new Ui::SignInDialog(fresh->server());
        d.reset(s);
        if (dialog.endsWith(u"-lan"))
            s->setTarget({ Ui::ServerKind::Lan, QStringLiteral("192.168.1.10:8000") });
        else if (dialog.endsWith(u"-cloud"))
            s->setTarget({ Ui::ServerKind::Cloud, QStringLiteral("http://203.0.113.5:8000") });
        else
            QTRY_VERIFY(s->isSetupMode());
    } else if (dialog == u"counter-order") {
        auto *c = new Ui::CounterOrderDialog(ws, parent);
        d.reset(c);
        const auto items = ws->store()->cache()->menuItems();
        for (int i = 0; i < 6 && i < items.size(); ++i)
            c->addItem(items.at(i).record.id);
    } else if (dialog == u"categories") {
        d = std::make_unique<Ui::CategoriesDialog>(ws->store(), ws->categoryModel(), ws->permissions(), parent);
    } else if (dialog == u"menu-item") {
        auto *m = new Ui::MenuItemDialog(ws->store(), ws->categoryModel(), 0, parent);
        d.reset(m);
        // With a refusal showing.
        if (auto *price = m->findChild<QLineEdit *>(QStringLiteral("priceField")))
            QTest::keyClicks(price, QStringLiteral("5.999"));
    } else if (dialog == u"booking") {
        d = std::make_unique<Ui::BookingDialog>(ws, std::nullopt, QDate::currentDate(), parent);
    } else if (dialog == u"crew-picker") {
        d = std::make_unique<Ui::CrewPickerDialog>(ws->store(), order, 0, parent);
    } else if (dialog == u"order-details") {
        d = std::make_unique<Ui::OrderDetailsDialog>(ws->store(), order, parent);
    } else if (dialog == u"outbox") {
        d = std::make_unique<Ui::OutboxDialog>(m_desk->engine(), ws->store(), ws->outboxModel(), parent);
    } else if (dialog == u"board-settings") {
        d = std::make_unique<Ui::BoardSettingsDialog>(Ui::BoardSettings::load(), parent);
    } else if (dialog == u"shortcuts") {
        d = std::make_unique<Ui::ShortcutsDialog>(m_desk->window());
    } else if (dialog == u"network-serve") {
        d = std::make_unique<Ui::NetworkServeDialog>(m_desk->server(), parent);
    } else if (dialog == u"new-account") {
        d = std::make_unique<Ui::AccountDialog>(m_desk->server(), Ui::AccountDialog::Mode::Create, QString(), parent);
    } else if (dialog == u"reset-password") {
        d = std::make_unique<Ui::AccountDialog>(m_desk->server(), Ui::AccountDialog::Mode::ResetPassword,
                                                QStringLiteral("crew"), parent);
    } else if (dialog == u"tables") {
        d = std::make_unique<Ui::TablesDialog>(ws, parent);
    } else if (dialog.startsWith(u"printers")) {
        auto *printing = Print::PrintService::of(ws->store());
        QVERIFY(printing);
        if (dialog == u"printers-empty")
            QVERIFY(printing->queue()->savePrinters({}));
        else
            QVERIFY(printing->queue()->savePrinters(
                { { QStringLiteral("kitchen"), Print::PrinterConfig::Kind::Network, QStringLiteral("192.168.1.50:9100"),
                    Print::PaperWidth::Mm80, Print::CodePage::Cp858, true },
                  { QStringLiteral("bar"), Print::PrinterConfig::Kind::PdfFolder, QStringLiteral("/var/spool/tickets"),
                    Print::PaperWidth::Mm58, Print::CodePage::Cp860, false } }));
        d = std::make_unique<Ui::PrintersDialog>(ws->store(), printing, parent);
    } else if (dialog == u"close-day") {
        // Issue 18: the question before a day is closed (a QMessageBox the page opens).
        auto *page = qobject_cast<Ui::ReportsPage *>(m_desk->window()->page(Ui::MainWindow::ReportsPageId));
        QVERIFY(page);
        page->confirmClose();
        auto *box = page->findChild<QMessageBox *>(QStringLiteral("confirmCloseDialog"));
        QVERIFY(box);
        box->setAttribute(Qt::WA_DeleteOnClose, false);
        d.reset(box);
    }
    QVERIFY2(d, qPrintable(dialog));
    d->show();
    QVERIFY(QTest::qWaitForWindowExposed(d.get()));
    QApplication::processEvents();
    QStringList wrong = problems(d.get());
    if (dialog.startsWith(u"printers"))
        wrong << tableProblems(d.get());
    QVERIFY2(wrong.isEmpty(), qPrintable(QStringLiteral("%1 (%2):\n").arg(dialog, language) + wrong.join(u'\n')));
    d->hide();
}

LL_UI_TEST_MAIN_SCREEN(TestUiDialogFit, 1366, 768)
#include "tst_ui_dialogfit.moc"
