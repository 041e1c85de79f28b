// The server's request-body reader (JsonSyntax): a scanner that mirrors
// Python's json module so the 400 answers carry the cloud's words, in front
// of Qt's parser that builds the value. The two must agree: a body the
// scanner passes must come out as a value (else the client gets a wrong
// "Expecting value" for valid JSON), and a refusal always names a place.

#include "fuzzsupport.h"

#include "api/server/jsonsyntax.h"

#include <QRegularExpression>

using namespace LittleLemon::Server;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    LittleLemon::Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString verdict = JsonSyntax::check(bytes);
    QString error;
    const auto value = JsonSyntax::parse(bytes, &error);
    if (verdict.isEmpty()) {
        LL_FUZZ_CHECK(value.has_value(), bytes + "\nparse error: " + error.toUtf8());
        LL_FUZZ_CHECK(error.isEmpty(), bytes);
        return 0;
    }
    LL_FUZZ_CHECK(!value.has_value(), bytes + "\nscanner: " + verdict.toUtf8());
    LL_FUZZ_CHECK(error == verdict, bytes + "\nscanner: " + verdict.toUtf8() + "\nparse: " + error.toUtf8());
    // Python's shape: "<what>: line L column C (char N)", positions inside the input.
    static const QRegularExpression shape(QStringLiteral("^.+: line (\\d+) column (\\d+) \\(char (\\d+)\\)$"));
    const auto m = shape.match(verdict);
    // The codec's own words ("'utf-8' codec can't decode ...") come without a position.
    if (m.hasMatch()) {
        const qint64 line = m.captured(1).toLongLong();
        const qint64 column = m.captured(2).toLongLong();
        const qint64 offset = m.captured(3).toLongLong();
        LL_FUZZ_CHECK(line >= 1 && column >= 1 && offset >= 0 && offset <= qint64(size), bytes + "\n" + verdict.toUtf8());
    } else {
        LL_FUZZ_CHECK(verdict.contains(QStringLiteral("codec")) || verdict.contains(QStringLiteral("BOM"))
                          || verdict.contains(QStringLiteral("Nesting")),
                      bytes + "\n" + verdict.toUtf8());
    }
    return 0;
}
