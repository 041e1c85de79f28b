#include "api/server/httprequest.h"

namespace LittleLemon::Server {

QByteArray Request::header(QByteArrayView name) const
{
    for (qsizetype i = headers.size() - 1; i >= 0; --i) {
        if (name.compare(headers.at(i).first, Qt::CaseInsensitive) == 0)
            return headers.at(i).second;
    }
    return {};
}

bool Request::hasHeader(QByteArrayView name) const
{
    for (const Header &h : headers) {
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString Request::queryValue(QStringView key) const
{
    for (qsizetype i = query.size() - 1; i >= 0; --i) {
        if (query.at(i).first == key)
            return query.at(i).second;
    }
    return {};
}

Request::Method Request::methodFromName(QByteArrayView name)
{
    if (name == "GET")
        return Method::Get;
    if (name == "POST")
        return Method::Post;
    if (name == "PATCH")
        return Method::Patch;
    if (name == "PUT")
        return Method::Put;
    if (name == "DELETE")
        return Method::Delete;
    if (name == "HEAD")
        return Method::Head;
    if (name == "OPTIONS")
        return Method::Options;
    return Method::Other;
}

namespace {
QString decodeComponent(QByteArrayView part)
{
    QByteArray bytes = part.toByteArray();
    bytes.replace('+', ' ');
    // Invalid UTF-8 becomes U+FFFD, as Django's QueryDict does with errors='replace'.
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}
} // namespace

QList<Request::QueryItem> Request::parseQuery(QByteArrayView encoded)
{
    QList<QueryItem> out;
    qsizetype start = 0;
    while (start <= encoded.size()) {
        qsizetype end = encoded.indexOf('&', start);
        if (end < 0)
            end = encoded.size();
        const QByteArrayView pair = encoded.sliced(start, end - start);
        if (!pair.isEmpty()) {
            const qsizetype eq = pair.indexOf('=');
            if (eq < 0)
                out.append({ decodeComponent(pair), QStringLiteral("") });
            else
                out.append({ decodeComponent(pair.first(eq)), decodeComponent(pair.sliced(eq + 1)) });
        }
        start = end + 1;
    }
    return out;
}

} // namespace LittleLemon::Server
