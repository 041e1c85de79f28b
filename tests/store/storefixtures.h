#pragma once

// Server-shaped JSON records and helpers shared by the store tests.

#include "models/localstore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace LittleLemon::Fixtures {

inline QJsonObject category(qint64 id, const QString &title)
{
    return { { QStringLiteral("id"), id }, { QStringLiteral("slug"), title.toLower() },
        { QStringLiteral("title"), title } };
}

inline QJsonObject menuItem(qint64 id, const QString &title, const QString &price, qint64 category = 1,
    bool featured = false, bool available = true)
{
    return { { QStringLiteral("id"), id }, { QStringLiteral("title"), title },
        { QStringLiteral("price"), price }, { QStringLiteral("featured"), featured },
        { QStringLiteral("category"), category }, { QStringLiteral("available"), available } };
}

inline QJsonObject orderLine(
    qint64 menuitem, const QString &title, int quantity, const QString &unitPrice, const QString &price)
{
    return { { QStringLiteral("menuitem"), menuitem }, { QStringLiteral("menuitem_title"), title },
        { QStringLiteral("quantity"), quantity }, { QStringLiteral("unit_price"), unitPrice },
        { QStringLiteral("price"), price } };
}

inline QJsonObject order(qint64 id, const QString &stage = QStringLiteral("received"),
    const QString &date = QStringLiteral("2026-11-24"), QJsonValue crew = QJsonValue(),
    const QString &placedAt = QString())
{
    QJsonObject o { { QStringLiteral("id"), id }, { QStringLiteral("user"), 4 },
        { QStringLiteral("delivery_crew"), crew },
        { QStringLiteral("status"), stage == QLatin1String("delivered") },
        { QStringLiteral("total"), QStringLiteral("21.00") }, { QStringLiteral("date"), date },
        { QStringLiteral("items"),
            QJsonArray {
                orderLine(1, QStringLiteral("Lasagna"), 1, QStringLiteral("15.50"), QStringLiteral("15.50")),
                orderLine(2, QStringLiteral("Soda"), 1, QStringLiteral("5.50"), QStringLiteral("5.50")) } },
        { QStringLiteral("stage"), stage }, { QStringLiteral("note"), QString() } };
    if (!placedAt.isEmpty())
        o.insert(QStringLiteral("history"),
            QJsonArray { QJsonObject { { QStringLiteral("stage"), QStringLiteral("received") },
                { QStringLiteral("by"), 4 }, { QStringLiteral("at"), placedAt } } });
    return o;
}

inline QJsonObject booking(qint64 id, const QString &name, const QString &date, const QString &time,
    int guests = 2, QJsonValue table = QJsonValue(), const QString &status = QStringLiteral("booked"))
{
    return { { QStringLiteral("id"), id }, { QStringLiteral("user"), 2 }, { QStringLiteral("name"), name },
        { QStringLiteral("phone"), QStringLiteral("555-0100") }, { QStringLiteral("date"), date },
        { QStringLiteral("time"), time }, { QStringLiteral("guests"), guests },
        { QStringLiteral("table"), table }, { QStringLiteral("notes"), QString() },
        { QStringLiteral("status"), status } };
}

inline QJsonObject table(qint64 id, const QString &name, int seats)
{
    return { { QStringLiteral("id"), id }, { QStringLiteral("name"), name },
        { QStringLiteral("seats"), seats } };
}

inline QJsonObject member(qint64 id, const QString &username)
{
    return { { QStringLiteral("id"), id }, { QStringLiteral("username"), username },
        { QStringLiteral("email"), QString(username + QStringLiteral("@example.com")) } };
}

inline LocalStore::Paths pathsIn(const QTemporaryDir &dir)
{
    return { dir.filePath(QStringLiteral("cache.sqlite")), dir.filePath(QStringLiteral("outbox.sqlite")) };
}

// The standard small restaurant: 2 categories, 3 menu items.
inline void seedMenu(LocalStore &store)
{
    store.cache()->replaceAll(
        Entity::Category, { category(1, QStringLiteral("Mains")), category(2, QStringLiteral("Drinks")) });
    store.cache()->replaceAll(Entity::MenuItem,
        { menuItem(1, QStringLiteral("Lasagna"), QStringLiteral("15.50"), 1),
            menuItem(2, QStringLiteral("Soda"), QStringLiteral("5.50"), 2),
            menuItem(3, QStringLiteral("Greek salad"), QStringLiteral("12.00"), 1) });
}

// One value read with a separate connection (what another process would see).
inline QVariant peek(const QString &file, const QString &sql)
{
    const QString name = QStringLiteral("peek-%1").arg(quintptr(&file));
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

// Runs statements on a file with a separate connection (to inject failures).
inline bool execOn(const QString &file, const QStringList &statements)
{
    const QString name = QStringLiteral("exec-%1").arg(quintptr(&file));
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        ok = db.open();
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            ok = ok && q.exec(sql);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace LittleLemon::Fixtures
