#include "ui/language.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLibraryInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>

using namespace LittleLemon;

namespace {

struct Message
{
    QString context;
    QString source;
    QString type; // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or one per plural form
    bool numerus = false;

    QString where() const { return context + QStringLiteral(": \"") + source.left(70) + u'"'; }
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"name")
                context = xml.readElementText();
            else if (name == u"message")
                m = Message { context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == u"yes" };
            else if (name == u"source")
                m.source = xml.readElementText();
            else if (name == u"translation") {
                m.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!m.numerus)
                    m.translations << xml.readElementText();
            } else if (name == u"numerusform")
                m.translations << xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == u"message") {
            out << m;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%(\\d{1,2}|n)"));
    QSet<QString> out;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    return out;
}

bool hasAccelerator(const QString &text)
{
    QString t = text;
    t.remove(QStringLiteral("&&"));
    static const QRegularExpression accel(QStringLiteral("&\\w"), QRegularExpression::UseUnicodePropertiesOption);
    return t.contains(accel);
}

} // namespace

// The Portuguese (Brazil) and Spanish translations of the desk. lupdate runs
// over the sources into a copy of each .ts, so a string added to the code
// but not to the .ts shows up as unfinished here; every one must be
// translated, keep its %1 and %n markers and its keyboard accelerator. The
// embedded .qm must translate, and Ui::Language must pick and install the
// language the system or the setting asks for.
class TstTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        const QStringList tsFiles = QStringLiteral(LL_TS_FILES).split(u'|');
        QStringList copies;
        for (const QString &ts : tsFiles) {
            const QString copy = m_tmp.filePath(QFileInfo(ts).fileName());
            QVERIFY(QFile::copy(ts, copy));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
            copies << copy;
        }
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(LL_SOURCE_DIR));
        lupdate.start(QStringLiteral(LL_LUPDATE),
                      QStringLiteral(LL_LUPDATE_OPTIONS).split(u'|') + QStringLiteral(LL_TRANSLATED_SOURCES).split(u'|')
                          + QStringList { QStringLiteral("-ts") } + copies);
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
        for (const QString &copy : copies) {
            QString error;
            m_messages.insert(QFileInfo(copy).completeBaseName(), readTs(copy, &error));
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }

    void complete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("pt_BR") << "littlelemon_pt_BR";
        QTest::newRow("es") << "littlelemon_es";
    }

    // Every string the desk shows has a finished translation.
    void complete()
    {
        QFETCH(QString, file);
        const QList<Message> messages = m_messages.value(file);
        QVERIFY2(messages.size() > 400, "lupdate found fewer strings than the desk has");
        QStringList missing;
        for (const Message &m : messages) {
            if (m.type == u"vanished" || m.type == u"obsolete")
                continue;
            const bool empty = std::any_of(m.translations.cbegin(), m.translations.cend(),
                                           [](const QString &t) { return t.trimmed().isEmpty(); })
                || m.translations.isEmpty();
            if (m.type == u"unfinished" || empty)
                missing << m.where();
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 strings are not translated in translations/%3.ts (run "
                                           "`cmake --build <dir> --target update_translations`, then translate):\n  %4")
                                .arg(missing.size())
                                .arg(messages.size())
                                .arg(file, missing.mid(0, 40).join(QStringLiteral("\n  ")))));
    }

    void markersKept_data() { complete_data(); }

    // "%1 of %2" keeps both numbers, "%n orders" its count, "&Quit" a key.
    void markersKept()
    {
        QFETCH(QString, file);
        QStringList wrong;
        for (const Message &m : m_messages.value(file)) {
            if (!m.type.isEmpty())
                continue;
            QSet<QString> expected = placeholders(m.source);
            for (const QString &t : m.translations) {
                QSet<QString> got = placeholders(t);
                // A plural form for one may say "one" instead of %n.
                if (m.numerus) {
                    expected.remove(QStringLiteral("%n"));
                    got.remove(QStringLiteral("%n"));
                }
                if (got != expected)
                    wrong << m.where() + QStringLiteral(" → \"") + t + u'"';
                if (hasAccelerator(m.source) != hasAccelerator(t))
                    wrong << m.where() + QStringLiteral(" (accelerator) → \"") + t + u'"';
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 30).join(u'\n')));
    }

    // The .qm built from each .ts is in the program and translates.
    void embeddedTranslations_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("quit");
        QTest::addColumn<QString>("preparing");
        QTest::newRow("pt_BR") << "pt_BR" << "Sair" << "Em preparo";
        QTest::newRow("es") << "es" << "Salir" << "En preparación";
    }

    void embeddedTranslations()
    {
        QFETCH(QString, language);
        QFETCH(QString, quit);
        QFETCH(QString, preparing);
        QTranslator t;
        QVERIFY(t.load(QStringLiteral(":/i18n/littlelemon_%1.qm").arg(language)));
        QCOMPARE(t.language(), language);
        QCOMPARE(t.translate("LittleLemon::Ui::MainWindow", "Quit"), quit);
        QCOMPARE(t.translate("LittleLemon::OrderStage", "Preparing"), preparing);
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Brazilian system") << "" << "pt_BR" << "pt_BR";
        QTest::newRow("Portuguese system") << "" << "pt_PT" << "pt_BR";
        QTest::newRow("Mexican system") << "" << "es_MX" << "es";
        QTest::newRow("Spanish system") << "" << "es_ES" << "es";
        QTest::newRow("US system") << "" << "en_US" << "en";
        QTest::newRow("German system") << "" << "de_DE" << "en";
        QTest::newRow("chosen over the system") << "es" << "pt_BR" << "es";
        QTest::newRow("English chosen") << "en" << "es_AR" << "en";
        QTest::newRow("unknown setting ignored") << "fr" << "pt_BR" << "pt_BR";
    }

    void resolve()
    {
        QFETCH(QString, setting);
        QFETCH(QString, system);
        QFETCH(QString, expected);
        QCOMPARE(Ui::Language::resolve(setting, QLocale(system)), expected);
    }

    // Desk ▸ Language: the setting is checked, choosing saves it, and
    // install() then brings that language in.
    void menuSavesTheSettingAndInstallUsesIt()
    {
        Ui::Language::setSetting(QString());
        QWidget window;
        std::unique_ptr<QMenu> menu(Ui::Language::createMenu(&window));
        QList<QAction *> choices;
        for (QAction *a : menu->actions()) {
            if (a->isCheckable())
                choices << a;
        }
        QCOMPARE(choices.size(), 4);
        QVERIFY(choices.first()->isChecked());
        QCOMPARE(choices.at(2)->text(), QStringLiteral("Português (Brasil)"));
        QCOMPARE(choices.at(3)->text(), QStringLiteral("Español"));

        // The "applies at the next start" note is a message box: close it.
        QTimer::singleShot(0, this, [] {
            if (QWidget *box = QApplication::activeModalWidget())
                box->close();
        });
        choices.at(3)->trigger();
        QCOMPARE(Ui::Language::setting(), QStringLiteral("es"));
        QCOMPARE(Ui::Language::install(), QStringLiteral("es"));
        QCOMPARE(QCoreApplication::translate("LittleLemon::Ui::MainWindow", "Quit"), QStringLiteral("Salir"));
        // Qt's own buttons come along, from Debian's qt6-translations-l10n
        // (the .deb only recommends it; tools/setup-deps.sh installs it).
        const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_es.qm");
        QVERIFY2(QFile::exists(qtbase), qPrintable(QStringLiteral("%1 is missing: install the package qt6-translations-l10n "
                                                                  "(tools/setup-deps.sh)").arg(qtbase)));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancelar"));
        Ui::Language::setSetting(QString());
    }

private:
    QTemporaryDir m_tmp;
    QHash<QString, QList<Message>> m_messages;
};

QTEST_MAIN(TstTranslations)
#include "tst_translations.moc"
