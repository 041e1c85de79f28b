#pragma once

#include "tests/support/httptestclient.h"
#include "tests/support/testserver.h"

#include <QHash>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <memory>

namespace LittleLemon::Test {

// The world cloud-examples.md was recorded in: admin (staff, id 1), mario
// (manager, id 2), crew (delivery crew, id 3), cust (customer, id 4); the
// categories appetizers, drinks, desserts, meals (ids 1-4) and the cloud's six
// menu items (Eggplant Parmiggiana is item 1, in category 4).
class CloudFixture
{
public:
    // Throttles raised and tokens long-lived: tests that are not about
    // throttling must not trip over it.
    static QStringList relaxedArgs();
    static QString password(const QString &username) { return username + QStringLiteral("-Pass#1"); }

    // Adds the users (through the CLI) and the menu (through the API as
    // admin). The server must be running.
    static bool populate(TestServer &server, QString *error);
    // Users only.
    static bool addUsers(TestServer &server, QString *error);

    // Logs in once per user and remembers the access tokens.
    explicit CloudFixture(TestServer &server);
    QString token(const QString &username);
    // A client whose requests carry `username`'s token ("" for anonymous).
    std::unique_ptr<HttpTestClient> as(const QString &username);

private:
    TestServer &m_server;
    QHash<QString, QString> m_tokens;
};

// True when `actual` holds everything in `expected`: objects key by key
// (extra keys in actual allowed only when `subset`, except littlelemon-
// server's documented extension fields, which a cloud-only client ignores:
// a menu item's "available", an order's "stage", "note" and "history", and
// /me's "id", "groups" and "is_staff", each of its documented type), arrays
// element by element with equal length, scalars equal.
bool jsonMatches(const QJsonValue &actual, const QJsonValue &expected, bool subset, QString *where);
QJsonValue parseJson(const QByteArray &text);

} // namespace LittleLemon::Test
