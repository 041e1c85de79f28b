#include "print/printqueue.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcPrintQueue, "littlelemon.print.queue")

namespace LittleLemon::Print {

namespace {

// Cumulative schema steps; user_version is the number of steps applied.
const char *const kSteps[] = {
    "CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, printer TEXT NOT NULL,"
    " order_id INTEGER NOT NULL DEFAULT 0, kind INTEGER NOT NULL, ticket TEXT NOT NULL, bytes BLOB,"
    " state INTEGER NOT NULL DEFAULT 0, may_have_printed INTEGER NOT NULL DEFAULT 0,"
    " attempts INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, sent_at TEXT, done_at TEXT);"
    "CREATE INDEX jobs_waiting ON jobs(printer, state, id);"
    "CREATE TABLE printers (name TEXT PRIMARY KEY, position INTEGER NOT NULL, kind TEXT NOT NULL,"
    " target TEXT NOT NULL, width INTEGER NOT NULL, code_page TEXT NOT NULL, receipts INTEGER NOT NULL);"
    "CREATE TABLE routes (category INTEGER PRIMARY KEY, station TEXT NOT NULL);"
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    // What each station's ticket of an order said when it was queued
    // automatically (NEW, then each CHANGED applied): a later change of the
    // order prints only the difference to it, once.
    "CREATE TABLE printed (order_id INTEGER NOT NULL, station TEXT NOT NULL, ticket TEXT NOT NULL,"
    " PRIMARY KEY (order_id, station)) WITHOUT ROWID;",
};
constexpr int kVersion = int(sizeof(kSteps) / sizeof(kSteps[0]));

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// A transaction that rolls back unless committed.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase &db)
        : m_db(db)
        , m_open(db.transaction())
    {
    }
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    bool ok() const { return m_open; }
    bool commit()
    {
        if (!m_open)
            return false;
        m_open = false;
        return m_db.commit();
    }

private:
    QSqlDatabase &m_db;
    bool m_open;
};

bool exec(QSqlQuery &q)
{
    if (q.exec())
        return true;
    qCWarning(lcPrintQueue) << "statement failed:" << q.lastError().text();
    return false;
}

} // namespace

QString PrinterConfig::host() const
{
    const qsizetype colon = target.lastIndexOf(u':');
    return colon > 0 ? target.left(colon) : target;
}

quint16 PrinterConfig::port() const
{
    const qsizetype colon = target.lastIndexOf(u':');
    bool ok = false;
    const uint p = colon > 0 ? target.mid(colon + 1).toUInt(&ok) : 0;
    return ok && p > 0 && p < 65536 ? quint16(p) : quint16(9100);
}

QString toWire(PrinterConfig::Kind kind)
{
    switch (kind) {
    case PrinterConfig::Kind::System:
        return QStringLiteral("system");
    case PrinterConfig::Kind::PdfFolder:
        return QStringLiteral("pdf");
    case PrinterConfig::Kind::Network:
        break;
    }
    return QStringLiteral("network");
}

PrinterConfig::Kind printerKindFromWire(const QString &text)
{
    if (text == u"system")
        return PrinterConfig::Kind::System;
    if (text == u"pdf")
        return PrinterConfig::Kind::PdfFolder;
    return PrinterConfig::Kind::Network;
}

PrintQueue::PrintQueue(QObject *parent)
    : QObject(parent)
    , m_connection(QStringLiteral("print-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

PrintQueue::~PrintQueue()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool PrintQueue::open(const QString &path, QString *error)
{
    m_path = path;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(path);
    // Wait for another connection's write (the print host's, while the
    // Printers dialog or a second reader opens the queue) instead of failing
    // at once: set before the first statement, which already needs a lock.
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        if (error)
            *error = m_db.lastError().text();
        return false;
    }
    QSqlQuery q(m_db);
    // WAL, and every commit synced: a job marked done or sending is on disk.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next()
        || q.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        if (error)
            *error = tr("The print queue %1 cannot use a write-ahead log.").arg(path);
        return false;
    }
    q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    return migrate(error);
}

bool PrintQueue::migrate(QString *error)
{
    // The print host and a reader (the Printers dialog, a test) may open a
    // new queue at the same moment: take the write lock before reading the
    // version, so that one of them migrates and the other then sees it done.
    QSqlQuery step(m_db);
    auto fail = [&](const QSqlQuery &failed) {
        if (error)
            *error = failed.lastError().text();
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        return false;
    };
    if (!step.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        if (error)
            *error = step.lastError().text();
        return false;
    }
    if (!step.exec(QStringLiteral("PRAGMA user_version")) || !step.next())
        return fail(step);
    const int from = step.value(0).toInt();
    step.finish();
    for (int current = from; current < kVersion; ++current) {
        for (const QString &statement : QString::fromLatin1(kSteps[current]).split(u';', Qt::SkipEmptyParts)) {
            if (!step.exec(statement))
                return fail(step);
        }
    }
    if (from < kVersion && !step.exec(QStringLiteral("PRAGMA user_version = %1").arg(kVersion)))
        return fail(step);
    if (!step.exec(QStringLiteral("COMMIT")))
        return fail(step);
    return true;
}

qint64 PrintQueue::insertJob(const PrintJob &job)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO jobs (printer, order_id, kind, ticket, bytes, state, may_have_printed,"
                             " created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)"));
    q.addBindValue(job.printer);
    q.addBindValue(job.orderId);
    q.addBindValue(int(job.kind));
    q.addBindValue(QString::fromUtf8(QJsonDocument(job.ticket.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(job.bytes);
    q.addBindValue(job.mayHavePrinted ? 1 : 0);
    q.addBindValue(now());
    if (!exec(q))
        return 0;
    return q.lastInsertId().toLongLong();
}

qint64 PrintQueue::enqueue(const PrintJob &job)
{
    Transaction t(m_db);
    const qint64 id = insertJob(job);
    if (id <= 0 || !t.commit())
        return 0;
    emit jobQueued(job.printer);
    return id;
}

void PrintQueue::announceQueued(const QList<PrintJob> &jobs)
{
    // Once per printer that got work, after the commit.
    QStringList printers;
    for (const PrintJob &job : jobs)
        if (!printers.contains(job.printer))
            printers.append(job.printer);
    for (const QString &p : printers)
        emit jobQueued(p);
}

bool PrintQueue::enqueueOrder(qint64 orderId, const QList<PrintJob> &jobs)
{
    Transaction t(m_db);
    if (!t.ok())
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = 'highest_order'"));
    if (!exec(q))
        return false;
    if (q.next() && q.value(0).toLongLong() >= orderId)
        return false;
    for (const PrintJob &job : jobs)
        if (insertJob(job) <= 0 || !savePrinted(orderId, job.printer, job.ticket))
            return false;
    QSqlQuery mark(m_db);
    mark.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES ('highest_order', ?)"));
    mark.addBindValue(QString::number(orderId));
    if (!exec(mark) || !t.commit())
        return false;
    announceQueued(jobs);
    return true;
}

bool PrintQueue::savePrinted(qint64 orderId, const QString &station, const Ticket &ticket)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO printed (order_id, station, ticket) VALUES (?, ?, ?)"));
    q.addBindValue(orderId);
    q.addBindValue(station);
    q.addBindValue(QString::fromUtf8(QJsonDocument(ticket.toJson()).toJson(QJsonDocument::Compact)));
    return exec(q);
}

QHash<QString, Ticket> PrintQueue::printedTickets(qint64 orderId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT station, ticket FROM printed WHERE order_id = ?"));
    q.addBindValue(orderId);
    QHash<QString, Ticket> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.insert(q.value(0).toString(), Ticket::fromJson(QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object()));
    return out;
}

bool PrintQueue::enqueueChange(qint64 orderId, const QList<PrintJob> &jobs, const QHash<QString, Ticket> &before,
                               const QHash<QString, Ticket> &after)
{
    Transaction t(m_db);
    if (!t.ok())
        return false;
    // Only over what the caller compared with: another change recorded in
    // between would otherwise be printed twice.
    const QHash<QString, Ticket> current = printedTickets(orderId);
    if (current.size() != before.size())
        return false;
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        if (!current.contains(it.key()) || current.value(it.key()).lines != it.value().lines)
            return false;
    for (const PrintJob &job : jobs)
        if (insertJob(job) <= 0)
            return false;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (!savePrinted(orderId, it.key(), it.value()))
            return false;
    if (!t.commit())
        return false;
    announceQueued(jobs);
    return true;
}

PrintJob PrintQueue::readJob(const QSqlQuery &q) const
{
    PrintJob job;
    job.id = q.value(0).toLongLong();
    job.printer = q.value(1).toString();
    job.orderId = q.value(2).toLongLong();
    job.kind = PrintJob::Kind(q.value(3).toInt());
    job.ticket = Ticket::fromJson(QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object());
    job.bytes = q.value(5).toByteArray();
    job.state = PrintJob::State(q.value(6).toInt());
    job.mayHavePrinted = q.value(7).toInt() != 0;
    job.attempts = q.value(8).toInt();
    job.createdAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
    return job;
}

#define LL_JOB_COLUMNS "id, printer, order_id, kind, ticket, bytes, state, may_have_printed, attempts, created_at"

std::optional<PrintJob> PrintQueue::nextWaiting(const QString &printer) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT " LL_JOB_COLUMNS " FROM jobs WHERE printer = ? AND state = 0 ORDER BY id LIMIT 1"));
    q.addBindValue(printer);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return readJob(q);
}

std::optional<PrintJob> PrintQueue::job(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT " LL_JOB_COLUMNS " FROM jobs WHERE id = ?"));
    q.addBindValue(id);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return readJob(q);
}

QList<PrintJob> PrintQueue::jobs(const QString &printer) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT " LL_JOB_COLUMNS " FROM jobs WHERE ? = '' OR printer = ? ORDER BY id"));
    q.addBindValue(printer);
    q.addBindValue(printer);
    QList<PrintJob> out;
    if (exec(q))
        while (q.next())
            out.append(readJob(q));
    return out;
}

bool PrintQueue::setState(qint64 id, PrintJob::State state, std::optional<bool> mayHavePrinted)
{
    Transaction t(m_db);
    QSqlQuery q(m_db);
    const char *stamp = state == PrintJob::State::Sending ? ", attempts = attempts + 1, sent_at = ?"
        : state == PrintJob::State::Done                  ? ", done_at = ?"
                                                          : "";
    q.prepare(QStringLiteral("UPDATE jobs SET state = ?%1%2 WHERE id = ?")
                  .arg(QLatin1String(stamp),
                       mayHavePrinted ? QStringLiteral(", may_have_printed = ?") : QString()));
    q.addBindValue(int(state));
    if (*stamp)
        q.addBindValue(now());
    if (mayHavePrinted)
        q.addBindValue(*mayHavePrinted ? 1 : 0);
    q.addBindValue(id);
    if (!exec(q) || q.numRowsAffected() != 1 || !t.commit())
        return false;
    emit jobChanged(id);
    return true;
}

bool PrintQueue::markSending(qint64 id)
{
    return setState(id, PrintJob::State::Sending, std::nullopt);
}

bool PrintQueue::markDone(qint64 id)
{
    return setState(id, PrintJob::State::Done, std::nullopt);
}

bool PrintQueue::markWaiting(qint64 id, bool mayHavePrinted)
{
    return setState(id, PrintJob::State::Waiting, mayHavePrinted);
}

int PrintQueue::recoverInterrupted()
{
    Transaction t(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE jobs SET state = 0, may_have_printed = 1 WHERE state = 1"));
    if (!exec(q))
        return 0;
    const int n = q.numRowsAffected();
    if (!t.commit())
        return 0;
    if (n > 0)
        qCInfo(lcPrintQueue) << n << "job(s) were being sent when the last print host stopped; they print again as REPRINT";
    return n;
}

int PrintQueue::waitingCount(const QString &printer) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE printer = ? AND state != 2"));
    q.addBindValue(printer);
    return exec(q) && q.next() ? q.value(0).toInt() : 0;
}

std::optional<qint64> PrintQueue::highestOrderPrinted() const
{
    const QString v = setting(QStringLiteral("highest_order"));
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

bool PrintQueue::setHighestOrderPrinted(qint64 orderId)
{
    return setSetting(QStringLiteral("highest_order"), QString::number(orderId));
}

QString PrintQueue::setting(const QString &key, const QString &fallback) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    return exec(q) && q.next() ? q.value(0).toString() : fallback;
}

bool PrintQueue::setSetting(const QString &key, const QString &value)
{
    Transaction t(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    return exec(q) && t.commit();
}

QList<PrinterConfig> PrintQueue::printers() const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name, kind, target, width, code_page, receipts FROM printers ORDER BY position"));
    QList<PrinterConfig> out;
    if (exec(q))
        while (q.next()) {
            PrinterConfig p;
            p.name = q.value(0).toString();
            p.kind = printerKindFromWire(q.value(1).toString());
            p.target = q.value(2).toString();
            p.width = paperWidthFromMm(q.value(3).toInt()).value_or(PaperWidth::Mm80);
            p.codePage = codePageFromName(q.value(4).toString()).value_or(CodePage::Cp858);
            p.receipts = q.value(5).toInt() != 0;
            out.append(p);
        }
    return out;
}

bool PrintQueue::savePrinters(const QList<PrinterConfig> &printers)
{
    Transaction t(m_db);
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM printers"));
    if (!exec(clear))
        return false;
    int position = 0;
    for (const PrinterConfig &p : printers) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO printers (name, position, kind, target, width, code_page, receipts)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(p.name);
        q.addBindValue(position++);
        q.addBindValue(toWire(p.kind));
        q.addBindValue(p.target);
        q.addBindValue(int(p.width));
        q.addBindValue(codePageName(p.codePage));
        q.addBindValue(p.receipts ? 1 : 0);
        if (!exec(q))
            return false;
    }
    if (!t.commit())
        return false;
    emit printersChanged();
    return true;
}

QHash<qint64, QString> PrintQueue::routes() const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT category, station FROM routes"));
    QHash<qint64, QString> out;
    if (exec(q))
        while (q.next())
            out.insert(q.value(0).toLongLong(), q.value(1).toString());
    return out;
}

bool PrintQueue::saveRoutes(const QHash<qint64, QString> &routes)
{
    Transaction t(m_db);
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM routes"));
    if (!exec(clear))
        return false;
    for (auto it = routes.cbegin(); it != routes.cend(); ++it) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO routes (category, station) VALUES (?, ?)"));
        q.addBindValue(it.key());
        q.addBindValue(it.value());
        if (!exec(q))
            return false;
    }
    if (!t.commit())
        return false;
    emit printersChanged();
    return true;
}

} // namespace LittleLemon::Print
