#include "api/client/connectivitymonitor.h"

#include "api/client/apiclient.h"
#include "api/client/synclog.h"

#include <QNetworkInformation>
#include <QRandomGenerator>

namespace LittleLemon::Client {

namespace {

// A probe is one small GET: give up on it long before the next one is due.
constexpr int kProbeTimeoutMs = 5000;

} // namespace

ConnectivityMonitor::ConnectivityMonitor(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_probeTimer.setSingleShot(true);
    connect(&m_probeTimer, &QTimer::timeout, this, &ConnectivityMonitor::probe);
    watchNetwork();
}

ConnectivityMonitor::~ConnectivityMonitor()
{
    if (m_probe)
        m_probe->abort();
}

void ConnectivityMonitor::setBackoff(int initialMs, int maxMs)
{
    m_backoff.setLimits(initialMs, maxMs);
}

void ConnectivityMonitor::setProbing(bool on)
{
    m_probing = on;
    if (!on)
        m_probeTimer.stop();
    else if (!m_online && !m_reason.isEmpty())
        scheduleProbe();
}

void ConnectivityMonitor::reportReachable()
{
    m_probeTimer.stop();
    m_backoff.reset();
    m_failedProbes = 0;
    m_reason.clear();
    setOnline(true);
}

void ConnectivityMonitor::reportUnreachable(const QString &reason)
{
    m_reason = reason;
    const bool wasOnline = m_online;
    setOnline(false);
    if (wasOnline)
        m_backoff.reset();
    if (!m_probeTimer.isActive() && !m_probe)
        scheduleProbe();
}

void ConnectivityMonitor::probeNow()
{
    m_backoff.reset();
    m_probeTimer.stop();
    probe();
}

void ConnectivityMonitor::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    qCInfo(lcSync).noquote() << (online ? "server reachable" : "server unreachable:") << m_reason;
    Q_EMIT onlineChanged(online);
}

void ConnectivityMonitor::scheduleProbe()
{
    if (!m_probing)
        return;
    // ±10 %: terminals that lost the server together should not all come back in the same millisecond.
    const double jitter = 0.9 + 0.2 * QRandomGenerator::global()->generateDouble();
    m_probeTimer.start(int(m_backoff.delay() * jitter));
    qCDebug(lcSync) << "next probe in" << m_probeTimer.interval() << "ms";
}

void ConnectivityMonitor::probe()
{
    if (!m_client || m_probe)
        return;
    auto *job = m_client->health();
    job->setTimeout(kProbeTimeoutMs);
    m_probe = job;
    job->then(this, [this](const Result<QString> &result) {
        m_probe = nullptr;
        const ApiError::Kind kind = result.error().kind();
        // Aborted: the probe's own timeout gave up on it.
        const bool unreachable = !result.ok() && (ApiError::isUnreachable(kind) || kind == ApiError::Kind::Aborted);
        if (!unreachable) {
            // Any answer, even an error page, means the server is there.
            const bool wasOnline = m_online;
            reportReachable();
            if (!wasOnline)
                Q_EMIT serverReachable();
            return;
        }
        ++m_failedProbes;
        m_reason = result.error().userMessage();
        setOnline(false);
        m_backoff.fail();
        scheduleProbe();
    });
}

void ConnectivityMonitor::watchNetwork()
{
    // One backend per process, shared by every monitor; none on a machine
    // without NetworkManager (probing alone then finds the server again).
    if (!QNetworkInformation::instance())
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info || !info->supports(QNetworkInformation::Feature::Reachability))
        return;
    m_watching = true;
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                qCInfo(lcSync) << "network reachability:" << int(reachability);
                // A LAN or loopback server may answer whatever the system thinks
                // of the internet: a change is only a reason to look now.
                if (reachability != QNetworkInformation::Reachability::Disconnected && !m_online
                    && !m_reason.isEmpty() && m_probing)
                    probeNow();
            });
}

} // namespace LittleLemon::Client
