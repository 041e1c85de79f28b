#pragma once

#include <QWidget>

class QProgressBar;
class QTimer;
class QToolButton;

namespace LittleLemon::Client {
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
    QToolButton *button() const { return m_button; }

Q_SIGNALS:
    void clicked();

private:
    void refresh();
    // The last run ended early (offline, refused, a bad answer).
    bool stopped() const;

    Client::SyncEngine *m_engine;
    QToolButton *m_button;
    ElidedLabel *m_last;
    QProgressBar *m_progress;
    QTimer *m_clock;
    QTimer *m_progressDelay;
};

} // namespace LittleLemon::Ui
