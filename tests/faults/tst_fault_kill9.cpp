#include "securitytest.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

#include <functional>
#include <memory>

using namespace LittleLemon::Test;

namespace {
// One client writing without pause: a request, its answer, the next. Each
// writer has its own network manager (its own connection), so several
// writes are on their way when the server dies.
class Writer : public QObject
{
public:
    struct Step
    {
        QByteArray method;
        QString path;
        QJsonObject body;
        QString value; // what this write sets (a note, a price, a stage)
    };
    using NextStep = std::function<Step(int n)>;
    // Called with the value and the answer when the server acknowledged a write.
    using Acknowledged = std::function<void(const QString &value, const QJsonObject &answer)>;

    Writer(QUrl base, QByteArray token, NextStep next, Acknowledged acknowledged)
        : m_base(std::move(base))
        , m_token(std::move(token))
        , m_next(std::move(next))
        , m_acknowledged(std::move(acknowledged))
    {
    }

    void start()
    {
        m_running = true;
        send();
    }
    void stop() { m_running = false; }
    bool busy() const { return m_reply != nullptr; }
    // The value of the write on its way (sent, not answered), if any.
    QString inFlight() const { return m_reply ? m_step.value : QString(); }
    int acknowledgedCount() const { return m_acks; }

private:
    void send()
    {
        if (!m_running)
            return;
        m_step = m_next(m_n++);
        QNetworkRequest request(QUrl(m_base.toString() + m_step.path));
        request.setRawHeader("Authorization", "Bearer " + m_token);
        request.setRawHeader("Content-Type", "application/json");
        // A retry after a lost answer would repeat the key; none is made here,
        // but the server's idempotency path is the one under test.
        request.setRawHeader("Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        m_reply = m_nam.sendCustomRequest(request, m_step.method, QJsonDocument(m_step.body).toJson(QJsonDocument::Compact));
        connect(m_reply, &QNetworkReply::finished, this, [this] {
            QNetworkReply *reply = std::exchange(m_reply, nullptr);
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() == QNetworkReply::NoError && (status == 200 || status == 201)) {
                ++m_acks;
                m_acknowledged(m_step.value, QJsonDocument::fromJson(reply->readAll()).object());
            } else if (status != 0) {
                qWarning("refused: %d %s", status, reply->readAll().constData());
                m_refused = true;
                return;
            } else {
                return; // the server is gone: stop until restarted
            }
            send();
        });
    }

public:
    bool refused() const { return m_refused; }

private:
    QUrl m_base;
    QByteArray m_token;
    NextStep m_next;
    Acknowledged m_acknowledged;
    QNetworkAccessManager m_nam;
    QNetworkReply *m_reply = nullptr;
    Step m_step;
    bool m_running = false;
    bool m_refused = false;
    int m_n = 0;
    int m_acks = 0;
};

const QStringList kStages { QStringLiteral("ready"), QStringLiteral("out_for_delivery") };
} // namespace

// The server killed with SIGKILL while ten clients write as fast as it
// answers (counter orders, price edits, stage moves, each with an
// Idempotency-Key), three times over: after each restart the database is
// sound, every acknowledged write is there exactly once, a record holds its
// last acknowledged value (or the one that was on its way), no order is
// half-written, and the change feed says what the tables say.
class TstFaultKill9 : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QString m_db;
    QByteArray m_token;
    // note → order id, for every acknowledged counter order
    QHash<QString, qint64> m_orders;
    // menu item → last acknowledged price; order → last acknowledged stage
    QHash<qint64, QString> m_prices;
    QHash<qint64, QString> m_stages;
    QSet<QString> m_unacknowledgedNotes;

    QString one(const QString &sql)
    {
        return DbSnapshot::rows(m_db, sql).value(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(CloudFixture::relaxedArgs()), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(CloudFixture::populate(m_server, &error), qPrintable(error));
        m_db = databaseOf(m_server);
        HttpTestClient http(m_server.url());
        m_token = http.login(QStringLiteral("mario"), CloudFixture::password(QStringLiteral("mario"))).toUtf8();
        QVERIFY(!m_token.isEmpty());
        // Orders 1-4 for the stage movers, brought to "ready".
        for (int i = 0; i < 4; ++i) {
            const HttpReply r = http.post(QStringLiteral("/api/orders"), QJsonObject { { QStringLiteral("items"),
                QJsonArray { QJsonObject { { QStringLiteral("menuitem"), 1 }, { QStringLiteral("quantity"), 1 } } } } });
            QCOMPARE(r.status, 201);
            const qint64 id = r.object().value(QStringLiteral("order_id")).toInteger();
            for (const char *stage : { "preparing", "ready" })
                QCOMPARE(http.patch(QStringLiteral("/api/orders/%1").arg(id), QJsonObject { { QStringLiteral("stage"), QLatin1String(stage) } }).status, 200);
            m_stages.insert(id, QStringLiteral("ready"));
        }
        for (qint64 item = 1; item <= 6; ++item)
            m_prices.insert(item, one(QStringLiteral("SELECT printf('%d.%02d', price_cents / 100, price_cents % 100) FROM menu_items WHERE id = %1").arg(item)));
    }

    void killedDuringWrites_data()
    {
        QTest::addColumn<int>("round");
        for (int round = 1; round <= 3; ++round)
            QTest::addRow("round %d", round) << round;
    }
    void killedDuringWrites()
    {
        QFETCH(int, round);
        std::vector<std::unique_ptr<Writer>> writers;
        // Six counter-order writers.
        for (int w = 0; w < 6; ++w) {
            writers.push_back(std::make_unique<Writer>(
                m_server.url(), m_token,
                [round, w](int n) {
                    const QString note = QStringLiteral("kill9 r%1 w%2 n%3").arg(round).arg(w).arg(n);
                    return Writer::Step { "POST", QStringLiteral("/api/orders"),
                                          QJsonObject { { QStringLiteral("items"), QJsonArray {
                                                              QJsonObject { { QStringLiteral("menuitem"), 1 + n % 6 }, { QStringLiteral("quantity"), 1 + n % 3 } },
                                                              QJsonObject { { QStringLiteral("menuitem"), 1 + (n + 3) % 6 }, { QStringLiteral("quantity"), 2 } } } },
                                                        { QStringLiteral("note"), note } },
                                          note };
                },
                [this](const QString &note, const QJsonObject &answer) {
                    m_orders.insert(note, answer.value(QStringLiteral("order_id")).toInteger());
                }));
        }
        // Two price editors, three dishes each.
        for (int w = 0; w < 2; ++w) {
            writers.push_back(std::make_unique<Writer>(
                m_server.url(), m_token,
                [round, w](int n) {
                    const qint64 item = 1 + w * 3 + n % 3;
                    const QString price = QStringLiteral("%1.%2").arg(10 + round).arg(n % 100, 2, 10, QLatin1Char('0'));
                    return Writer::Step { "PATCH", QStringLiteral("/api/menu-items/%1").arg(item),
                                          QJsonObject { { QStringLiteral("price"), price } }, QString::number(item) + u'=' + price };
                },
                [this](const QString &value, const QJsonObject &) {
                    m_prices.insert(value.section(u'=', 0, 0).toLongLong(), value.section(u'=', 1));
                }));
        }
        // Two stage movers, two orders each, between ready and out for delivery.
        const QList<qint64> orders = m_stages.keys();
        for (int w = 0; w < 2; ++w) {
            writers.push_back(std::make_unique<Writer>(
                m_server.url(), m_token,
                [this, orders, w](int n) {
                    const qint64 order = orders.at(w * 2 + n % 2);
                    const QString next = m_stages.value(order) == u"ready" ? kStages.at(1) : kStages.at(0);
                    return Writer::Step { "PATCH", QStringLiteral("/api/orders/%1").arg(order),
                                          QJsonObject { { QStringLiteral("stage"), next } }, QString::number(order) + u'=' + next };
                },
                [this](const QString &value, const QJsonObject &) {
                    m_stages.insert(value.section(u'=', 0, 0).toLongLong(), value.section(u'=', 1));
                }));
        }
        for (auto &w : writers)
            w->start();
        // Let the writes run, then pull the plug at some moment.
        QTest::qWait(400 + QRandomGenerator::global()->bounded(800));
        QHash<Writer *, QString> inFlight;
        for (auto &w : writers)
            inFlight.insert(w.get(), w->inFlight());
        m_server.kill();
        for (auto &w : writers)
            w->stop();
        QTRY_VERIFY_WITH_TIMEOUT(std::none_of(writers.begin(), writers.end(), [](const auto &w) { return w->busy(); }), 20000);
        int acknowledged = 0;
        for (auto &w : writers) {
            QVERIFY2(!w->refused(), "a write was refused: the test's writes must all be valid");
            acknowledged += w->acknowledgedCount();
        }
        QVERIFY2(acknowledged > 20, qPrintable(QStringLiteral("only %1 writes before the kill").arg(acknowledged)));
        int onTheirWay = 0;
        for (const QString &f : std::as_const(inFlight))
            onTheirWay += f.isEmpty() ? 0 : 1;
        qInfo("round %d: %d writes acknowledged, %d on their way at the kill", round, acknowledged, onTheirWay);
        for (int i = 0; i < 6; ++i) {
            if (!inFlight.value(writers.at(i).get()).isEmpty())
                m_unacknowledgedNotes.insert(inFlight.value(writers.at(i).get()));
        }

        QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
        QCOMPARE(DbSnapshot::integrityCheck(m_db), QStringLiteral("ok"));

        // Every acknowledged order once, with the id it was acknowledged with.
        for (auto it = m_orders.cbegin(); it != m_orders.cend(); ++it) {
            const QStringList ids = DbSnapshot::rows(m_db, QStringLiteral("SELECT id FROM orders WHERE note = '%1'").arg(it.key()));
            QVERIFY2(ids == QStringList { QString::number(it.value()) }, qPrintable(it.key() + u": " + ids.join(u',')));
        }
        // One that was on its way: there once or not at all.
        for (const QString &note : std::as_const(m_unacknowledgedNotes)) {
            if (m_orders.contains(note))
                continue;
            const QString count = one(QStringLiteral("SELECT count(*) FROM orders WHERE note = '%1'").arg(note));
            QVERIFY2(count == u"0" || count == u"1", qPrintable(note + u": " + count));
            if (count == u"1") // done before the kill: it is acknowledged in effect
                m_orders.insert(note, one(QStringLiteral("SELECT id FROM orders WHERE note = '%1'").arg(note)).toLongLong());
        }
        // No order is half-written: lines, total and history agree.
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM orders o WHERE o.total_cents != (SELECT coalesce(sum(price_cents), -1) FROM order_items i WHERE i.order_id = o.id)")),
                 QStringLiteral("0"));
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_history h WHERE h.order_id = o.id)")),
                 QStringLiteral("0"));
        // Prices and stages: the last acknowledged value, or the one on its way.
        for (auto it = m_prices.begin(); it != m_prices.end(); ++it) {
            const QString now = one(QStringLiteral("SELECT printf('%d.%02d', price_cents / 100, price_cents % 100) FROM menu_items WHERE id = %1").arg(it.key()));
            bool ok = now == it.value();
            for (const QString &f : inFlight) {
                if (!ok && f == QString::number(it.key()) + u'=' + now) {
                    ok = true;
                    it.value() = now; // it was done; the next round starts from it
                }
            }
            QVERIFY2(ok, qPrintable(QStringLiteral("item %1: %2, acknowledged %3").arg(it.key()).arg(now, it.value())));
        }
        for (auto it = m_stages.begin(); it != m_stages.end(); ++it) {
            const QString now = one(QStringLiteral("SELECT stage FROM orders WHERE id = %1").arg(it.key()));
            bool ok = now == it.value();
            for (const QString &f : inFlight) {
                if (!ok && f == QString::number(it.key()) + u'=' + now) {
                    ok = true;
                    it.value() = now;
                }
            }
            QVERIFY2(ok, qPrintable(QStringLiteral("order %1: %2, acknowledged %3").arg(it.key()).arg(now, it.value())));
        }
        // The change feed's latest entry of each record is the record.
        HttpTestClient http(m_server.url());
        http.setToken(QString::fromUtf8(m_token));
        QHash<QString, QJsonObject> latest;
        qint64 since = 0;
        for (;;) {
            const HttpReply r = http.get(QStringLiteral("/api/changes?since=%1&limit=1000").arg(since));
            QCOMPARE(r.status, 200);
            const QJsonArray changes = r.object().value(QStringLiteral("changes")).toArray();
            for (const QJsonValue &v : changes) {
                const QJsonObject c = v.toObject();
                QVERIFY(c.value(QStringLiteral("seq")).toInteger() > since);
                latest.insert(c.value(QStringLiteral("entity")).toString() + u'/' + QString::number(c.value(QStringLiteral("id")).toInteger()),
                              c.value(QStringLiteral("data")).toObject());
            }
            const qint64 next = r.object().value(QStringLiteral("next")).toInteger();
            if (changes.isEmpty() || next == since)
                break;
            since = next;
        }
        for (auto it = m_orders.cbegin(); it != m_orders.cend(); ++it)
            QCOMPARE(latest.value(QStringLiteral("order/%1").arg(it.value())).value(QStringLiteral("note")).toString(), it.key());
        for (auto it = m_prices.cbegin(); it != m_prices.cend(); ++it)
            QCOMPARE(latest.value(QStringLiteral("menu-item/%1").arg(it.key())).value(QStringLiteral("price")).toString(), it.value());
        for (auto it = m_stages.cbegin(); it != m_stages.cend(); ++it)
            QCOMPARE(latest.value(QStringLiteral("order/%1").arg(it.key())).value(QStringLiteral("stage")).toString(), it.value());
    }
};

QTEST_GUILESS_MAIN(TstFaultKill9)
#include "tst_fault_kill9.moc"
