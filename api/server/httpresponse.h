#pragma once

#include <QByteArray>
#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>

#include <memory>

namespace LittleLemon::Server {

// One HTTP answer as the core produces it; the adapter puts it on the wire.
struct Response
{
    using Header = QPair<QByteArray, QByteArray>;

    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<Header> headers; // besides Content-Type and Content-Length
    QByteArray body;
    // Set when the answer is not known yet (a password being hashed on
    // another thread): the adapter writes the future's Response when it
    // comes, in order with the connection's other answers. Everything else
    // in this Response is then unused.
    std::shared_ptr<QFuture<Response>> pending;

    static Response json(int status, const QJsonObject &object);
    static Response json(int status, const QJsonArray &array);
    static Response json(int status, const QJsonValue &value);
    // A body already encoded (JsonWriter).
    static Response jsonBytes(int status, QByteArray body);
    static Response noContent(); // 204, no body
    // {"detail": text}, the DRF shape for most errors.
    static Response detail(int status, const QString &text);
    // An answer that comes later (`pending`).
    static Response later(QFuture<Response> future);
    bool isPending() const { return pending != nullptr; }

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;

    // "OK", "Not Found", ... for the status line.
    static QByteArray reasonPhrase(int status);
};

} // namespace LittleLemon::Server
