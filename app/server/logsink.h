#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <mutex>

namespace LittleLemon {

// The server's log writer: Qt's default handler makes one write() per line,
// which at thousands of requests a second is a fair share of the server's
// time. Lines at info and debug level (the request log) are gathered and
// written every 100 ms or every 64 KiB; a warning or worse is written at
// once, with everything before it, so nothing is reordered or held back
// when it matters. Any thread may log (the read worker, the commit and
// checkpoint threads, password hashing, backups): one lock around the buffer.
class LogSink : public QObject
{
    Q_OBJECT

public:
    explicit LogSink(QObject *parent = nullptr);
    ~LogSink() override;

    void flush();

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message);
    void append(QtMsgType type, const char *category, const QString &message);

    void flushLocked();

    std::mutex m_lock;
    QByteArray m_buffer;
    QTimer m_timer;
    QtMessageHandler m_previous = nullptr;
};

} // namespace LittleLemon
