#include "ui/eightysixschedule.h"

#include "models/localstore.h"
#include "ui/uilog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSettings>

namespace LittleLemon::Ui {

EightySixSchedule::EightySixSchedule(LocalStore *store, const QString &serverKey, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_settingsKey(QStringLiteral("eightySix/")
                    + QString::fromLatin1(
                        QCryptographicHash::hash(serverKey.toUtf8(), QCryptographicHash::Sha256).toHex().left(16)))
{
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, [this] {
        restoreExpired();
        armMidnight();
    });
    connect(store->cache(), &LocalCache::changed, this, &EightySixSchedule::onStoreChanged);
    load();
    restoreExpired();
    armMidnight();
}

void EightySixSchedule::load()
{
    QSettings s;
    const QVariantMap map = s.value(m_settingsKey).toMap();
    m_until.clear();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        bool ok = false;
        const qint64 id = it.key().toLongLong(&ok);
        const QDate day = QDate::fromString(it.value().toString(), Qt::ISODate);
        if (ok && day.isValid())
            m_until.insert(id, day);
    }
}

void EightySixSchedule::save() const
{
    QVariantMap map;
    for (auto it = m_until.cbegin(); it != m_until.cend(); ++it)
        map.insert(QString::number(it.key()), it.value().toString(Qt::ISODate));
    QSettings s;
    if (map.isEmpty())
        s.remove(m_settingsKey);
    else
        s.setValue(m_settingsKey, map);
}

void EightySixSchedule::armMidnight()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime midnight = now.date().addDays(1).startOfDay();
    // A few seconds past midnight, so the date has surely turned.
    m_midnight.start(int(std::min<qint64>(now.msecsTo(midnight) + 5000, 24LL * 3600 * 1000)));
}

bool EightySixSchedule::eightySixUntilEndOfDay(qint64 menuItemId, QString *error)
{
    const auto item = m_store->cache()->menuItem(menuItemId);
    if (!item) {
        if (error)
            *error = tr("This item is no longer on the menu.");
        return false;
    }
    if (item->record.available) {
        const LocalEdit edit = m_store->outbox()->setMenuItemAvailable(menuItemId, false);
        if (!edit) {
            if (error)
                *error = edit.error;
            return false;
        }
    }
    m_until.insert(menuItemId, QDate::currentDate());
    save();
    qCInfo(lcUi) << "menu item" << menuItemId << "86'd until the end of the day";
    Q_EMIT changed();
    return true;
}

int EightySixSchedule::restoreExpired(const QDate &today)
{
    // Forget them first: putting an item back changes the store, which
    // reports to onStoreChanged() while we would still be walking the hash.
    QList<qint64> expired;
    for (auto it = m_until.begin(); it != m_until.end();) {
        if (it.value() < today) {
            expired.append(it.key());
            it = m_until.erase(it);
        } else {
            ++it;
        }
    }
    if (expired.isEmpty())
        return 0;
    save();
    int restored = 0;
    for (qint64 id : std::as_const(expired)) {
        const auto item = m_store->cache()->menuItem(id);
        if (item && !item->record.available && m_store->outbox()->setMenuItemAvailable(id, true))
            ++restored;
    }
    qCInfo(lcUi) << restored << "menu items back after their day off";
    Q_EMIT changed();
    return restored;
}

void EightySixSchedule::onStoreChanged(const StoreChange &change)
{
    if (change.entity != Entity::MenuItem || m_until.isEmpty())
        return;
    bool changedAny = false;
    for (const auto &[from, to] : change.renamed) {
        if (m_until.contains(from)) {
            m_until.insert(to, m_until.take(from));
            changedAny = true;
        }
    }
    for (qint64 id : change.removed)
        changedAny |= m_until.remove(id) > 0;
    // Put back by hand (here or on another terminal): nothing left to do at midnight.
    for (qint64 id : change.updated) {
        if (!m_until.contains(id))
            continue;
        const auto item = m_store->cache()->menuItem(id);
        if (!item || item->record.available) {
            m_until.remove(id);
            changedAny = true;
        }
    }
    if (changedAny) {
        save();
        Q_EMIT changed();
    }
}

} // namespace LittleLemon::Ui
