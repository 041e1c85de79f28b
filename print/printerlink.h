#pragma once

#include "print/printqueue.h"

#include <QObject>
#include <QPagedPaintDevice>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace LittleLemon::Print {

// One attempt to print one job on one printer, asynchronous: finished() says
// what became of it. Never blocks the thread it runs on.
class PrinterLink : public QObject
{
    Q_OBJECT
public:
    enum class Outcome {
        Printed,    // the printer has every byte (acknowledged)
        NotReached, // nothing was sent: safe to send again as it is
        Uncertain,  // bytes went out but no acknowledgement: may have printed
    };
    Q_ENUM(Outcome)

    using QObject::QObject;
    // `bytes` for ESC/POS printers, `lines` ("**" = bold) for page printers.
    virtual void start(const QByteArray &bytes, const QStringList &lines) = 0;

signals:
    void finished(LittleLemon::Print::PrinterLink::Outcome outcome, const QString &error);
};

// A network ESC/POS printer on raw TCP (9100). The ticket is followed by
// DLE EOT 1 (transmit printer status): a printer answers it in real time once
// it has read everything before it, so its one-byte answer is the
// acknowledgement; then the socket is closed.
class NetworkLink : public PrinterLink
{
    Q_OBJECT
public:
    NetworkLink(const QString &host, quint16 port, QObject *parent = nullptr);
    void start(const QByteArray &bytes, const QStringList &lines) override;

    static void setTimeouts(int connectMs, int ackMs); // for tests and slow networks

private:
    void done(Outcome outcome, const QString &error);

    QString m_host;
    quint16 m_port;
    QTcpSocket *m_socket = nullptr;
    QTimer m_timer;
    bool m_wrote = false;
    bool m_finished = false;
};

// A system printer (Qt Print Support, through CUPS on Linux) or a PDF file in
// a folder: the ticket's lines drawn in a fixed-width font. Spooling to CUPS
// is a local hand-off; it runs when the event loop next turns.
class PageLink : public PrinterLink
{
    Q_OBJECT
public:
    PageLink(const PrinterConfig &config, const QString &jobName, QObject *parent = nullptr);
    void start(const QByteArray &bytes, const QStringList &lines) override;

    // Draws lines on a printer or PDF page of the paper's width; false with an error.
    static bool drawLines(QPagedPaintDevice *device, const QStringList &lines, int columns, QString *error);

private:
    PrinterConfig m_config;
    QString m_jobName;
};

} // namespace LittleLemon::Print
