#include "fakeescposprinter.h"

#include "print/escposdecoder.h"

#include <QTcpSocket>

namespace LittleLemon::Test {

FakeEscPosPrinter::FakeEscPosPrinter(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            const qsizetype index = m_received.size();
            m_received.append(QByteArray());
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, index] {
                const QByteArray data = socket->readAll();
                QByteArray &all = m_received[index];
                const qsizetype before = all.size();
                all += data;
                // A status request answered once per request, as a printer does.
                for (qsizetype at = all.indexOf("\x10\x04", qMax<qsizetype>(0, before - 2)); at >= 0 && at + 2 < all.size();
                     at = all.indexOf("\x10\x04", at + 3)) {
                    if (m_answerStatus)
                        socket->write("\x12", 1);
                }
                emit bytesArrived();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool FakeEscPosPrinter::start(quint16 port)
{
    if (port == 0)
        port = m_port;
    m_reserved.abort(); // the port, kept while switched off
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void FakeEscPosPrinter::stop()
{
    m_server.close();
    for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>())
        socket->abort();
    // Switched off, the port stays ours: bound, not listening, so a
    // connection is refused at once, and no other test's server can take the
    // port and answer in the printer's place.
    if (m_port != 0)
        m_reserved.bind(QHostAddress::LocalHost, m_port);
}

QList<QByteArray> FakeEscPosPrinter::received() const
{
    return m_received;
}

QStringList FakeEscPosPrinter::tickets() const
{
    QStringList out;
    for (const QByteArray &bytes : m_received)
        for (const QByteArray &ticket : LittleLemon::Print::EscPosDecoder::splitAtCuts(bytes))
            out.append(LittleLemon::Print::EscPosDecoder::plainText(ticket));
    return out;
}

} // namespace LittleLemon::Test
