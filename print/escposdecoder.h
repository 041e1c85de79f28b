#pragma once

#include "print/codepage.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace LittleLemon::Print {

// One command or run of text read back from ESC/POS bytes.
struct EscPosCommand
{
    enum Kind { Text, LineFeed, Init, SelectCodePage, Bold, Size, Align, Feed, Cut, StatusRequest, Unknown };
    Kind kind = Unknown;
    int arg = 0;  // the command's parameter (code page number, on/off, lines...)
    QString text; // Text: decoded in the code page selected before it; Unknown: the bytes in hex
};

// Reads back the commands EscPosWriter writes (and says "unknown" for the
// rest): for the tests' fake printer and for diffs of golden files.
class EscPosDecoder
{
public:
    static QList<EscPosCommand> decode(const QByteArray &bytes);
    // The text as it would appear on paper: lines joined by '\n', commands dropped.
    static QString plainText(const QByteArray &bytes);
    // One line per command or text line, e.g. "ALIGN center", "TEXT |#42|", for diffs.
    static QStringList describe(const QByteArray &bytes);
    // The stream cut into tickets at each cut command (a trailing piece with
    // no cut is left out: not a whole ticket yet).
    static QList<QByteArray> splitAtCuts(const QByteArray &bytes);
    // A readable diff of two streams' descriptions (empty when equal).
    static QString diff(const QByteArray &expected, const QByteArray &actual);
};

} // namespace LittleLemon::Print
