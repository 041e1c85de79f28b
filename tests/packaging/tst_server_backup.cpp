#include "api/server/backup.h"
#include "api/server/backupscheduler.h"
#include "api/server/database.h"
#include "api/server/serverstorage.h"
#include "httptestclient.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace LittleLemon::Server;
using namespace LittleLemon::Test;

namespace {

// A database file as rows: every table's rows, each printed and sorted, so
// two files compare equal exactly when they hold the same data.
struct Contents
{
    QStringList tables;
    QByteArray digest;
    qint64 rows = 0;
    QString error;
};

Contents readContents(const QString &path)
{
    Contents c;
    const QString name = QStringLiteral("contents-%1").arg(QString::number(quintptr(&c)));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            c.error = QStringLiteral("cannot open %1").arg(path);
        } else {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
            while (q.next())
                c.tables << q.value(0).toString();
            q.finish();
            QCryptographicHash hash(QCryptographicHash::Sha256);
            for (const QString &t : std::as_const(c.tables)) {
                QStringList rows;
                QSqlQuery r(db);
                r.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(t));
                while (r.next()) {
                    QStringList cells;
                    for (int i = 0; i < r.record().count(); ++i)
                        cells << r.value(i).toString();
                    rows << cells.join(u'\x1f');
                }
                rows.sort();
                c.rows += rows.size();
                hash.addData(QByteArray(t.toUtf8() + '\n' + rows.join(u'\n').toUtf8() + '\n'));
            }
            c.digest = hash.result().toHex();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return c;
}

QVariant value(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("value-%1").arg(QString::number(quintptr(&path)));
    QVariant v;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                v = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return v;
}

qint64 scalar(const QString &path, const QString &sql)
{
    const QVariant v = value(path, sql);
    return v.isValid() ? v.toLongLong() : -1;
}

QString databaseOf(const TestServer &server)
{
    return QDir(server.dataDir()).filePath(QStringLiteral("littlelemon.sqlite3"));
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

const QStringList kFastServer { QStringLiteral("--throttle-user"), QStringLiteral("1000000"),
                                QStringLiteral("--throttle-anon"), QStringLiteral("1000000"),
                                QStringLiteral("--hash-iterations"), QStringLiteral("1000"),
                                QStringLiteral("--backup-keep"), QStringLiteral("0") };

} // namespace

// Backups of littlelemon-server's database: `backup --to` while customers
// keep ordering gives intact, consistent snapshots; `restore --from` gives
// back exactly what was saved (and keeps what it replaced), refuses while a
// server runs and refuses files that are not an intact Little Lemon
// database; the daily backup is written by the running server and only the
// newest 14 daily files are kept.
class TstServerBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backupWhileOrdersArePlaced()
    {
        TestServer server;
        QTemporaryDir data;
        server.setDataDir(data.path());
        // Enough rows that a copy takes a while, so writes land during it.
        QByteArray err;
        QCOMPARE(server.runCommand({ QStringLiteral("dev"), QStringLiteral("seed-bench"), QStringLiteral("--menu-items"),
                                     QStringLiteral("300"), QStringLiteral("--orders"), QStringLiteral("20000"),
                                     QStringLiteral("--hash-iterations"), QStringLiteral("1000") },
                                   {}, nullptr, &err),
                 0);
        QVERIFY2(server.start(kFastServer), qPrintable(server.errorString()));
        HttpTestClient http(server.url());
        QVERIFY(!http.login(QStringLiteral("bench-customer-1"), QStringLiteral("bench-customer")).isEmpty());

        QTemporaryDir out;
        QVERIFY(out.isValid());
        const qint64 ordersAtStart = scalar(databaseOf(server), QStringLiteral("SELECT COUNT(*) FROM orders"));
        QVERIFY(ordersAtStart >= 20000);
        QList<qint64> counts;
        int placed = 0;
        int overlapping = 0;
        for (int round = 0; round < 6; ++round) {
            const QString file = out.filePath(QStringLiteral("round-%1.sqlite").arg(round));
            QProcess backup;
            backup.start(TestServer::binaryPath(), { QStringLiteral("--data-dir"), server.dataDir(),
                                                     QStringLiteral("backup"), QStringLiteral("--to"), file });
            QVERIFY(backup.waitForStarted());
            // Orders (cart line, then the order: one transaction that writes
            // the order, its lines and empties the cart) until the copy ends.
            int during = 0;
            do {
                const HttpReply cart = http.post(QStringLiteral("/api/cart"),
                                                 QJsonObject { { QStringLiteral("menuitem"), 1 + (placed % 300) },
                                                               { QStringLiteral("quantity"), 1 + (placed % 3) } });
                QVERIFY2(cart.status == 201 || cart.status == 200, qPrintable(cart.describe()));
                const HttpReply order = http.post(QStringLiteral("/api/orders"), QJsonObject {});
                QCOMPARE(order.status, 201);
                ++placed;
                ++during;
            } while (backup.state() != QProcess::NotRunning && during < 2000);
            if (backup.state() != QProcess::NotRunning)
                QVERIFY(backup.waitForFinished(60000));
            QVERIFY2(backup.exitCode() == 0, backup.readAllStandardError().constData());
            if (during > 1)
                ++overlapping;

            int version = 0;
            QString error;
            QVERIFY2(Backup::verify(file, ServerStorage::migrations().size(), &version, &error), qPrintable(error));
            // Every order in the copy is whole: its lines add up to its total.
            QCOMPARE(scalar(file,
                            QStringLiteral("SELECT COUNT(*) FROM orders o WHERE o.total_cents <> "
                                           "(SELECT COALESCE(SUM(price_cents), 0) FROM order_items WHERE order_id = o.id)")),
                     qint64(0));
            // No order is half-placed: a cart line is either still in the cart or in an order.
            QVERIFY(scalar(file, QStringLiteral("SELECT COUNT(*) FROM cart_items")) <= 1);
            // One self-contained file: no WAL beside it.
            QCOMPARE(value(file, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("delete"));
            QVERIFY(!QFileInfo::exists(file + QStringLiteral("-wal")));
            counts << scalar(file, QStringLiteral("SELECT COUNT(*) FROM orders"));
        }
        // Each copy is a moment of the database: later copies have more orders.
        for (qsizetype i = 0; i < counts.size(); ++i) {
            QVERIFY(counts.at(i) >= ordersAtStart);
            if (i > 0)
                QVERIFY(counts.at(i) > counts.at(i - 1));
        }
        QVERIFY(counts.last() <= ordersAtStart + placed);
        qInfo("%d orders placed, %d of 6 backups overlapped writes", placed, overlapping);
        QVERIFY2(server.stop(), qPrintable(server.errorString()));
    }

    void restoreGivesBackTheSameData()
    {
        TestServer server;
        // The demo menu first (it loads into an empty database only), then an admin.
        QVERIFY2(server.start(kFastServer + QStringList { QStringLiteral("--demo-data") }), qPrintable(server.errorString()));
        QVERIFY(server.addUser(QStringLiteral("ada"), QStringLiteral("admin"), QStringLiteral("Lemon-Admin-42")));
        HttpTestClient http(server.url());
        QVERIFY(!http.login(QStringLiteral("ada"), QStringLiteral("Lemon-Admin-42")).isEmpty());

        QTemporaryDir out;
        const QString saved = out.filePath(QStringLiteral("saved.sqlite"));
        QByteArray stdOut;
        QByteArray stdErr;
        QCOMPARE(server.runCommand({ QStringLiteral("backup"), QStringLiteral("--to"), saved }, {}, &stdOut, &stdErr), 0);
        QVERIFY2(stdOut.contains(saved.toUtf8()), stdOut.constData());
        // A second backup to the same name is refused: it would overwrite one.
        QVERIFY(server.runCommand({ QStringLiteral("backup"), QStringLiteral("--to"), saved }) != 0);
        const HttpReply before = http.get(QStringLiteral("/api/menu-items?page_size=500"));
        QCOMPARE(before.status, 200);

        // Changes after the backup: a new category and dish, a deleted dish.
        const HttpReply cat = http.post(QStringLiteral("/api/categories"),
                                        QJsonObject { { QStringLiteral("slug"), QStringLiteral("late") },
                                                      { QStringLiteral("title"), QStringLiteral("Late") } });
        QCOMPARE(cat.status, 201);
        QCOMPARE(http.post(QStringLiteral("/api/menu-items"),
                           QJsonObject { { QStringLiteral("title"), QStringLiteral("After the backup") },
                                         { QStringLiteral("price"), QStringLiteral("9.99") },
                                         { QStringLiteral("featured"), false },
                                         { QStringLiteral("category"), cat.object().value(QStringLiteral("id")) } })
                     .status,
                 201);
        const int firstId = before.object().value(QStringLiteral("results")).toArray().first().toObject()
                                .value(QStringLiteral("id")).toInt();
        QCOMPARE(http.del(QStringLiteral("/api/menu-items/%1").arg(firstId)).status, 204);
        QVERIFY(http.get(QStringLiteral("/api/menu-items?page_size=500")).body != before.body);

        // Refused while the server runs, and nothing changes.
        QCOMPARE(server.runCommand({ QStringLiteral("restore"), QStringLiteral("--from"), saved }, {}, &stdOut, &stdErr), 1);
        QVERIFY2(stdErr.contains("stop the server first"), stdErr.constData());
        QVERIFY(http.get(QStringLiteral("/api/menu-items?page_size=500")).body != before.body);

        QVERIFY2(server.stop(), qPrintable(server.errorString()));
        const Contents changed = readContents(databaseOf(server));
        QCOMPARE(server.runCommand({ QStringLiteral("restore"), QStringLiteral("--from"), saved }, {}, &stdOut, &stdErr), 0);
        QVERIFY2(stdOut.contains("before-restore-"), stdOut.constData());

        // Row for row what was saved...
        const Contents restored = readContents(databaseOf(server));
        const Contents expected = readContents(saved);
        QVERIFY(expected.error.isEmpty());
        QVERIFY(expected.rows > 0);
        QCOMPARE(restored.tables, expected.tables);
        QCOMPARE(restored.digest, expected.digest);
        // ...and what it replaced is kept beside the daily backups.
        const QStringList kept = QDir(QDir(server.dataDir()).filePath(QStringLiteral("backups")))
                                     .entryList({ QStringLiteral("before-restore-*.sqlite") }, QDir::Files);
        QCOMPARE(kept.size(), 1);
        QCOMPARE(readContents(QDir(server.dataDir()).filePath(QStringLiteral("backups/") + kept.first())).digest,
                 changed.digest);

        // The server runs on the restored database and answers as before.
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        HttpTestClient again(server.url());
        QVERIFY(!again.login(QStringLiteral("ada"), QStringLiteral("Lemon-Admin-42")).isEmpty());
        QCOMPARE(again.get(QStringLiteral("/api/menu-items?page_size=500")).body, before.body);
        QVERIFY2(server.stop(), qPrintable(server.errorString()));
    }

    void restoreRefusesBadFiles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing") << "missing" << "not a file";
        QTest::newRow("text file") << "text" << "not an SQLite database";
        QTest::newRow("another app's database") << "foreign" << "not a Little Lemon database";
        QTest::newRow("truncated backup") << "truncated" << "";
        QTest::newRow("newer schema") << "newer" << "schema version 999";
    }

    void restoreRefusesBadFiles()
    {
        QFETCH(QString, kind);
        QFETCH(QString, mentions);
        TestServer server;
        QVERIFY2(server.start(kFastServer + QStringList { QStringLiteral("--demo-data") }), qPrintable(server.errorString()));
        QTemporaryDir out;
        const QString good = out.filePath(QStringLiteral("good.sqlite"));
        QCOMPARE(server.runCommand({ QStringLiteral("backup"), QStringLiteral("--to"), good }), 0);
        QVERIFY2(server.stop(), qPrintable(server.errorString()));
        const Contents before = readContents(databaseOf(server));

        const QString bad = out.filePath(QStringLiteral("bad.sqlite"));
        if (kind == u"text") {
            writeFile(bad, "menu: lemon tart, 4.50\n");
        } else if (kind == u"foreign") {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(bad);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)"));
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 2"));
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        } else if (kind == u"truncated") {
            QFile f(good);
            QVERIFY(f.open(QIODevice::ReadOnly));
            writeFile(bad, f.read(f.size() / 2));
        } else if (kind == u"newer") {
            QVERIFY(QFile::copy(good, bad));
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(bad);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 999"));
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        }
        QByteArray stdErr;
        QCOMPARE(server.runCommand({ QStringLiteral("restore"), QStringLiteral("--from"), bad }, {}, nullptr, &stdErr), 1);
        QVERIFY2(stdErr.contains(mentions.toUtf8()), stdErr.constData());
        QCOMPARE(readContents(databaseOf(server)).digest, before.digest);
    }

    // The running server writes today's backup (due from 00:00 here) and
    // keeps the newest 14 daily files; other files in the folder stay.
    void serverMakesTheDailyBackupAndKeeps14()
    {
        TestServer server;
        QVERIFY(server.addUser(QStringLiteral("ada"), QStringLiteral("admin"), QStringLiteral("Lemon-Admin-42")));
        const QString dir = QDir(server.dataDir()).filePath(QStringLiteral("backups"));
        QVERIFY(QDir().mkpath(dir));
        const QDate today = QDate::currentDate();
        for (int d = 1; d <= 20; ++d)
            writeFile(QDir(dir).filePath(Backup::dailyFileName(today.addDays(-d))), "old");
        writeFile(QDir(dir).filePath(QStringLiteral("littlelemon-before-the-move.sqlite")), "by hand");
        writeFile(QDir(dir).filePath(QStringLiteral("before-restore-20250101-120000.sqlite")), "kept");

        QStringList args = kFastServer;
        args.replace(args.indexOf(QStringLiteral("--backup-keep")) + 1, QStringLiteral("14"));
        args << QStringLiteral("--backup-time") << QStringLiteral("00:00");
        QVERIFY2(server.start(args), qPrintable(server.errorString()));
        QString todays = QDir(dir).filePath(Backup::dailyFileName(today));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(todays)
                                     || QFileInfo::exists(QDir(dir).filePath(Backup::dailyFileName(QDate::currentDate()))),
                                 20000);
        if (!QFileInfo::exists(todays)) // midnight passed meanwhile
            todays = QDir(dir).filePath(Backup::dailyFileName(QDate::currentDate()));
        QTRY_COMPARE_WITH_TIMEOUT(Backup::dailyBackups(dir).size(), 14, 10000);
        QCOMPARE(Backup::dailyBackups(dir).first(), today.addDays(-13));
        QVERIFY(QFileInfo::exists(QDir(dir).filePath(QStringLiteral("littlelemon-before-the-move.sqlite"))));
        QVERIFY(QFileInfo::exists(QDir(dir).filePath(QStringLiteral("before-restore-20250101-120000.sqlite"))));

        int version = 0;
        QString error;
        QVERIFY2(Backup::verify(todays, ServerStorage::migrations().size(), &version, &error), qPrintable(error));
        QCOMPARE(scalar(todays, QStringLiteral("SELECT COUNT(*) FROM users WHERE username = 'ada'")), qint64(1));
        QVERIFY2(server.stop(), qPrintable(server.errorString()));
    }

    // The scheduler against a moved clock: not before the time of day, once
    // a day, a new file each day, the oldest pruned past `keep`.
    void schedulerFollowsTheClock()
    {
        QTemporaryDir tmp;
        const QString dbPath = tmp.filePath(QStringLiteral("littlelemon.sqlite3"));
        {
            Database db;
            QString error;
            QVERIFY2(db.open(dbPath, ServerStorage::migrations(), &error), qPrintable(error));
            ServerStorage storage(db);
            storage.createCategory(QStringLiteral("mains"), QStringLiteral("Mains"));
        }
        const QString dir = tmp.filePath(QStringLiteral("backups"));
        BackupScheduler scheduler(dbPath, dir, 3, QTime(4, 30));
        QDateTime now(QDate(2026, 3, 1), QTime(4, 0));
        scheduler.setClock([&now] { return now; });
        QSignalSpy done(&scheduler, &BackupScheduler::backupFinished);

        QVERIFY(!scheduler.isDue());
        scheduler.check();
        QVERIFY(!scheduler.isRunning());
        QVERIFY(!QDir(dir).exists());

        for (int day = 0; day < 5; ++day) {
            now = QDateTime(QDate(2026, 3, 1).addDays(day), QTime(4, 31));
            QVERIFY(scheduler.isDue());
            scheduler.check();
            QTRY_COMPARE(done.size(), day + 1);
            QCOMPARE(done.last().at(1).toString(), QString());
            QCOMPARE(done.last().at(0).toString(), QDir(dir).filePath(Backup::dailyFileName(now.date())));
            // Later the same day: nothing more to do.
            now = now.addSecs(3600);
            QVERIFY(!scheduler.isDue());
            scheduler.check();
            QVERIFY(!scheduler.isRunning());
        }
        QCOMPARE(Backup::dailyBackups(dir),
                 (QList<QDate> { QDate(2026, 3, 3), QDate(2026, 3, 4), QDate(2026, 3, 5) }));
        QCOMPARE(scalar(QDir(dir).filePath(Backup::dailyFileName(QDate(2026, 3, 5))),
                        QStringLiteral("SELECT COUNT(*) FROM categories WHERE slug = 'mains'")),
                 qint64(1));
    }

    void schedulerReportsFailures()
    {
        QTemporaryDir tmp;
        BackupScheduler scheduler(tmp.filePath(QStringLiteral("nothing-here.sqlite3")), tmp.filePath(QStringLiteral("b")),
                                  14, QTime(0, 0));
        QSignalSpy done(&scheduler, &BackupScheduler::backupFinished);
        scheduler.check();
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(done.first().at(0).toString(), QString());
        QVERIFY(done.first().at(1).toString().contains(QStringLiteral("no database")));
        QVERIFY(Backup::dailyBackups(tmp.filePath(QStringLiteral("b"))).isEmpty());
        // A retry waits (an hour), it does not spin.
        scheduler.check();
        QVERIFY(!scheduler.isRunning());
        QCOMPARE(done.size(), 1);
    }

    void pruneKeepsTheNewest_data()
    {
        QTest::addColumn<int>("files");
        QTest::addColumn<int>("keep");
        QTest::newRow("20 keep 14") << 20 << 14;
        QTest::newRow("14 keep 14") << 14 << 14;
        QTest::newRow("3 keep 14") << 3 << 14;
        QTest::newRow("30 keep 1") << 30 << 1;
    }

    void pruneKeepsTheNewest()
    {
        QFETCH(int, files);
        QFETCH(int, keep);
        QTemporaryDir tmp;
        // Gaps between the days (a server off for a while) do not matter.
        const QDate first(2025, 12, 20);
        QList<QDate> days;
        for (int i = 0; i < files; ++i) {
            days << first.addDays(i * 2);
            writeFile(tmp.filePath(Backup::dailyFileName(days.last())), "x");
        }
        writeFile(tmp.filePath(QStringLiteral("littlelemon-2020-01-01.sqlite.part")), "half");
        writeFile(tmp.filePath(QStringLiteral("littlelemon-2020-13-01.sqlite")), "not a date");
        const QStringList deleted = Backup::prune(tmp.path(), keep);
        QCOMPARE(deleted.size(), qMax(0, files - keep));
        QCOMPARE(Backup::dailyBackups(tmp.path()), days.mid(qMax(0, files - keep)));
        QVERIFY(QFileInfo::exists(tmp.filePath(QStringLiteral("littlelemon-2020-01-01.sqlite.part"))));
        QVERIFY(QFileInfo::exists(tmp.filePath(QStringLiteral("littlelemon-2020-13-01.sqlite"))));
    }
};

QTEST_GUILESS_MAIN(TstServerBackup)
#include "tst_server_backup.moc"
