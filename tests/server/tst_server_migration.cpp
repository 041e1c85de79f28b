#include "api/server/changelog.h"
#include "api/server/database.h"
#include "api/server/jsonwriter.h"
#include "api/server/serverstorage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace LittleLemon;
using namespace LittleLemon::Server;

// A database made by the issue-3 server (schema 1) opened by this one: the
// extensions' columns and tables appear, delivered orders are in stage
// delivered, every existing row enters the change log once (so reading it
// from 0 is a full snapshot) and memberships get ids.
class TstServerMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schemaOneData()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("littlelemon.sqlite3"));
        {
            Database db;
            QString error;
            QVERIFY2(db.open(path, ServerStorage::migrations().mid(0, 1), &error), qPrintable(error));
            QCOMPARE(db.version(), 1);
            const char *rows[] = {
                "INSERT INTO users (username, email, password, is_staff, date_joined) VALUES"
                " ('mario', 'm@example.com', 'x', 0, '2026-01-01T00:00:00.000Z'),"
                " ('crew', 'c@example.com', 'x', 0, '2026-01-01T00:00:00.000Z'),"
                " ('cust', 'u@example.com', 'x', 0, '2026-01-01T00:00:00.000Z')",
                "INSERT INTO user_groups (user_id, group_id) VALUES (1, 1), (2, 2)",
                "INSERT INTO categories (slug, title, title_folded) VALUES ('drinks', 'Drinks', 'drinks')",
                "INSERT INTO menu_items (title, title_folded, price_cents, featured, category_id) VALUES"
                " ('Soda', 'soda', 550, 0, 1), ('Lemonade', 'lemonade', 350, 1, 1)",
                "INSERT INTO orders (user_id, delivery_crew_id, status, total_cents, date, created_at) VALUES"
                " (3, 2, 1, 1100, '2026-11-20', '2026-11-20T12:00:00.000Z'),"
                " (3, NULL, 0, 350, '2026-11-21', '2026-11-21T12:00:00.000Z')",
                "INSERT INTO order_items (order_id, menuitem_id, title, quantity, unit_price_cents, price_cents) VALUES"
                " (1, 1, 'Soda', 2, 550, 1100), (2, 2, 'Lemonade', 1, 350, 350)",
            };
            for (const char *sql : rows)
                db.execute(QString::fromLatin1(sql));
        }
        Database db;
        QString error;
        QVERIFY2(db.open(path, ServerStorage::migrations(), &error), qPrintable(error));
        QCOMPARE(db.versionAtOpen(), 1);
        QCOMPARE(db.version(), int(ServerStorage::migrations().size()));
        ServerStorage storage(db);

        const auto delivered = storage.order(1);
        QVERIFY(delivered);
        QCOMPARE(delivered->stage, std::optional<OrderStage>(OrderStage::Delivered));
        QCOMPARE(delivered->history.size(), 2);
        QCOMPARE(delivered->history.at(0).stage, OrderStage::Received);
        QCOMPARE(delivered->history.at(0).by, 3);
        QCOMPARE(delivered->history.at(1).stage, OrderStage::Delivered);
        QCOMPARE(delivered->history.at(1).by, 2);
        QCOMPARE(storage.order(2)->stage, std::optional<OrderStage>(OrderStage::Received));
        QVERIFY(storage.menuItem(1)->available);
        QVERIFY(storage.userById(1)->user.isManager()); // memberships survived the new table

        // The log from 0, as a manager: every row once, as its GET shows it.
        const ChangeViewer manager { 1, true, false, false };
        qint64 next = 0;
        const QList<ChangeLog::Entry> all = storage.changes().read(manager, 0, 1000, &next);
        QCOMPARE(next, storage.changes().latest());
        QMap<ChangeKind, QList<qint64>> ids;
        for (const ChangeLog::Entry &e : all) {
            QVERIFY(!e.deleted);
            ids[e.kind] << e.rowId;
        }
        QCOMPARE(ids.value(ChangeKind::Category), QList<qint64> { 1 });
        QCOMPARE(ids.value(ChangeKind::MenuItem), (QList<qint64> { 1, 2 }));
        QCOMPARE(ids.value(ChangeKind::Order), (QList<qint64> { 1, 2 }));
        QCOMPARE(ids.value(ChangeKind::GroupMembership).size(), 2);
        for (const ChangeLog::Entry &e : all) {
            if (e.kind == ChangeKind::Order)
                QCOMPARE(e.data, Wire::orderDetail(*storage.order(e.rowId)));
            if (e.kind == ChangeKind::MenuItem)
                QCOMPARE(e.data, Wire::object(*storage.menuItem(e.rowId)));
            if (e.kind == ChangeKind::GroupMembership) {
                const QJsonObject m = QJsonDocument::fromJson(e.data).object();
                QVERIFY(m.value(QStringLiteral("group")).toString() == u"manager" || m.value(QStringLiteral("group")).toString() == u"delivery-crew");
                QVERIFY(m.value(QStringLiteral("user")).toInteger() == 1 || m.value(QStringLiteral("user")).toInteger() == 2);
            }
        }
        // The customer sees their two orders; the crew member the one assigned
        // and (issue 14) the crew's membership, for the names on the cards.
        QCOMPARE(storage.changes().read(ChangeViewer { 3, false, false, false, false }, 0, 1000, &next).size(), 3 + 2);
        QCOMPARE(storage.changes().read(ChangeViewer { 2, false, false, true, false }, 0, 1000, &next).size(), 3 + 1 + 1);

        // Opened again: nothing more to do, nothing logged twice.
        const qint64 latest = storage.changes().latest();
        db.close();
        Database again;
        QVERIFY2(again.open(path, ServerStorage::migrations(), &error), qPrintable(error));
        QCOMPARE(again.versionAtOpen(), int(ServerStorage::migrations().size()));
        ServerStorage(again).fillChangeLog();
        QCOMPARE(ServerStorage(again).changes().latest(), latest);
    }

    // A database from a newer build is refused, not damaged.
    void newerSchemaIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("littlelemon.sqlite3"));
        {
            Database db;
            QString error;
            QVERIFY(db.open(path, ServerStorage::migrations(), &error));
            db.execute(QStringLiteral("PRAGMA user_version=99"));
        }
        Database db;
        QString error;
        QVERIFY(!db.open(path, ServerStorage::migrations(), &error));
        QVERIFY2(error.contains(QStringLiteral("99")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TstServerMigration)
#include "tst_server_migration.moc"
