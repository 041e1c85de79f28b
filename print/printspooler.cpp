#include "print/printspooler.h"

#include "print/escposdecoder.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPrintSpooler, "littlelemon.print.spooler")

namespace LittleLemon::Print {

struct PrintSpooler::Channel
{
    PrinterConfig config;
    QPointer<PrinterLink> link; // the attempt under way
    QTimer retry;
    int delayMs = 0;
    bool answering = true;
    QDateTime downSince;
    QString lastError;
};

PrintSpooler::PrintSpooler(PrintQueue *queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
{
    connect(m_queue, &PrintQueue::jobQueued, this, [this](const QString &printer) {
        kick(printer);
        emit statusChanged(printer);
    });
    connect(m_queue, &PrintQueue::printersChanged, this, &PrintSpooler::reloadPrinters);
}

PrintSpooler::~PrintSpooler() = default;

void PrintSpooler::setRetryDelays(int firstMs, int maxMs)
{
    m_firstRetryMs = firstMs;
    m_maxRetryMs = maxMs;
}

void PrintSpooler::start()
{
    m_queue->recoverInterrupted();
    m_started = true;
    reloadPrinters();
}

void PrintSpooler::reloadPrinters()
{
    const QList<PrinterConfig> printers = m_queue->printers();
    QStringList names;
    for (const PrinterConfig &p : printers) {
        names.append(p.name);
        auto &slot = m_channels[p.name];
        if (!slot) {
            slot = std::make_unique<Channel>();
            slot->retry.setSingleShot(true);
            const QString name = p.name;
            connect(&slot->retry, &QTimer::timeout, this, [this, name] { kick(name); });
        }
        if (!(slot->config == p)) {
            slot->config = p;
            slot->delayMs = 0;
        }
    }
    for (auto it = m_channels.begin(); it != m_channels.end();) {
        // A printer taken out of the list: its attempt under way is abandoned
        // (the job stays sending and is recovered, as after a crash).
        if (!names.contains(it->first)) {
            if (it->second->link)
                it->second->link->deleteLater();
            it = m_channels.erase(it);
        } else {
            ++it;
        }
    }
    if (m_started)
        for (const QString &name : names)
            kick(name);
}

void PrintSpooler::kick(const QString &printer)
{
    if (!m_started)
        return;
    const auto it = m_channels.find(printer);
    if (it == m_channels.end())
        return; // a job for a printer this terminal lacks waits until one is set up
    Channel &channel = *it->second;
    if (channel.link || channel.retry.isActive())
        return;
    sendNext(channel);
}

LayoutOptions PrintSpooler::layoutFor(const PrinterConfig &config) const
{
    LayoutOptions o;
    o.width = config.width;
    o.codePage = config.codePage;
    o.locale = m_locale;
    o.currencySymbol = m_currency;
    return o;
}

void PrintSpooler::sendNext(Channel &channel)
{
    const std::optional<PrintJob> next = m_queue->nextWaiting(channel.config.name);
    if (!next)
        return;
    PrintJob job = *next;
    if (job.mayHavePrinted) {
        // An earlier attempt may be on paper: this one says so, with the time.
        job.ticket.kind = Ticket::Kind::Reprint;
        job.ticket.reprintedAt = QDateTime::currentDateTime();
        job.bytes.clear();
    }
    const LayoutOptions options = layoutFor(channel.config);
    QByteArray bytes = job.bytes;
    QStringList lines;
    const int columns = columnsFor(channel.config.width);
    switch (job.kind) {
    case PrintJob::Kind::Ticket:
        if (bytes.isEmpty())
            bytes = TicketLayout::kitchenTicket(job.ticket, options);
        lines = TicketLayout::kitchenTicketLines(job.ticket, columns, m_locale);
        break;
    case PrintJob::Kind::Receipt:
        if (bytes.isEmpty())
            bytes = TicketLayout::receipt(job.ticket, options);
        lines = TicketLayout::receiptLines(job.ticket, columns, options);
        break;
    case PrintJob::Kind::TestPage:
        if (bytes.isEmpty())
            bytes = TicketLayout::testPage(channel.config.name, options);
        lines = EscPosDecoder::plainText(bytes).split(u'\n');
        break;
    }
    // On disk before the first byte: a crash from here on means "may have printed".
    if (!m_queue->markSending(job.id)) {
        channel.lastError = tr("The print queue cannot be written.");
        channel.retry.start(m_maxRetryMs);
        return;
    }
    PrinterLink *link = nullptr;
    if (channel.config.kind == PrinterConfig::Kind::Network)
        link = new NetworkLink(channel.config.host(), channel.config.port(), this);
    else
        link = new PageLink(channel.config,
                            QStringLiteral("%1-order-%2-job-%3").arg(channel.config.name).arg(job.orderId).arg(job.id),
                            this);
    channel.link = link;
    const QString printer = channel.config.name;
    const qint64 id = job.id;
    connect(link, &PrinterLink::finished, this,
            [this, printer, id, link](PrinterLink::Outcome outcome, const QString &error) {
                link->deleteLater();
                finish(printer, id, outcome, error);
            });
    link->start(bytes, lines);
}

void PrintSpooler::finish(const QString &printer, qint64 jobId, PrinterLink::Outcome outcome, const QString &error)
{
    const auto it = m_channels.find(printer);
    Channel *channel = it == m_channels.end() ? nullptr : it->second.get();
    if (channel)
        channel->link = nullptr;
    if (outcome == PrinterLink::Outcome::Printed) {
        m_queue->markDone(jobId);
        emit jobPrinted(jobId, printer);
        if (channel) {
            channel->delayMs = 0;
            channel->answering = true;
            channel->downSince = {};
            channel->lastError.clear();
            sendNext(*channel);
        }
        emit statusChanged(printer);
        return;
    }
    m_queue->markWaiting(jobId, outcome == PrinterLink::Outcome::Uncertain);
    if (channel) {
        if (channel->answering) {
            // Once per outage, not once per retry.
            qCInfo(lcPrintSpooler) << "printer" << printer << "job" << jobId << "not printed:" << error;
            channel->answering = false;
            channel->downSince = QDateTime::currentDateTime();
        }
        channel->lastError = error;
        channel->delayMs = channel->delayMs == 0 ? m_firstRetryMs : qMin(channel->delayMs * 2, m_maxRetryMs);
        channel->retry.start(channel->delayMs);
    }
    emit statusChanged(printer);
}

QList<PrintSpooler::Status> PrintSpooler::statuses() const
{
    QList<Status> out;
    for (const PrinterConfig &p : m_queue->printers())
        out.append(status(p.name));
    return out;
}

PrintSpooler::Status PrintSpooler::status(const QString &printer) const
{
    Status s;
    s.printer = printer;
    s.waiting = m_queue->waitingCount(printer);
    const auto it = m_channels.find(printer);
    if (it != m_channels.end()) {
        s.answering = it->second->answering;
        s.downSince = it->second->downSince;
        s.lastError = it->second->lastError;
    }
    return s;
}

QString PrintSpooler::statusText(const QString &printer) const
{
    const Status s = status(printer);
    QString text = tr("%1: %n waiting", nullptr, s.waiting).arg(printer);
    if (!s.answering)
        text += tr(", printer not answering since %1").arg(m_locale.toString(s.downSince.time(), QStringLiteral("HH:mm")));
    return text;
}

} // namespace LittleLemon::Print
