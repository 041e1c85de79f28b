#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTcpSocket>

namespace LittleLemon::Test {

// One keep-alive HTTP/1.1 connection from a chosen loopback address
// (127.0.0.2, 127.0.0.3, ...: each is another client to the server's
// per-address limits), sending requests as raw bytes and reading answers
// without blocking, so a test can keep many in flight at once and time each.
class RawHttp : public QObject
{
    Q_OBJECT

public:
    struct Answer
    {
        int status = 0;
        QByteArray head; // status line and headers
        QByteArray body;
        qint64 elapsedMs = 0; // from send() to the last byte
    };

    explicit RawHttp(const QHostAddress &from, QObject *parent = nullptr);

    // Connects to 127.0.0.1:port (false if it did not within timeoutMs).
    bool connectTo(quint16 port, int timeoutMs = 5000);
    // Sends one request (answered by answered()).
    void send(const QByteArray &request);
    // A small request: "GET path" with an optional bearer token and JSON body.
    static QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &token = {},
                              const QByteArray &body = {});
    QTcpSocket &socket() { return m_socket; }
    bool waiting() const { return m_waiting; }
    // The value of a header of an answer (case-insensitive), empty if absent.
    static QByteArray header(const Answer &answer, const QByteArray &name);

Q_SIGNALS:
    void answered(const LittleLemon::Test::RawHttp::Answer &answer);

private:
    void read();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QElapsedTimer m_timer;
    bool m_waiting = false;
};

// Sends one request over a new connection from `from` and waits for the
// answer (status 0 when none came within timeoutMs).
RawHttp::Answer exchangeFrom(const QHostAddress &from, quint16 port, const QByteArray &request, int timeoutMs = 30000);

// The resident memory of a process in bytes (VmRSS), -1 when unknown.
qint64 residentBytes(qint64 pid);

} // namespace LittleLemon::Test

Q_DECLARE_METATYPE(LittleLemon::Test::RawHttp::Answer)
