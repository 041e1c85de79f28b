#pragma once

#include "models/backoff.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

namespace LittleLemon::Client {

class ApiClient;
class ApiJob;

// Whether the server can be reached, and when to look again. Offline is a
// state, not an error: while the server cannot be reached the monitor probes
// GET /health with exponential backoff (initial delay doubling up to a cap,
// 60 s by default, with a little jitter so a room full of terminals does not
// knock at the same instant after an outage), and at once when the operating
// system says the network came back (QNetworkInformation, where a backend
// exists). When a probe is answered it says so with serverReachable().
class ConnectivityMonitor : public QObject
{
    Q_OBJECT

public:
    explicit ConnectivityMonitor(ApiClient *client, QObject *parent = nullptr);
    ~ConnectivityMonitor() override;

    // Unknown until the first exchange: reported as offline.
    bool isOnline() const { return m_online; }
    // Why the server is not reachable, for people ("Cannot reach the server at …").
    QString reason() const { return m_reason; }

    void setBackoff(int initialMs, int maxMs);
    int initialBackoff() const { return m_backoff.initial(); }
    int maxBackoff() const { return m_backoff.maximum(); }
    // The delay before the next probe (without jitter) while offline; 0 online.
    int currentBackoff() const { return m_online ? 0 : m_backoff.delay(); }
    // Probes made since the server was last reachable.
    int failedProbes() const { return m_failedProbes; }
    // Whether the operating system tells us about network changes here.
    bool watchesNetwork() const { return m_watching; }

    // Probing on/off (off: only what the caller reports changes the state).
    void setProbing(bool on);
    bool isProbing() const { return m_probing; }

public Q_SLOTS:
    // An exchange with the server got an answer (any HTTP status).
    void reportReachable();
    // An exchange failed for want of a connection; probing starts.
    void reportUnreachable(const QString &reason);
    // Look now, and start the backoff over (the network came back).
    void probeNow();

Q_SIGNALS:
    void onlineChanged(bool online);
    // A probe was answered while offline: time to sync.
    void serverReachable();

private:
    void setOnline(bool online);
    void scheduleProbe();
    void probe();
    void watchNetwork();

    QPointer<ApiClient> m_client;
    QTimer m_probeTimer;
    QPointer<ApiJob> m_probe;
    QString m_reason;
    Backoff m_backoff { 1000, 60000 };
    int m_failedProbes = 0;
    bool m_online = false;
    bool m_probing = true;
    bool m_watching = false;
};

} // namespace LittleLemon::Client
