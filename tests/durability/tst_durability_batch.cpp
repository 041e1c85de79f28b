#include "api/server/backend.h"
#include "api/server/database.h"
#include "api/server/useradmin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace LittleLemon;
using namespace LittleLemon::Server;

namespace {
Request request(const QByteArray &method, const QString &path, const QByteArray &token, const QByteArray &body)
{
    Request r;
    r.methodName = method;
    r.method = Request::methodFromName(method);
    r.path = path;
    r.headers = { { "Host", "example.test" }, { "Content-Type", "application/json" }, { "Authorization", "Bearer " + token } };
    r.body = body;
    r.peer = QHostAddress::LocalHost;
    return r;
}

int rows(Database &db, const QString &where)
{
    return db.scalar(QStringLiteral("SELECT count(*) FROM t WHERE ") + where).toInt();
}
} // namespace

// Group commit on the server core (issue 16): writes that arrive together are
// one transaction with one sync, each answered with its own result, and a
// refused one (a savepoint rolled back) does not take its neighbours along.
class TstDurabilityBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("littlelemon.*.info=false"));
    }

    // Database level: a nested Transaction is a savepoint; its rollback
    // undoes its own rows only, and the batch commits the others.
    void savepointsInABatch()
    {
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY2(db.open(dir.filePath(QStringLiteral("t.sqlite3")), { [](Database &d) {
                     d.execute(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)"));
                 } },
                         &error),
                 qPrintable(error));
        QVERIFY2(db.openReader(&error), qPrintable(error));
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL

        db.beginBatch();
        auto insert = [&db](const QString &v) {
            Database::WriteScope scope(db);
            db.statement(QStringLiteral("INSERT INTO t (v) VALUES (?)")).bind(0, v).exec();
        };
        {
            Database::Transaction a(db);
            insert(QStringLiteral("first"));
            a.commit();
        }
        {
            Database::Transaction b(db);
            insert(QStringLiteral("refused"));
            {
                Database::Transaction inner(db); // a handler's own transaction inside the request's
                insert(QStringLiteral("refused too"));
                inner.commit();
            }
            // no commit: the request was refused after writing
        }
        {
            Database::Transaction c(db);
            insert(QStringLiteral("third"));
            c.commit();
        }
        QVERIFY(db.batchAlive());
        // The reader does not see the batch before its commit.
        {
            Database::ReadTransaction read(db);
            Statement s = db.statement(QStringLiteral("SELECT count(*) FROM t"));
            s.exec();
            QVERIFY(s.next());
            QCOMPARE(s.integer(0), 0);
        }
        const qint64 synced = db.syncedCommits();
        QFuture<Database::CommitResult> commit = db.commitBatch();
        QVERIFY(db.committing());
        const Database::CommitResult result = db.endBatch();
        QVERIFY2(result.ok, qPrintable(result.message));
        QVERIFY(commit.isFinished());
        QCOMPARE(db.syncedCommits(), synced + 1);
        QCOMPARE(rows(db, QStringLiteral("v = 'first'")), 1);
        QCOMPARE(rows(db, QStringLiteral("v = 'third'")), 1);
        QCOMPARE(rows(db, QStringLiteral("v LIKE 'refused%'")), 0);
        {
            Database::ReadTransaction read(db);
            Statement s = db.statement(QStringLiteral("SELECT count(*) FROM t"));
            s.exec();
            QVERIFY(s.next());
            QCOMPARE(s.integer(0), 2);
        }
    }

    // Backend level: four writes handled in one turn of the event loop are
    // one batch: the second is refused because the first one's row, in the
    // same batch and not yet committed, holds its slug; the third is
    // invalid; the first and the last are created.
    void refusedWriteKeepsItsNeighbours()
    {
        QTemporaryDir dir;
        ServerConfig config;
        config.dataDir = dir.filePath(QStringLiteral("data"));
        config.throttleUser = 1000000;
        config.groupCommit = true;
        Backend backend(config);
        QString error;
        QVERIFY2(backend.open(&error), qPrintable(error));
        UserAdmin admin(backend.storage());
        QVERIFY(admin.add(QStringLiteral("admin"), Role::Admin, QString(), QStringLiteral("Lemon#Pass2026"), 1, &error));
        const QByteArray token = backend.tokens().issue(QStringLiteral("access"), 1).toLatin1();

        const Response first = backend.handle(
            request("POST", QStringLiteral("/api/categories"), token, "{\"slug\":\"meals\",\"title\":\"Meals\"}"));
        const Response refused = backend.handle(
            request("POST", QStringLiteral("/api/categories"), token, "{\"slug\":\"meals\",\"title\":\"Meals again\"}"));
        const Response bad = backend.handle(
            request("POST", QStringLiteral("/api/categories"), token, "{\"slug\":\"\",\"title\":\"\"}"));
        const Response third = backend.handle(
            request("POST", QStringLiteral("/api/categories"), token, "{\"slug\":\"drinks\",\"title\":\"Drinks\"}"));
        // Nothing is answered before the batch's sync.
        for (const Response *r : { &first, &refused, &bad, &third }) {
            QVERIFY(r->isPending());
            QVERIFY(!r->pending->isFinished());
        }
        QTRY_VERIFY(third.pending->isFinished());
        for (const Response *r : { &first, &refused, &bad })
            QVERIFY(r->pending->isFinished());
        QCOMPARE(first.pending->result().status, 201);
        QCOMPARE(refused.pending->result().status, 400);
        QCOMPARE(bad.pending->result().status, 400);
        QCOMPARE(third.pending->result().status, 201);
        QCOMPARE(backend.batches(), 1);
        QCOMPARE(backend.batchedWrites(), 4);

        // Reads answer at once and see both categories.
        const Response list = backend.handle(request("GET", QStringLiteral("/api/categories"), token, QByteArray()));
        QVERIFY(!list.isPending());
        QCOMPARE(list.status, 200);
        const QJsonDocument doc = QJsonDocument::fromJson(list.body);
        const QJsonArray results = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("results")).toArray();
        QStringList slugs;
        for (const QJsonValue &v : results)
            slugs << v.toObject().value(QStringLiteral("slug")).toString();
        QCOMPARE(slugs, (QStringList { QStringLiteral("meals"), QStringLiteral("drinks") }));
        QCOMPARE(backend.database().scalar(QStringLiteral("SELECT count(*) FROM categories")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TstDurabilityBatch)
#include "tst_durability_batch.moc"
