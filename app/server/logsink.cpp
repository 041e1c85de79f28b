#include "logsink.h"

#include <cstdio>
#include <unistd.h>

namespace LittleLemon {

namespace {
LogSink *g_sink = nullptr;
constexpr qsizetype kFlushBytes = 64 * 1024;
} // namespace

LogSink::LogSink(QObject *parent)
    : QObject(parent)
{
    m_buffer.reserve(kFlushBytes + 1024);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &LogSink::flush);
    m_timer.start();
    g_sink = this;
    m_previous = qInstallMessageHandler(&LogSink::handler);
}

LogSink::~LogSink()
{
    qInstallMessageHandler(m_previous);
    g_sink = nullptr;
    flush();
}

void LogSink::handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_sink)
        g_sink->append(type, context.category, message);
}

void LogSink::append(QtMsgType type, const char *category, const QString &message)
{
    const QByteArray text = message.toUtf8();
    const std::lock_guard lock(m_lock);
    // Qt's default format: "category: message".
    if (category && qstrcmp(category, "default") != 0) {
        m_buffer += category;
        m_buffer += ": ";
    }
    m_buffer += text;
    m_buffer += '\n';
    if (type == QtDebugMsg || type == QtInfoMsg) {
        if (m_buffer.size() >= kFlushBytes)
            flushLocked();
        return;
    }
    flushLocked();
    if (type == QtFatalMsg)
        std::abort();
}

void LogSink::flush()
{
    const std::lock_guard lock(m_lock);
    flushLocked();
}

void LogSink::flushLocked()
{
    qsizetype done = 0;
    while (done < m_buffer.size()) {
        const ssize_t n = ::write(STDERR_FILENO, m_buffer.constData() + done, size_t(m_buffer.size() - done));
        if (n <= 0)
            break; // stderr gone: the log is lost, the server goes on
        done += n;
    }
    m_buffer.clear();
}

} // namespace LittleLemon
