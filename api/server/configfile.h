#pragma once

#include "api/server/serverconfig.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace LittleLemon::Server {

// /etc/littlelemon/server.conf: one "key = value" a line, blank lines and
// "#" comments (a "#" after a blank starts a comment too, so values may
// hold a "#" only when quoted: "…"). Keys may be written with "-" or "_".
// The command line is applied after the file, so its options win.
//
// Every line is checked and every mistake reported with its line number,
// so an administrator fixes the file in one go instead of one restart per
// typo. Unknown keys and keys given twice are mistakes too: a misspelt
// "trottle_user" silently ignored would look like a server that does not
// listen to its configuration.
class ConfigFile
{
    Q_DECLARE_TR_FUNCTIONS(ConfigFile)

public:
    struct Problem
    {
        int line = 0; // 1-based
        QString message;
    };

    // Applies the good lines of `text` to *config; the rest come back as
    // problems (then the caller should not run with a half-read file).
    static QList<Problem> parse(QByteArrayView text, ServerConfig *config);
    // Reads and parses the file. False with *error holding every problem as
    // "PATH:LINE: message", one a line.
    static bool load(const QString &path, ServerConfig *config, QString *error);
    // The keys understood, in the order the shipped server.conf shows them.
    static QStringList keys();

    // Values the command line shares with the file: "900", "15m", "12h", "7d".
    static bool parseDuration(const QString &text, int min, int max, int *seconds, QString *error);
    // "03:30" (24-hour clock).
    static bool parseTimeOfDay(const QString &text, QTime *time, QString *error);
};

} // namespace LittleLemon::Server
