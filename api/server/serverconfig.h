#pragma once

#include <QHostAddress>
#include <QString>
#include <QTime>

namespace LittleLemon::Server {

// How a littlelemon-server instance runs: where it listens, where its data
// lives, and the limits it enforces. Filled from /etc/littlelemon/server.conf
// (api/server/configfile.h), then the command line.
struct ServerConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8000; // 0 picks a free port
    QString dataDir;
    int pageSize = 3;       // the cloud's page size
    int throttleAnon = 20;  // requests per minute
    int throttleUser = 100; // requests per minute
    int accessTtlSeconds = 15 * 60;
    int refreshTtlSeconds = 7 * 24 * 3600;
    bool demoData = false;
    // PBKDF2 rounds for new password hashes: Django's default for
    // pbkdf2_sha256. Existing hashes carry their own count.
    int hashIterations = 260000;
    // Threads that check and make password hashes (PasswordWorker). 0 runs
    // them on the calling thread, answering at once: for a fuzzer or a test
    // driving the Backend directly. littlelemon-server and the desk's
    // standalone mode use PasswordWorker::defaultThreads().
    int hashThreads = 0;
    // Group commit (issue 16): writes that arrive together run in one
    // transaction and one sync on the writer connection while reads go on
    // on a second one; each write is answered once its sync is done. Off:
    // each write commits (and syncs) before its answer is returned, at once
    // (what a fuzzer or a test driving the Backend directly wants).
    // littlelemon-server and the desk's standalone mode turn it on.
    bool groupCommit = false;
    // With groupCommit: the hot lists' pages (menu, categories, orders, the
    // change feed) that the page cache does not hold are built on a second
    // thread (ReadWorker) while the event loop goes on. littlelemon-server
    // turns it on.
    bool readThread = false;
    qint64 maxBodyBytes = 1024 * 1024;
    // Request bytes Qt may hold in memory for bodies on their way, all
    // connections together (ConnectionGuard's RequestBudget): past it a new
    // body is answered 503 with Retry-After.
    qint64 requestBufferBytes = 64 * 1024 * 1024;
    // Connections one peer address may hold open; more are answered 503.
    int maxConnectionsPerAddress = 256;
    // "https://lemon.example.com": links in answers start with it instead of
    // the request's Host header (which anyone can set). Empty: the Host.
    QString publicUrl;
    // The bookings extension: how long a booking holds its table.
    int bookingStayMinutes = 90;
    // The events extension: what may wait unsent on one event socket before
    // its (too slow) reader is dropped.
    qint64 eventsBacklogBytes = 256 * 1024;
    // HTTPS when both are set: PEM files of the certificate (chain) and its
    // private key (api/server/tlsserver.h).
    QString tlsCertificate;
    QString tlsKey;
    // The daily backup (api/server/backupscheduler.h): how many daily files
    // to keep (0: none are made), where (empty: <dataDir>/backups), and
    // from what time of day the day's backup is due. Off unless asked for:
    // the package's server.conf and the desk's standalone mode keep 14, a
    // bare command line (tests, benchmarks) writes nothing extra.
    int backupKeep = 0;
    QString backupDir;
    QTime backupTime { 3, 0 };

    // The hub (issue 19, api/hub/upstreamlink.h): the cloud this server
    // mirrors and forwards its writes to, the manager account it acts as
    // there, and the file holding that account's password (one line).
    // Empty upstream: a server of its own, as before.
    QString upstream;
    QString upstreamUser;
    QString upstreamPasswordFile;

    // "https://cloud.example" (http or https, a host, no query, fragment or
    // user info) → *normalized without a trailing slash; false with *error.
    static bool parseUpstreamUrl(const QString &text, QString *normalized, QString *error);
    // The upstream password: the file's first line, without its line break.
    // False with *error when the file is missing, unreadable or empty.
    static bool readUpstreamPassword(const QString &path, QString *password, QString *error);
    // Checks the three upstream settings go together and are usable; true
    // when no upstream is set.
    bool checkUpstream(QString *error) const;

    // Parses "127.0.0.1:8000", "0.0.0.0:8000", "[::1]:8000" or ":8000".
    bool setListen(const QString &text, QString *error);
};

} // namespace LittleLemon::Server
