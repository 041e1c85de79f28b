#pragma once

// A process's own figures from /proc/PID/status, for the benchmarks that
// watch another process (the desk, the server) from outside.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace LittleLemon::Bench {

// The value of `field` ("VmRSS:", "VmHWM:", ...) in kB, or -1 when the
// process or the field is gone.
inline qint64 procStatusKb(qint64 pid, const char *field = "VmRSS:")
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace LittleLemon::Bench
