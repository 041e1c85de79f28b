#include "print/codepage.h"

#include <QHash>

namespace LittleLemon::Print {

namespace {

// The upper halves (0x80..0xFF) of the two code pages, as Unicode. The lower
// half is ASCII in both. Written out here so what a printer gets never
// depends on which codecs the platform happens to ship.
const char16_t kCp858[128] = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7,
    0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5,
    0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,
    0x00FF, 0x00D6, 0x00DC, 0x00F8, 0x00A3, 0x00D8, 0x00D7, 0x0192,
    0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA,
    0x00BF, 0x00AE, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x00C1, 0x00C2, 0x00C0,
    0x00A9, 0x2563, 0x2551, 0x2557, 0x255D, 0x00A2, 0x00A5, 0x2510,
    0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x00E3, 0x00C3,
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x00A4,
    0x00F0, 0x00D0, 0x00CA, 0x00CB, 0x00C8, 0x20AC, 0x00CD, 0x00CE,
    0x00CF, 0x2518, 0x250C, 0x2588, 0x2584, 0x00A6, 0x00CC, 0x2580,
    0x00D3, 0x00DF, 0x00D4, 0x00D2, 0x00F5, 0x00D5, 0x00B5, 0x00FE,
    0x00DE, 0x00DA, 0x00DB, 0x00D9, 0x00FD, 0x00DD, 0x00AF, 0x00B4,
    0x00AD, 0x00B1, 0x2017, 0x00BE, 0x00B6, 0x00A7, 0x00F7, 0x00B8,
    0x00B0, 0x00A8, 0x00B7, 0x00B9, 0x00B3, 0x00B2, 0x25A0, 0x00A0,
};

const char16_t kCp860[128] = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E3, 0x00E0, 0x00C1, 0x00E7,
    0x00EA, 0x00CA, 0x00E8, 0x00CD, 0x00D4, 0x00EC, 0x00C3, 0x00C2,
    0x00C9, 0x00C0, 0x00C8, 0x00F4, 0x00F5, 0x00F2, 0x00DA, 0x00F9,
    0x00CC, 0x00D5, 0x00DC, 0x00A2, 0x00A3, 0x00D9, 0x20A7, 0x00D3,
    0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA,
    0x00BF, 0x00D2, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556,
    0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510,
    0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F,
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567,
    0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B,
    0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
    0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4,
    0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229,
    0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248,
    0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0,
};

const char16_t *upperHalf(CodePage page)
{
    return page == CodePage::Cp860 ? kCp860 : kCp858;
}

// Unicode -> byte for one code page, built once.
const QHash<char16_t, char> &reverse(CodePage page)
{
    static const auto build = [](const char16_t *table) {
        QHash<char16_t, char> map;
        for (int i = 0; i < 128; ++i)
            map.insert(table[i], char(0x80 + i));
        return map;
    };
    static const QHash<char16_t, char> cp858 = build(kCp858);
    static const QHash<char16_t, char> cp860 = build(kCp860);
    return page == CodePage::Cp860 ? cp860 : cp858;
}

// Characters a code page lacks, printed as their nearest plain letters
// rather than as a '?': a kitchen reads "Creme brulee" fine.
QString fallback(char16_t c)
{
    const QString decomposed = QString(QChar(c)).normalized(QString::NormalizationForm_D);
    if (!decomposed.isEmpty() && decomposed.at(0).unicode() < 0x80)
        return decomposed.left(1);
    switch (c) {
    case u'\u2018':
    case u'\u2019':
        return QStringLiteral("'");
    case u'\u201C':
    case u'\u201D':
        return QStringLiteral("\"");
    case u'\u2013':
    case u'\u2014':
        return QStringLiteral("-");
    case u'\u2026':
        return QStringLiteral("...");
    case u'\u00B7':
        return QStringLiteral(".");
    default:
        return QStringLiteral("?");
    }
}

} // namespace

int escPosNumber(CodePage page)
{
    // ESC t n as Epson numbers them: 3 = PC860 (Portuguese), 19 = PC858 (Euro).
    return page == CodePage::Cp860 ? 3 : 19;
}

std::optional<CodePage> codePageFromEscPos(int n)
{
    if (n == 3)
        return CodePage::Cp860;
    if (n == 19)
        return CodePage::Cp858;
    return std::nullopt;
}

QString codePageName(CodePage page)
{
    return page == CodePage::Cp860 ? QStringLiteral("CP860") : QStringLiteral("CP858");
}

std::optional<CodePage> codePageFromName(QStringView name)
{
    if (name.compare(u"CP860", Qt::CaseInsensitive) == 0)
        return CodePage::Cp860;
    if (name.compare(u"CP858", Qt::CaseInsensitive) == 0)
        return CodePage::Cp858;
    return std::nullopt;
}

QByteArray encodeText(QStringView text, CodePage page)
{
    const QString composed = text.toString().normalized(QString::NormalizationForm_C);
    QByteArray out;
    out.reserve(composed.size());
    const auto &map = reverse(page);
    for (const QChar ch : composed) {
        const char16_t c = ch.unicode();
        if (c == u'\n' || (c >= 0x20 && c < 0x7F)) {
            out.append(char(c));
            continue;
        }
        if (c < 0x20 || c == 0x7F)
            continue; // never let text carry a command byte
        const auto it = map.constFind(c);
        if (it != map.constEnd()) {
            out.append(*it);
            continue;
        }
        const QString plain = fallback(c);
        const auto again = plain.size() == 1 ? map.constFind(plain.at(0).unicode()) : map.constEnd();
        if (again != map.constEnd())
            out.append(*again);
        else
            out.append(plain.toLatin1());
    }
    return out;
}

QString decodeText(const QByteArray &bytes, CodePage page)
{
    const char16_t *upper = upperHalf(page);
    QString out;
    out.reserve(bytes.size());
    for (const char b : bytes) {
        const auto u = quint8(b);
        out.append(u < 0x80 ? QChar(u) : QChar(upper[u - 0x80]));
    }
    return out;
}

bool canEncode(QChar ch, CodePage page)
{
    const char16_t c = ch.unicode();
    return (c >= 0x20 && c < 0x7F) || reverse(page).contains(c);
}

} // namespace LittleLemon::Print
