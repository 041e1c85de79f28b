#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace LittleLemon::Server {

// One HTTP request as the core sees it: no socket, no Qt HTTP Server type.
// The adapter fills it from the wire; tests and fuzzers build it by hand.
struct Request
{
    enum class Method { Get, Head, Post, Put, Patch, Delete, Options, Other };
    using Header = QPair<QByteArray, QByteArray>;
    using QueryItem = QPair<QString, QString>;

    Method method = Method::Get;
    QByteArray methodName = QByteArrayLiteral("GET"); // as sent, for "Method \"X\" not allowed."
    QString path;                                     // percent-decoded, no query
    QList<QueryItem> query;                           // in order, '+' already turned into a space
    QList<Header> headers;                            // names as sent
    QByteArray body;
    QHostAddress peer;
    bool secure = false; // arrived over TLS: the links the server writes say https

    // A header's value; names compare case-insensitively. The last one wins,
    // as Django's META does for repeated headers.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // A query parameter's value: the last one wins, as Django's QueryDict.get does.
    // A null QString when absent.
    QString queryValue(QStringView key) const;

    static Method methodFromName(QByteArrayView name);
    // Splits "a=1&b=x+y" (application/x-www-form-urlencoded) into decoded pairs.
    static QList<QueryItem> parseQuery(QByteArrayView encoded);
};

} // namespace LittleLemon::Server
