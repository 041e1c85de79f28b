#include "print/escposdecoder.h"

namespace LittleLemon::Print {

namespace {

struct Reader
{
    const QByteArray &bytes;
    qsizetype pos = 0;
    bool has(qsizetype n) const { return pos + n <= bytes.size(); }
    quint8 at(qsizetype i) const { return quint8(bytes.at(pos + i)); }
};

} // namespace

QList<EscPosCommand> EscPosDecoder::decode(const QByteArray &bytes)
{
    QList<EscPosCommand> out;
    CodePage page = CodePage::Cp858;
    Reader r { bytes };
    QByteArray text;
    const auto flushText = [&] {
        if (!text.isEmpty()) {
            out.append({ EscPosCommand::Text, 0, decodeText(text, page) });
            text.clear();
        }
    };
    const auto command = [&](EscPosCommand::Kind kind, int arg, qsizetype length) {
        flushText();
        out.append({ kind, arg, {} });
        r.pos += length;
    };
    const auto unknown = [&](qsizetype length) {
        flushText();
        out.append({ EscPosCommand::Unknown, 0, QString::fromLatin1(bytes.mid(r.pos, length).toHex(' ')) });
        r.pos += length;
    };
    while (r.pos < bytes.size()) {
        const quint8 b = r.at(0);
        if (b == 0x0A) {
            command(EscPosCommand::LineFeed, 0, 1);
        } else if (b == 0x1B && r.has(2)) {
            const quint8 c = r.at(1);
            if (c == '@') {
                command(EscPosCommand::Init, 0, 2);
                page = CodePage::Cp858;
            } else if (c == 't' && r.has(3)) {
                page = codePageFromEscPos(r.at(2)).value_or(page);
                command(EscPosCommand::SelectCodePage, r.at(2), 3);
            } else if (c == 'E' && r.has(3)) {
                command(EscPosCommand::Bold, r.at(2) & 1, 3);
            } else if (c == 'a' && r.has(3)) {
                command(EscPosCommand::Align, r.at(2), 3);
            } else if (c == 'd' && r.has(3)) {
                command(EscPosCommand::Feed, r.at(2), 3);
            } else {
                unknown(2);
            }
        } else if (b == 0x1D && r.has(3) && r.at(1) == '!') {
            command(EscPosCommand::Size, r.at(2), 3);
        } else if (b == 0x1D && r.has(4) && r.at(1) == 'V' && (r.at(2) == 65 || r.at(2) == 66)) {
            command(EscPosCommand::Cut, r.at(3), 4);
        } else if (b == 0x1D && r.has(3) && r.at(1) == 'V') {
            command(EscPosCommand::Cut, 0, 3);
        } else if (b == 0x10 && r.has(3) && r.at(1) == 0x04) {
            command(EscPosCommand::StatusRequest, r.at(2), 3);
        } else if (b < 0x20) {
            unknown(1);
        } else {
            text.append(char(b));
            ++r.pos;
        }
    }
    flushText();
    return out;
}

QString EscPosDecoder::plainText(const QByteArray &bytes)
{
    QString out;
    for (const EscPosCommand &c : decode(bytes)) {
        if (c.kind == EscPosCommand::Text)
            out += c.text;
        else if (c.kind == EscPosCommand::LineFeed)
            out += u'\n';
    }
    return out;
}

QStringList EscPosDecoder::describe(const QByteArray &bytes)
{
    static const char *const aligns[] = { "left", "center", "right" };
    QStringList out;
    for (const EscPosCommand &c : decode(bytes)) {
        switch (c.kind) {
        case EscPosCommand::Text:
            out.append(QStringLiteral("TEXT |%1|").arg(c.text));
            break;
        case EscPosCommand::LineFeed:
            out.append(QStringLiteral("LF"));
            break;
        case EscPosCommand::Init:
            out.append(QStringLiteral("INIT"));
            break;
        case EscPosCommand::SelectCodePage: {
            const auto page = codePageFromEscPos(c.arg);
            out.append(QStringLiteral("CODEPAGE %1").arg(page ? codePageName(*page) : QString::number(c.arg)));
            break;
        }
        case EscPosCommand::Bold:
            out.append(c.arg ? QStringLiteral("BOLD on") : QStringLiteral("BOLD off"));
            break;
        case EscPosCommand::Size:
            out.append(QStringLiteral("SIZE %1").arg(c.arg == 0 ? QStringLiteral("normal")
                                                       : c.arg == 0x11 ? QStringLiteral("double")
                                                                       : QString::number(c.arg, 16)));
            break;
        case EscPosCommand::Align:
            out.append(QStringLiteral("ALIGN %1").arg(c.arg >= 0 && c.arg < 3 ? QLatin1String(aligns[c.arg])
                                                                                : QLatin1String("?")));
            break;
        case EscPosCommand::Feed:
            out.append(QStringLiteral("FEED %1").arg(c.arg));
            break;
        case EscPosCommand::Cut:
            out.append(QStringLiteral("CUT"));
            break;
        case EscPosCommand::StatusRequest:
            out.append(QStringLiteral("STATUS %1").arg(c.arg));
            break;
        case EscPosCommand::Unknown:
            out.append(QStringLiteral("UNKNOWN %1").arg(c.text));
            break;
        }
    }
    return out;
}

QList<QByteArray> EscPosDecoder::splitAtCuts(const QByteArray &bytes)
{
    QList<QByteArray> out;
    qsizetype start = 0;
    qsizetype pos = 0;
    // Walk with the decoder's own lengths so a cut's bytes inside text never count.
    for (const EscPosCommand &c : decode(bytes)) {
        qsizetype length = 0;
        switch (c.kind) {
        case EscPosCommand::Text:
            length = c.text.size();
            break;
        case EscPosCommand::LineFeed:
            length = 1;
            break;
        case EscPosCommand::Init:
            length = 2;
            break;
        case EscPosCommand::Unknown:
            length = (c.text.size() + 1) / 3;
            break;
        case EscPosCommand::Cut:
            length = quint8(bytes.at(pos + 2)) == 65 || quint8(bytes.at(pos + 2)) == 66 ? 4 : 3;
            break;
        default:
            length = 3;
            break;
        }
        pos += length;
        if (c.kind == EscPosCommand::Cut) {
            out.append(bytes.mid(start, pos - start));
            start = pos;
        }
    }
    return out;
}

QString EscPosDecoder::diff(const QByteArray &expected, const QByteArray &actual)
{
    if (expected == actual)
        return {};
    const QStringList a = describe(expected);
    const QStringList b = describe(actual);
    qsizetype first = 0;
    while (first < a.size() && first < b.size() && a.at(first) == b.at(first))
        ++first;
    QString out = QStringLiteral("first difference at command %1 (expected %2 bytes, got %3)\n")
                      .arg(first)
                      .arg(expected.size())
                      .arg(actual.size());
    const qsizetype from = qMax<qsizetype>(0, first - 3);
    for (qsizetype i = from; i < qMax(a.size(), b.size()) && i < first + 8; ++i) {
        const QString x = i < a.size() ? a.at(i) : QStringLiteral("(end)");
        const QString y = i < b.size() ? b.at(i) : QStringLiteral("(end)");
        out += (x == y ? QStringLiteral("  %1\n").arg(x) : QStringLiteral("- %1\n+ %2\n").arg(x, y));
    }
    return out;
}

} // namespace LittleLemon::Print
