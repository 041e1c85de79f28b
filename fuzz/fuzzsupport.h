#pragma once

// Shared by every fuzz target: a QCoreApplication (Qt SQL loads its driver
// plugin through it), quiet logging (a log line per input would cost more
// than the code under test), and how a target reports a finding: a message
// on stderr and abort(), which libFuzzer records as a crash with the input.

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QString>

#include <cstdio>
#include <cstdlib>

namespace LittleLemon::Fuzz {

inline void discardMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    // A qFatal is a finding like any other crash: keep its words.
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
        std::abort();
    }
}

inline void initialize(int *argc, char ***argv)
{
    static QCoreApplication *app = nullptr;
    if (app)
        return;
    qInstallMessageHandler(discardMessages);
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    app = new QCoreApplication(*argc, *argv);
}

[[noreturn]] inline void finding(const char *what, const QByteArray &detail = QByteArray())
{
    std::fprintf(stderr, "\n==== FINDING: %s\n%s\n", what, detail.left(4000).constData());
    std::fflush(stderr);
    std::abort();
}

inline QByteArray show(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
}

} // namespace LittleLemon::Fuzz

#define LL_FUZZ_CHECK(condition, detail)                                                                              \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            ::LittleLemon::Fuzz::finding("check failed: " #condition, detail);                                        \
    } while (false)
