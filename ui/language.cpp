#include "ui/language.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

#include <algorithm>

namespace LittleLemon::Ui {

Q_LOGGING_CATEGORY(lcLanguage, "littlelemon.ui.language", QtInfoMsg)

namespace {
const QString kSettingKey = QStringLiteral("ui/language");
}

QList<Language::Option> Language::available()
{
    return {
        { QStringLiteral("en"), QStringLiteral("English") },
        { QStringLiteral("pt_BR"), QStringLiteral("Português (Brasil)") },
        { QStringLiteral("es"), QStringLiteral("Español") },
    };
}

QString Language::setting()
{
    return QSettings().value(kSettingKey).toString();
}

void Language::setSetting(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(kSettingKey);
    else
        settings.setValue(kSettingKey, code);
}

QString Language::resolve(const QString &setting, const QLocale &system)
{
    const QList<Option> options = available();
    auto have = [&options](const QString &code) {
        return std::any_of(options.cbegin(), options.cend(), [&code](const Option &o) { return o.code == code; });
    };
    if (have(setting))
        return setting;
    // uiLanguages(): "pt-BR", "pt", "en-US", ... in the user's order. Any
    // Portuguese reads the Brazilian translation better than English; any
    // Spanish (es-MX, es-AR) the Spanish one.
    for (QString lang : system.uiLanguages()) {
        lang.replace(u'-', u'_');
        if (lang.startsWith(QLatin1String("pt")))
            return QStringLiteral("pt_BR");
        if (lang.startsWith(QLatin1String("es")))
            return QStringLiteral("es");
        if (lang.startsWith(QLatin1String("en")))
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

QString Language::translationFile(const QString &code)
{
    if (code == u"en" || code.isEmpty())
        return {};
    const QString name = QStringLiteral("littlelemon_%1.qm").arg(code);
    // The package puts them in /usr/share/littlelemon/translations beside
    // /usr/bin: relative to the program, so a build tree never picks up an
    // installed copy of another version.
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .filePath(QStringLiteral("../share/littlelemon/translations/") + name);
    if (QFileInfo::exists(installed))
        return QDir::cleanPath(installed);
    return QStringLiteral(":/i18n/") + name;
}

QString Language::install()
{
    const QString code = resolve(setting(), QLocale::system());
    if (code == u"en")
        return code;
    auto *ours = new QTranslator(QCoreApplication::instance());
    if (ours->load(translationFile(code))) {
        QCoreApplication::installTranslator(ours);
    } else {
        qCWarning(lcLanguage) << "no translation found for" << code << "at" << translationFile(code);
        delete ours;
        return QStringLiteral("en");
    }
    // Numbers as the desk's language writes them (a price typed as 12,50 in
    // pt_BR and es), also when the system's locale is another one.
    if (QLocale::system().language() != QLocale(code).language())
        QLocale::setDefault(QLocale(code));
    // Qt's own texts: OK/Cancel/Yes/No, the colour and file dialogs.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    qCInfo(lcLanguage) << "desk in" << code;
    return code;
}

QMenu *Language::createMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Language"), parent);
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    group->setExclusive(true);
    const QString current = setting();
    const QString systemLanguage = resolve(QString(), QLocale::system());
    QString systemName;
    for (const Option &o : available()) {
        if (o.code == systemLanguage)
            systemName = o.nativeName;
    }
    auto add = [&](const QString &code, const QString &text) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        group->addAction(a);
    };
    add(QString(), tr("As the system (%1)").arg(systemName));
    menu->addSeparator();
    for (const Option &o : available())
        add(o.code, o.nativeName);
    QObject::connect(group, &QActionGroup::triggered, menu, [parent](QAction *a) {
        const QString code = a->data().toString();
        if (code == setting())
            return;
        setSetting(code);
        QMessageBox::information(parent, tr("Language"),
                                 tr("Little Lemon Desk will use the new language the next time it starts."));
    });
    return menu;
}

} // namespace LittleLemon::Ui
