#include "print/escposwriter.h"

namespace LittleLemon::Print {

namespace {
constexpr char ESC = 0x1B;
constexpr char GS = 0x1D;
constexpr char DLE = 0x10;
constexpr char EOT = 0x04;
constexpr char LF = 0x0A;
} // namespace

int columnsFor(PaperWidth width)
{
    return width == PaperWidth::Mm58 ? 32 : 48;
}

std::optional<PaperWidth> paperWidthFromMm(int mm)
{
    if (mm == 58)
        return PaperWidth::Mm58;
    if (mm == 80)
        return PaperWidth::Mm80;
    return std::nullopt;
}

QStringList wrapText(const QString &text, int columns)
{
    QStringList out;
    if (columns < 1)
        columns = 1;
    const QString composed = text.normalized(QString::NormalizationForm_C);
    for (const QString &paragraph : composed.split(u'\n')) {
        QString current;
        const QStringList words = paragraph.simplified().split(u' ', Qt::SkipEmptyParts);
        for (QString word : words) {
            while (word.size() > columns) {
                // A word longer than the line: fill what is left, then break it.
                const int room = current.isEmpty() ? columns : columns - current.size() - 1;
                if (room <= 0) {
                    out.append(current);
                    current.clear();
                    continue;
                }
                const QString head = word.left(room);
                current = current.isEmpty() ? head : current + u' ' + head;
                out.append(current);
                current.clear();
                word = word.mid(room);
            }
            if (current.isEmpty())
                current = word;
            else if (current.size() + 1 + word.size() <= columns)
                current += u' ' + word;
            else {
                out.append(current);
                current = word;
            }
        }
        out.append(current);
    }
    return out;
}

EscPosWriter::EscPosWriter(CodePage page, int columns)
    : m_page(page)
    , m_columns(columns)
{
}

EscPosWriter &EscPosWriter::init()
{
    m_bytes.append(ESC).append('@');
    m_bytes.append(ESC).append('t').append(char(escPosNumber(m_page)));
    m_double = false;
    return *this;
}

EscPosWriter &EscPosWriter::bold(bool on)
{
    m_bytes.append(ESC).append('E').append(char(on ? 1 : 0));
    return *this;
}

EscPosWriter &EscPosWriter::doubleSize(bool on)
{
    m_bytes.append(GS).append('!').append(char(on ? 0x11 : 0x00));
    m_double = on;
    return *this;
}

EscPosWriter &EscPosWriter::align(Align a)
{
    m_bytes.append(ESC).append('a').append(char(int(a)));
    return *this;
}

EscPosWriter &EscPosWriter::feed(int lines)
{
    m_bytes.append(ESC).append('d').append(char(qBound(0, lines, 255)));
    return *this;
}

EscPosWriter &EscPosWriter::cut()
{
    m_bytes.append(GS).append('V').append(char(66)).append(char(0));
    return *this;
}

EscPosWriter &EscPosWriter::statusRequest()
{
    m_bytes.append(DLE).append(EOT).append(char(1));
    return *this;
}

int EscPosWriter::width() const
{
    return m_double ? m_columns / 2 : m_columns;
}

void EscPosWriter::text(QStringView t)
{
    m_bytes.append(encodeText(t, m_page));
}

EscPosWriter &EscPosWriter::line(const QString &t, int indent)
{
    const QString pad(qMax(0, indent), u' ');
    for (const QString &l : wrapText(t, qMax(1, width() - pad.size()))) {
        text(l.isEmpty() ? QString() : pad + l);
        m_bytes.append(LF);
    }
    return *this;
}

EscPosWriter &EscPosWriter::columns(const QString &left, const QString &right)
{
    const int w = width();
    const int rightSize = int(right.size());
    QStringList lines = wrapText(left, w);
    const QString last = lines.takeLast();
    for (const QString &l : lines) {
        text(l);
        m_bytes.append(LF);
    }
    if (last.size() + 1 + rightSize <= w) {
        text(QString(last + QString(w - last.size() - rightSize, u' ') + right));
    } else {
        text(last);
        m_bytes.append(LF);
        text(QString(QString(qMax(0, w - rightSize), u' ') + right));
    }
    m_bytes.append(LF);
    return *this;
}

EscPosWriter &EscPosWriter::rule(QChar ch)
{
    text(QString(width(), ch));
    m_bytes.append(LF);
    return *this;
}

} // namespace LittleLemon::Print
