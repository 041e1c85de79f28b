#include "httptestclient.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

using namespace LittleLemon::Test;

namespace {
// One line of syncshim's log.
struct Event
{
    qint64 seq = 0;
    char kind = 0;    // 'S' a WAL sync returned, 'T' an HTTP answer was sent
    qint64 snapshot = 0;
    int status = 0;
    qint64 id = -1;
};

std::vector<Event> readEvents(const QString &path)
{
    std::vector<Event> events;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return events;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> p = line.split(' ');
        if (p.size() < 4)
            continue;
        Event e;
        e.seq = p.at(0).toLongLong();
        e.kind = p.at(2).at(0);
        if (e.kind == 'S') {
            e.snapshot = p.at(3).toLongLong();
        } else if (e.kind == 'T' && p.size() >= 6) {
            e.status = p.at(4).toInt();
            e.id = p.at(5).toLongLong();
        } else {
            continue;
        }
        events.push_back(e);
    }
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.seq < b.seq; });
    return events;
}
} // namespace

// Acknowledged means on disk (issue 16): a real littlelemon-server runs
// under syncshim (LD_PRELOAD), which logs its WAL syncs and its HTTP answers
// in one sequence and copies the database and WAL at every sync, i.e. what
// a power cut right after that sync leaves. Every menu item answered 201
// must be in the copy made at the last sync before its answer was sent.
class TstDurabilityAcks : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QTemporaryDir m_work;
    QString m_log;
    QString m_snapshots;
    QString m_token;
    qint64 m_category = 0;
    QList<qint64> m_serialIds;
    QList<qint64> m_concurrentIds;

    QJsonObject dish(int n, bool valid) const
    {
        return QJsonObject { { QStringLiteral("title"), QStringLiteral("Dish %1").arg(n) },
                             { QStringLiteral("price"), valid ? QStringLiteral("4.50") : QStringLiteral("not money") },
                             { QStringLiteral("featured"), false },
                             { QStringLiteral("category"), m_category } };
    }

    // The menu items in snapshot n (its database and WAL, as on disk then).
    QSet<qint64> itemsIn(qint64 n, QString *error)
    {
        QSet<qint64> ids;
        QTemporaryDir copy;
        const QString db = copy.filePath(QStringLiteral("db.sqlite3"));
        const QString from = QDir(m_snapshots).filePath(QString::number(n) + QStringLiteral(".sqlite3"));
        if (!QFile::copy(from, db) || !QFile::copy(from + QStringLiteral("-wal"), db + QStringLiteral("-wal"))) {
            *error = QStringLiteral("snapshot %1 is missing").arg(n);
            return ids;
        }
        const QString name = QStringLiteral("snapshot-%1").arg(n);
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            sql.setDatabaseName(db);
            if (!sql.open()) {
                *error = QStringLiteral("cannot open snapshot %1").arg(n);
            } else {
                QSqlQuery q(sql);
                if (!q.exec(QStringLiteral("SELECT id FROM menu_items")))
                    *error = QStringLiteral("cannot read snapshot %1").arg(n);
                while (q.next())
                    ids.insert(q.value(0).toLongLong());
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        m_work.setAutoRemove(!qEnvironmentVariableIsSet("LL_KEEP_WORK"));
        m_log = m_work.filePath(QStringLiteral("events.log"));
        m_snapshots = m_work.filePath(QStringLiteral("snapshots"));
        QVERIFY(QDir().mkpath(m_snapshots));
        QVERIFY(QFile::exists(QStringLiteral(LL_SYNCSHIM)));
        // Only the server gets the shim (it inherits this environment).
        qputenv("LD_PRELOAD", LL_SYNCSHIM);
        qputenv("SYNCSHIM_LOG", QFile::encodeName(m_log));
        qputenv("SYNCSHIM_SNAPDIR", QFile::encodeName(m_snapshots));
        const bool started = m_server.start({ QStringLiteral("--throttle-anon"), QStringLiteral("1000000"),
                                              QStringLiteral("--throttle-user"), QStringLiteral("1000000") });
        for (const char *name : { "LD_PRELOAD", "SYNCSHIM_LOG", "SYNCSHIM_SNAPDIR" })
            qunsetenv(name);
        QVERIFY2(started, qPrintable(m_server.errorString()));
        QVERIFY(m_server.addUser(QStringLiteral("boss"), QStringLiteral("admin"), QStringLiteral("Lemon#Pass2026")));
        HttpTestClient http(m_server.url());
        const HttpReply signIn = http.post(QStringLiteral("/auth/jwt/create/"),
                                           QJsonObject { { QStringLiteral("username"), QStringLiteral("boss") },
                                                         { QStringLiteral("password"), QStringLiteral("Lemon#Pass2026") } });
        QVERIFY2(signIn.status == 200, qPrintable(signIn.describe()));
        m_token = signIn.object().value(QStringLiteral("access")).toString();
        http.setToken(m_token);
        const HttpReply category = http.post(QStringLiteral("/api/categories"),
                                             QJsonObject { { QStringLiteral("slug"), QStringLiteral("mains") },
                                                           { QStringLiteral("title"), QStringLiteral("Mains") } });
        QVERIFY2(category.status == 201, qPrintable(category.describe()));
        m_category = category.object().value(QStringLiteral("id")).toInteger();
    }

    // One write at a time.
    void serialWrites()
    {
        HttpTestClient http(m_server.url());
        http.setToken(m_token);
        for (int i = 0; i < 8; ++i) {
            const HttpReply r = http.post(QStringLiteral("/api/menu-items"), dish(i, true));
            QVERIFY2(r.status == 201, qPrintable(r.describe()));
            m_serialIds << r.object().value(QStringLiteral("id")).toInteger();
        }
    }

    // Many writes at once on many connections (so they batch), every fifth
    // one refused: the refused ones get 400, all the others 201.
    void concurrentWrites()
    {
        constexpr int kManagers = 4;
        constexpr int kEach = 16;
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        int finished = 0;
        int created = 0;
        int refused = 0;
        int expectedRefused = 0;
        QStringList unexpected;
        for (int m = 0; m < kManagers; ++m) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            for (int i = 0; i < kEach; ++i) {
                const int n = 100 + m * kEach + i;
                const bool valid = n % 5 != 0;
                expectedRefused += valid ? 0 : 1;
                QNetworkRequest request(m_server.url(QStringLiteral("/api/menu-items")));
                request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
                request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
                QNetworkReply *reply
                    = managers.back()->post(request, QJsonDocument(dish(n, valid)).toJson(QJsonDocument::Compact));
                connect(reply, &QNetworkReply::finished, this, [&, reply, valid] {
                    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    const QByteArray body = reply->readAll();
                    if (valid && status == 201) {
                        ++created;
                        m_concurrentIds << QJsonDocument::fromJson(body).object().value(QStringLiteral("id")).toInteger();
                    } else if (!valid && status == 400) {
                        ++refused;
                    } else {
                        unexpected << QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(body));
                    }
                    ++finished;
                    reply->deleteLater();
                });
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, kManagers * kEach, 60000);
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
        QCOMPARE(refused, expectedRefused);
        QCOMPARE(created + refused, kManagers * kEach);
    }

    // The log: every 201 above left after a WAL sync whose copy holds it.
    void everyAnswerAfterItsSync()
    {
        const std::vector<Event> events = readEvents(m_log);
        QVERIFY2(!events.empty(), "syncshim logged nothing: was it preloaded?");
        QHash<qint64, qint64> lastSyncBefore; // item id -> snapshot
        qint64 lastSync = 0;
        for (const Event &e : events) {
            if (e.kind == 'S')
                lastSync = e.snapshot;
            else if (e.status == 201 && e.id > 0)
                lastSyncBefore.insert(e.id, lastSync);
        }
        std::map<qint64, QSet<qint64>> snapshots;
        QSet<qint64> concurrentSyncs;
        for (const QList<qint64> *ids : { &m_serialIds, &m_concurrentIds }) {
            for (const qint64 id : *ids) {
                QVERIFY2(lastSyncBefore.contains(id), qPrintable(QStringLiteral("no answer for item %1 in the log").arg(id)));
                const qint64 n = lastSyncBefore.value(id);
                QVERIFY2(n > 0, qPrintable(QStringLiteral("item %1 was answered before any WAL sync").arg(id)));
                if (ids == &m_concurrentIds)
                    concurrentSyncs.insert(n);
                auto it = snapshots.find(n);
                if (it == snapshots.end()) {
                    QString error;
                    it = snapshots.emplace(n, itemsIn(n, &error)).first;
                    QVERIFY2(error.isEmpty(), qPrintable(error));
                }
                QVERIFY2(it->second.contains(id),
                         qPrintable(QStringLiteral("item %1 was answered 201 before a sync covered it (not in snapshot %2)")
                                        .arg(id)
                                        .arg(n)));
            }
        }
        qInfo("%lld concurrent writes answered after %lld distinct syncs", qint64(m_concurrentIds.size()),
              qint64(concurrentSyncs.size()));
        // Group commit: the concurrent writes shared syncs.
        QVERIFY(concurrentSyncs.size() < m_concurrentIds.size());
    }
};

QTEST_GUILESS_MAIN(TstDurabilityAcks)
#include "tst_durability_acks.moc"
