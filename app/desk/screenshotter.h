#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

namespace LittleLemon::Ui {
class DeskController;
class LocalServer;
class MainWindow;
} // namespace LittleLemon::Ui

namespace LittleLemon::Desk {

// Writes a PNG of each page of the desk once a session is open and its
// first sync is done (for tools/screenshots and the README), plus the
// sign-in dialog, the outbox and a first standalone start, then reports
// finished(). Rendering is
// QWidget::grab(): it works on the offscreen platform, no display needed.
class Screenshotter : public QObject
{
    Q_OBJECT

public:
    Screenshotter(Ui::DeskController *controller, Ui::LocalServer *localServer, const QString &directory,
                  QObject *parent = nullptr);

    QStringList written() const { return m_written; }

Q_SIGNALS:
    void finished(bool ok);

private:
    void onSessionOpened(Ui::MainWindow *window);
    void shoot(Ui::MainWindow *window);
    void shootFirstStart();
    bool save(const QPixmap &pixmap, const QString &name);

    Ui::DeskController *m_controller;
    Ui::LocalServer *m_local;
    QString m_dir;
    QStringList m_written;
    bool m_ok = true;
};

} // namespace LittleLemon::Desk
