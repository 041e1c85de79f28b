#include "api/server/backupscheduler.h"

#include "api/server/backup.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>

#include <memory>

namespace LittleLemon::Server {

Q_LOGGING_CATEGORY(lcScheduler, "littlelemon.server.backup", QtInfoMsg)

namespace {
constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kSecondMs = 1000;
}

BackupScheduler::BackupScheduler(const QString &databasePath, const QString &backupDir, int keep,
                                 const QTime &dailyAt, QObject *parent)
    : QObject(parent)
    , m_database(databasePath)
    , m_dir(backupDir)
    , m_keep(qMax(1, keep))
    , m_dailyAt(dailyAt.isValid() ? dailyAt : QTime(3, 0))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &BackupScheduler::check);
}

BackupScheduler::~BackupScheduler()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void BackupScheduler::start()
{
    m_timer.start(0);
}

bool BackupScheduler::isDue() const
{
    const QDateTime now = m_now();
    if (now.time() < m_dailyAt)
        return false;
    return !QFileInfo::exists(QDir(m_dir).filePath(Backup::dailyFileName(now.date())));
}

void BackupScheduler::check()
{
    if (m_thread)
        return; // finished() schedules the next check
    const QDateTime now = m_now();
    if (m_retryAt.isValid() && now < m_retryAt) {
        m_timer.start(int(qBound(kSecondMs, now.msecsTo(m_retryAt), kHourMs)));
        return;
    }
    if (!isDue()) {
        scheduleNext();
        return;
    }
    if (!QDir().mkpath(m_dir)) {
        finished(QString(), tr("cannot create the backup folder %1").arg(m_dir));
        return;
    }
    const QString target = QDir(m_dir).filePath(Backup::dailyFileName(now.date()));
    const QString database = m_database;
    auto error = std::make_shared<QString>();
    m_thread = QThread::create([database, target, error] {
        QString why;
        if (!Backup::save(database, target, &why))
            *error = why;
    });
    m_thread->setObjectName(QStringLiteral("littlelemon-backup"));
    connect(m_thread, &QThread::finished, this, [this, target, error] {
        m_thread->deleteLater();
        m_thread = nullptr;
        finished(error->isEmpty() ? target : QString(), *error);
    });
    m_thread->start(QThread::LowPriority);
}

void BackupScheduler::finished(const QString &path, const QString &error)
{
    if (error.isEmpty()) {
        m_retryAt = QDateTime();
        const QStringList pruned = Backup::prune(m_dir, m_keep);
        qCInfo(lcScheduler) << "daily backup written to" << path << "- old ones deleted:" << pruned.size();
        scheduleNext();
    } else {
        m_retryAt = m_now().addMSecs(kHourMs);
        qCWarning(lcScheduler) << "daily backup failed:" << error << "- next try in an hour";
        m_timer.start(int(kHourMs));
    }
    Q_EMIT backupFinished(path, error);
}

void BackupScheduler::scheduleNext()
{
    const QDateTime now = m_now();
    QDateTime next(now.date(), m_dailyAt);
    if (next <= now)
        next = QDateTime(now.date().addDays(1), m_dailyAt);
    m_timer.start(int(qBound(kSecondMs, now.msecsTo(next), kHourMs)));
}

} // namespace LittleLemon::Server
