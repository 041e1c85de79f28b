#include "serverendpoint.h"

#include <QCoreApplication>

namespace LittleLemon::Client {

ServerEndpoint ServerEndpoint::fromUserInput(const QString &text, QString *error)
{
    QString t = text.trimmed();
    if (!t.contains(QLatin1String("://")))
        t.prepend(QLatin1String("http://"));
    QUrl u(t, QUrl::StrictMode);
    ServerEndpoint e;
    if (!u.isValid() || u.host().isEmpty()
        || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https"))) {
        if (error)
            *error = QCoreApplication::translate("LittleLemon::ServerEndpoint",
                                                 "\"%1\" is not a server address. Try something like "
                                                 "http://192.168.1.10:8000.")
                         .arg(text.trimmed());
        return e;
    }
    QString path = u.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    u.setPath(path);
    u.setQuery(QString());
    u.setFragment(QString());
    e.m_base = u;
    return e;
}

QUrl ServerEndpoint::url(const QString &path, const QString &query) const
{
    QUrl u = m_base;
    u.setPath(m_base.path() + path);
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

QUrl ServerEndpoint::rehome(const QUrl &serverUrl) const
{
    QUrl u = m_base;
    QString path = serverUrl.path();
    // The server's URL already carries any base prefix it was reached under.
    if (!m_base.path().isEmpty() && !path.startsWith(m_base.path()))
        path.prepend(m_base.path());
    u.setPath(path);
    u.setQuery(serverUrl.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return u;
}

QString ServerEndpoint::key() const
{
    const int defaultPort = m_base.scheme() == QLatin1String("https") ? 443 : 80;
    return m_base.scheme() + QLatin1String("://") + m_base.host().toLower() + u':'
        + QString::number(m_base.port(defaultPort)) + m_base.path();
}

QString ServerEndpoint::displayName() const
{
    QString name = m_base.host();
    if (name.contains(u':'))
        name = u'[' + name + u']'; // an IPv6 address
    if (m_base.port() != -1)
        name += u':' + QString::number(m_base.port());
    return name + m_base.path();
}

} // namespace LittleLemon::Client
