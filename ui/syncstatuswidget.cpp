#include "ui/syncstatuswidget.h"

#include "api/client/apiclient.h"
#include "api/client/requestjob.h"
#include "api/client/syncengine.h"
#include "ui/elidedlabel.h"
#include "ui/theme.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

namespace LittleLemon::Ui {

namespace {
QIcon dot(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(color.darker(130));
    p.setBrush(color);
    p.drawEllipse(QRectF(2, 2, 12, 12));
    return QIcon(pixmap);
}

// A sync that takes longer than this gets a progress bar.
constexpr int kProgressDelayMs = 1200;
} // namespace

SyncStatusWidget::SyncStatusWidget(Client::SyncEngine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_button(new QToolButton(this))
    , m_last(new ElidedLabel(this))
    , m_progress(new QProgressBar(this))
    , m_clock(new QTimer(this))
    , m_progressDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("syncStatus"));
    m_button->setObjectName(QStringLiteral("syncStatusButton"));
    m_button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_button->setAutoRaise(true);
    m_button->setCursor(Qt::PointingHandCursor);
    connect(m_button, &QToolButton::clicked, this, &SyncStatusWidget::clicked);
    m_last->setObjectName(QStringLiteral("lastSync"));
    m_last->setProperty("role", QStringLiteral("hint"));
    // Up to a third of a small screen; longer words are elided, whole in the tooltip.
    m_last->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    m_last->setMaximumWidth(460);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(true);
    m_progress->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_button);
    layout->addWidget(m_last);

    m_progressDelay->setSingleShot(true);
    m_progressDelay->setInterval(kProgressDelayMs);
    connect(m_progressDelay, &QTimer::timeout, this, &SyncStatusWidget::refresh);
    // "Last sync 2 min ago" moves on by itself.
    m_clock->setInterval(30 * 1000);
    connect(m_clock, &QTimer::timeout, this, &SyncStatusWidget::refresh);
    m_clock->start();

    using Client::SyncEngine;
    connect(engine, &SyncEngine::statusChanged, this, &SyncStatusWidget::refresh);
    connect(engine, &SyncEngine::countsChanged, this, &SyncStatusWidget::refresh);
    connect(engine, &SyncEngine::lastSyncTimeChanged, this, &SyncStatusWidget::refresh);
    connect(engine, &SyncEngine::progressChanged, this, &SyncStatusWidget::refresh);
    connect(engine, &SyncEngine::liveChanged, this, &SyncStatusWidget::refresh);
    connect(engine, &SyncEngine::syncStarted, this, [this] {
        m_progressDelay->start();
        refresh();
    });
    connect(engine, &SyncEngine::syncFinished, this, [this] {
        m_progressDelay->stop();
        refresh();
    });
    refresh();
}

QString SyncStatusWidget::stateText() const
{
    switch (m_engine->status()) {
    case Client::SyncEngine::Status::Offline:
        return tr("Offline");
    case Client::SyncEngine::Status::Syncing:
        return tr("Syncing…");
    case Client::SyncEngine::Status::Online:
        // Reachable, but the last run did not finish: not "Online" as if all were well.
        if (stopped())
            return tr("Sync stopped");
        return tr("Online");
    }
    return {};
}

QString SyncStatusWidget::changesText() const
{
    const int pending = m_engine->pendingCount();
    const int failed = m_engine->failedCount();
    const int conflicts = m_engine->conflictCount();
    QStringList parts;
    if (pending > 0)
        parts << tr("waiting: %1").arg(pending);
    if (failed > 0)
        parts << tr("refused: %1").arg(failed);
    if (conflicts > 0)
        parts << tr("to resolve: %1").arg(conflicts);
    if (parts.isEmpty())
        return tr("all changes saved");
    return parts.join(QStringLiteral(", "));
}

bool SyncStatusWidget::stopped() const
{
    return m_engine->runCount() > 0 && !m_engine->isSyncing() && !m_engine->lastReport().ok;
}

QString SyncStatusWidget::lastSyncText() const
{
    // A sync that cannot finish says why in the bar itself, not in a tooltip.
    if (stopped() && !m_engine->statusMessage().isEmpty())
        return m_engine->statusMessage();
    const QDateTime last = m_engine->lastSyncTime();
    if (!last.isValid())
        return tr("not synced yet");
    const qint64 seconds = last.secsTo(QDateTime::currentDateTimeUtc());
    if (seconds < 60)
        return tr("synced just now");
    if (seconds < 3600)
        return tr("synced %1 min ago").arg(seconds / 60);
    return tr("last sync %1").arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat));
}

QString SyncStatusWidget::liveText() const
{
    if (m_engine->isLive())
        return tr("live");
    if (m_engine->status() == Client::SyncEngine::Status::Offline || !m_engine->isStarted()
        || m_engine->interval() <= 0)
        return QString();
    return tr("checking every %n s", nullptr, std::max(1, m_engine->interval() / 1000));
}

bool SyncStatusWidget::isProgressShown() const
{
    return !m_progress->isHidden();
}

void SyncStatusWidget::refresh()
{
    const auto status = m_engine->status();
    QColor color = QColor(0x3B, 0xA5, 0x5C);
    if (status == Client::SyncEngine::Status::Offline)
        color = QColor(0x9E, 0x9E, 0x9E);
    else if (status == Client::SyncEngine::Status::Syncing)
        color = Theme::lemon();
    if (m_engine->failedCount() + m_engine->conflictCount() > 0
        || (stopped() && status != Client::SyncEngine::Status::Offline))
        color = QColor(0xD3, 0x3F, 0x2F);
    m_button->setIcon(dot(color));
    m_button->setText(tr("%1 · %2").arg(stateText(), changesText()));
    QString tip = m_engine->statusMessage();
    if (!tip.isEmpty())
        tip += u'\n';
    m_button->setToolTip(tip + tr("Click to see the changes waiting for the server."));
    const QString live = liveText();
    m_last->setFullText(live.isEmpty() || stopped() ? lastSyncText() : tr("%1 · %2").arg(live, lastSyncText()));

    // A long sync (the first one, or many changes) shows how far it is.
    const bool long_ = m_engine->isSyncing() && !m_progressDelay->isActive() && m_engine->progressTotal() > 0;
    if (long_) {
        m_progress->setRange(0, m_engine->progressTotal());
        m_progress->setValue(m_engine->progressDone());
        m_progress->setFormat(m_engine->progressText().isEmpty() ? QStringLiteral("%p%") : m_engine->progressText());
        m_progress->setToolTip(m_engine->progressText());
    }
    m_progress->setVisible(long_);
}

void SyncStatusWidget::followUpstream(Client::ApiClient *client)
{
    if (m_client)
        return;
    m_client = client;
    m_upstream = new ElidedLabel(this);
    m_upstream->setObjectName(QStringLiteral("upstreamStatus"));
    m_upstream->setMaximumWidth(420);
    m_upstream->hide();
    layout()->addWidget(m_upstream);
    m_upstreamTimer = new QTimer(this);
    m_upstreamTimer->setInterval(15 * 1000);
    connect(m_upstreamTimer, &QTimer::timeout, this, &SyncStatusWidget::readUpstream);
    m_upstreamTimer->start();
    connect(m_engine, &Client::SyncEngine::syncFinished, this, &SyncStatusWidget::readUpstream);
    readUpstream();
}

void SyncStatusWidget::readUpstream()
{
    // Only our servers can be hubs: the cloud has no /api/meta.
    if (!m_client || m_readingUpstream || !m_client->isDiscovered() || !m_client->hasFeature(QStringLiteral("changes")))
        return;
    m_readingUpstream = true;
    Client::RequestJob *job = m_client->send(Client::Request::get(QStringLiteral("/api/meta"), Client::Request::Auth::Optional));
    connect(job, &Client::ApiJob::finished, this, [this, job](const ApiError &error) {
        m_readingUpstream = false;
        if (error.isError())
            return; // the server is unreachable: the sync state says so already
        const QJsonObject upstream = job->json().toObject().value(QStringLiteral("upstream")).toObject();
        m_notices.clear();
        for (const QJsonValue &n : upstream.value(QStringLiteral("notices")).toArray())
            m_notices << n.toObject().value(QStringLiteral("text")).toString();
        const QString text = upstreamText(upstream);
        m_upstreamText = text;
        m_upstream->setVisible(!text.isEmpty());
        m_upstream->setFullText(text);
        m_upstream->setToolTip(m_notices.isEmpty() ? text : text + u'\n' + m_notices.join(u'\n'));
    });
}

QString SyncStatusWidget::upstreamText() const
{
    return m_upstreamText;
}

QString SyncStatusWidget::upstreamText(const QJsonObject &upstream)
{
    if (upstream.isEmpty())
        return QString();
    const int waiting = upstream.value(QStringLiteral("waiting")).toInt();
    const int notices = int(upstream.value(QStringLiteral("notices")).toArray().size());
    // Plurals spelled out: English has no translation file to pick a %n form from.
    QString text;
    if (upstream.value(QStringLiteral("state")).toString() == u"online") {
        text = waiting == 0 ? tr("Cloud: online")
             : waiting == 1 ? tr("Cloud: online, 1 change waiting")
                            : tr("Cloud: online, %1 changes waiting").arg(waiting);
    } else {
        const QDateTime since = QDateTime::fromString(upstream.value(QStringLiteral("since")).toString(), Qt::ISODate);
        const QString when = since.isValid() ? since.toLocalTime().toString(QStringLiteral("HH:mm")) : QStringLiteral("?");
        text = waiting == 1 ? tr("Cloud: offline since %1, 1 change waiting").arg(when)
                            : tr("Cloud: offline since %1, %2 changes waiting").arg(when).arg(waiting);
    }
    if (notices == 1)
        text += tr(" · 1 notice");
    else if (notices > 1)
        text += tr(" · %1 notices").arg(notices);
    return text;
}

} // namespace LittleLemon::Ui
