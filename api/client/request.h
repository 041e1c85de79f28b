#pragma once

#include "models/order.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace LittleLemon::Client {

// One HTTP exchange as the client describes it, before pacing, tokens and
// retries: what RequestJob sends (perhaps more than once).
struct Request
{
    // Whether the call carries the user's access token.
    enum class Auth {
        None,     // sign-in and token calls: never a token, a 401 is an answer
        Optional, // public reads (menu, meta): the token when signed in
        Required, // everything else: fails at once when signed out
    };

    QByteArray method = QByteArrayLiteral("GET");
    // A path under the server ("/api/menu-items"), or an absolute URL the
    // server sent (a `next` link), which is re-homed onto the configured server.
    QString path;
    QUrl absoluteUrl;
    QUrlQuery query;
    // Sent as JSON when not undefined.
    QJsonValue json = QJsonValue(QJsonValue::Undefined);
    // Sent as is (with contentType) when not null; for callers that must send
    // bytes that are not JSON of ours.
    QByteArray rawBody;
    QByteArray contentType;
    Auth auth = Auth::Required;
    // Statuses that count as an answer, not an error (404 from /api/meta: "plain cloud").
    QList<int> acceptedStatuses;
    // Writes: If-Match (our "etag" extension) and Idempotency-Key (our
    // "idempotency" extension); sent only to a server that has them. An empty
    // key on a write to such a server gets a fresh one, kept across retries.
    QByteArray ifMatch;
    QString idempotencyKey;
    // False: the body can be read once only, so when a connection dies before
    // the answer Qt fails the request (an Offline error) instead of silently
    // sending it again on a new connection. For writes that must not happen
    // twice on a server without the "idempotency" extension: the caller
    // decides whether to send again (the sync engine first looks whether the
    // first one was done).
    bool silentResend = true;

    bool isWrite() const
    {
        return method != QByteArrayLiteral("GET") && method != QByteArrayLiteral("HEAD")
            && method != QByteArrayLiteral("OPTIONS");
    }

    static Request get(const QString &path, Auth auth = Auth::Required)
    {
        Request r;
        r.path = path;
        r.auth = auth;
        return r;
    }
    static Request write(const QByteArray &method, const QString &path, const QJsonValue &json,
                         Auth auth = Auth::Required)
    {
        Request r;
        r.method = method;
        r.path = path;
        r.json = json;
        r.auth = auth;
        return r;
    }
};

// What a caller may add to a write.
struct WriteOptions
{
    // The ETag of the version being edited: a server with "etag" answers 412
    // (ApiError::Kind::Conflict, with its current version) when it changed since.
    QByteArray ifMatch;
    // A key that stays the same for every attempt of this one change (the
    // outbox keeps it across restarts); empty: one is made per call.
    QString idempotencyKey;
};

// Filters of GET /api/menu-items, as the cloud takes them.
struct MenuQuery
{
    QString category; // a category slug, any case
    QString search;   // title, category slug or id
    QString price;    // an exact price, "5.50"
    QString ordering; // "price" or "-price"

    QUrlQuery toQuery() const
    {
        QUrlQuery q;
        if (!category.isEmpty())
            q.addQueryItem(QStringLiteral("category"), category);
        if (!search.isEmpty())
            q.addQueryItem(QStringLiteral("search"), search);
        if (!price.isEmpty())
            q.addQueryItem(QStringLiteral("price"), price);
        if (!ordering.isEmpty())
            q.addQueryItem(QStringLiteral("ordering"), ordering);
        return q;
    }
};

// A PATCH of an order: only the fields that are set are sent. Managers send
// status and delivery_crew, delivery crew status only; `stage` needs the
// server's "stages" extension.
struct OrderPatch
{
    std::optional<bool> status;
    // Outer: whether to send it; inner nullopt: take the order off any crew.
    std::optional<std::optional<qint64>> deliveryCrew;
    std::optional<OrderStage> stage;

    QJsonObject toJson() const
    {
        QJsonObject o;
        if (status)
            o.insert(QStringLiteral("status"), *status);
        if (deliveryCrew)
            o.insert(QStringLiteral("delivery_crew"), *deliveryCrew ? QJsonValue(**deliveryCrew) : QJsonValue());
        if (stage)
            o.insert(QStringLiteral("stage"), toWire(*stage));
        return o;
    }
};

// One line of a counter order (our "counter_orders" extension).
struct CounterLine
{
    qint64 menuitem = 0;
    int quantity = 1;
};

} // namespace LittleLemon::Client
