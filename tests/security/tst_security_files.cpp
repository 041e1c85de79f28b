#include "models/localstore.h"
#include "securitytest.h"

#include <QDirIterator>
#include <QProcess>
#include <QtTest>

#include <sys/stat.h>

using namespace LittleLemon;
using namespace LittleLemon::Test;

namespace {
// The permission bits as octal, "0644".
QString modeOf(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return QStringLiteral("missing");
    return QStringLiteral("0%1").arg(st.st_mode & 0777, 3, 8, QLatin1Char('0'));
}

void loosen(const QString &path, mode_t mode)
{
    if (QFileInfo::exists(path))
        ::chmod(QFile::encodeName(path).constData(), mode);
}

// Every file and folder under `root` that others may read, as "path 0644".
QStringList readableByOthers(const QString &root)
{
    QStringList out;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString mode = modeOf(path);
        if (mode.right(2) != QLatin1String("00"))
            out << path + u' ' + mode;
    }
    return out;
}
} // namespace

// Private files (issue 20): whatever the umask it was started under, no
// program leaves people's data or a secret readable by other users, and a
// data directory, database or secret left loose (by an older version or
// another umask) is tightened, -wal and -shm with it, and the log says so
// once.
class TstSecurityFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // What a desktop session usually has: files readable by everyone.
        ::umask(022);
    }

    void serverTightensWhatItOwns()
    {
        TestServer server;
        QVERIFY2(server.start(CloudFixture::relaxedArgs()), qPrintable(server.errorString()));
        QVERIFY(server.addUser(QStringLiteral("mario"), QStringLiteral("manager"), CloudFixture::password(QStringLiteral("mario"))));
        const QString dir = server.dataDir();
        const QString db = databaseOf(server);
        QCOMPARE(modeOf(dir), QStringLiteral("0700"));
        QCOMPARE(modeOf(db), QStringLiteral("0600"));
        QVERIFY(server.stop());
        ::chmod(QFile::encodeName(dir).constData(), 0755);
        for (const QString &f : QStringList { db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm"),
                                              dir + QStringLiteral("/jwt-secret") })
            loosen(f, 0644);
        const qsizetype logBefore = server.logText().size();
        QVERIFY(server.restart());
        HttpTestClient http(server.url());
        QVERIFY(!http.login(QStringLiteral("mario"), CloudFixture::password(QStringLiteral("mario"))).isEmpty());
        QCOMPARE(modeOf(dir), QStringLiteral("0700"));
        QCOMPARE(modeOf(dir + QStringLiteral("/jwt-secret")), QStringLiteral("0600"));
        QCOMPARE(modeOf(db), QStringLiteral("0600"));
        // Made anew by SQLite with the database's mode, or tightened with it.
        QCOMPARE(modeOf(db + QStringLiteral("-wal")), QStringLiteral("0600"));
        QCOMPARE(modeOf(db + QStringLiteral("-shm")), QStringLiteral("0600"));
        const QString said = server.logText().mid(logBefore);
        QVERIFY2(said.contains(QStringLiteral("made ") + dir + QStringLiteral(" private: 0755 -> 0700")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("jwt-secret private: 0644 -> 0600")), qPrintable(said));
        // Said once: the next start finds them private and says nothing.
        const qsizetype logMiddle = server.logText().size();
        QVERIFY(server.restart());
        QVERIFY2(!server.logText().mid(logMiddle).contains(QStringLiteral("private:")), qPrintable(server.logText().mid(logMiddle)));
    }

    // The desk's and the CLI's cache and outbox: a loose database and folder
    // are tightened when they are opened.
    void localStoreTightensExistingFiles()
    {
        QTemporaryDir tmp;
        const QString folder = tmp.filePath(QStringLiteral("cache"));
        LocalStore::Paths paths { folder + QStringLiteral("/x.cache.sqlite"), folder + QStringLiteral("/x.outbox.sqlite") };
        {
            LocalStore store;
            QVERIFY2(store.open(paths), qPrintable(store.errorString()));
        }
        ::chmod(QFile::encodeName(folder).constData(), 0755);
        for (const QString &f : QStringList { paths.cache, paths.outbox })
            for (const char *suffix : { "", "-wal", "-shm" })
                loosen(f + QLatin1String(suffix), 0644);
        LocalStore store;
        QVERIFY2(store.open(paths), qPrintable(store.errorString()));
        const QStringList loose = readableByOthers(folder);
        QVERIFY2(loose.isEmpty(), qPrintable(loose.join(u'\n')));
        QCOMPARE(modeOf(folder), QStringLiteral("0700"));
    }

    // littlelemon-cli under umask 022: its cache, outbox (with -wal/-shm)
    // and settings file are the user's alone, and a settings file left 0644
    // is tightened.
    void cliFilesArePrivate()
    {
        TestServer server;
        QVERIFY2(server.start(CloudFixture::relaxedArgs()), qPrintable(server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::populate(server, &error), qPrintable(error));
        QTemporaryDir home;
        const QString config = home.filePath(QStringLiteral("config"));
        const QString data = home.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(config + QStringLiteral("/Little Lemon")));
        const QString conf = config + QStringLiteral("/Little Lemon/littlelemon-cli.conf");
        {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[General]\n");
        }
        ::chmod(QFile::encodeName(conf).constData(), 0644);

        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        env.insert(QStringLiteral("XDG_DATA_HOME"), data);
        // No keychain: the tokens stay in memory, the files are what is looked at.
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("no-runtime")));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(LL_CLI_BINARY), { QStringLiteral("login"), QStringLiteral("--server"), server.url().toString(),
                                                   QStringLiteral("--user"), QStringLiteral("mario"),
                                                   QStringLiteral("--password-stdin") });
        QVERIFY(cli.waitForStarted());
        cli.write(CloudFixture::password(QStringLiteral("mario")).toUtf8() + '\n');
        cli.closeWriteChannel();
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

        QStringList databases;
        QDirIterator it(data, { QStringLiteral("*.sqlite*") }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            databases << it.next();
        QVERIFY2(!databases.isEmpty(), "the CLI made no cache");
        const QStringList loose = readableByOthers(data);
        QVERIFY2(loose.isEmpty(), qPrintable(loose.join(u'\n')));
        QCOMPARE(modeOf(data), QStringLiteral("0700"));
        QCOMPARE(modeOf(conf), QStringLiteral("0600"));
    }
};

QTEST_GUILESS_MAIN(TstSecurityFiles)
#include "tst_security_files.moc"
