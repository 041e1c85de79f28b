#pragma once

#include <QWidget>

class QJsonObject;
class QProgressBar;
class QTimer;
class QToolButton;

namespace LittleLemon::Client {
class ApiClient;
class SyncEngine;
}

namespace LittleLemon::Ui {

class ElidedLabel;

// The sync status, always in the status bar: online / offline / syncing,
// how many changes wait (or were refused, or clash), when the last sync
// was, and a progress bar while a long first sync runs. A click opens the
// outbox (clicked()). Beside the last sync it says how changes arrive:
// "live" (the server's event socket is up) or "checking every N s".
class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(Client::SyncEngine *engine, QWidget *parent = nullptr);

    QString stateText() const;
    QString changesText() const;
    QString lastSyncText() const;
    // How fresh the screen is: "live" while the server pushes changes,
    // "checking every 15 s" while the desk polls, "" when offline.
    QString liveText() const;
    bool isProgressShown() const;

    // Issue 19: where the desk's server is a hub to the cloud (/api/meta
    // has "upstream"), the hub's link is shown too, read after every sync
    // and every 15 s: "Cloud: offline since 19:42, 12 changes waiting".
    void followUpstream(Client::ApiClient *client);
    // What is shown for the hub's link; empty when the server is no hub.
    QString upstreamText() const;
    // The sentence for /api/meta's "upstream" object (empty for none).
    static QString upstreamText(const QJsonObject &upstream);
    // The hub's notices (conflicts resolved, refusals), newest last.
    QStringList upstreamNotices() const { return m_notices; }
    QToolButton *button() const { return m_button; }

Q_SIGNALS:
    void clicked();

private:
    void refresh();
    void readUpstream();
    // The last run ended early (offline, refused, a bad answer).
    bool stopped() const;

    Client::SyncEngine *m_engine;
    QToolButton *m_button;
    ElidedLabel *m_last;
    QProgressBar *m_progress;
    QTimer *m_clock;
    QTimer *m_progressDelay;
    Client::ApiClient *m_client = nullptr;
    ElidedLabel *m_upstream = nullptr;
    QTimer *m_upstreamTimer = nullptr;
    bool m_readingUpstream = false;
    QStringList m_notices;
    QString m_upstreamText;
};

} // namespace LittleLemon::Ui
