#include "api/server/requestcontext.h"

#include "api/server/httperror.h"
#include "api/server/jsonsyntax.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>

#include <algorithm>

namespace LittleLemon::Server {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("LittleLemon::Server", text);
}

QString jsonTypeName(const QJsonValue &v)
{
    // Python's type names, as DRF's "Expected a dictionary, but got list." says them.
    switch (v.type()) {
    case QJsonValue::Array: return QStringLiteral("list");
    case QJsonValue::String: return QStringLiteral("str");
    case QJsonValue::Bool: return QStringLiteral("bool");
    case QJsonValue::Double: return v.toDouble() == double(qint64(v.toDouble())) ? QStringLiteral("int")
                                                                                   : QStringLiteral("float");
    case QJsonValue::Null: return QStringLiteral("NoneType");
    default: break;
    }
    return QStringLiteral("dict");
}
} // namespace

RequestContext::RequestContext(const Request &request, RouteParams params, std::optional<User> user)
    : m_request(request)
    , m_params(std::move(params))
    , m_user(std::move(user))
{
}

const User &RequestContext::requireUser() const
{
    if (!m_user)
        throw HttpError::notAuthenticated().withHeader("WWW-Authenticate", "Bearer realm=\"api\"");
    return *m_user;
}

void RequestContext::parseBody() const
{
    if (m_parsed)
        return;
    m_parsed = true;
    if (m_request.body.isEmpty())
        return;
    QByteArray type = m_request.header("Content-Type");
    const qsizetype semicolon = type.indexOf(';');
    const QByteArray mime = (semicolon >= 0 ? type.left(semicolon) : type).trimmed().toLower();
    if (mime == "application/json" || mime.endsWith("+json")) {
        QString why;
        const auto value = JsonSyntax::parse(m_request.body, &why);
        if (!value)
            throw HttpError::detail(400, tr("JSON parse error - %1").arg(why));
        m_json = *value;
    } else if (mime == "application/x-www-form-urlencoded") {
        // DRF reads forms too; every value arrives as a string, which the
        // field readers convert as DRF's fields do.
        QJsonObject o;
        for (const auto &item : Request::parseQuery(m_request.body))
            o.insert(item.first, item.second);
        m_json = o;
    } else {
        throw HttpError::detail(415, tr("Unsupported media type \"%1\" in request.")
                                         .arg(QString::fromLatin1(type.trimmed())));
    }
    if (m_json.isObject())
        m_object = m_json.toObject();
}

const QJsonValue &RequestContext::json() const
{
    parseBody();
    return m_json;
}

const QJsonObject &RequestContext::object() const
{
    parseBody();
    if (!m_json.isUndefined() && !m_json.isNull() && !m_json.isObject()) {
        throw HttpError(400, QJsonObject { { QStringLiteral("non_field_errors"),
                                             QJsonArray { tr("Invalid data. Expected a dictionary, but got %1.")
                                                              .arg(jsonTypeName(m_json)) } } });
    }
    return m_object;
}

QString RequestContext::absoluteUrl(const QList<Request::QueryItem> &query) const
{
    QByteArray host = m_request.header("Host").trimmed();
    // A Host we would not print safely (Django refuses it with 400; we just
    // do not echo it) falls back to a neutral name.
    const bool clean = !host.isEmpty() && host.size() <= 255
        && std::all_of(host.cbegin(), host.cend(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                   || c == '-' || c == ':' || c == '[' || c == ']' || c == '_';
           });
    if (!clean)
        host = "localhost";
    const QString origin = !m_publicUrl.isEmpty()
        ? m_publicUrl
        : QString::fromLatin1(m_request.secure ? "https://" : "http://") + QString::fromLatin1(host);
    QString url = origin + QString::fromUtf8(QUrl::toPercentEncoding(m_request.path, "/!$&'()*+,;=:@-._~"));
    if (query.isEmpty())
        return url;
    QList<Request::QueryItem> sorted = query;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Request::QueryItem &a, const Request::QueryItem &b) { return a.first < b.first; });
    QStringList parts;
    for (const auto &item : sorted) {
        // Python's urlencode (quote_plus): space → '+', only [A-Za-z0-9_.~-] kept.
        auto enc = [](const QString &s) {
            QByteArray b = QUrl::toPercentEncoding(s, " ", "");
            b.replace(' ', '+');
            return QString::fromLatin1(b);
        };
        parts << enc(item.first) + u'=' + enc(item.second);
    }
    return url + u'?' + parts.join(u'&');
}

} // namespace LittleLemon::Server
