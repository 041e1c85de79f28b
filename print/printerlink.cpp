#include "print/printerlink.h"

#include <QDir>
#include <QFontDatabase>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QPrinterInfo>

namespace LittleLemon::Print {

namespace {
int g_connectMs = 2000;
int g_ackMs = 5000;
} // namespace

void NetworkLink::setTimeouts(int connectMs, int ackMs)
{
    g_connectMs = connectMs;
    g_ackMs = ackMs;
}

NetworkLink::NetworkLink(const QString &host, quint16 port, QObject *parent)
    : PrinterLink(parent)
    , m_host(host)
    , m_port(port)
{
    m_timer.setSingleShot(true);
}

void NetworkLink::start(const QByteArray &bytes, const QStringList &)
{
    m_socket = new QTcpSocket(this);
    QByteArray payload = bytes;
    payload.append("\x10\x04\x01", 3); // DLE EOT 1: the acknowledgement we wait for
    connect(&m_timer, &QTimer::timeout, this, [this] {
        done(m_wrote ? Outcome::Uncertain : Outcome::NotReached,
             m_wrote ? tr("The printer did not confirm the ticket.") : tr("The printer does not answer."));
    });
    connect(m_socket, &QTcpSocket::connected, this, [this, payload] {
        m_timer.start(g_ackMs);
        m_wrote = true;
        m_socket->write(payload);
    });
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        if (m_socket->read(1).size() == 1) {
            m_socket->disconnectFromHost();
            done(Outcome::Printed, QString());
        }
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        done(m_wrote ? Outcome::Uncertain : Outcome::NotReached, m_socket->errorString());
    });
    m_timer.start(g_connectMs);
    m_socket->connectToHost(m_host, m_port);
}

void NetworkLink::done(Outcome outcome, const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (outcome != Outcome::Printed)
        m_socket->abort();
    emit finished(outcome, error);
}

PageLink::PageLink(const PrinterConfig &config, const QString &jobName, QObject *parent)
    : PrinterLink(parent)
    , m_config(config)
    , m_jobName(jobName)
{
}

bool PageLink::drawLines(QPagedPaintDevice *device, const QStringList &lines, int columns, QString *error)
{
    QPainter painter;
    if (!painter.begin(device)) {
        if (error)
            *error = tr("The printer cannot start a page.");
        return false;
    }
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QRect page = painter.viewport();
    // A font that fits `columns` characters across the page.
    font.setPixelSize(qMax(6, int(page.width() / (columns * 0.62))));
    QFont boldFont = font;
    boldFont.setBold(true);
    painter.setFont(font);
    const int lineHeight = QFontMetrics(font, device).lineSpacing();
    int y = lineHeight;
    for (const QString &raw : lines) {
        if (y > page.height() - lineHeight) {
            device->newPage();
            y = lineHeight;
        }
        const bool bold = raw.startsWith(QStringLiteral("**"));
        painter.setFont(bold ? boldFont : font);
        painter.drawText(0, y, bold ? raw.mid(2) : raw);
        y += lineHeight;
    }
    return painter.end();
}

void PageLink::start(const QByteArray &, const QStringList &lines)
{
    QString error;
    bool ok = false;
    const int columns = columnsFor(m_config.width);
    // Receipt paper: the width in mm, as long as the lines need.
    const QPageSize size(QSizeF(int(m_config.width), qMax(80.0, 6.0 * lines.size() + 20)), QPageSize::Millimeter,
                         QString(), QPageSize::ExactMatch);
    if (m_config.kind == PrinterConfig::Kind::PdfFolder) {
        QDir dir(m_config.target);
        if (!dir.mkpath(QStringLiteral("."))) {
            error = tr("The folder %1 cannot be created.").arg(m_config.target);
        } else {
            const QString file = dir.filePath(m_jobName + QStringLiteral(".pdf"));
            const QString partial = file + QStringLiteral(".part");
            {
                QPdfWriter writer(partial);
                writer.setPageSize(size);
                writer.setPageMargins(QMarginsF(2, 2, 2, 2), QPageLayout::Millimeter);
                writer.setTitle(m_jobName);
                writer.setCreator(QStringLiteral("Little Lemon Desk"));
                ok = drawLines(&writer, lines, columns, &error);
            }
            // Whole files only: a folder watcher never picks up half a ticket.
            ok = ok && (QFile::remove(file) || !QFile::exists(file)) && QFile::rename(partial, file);
            if (!ok && error.isEmpty())
                error = tr("The file %1 cannot be written.").arg(file);
        }
    } else {
        QPrinter printer(QPrinter::HighResolution);
        printer.setPrinterName(m_config.target);
        if (!printer.isValid()) {
            error = tr("The system has no printer called %1.").arg(m_config.target);
        } else {
            // The queue's own paper (A4, or the roll its driver declares): a
            // custom size set here made a second job crash Qt 6.4's CUPS engine.
            printer.setDocName(m_jobName);
            ok = drawLines(&printer, lines, columns, &error);
        }
    }
    // Handed to the spooler (or written) whole, or not at all: never uncertain.
    QMetaObject::invokeMethod(
        this, [this, ok, error] { emit finished(ok ? Outcome::Printed : Outcome::NotReached, error); },
        Qt::QueuedConnection);
}

} // namespace LittleLemon::Print
