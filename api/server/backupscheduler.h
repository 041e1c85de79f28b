#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTime>
#include <QTimer>

#include <functional>

class QThread;

namespace LittleLemon::Server {

// The daily backup of a running server (littlelemon-server, and the desk in
// standalone mode): from `dailyAt` on, once a day, the database is copied
// (Backup::save, on a thread of its own so requests are never held up) to
// <backupDir>/littlelemon-YYYY-MM-DD.sqlite, and the daily files beyond the
// newest `keep` are deleted.
//
// Due means "today's file is missing and it is dailyAt or later", checked
// at start and then at least hourly: a server started after dailyAt (a desk
// switched on at lunchtime) backs up at once, a server off at dailyAt
// catches up when it comes back, and a changed clock is noticed within
// the hour. A failed backup is tried again an hour later.
class BackupScheduler : public QObject
{
    Q_OBJECT

public:
    BackupScheduler(const QString &databasePath, const QString &backupDir, int keep, const QTime &dailyAt,
                    QObject *parent = nullptr);
    // Waits for a backup that is being written.
    ~BackupScheduler() override;

    // Checks now (from the event loop) and then on the timer.
    void start();
    QString backupDir() const { return m_dir; }
    bool isRunning() const { return m_thread != nullptr; }
    // Tests move the clock.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    bool isDue() const;

public Q_SLOTS:
    // Starts today's backup when due and none is running.
    void check();

Q_SIGNALS:
    // After each backup: the file written, or an empty path and the reason.
    void backupFinished(const QString &path, const QString &error);

private:
    void finished(const QString &path, const QString &error);
    void scheduleNext();

    QString m_database;
    QString m_dir;
    int m_keep;
    QTime m_dailyAt;
    QTimer m_timer;
    QThread *m_thread = nullptr;
    QDateTime m_retryAt; // after a failure: not before then
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTime(); };
};

} // namespace LittleLemon::Server
