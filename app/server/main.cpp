#include "api/hub/upstreamlink.h"
#include "api/server/backend.h"
#include "api/server/backup.h"
#include "api/server/configfile.h"
#include "api/server/datadirlock.h"
#include "api/server/eventhub.h"
#include "api/server/demodata.h"
#include "api/server/httpserveradapter.h"
#include "api/server/passwordhasher.h"
#include "api/server/passwordworker.h"
#include "api/server/serverconfig.h"
#include "api/server/serverinstance.h"
#include "api/server/serverstorage.h"
#include "api/server/tlsserver.h"
#include "api/server/useradmin.h"
#include "logsink.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace LittleLemon;
using namespace LittleLemon::Server;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("littlelemon-server", text);
}

int fail(const QString &message, int code = 1)
{
    QTextStream(stderr) << "littlelemon-server: " << message << Qt::endl;
    return code;
}

void say(const QString &text)
{
    QTextStream(stdout) << text << Qt::endl;
}

bool readInt(const QCommandLineParser &parser, const QString &name, int min, int max, int *out, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qlonglong v = parser.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *error = tr("--%1 wants a whole number from %2 to %3, got \"%4\"").arg(name).arg(min).arg(max).arg(parser.value(name));
        return false;
    }
    *out = int(v);
    return true;
}

// The password for `user add` / `user passwd`: one line from stdin, without its line break.
QString readPasswordLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

// The database for commands that run without the HTTP side.
struct Store
{
    Database db;
    ServerStorage storage { db };

    bool open(const QString &dataDir, QString *error)
    {
        if (!QDir().mkpath(dataDir)) {
            *error = tr("cannot create the data directory %1").arg(dataDir);
            return false;
        }
        Backend::makePrivate(dataDir);
        return db.open(Backend::databasePath(dataDir), ServerStorage::migrations(), error);
    }
};

int runUserCommand(const QCommandLineParser &parser, const QStringList &args, const ServerConfig &config)
{
    const QString verb = args.value(1);
    Store store;
    QString error;
    if (!store.open(config.dataDir, &error))
        return fail(error);
    UserAdmin admin(store.storage);
    auto role = [&](const QString &text) -> std::optional<Role> {
        const auto r = roleFromWire(text);
        if (!r)
            fail(tr("unknown role \"%1\": use admin, manager, kitchen, delivery-crew or customer").arg(text), 2);
        return r;
    };
    auto password = [&]() -> QString {
        if (!parser.isSet(QStringLiteral("password-stdin"))) {
            fail(tr("give the password on standard input with --password-stdin"), 2);
            return {};
        }
        return readPasswordLine();
    };
    try {
        if (verb == u"add" && args.size() == 3) {
            const auto r = role(parser.value(QStringLiteral("role")));
            if (!r)
                return 2;
            const QString pw = password();
            if (pw.isNull())
                return 2;
            if (!admin.add(args.at(2), *r, parser.value(QStringLiteral("email")), pw, config.hashIterations, &error))
                return fail(error);
            say(tr("user %1 added as %2").arg(args.at(2), toWire(*r)));
            return 0;
        }
        if (verb == u"list" && args.size() == 2) {
            QTextStream out(stdout);
            out << QStringLiteral("%1  %2  %3  %4").arg(QStringLiteral("id"), -6).arg(QStringLiteral("username"), -24)
                       .arg(QStringLiteral("role"), -14).arg(QStringLiteral("email"))
                << Qt::endl;
            for (const auto &[u, active] : admin.listWithState()) {
                // An inactive account is marked after its role, so the columns stay as they were.
                const QString role = active ? toWire(u.role()) : toWire(u.role()) + QStringLiteral(" (inactive)");
                out << QStringLiteral("%1  %2  %3  %4").arg(u.id, -6).arg(u.username, -24).arg(role, -14).arg(u.email)
                    << Qt::endl;
            }
            return 0;
        }
        if ((verb == u"deactivate" || verb == u"activate") && args.size() == 3) {
            if (!admin.setActive(args.at(2), verb == u"activate", &error))
                return fail(error);
            say(verb == u"activate" ? tr("user %1 may sign in again").arg(args.at(2))
                                    : tr("user %1 deactivated and signed out of every terminal").arg(args.at(2)));
            return 0;
        }
        if (verb == u"delete" && args.size() == 3) {
            if (!admin.remove(args.at(2), &error))
                return fail(error);
            say(tr("user %1 deleted; their orders and bookings keep the name").arg(args.at(2)));
            return 0;
        }
        if (verb == u"sign-out" && args.size() == 3) {
            if (!admin.signOutEverywhere(args.at(2), &error))
                return fail(error);
            say(tr("user %1 signed out of every terminal").arg(args.at(2)));
            return 0;
        }
        if (verb == u"set-role" && args.size() == 4) {
            const auto r = role(args.at(3));
            if (!r)
                return 2;
            if (!admin.setRole(args.at(2), *r, &error))
                return fail(error);
            say(tr("user %1 is now %2").arg(args.at(2), toWire(*r)));
            return 0;
        }
        if (verb == u"passwd" && args.size() == 3) {
            const QString pw = password();
            if (pw.isNull())
                return 2;
            if (!admin.setPassword(args.at(2), pw, config.hashIterations, &error))
                return fail(error);
            say(tr("password of %1 changed; signed out of every terminal").arg(args.at(2)));
            return 0;
        }
    } catch (const StorageError &e) {
        return fail(QString::fromUtf8(e.what()));
    }
    return fail(tr("usage: user add NAME --role ROLE [--email E] --password-stdin | user list | "
                   "user set-role NAME ROLE | user passwd NAME --password-stdin | user deactivate NAME | "
                   "user activate NAME | user delete NAME | user sign-out NAME"),
                2);
}

int runSeedBench(const QCommandLineParser &parser, const ServerConfig &config)
{
    int items = 500;
    int orders = 10000;
    QString error;
    if (!readInt(parser, QStringLiteral("menu-items"), 1, 1000000, &items, &error)
        || !readInt(parser, QStringLiteral("orders"), 0, 10000000, &orders, &error))
        return fail(error, 2);
    Store store;
    if (!store.open(config.dataDir, &error))
        return fail(error);
    try {
        BenchData::load(store.storage, items, orders, config.hashIterations);
    } catch (const StorageError &e) {
        return fail(QString::fromUtf8(e.what()));
    }
    say(tr("loaded %1 menu items and %2 orders").arg(items).arg(orders));
    return 0;
}

QString backupDirOf(const ServerConfig &config)
{
    return config.backupDir.isEmpty() ? QDir(config.dataDir).filePath(QStringLiteral("backups")) : config.backupDir;
}

// `backup --to FILE`: works while the server runs (Backup::save).
int runBackup(const QCommandLineParser &parser, const ServerConfig &config)
{
    if (!parser.isSet(QStringLiteral("to")))
        return fail(tr("usage: backup --to FILE"), 2);
    const QString target = parser.value(QStringLiteral("to"));
    // Never over an earlier backup: that one may be the good one.
    if (QFileInfo::exists(target))
        return fail(tr("%1 exists: choose another name, or delete it first").arg(target), 2);
    QString error;
    if (!Backup::save(Backend::databasePath(config.dataDir), target, &error))
        return fail(error);
    say(tr("backup of %1 written to %2 (%3 bytes)")
            .arg(config.dataDir, target)
            .arg(QFileInfo(target).size()));
    return 0;
}

// `restore --from FILE`: replaces the database, so no server may be using
// it: the data directory's lock says whether one is (the service, the desk
// in standalone mode), and it is held here until the restore is done so
// none starts meanwhile. Stopping a running server from here would race
// with systemd restarting it; the administrator stops it, restores, starts.
int runRestore(const QCommandLineParser &parser, const ServerConfig &config)
{
    if (!parser.isSet(QStringLiteral("from")))
        return fail(tr("usage: restore --from FILE"), 2);
    const QString source = parser.value(QStringLiteral("from"));
    const QFileInfo dir(config.dataDir);
    // root would leave files the service's user cannot open.
    if (::geteuid() == 0 && dir.exists() && dir.ownerId() != 0)
        return fail(tr("run restore as the owner of %1: sudo -u %2 littlelemon-server --data-dir %1 restore --from %3")
                        .arg(config.dataDir, dir.owner(), source),
                    2);
    if (!QDir().mkpath(config.dataDir))
        return fail(tr("cannot create the data directory %1").arg(config.dataDir));
    DataDirLock lock(config.dataDir);
    QString error;
    if (!lock.tryLock(&error))
        return fail(tr("%1; stop the server first (sudo systemctl stop littlelemon-server, or quit Little Lemon "
                       "Desk), restore, then start it again")
                        .arg(error));
    int version = 0;
    if (!Backup::verify(source, int(ServerStorage::migrations().size()), &version, &error))
        return fail(error);
    const QString database = Backend::databasePath(config.dataDir);
    if (QFileInfo::exists(database)) {
        // What is replaced is kept: a restore from the wrong day can be undone.
        // Never over an earlier safety copy: two restores in one second
        // keep both (-2, -3, ... after the time).
        const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        QString keep = QDir(backupDirOf(config)).filePath(QStringLiteral("before-restore-%1.sqlite").arg(stamp));
        for (int n = 2; QFileInfo::exists(keep); ++n)
            keep = QDir(backupDirOf(config)).filePath(QStringLiteral("before-restore-%1-%2.sqlite").arg(stamp).arg(n));
        if (!QDir().mkpath(backupDirOf(config)) || !Backup::save(database, keep, &error))
            return fail(tr("cannot keep a copy of the current database before restoring: %1").arg(error));
        say(tr("the database being replaced was saved to %1").arg(keep));
    }
    if (!Backup::restore(source, database, int(ServerStorage::migrations().size()), &error))
        return fail(error);
    say(tr("restored %1 from %2").arg(database, source));
    return 0;
}

int runServer(const ServerConfig &config)
{
    LogSink log;
    QString error;
    // TLS files first: a wrong path fails the start before anything is opened.
    QSslConfiguration tls;
    const bool https = !config.tlsCertificate.isEmpty();
    if (https && !TlsServer::loadConfiguration(config.tlsCertificate, config.tlsKey, &tls, &error))
        return fail(error);
    if (https) {
        // A self-signed certificate is trusted at each terminal by this
        // fingerprint (the desk shows the one it sees, written the same way).
        say(tr("HTTPS certificate SHA-256 fingerprint: %1")
                .arg(QString::fromLatin1(tls.localCertificate().digest(QCryptographicHash::Sha256).toHex(':').toUpper())));
    }
    ServerInstance server(config);
    if (!server.open(&error))
        return fail(error);
    if (!server.demoAccounts().isEmpty()) {
        say(tr("Demo data loaded: the Little Lemon menu, tables, today's bookings and orders, and one user per role."));
        say(tr("Demo users (the passwords are shown only this once):"));
        for (const auto &a : server.demoAccounts())
            say(QStringLiteral("  %1  %2  %3").arg(a.role, -14).arg(a.username, -8).arg(a.password));
    }
    Backend &backend = server.backend();
    HttpServerAdapter *http = server.listen(config.address, config.port, &error,
                                            https ? std::optional<QSslConfiguration>(tls) : std::nullopt);
    if (!http)
        return fail(tr("cannot listen on %1:%2: %3").arg(config.address.toString()).arg(config.port).arg(error));
    server.startBackups(backupDirOf(config), config.backupKeep, config.backupTime);

    // A hub to the cloud (issue 19): only this server talks to the cloud.
    std::unique_ptr<Hub::UpstreamLink> upstream;
    if (!config.upstream.isEmpty()) {
        Hub::UpstreamLink::Settings settings;
        settings.url = config.upstream;
        settings.user = config.upstreamUser;
        settings.dataDir = config.dataDir;
        if (!ServerConfig::readUpstreamPassword(config.upstreamPasswordFile, &settings.password, &error))
            return fail(error);
        upstream = std::make_unique<Hub::UpstreamLink>(backend, settings);
        if (!upstream->open(&error))
            return fail(error);
        upstream->setAfterWrite([&server] { server.events().schedulePoll(); });
        backend.setUpstreamStatus([link = upstream.get()] { return link->statusJson(); });
        upstream->start();
        say(tr("hub to the cloud at %1 as %2").arg(config.upstream, config.upstreamUser));
    }

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, http, [http](int) {
        http->close();
        QCoreApplication::quit();
    });

    QString host = config.address.toString();
    if (config.address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    // The one line scripts and tests wait for; flushed at once.
    std::printf("littlelemon-server listening on %s://%s:%u\n", https ? "https" : "http", qPrintable(host),
                unsigned(http->port()));
    std::fflush(stdout);
    const int code = QCoreApplication::exec();
    backend.setUpstreamStatus(nullptr);
    return code;
}

// Whether the command line or its --config file names an upstream, looked
// at before QCoreApplication exists (the event loop is chosen then); the
// real parse comes later and reports any error.
bool runsAsHub(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg.startsWith("--upstream"))
            return true;
        QString file;
        if (arg == "--config" && i + 1 < argc)
            file = QFile::decodeName(argv[i + 1]);
        else if (arg.startsWith("--config="))
            file = QFile::decodeName(arg.mid(9));
        ServerConfig config;
        QString error;
        if (!file.isEmpty() && ConfigFile::load(file, &config, &error) && !config.upstream.isEmpty())
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // The database holds password hashes and the data directory the signing
    // secret: nothing this program creates is for other users to read.
    ::umask(077);
    // Qt's own event loop (poll) rather than GLib's: under many connections
    // GLib's loop costs a sixth of a request's CPU (bench/load/run). Not for
    // a hub: its link to the cloud keeps its refresh token in the keychain
    // (QtKeychain over libsecret), whose answers come through GLib's loop.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB") && !runsAsHub(argc, argv))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("littlelemon-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The Little Lemon backend, embedded: the cloud API's REST contract on one machine.\n\n"
           "Commands (without one, the server runs):\n"
           "  user add NAME --role ROLE [--email E] --password-stdin\n"
           "  user list\n"
           "  user set-role NAME ROLE        (admin, manager, kitchen, delivery-crew or customer)\n"
           "  user passwd NAME --password-stdin   (signs the user out everywhere)\n"
           "  user deactivate NAME           (refused at once, signed out everywhere)\n"
           "  user activate NAME\n"
           "  user delete NAME               (orders and bookings keep the name)\n"
           "  user sign-out NAME             (every terminal signs in again)\n"
           "  backup --to FILE               (while the server runs, too)\n"
           "  restore --from FILE            (with the server stopped)\n\n"
           "Settings come from --config FILE (/etc/littlelemon/server.conf), then the options below."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), tr("Optional: user ..., backup or restore."), tr("[command]"));
    parser.addOptions({
        { QStringLiteral("config"), tr("Read settings from this file first (key = value lines)."), tr("FILE") },
        { QStringLiteral("listen"), tr("Address and port to serve on (port 0 picks a free one)."),
          tr("ADDRESS:PORT"), QStringLiteral("127.0.0.1:8000") },
        { QStringLiteral("data-dir"), tr("Directory of the database and the signing secret."), tr("DIR") },
        { QStringLiteral("demo-data"), tr("On first start, load the demo menu and one user per role.") },
        { QStringLiteral("page-size"), tr("Items per page of every list (the cloud uses 3)."), tr("N") },
        { QStringLiteral("throttle-anon"), tr("Requests per minute for anonymous clients (default 20)."), tr("N") },
        { QStringLiteral("throttle-user"), tr("Requests per minute for signed-in users (default 100)."), tr("N") },
        { QStringLiteral("access-ttl"), tr("Lifetime of access tokens in seconds (default 900)."), tr("S") },
        { QStringLiteral("refresh-ttl"), tr("Lifetime of refresh tokens in seconds (default 604800)."), tr("S") },
        { QStringLiteral("role"), tr("user add: admin, manager, kitchen, delivery-crew or customer."), tr("ROLE") },
        { QStringLiteral("email"), tr("user add: the user's email address."), tr("E") },
        { QStringLiteral("password-stdin"), tr("user add/passwd: read the password from standard input.") },
        { QStringLiteral("booking-stay"),
          tr("Minutes a booking holds its table, for the overlap check (default 90)."), tr("MINUTES") },
        { QStringLiteral("events-backlog"),
          tr("Bytes that may wait unsent on one /api/events socket before its slow reader is dropped "
             "(default 262144)."),
          tr("BYTES") },
        { QStringLiteral("tls-certificate"), tr("Serve HTTPS with this PEM certificate (with --tls-key)."),
          tr("FILE") },
        { QStringLiteral("tls-key"), tr("The certificate's PEM private key, without a passphrase."), tr("FILE") },
        { QStringLiteral("max-body-bytes"), tr("Largest request body accepted (default 1048576)."), tr("BYTES") },
        { QStringLiteral("backup-keep"),
          tr("Daily backups to keep in the data directory's backups folder (default 0: none; the "
             "package's server.conf keeps 14)."),
          tr("N") },
        { QStringLiteral("backup-time"), tr("Time of day from which the daily backup is due (default 03:00)."),
          tr("HH:MM") },
        { QStringLiteral("upstream"),
          tr("Be a hub to this cloud API: mirror its menu and orders, forward local writes to it."), tr("URL") },
        { QStringLiteral("upstream-user"), tr("The manager account the hub acts as on the cloud."), tr("NAME") },
        { QStringLiteral("upstream-password-file"),
          tr("File whose first line is that account's password (keep it 0600)."), tr("FILE") },
        { QStringLiteral("to"), tr("backup: the file to write."), tr("FILE") },
        { QStringLiteral("from"), tr("restore: the backup to restore."), tr("FILE") },
        { QStringLiteral("hash-iterations"),
          tr("PBKDF2 rounds for new password hashes (default %1; lower only for tests).")
              .arg(PasswordHasher::kDefaultIterations),
          tr("N") },
        { QStringLiteral("request-buffer-mb"),
          tr("Megabytes of requests on their way held in memory, all together (default 64); past it "
             "new bodies are answered 503."),
          tr("MB") },
        { QStringLiteral("max-connections-per-address"),
          tr("Connections one address may hold open (default 256); one more closes its stalest."), tr("N") },
        { QStringLiteral("hash-threads"),
          tr("Threads that check passwords, away from the requests (default: the core count, at most 4)."),
          tr("N") },
    });
    QCommandLineOption menuItems(QStringLiteral("menu-items"), tr("dev seed-bench: menu items."), tr("N"));
    QCommandLineOption orders(QStringLiteral("orders"), tr("dev seed-bench: orders."), tr("N"));
    menuItems.setFlags(QCommandLineOption::HiddenFromHelp);
    orders.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(menuItems);
    parser.addOption(orders);
    parser.process(app);

    ServerConfig config;
    config.hashThreads = PasswordWorker::defaultThreads();
    config.groupCommit = true;
    config.readThread = true;
    QString error;
    if (parser.isSet(QStringLiteral("config")) && !ConfigFile::load(parser.value(QStringLiteral("config")), &config, &error))
        return fail(error, 2);
    if (parser.isSet(QStringLiteral("listen")) && !config.setListen(parser.value(QStringLiteral("listen")), &error))
        return fail(error, 2);
    if (parser.isSet(QStringLiteral("data-dir")))
        config.dataDir = parser.value(QStringLiteral("data-dir"));
    if (parser.isSet(QStringLiteral("tls-certificate")))
        config.tlsCertificate = parser.value(QStringLiteral("tls-certificate"));
    if (parser.isSet(QStringLiteral("tls-key")))
        config.tlsKey = parser.value(QStringLiteral("tls-key"));
    if (parser.isSet(QStringLiteral("upstream"))
        && !ServerConfig::parseUpstreamUrl(parser.value(QStringLiteral("upstream")), &config.upstream, &error))
        return fail(QStringLiteral("--upstream: ") + error, 2);
    if (parser.isSet(QStringLiteral("upstream-user")))
        config.upstreamUser = parser.value(QStringLiteral("upstream-user"));
    if (parser.isSet(QStringLiteral("upstream-password-file")))
        config.upstreamPasswordFile = parser.value(QStringLiteral("upstream-password-file"));
    if (!config.checkUpstream(&error))
        return fail(error, 2);
    if (config.tlsCertificate.isEmpty() != config.tlsKey.isEmpty())
        return fail(tr("tls_certificate and tls_key go together: give both (HTTPS) or neither (HTTP)"), 2);
    if (parser.isSet(QStringLiteral("backup-time"))
        && !ConfigFile::parseTimeOfDay(parser.value(QStringLiteral("backup-time")), &config.backupTime, &error))
        return fail(QStringLiteral("--backup-time: ") + error, 2);
    config.demoData = parser.isSet(QStringLiteral("demo-data"));
    if (!readInt(parser, QStringLiteral("page-size"), 1, 1000, &config.pageSize, &error)
        || !readInt(parser, QStringLiteral("throttle-anon"), 1, 1000000000, &config.throttleAnon, &error)
        || !readInt(parser, QStringLiteral("throttle-user"), 1, 1000000000, &config.throttleUser, &error)
        || !readInt(parser, QStringLiteral("access-ttl"), 1, 365 * 24 * 3600, &config.accessTtlSeconds, &error)
        || !readInt(parser, QStringLiteral("refresh-ttl"), 1, 10 * 365 * 24 * 3600, &config.refreshTtlSeconds, &error)
        || !readInt(parser, QStringLiteral("hash-iterations"), 1, 10000000, &config.hashIterations, &error)
        || !readInt(parser, QStringLiteral("booking-stay"), 1, 24 * 60, &config.bookingStayMinutes, &error)
        || !readInt(parser, QStringLiteral("hash-threads"), 1, 64, &config.hashThreads, &error)
        || !readInt(parser, QStringLiteral("max-connections-per-address"), 1, 1000000,
                    &config.maxConnectionsPerAddress, &error))
        return fail(error, 2);
    int backlog = int(config.eventsBacklogBytes);
    if (!readInt(parser, QStringLiteral("events-backlog"), 1024, 64 * 1024 * 1024, &backlog, &error))
        return fail(error, 2);
    config.eventsBacklogBytes = backlog;
    int maxBody = int(config.maxBodyBytes);
    if (!readInt(parser, QStringLiteral("max-body-bytes"), 1024, 64 * 1024 * 1024, &maxBody, &error)
        || !readInt(parser, QStringLiteral("backup-keep"), 0, 3650, &config.backupKeep, &error))
        return fail(error, 2);
    config.maxBodyBytes = maxBody;
    int bufferMegabytes = int(config.requestBufferBytes / (1024 * 1024));
    if (!readInt(parser, QStringLiteral("request-buffer-mb"), 1, 65536, &bufferMegabytes, &error))
        return fail(error, 2);
    if (parser.isSet(QStringLiteral("request-buffer-mb")))
        config.requestBufferBytes = qint64(bufferMegabytes) * 1024 * 1024;
    if (config.dataDir.isEmpty())
        return fail(tr("--data-dir is required"), 2);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return runServer(config);
    if (args.first() == u"user")
        return runUserCommand(parser, args, config);
    if (args.size() == 1 && args.first() == u"backup")
        return runBackup(parser, config);
    if (args.size() == 1 && args.first() == u"restore")
        return runRestore(parser, config);
    if (args.size() == 2 && args.at(0) == u"dev" && args.at(1) == u"seed-bench")
        return runSeedBench(parser, config);
    return fail(tr("unknown command \"%1\" (see --help)").arg(args.join(u' ')), 2);
}
