#pragma once

#include <QString>
#include <QUrl>

namespace LittleLemon::Client {

// Where a server lives, as the user typed it, and how paths are joined to it.
// A `next` URL from a paginated list may name the server another way
// (127.0.0.1 vs localhost, a proxy's host): its path and query are kept and
// put on the configured scheme, host and port.
class ServerEndpoint
{
public:
    ServerEndpoint() = default;
    // Accepts "http://host:8000", "host:8000" (http assumed), with or without a trailing slash.
    static ServerEndpoint fromUserInput(const QString &text, QString *error = nullptr);

    bool isValid() const { return m_base.isValid() && !m_base.host().isEmpty(); }
    QUrl base() const { return m_base; }
    // "/api/menu-items" → "http://host:8000/api/menu-items"; keeps a base path prefix.
    QUrl url(const QString &path, const QString &query = QString()) const;
    // Re-homes an absolute URL the server sent onto this endpoint.
    QUrl rehome(const QUrl &serverUrl) const;
    // A stable key for caches and the keychain: "https://host:443".
    QString key() const;
    // How the server is named in sentences for people: "192.168.1.10:8000".
    QString displayName() const;
    bool isHttps() const { return m_base.scheme() == QLatin1String("https"); }

private:
    QUrl m_base;
};

} // namespace LittleLemon::Client
