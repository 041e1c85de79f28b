// bench/load: a running littlelemon-server under a Friday night's load.
//
// N keep-alive connections (200) for D seconds (60) send, one request at a
// time each, a mix of reads (menu pages and dishes, orders as manager, crew
// and customer, the change feed) and writes (stage moves, counter orders,
// price edits) with several users' tokens. Each connection owns its own
// orders and dishes, so every write is valid and its outcome known. Then it
// checks that every acknowledged write is in the database exactly once (over
// HTTP, and in the SQLite file when --data-dir is given) and that the change
// feed says the same, and prints throughput, latency percentiles, answers by
// status, and the server's RSS at the start and the end.
//
//   bench_load --url http://127.0.0.1:8000 --manager NAME:PASSWORD ...
//              [--customer NAME:PASSWORD ...] [--crew NAME:PASSWORD ...]
//              [--connections 200] [--duration 60] [--server-pid PID] [--data-dir DIR]
//
// Exit status: 0 when every check holds (the targets are printed, not
// enforced), 1 when a write was lost or doubled, the feed disagrees or any
// answer was a 5xx, 2 on bad arguments or a server it cannot use.

#include "bench/support/procstatus.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// ---- a minimal HTTP/1.1 keep-alive client: one request at a time ----

struct Answer
{
    int status = 0; // 0: the connection failed
    QByteArray body;
    QJsonValue json() const
    {
        const QJsonDocument d = QJsonDocument::fromJson(body);
        return d.isObject() ? QJsonValue(d.object()) : QJsonValue(d.array());
    }
};

class Connection : public QObject
{
public:
    using Done = std::function<void(const Answer &)>;

    explicit Connection(QUrl url)
        : m_url(std::move(url))
    {
        m_socket.setProxy(QNetworkProxy::NoProxy);
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(&m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { fail(); });
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] { fail(); });
    }

    bool busy() const { return bool(m_done); }

    void send(const QByteArray &method, const QByteArray &target, const QByteArray &token, const QByteArray &body,
              const QByteArray &extraHeaders, Done done)
    {
        m_done = std::move(done);
        m_buffer.clear();
        QByteArray request;
        request.reserve(512 + body.size());
        request += method + ' ' + target + " HTTP/1.1\r\nHost: " + m_url.host().toLatin1() + ':'
            + QByteArray::number(m_url.port()) + "\r\n";
        if (!token.isEmpty())
            request += "Authorization: Bearer " + token + "\r\n";
        if (!body.isEmpty())
            request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        request += extraHeaders + "\r\n" + body;
        if (m_socket.state() != QAbstractSocket::ConnectedState) {
            m_pending = request;
            if (m_socket.state() == QAbstractSocket::UnconnectedState) {
                connect(&m_socket, &QTcpSocket::connected, this, &Connection::flushPending, Qt::UniqueConnection);
                m_socket.connectToHost(m_url.host(), quint16(m_url.port()));
            }
            return;
        }
        m_socket.write(request);
    }

private:
    void flushPending()
    {
        if (!m_pending.isEmpty())
            m_socket.write(std::exchange(m_pending, QByteArray()));
    }

    void fail()
    {
        if (!m_done)
            return;
        Done done = std::exchange(m_done, nullptr);
        m_pending.clear();
        m_socket.abort();
        done(Answer {});
    }

    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        if (!m_done)
            return;
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Answer a;
        a.status = m_buffer.mid(9, 3).toInt();
        qint64 length = 0;
        if (a.status != 204 && a.status != 304) {
            const QByteArray head = m_buffer.left(headerEnd).toLower();
            const qsizetype at = head.indexOf("\r\ncontent-length:");
            if (at >= 0) {
                const qsizetype eol = head.indexOf("\r\n", at + 2);
                length = head.mid(at + 17, (eol < 0 ? head.size() : eol) - at - 17).trimmed().toLongLong();
            }
        }
        if (m_buffer.size() < headerEnd + 4 + length)
            return;
        a.body = m_buffer.mid(headerEnd + 4, length);
        m_buffer.remove(0, headerEnd + 4 + length);
        Done done = std::exchange(m_done, nullptr);
        done(a);
    }

    QUrl m_url;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_pending;
    Done m_done;
};

// A blocking request for setup and checking (not timed), on one kept-alive
// connection: thousands of checks must not each leave a port in TIME_WAIT.
Answer fetch(const QUrl &url, const QByteArray &method, const QByteArray &target, const QByteArray &token = {},
             const QByteArray &body = {})
{
    static std::unique_ptr<Connection> connection;
    if (!connection)
        connection = std::make_unique<Connection>(url);
    Answer answer;
    bool answered = false;
    QEventLoop loop;
    connection->send(method, target, token, body, {}, [&](const Answer &a) {
        answer = a;
        answered = true;
        loop.quit();
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(30000);
    if (!answered)
        loop.exec();
    if (!answered)
        connection.reset(); // a half-read answer must not meet the next request
    return answer;
}

// ---- what the load is made of ----

enum Kind {
    MenuPage,
    MenuItemRead,
    OrdersManager,
    OrdersCustomer,
    OrdersCrew,
    Changes,
    StageMove,
    CounterOrder,
    PriceEdit,
    KindCount
};

const char *kindName(int k)
{
    static const char *names[] = { "GET menu page (anon)",  "GET menu item (customer)", "GET orders (manager)",
                                   "GET orders (customer)", "GET orders (crew)",        "GET changes (manager)",
                                   "PATCH order stage",     "POST counter order",       "PATCH menu price" };
    return names[k];
}

bool isWrite(int k)
{
    return k == StageMove || k == CounterOrder || k == PriceEdit;
}

const QStringList kStages { QStringLiteral("received"), QStringLiteral("preparing"), QStringLiteral("ready"),
                            QStringLiteral("out_for_delivery"), QStringLiteral("delivered") };

struct Features
{
    bool stages = false;
    bool counterOrders = false;
    bool changes = false;
    bool idempotency = false;
};

struct Users
{
    QList<QByteArray> managers;
    QList<QByteArray> customers;
    QList<QByteArray> crew;
};

// One client: a connection, its share of orders and dishes, and what the
// server acknowledged of its writes.
struct Client
{
    int index = 0;
    std::unique_ptr<Connection> connection;
    QList<qint64> orders; // owned: stage moves
    QList<qint64> items;  // owned: price edits
    int nextOrder = 0;
    int nextItem = 0;
    int counterOrders = 0;
    // The write on its way and what it would set.
    qint64 writeTarget = 0;
    QString writeValue;
};

struct Results
{
    std::vector<qint64> latencyUs[KindCount];
    QMap<int, qint64> statuses;
    qint64 requests = 0;
    qint64 writes = 0;
    qint64 connectionErrors = 0;
    QHash<QString, qint64> orders;  // note → id, acknowledged counter orders
    QHash<qint64, QString> stages;  // order → last acknowledged stage (or status "true"/"false")
    QHash<qint64, QString> prices;  // menu item → last acknowledged price
    QSet<QString> unanswered;       // notes of counter orders whose answer never came
    QSet<qint64> unansweredTargets; // orders and dishes whose last write was not answered
};

qint64 percentile(std::vector<qint64> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min(v.size() - 1, size_t(p * double(v.size()))));
}

// A change-feed page's "next": its last key (littlelemon-server writes it
// after the entries), read without parsing the ~50 KB of entries before it,
// which cost this driver more than the server spends answering.
qint64 feedNext(const QByteArray &body)
{
    const qsizetype at = body.lastIndexOf("\"next\":");
    if (at < 0)
        return 0;
    qsizetype end = at + 7;
    while (end < body.size() && body.at(end) >= '0' && body.at(end) <= '9')
        ++end;
    return body.mid(at + 7, end - at - 7).toLongLong();
}

double rssMb(qint64 pid, const char *field = "VmRSS:")
{
    const qint64 kb = LittleLemon::Bench::procStatusKb(pid, field);
    return kb < 0 ? -1 : kb / 1024.0;
}

// CPU seconds (user + system) a process, or one of its threads, has used.
double cpuSeconds(const QString &statPath)
{
    const qint64 ticks = LittleLemon::Bench::procCpuTicks(statPath);
    return ticks < 0 ? -1 : double(ticks) / double(sysconf(_SC_CLK_TCK));
}

struct CpuSample
{
    double server = -1, serverMain = -1, driver = -1;
    static CpuSample take(qint64 pid)
    {
        CpuSample c;
        if (pid > 0) {
            c.server = cpuSeconds(QStringLiteral("/proc/%1/stat").arg(pid));
            c.serverMain = cpuSeconds(QStringLiteral("/proc/%1/task/%1/stat").arg(pid));
        }
        c.driver = cpuSeconds(QStringLiteral("/proc/self/stat"));
        return c;
    }
};

QByteArray login(const QUrl &url, const QString &spec)
{
    const QString name = spec.section(u':', 0, 0);
    const QString password = spec.section(u':', 1);
    const Answer a = fetch(url, "POST", "/auth/jwt/create/", {},
                           QJsonDocument(QJsonObject { { QStringLiteral("username"), name }, { QStringLiteral("password"), password } })
                               .toJson(QJsonDocument::Compact));
    return a.json().toObject().value(QStringLiteral("access")).toString().toLatin1();
}

// Every record of a list, page by page (page_size where offered).
QList<QJsonObject> readAll(const QUrl &url, const QByteArray &path, const QByteArray &token)
{
    QList<QJsonObject> out;
    for (int page = 1;; ++page) {
        const Answer a = fetch(url, "GET", path + "?page_size=500&page=" + QByteArray::number(page), token);
        if (a.status != 200)
            break;
        const QJsonObject o = a.json().toObject();
        for (const QJsonValue &v : o.value(QStringLiteral("results")).toArray())
            out << v.toObject();
        if (o.value(QStringLiteral("next")).isNull())
            break;
    }
    return out;
}

// The change feed from `since` to its end: the latest entry of each record.
bool readFeed(const QUrl &url, const QByteArray &token, qint64 since, QHash<QString, QJsonObject> *latest, qint64 *entries,
              QString *problem)
{
    for (;;) {
        const Answer a = fetch(url, "GET", "/api/changes?limit=1000&since=" + QByteArray::number(since), token);
        if (a.status != 200) {
            *problem = QStringLiteral("GET /api/changes answered %1").arg(a.status);
            return false;
        }
        const QJsonObject o = a.json().toObject();
        const QJsonArray changes = o.value(QStringLiteral("changes")).toArray();
        qint64 last = since;
        for (const QJsonValue &v : changes) {
            const QJsonObject c = v.toObject();
            const qint64 seq = c.value(QStringLiteral("seq")).toInteger();
            if (seq <= last) {
                *problem = QStringLiteral("the feed went back from %1 to %2").arg(last).arg(seq);
                return false;
            }
            last = seq;
            ++*entries;
            latest->insert(c.value(QStringLiteral("entity")).toString() + u'/'
                               + QString::number(c.value(QStringLiteral("id")).toInteger()),
                           c);
        }
        const qint64 next = o.value(QStringLiteral("next")).toInteger();
        if (changes.isEmpty() || next <= since)
            return true;
        since = next;
    }
}

// Where the change feed ends now: `next` of its last page.
qint64 feedHead(const QUrl &url, const QByteArray &token)
{
    for (qint64 since = 0;;) {
        const Answer a = fetch(url, "GET", "/api/changes?limit=1000&since=" + QByteArray::number(since), token);
        const QJsonObject o = a.json().toObject();
        const qint64 next = o.value(QStringLiteral("next")).toInteger();
        if (a.status != 200 || o.value(QStringLiteral("changes")).toArray().isEmpty() || next <= since)
            return std::max(since, next);
        since = next;
    }
}

QString money(qint64 cents)
{
    return QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_load"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A mixed read/write load on a running littlelemon-server, then checks."));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("url"), QStringLiteral("The server, e.g. http://127.0.0.1:8000."), QStringLiteral("URL") },
        { QStringLiteral("connections"), QStringLiteral("Concurrent keep-alive connections (200)."), QStringLiteral("N"), QStringLiteral("200") },
        { QStringLiteral("duration"), QStringLiteral("Seconds of load (60)."), QStringLiteral("S"), QStringLiteral("60") },
        { QStringLiteral("manager"), QStringLiteral("A manager's NAME:PASSWORD (repeat for more)."), QStringLiteral("NAME:PASSWORD") },
        { QStringLiteral("customer"), QStringLiteral("A customer's NAME:PASSWORD (repeat)."), QStringLiteral("NAME:PASSWORD") },
        { QStringLiteral("crew"), QStringLiteral("A delivery crew member's NAME:PASSWORD (repeat)."), QStringLiteral("NAME:PASSWORD") },
        { QStringLiteral("server-pid"), QStringLiteral("The server's process id, for its RSS."), QStringLiteral("PID") },
        { QStringLiteral("data-dir"), QStringLiteral("The server's data directory, to check the SQLite file too."), QStringLiteral("DIR") },
    });
    parser.process(app);

    const QUrl url(parser.value(QStringLiteral("url")));
    const int connections = parser.value(QStringLiteral("connections")).toInt();
    const int duration = parser.value(QStringLiteral("duration")).toInt();
    const qint64 pid = parser.value(QStringLiteral("server-pid")).toLongLong();
    if (!url.isValid() || url.port() <= 0 || connections < 1 || duration < 1 || parser.values(QStringLiteral("manager")).isEmpty()) {
        std::fprintf(stderr, "bench_load: --url http://HOST:PORT and at least one --manager NAME:PASSWORD are needed\n");
        return 2;
    }

    // ---- setup: features, tokens, who owns what ----
    Features features;
    {
        const QJsonArray list = fetch(url, "GET", "/api/meta").json().toObject().value(QStringLiteral("features")).toArray();
        for (const QJsonValue &f : list) {
            features.stages |= f.toString() == u"stages";
            features.counterOrders |= f.toString() == u"counter_orders";
            features.changes |= f.toString() == u"changes";
            features.idempotency |= f.toString() == u"idempotency";
        }
    }
    Users users;
    for (const QString &m : parser.values(QStringLiteral("manager")))
        users.managers << login(url, m);
    for (const QString &c : parser.values(QStringLiteral("customer")))
        users.customers << login(url, c);
    for (const QString &c : parser.values(QStringLiteral("crew")))
        users.crew << login(url, c);
    for (const auto *list : { &users.managers, &users.customers, &users.crew }) {
        if (list->contains(QByteArray())) {
            std::fprintf(stderr, "bench_load: a sign-in failed\n");
            return 2;
        }
    }
    const QByteArray manager = users.managers.first();
    QList<QJsonObject> allOrders = readAll(url, "/api/orders", manager);
    const QList<QJsonObject> allItems = readAll(url, "/api/menu-items", manager);
    if (allOrders.isEmpty() || allItems.isEmpty()) {
        std::fprintf(stderr, "bench_load: the server has no orders or menu items to work on\n");
        return 2;
    }
    QList<qint64> itemIds;
    for (const QJsonObject &i : allItems) {
        if (i.value(QStringLiteral("available")).toBool(true))
            itemIds << i.value(QStringLiteral("id")).toInteger();
    }
    Results results;
    std::vector<Client> clients(static_cast<size_t>(connections));
    for (int i = 0; i < connections; ++i) {
        clients[size_t(i)].index = i;
        clients[size_t(i)].connection = std::make_unique<Connection>(url);
    }
    for (qsizetype n = 0; n < allOrders.size(); ++n) {
        const QJsonObject &o = allOrders.at(n);
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        const QString stage = features.stages ? o.value(QStringLiteral("stage")).toString()
                                              : (o.value(QStringLiteral("status")).toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        if (stage == u"cancelled")
            continue;
        clients[size_t(n % connections)].orders << id;
        results.stages.insert(id, stage);
    }
    for (qsizetype n = 0; n < allItems.size(); ++n) {
        const qint64 id = allItems.at(n).value(QStringLiteral("id")).toInteger();
        clients[size_t(n % connections)].items << id;
        results.prices.insert(id, allItems.at(n).value(QStringLiteral("price")).toString());
    }
    const QHash<qint64, QString> stagesAtStart = results.stages;
    const QHash<qint64, QString> pricesAtStart = results.prices;
    const qint64 feedStart = features.changes ? feedHead(url, manager) : 0;
    const QByteArray runId = QUuid::createUuid().toByteArray(QUuid::Id128).left(8);

    // The mix, in percent: 65 reads, 35 writes (those the server offers).
    QList<QPair<int, int>> mix { { MenuPage, 15 }, { MenuItemRead, 10 }, { OrdersManager, 15 }, { OrdersCustomer, 8 },
                                 { OrdersCrew, 5 },  { StageMove, 15 },    { PriceEdit, 10 } };
    mix << qMakePair(int(features.changes ? Changes : OrdersManager), 12);
    mix << qMakePair(int(features.counterOrders ? CounterOrder : StageMove), 10);
    if (users.customers.isEmpty())
        users.customers = users.managers;
    if (users.crew.isEmpty())
        users.crew = users.managers;
    const int pages = int(std::max<qsizetype>(1, allOrders.size() / 3));
    const int menuPages = int(std::max<qsizetype>(1, allItems.size() / 3));

    QElapsedTimer clock;
    bool running = true;
    qint64 feedCursor = feedStart;
    std::function<void(Client &)> next;
    next = [&](Client &c) {
        if (!running)
            return;
        QRandomGenerator *rng = QRandomGenerator::global();
        int roll = int(rng->bounded(100));
        int kind = mix.first().first;
        for (const auto &[k, weight] : mix) {
            if (roll < weight) {
                kind = k;
                break;
            }
            roll -= weight;
        }
        if (kind == StageMove && c.orders.isEmpty())
            kind = MenuPage;
        if (kind == PriceEdit && c.items.isEmpty())
            kind = MenuItemRead;
        QByteArray method = "GET";
        QByteArray target;
        QByteArray token;
        QByteArray body;
        QByteArray headers;
        switch (kind) {
        case MenuPage:
            target = "/api/menu-items?page=" + QByteArray::number(1 + rng->bounded(menuPages));
            break;
        case MenuItemRead:
            target = "/api/menu-items/" + QByteArray::number(itemIds.at(rng->bounded(int(itemIds.size()))));
            token = users.customers.at(c.index % users.customers.size());
            break;
        case OrdersManager:
            target = "/api/orders?page=" + QByteArray::number(1 + rng->bounded(pages));
            token = users.managers.at(c.index % users.managers.size());
            break;
        case OrdersCustomer:
            target = "/api/orders?page=1";
            token = users.customers.at(c.index % users.customers.size());
            break;
        case OrdersCrew:
            target = "/api/orders?page=1";
            token = users.crew.at(c.index % users.crew.size());
            break;
        case Changes:
            // A terminal polling the recent past.
            target = "/api/changes?limit=100&since=" + QByteArray::number(std::max<qint64>(feedStart, feedCursor - 50));
            token = users.managers.at(c.index % users.managers.size());
            break;
        case StageMove: {
            const qint64 order = c.orders.at(c.nextOrder++ % c.orders.size());
            const QString now = results.stages.value(order);
            QString to;
            if (features.stages) {
                const int at = int(kStages.indexOf(now));
                // Forward one stage; from delivered, a manager's step back.
                to = at + 1 < kStages.size() ? kStages.at(at + 1) : kStages.at(at - 1);
                body = "{\"stage\":\"" + to.toLatin1() + "\"}";
            } else {
                to = now == u"true" ? QStringLiteral("false") : QStringLiteral("true");
                body = "{\"status\":" + to.toLatin1() + "}";
            }
            method = "PATCH";
            target = "/api/orders/" + QByteArray::number(order);
            token = users.managers.at(c.index % users.managers.size());
            c.writeTarget = order;
            c.writeValue = to;
            break;
        }
        case CounterOrder: {
            const QString note = QStringLiteral("load-%1-%2-%3").arg(QString::fromLatin1(runId)).arg(c.index).arg(c.counterOrders++);
            QJsonArray lines;
            for (int l = 0, n = 1 + int(rng->bounded(3)); l < n; ++l)
                lines.append(QJsonObject { { QStringLiteral("menuitem"), itemIds.at(rng->bounded(int(itemIds.size()))) },
                                           { QStringLiteral("quantity"), 1 + int(rng->bounded(3)) } });
            body = QJsonDocument(QJsonObject { { QStringLiteral("items"), lines }, { QStringLiteral("note"), note } })
                       .toJson(QJsonDocument::Compact);
            method = "POST";
            target = "/api/orders";
            token = users.managers.at(c.index % users.managers.size());
            if (features.idempotency)
                headers = "Idempotency-Key: " + note.toLatin1() + "\r\n";
            c.writeValue = note;
            break;
        }
        case PriceEdit: {
            const qint64 item = c.items.at(c.nextItem++ % c.items.size());
            const QString price = money(100 + rng->bounded(9000));
            body = "{\"price\":\"" + price.toLatin1() + "\"}";
            method = "PATCH";
            target = "/api/menu-items/" + QByteArray::number(item);
            token = users.managers.at(c.index % users.managers.size());
            c.writeTarget = item;
            c.writeValue = price;
            break;
        }
        default:
            break;
        }
        const qint64 started = clock.nsecsElapsed();
        c.connection->send(method, target, token, body, headers, [&, kind, started](const Answer &a) {
            const qint64 us = (clock.nsecsElapsed() - started) / 1000;
            ++results.requests;
            if (a.status == 0) {
                ++results.connectionErrors;
                if (kind == CounterOrder)
                    results.unanswered.insert(c.writeValue);
                else if (isWrite(kind))
                    results.unansweredTargets.insert(c.writeTarget);
            } else {
                results.statuses[a.status] += 1;
                results.latencyUs[kind].push_back(us);
                if (isWrite(kind))
                    ++results.writes;
                if (a.status == 200 || a.status == 201) {
                    if (kind == StageMove)
                        results.stages.insert(c.writeTarget, c.writeValue);
                    else if (kind == PriceEdit)
                        results.prices.insert(c.writeTarget, c.writeValue);
                    else if (kind == CounterOrder)
                        results.orders.insert(c.writeValue, a.json().toObject().value(QStringLiteral("order_id")).toInteger());
                    else if (kind == Changes)
                        feedCursor = std::max(feedCursor, feedNext(a.body));
                } else if (a.status >= 500) {
                    std::fprintf(stderr, "%d on %s: %s\n", a.status, kindName(kind), a.body.left(200).constData());
                }
            }
            next(c);
        });
    };

    // ---- the run ----
    const double rssStart = rssMb(pid);
    out() << "== bench/load: " << connections << " connections for " << duration << " s on " << url.toString()
          << "\n   " << allItems.size() << " menu items, " << allOrders.size() << " orders; "
          << users.managers.size() << " managers, " << users.customers.size() << " customers, " << users.crew.size()
          << " crew; extensions:" << (features.stages ? " stages" : "") << (features.counterOrders ? " counter_orders" : "")
          << (features.changes ? " changes" : "") << (features.idempotency ? " idempotency" : "") << Qt::endl;
    const CpuSample cpuStart = CpuSample::take(pid);
    clock.start();
    for (Client &c : clients)
        next(c);
    // The server's RSS every 10 s: growth that levels off is caches filling,
    // growth that does not is a leak.
    QStringList rssSamples;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] { rssSamples << QString::number(rssMb(pid), 'f', 1); });
    if (pid > 0)
        sampler.start(10000);
    QEventLoop loop;
    QTimer::singleShot(duration * 1000, &loop, [&] {
        running = false;
        loop.quit();
    });
    loop.exec();
    const double elapsed = clock.nsecsElapsed() / 1e9;
    const qint64 countedRequests = results.requests;
    const CpuSample cpuEnd = CpuSample::take(pid);
    // Let the requests on their way finish (they count for the checks, not the rate).
    QElapsedTimer drain;
    drain.start();
    while (std::any_of(clients.begin(), clients.end(), [](const Client &c) { return c.connection->busy(); })
           && drain.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    const double rssEnd = rssMb(pid);
    const double rssPeak = rssMb(pid, "VmHWM:");
    for (Client &c : clients)
        c.connection.reset();

    // ---- figures ----
    std::vector<qint64> all;
    qint64 reads = 0;
    for (int k = 0; k < KindCount; ++k) {
        all.insert(all.end(), results.latencyUs[k].begin(), results.latencyUs[k].end());
        if (!isWrite(k))
            reads += qint64(results.latencyUs[k].size());
    }
    const double rate = countedRequests / elapsed;
    out() << QStringLiteral("requests       %1 in %2 s = %3 req/s (reads %4 %, writes %5 %)")
                 .arg(countedRequests).arg(elapsed, 0, 'f', 1).arg(rate, 0, 'f', 0)
                 .arg(100.0 * reads / std::max<qint64>(1, qint64(all.size())), 0, 'f', 0)
                 .arg(100.0 * results.writes / std::max<qint64>(1, qint64(all.size())), 0, 'f', 0)
          << Qt::endl;
    out() << QStringLiteral("latency        p50 %1 ms   p99 %2 ms   max %3 ms")
                 .arg(percentile(all, 0.50) / 1000.0, 0, 'f', 2).arg(percentile(all, 0.99) / 1000.0, 0, 'f', 2)
                 .arg(percentile(all, 1.0) / 1000.0, 0, 'f', 2)
          << Qt::endl;
    for (int k = 0; k < KindCount; ++k) {
        if (results.latencyUs[k].empty())
            continue;
        out() << QStringLiteral("  %1 %2   p50 %3 ms   p99 %4 ms")
                     .arg(QString::fromLatin1(kindName(k)), -26).arg(results.latencyUs[k].size(), 8)
                     .arg(percentile(results.latencyUs[k], 0.5) / 1000.0, 6, 'f', 2)
                     .arg(percentile(results.latencyUs[k], 0.99) / 1000.0, 6, 'f', 2)
              << Qt::endl;
    }
    QStringList byStatus;
    qint64 serverErrors = 0;
    for (auto it = results.statuses.cbegin(); it != results.statuses.cend(); ++it) {
        byStatus << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
        if (it.key() >= 500)
            serverErrors += it.value();
    }
    out() << "statuses       " << byStatus.join(QStringLiteral("   ")) << "   connection errors: " << results.connectionErrors
          << Qt::endl;

    // ---- checks: every acknowledged write exactly once, the feed agrees ----
    QStringList problems;
    // Over HTTP: every order as a manager lists them; each acknowledged
    // counter order is there under its id with its note, and no refused one is.
    QHash<qint64, QString> stagesNow;
    QHash<qint64, QString> pricesNow;
    QHash<QString, int> notesNow;
    QHash<QString, qint64> idsNow;
    for (const QJsonObject &o : readAll(url, "/api/orders", manager)) {
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        stagesNow.insert(id, features.stages ? o.value(QStringLiteral("stage")).toString()
                                             : (o.value(QStringLiteral("status")).toBool() ? QStringLiteral("true") : QStringLiteral("false")));
        const QString note = o.value(QStringLiteral("note")).toString();
        if (note.startsWith(QStringLiteral("load-") + QString::fromLatin1(runId))) {
            notesNow[note] += 1;
            idsNow.insert(note, id);
        }
    }
    qint64 checkedOrders = 0;
    for (auto it = results.orders.cbegin(); it != results.orders.cend(); ++it) {
        if (notesNow.value(it.key()) != 1 || idsNow.value(it.key()) != it.value())
            problems << QStringLiteral("order %1 (%2) is listed %3 times").arg(it.value()).arg(it.key()).arg(notesNow.value(it.key()));
        else
            ++checkedOrders;
    }
    for (auto it = notesNow.cbegin(); it != notesNow.cend(); ++it) {
        if (!results.orders.contains(it.key()) && !results.unanswered.contains(it.key()))
            problems << QStringLiteral("%1 is listed but was never acknowledged").arg(it.key());
    }
    for (const QJsonObject &i : readAll(url, "/api/menu-items", manager))
        pricesNow.insert(i.value(QStringLiteral("id")).toInteger(), i.value(QStringLiteral("price")).toString());
    int stageMoved = 0;
    int priceEdited = 0;
    for (auto it = results.stages.cbegin(); it != results.stages.cend(); ++it) {
        if (results.unansweredTargets.contains(it.key()))
            continue;
        stageMoved += stagesAtStart.value(it.key()) != it.value();
        if (stagesNow.value(it.key()) != it.value())
            problems << QStringLiteral("order %1 is %2, acknowledged %3").arg(it.key()).arg(stagesNow.value(it.key()), it.value());
    }
    for (auto it = results.prices.cbegin(); it != results.prices.cend(); ++it) {
        if (results.unansweredTargets.contains(it.key()))
            continue;
        priceEdited += pricesAtStart.value(it.key()) != it.value();
        if (pricesNow.value(it.key()) != it.value())
            problems << QStringLiteral("menu item %1 costs %2, acknowledged %3").arg(it.key()).arg(pricesNow.value(it.key()), it.value());
    }
    // In the SQLite file: each note once, with the acknowledged id.
    QString dbVerdict = QStringLiteral("not checked (no --data-dir)");
    if (parser.isSet(QStringLiteral("data-dir"))) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(parser.value(QStringLiteral("data-dir")) + QStringLiteral("/littlelemon.sqlite3"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            problems << QStringLiteral("cannot open the database file");
        } else {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT note, count(*), min(id) FROM orders WHERE note LIKE 'load-%1-%' GROUP BY note")
                       .arg(QString::fromLatin1(runId)));
            qint64 rows = 0;
            QSet<QString> seen;
            while (q.next()) {
                ++rows;
                const QString note = q.value(0).toString();
                seen.insert(note);
                if (q.value(1).toInt() != 1)
                    problems << QStringLiteral("%1 is in the database %2 times").arg(note).arg(q.value(1).toInt());
                else if (results.orders.contains(note) && results.orders.value(note) != q.value(2).toLongLong())
                    problems << QStringLiteral("%1 has id %2, acknowledged %3").arg(note).arg(q.value(2).toLongLong()).arg(results.orders.value(note));
                else if (!results.orders.contains(note) && !results.unanswered.contains(note))
                    problems << QStringLiteral("%1 is in the database but was refused").arg(note);
            }
            for (auto it = results.orders.cbegin(); it != results.orders.cend(); ++it) {
                if (!seen.contains(it.key()))
                    problems << QStringLiteral("%1 was acknowledged but is not in the database").arg(it.key());
            }
            QSqlQuery integrity(db);
            integrity.exec(QStringLiteral("PRAGMA quick_check"));
            const QString check = integrity.next() ? integrity.value(0).toString() : QStringLiteral("no answer");
            if (check != u"ok")
                problems << QStringLiteral("quick_check: %1").arg(check);
            dbVerdict = QStringLiteral("%1 counter orders, each once; quick_check %2").arg(rows).arg(check);
            db.close();
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }
    // The change feed: the latest entry of every written record is the record.
    QString feedVerdict = QStringLiteral("not offered by this server");
    if (features.changes) {
        QHash<QString, QJsonObject> latest;
        qint64 entries = 0;
        QString problem;
        if (!readFeed(url, manager, feedStart, &latest, &entries, &problem)) {
            problems << problem;
        } else {
            int agreed = 0;
            for (auto it = results.orders.cbegin(); it != results.orders.cend(); ++it) {
                const QJsonObject data = latest.value(QStringLiteral("order/%1").arg(it.value())).value(QStringLiteral("data")).toObject();
                if (data.value(QStringLiteral("note")).toString() != it.key())
                    problems << QStringLiteral("the feed has no order %1 (%2)").arg(it.value()).arg(it.key());
                else
                    ++agreed;
            }
            for (auto it = results.stages.cbegin(); it != results.stages.cend(); ++it) {
                if (stagesAtStart.value(it.key()) == it.value() || results.unansweredTargets.contains(it.key()))
                    continue;
                const QJsonObject data = latest.value(QStringLiteral("order/%1").arg(it.key())).value(QStringLiteral("data")).toObject();
                const QString said = features.stages ? data.value(QStringLiteral("stage")).toString()
                                                     : (data.value(QStringLiteral("status")).toBool() ? QStringLiteral("true") : QStringLiteral("false"));
                if (said != it.value())
                    problems << QStringLiteral("the feed says order %1 is %2, the server %3").arg(it.key()).arg(said, it.value());
                else
                    ++agreed;
            }
            for (auto it = results.prices.cbegin(); it != results.prices.cend(); ++it) {
                if (pricesAtStart.value(it.key()) == it.value() || results.unansweredTargets.contains(it.key()))
                    continue;
                const QString said = latest.value(QStringLiteral("menu-item/%1").arg(it.key())).value(QStringLiteral("data")).toObject()
                                         .value(QStringLiteral("price")).toString();
                if (said != it.value())
                    problems << QStringLiteral("the feed says menu item %1 costs %2, the server %3").arg(it.key()).arg(said, it.value());
                else
                    ++agreed;
            }
            feedVerdict = QStringLiteral("%1 entries since seq %2; %3 written records agree").arg(entries).arg(feedStart).arg(agreed);
        }
    }
    out() << QStringLiteral("writes         %1 counter orders acknowledged (read back: %2), %3 orders moved, %4 dishes repriced; %5 unanswered")
                 .arg(results.orders.size()).arg(checkedOrders).arg(stageMoved).arg(priceEdited)
                 .arg(results.unanswered.size() + results.unansweredTargets.size())
          << Qt::endl;
    out() << "database       " << dbVerdict << Qt::endl;
    out() << "change feed    " << feedVerdict << Qt::endl;
    if (pid > 0) {
        out() << QStringLiteral("server RSS     start %1 MB, end %2 MB (growth %3 MB), peak %4 MB")
                     .arg(rssStart, 0, 'f', 1).arg(rssEnd, 0, 'f', 1).arg(rssEnd - rssStart, 0, 'f', 1).arg(rssPeak, 0, 'f', 1)
              << Qt::endl;
        out() << "server RSS/10s " << rssSamples.join(QStringLiteral(" ")) << " MB" << Qt::endl;
    }
    // What a request costs, in CPU: steadier than the rate when the machine
    // is shared (the rate moves with a neighbour's load, this much less).
    if (countedRequests > 0) {
        auto perRequest = [&](double start, double end) {
            return start < 0 || end < 0 ? QStringLiteral("?")
                                        : QString::number((end - start) * 1e6 / double(countedRequests), 'f', 0);
        };
        out() << "CPU/request    server " << perRequest(cpuStart.server, cpuEnd.server) << " us (its main thread "
              << perRequest(cpuStart.serverMain, cpuEnd.serverMain) << " us), this driver "
              << perRequest(cpuStart.driver, cpuEnd.driver) << " us" << Qt::endl;
    }
    auto verdict = [](bool met) { return met ? QStringLiteral("met") : QStringLiteral("MISSED"); };
    // Issue 16: >= 8,000 mixed req/s and p99 <= 40 ms at 200 connections.
    out() << "targets        >= 8000 req/s: " << verdict(rate >= 8000)
          << "   p99 <= 40 ms: " << verdict(percentile(all, 0.99) <= 40000) << "   no 5xx: " << verdict(serverErrors == 0)
          << "   lost or doubled writes 0: " << verdict(problems.isEmpty());
    if (pid > 0)
        out() << "   RSS growth <= 20 MB: " << verdict(rssEnd - rssStart <= 20);
    out() << Qt::endl;
    for (const QString &p : std::as_const(problems).mid(0, 30))
        out() << "PROBLEM: " << p << Qt::endl;
    return problems.isEmpty() && serverErrors == 0 ? 0 : 1;
}
