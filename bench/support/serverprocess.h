#pragma once

// Where a littlelemon-server started by a benchmark listens, read from its
// "listening on http://..." line; one reader for every bench that starts one.

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QString>

namespace LittleLemon::Bench {

// The server's base URL ("http://127.0.0.1:PORT"), or an empty string when it
// said nothing of the kind within timeoutMs (it exited or hangs).
inline QString listeningUrl(QProcess &server, int timeoutMs = 30000)
{
    static const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
    QByteArray out;
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < timeoutMs) {
        server.waitForReadyRead(200);
        out += server.readAllStandardOutput();
        const auto m = listening.match(QString::fromUtf8(out));
        if (m.hasMatch())
            return m.captured(1);
        if (server.state() == QProcess::NotRunning)
            break;
    }
    return {};
}

} // namespace LittleLemon::Bench
