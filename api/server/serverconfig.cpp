#include "serverconfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QUrl>

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

bool ServerConfig::parseUpstreamUrl(const QString &text, QString *normalized, QString *error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty()
        || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("littlelemon-server",
                                                 "the upstream wants the cloud's address such as "
                                                 "https://cloud.example, got \"%1\"")
                         .arg(text);
        return false;
    }
    QString out = url.toString();
    while (out.endsWith(u'/'))
        out.chop(1);
    if (normalized)
        *normalized = out;
    return true;
}

bool ServerConfig::readUpstreamPassword(const QString &path, QString *password, QString *error)
{
    QFile file(path);
    if (!file.exists()) {
        *error = QCoreApplication::translate("littlelemon-server", "the upstream password file %1 does not exist")
                     .arg(path);
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("littlelemon-server", "cannot read the upstream password file %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    QByteArray line = file.readLine(4096);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        *error = QCoreApplication::translate("littlelemon-server",
                                             "the upstream password file %1 is empty: put the password on its "
                                             "first line")
                     .arg(path);
        return false;
    }
    *password = QString::fromUtf8(line);
    return true;
}

bool ServerConfig::checkUpstream(QString *error) const
{
    if (upstream.isEmpty() && upstreamUser.isEmpty() && upstreamPasswordFile.isEmpty())
        return true;
    if (upstream.isEmpty() || upstreamUser.isEmpty() || upstreamPasswordFile.isEmpty()) {
        *error = QCoreApplication::translate("littlelemon-server",
                                             "upstream, upstream_user and upstream_password_file go together: "
                                             "give all three (a hub to the cloud) or none");
        return false;
    }
    if (!parseUpstreamUrl(upstream, nullptr, error))
        return false;
    QString password;
    return readUpstreamPassword(upstreamPasswordFile, &password, error);
}

} // namespace LittleLemon::Server
