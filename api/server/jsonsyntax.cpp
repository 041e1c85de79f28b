#include "api/server/jsonsyntax.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include <algorithm>

namespace LittleLemon::Server {

namespace {

// A scanner over code points, mirroring CPython's json.decoder/scanner step by
// step so that the first error and its position are the ones Python reports.
class Scanner
{
public:
    explicit Scanner(const QList<uint> &s)
        : m_s(s)
    {
    }

    QString run()
    {
        if (!m_s.isEmpty() && m_s.at(0) == 0xFEFF)
            return fail(QStringLiteral("Unexpected UTF-8 BOM (decode using utf-8-sig)"), 0);
        qsizetype end = skipWs(0);
        qsizetype pos = 0;
        if (!scanOnce(end, &pos, 0))
            return m_error;
        end = skipWs(pos);
        if (end != m_s.size())
            return fail(QStringLiteral("Extra data"), end);
        return {};
    }

private:
    static bool isWs(uint c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    qsizetype skipWs(qsizetype i) const
    {
        while (i < m_s.size() && isWs(m_s.at(i)))
            ++i;
        return i;
    }
    uint at(qsizetype i) const { return i < m_s.size() ? m_s.at(i) : 0xFFFFFFFFu; }
    bool startsWith(qsizetype i, const char *word) const
    {
        for (qsizetype k = 0; word[k]; ++k) {
            if (at(i + k) != uint(uchar(word[k])))
                return false;
        }
        return true;
    }

    QString fail(const QString &msg, qsizetype pos)
    {
        if (m_error.isEmpty()) {
            qsizetype line = 1;
            qsizetype lastNewline = -1;
            for (qsizetype i = 0; i < pos && i < m_s.size(); ++i) {
                if (m_s.at(i) == '\n') {
                    ++line;
                    lastNewline = i;
                }
            }
            const qsizetype col = pos - lastNewline;
            m_error = QStringLiteral("%1: line %2 column %3 (char %4)").arg(msg).arg(line).arg(col).arg(pos);
        }
        return m_error;
    }

    // Python's "Expecting value" comes from StopIteration(idx) at the caller.
    bool scanOnce(qsizetype idx, qsizetype *end, int depth)
    {
        if (idx >= m_s.size()) {
            fail(QStringLiteral("Expecting value"), idx);
            return false;
        }
        const uint c = m_s.at(idx);
        if (c == '"')
            return scanString(idx + 1, end);
        if (c == '{' || c == '[') {
            if (depth >= JsonSyntax::kMaxDepth) {
                fail(QStringLiteral("Nesting deeper than %1 levels").arg(JsonSyntax::kMaxDepth), idx);
                return false;
            }
            return c == '{' ? scanObject(idx + 1, end, depth + 1) : scanArray(idx + 1, end, depth + 1);
        }
        if (c == 'n' && startsWith(idx, "null")) {
            *end = idx + 4;
            return true;
        }
        if (c == 't' && startsWith(idx, "true")) {
            *end = idx + 4;
            return true;
        }
        if (c == 'f' && startsWith(idx, "false")) {
            *end = idx + 5;
            return true;
        }
        if (scanNumber(idx, end))
            return true;
        // NaN and Infinity are Python extensions; JSON clients never send
        // them and our decoders could not hold them, so they are refused.
        fail(QStringLiteral("Expecting value"), idx);
        return false;
    }

    bool scanNumber(qsizetype idx, qsizetype *end)
    {
        qsizetype i = idx;
        if (at(i) == '-')
            ++i;
        if (at(i) == '0') {
            ++i;
        } else if (at(i) >= '1' && at(i) <= '9') {
            while (at(i) >= '0' && at(i) <= '9')
                ++i;
        } else {
            return false;
        }
        if (at(i) == '.' && at(i + 1) >= '0' && at(i + 1) <= '9') {
            i += 2;
            while (at(i) >= '0' && at(i) <= '9')
                ++i;
        }
        if (at(i) == 'e' || at(i) == 'E') {
            qsizetype j = i + 1;
            if (at(j) == '+' || at(j) == '-')
                ++j;
            if (at(j) >= '0' && at(j) <= '9') {
                while (at(j) >= '0' && at(j) <= '9')
                    ++j;
                i = j;
            }
        }
        *end = i;
        return true;
    }

    bool scanString(qsizetype end, qsizetype *out)
    {
        const qsizetype begin = end - 1;
        qsizetype next = end;
        for (;;) {
            while (next < m_s.size()) {
                const uint c = m_s.at(next);
                if (c == '"' || c == '\\')
                    break;
                if (c <= 0x1f) {
                    fail(QStringLiteral("Invalid control character at"), next);
                    return false;
                }
                ++next;
            }
            if (next >= m_s.size()) {
                fail(QStringLiteral("Unterminated string starting at"), begin);
                return false;
            }
            if (m_s.at(next) == '"') {
                *out = next + 1;
                return true;
            }
            ++next; // past the backslash
            if (next >= m_s.size()) {
                fail(QStringLiteral("Unterminated string starting at"), begin);
                return false;
            }
            const uint e = m_s.at(next);
            if (e != 'u') {
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r'
                    && e != 't') {
                    fail(QStringLiteral("Invalid \\escape"), next - 1);
                    return false;
                }
                ++next;
                continue;
            }
            ++next;
            const qsizetype hexEnd = next + 4;
            if (hexEnd >= m_s.size()) {
                fail(QStringLiteral("Invalid \\uXXXX escape"), next - 1);
                return false;
            }
            const qsizetype escape = next - 2;
            uint unit = 0;
            for (; next < hexEnd; ++next) {
                const uint h = m_s.at(next);
                const bool hex = (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
                if (!hex) {
                    fail(QStringLiteral("Invalid \\uXXXX escape"), hexEnd - 5);
                    return false;
                }
                unit = unit * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
            }
            // Python takes a lone surrogate; Qt reads it as U+FFFD and may
            // swallow what follows, so what we answered and what we stored
            // would differ. Refused, as text that is no Unicode.
            if (unit >= 0xdc00 && unit <= 0xdfff) {
                fail(QStringLiteral("Unpaired \\uXXXX surrogate"), escape);
                return false;
            }
            if (unit >= 0xd800 && unit <= 0xdbff) {
                uint low = 0;
                bool paired = next + 6 <= m_s.size() && m_s.at(next) == '\\' && m_s.at(next + 1) == 'u';
                for (qsizetype i = next + 2; paired && i < next + 6; ++i) {
                    const uint h = m_s.at(i);
                    paired = (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
                    low = low * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                }
                if (!paired || low < 0xdc00 || low > 0xdfff) {
                    fail(QStringLiteral("Unpaired \\uXXXX surrogate"), escape);
                    return false;
                }
                next += 6;
            }
        }
    }

    bool scanObject(qsizetype end, qsizetype *out, int depth)
    {
        uint next = at(end);
        if (next != '"') {
            if (isWs(next)) {
                end = skipWs(end);
                next = at(end);
            }
            if (next == '}') {
                *out = end + 1;
                return true;
            }
            if (next != '"') {
                fail(QStringLiteral("Expecting property name enclosed in double quotes"), end);
                return false;
            }
        }
        ++end;
        for (;;) {
            if (!scanString(end, &end))
                return false;
            if (at(end) != ':') {
                end = skipWs(end);
                if (at(end) != ':') {
                    fail(QStringLiteral("Expecting ':' delimiter"), end);
                    return false;
                }
            }
            ++end;
            end = skipWs(end);
            if (!scanOnce(end, &end, depth))
                return false;
            end = skipWs(end);
            const uint c = at(end);
            ++end;
            if (c == '}')
                break;
            if (c != ',') {
                fail(QStringLiteral("Expecting ',' delimiter"), end - 1);
                return false;
            }
            end = skipWs(end);
            const uint q = at(end);
            ++end;
            if (q != '"') {
                fail(QStringLiteral("Expecting property name enclosed in double quotes"), end - 1);
                return false;
            }
        }
        *out = end;
        return true;
    }

    bool scanArray(qsizetype end, qsizetype *out, int depth)
    {
        end = skipWs(end);
        if (at(end) == ']') {
            *out = end + 1;
            return true;
        }
        for (;;) {
            if (!scanOnce(end, &end, depth))
                return false;
            end = skipWs(end);
            const uint c = at(end);
            ++end;
            if (c == ']')
                break;
            if (c != ',') {
                fail(QStringLiteral("Expecting ',' delimiter"), end - 1);
                return false;
            }
            end = skipWs(end);
        }
        *out = end;
        return true;
    }

    const QList<uint> &m_s;
    QString m_error;
};

// Python's UnicodeDecodeError wording for the first bad byte.
QString utf8Error(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar c = p[i];
        int need = 0;
        uint min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            min = 0x10000;
        } else {
            return QStringLiteral("'utf-8' codec can't decode byte 0x%1 in position %2: invalid start byte")
                .arg(c, 2, 16, QLatin1Char('0'))
                .arg(i);
        }
        uint cp = c & (0x3F >> need);
        for (int k = 1; k <= need; ++k) {
            if (i + k >= n)
                return QStringLiteral("'utf-8' codec can't decode byte 0x%1 in position %2: unexpected end of data")
                    .arg(c, 2, 16, QLatin1Char('0'))
                    .arg(i);
            const uchar cc = p[i + k];
            if ((cc & 0xC0) != 0x80)
                return QStringLiteral("'utf-8' codec can't decode byte 0x%1 in position %2: invalid continuation byte")
                    .arg(c, 2, 16, QLatin1Char('0'))
                    .arg(i);
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return QStringLiteral("'utf-8' codec can't decode byte 0x%1 in position %2: invalid continuation byte")
                .arg(c, 2, 16, QLatin1Char('0'))
                .arg(i);
        i += need + 1;
    }
    return {};
}

// For a JSON number d1d2...×10^e: where its first significant digit sits
// (1 for "1.5", 401 for "1e400", -399 for "1e-400"), saturated. Positive:
// too large for a double when Qt refuses it; otherwise too small.
qint64 decimalMagnitude(const QByteArray &number)
{
    qsizetype i = number.startsWith('-') ? 1 : 0;
    qint64 position = 0;
    bool significant = false;
    for (; i < number.size() && number.at(i) >= '0' && number.at(i) <= '9'; ++i) {
        if (significant || number.at(i) != '0') {
            significant = true;
            ++position;
        }
    }
    if (i < number.size() && number.at(i) == '.') {
        for (++i; i < number.size() && number.at(i) >= '0' && number.at(i) <= '9'; ++i) {
            if (!significant && number.at(i) != '0')
                significant = true;
            else if (!significant)
                --position;
        }
    }
    if (!significant)
        return 0;
    qint64 exponent = 0;
    if (i < number.size() && (number.at(i) == 'e' || number.at(i) == 'E')) {
        ++i;
        const bool negative = i < number.size() && number.at(i) == '-';
        if (i < number.size() && (number.at(i) == '-' || number.at(i) == '+'))
            ++i;
        for (; i < number.size() && number.at(i) >= '0' && number.at(i) <= '9'; ++i)
            exponent = std::min<qint64>(exponent * 10 + (number.at(i) - '0'), qint64(1) << 40);
        if (negative)
            exponent = -exponent;
    }
    return position + exponent;
}

// `json` (already checked: valid) with every number outside a double's
// range replaced: overflow by the largest double of the same sign, underflow
// by zero. Strings are copied untouched.
QByteArray withNumbersInRange(const QByteArray &json)
{
    QByteArray out;
    out.reserve(json.size());
    const qsizetype n = json.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = json.at(i);
        if (c == '"') {
            const qsizetype start = i++;
            while (i < n && json.at(i) != '"')
                i += json.at(i) == '\\' ? 2 : 1;
            ++i;
            out += json.mid(start, i - start);
            continue;
        }
        if (c != '-' && !(c >= '0' && c <= '9')) {
            out += c;
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n && (json.at(i) == '-' || json.at(i) == '+' || json.at(i) == '.' || json.at(i) == 'e'
                         || json.at(i) == 'E' || (json.at(i) >= '0' && json.at(i) <= '9')))
            ++i;
        const QByteArray number = json.mid(start, i - start);
        bool ok = false;
        number.toDouble(&ok);
        if (ok)
            out += number;
        else if (decimalMagnitude(number) > 0)
            out += number.startsWith('-') ? "-1.7976931348623157e308" : "1.7976931348623157e308";
        else
            out += number.startsWith('-') ? "-0" : "0";
    }
    return out;
}

} // namespace

QString JsonSyntax::check(const QByteArray &utf8)
{
    const QString bad = utf8Error(utf8);
    if (!bad.isEmpty())
        return bad;
    // QString::fromUtf8() drops a BOM; Python keeps it and refuses it.
    if (utf8.startsWith("\xef\xbb\xbf"))
        return QStringLiteral("Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)");
    const QList<uint> codePoints = QString::fromUtf8(utf8).toUcs4();
    Scanner scanner(codePoints);
    return scanner.run();
}

std::optional<QJsonValue> JsonSyntax::parse(const QByteArray &utf8, QString *error)
{
    // The scanner decides what is valid: Qt's parser also takes things
    // Python refuses (unknown escapes, raw control characters, a BOM), and
    // the cloud would answer 400 to those.
    const QString why = check(utf8);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    QJsonParseError qtError;
    QJsonDocument doc = QJsonDocument::fromJson(utf8, &qtError);
    if (qtError.error == QJsonParseError::IllegalNumber) {
        // Valid JSON with a number past a double's range: Python reads it
        // (1e400 as inf, 1e-400 as 0.0) and the field it lands in refuses or
        // takes it; Qt refuses the whole body. Clamp such numbers so the
        // field decides here too, instead of a syntax error at char 0.
        doc = QJsonDocument::fromJson(withNumbersInRange(utf8), &qtError);
    }
    if (qtError.error == QJsonParseError::NoError) {
        if (doc.isObject())
            return QJsonValue(doc.object());
        if (doc.isArray())
            return QJsonValue(doc.array());
    }
    // Valid JSON that QJsonDocument will not hold as a document: a bare scalar.
    QJsonParseError wrapError;
    const QJsonDocument wrapped = QJsonDocument::fromJson("[" + withNumbersInRange(utf8) + "]", &wrapError);
    if (wrapError.error == QJsonParseError::NoError && wrapped.isArray() && wrapped.array().size() == 1)
        return wrapped.array().at(0);
    if (error)
        *error = QStringLiteral("Expecting value: line 1 column 1 (char 0)");
    return std::nullopt;
}

} // namespace LittleLemon::Server
