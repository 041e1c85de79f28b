#pragma once

#include "print/ticket.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace LittleLemon::Print {

// One print job as stored: written before a byte of it is sent.
struct PrintJob
{
    enum class State { Waiting = 0, Sending = 1, Done = 2 };
    enum class Kind { Ticket, Receipt, TestPage };

    qint64 id = 0;
    QString printer; // the station's (or receipt printer's) name
    qint64 orderId = 0;
    Kind kind = Kind::Ticket;
    Ticket ticket;    // what it says (re-laid out as a REPRINT when needed)
    QByteArray bytes; // ESC/POS as laid out when queued (empty: lay out when sent)
    State state = State::Waiting;
    // Set when an earlier attempt may have reached the printer (sent but not
    // acknowledged, or the host died while sending): the next attempt is
    // laid out again as REPRINT with the time.
    bool mayHavePrinted = false;
    int attempts = 0;
    QDateTime createdAt;
};

// How a printer is reached; a station is a printer with a name ("kitchen").
struct PrinterConfig
{
    enum class Kind { Network, System, PdfFolder };
    QString name;
    Kind kind = Kind::Network;
    QString target; // host:port, a system queue's name, or a folder
    PaperWidth width = PaperWidth::Mm80;
    CodePage codePage = CodePage::Cp858;
    bool receipts = false; // receipts go to the first printer that takes them

    QString host() const;
    quint16 port() const; // 9100 unless the target says otherwise
    bool operator==(const PrinterConfig &o) const
    {
        return name == o.name && kind == o.kind && target == o.target && width == o.width
            && codePage == o.codePage && receipts == o.receipts;
    }
};
QString toWire(PrinterConfig::Kind kind);
PrinterConfig::Kind printerKindFromWire(const QString &text);

// The print outbox: its own SQLite file per terminal (never the cache's or the
// sync outbox's), holding the jobs, this terminal's printers, the routing of
// categories to stations and the highest order this terminal printed
// automatically. Every write is one transaction; a job is on disk before it is
// sent, and marked sending (on disk) before its first byte goes out.
class PrintQueue : public QObject
{
    Q_OBJECT
public:
    explicit PrintQueue(QObject *parent = nullptr);
    ~PrintQueue() override;

    bool open(const QString &path, QString *error = nullptr);
    QString path() const { return m_path; }

    // Jobs.
    qint64 enqueue(const PrintJob &job);
    // One order's tickets (one per station), queued together with the order's
    // number as the highest printed, in one transaction: false and nothing
    // queued when this order (or a later one) was already printed.
    bool enqueueOrder(qint64 orderId, const QList<PrintJob> &jobs);
    // What each station's ticket of an automatically printed order says so
    // far (station → ticket); empty for an order not printed automatically.
    QHash<QString, Ticket> printedTickets(qint64 orderId) const;
    // The CHANGED tickets of an order and what the stations' tickets say
    // after them, in one transaction, only if `before` is still what was
    // printed (so each change is queued once).
    bool enqueueChange(qint64 orderId, const QList<PrintJob> &jobs, const QHash<QString, Ticket> &before,
                       const QHash<QString, Ticket> &after);
    std::optional<PrintJob> nextWaiting(const QString &printer) const;
    std::optional<PrintJob> job(qint64 id) const;
    bool markSending(qint64 id);
    bool markDone(qint64 id);
    bool markWaiting(qint64 id, bool mayHavePrinted);
    // After a start: every job left "sending" by a process that died goes back
    // to waiting, flagged may-have-printed. Returns how many.
    int recoverInterrupted();
    int waitingCount(const QString &printer) const;
    QList<PrintJob> jobs(const QString &printer = QString()) const; // every state, oldest first

    // Automatic printing.
    std::optional<qint64> highestOrderPrinted() const;
    bool setHighestOrderPrinted(qint64 orderId);

    // This terminal's printers and the routing.
    QList<PrinterConfig> printers() const;
    bool savePrinters(const QList<PrinterConfig> &printers);
    QHash<qint64, QString> routes() const; // category id → station
    bool saveRoutes(const QHash<qint64, QString> &routes);
    QString setting(const QString &key, const QString &fallback = QString()) const;
    bool setSetting(const QString &key, const QString &value);

signals:
    void jobQueued(const QString &printer);
    void jobChanged(qint64 id);
    void printersChanged();

private:
    // jobQueued for each printer among `jobs`, once.
    void announceQueued(const QList<PrintJob> &jobs);
    bool migrate(QString *error);
    bool setState(qint64 id, PrintJob::State state, std::optional<bool> mayHavePrinted);
    qint64 insertJob(const PrintJob &job);
    bool savePrinted(qint64 orderId, const QString &station, const Ticket &ticket);
    PrintJob readJob(const class QSqlQuery &q) const;

    QSqlDatabase m_db;
    QString m_connection;
    QString m_path;
};

} // namespace LittleLemon::Print
