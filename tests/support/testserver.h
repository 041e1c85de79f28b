#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace LittleLemon::Test {

// A real littlelemon-server for tests: the built executable run as a child
// process on 127.0.0.1 with a free port and a temporary data directory.
//
//   TestServer server;
//   QVERIFY2(server.start({"--page-size", "3"}), qPrintable(server.errorString()));
//   QVERIFY(server.addUser("mario", "manager", "LemonManager#1", "mario@example.com"));
//   HttpTestClient http(server.url());
//
// The server's stderr (its request log) goes to logFile(); stdout is kept in
// standardOutput(). The destructor kills a server that is still running.
class TestServer : public QObject
{
    Q_OBJECT

public:
    explicit TestServer(QObject *parent = nullptr);
    ~TestServer() override;

    // The executable under test (LL_SERVER_BINARY, set by CMake).
    static QString binaryPath();
    // PBKDF2 rounds addUser() asks for: low, so tests stay fast.
    static constexpr int kTestHashIterations = 1000;

    // Use this data directory instead of a fresh temporary one (call before start()).
    void setDataDir(const QString &path);

    // Starts the server with `--listen 127.0.0.1:0 --data-dir DIR` plus
    // extraArgs and waits for its "listening on" line. False (with
    // errorString()) if it did not come up within timeoutMs.
    bool start(const QStringList &extraArgs = {}, int timeoutMs = 20000);
    bool isRunning() const;

    // "http://127.0.0.1:PORT" (no trailing slash).
    QUrl url() const;
    // url() + path, e.g. url("/api/menu-items?page=2").
    QUrl url(const QString &pathAndQuery) const;
    quint16 port() const { return m_port; }
    QString dataDir() const { return m_dataDir; }
    QStringList extraArgs() const { return m_extraArgs; }

    // SIGTERM, then waits. True when the server exited by itself with status 0.
    bool stop(int timeoutMs = 15000);
    // SIGKILL, then waits: a crash, for tests of what survives one.
    void kill();
    // Stops (SIGTERM) if running and starts again on the same data directory
    // and the same port, with the same extra arguments or new ones.
    bool restart(int timeoutMs = 20000);
    bool restart(const QStringList &extraArgs, int timeoutMs = 20000);

    // `littlelemon-server --data-dir DIR user add NAME --role ROLE [--email E]
    // --password-stdin --hash-iterations kTestHashIterations`; works while
    // the server runs. role: admin, manager, delivery-crew or customer.
    bool addUser(const QString &name, const QString &role, const QString &password,
                 const QString &email = QString());

    // Runs the executable with `--data-dir DIR` + args (a subcommand such as
    // {"user", "list"}), feeding `input` on stdin. Returns the exit code, -1
    // if it did not finish in time or crashed.
    int runCommand(const QStringList &args, const QByteArray &input = QByteArray(),
                   QByteArray *standardOutput = nullptr, QByteArray *standardError = nullptr,
                   int timeoutMs = 60000) const;

    QString errorString() const { return m_error; }
    // Everything the server wrote to stdout so far (the listening line, demo passwords).
    QByteArray standardOutput() const { return m_stdout; }
    // The file that receives the server's stderr (its log).
    QString logFile() const;
    QString logText() const;
    // Exit code and status of the last run that ended.
    int exitCode() const { return m_exitCode; }
    QProcess::ExitStatus exitStatus() const { return m_exitStatus; }
    qint64 processId() const;

private:
    bool launch(const QString &listen, int timeoutMs);
    void readStdout();

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dataDir;
    QStringList m_extraArgs;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QByteArray m_stdout;
    QString m_error;
    int m_exitCode = -1;
    QProcess::ExitStatus m_exitStatus = QProcess::NormalExit;
};

} // namespace LittleLemon::Test
