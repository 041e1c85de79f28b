#include "dbsnapshot.h"

#include <QAtomicInt>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace LittleLemon::Test {

namespace {
// One connection per call, closed before returning: the server keeps the
// database, and a test never holds a lock across its requests.
template<typename Body>
bool withConnection(const QString &file, QString *error, Body body)
{
    static QAtomicInt counter;
    const QString name = QStringLiteral("ll-dbsnapshot-%1").arg(counter.fetchAndAddRelaxed(1));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            if (error)
                *error = db.lastError().text();
        } else {
            ok = body(db);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QString cell(const QVariant &v)
{
    if (v.isNull())
        return QStringLiteral("NULL");
    if (v.typeId() == QMetaType::QByteArray)
        return QStringLiteral("x'") + QString::fromLatin1(v.toByteArray().toHex()) + u'\'';
    return v.toString();
}
} // namespace

QStringList DbSnapshot::rows(const QString &databaseFile, const QString &sql, QString *error)
{
    QStringList out;
    withConnection(databaseFile, error, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
        while (q.next()) {
            QStringList cells;
            for (int i = 0; i < q.record().count(); ++i)
                cells << cell(q.value(i));
            out << cells.join(u'|');
        }
        return true;
    });
    return out;
}

QByteArray DbSnapshot::of(const QString &databaseFile, const QStringList &ignored, QString *error)
{
    QByteArray out;
    withConnection(databaseFile, error, [&](QSqlDatabase &db) {
        // One read transaction: every table from the same moment.
        QSqlQuery begin(db);
        begin.exec(QStringLiteral("BEGIN"));
        QSqlQuery tables(db);
        tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        QStringList names;
        while (tables.next())
            names << tables.value(0).toString();
        for (const QString &table : names) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table))) {
                if (error)
                    *error = q.lastError().text();
                return false;
            }
            QStringList lines;
            while (q.next()) {
                const QSqlRecord r = q.record();
                QStringList cells;
                for (int i = 0; i < r.count(); ++i) {
                    if (ignored.contains(table + u'.' + r.fieldName(i)))
                        continue;
                    cells << r.fieldName(i) + u'=' + cell(q.value(i));
                }
                lines << cells.join(u'|');
            }
            lines.sort();
            out += "## " + table.toUtf8() + '\n' + lines.join(u'\n').toUtf8() + '\n';
        }
        QSqlQuery end(db);
        end.exec(QStringLiteral("COMMIT"));
        return true;
    });
    return out;
}

QByteArray DbSnapshot::difference(const QByteArray &before, const QByteArray &after)
{
    const QList<QByteArray> a = before.split('\n');
    const QList<QByteArray> b = after.split('\n');
    QByteArray out;
    for (const QByteArray &line : b) {
        if (!a.contains(line))
            out += "+ " + line.left(300) + '\n';
    }
    for (const QByteArray &line : a) {
        if (!b.contains(line))
            out += "- " + line.left(300) + '\n';
    }
    return out;
}

QString DbSnapshot::integrityCheck(const QString &databaseFile)
{
    QString error;
    const QStringList r = rows(databaseFile, QStringLiteral("PRAGMA integrity_check"), &error);
    return r.isEmpty() ? error : r.join(u'\n');
}

} // namespace LittleLemon::Test
