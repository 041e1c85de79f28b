#pragma once

#include "print/codepage.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace LittleLemon::Print {

// Paper widths a ticket is laid out for; columns at font A (12x24 dots).
enum class PaperWidth { Mm58 = 58, Mm80 = 80 };
int columnsFor(PaperWidth width); // 32 or 48
std::optional<PaperWidth> paperWidthFromMm(int mm);

// Breaks text into lines of at most `columns` characters: at spaces where it
// can, inside a word longer than a line where it must. Explicit '\n' starts a
// new line. Never returns an empty list for non-empty text.
QStringList wrapText(const QString &text, int columns);

// Our own ESC/POS encoder for the commands we use, nothing more: a builder
// that appends commands and text in one code page and wraps text to the
// paper's columns (half as many while double size is on).
class EscPosWriter
{
public:
    enum class Align { Left = 0, Center = 1, Right = 2 };

    EscPosWriter(CodePage page, int columns);

    EscPosWriter &init();                 // ESC @, then ESC t n for the code page
    EscPosWriter &bold(bool on);          // ESC E n
    EscPosWriter &doubleSize(bool on);    // GS ! 0x11 / 0x00
    EscPosWriter &align(Align a);         // ESC a n
    EscPosWriter &feed(int lines);        // ESC d n
    EscPosWriter &cut();                  // GS V 66 0: feed to the cutter, partial cut
    EscPosWriter &statusRequest();        // DLE EOT 1: the printer answers one byte

    // Wrapped text, each line ending in LF. `indent` spaces start every line.
    EscPosWriter &line(const QString &text, int indent = 0);
    // `left` wrapped, `right` right-aligned on the last line of it (prices).
    EscPosWriter &columns(const QString &left, const QString &right);
    EscPosWriter &rule(QChar ch = u'-');

    int width() const; // columns at the current size
    CodePage codePage() const { return m_page; }
    const QByteArray &bytes() const { return m_bytes; }

private:
    void text(QStringView t);

    QByteArray m_bytes;
    CodePage m_page;
    int m_columns;
    bool m_double = false;
};

} // namespace LittleLemon::Print
