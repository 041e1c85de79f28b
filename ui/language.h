#pragma once

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>

class QMenu;
class QWidget;

namespace LittleLemon::Ui {

// The desk's language: English, Portuguese (Brazil) or Spanish. It follows
// the system's (LANG, the desktop's region settings) unless one is chosen
// under Desk ▸ Language, which is kept in QSettings ("ui/language") and
// used from the next start on: every window builds its texts once, and a
// restart is simpler and surer than retranslating each one live.
//
// The translations are the .qm files built from translations/*.ts: the
// copy installed beside the program (<prefix>/share/littlelemon/
// translations, as the package lays it out) when there is one, else the
// copy embedded in the program. Qt's own (qtbase_*.qm, for the standard
// buttons and dialogs) come from Qt's translations folder.
class Language
{
    Q_DECLARE_TR_FUNCTIONS(LittleLemon::Ui::Language)

public:
    struct Option
    {
        QString code;       // "en", "pt_BR", "es"
        QString nativeName; // in its own language: "Português (Brasil)"
    };

    static QList<Option> available();
    // The chosen language's code, empty for "as the system".
    static QString setting();
    static void setSetting(const QString &code);
    // What a setting means on a system: the setting when it is one we have,
    // else the first of the system's UI languages we have, else English.
    static QString resolve(const QString &setting, const QLocale &system);
    // Installs the translators for resolve(setting(), QLocale::system())
    // into the application; returns the language used.
    static QString install();
    // Where a language's .qm is found (empty for English, which needs none).
    static QString translationFile(const QString &code);

    // "Language" for the Desk menu: "As the system" and each language,
    // the current setting checked; choosing one saves it and says when it
    // applies.
    static QMenu *createMenu(QWidget *parent);
};

} // namespace LittleLemon::Ui
