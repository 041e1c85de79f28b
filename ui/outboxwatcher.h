#pragma once

#include <QObject>
#include <QTimer>

namespace LittleLemon {
class LocalStore;
struct OutboxChange;
} // namespace LittleLemon

namespace LittleLemon::Ui {

// Follows one outbox entry to its end, for a dialog that waits for the
// server's word: accepted (gone from the outbox), refused (with the server's
// words; a conflict counts as refused), or still waiting after `timeoutMs`.
// It says so once, with settled(), and then deletes itself.
class OutboxWatcher : public QObject
{
    Q_OBJECT

public:
    OutboxWatcher(LocalStore *store, qint64 seq, int timeoutMs = 15000, QObject *parent = nullptr);

    enum class Outcome { Accepted, Refused, StillWaiting };

    qint64 seq() const { return m_seq; }

Q_SIGNALS:
    void settled(LittleLemon::Ui::OutboxWatcher::Outcome outcome, const QString &message);

private:
    void onChanged(const OutboxChange &change);
    void check();
    void settle(Outcome outcome, const QString &message = QString());

    LocalStore *m_store;
    qint64 m_seq;
    QTimer m_timeout;
    bool m_done = false;
};

// A dialog's edit on its way to the server. The dialog queues the edit and
// calls watch(); settled() says how it ended. A refused edit is remembered:
// the corrected one replaces it (dropRefused() before queueing again), and a
// dialog closed after a refusal drops it, so the server's version stays.
class EditSubmission : public QObject
{
    Q_OBJECT

public:
    EditSubmission(LocalStore *store, QObject *parent);

    bool isWaiting() const { return m_watcher != nullptr; }
    void dropRefused();
    void watch(qint64 seq);

Q_SIGNALS:
    void settled(LittleLemon::Ui::OutboxWatcher::Outcome outcome, const QString &message);

private:
    LocalStore *m_store;
    OutboxWatcher *m_watcher = nullptr;
    qint64 m_refused = 0;
};

} // namespace LittleLemon::Ui
