#include "testserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <csignal>

namespace LittleLemon::Test {

TestServer::TestServer(QObject *parent)
    : QObject(parent)
{
}

TestServer::~TestServer()
{
    if (isRunning())
        kill();
}

QString TestServer::binaryPath()
{
    return QStringLiteral(LL_SERVER_BINARY);
}

void TestServer::setDataDir(const QString &path)
{
    m_dataDir = path;
}

QUrl TestServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QUrl TestServer::url(const QString &pathAndQuery) const
{
    return QUrl(url().toString() + pathAndQuery);
}

QString TestServer::logFile() const
{
    if (!m_tmp)
        return {};
    return m_tmp->filePath(QStringLiteral("server-stderr.log"));
}

QString TestServer::logText() const
{
    QFile f(logFile());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

qint64 TestServer::processId() const
{
    return m_process ? m_process->processId() : 0;
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool TestServer::start(const QStringList &extraArgs, int timeoutMs)
{
    if (isRunning()) {
        m_error = QStringLiteral("already running");
        return false;
    }
    if (!m_tmp) {
        m_tmp = std::make_unique<QTemporaryDir>();
        if (!m_tmp->isValid()) {
            m_error = QStringLiteral("cannot create a temporary directory: %1").arg(m_tmp->errorString());
            return false;
        }
    }
    if (m_dataDir.isEmpty())
        m_dataDir = m_tmp->filePath(QStringLiteral("data"));
    m_extraArgs = extraArgs;
    return launch(QStringLiteral("127.0.0.1:0"), timeoutMs);
}

void TestServer::readStdout()
{
    if (m_process)
        m_stdout += m_process->readAllStandardOutput();
}

bool TestServer::launch(const QString &listen, int timeoutMs)
{
    m_process = std::make_unique<QProcess>();
    m_stdout.clear();
    m_process->setProgram(binaryPath());
    m_process->setArguments(QStringList { QStringLiteral("--listen"), listen, QStringLiteral("--data-dir"), m_dataDir }
                            + m_extraArgs);
    // A file, not a pipe: a busy server's request log must never block on a
    // test that does not read it.
    m_process->setStandardErrorFile(logFile(), QIODevice::Append);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &TestServer::readStdout);
    m_process->start();
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binaryPath(), m_process->errorString());
        return false;
    }
    static const QRegularExpression listening(
        QStringLiteral("littlelemon-server listening on http://127\\.0\\.0\\.1:(\\d+)\\n"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        readStdout();
        const auto m = listening.match(QString::fromUtf8(m_stdout));
        if (m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            return true;
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(int(qBound(qint64(1), deadline.remainingTime(), qint64(200))));
    }
    readStdout();
    m_error = QStringLiteral("the server did not report listening; stdout: %1; log: %2")
                  .arg(QString::fromUtf8(m_stdout), logText().right(2000));
    if (isRunning())
        kill();
    return false;
}

bool TestServer::stop(int timeoutMs)
{
    if (!isRunning()) {
        // It ended by itself (a signal from the test, a crash): report how.
        if (!m_process)
            return false;
        readStdout();
        m_exitCode = m_process->exitCode();
        m_exitStatus = m_process->exitStatus();
        return m_exitStatus == QProcess::NormalExit && m_exitCode == 0;
    }
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(timeoutMs)) {
        m_error = QStringLiteral("the server did not stop within %1 ms of SIGTERM").arg(timeoutMs);
        kill();
        return false;
    }
    readStdout();
    m_exitCode = m_process->exitCode();
    m_exitStatus = m_process->exitStatus();
    const bool clean = m_exitStatus == QProcess::NormalExit && m_exitCode == 0;
    if (!clean)
        m_error = QStringLiteral("the server exited with status %1 (%2)")
                      .arg(m_exitCode)
                      .arg(m_exitStatus == QProcess::CrashExit ? QStringLiteral("crash") : QStringLiteral("normal"));
    return clean;
}

void TestServer::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(15000);
    readStdout();
    m_exitCode = m_process->exitCode();
    m_exitStatus = m_process->exitStatus();
}

bool TestServer::restart(int timeoutMs)
{
    return restart(m_extraArgs, timeoutMs);
}

bool TestServer::restart(const QStringList &extraArgs, int timeoutMs)
{
    if (m_port == 0) {
        m_error = QStringLiteral("restart() before a successful start()");
        return false;
    }
    if (isRunning() && !stop())
        return false;
    m_extraArgs = extraArgs;
    const quint16 port = m_port;
    const bool ok = launch(QStringLiteral("127.0.0.1:%1").arg(port), timeoutMs);
    if (ok && m_port != port) {
        m_error = QStringLiteral("restarted on port %1 instead of %2").arg(m_port).arg(port);
        return false;
    }
    return ok;
}

int TestServer::runCommand(const QStringList &args, const QByteArray &input, QByteArray *standardOutput,
                           QByteArray *standardError, int timeoutMs) const
{
    QProcess p;
    p.setProgram(binaryPath());
    p.setArguments(QStringList { QStringLiteral("--data-dir"), m_dataDir } + args);
    p.start();
    if (!p.waitForStarted(timeoutMs))
        return -1;
    p.write(input);
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(timeoutMs);
    if (standardOutput)
        *standardOutput = p.readAllStandardOutput();
    if (standardError)
        *standardError = p.readAllStandardError();
    if (!finished) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool TestServer::addUser(const QString &name, const QString &role, const QString &password, const QString &email)
{
    if (m_dataDir.isEmpty()) {
        // Users may be added before the first start: pick the data directory now.
        if (!m_tmp)
            m_tmp = std::make_unique<QTemporaryDir>();
        m_dataDir = m_tmp->filePath(QStringLiteral("data"));
    }
    QStringList args { QStringLiteral("user"), QStringLiteral("add"), name, QStringLiteral("--role"), role };
    if (!email.isEmpty())
        args << QStringLiteral("--email") << email;
    args << QStringLiteral("--password-stdin") << QStringLiteral("--hash-iterations")
         << QString::number(kTestHashIterations);
    QByteArray out;
    QByteArray err;
    const int code = runCommand(args, password.toUtf8() + '\n', &out, &err);
    if (code != 0) {
        m_error = QStringLiteral("user add %1 failed (%2): %3").arg(name).arg(code).arg(QString::fromUtf8(err));
        return false;
    }
    return true;
}

} // namespace LittleLemon::Test
