#pragma once

#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QString>

namespace LittleLemon::Test {

// The world of the extension tests: CloudFixture's users and menu (admin 1,
// mario 2 manager, crew 3, cust 4; categories 1-4, items 1-6) plus cust2
// (5, customer) and crew2 (6, delivery crew), and calls as any of them.
class ExtFixture
{
public:
    static constexpr qint64 kAdmin = 1;
    static constexpr qint64 kMario = 2;
    static constexpr qint64 kCrew = 3;
    static constexpr qint64 kCust = 4;
    static constexpr qint64 kCust2 = 5;
    static constexpr qint64 kCrew2 = 6;

    // Starts the server (relaxed throttles plus `extraArgs`) and fills it.
    static bool start(TestServer &server, QString *error, const QStringList &extraArgs = {});

    explicit ExtFixture(TestServer &server);

    // One request as `user` ("" or "anon": anonymous); a JSON body when given.
    HttpReply call(const QString &user, const QByteArray &method, const QString &path,
                   const QJsonValue &body = QJsonValue(QJsonValue::Undefined),
                   const HttpTestClient::Headers &headers = {});
    HttpReply get(const QString &user, const QString &path, const HttpTestClient::Headers &headers = {})
    {
        return call(user, "GET", path, QJsonValue(QJsonValue::Undefined), headers);
    }
    QString token(const QString &user) { return m_users.token(user); }

    // A new order of `customer` from their cart (`quantity` of menu item `item`).
    qint64 cartOrder(const QString &customer, qint64 item = 2, int quantity = 1);
    // Every row of a paginated list (page_size=500, following next).
    QList<QJsonObject> readAll(const QString &user, const QString &path);

private:
    TestServer &m_server;
    CloudFixture m_users;
};

// A client's copy of the server as the change feed builds it, and as full
// reads show it: entity name → record key → record.
using Mirror = QMap<QString, QMap<QString, QJsonObject>>;

// The keys records are filed under: their id; memberships by group and user
// (their feed id is the membership's, their list entry the user's).
QString mirrorKey(const QString &entity, const QJsonObject &record, qint64 feedId);

} // namespace LittleLemon::Test
