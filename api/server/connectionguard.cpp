#include "api/server/connectionguard.h"

#include <QLoggingCategory>
#include <QTcpSocket>

namespace LittleLemon::Server {

Q_LOGGING_CATEGORY(lcGuard, "littlelemon.server.socket", QtWarningMsg)

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, qint64 maxBodyBytes)
    : QObject(socket)
    , m_socket(socket)
    , m_maxBody(maxBodyBytes)
{
    connect(socket, &QIODevice::readyRead, this, &ConnectionGuard::inspect);
}

void ConnectionGuard::inspect()
{
    if (m_state == State::Draining) {
        m_bodyLeft -= m_socket->skip(m_socket->bytesAvailable());
        if (m_bodyLeft <= 0)
            m_socket->disconnectFromHost();
        return;
    }
    if (m_state == State::Refused || m_state == State::Upgraded)
        return;
    // Qt's handler reads everything on each readyRead, so what is available
    // now is exactly what arrived since the last call.
    const QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
    qsizetype pos = 0;
    while (pos < fresh.size() && (m_state == State::Headers || m_state == State::Body)) {
        if (m_state == State::Body) {
            const qint64 take = qMin<qint64>(m_bodyLeft, fresh.size() - pos);
            m_bodyLeft -= take;
            pos += take;
            if (m_bodyLeft == 0)
                m_state = State::Headers;
            continue;
        }
        // Headers: collect up to the blank line.
        const qsizetype before = m_headers.size();
        m_headers.append(fresh.constData() + pos, fresh.size() - pos);
        const qsizetype end = m_headers.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_headers.size() > kMaxHeaderBytes)
                refuse(431, "Request header fields too large.");
            return;
        }
        if (end + 4 > kMaxHeaderBytes) {
            refuse(431, "Request header fields too large.");
            return;
        }
        pos += end + 4 - before;
        m_headers.truncate(end + 4);
        if (!headerBlockDone())
            return;
        m_headers.clear();
    }
}

bool ConnectionGuard::headerBlockDone()
{
    qint64 length = 0;
    bool expectContinue = false;
    const QList<QByteArray> lines = m_headers.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            length = value.toLongLong(&ok);
            if (!ok || length < 0) {
                refuse(400, "Invalid Content-Length.");
                return false;
            }
        } else if (name == "transfer-encoding" && value.toLower() != "identity") {
            refuse(411, "A Content-Length is required.");
            return false;
        } else if (name == "expect" && value.toLower() == "100-continue") {
            expectContinue = true;
        } else if (name == "upgrade") {
            // What follows is another protocol (WebSocket frames), not HTTP.
            m_state = State::Upgraded;
            return false;
        }
    }
    if (length > m_maxBody) {
        // What already arrived of the body counts towards the drain.
        refuse(413, "Request body is larger than " + QByteArray::number(m_maxBody) + " bytes.",
               qMin(length, kMaxDrainBytes));
        return false;
    }
    if (expectContinue && length > 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    if (length > 0) {
        m_bodyLeft = length;
        m_state = State::Body;
    }
    return true;
}

void ConnectionGuard::refuse(int status, const QByteArray &detail, qint64 drainBytes)
{
    m_state = drainBytes > 0 ? State::Draining : State::Refused;
    qCInfo(lcGuard) << "refused a connection with" << status << detail;
    // Nobody else reads this connection again; answer and close.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    const QByteArray body = "{\"detail\":\"" + detail + "\"}";
    const QByteArray reason = status == 413 ? "Request Entity Too Large"
        : status == 431                      ? "Request Header Fields Too Large"
        : status == 411                      ? "Length Required"
                                             : "Bad Request";
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                    + "\r\nConnection: close\r\n\r\n" + body);
    if (m_state == State::Draining) {
        // From here on this guard is the connection's only reader.
        connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::inspect);
        m_bodyLeft = drainBytes;
        m_bodyLeft -= m_socket->skip(m_socket->bytesAvailable());
        if (m_bodyLeft > 0)
            return;
    }
    m_socket->disconnectFromHost();
}

GuardedTcpServer::GuardedTcpServer(qint64 maxBodyBytes, QObject *parent)
    : QTcpServer(parent)
    , m_maxBody(maxBodyBytes)
{
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    new ConnectionGuard(socket, m_maxBody);
    addPendingConnection(socket);
}

} // namespace LittleLemon::Server
