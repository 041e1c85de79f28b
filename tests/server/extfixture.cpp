#include "extfixture.h"

#include <QJsonDocument>

namespace LittleLemon::Test {

bool ExtFixture::start(TestServer &server, QString *error, const QStringList &extraArgs)
{
    if (!server.start(CloudFixture::relaxedArgs() + extraArgs)) {
        *error = server.errorString();
        return false;
    }
    if (!CloudFixture::populate(server, error))
        return false;
    for (const auto &[name, role] : { std::pair { "cust2", "customer" }, std::pair { "crew2", "delivery-crew" } }) {
        const QString user = QString::fromLatin1(name);
        if (!server.addUser(user, QString::fromLatin1(role), CloudFixture::password(user),
                            user + QStringLiteral("@example.com"))) {
            *error = server.errorString();
            return false;
        }
    }
    return true;
}

ExtFixture::ExtFixture(TestServer &server)
    : m_server(server)
    , m_users(server)
{
}

HttpReply ExtFixture::call(const QString &user, const QByteArray &method, const QString &path, const QJsonValue &body,
                           const HttpTestClient::Headers &headers)
{
    HttpTestClient http(m_server.url());
    if (!user.isEmpty() && user != u"anon")
        http.setToken(m_users.token(user));
    HttpTestClient::Headers all = headers;
    QByteArray bytes;
    if (!body.isUndefined()) {
        bytes = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                               : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        all.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    }
    return http.send(method, path, bytes, all);
}

qint64 ExtFixture::cartOrder(const QString &customer, qint64 item, int quantity)
{
    const HttpReply added = call(customer, "POST", QStringLiteral("/api/cart"),
                                 QJsonObject { { QStringLiteral("menuitem"), item }, { QStringLiteral("quantity"), quantity } });
    if (added.status != 201)
        return -1;
    const HttpReply made = call(customer, "POST", QStringLiteral("/api/orders"));
    return made.status == 201 ? made.object().value(QStringLiteral("order_id")).toInteger() : -1;
}

QList<QJsonObject> ExtFixture::readAll(const QString &user, const QString &path)
{
    QList<QJsonObject> out;
    QString next = path + (path.contains(u'?') ? QStringLiteral("&page_size=500") : QStringLiteral("?page_size=500"));
    int guard = 0;
    while (!next.isEmpty() && ++guard < 100) {
        const HttpReply r = get(user, next);
        if (r.status != 200)
            return {};
        for (const QJsonValue &v : r.object().value(QStringLiteral("results")).toArray())
            out << v.toObject();
        const QString url = r.object().value(QStringLiteral("next")).toString();
        next = url.isEmpty() ? QString() : url.mid(url.indexOf(QStringLiteral("/api/")));
    }
    return out;
}

QString mirrorKey(const QString &entity, const QJsonObject &record, qint64 feedId)
{
    if (entity == u"group-membership") {
        return record.value(QStringLiteral("group")).toString() + u'/'
            + QString::number(record.value(QStringLiteral("user")).toInteger());
    }
    const QJsonValue id = record.value(QStringLiteral("id"));
    return QString::number(id.isUndefined() ? feedId : id.toInteger());
}

} // namespace LittleLemon::Test
