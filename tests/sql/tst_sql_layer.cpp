// The shared SQLite layer: nested transactions, the migration ladder, error
// kinds, the statement cache and the checked pragmas, on real files.

#include "sql/connection.h"
#include "sql/migration.h"
#include "sql/storageerror.h"
#include "sql/transaction.h"

#include <QFile>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

using namespace LittleLemon::Sql;

class TestSqlLayer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString file(const QString &name) const { return m_dir.filePath(name); }
    static void openOrFail(Connection &c, const QString &path)
    {
        QString error;
        QVERIFY2(c.open(path, &error), qPrintable(error));
        QVERIFY2(c.setJournal(QStringLiteral("main"), QStringLiteral("FULL"), &error), qPrintable(error));
        QVERIFY2(c.enableForeignKeys(&error), qPrintable(error));
    }
    static QList<qint64> ids(Connection &c)
    {
        QList<qint64> out;
        Statement s = c.statement(QStringLiteral("SELECT id FROM t ORDER BY id"));
        s.exec();
        while (s.next())
            out.append(s.integer(0));
        return out;
    }
    static void insert(Connection &c, qint64 id)
    {
        c.statement(QStringLiteral("INSERT INTO t (id) VALUES (?)")).bind(0, id).exec();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void journalIsWalAndChecked()
    {
        Connection c(QStringLiteral("test"));
        openOrFail(c, file(QStringLiteral("wal.sqlite")));
        QCOMPARE(c.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(c.scalar(QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
        QCOMPARE(c.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QVERIFY(c.quickCheck(QStringLiteral("main")));

        // An in-memory database cannot use WAL: the answer is checked, not assumed.
        Connection memory(QStringLiteral("test"));
        QString error;
        QVERIFY(memory.open(QStringLiteral(":memory:"), &error));
        QVERIFY(!memory.setJournal(QStringLiteral("main"), QStringLiteral("NORMAL"), &error));
        QVERIFY2(error.contains(QLatin1String("instead of WAL")), qPrintable(error));
    }

    void uniqueConnectionNames()
    {
        Connection a(QStringLiteral("same"));
        Connection b(QStringLiteral("same"));
        QVERIFY(a.name() != b.name());
        QString error;
        QVERIFY(a.open(file(QStringLiteral("names.sqlite")), &error));
        QVERIFY(b.open(file(QStringLiteral("names.sqlite")), &error));
        QVERIFY(a.isOpen() && b.isOpen());
    }

    void quickCheckFindsDamage()
    {
        const QString path = file(QStringLiteral("damaged.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        Connection c(QStringLiteral("test"));
        QString error;
        QVERIFY(c.open(path, &error));
        QString detail;
        QVERIFY(!c.quickCheck(QStringLiteral("main"), &detail));
        QVERIFY(!detail.isEmpty());
    }

    void nestedRollbackUndoesInnerOnly()
    {
        Connection c(QStringLiteral("test"));
        openOrFail(c, file(QStringLiteral("nested.sqlite")));
        c.execute(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
        {
            Transaction outer(c);
            QVERIFY(outer.isOuter());
            insert(c, 1);
            {
                Transaction inner(c);
                QVERIFY(!inner.isOuter());
                QCOMPARE(c.depth(), 2);
                insert(c, 2);
                {
                    Transaction innermost(c);
                    insert(c, 3);
                    innermost.commit();
                }
                QCOMPARE(ids(c), (QList<qint64> { 1, 2, 3 }));
                // Leaves the scope without commit(): its writes (and the
                // committed innermost level inside it) are undone.
            }
            QCOMPARE(c.depth(), 1);
            insert(c, 4);
            outer.commit();
        }
        QCOMPARE(c.depth(), 0);
        QVERIFY(!c.inTransaction());
        QCOMPARE(ids(c), (QList<qint64> { 1, 4 }));

        // The outermost level rolled back by its scope leaves nothing.
        {
            Transaction outer(c);
            insert(c, 5);
        }
        QCOMPARE(c.depth(), 0);
        QCOMPARE(ids(c), (QList<qint64> { 1, 4 }));
    }

    void ladderRunsEachStepOnce()
    {
        const QString path = file(QStringLiteral("ladder.sqlite"));
        QList<int> ran;
        auto step = [&ran](int n, const QString &sql) {
            return MigrationLadder::Step([&ran, n, sql](Connection &c) {
                ran.append(n);
                c.execute(sql);
            });
        };
        QList<MigrationLadder::Step> steps {
            step(1, QStringLiteral("CREATE TABLE a (x)")),
            step(2, QStringLiteral("CREATE TABLE b (x)")),
        };
        {
            Connection c(QStringLiteral("test"));
            openOrFail(c, path);
            MigrationLadder ladder(steps);
            QString error;
            QVERIFY2(ladder.run(c, QStringLiteral("main"), &error), qPrintable(error));
            QCOMPARE(ladder.versionFound(), 0);
            QCOMPARE(ladder.version(), 2);
            QCOMPARE(c.userVersion(), 2);
            QCOMPARE(ran, (QList<int> { 1, 2 }));
        }
        // Opened again: nothing to do. With a third step: only that one runs.
        {
            Connection c(QStringLiteral("test"));
            openOrFail(c, path);
            QString error;
            MigrationLadder same(steps);
            QVERIFY2(same.run(c, QStringLiteral("main"), &error), qPrintable(error));
            QCOMPARE(ran, (QList<int> { 1, 2 }));
            steps.append(MigrationLadder::statements({ QStringLiteral("CREATE TABLE c (x)") }));
            MigrationLadder longer(steps);
            QVERIFY2(longer.run(c, QStringLiteral("main"), &error), qPrintable(error));
            QCOMPARE(longer.versionFound(), 2);
            QCOMPARE(c.userVersion(), 3);
            QCOMPARE(ran, (QList<int> { 1, 2 }));
            QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'c'")).toInt(), 1);
        }
        // A database newer than the program is refused, untouched.
        {
            Connection c(QStringLiteral("test"));
            openOrFail(c, path);
            MigrationLadder shorter({ steps.at(0) });
            QString error;
            QVERIFY(!shorter.run(c, QStringLiteral("main"), &error));
            QVERIFY2(error.contains(QLatin1String("schema version 3")), qPrintable(error));
            QCOMPARE(c.userVersion(), 3);
        }
    }

    void ladderStopsAtFailingStep()
    {
        Connection c(QStringLiteral("test"));
        openOrFail(c, file(QStringLiteral("failing.sqlite")));
        bool thirdRan = false;
        MigrationLadder ladder({
            MigrationLadder::statements({ QStringLiteral("CREATE TABLE first (x)") }),
            // Its first statement works; the second fails: the step is undone.
            MigrationLadder::statements(
                { QStringLiteral("CREATE TABLE second (x)"), QStringLiteral("INSERT INTO missing VALUES (1)") }),
            [&thirdRan](Connection &) { thirdRan = true; },
        });
        QString error;
        QVERIFY(!ladder.run(c, QStringLiteral("main"), &error));
        QVERIFY2(error.contains(QLatin1String("to version 2")), qPrintable(error));
        QCOMPARE(c.userVersion(), 1);
        QCOMPARE(ladder.version(), 1);
        QVERIFY(!thirdRan);
        QCOMPARE(c.depth(), 0);
        QVERIFY(!c.inTransaction());
        QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'first'")).toInt(), 1);
        QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'second'")).toInt(), 0);
    }

    void ladderOnAnAttachedSchema()
    {
        Connection c(QStringLiteral("test"));
        openOrFail(c, file(QStringLiteral("mainpart.sqlite")));
        c.execute(QStringLiteral("ATTACH DATABASE '%1' AS extra").arg(file(QStringLiteral("extra.sqlite"))));
        QString error;
        QVERIFY2(c.setJournal(QStringLiteral("extra"), QStringLiteral("NORMAL"), &error), qPrintable(error));
        MigrationLadder ladder({ MigrationLadder::statements({ QStringLiteral("CREATE TABLE extra.y (x)") }) });
        QVERIFY2(ladder.run(c, QStringLiteral("extra"), &error), qPrintable(error));
        QCOMPARE(c.userVersion(QStringLiteral("extra")), 1);
        QCOMPARE(c.userVersion(QStringLiteral("main")), 0);
    }

    void errorKinds_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("kind");
        QTest::newRow("busy") << 5 << int(StorageError::Kind::Busy);
        QTest::newRow("locked") << 6 << int(StorageError::Kind::Busy);
        QTest::newRow("busy snapshot (extended)") << (5 | (2 << 8)) << int(StorageError::Kind::Busy);
        QTest::newRow("full") << 13 << int(StorageError::Kind::Full);
        QTest::newRow("constraint") << 19 << int(StorageError::Kind::Constraint);
        QTest::newRow("unique (extended)") << 2067 << int(StorageError::Kind::Constraint);
        QTest::newRow("error") << 1 << int(StorageError::Kind::Other);
        QTest::newRow("corrupt") << 11 << int(StorageError::Kind::Other);
    }
    void errorKinds()
    {
        QFETCH(int, code);
        QFETCH(int, kind);
        QCOMPARE(int(StorageError::kindOf(code)), kind);
    }

    void constraintIsClassified()
    {
        Connection c(QStringLiteral("test"));
        openOrFail(c, file(QStringLiteral("constraint.sqlite")));
        c.execute(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
        insert(c, 1);
        try {
            insert(c, 1);
            QFAIL("a duplicate key was accepted");
        } catch (const StorageError &e) {
            QCOMPARE(e.kind(), StorageError::Kind::Constraint);
        }
        c.execute(QStringLiteral("CREATE TABLE child (p INTEGER NOT NULL REFERENCES t (id))"));
        try {
            c.statement(QStringLiteral("INSERT INTO child (p) VALUES (?)")).bind(0, 99).exec();
            QFAIL("a dangling reference was accepted");
        } catch (const StorageError &e) {
            QCOMPARE(e.kind(), StorageError::Kind::Constraint);
        }
    }

    void busyIsClassified()
    {
        const QString path = file(QStringLiteral("busy.sqlite"));
        Connection holder(QStringLiteral("test"));
        openOrFail(holder, path);
        holder.execute(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
        Connection other(QStringLiteral("test"));
        QString error;
        QVERIFY(other.open(path, &error, 50));
        Transaction held(holder);
        insert(holder, 1);
        try {
            Transaction second(other);
            QFAIL("a second writer got the lock");
        } catch (const StorageError &e) {
            QCOMPARE(e.kind(), StorageError::Kind::Busy);
        }
        QCOMPARE(other.depth(), 0);
        held.commit();
        // Free again: the second connection writes.
        Transaction second(other);
        insert(other, 2);
        second.commit();
        QCOMPARE(ids(holder), (QList<qint64> { 1, 2 }));
    }

    void statementComesFromCache()
    {
        Connection c(QStringLiteral("test"));
        openOrFail(c, file(QStringLiteral("cache.sqlite")));
        c.execute(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
        const QString sql = QStringLiteral("SELECT count(*) FROM t WHERE id > ?");
        QSqlError error;
        QSqlQuery *first = c.prepared(sql, &error);
        QVERIFY(first);
        QCOMPARE(c.cachedStatements(), 1);
        for (int i = 0; i < 3; ++i) {
            insert(c, i);
            Statement s = c.statement(sql);
            s.bind(0, -1).exec();
            QVERIFY(s.next());
            QCOMPARE(s.integer(0), qint64(i + 1));
        }
        QCOMPARE(c.prepared(sql, &error), first); // the same prepared query, not a new one
        // The SELECT once in each cache (prepared()'s QSqlQuery, statement()'s
        // SQLite statement) and the INSERT; three runs prepared nothing new.
        QCOMPARE(c.cachedStatements(), 3);

        // run() binds in order on the cached query.
        QVERIFY(Connection::run(first, { 0 }, &error));
        QVERIFY(first->next());
        QCOMPARE(first->value(0).toInt(), 2);
        first->finish();

        // A statement that cannot be prepared is an error, and is not cached.
        QVERIFY(!c.prepared(QStringLiteral("SELECT nope FROM nowhere"), &error));
        QVERIFY(error.isValid());
        QCOMPARE(c.cachedStatements(), 3);

        // The cap starts the cache over; a Statement in use keeps its query.
        c.setStatementCap(2);
        Statement held = c.statement(sql);
        c.statement(QStringLiteral("SELECT 1"));
        c.statement(QStringLiteral("SELECT 2"));
        QVERIFY(c.cachedStatements() <= 2);
        held.bind(0, -1).exec();
        QVERIFY(held.next());
        QCOMPARE(held.integer(0), qint64(3));
    }

    void changeCounterCountsWrites()
    {
        Connection c(QStringLiteral("test"));
        openOrFail(c, file(QStringLiteral("counter.sqlite")));
        qint64 shared = 0;
        c.setChangeCounter(&shared);
        c.execute(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
        const qint64 before = shared;
        c.statement(QStringLiteral("SELECT count(*) FROM t")).exec();
        QCOMPARE(shared, before); // a read changes nothing
        insert(c, 1);
        QVERIFY(shared > before);
        // A read transaction neither changes nor blocks a write transaction after it.
        const qint64 afterInsert = shared;
        c.beginRead();
        QCOMPARE(c.depth(), 1);
        QCOMPARE(ids(c), (QList<qint64> { 1 }));
        c.endRead();
        QCOMPARE(c.depth(), 0);
        QCOMPARE(shared, afterInsert);
    }
};

QTEST_GUILESS_MAIN(TestSqlLayer)
#include "tst_sql_layer.moc"
