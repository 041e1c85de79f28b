#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace LittleLemon::Test;

// Every order's list, deep into it (issue 16): the server seeks a page of
// the managers' list from anchors it keeps (every 64th id) instead of
// stepping over every order before it. Whatever happens to the orders (new
// ones, deleted ones, a row deleted by another process), each page holds
// exactly what OFFSET would: the ids in the SQLite file, in order, three a
// page.
class TstServerOrderPages : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_token;
    static constexpr int kPageSize = 3;

    // The ids the database holds, in id order (read from the file itself).
    QList<qint64> truth()
    {
        QList<qint64> ids;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("truth"));
            db.setDatabaseName(m_server.dataDir() + QStringLiteral("/littlelemon.sqlite3"));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("SELECT id FROM orders ORDER BY id"));
                while (q.next())
                    ids.append(q.value(0).toLongLong());
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("truth"));
        return ids;
    }

    // The ids of page `page` of the manager's list, or {-1} on an error.
    QList<qint64> page(int page)
    {
        HttpTestClient http(m_server.url());
        http.setToken(QString::fromLatin1(m_token));
        const HttpReply r = http.get(QStringLiteral("/api/orders?page=%1").arg(page));
        if (r.status != 200)
            return { -1 };
        QList<qint64> ids;
        for (const QJsonValue &o : r.object().value(QStringLiteral("results")).toArray())
            ids.append(o.toObject().value(QStringLiteral("id")).toInteger());
        return ids;
    }

    // Pages [first, last] (1-based) against the file, each in its own request.
    void expectPages(const QList<qint64> &ids, int first, int last)
    {
        for (int p = first; p <= last; ++p) {
            const QList<qint64> want = ids.mid((p - 1) * kPageSize, kPageSize);
            const QList<qint64> got = page(p);
            if (got != want) {
                QString w, g;
                for (qint64 id : want)
                    w += QString::number(id) + u' ';
                for (qint64 id : got)
                    g += QString::number(id) + u' ';
                QFAIL(qPrintable(QStringLiteral("page %1: got %2, want %3").arg(p).arg(g, w)));
            }
        }
    }

    int lastPage(const QList<qint64> &ids) { return int((ids.size() + kPageSize - 1) / kPageSize); }

    HttpReply manager(const QByteArray &method, const QString &path, const QByteArray &body = QByteArray())
    {
        HttpTestClient http(m_server.url());
        http.setToken(QString::fromLatin1(m_token));
        return http.send(method, path, body, { { "Content-Type", "application/json" } });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server.setDataDir(m_dir.filePath(QStringLiteral("data")));
        QByteArray err;
        QCOMPARE(m_server.runCommand({ QStringLiteral("dev"), QStringLiteral("seed-bench"), QStringLiteral("--menu-items"),
                                       QStringLiteral("20"), QStringLiteral("--orders"), QStringLiteral("400"),
                                       QStringLiteral("--hash-iterations"), QStringLiteral("1000") },
                                     {}, nullptr, &err),
                 0);
        Q_UNUSED(err);
        QVERIFY(m_server.addUser(QStringLiteral("pagemanager"), QStringLiteral("manager"), QStringLiteral("Page-Manager#1")));
        QStringList args = CloudFixture::relaxedArgs();
        args << QStringLiteral("--page-size") << QString::number(kPageSize);
        QVERIFY2(m_server.start(args), qPrintable(m_server.errorString()));
        HttpTestClient http(m_server.url());
        const HttpReply r = http.send("POST", QStringLiteral("/auth/jwt/create/"),
                                      R"({"username":"pagemanager","password":"Page-Manager#1"})",
                                      { { "Content-Type", "application/json" } });
        QCOMPARE(r.status, 200);
        m_token = r.object().value(QStringLiteral("access")).toString().toLatin1();
        QVERIFY(!m_token.isEmpty());
    }

    // Every page, from the first to past the anchors' end, twice (built, then kept).
    void everyPage()
    {
        const QList<qint64> ids = truth();
        QCOMPARE(ids.size(), 400);
        expectPages(ids, 1, lastPage(ids));
        expectPages(ids, 1, lastPage(ids));
    }

    // New orders come at the top: the pages near the end take them in, the
    // ones before stay as they were.
    void newOrdersAtTheTop()
    {
        for (int i = 0; i < 70; ++i) {
            const HttpReply r = manager("POST", QStringLiteral("/api/orders"),
                                        QStringLiteral(R"({"items":[{"menuitem":1,"quantity":1}],"note":"top %1"})").arg(i).toUtf8());
            QVERIFY2(r.status == 201, qPrintable(r.describe()));
            if (i % 10 == 9) {
                const QList<qint64> ids = truth();
                expectPages(ids, lastPage(ids) - 30, lastPage(ids));
            }
        }
        const QList<qint64> ids = truth();
        expectPages(ids, 1, lastPage(ids));
    }

    // A deleted order moves every order after it one place: no page may
    // keep an anchor from before.
    void deletedOrders()
    {
        for (const int position : { 300, 130, 5, 64 * 3 }) {
            const QList<qint64> before = truth();
            const HttpReply r = manager("DELETE", QStringLiteral("/api/orders/%1").arg(before.at(position)));
            QVERIFY2(r.status == 204, qPrintable(r.describe()));
            const QList<qint64> ids = truth();
            QCOMPARE(ids.size(), before.size() - 1);
            expectPages(ids, 1, lastPage(ids));
        }
    }

    // Another process (a command-line tool, a repair by hand) deletes an
    // order: the server did not see the statement, only the commit.
    void deletedByAnotherProcess()
    {
        expectPages(truth(), 60, 80); // anchors in use
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            db.setDatabaseName(m_server.dataDir() + QStringLiteral("/littlelemon.sqlite3"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA busy_timeout = 5000")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
            QVERIFY(q.exec(QStringLiteral("DELETE FROM orders WHERE id = (SELECT id FROM orders ORDER BY id LIMIT 1 OFFSET 100)")));
            QCOMPARE(q.numRowsAffected(), 1);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        const QList<qint64> ids = truth();
        expectPages(ids, 1, lastPage(ids));
    }
};

QTEST_GUILESS_MAIN(TstServerOrderPages)
#include "tst_server_orderpages.moc"
