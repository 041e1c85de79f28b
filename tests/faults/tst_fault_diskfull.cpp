#include "securitytest.h"
#include "tests/sync/synctest.h"

#include "api/server/backend.h"
#include "api/server/useradmin.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace LittleLemon;
using namespace LittleLemon::Test;

namespace {
// A 4 MiB tmpfs that only this test process and its children see: a mount
// namespace of its own (as root, or as root of a user namespace of its own),
// set up in main() before any thread exists, so nothing is left mounted
// whatever happens to the test.
QString g_smallDisk;
QString g_smallDiskError;

bool writeFile(const char *path, const QByteArray &text)
{
    const int fd = ::open(path, O_WRONLY);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size();
    ::close(fd);
    return ok;
}

void makeSmallDisk()
{
    char dir[] = "/tmp/ll-diskfull-XXXXXX";
    if (!::mkdtemp(dir)) {
        g_smallDiskError = QString::fromLocal8Bit(std::strerror(errno));
        return;
    }
    if (::unshare(CLONE_NEWNS) != 0) {
        const uid_t uid = ::getuid();
        const gid_t gid = ::getgid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
            g_smallDiskError = QStringLiteral("no mount namespace (needs root or user namespaces): %1")
                                   .arg(QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        writeFile("/proc/self/setgroups", "deny");
        writeFile("/proc/self/uid_map", "0 " + QByteArray::number(uid) + " 1");
        writeFile("/proc/self/gid_map", "0 " + QByteArray::number(gid) + " 1");
    }
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
        || ::mount("tmpfs", dir, "tmpfs", 0, "size=4m,mode=0700") != 0) {
        g_smallDiskError = QStringLiteral("cannot mount a tmpfs: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    g_smallDisk = QString::fromLocal8Bit(dir);
}

// Fills what is left of the file system holding `dir`; returns the file.
QString fill(const QString &dir)
{
    const QString path = dir + QStringLiteral("/filler");
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    const QByteArray block(64 * 1024, 'x');
    while (f.write(block) == block.size() && f.flush()) {
    }
    // The last few bytes a smaller write still finds.
    const QByteArray small(512, 'x');
    while (f.write(small) == small.size() && f.flush()) {
    }
    return path;
}

Server::Request request(const QByteArray &method, const QString &path, const QByteArray &token, const QByteArray &body,
                        const QByteArray &idempotencyKey = QByteArray())
{
    Server::Request r;
    r.methodName = method;
    r.method = Server::Request::methodFromName(method);
    r.path = path;
    r.headers = { { "Host", "example.test" }, { "Content-Type", "application/json" }, { "Authorization", "Bearer " + token } };
    if (!idempotencyKey.isEmpty())
        r.headers.append({ "Idempotency-Key", idempotencyKey });
    r.body = body;
    r.peer = QHostAddress::LocalHost;
    return r;
}
} // namespace

// The disk filling up: the server answers 507 with a sentence that says so
// (never a crash, never a half-written order), keeps answering reads, and
// writes again as soon as space returns; a terminal's edit made meanwhile
// waits in its outbox and arrives once. First with SQLite's own size limit
// (PRAGMA max_page_count) on the server core, then with a real server on a
// 4 MiB tmpfs.
class TstFaultDiskFull : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("littlelemon.*.info=false\nlittlelemon.server.http.critical=false"));
    }

    void sizeLimitedDatabase()
    {
        // The log says the disk is full, and nothing misleading besides.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("rollback failed")));
        QTemporaryDir dir;
        Server::ServerConfig config;
        config.dataDir = dir.filePath(QStringLiteral("data"));
        config.throttleUser = 1000000;
        Server::Backend backend(config);
        QString error;
        QVERIFY2(backend.open(&error), qPrintable(error));
        Server::UserAdmin admin(backend.storage());
        QVERIFY(admin.add(QStringLiteral("admin"), Role::Admin, QString(), QStringLiteral("Lemon#Pass2026"), 1, &error));
        QVERIFY(admin.add(QStringLiteral("mario"), Role::Manager, QString(), QStringLiteral("Lemon#Pass2026"), 1, &error));
        const QByteArray adminToken = backend.tokens().issue(QStringLiteral("access"), 1).toLatin1();
        const QByteArray token = backend.tokens().issue(QStringLiteral("access"), 2).toLatin1();
        QCOMPARE(backend.handle(request("POST", QStringLiteral("/api/categories"), adminToken, "{\"slug\":\"meals\",\"title\":\"Meals\"}")).status, 201);
        QCOMPARE(backend.handle(request("POST", QStringLiteral("/api/menu-items"), adminToken,
                                        "{\"title\":\"Lasagna\",\"price\":\"14.99\",\"featured\":false,\"category\":1}")).status, 201);

        // Room for a few more pages only.
        const qint64 pages = backend.database().scalar(QStringLiteral("PRAGMA page_count")).toLongLong();
        backend.database().execute(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 8));
        const QByteArray note(900, 'n');
        const QByteArray order = "{\"items\":[{\"menuitem\":1,\"quantity\":1}],\"note\":\"" + note + "\"}";
        int created = 0;
        Server::Response full;
        for (int i = 0; i < 500; ++i) {
            full = backend.handle(request("POST", QStringLiteral("/api/orders"), token, order));
            if (full.status != 201)
                break;
            ++created;
        }
        QCOMPARE(full.status, 507);
        qInfo("size-limited: %d orders fitted, the next one was refused", created);
        QCOMPARE(QJsonDocument::fromJson(full.body).object().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("The server's disk is full; nothing was saved."));
        const QString count = backend.database().scalar(QStringLiteral("SELECT count(*) FROM orders")).toString();
        QCOMPARE(count.toInt(), created);
        // Reads go on; other writes say the same; a keyed write is not remembered as refused.
        QCOMPARE(backend.handle(request("GET", QStringLiteral("/api/orders"), token, QByteArray())).status, 200);
        QCOMPARE(backend.handle(request("POST", QStringLiteral("/api/orders"), token, order, "key-1")).status, 507);
        QCOMPARE(backend.database().scalar(QStringLiteral("SELECT count(*) FROM orders")).toString(), count);
        QCOMPARE(backend.database().scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));

        // Space again: the same key goes through, once.
        backend.database().execute(QStringLiteral("PRAGMA max_page_count = 1073741823"));
        const Server::Response again = backend.handle(request("POST", QStringLiteral("/api/orders"), token, order, "key-1"));
        QCOMPARE(again.status, 201);
        const Server::Response repeat = backend.handle(request("POST", QStringLiteral("/api/orders"), token, order, "key-1"));
        QCOMPARE(repeat.status, 201);
        QCOMPARE(repeat.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(backend.database().scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), created + 1);
    }

    void fullDiskUnderARealServer()
    {
        if (g_smallDisk.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no small file system to fill here: %1").arg(g_smallDiskError)));
        TestServer server;
        server.setDataDir(g_smallDisk + QStringLiteral("/data"));
        QVERIFY(startServer(server, {}, 30, 20));
        auto mario = http(server);
        Terminal desk;
        QVERIFY2(desk.open(server.url(), QStringLiteral("mario")), qPrintable(desk.error));
        QVERIFY2(desk.sync().ok, "first sync");

        const QString filler = fill(g_smallDisk);
        // Writes until the server runs out of room (the WAL may still have
        // some): each answer is a success or the 507 that says why.
        HttpReply r;
        int tries = 0;
        for (; tries < 400; ++tries) {
            r = mario->post(QStringLiteral("/api/orders"),
                            QJsonObject { { QStringLiteral("items"), QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 1 }, { QStringLiteral("quantity"), 1 } } } },
                                          { QStringLiteral("note"), QString(900, u'n') } });
            if (r.status != 201)
                break;
        }
        QVERIFY2(r.status == 507, qPrintable(r.describe()));
        qInfo("tmpfs full: %d more orders fitted before the 507", tries);
        QCOMPARE(r.object().value(QStringLiteral("detail")).toString(), QStringLiteral("The server's disk is full; nothing was saved."));
        QVERIFY(server.isRunning());
        QCOMPARE(mario->get(QStringLiteral("/api/menu-items/2")).status, 200);
        QTRY_VERIFY(server.logText().contains(QStringLiteral("database full")));

        // An edit at the desk meanwhile: refused for now, kept in the outbox.
        const auto item = desk.store->cache()->menuItem(2);
        QVERIFY(item);
        QVERIFY(desk.store->outbox()->setMenuItemPrice(2, Money::fromCents(item->record.price.cents() + 101)));
        Client::SyncReport report = desk.sync();
        QVERIFY2(!report.ok, qPrintable(describe(report)));
        QCOMPARE(report.error.kind(), ApiError::Kind::Server);
        QCOMPARE(report.error.httpStatus(), 507);
        QCOMPARE(desk.store->outbox()->pendingCount(), 1);
        QCOMPARE(desk.store->outbox()->failedCount(), 0);
        QCOMPARE(desk.store->cache()->menuItem(2)->record.price.cents(), item->record.price.cents() + 101); // still shown

        // Space returns: the edit goes through once, and the server writes again.
        QVERIFY(QFile::remove(filler));
        report = desk.sync();
        QVERIFY2(report.ok, qPrintable(describe(report)));
        QCOMPARE(report.sent, 1);
        QCOMPARE(desk.store->outbox()->pendingCount(), 0);
        QCOMPARE(mario->get(QStringLiteral("/api/menu-items/2")).object().value(QStringLiteral("price")).toString(),
                 Money::fromCents(item->record.price.cents() + 101).toString());
        QCOMPARE(mario->post(QStringLiteral("/api/orders"),
                             QJsonObject { { QStringLiteral("items"), QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 1 }, { QStringLiteral("quantity"), 1 } } } } }).status,
                 201);
        QVERIFY(server.stop());
        QCOMPARE(DbSnapshot::integrityCheck(databaseOf(server)), QStringLiteral("ok"));
    }
};

int main(int argc, char *argv[])
{
    makeSmallDisk(); // before QCoreApplication starts any thread
    QCoreApplication app(argc, argv);
    TstFaultDiskFull test;
    const int status = QTest::qExec(&test, argc, argv);
    if (!g_smallDisk.isEmpty()) {
        const QByteArray dir = QFile::encodeName(g_smallDisk);
        ::umount2(dir.constData(), MNT_DETACH);
        ::rmdir(dir.constData());
    }
    return status;
}

#include "tst_fault_diskfull.moc"
