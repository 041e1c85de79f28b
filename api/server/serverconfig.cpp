#include "serverconfig.h"

namespace LittleLemon::Server {

bool ServerConfig::setListen(const QString &text, QString *error)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0) {
        if (error)
            *error = QStringLiteral("expected ADDRESS:PORT, got \"%1\"").arg(text);
        return false;
    }
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535) {
        if (error)
            *error = QStringLiteral("\"%1\" is not a port number").arg(text.mid(colon + 1));
        return false;
    }
    QHostAddress a = host.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(host);
    if (host == QLatin1String("localhost"))
        a = QHostAddress::LocalHost;
    if (a.isNull()) {
        if (error)
            *error = QStringLiteral("\"%1\" is not an IP address").arg(host);
        return false;
    }
    address = a;
    port = quint16(p);
    return true;
}

} // namespace LittleLemon::Server
