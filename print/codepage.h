#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>

namespace LittleLemon::Print {

// The single-byte code pages a thermal printer is switched to (ESC t n).
// CP858 is CP850 with the euro sign at 0xD5 (Western European, Spanish);
// CP860 is Portuguese (ã, õ, Ç ... but no euro sign).
enum class CodePage { Cp858, Cp860 };

int escPosNumber(CodePage page);
std::optional<CodePage> codePageFromEscPos(int n);
QString codePageName(CodePage page); // "CP858"
std::optional<CodePage> codePageFromName(QStringView name);

// Unicode to the code page's bytes. Text is composed first (NFC); a character
// the page lacks becomes its plain letter ("é" without the accent) or '?'.
// Control characters other than '\n' are dropped: text never carries a command.
QByteArray encodeText(QStringView text, CodePage page);
QString decodeText(const QByteArray &bytes, CodePage page);
bool canEncode(QChar ch, CodePage page);

} // namespace LittleLemon::Print
