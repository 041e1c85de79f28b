#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

namespace LittleLemon::Test {

// The cloud API's own code (Django/DRF, ../shared/cloud-peer) as a test
// peer: `cloud-peer/run PORT DATADIR` on a free loopback port over a
// temporary DATADIR, throttle on (100 requests a minute per user, 20
// anonymous) unless asked otherwise.
//
//   CloudPeer peer;
//   QVERIFY2(peer.start(), qPrintable(peer.errorString()));   // users admin, mario, crew, cust; the seed menu
//   QVERIFY(peer.addUser("lena", "LemonManager#1", "manager"));
//   QVERIFY(peer.seedOrders("cust", 30, 3));                  // 30 orders of cust, the 3 newest open
//   const qint64 mark = peer.mark();
//   ... talk to peer.url() ...
//   QVERIFY(peer.requests(mark).size() <= 6);
//
// The peer keeps its throttle history in memory: a restart (or kill and
// start) begins a fresh minute. Seed with the throttle off and restart it on
// (restart(Throttle::On)) to keep a test's budget for the test. Users and
// orders are written straight into the peer's database through Django (the
// same settings the run script writes), which costs no requests.
//
// Everything blocks (a few seconds at most); the destructor kills a peer
// still running. Needs Debian's Django packages: missingPackages() names
// the ones not installed, and start() fails with that list.
class CloudPeer : public QObject
{
    Q_OBJECT

public:
    enum class Throttle { On, Off };

    // One line of DATADIR/access.log (gunicorn's own format).
    struct Request
    {
        QByteArray method;
        QString path;  // with its query
        int status = 0;
        QString userAgent;
    };

    explicit CloudPeer(QObject *parent = nullptr);
    ~CloudPeer() override;

    // ../shared/cloud-peer/run as the build found it (LL_CLOUD_PEER_RUN).
    static QString runScript();
    // The Debian packages the peer needs that are not installed; empty when all are.
    static QStringList missingPackages();

    // Use this DATADIR instead of a fresh temporary one (before start()).
    void setDataDir(const QString &path);
    // Run the peer's clock `seconds` ahead of this machine's (libfaketime),
    // from the next start()/restart() on: tokens it issued earlier expire.
    void setClockOffset(qint64 seconds) { m_clockOffsetS = seconds; }

    // Starts it (a new DATADIR gets the four users, and the seed menu when
    // `menu`); false with errorString() when it did not come up.
    bool start(Throttle throttle = Throttle::On, bool menu = true, int timeoutMs = 60000);
    // Kills it and starts it again on the same DATADIR and port.
    bool restart(Throttle throttle = Throttle::On, int timeoutMs = 60000);
    // SIGKILL to the whole peer (gunicorn and its worker): a crash or an outage.
    void kill();
    bool isRunning() const;

    QUrl url() const;                        // "http://127.0.0.1:PORT"
    QUrl url(const QString &pathAndQuery) const;
    quint16 port() const { return m_port; }
    QString dataDir() const { return m_dataDir; }
    QString errorString() const { return m_error; }
    Throttle throttle() const { return m_throttle; }

    // --- the access log: every request the peer answered --------------------
    // Where the log stands now; pass it to requests() to count what follows.
    qint64 mark() const;
    // The requests logged after `mark` (0: all), optionally only those whose
    // User-Agent starts with `userAgent` (the desk and the CLI send
    // "LittleLemonDesk/"). The log carries no user names: give each client
    // its own User-Agent, or its own peer, to count per client.
    QList<Request> requests(qint64 mark = 0, const QString &userAgent = QString()) const;
    // Waits until `count` requests after `mark` are in the log (gunicorn
    // writes a line after the answer went out).
    bool waitForRequests(qint64 mark, int count, int timeoutMs = 5000) const;

    // --- data, straight into the database -----------------------------------
    // group: "manager", "delivery-crew", "customer" or "admin".
    bool addUser(const QString &username, const QString &password, const QString &group);
    // `count` orders of `customer` (each one line of the first menu item),
    // all delivered except the `openNewest` newest; returns false on error.
    bool seedOrders(const QString &customer, int count, int openNewest = 0);
    // Runs Python in Django's shell (models importable as in the run script);
    // what it prints is returned. Empty with errorString() on failure.
    QByteArray python(const QString &code, bool *ok = nullptr);
    // The same, for a test's QCOMPARE: what it printed, trimmed, or "error: …".
    QString pythonText(const QString &code);

private:
    bool launch(Throttle throttle, bool menu, int timeoutMs);
    QString logPath() const;

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dataDir;
    quint16 m_port = 0;
    qint64 m_pid = 0;
    qint64 m_clockOffsetS = 0;
    Throttle m_throttle = Throttle::On;
    bool m_menu = true;
    QString m_error;
};

} // namespace LittleLemon::Test
