#include "rawhttp.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>
#include <QNetworkProxy>

namespace LittleLemon::Test {

RawHttp::RawHttp(const QHostAddress &from, QObject *parent)
    : QObject(parent)
{
    m_socket.setProxy(QNetworkProxy::NoProxy);
    m_socket.bind(from, 0);
    connect(&m_socket, &QIODevice::readyRead, this, &RawHttp::read);
}

bool RawHttp::connectTo(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    return m_socket.waitForConnected(timeoutMs);
}

void RawHttp::send(const QByteArray &request)
{
    m_waiting = true;
    m_timer.start();
    m_socket.write(request);
}

QByteArray RawHttp::request(const QByteArray &method, const QByteArray &path, const QByteArray &token,
                            const QByteArray &body)
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        out += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty() || method == "POST")
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

QByteArray RawHttp::header(const Answer &answer, const QByteArray &name)
{
    for (const QByteArray &line : answer.head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

void RawHttp::read()
{
    m_buffer += m_socket.readAll();
    for (;;) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Answer a;
        a.head = m_buffer.left(end);
        const QByteArray length = header(a, "Content-Length");
        const qsizetype size = length.isEmpty() ? 0 : length.toLongLong();
        if (m_buffer.size() < end + 4 + size)
            return;
        a.body = m_buffer.mid(end + 4, size);
        m_buffer.remove(0, end + 4 + size);
        a.status = a.head.mid(9, 3).toInt();
        a.elapsedMs = m_timer.elapsed();
        m_waiting = false;
        Q_EMIT answered(a);
    }
}

RawHttp::Answer exchangeFrom(const QHostAddress &from, quint16 port, const QByteArray &request, int timeoutMs)
{
    RawHttp http(from);
    if (!http.connectTo(port, timeoutMs))
        return {};
    RawHttp::Answer answer;
    QEventLoop loop;
    QObject::connect(&http, &RawHttp::answered, &loop, [&](const RawHttp::Answer &a) {
        answer = a;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    http.send(request);
    loop.exec();
    return answer;
}

qint64 residentBytes(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

} // namespace LittleLemon::Test
