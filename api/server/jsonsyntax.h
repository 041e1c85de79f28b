#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace LittleLemon::Server {

// Reads a request body as JSON and, when it is not valid, says why in the
// words of Python's json module ("Expecting value: line 1 column 10 (char
// 9)"), because the cloud's answers carry exactly that text after "JSON parse
// error - " and clients may show it. Nesting is capped so no body can exhaust
// the stack.
class JsonSyntax
{
public:
    // Qt's own parser stops at 1024 levels; the scanner agrees so both say the same.
    static constexpr int kMaxDepth = 1024;

    // The parsed value, or nullopt with *error set (without the "JSON parse error - " prefix).
    static std::optional<QJsonValue> parse(const QByteArray &utf8, QString *error);

    // Only the syntax check: an empty string when valid.
    static QString check(const QByteArray &utf8);
};

} // namespace LittleLemon::Server
