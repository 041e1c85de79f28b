#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>

namespace LittleLemon::Server {

// One HTTP answer as the core produces it; the adapter puts it on the wire.
struct Response
{
    using Header = QPair<QByteArray, QByteArray>;

    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<Header> headers; // besides Content-Type and Content-Length
    QByteArray body;

    static Response json(int status, const QJsonObject &object);
    static Response json(int status, const QJsonArray &array);
    static Response json(int status, const QJsonValue &value);
    // A body already encoded (JsonWriter).
    static Response jsonBytes(int status, QByteArray body);
    static Response noContent(); // 204, no body
    // {"detail": text}, the DRF shape for most errors.
    static Response detail(int status, const QString &text);

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;

    // "OK", "Not Found", ... for the status line.
    static QByteArray reasonPhrase(int status);
};

} // namespace LittleLemon::Server
