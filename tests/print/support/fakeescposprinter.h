#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>

namespace LittleLemon::Test {

// A network ESC/POS printer for tests: a TCP listener on loopback that keeps
// every byte each connection sent and answers the status request (DLE EOT n)
// the way a printer does (one byte, "online, paper present"). It can be
// stopped and started again on the same port (a printer switched off and on)
// and told to stop answering status requests (a printer that takes the bytes
// but never confirms).
class FakeEscPosPrinter : public QObject
{
    Q_OBJECT
public:
    explicit FakeEscPosPrinter(QObject *parent = nullptr);
    bool start(quint16 port = 0); // 0: any free port the first time, the same one after
    void stop();                  // closes the listener and every open connection
    quint16 port() const { return m_port; }
    QString target() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    void setAnswerStatus(bool answer) { m_answerStatus = answer; }

    // Each connection's bytes, in the order the connections were opened.
    QList<QByteArray> received() const;
    // Every whole ticket (up to a cut) received, decoded to its text.
    QStringList tickets() const;
    int connections() const { return int(m_received.size()); }

signals:
    void bytesArrived();

private:
    QTcpServer m_server;
    QTcpSocket m_reserved;
    quint16 m_port = 0;
    bool m_answerStatus = true;
    QList<QByteArray> m_received;
};

} // namespace LittleLemon::Test
