#pragma once

#include "print/printerlink.h"
#include "print/printqueue.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace LittleLemon::Print {

// Drains the print queue: one channel per printer, each on its own, so a
// printer that does not answer holds up nobody else. A channel sends its
// oldest waiting job, one at a time; a job is marked sending (on disk) before
// its first byte and done only once the printer acknowledged it. A printer
// that cannot be reached is retried with a capped backoff (250 ms doubling to
// 2 s), so its backlog starts within about 2 s of it coming back.
class PrintSpooler : public QObject
{
    Q_OBJECT
public:
    struct Status
    {
        QString printer;
        int waiting = 0;
        bool answering = true;
        QDateTime downSince; // when the printer stopped answering
        QString lastError;
    };

    explicit PrintSpooler(PrintQueue *queue, QObject *parent = nullptr);
    ~PrintSpooler() override;

    // Recovers jobs a dead process left half-sent, then starts every printer.
    void start();
    // Re-reads the printers from the queue's database (after the dialog saved them).
    void reloadPrinters();
    void setLocale(const QLocale &locale) { m_locale = locale; }
    void setCurrencySymbol(const QString &symbol) { m_currency = symbol; }
    void setRetryDelays(int firstMs, int maxMs);

    QList<Status> statuses() const;
    Status status(const QString &printer) const;
    // "kitchen: 3 waiting, printer not answering since 19:42"
    QString statusText(const QString &printer) const;
    LayoutOptions layoutFor(const PrinterConfig &config) const;

signals:
    void statusChanged(const QString &printer);
    void jobPrinted(qint64 id, const QString &printer);

private:
    struct Channel;
    void kick(const QString &printer);
    void sendNext(Channel &channel);
    void finish(const QString &printer, qint64 jobId, PrinterLink::Outcome outcome, const QString &error);

    PrintQueue *m_queue;
    std::map<QString, std::unique_ptr<Channel>> m_channels;
    QLocale m_locale;
    QString m_currency;
    int m_firstRetryMs = 250;
    int m_maxRetryMs = 2000;
    bool m_started = false;
};

} // namespace LittleLemon::Print
