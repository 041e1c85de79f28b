#pragma once

#include <QDate>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace LittleLemon {
class LocalStore;
struct StoreChange;
} // namespace LittleLemon

namespace LittleLemon::Ui {

// Items 86'd "until end of day": taken off (available = false) now, and put
// back by themselves when the day is over: at midnight while the terminal
// runs, or at its next start. Remembered per server in QSettings, so a
// restart does not forget them; an item put back by hand is forgotten.
class EightySixSchedule : public QObject
{
    Q_OBJECT

public:
    EightySixSchedule(LocalStore *store, const QString &serverKey, QObject *parent = nullptr);

    // Takes the item off until the end of today (a local edit). False with *error.
    bool eightySixUntilEndOfDay(qint64 menuItemId, QString *error = nullptr);
    bool isUntilEndOfDay(qint64 menuItemId) const { return m_until.contains(menuItemId); }
    // Puts back every item whose day has ended (as of `today`); how many.
    int restoreExpired(const QDate &today = QDate::currentDate());

Q_SIGNALS:
    void changed();

private:
    void load();
    void save() const;
    void onStoreChanged(const StoreChange &change);
    void armMidnight();

    LocalStore *m_store;
    QString m_settingsKey;
    QHash<qint64, QDate> m_until; // item → the day it is off for
    QTimer m_midnight;
};

} // namespace LittleLemon::Ui
