#include "ui/outboxwatcher.h"

#include "models/localstore.h"

namespace LittleLemon::Ui {

OutboxWatcher::OutboxWatcher(LocalStore *store, qint64 seq, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_seq(seq)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (!m_done)
            settle(Outcome::StillWaiting);
    });
    connect(store->outbox(), &Outbox::changed, this, &OutboxWatcher::onChanged);
    m_timeout.start(timeoutMs);
    // Nothing was queued (an unsent create taken back), or it is already settled.
    QMetaObject::invokeMethod(this, &OutboxWatcher::check, Qt::QueuedConnection);
}

void OutboxWatcher::onChanged(const OutboxChange &change)
{
    if (change.removed.contains(m_seq) || change.updated.contains(m_seq))
        check();
}

void OutboxWatcher::check()
{
    if (m_done)
        return;
    const auto entry = m_seq > 0 ? m_store->outbox()->entry(m_seq) : std::nullopt;
    if (!entry)
        settle(Outcome::Accepted);
    else if (entry->state == OutboxEntry::State::Failed || entry->state == OutboxEntry::State::Conflict)
        settle(Outcome::Refused, entry->lastError);
}

void OutboxWatcher::settle(Outcome outcome, const QString &message)
{
    m_done = true;
    m_timeout.stop();
    deleteLater();
    Q_EMIT settled(outcome, message);
}

EditSubmission::EditSubmission(LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

void EditSubmission::dropRefused()
{
    if (!m_refused)
        return;
    m_store->outbox()->discard(m_refused);
    m_refused = 0;
}

void EditSubmission::watch(qint64 seq)
{
    m_watcher = new OutboxWatcher(m_store, seq, 15000, this);
    connect(m_watcher, &OutboxWatcher::settled, this, [this, seq](OutboxWatcher::Outcome outcome, const QString &message) {
        m_watcher = nullptr;
        if (outcome == OutboxWatcher::Outcome::Refused)
            m_refused = seq;
        Q_EMIT settled(outcome, message);
    });
}

} // namespace LittleLemon::Ui
