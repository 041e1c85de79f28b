#pragma once

// A process's own figures from /proc/PID/status and /proc/PID/stat, for the
// benchmarks that watch another process (the desk, the server) from outside.

#include <QByteArray>
#include <QFile>
#include <QList>
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

// Clock ticks (sysconf(_SC_CLK_TCK) a second) of CPU, user + system, that a
// process or one of its threads has used: /proc/PID/stat or
// /proc/PID/task/TID/stat, fields 14 and 15; -1 when it is gone.
inline qint64 procCpuTicks(const QString &statPath)
{
    QFile f(statPath);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = f.readAll();
    // The command name (field 2) may hold spaces: count from its ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return fields.at(11).toLongLong() + fields.at(12).toLongLong();
}

} // namespace LittleLemon::Bench
