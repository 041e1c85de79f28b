#include "apierror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace LittleLemon {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("LittleLemon::ApiError", text, disambiguation, n);
}

QStringList stringsOf(const QJsonValue &v)
{
    QStringList out;
    if (v.isString()) {
        out << v.toString();
    } else if (v.isArray()) {
        for (const QJsonValue &e : v.toArray()) {
            if (e.isString())
                out << e.toString();
            else if (e.isObject() || e.isArray())
                out << stringsOf(e);
            else if (!e.isNull() && !e.isUndefined())
                out << e.toVariant().toString();
        }
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out << stringsOf(it.value());
    } else if (v.isDouble() || v.isBool()) {
        out << v.toVariant().toString();
    }
    return out;
}

QString lowerFirst(QString s)
{
    if (!s.isEmpty() && s.at(0).isUpper() && (s.size() < 2 || !s.at(1).isUpper()))
        s[0] = s.at(0).toLower();
    return s;
}

QString withStop(QString s)
{
    s = s.trimmed();
    if (!s.isEmpty() && !s.endsWith(u'.') && !s.endsWith(u'!') && !s.endsWith(u'?'))
        s += u'.';
    return s;
}

// Several messages as one run of sentences: "Too long. Not a number."
QString sentences(const QStringList &messages)
{
    QStringList out;
    for (const QString &m : messages)
        if (!m.trimmed().isEmpty())
            out << withStop(m);
    return out.join(u' ');
}

// A message as a clause inside a longer sentence: its final full stop goes,
// so clauses join with "; " and the sentence ends with one stop.
QString clause(const QStringList &messages)
{
    QString s = lowerFirst(sentences(messages));
    if (s.endsWith(u'.'))
        s.chop(1);
    return s;
}

} // namespace

ApiError::ApiError(Kind kind, QString message)
    : m_kind(kind)
    , m_serverMessage(message)
    , m_userMessage(std::move(message))
{
}

QString humanFieldName(const QString &field)
{
    if (field == QLatin1String("non_field_errors") || field == QLatin1String("detail"))
        return {};
    QString out = field;
    out.replace(u'_', u' ');
    return out;
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Offline:
        return QStringLiteral("offline");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("forbidden");
    case Kind::NotFound:
        return QStringLiteral("not_found");
    case Kind::Validation:
        return QStringLiteral("validation");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::Throttled:
        return QStringLiteral("throttled");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::Protocol:
        return QStringLiteral("protocol");
    case Kind::Aborted:
        return QStringLiteral("aborted");
    }
    return QStringLiteral("unknown");
}

ApiError ApiError::fromHttp(int status, const QByteArray &body, int retryAfterSeconds)
{
    ApiError e;
    e.m_httpStatus = status;
    e.m_retryAfter = retryAfterSeconds;

    if (status == 401)
        e.m_kind = Kind::Unauthorized;
    else if (status == 403)
        e.m_kind = Kind::Forbidden;
    else if (status == 404)
        e.m_kind = Kind::NotFound;
    else if (status == 412)
        e.m_kind = Kind::Conflict;
    else if (status == 429)
        e.m_kind = Kind::Throttled;
    else if (status >= 500)
        e.m_kind = Kind::Server;
    else if (status >= 400)
        e.m_kind = Kind::Validation;
    else
        e.m_kind = Kind::Protocol;

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    QStringList general;
    if (parseError.error == QJsonParseError::NoError) {
        if (doc.isArray()) {
            // Shape 4: a bare array of strings.
            e.m_body = doc.array();
            general = stringsOf(doc.array());
        } else if (doc.isObject()) {
            const QJsonObject o = doc.object();
            e.m_body = o;
            if (e.m_kind == Kind::Conflict) {
                // 412 carries the current resource; its words, if any, are in "detail".
                general = stringsOf(o.value(QStringLiteral("detail")));
            } else {
                for (auto it = o.begin(); it != o.end(); ++it) {
                    const QString key = it.key();
                    // Shapes 1 and 3: {"detail"}, {"message"}, {"error"}. "code" and
                    // "messages" ride along with SimpleJWT's detail and add nothing.
                    if (key == QLatin1String("detail") || key == QLatin1String("message")
                        || key == QLatin1String("error") || key == QLatin1String("non_field_errors")) {
                        general << stringsOf(it.value());
                    } else if (key == QLatin1String("code") || key == QLatin1String("messages")) {
                        continue;
                    } else {
                        // Shape 2: {"field": ["message", ...]}.
                        const QStringList msgs = stringsOf(it.value());
                        if (!msgs.isEmpty())
                            e.m_fieldErrors.insert(key, msgs);
                    }
                }
            }
        }
    }
    if (e.m_retryAfter < 0 && e.m_kind == Kind::Throttled) {
        static const QRegularExpression seconds(QStringLiteral("available in (\\d+) second"));
        const auto m = seconds.match(general.join(u' '));
        if (m.hasMatch())
            e.m_retryAfter = m.captured(1).toInt();
    }

    QStringList all = general;
    for (auto it = e.m_fieldErrors.cbegin(); it != e.m_fieldErrors.cend(); ++it)
        all << it.value();
    e.m_serverMessage = all.join(u' ');

    // The sentence a person reads.
    switch (e.m_kind) {
    case Kind::Unauthorized:
        e.m_userMessage = general.isEmpty()
            ? tr("You are not signed in, or your sign-in has expired. Please sign in again.")
            : tr("The server did not accept your sign-in: %1").arg(lowerFirst(sentences(general)));
        break;
    case Kind::Forbidden:
        e.m_userMessage = tr("You are not allowed to do that with your account.");
        break;
    case Kind::NotFound:
        e.m_userMessage = general.isEmpty() || general.join(u' ') == QLatin1String("Not found.")
            ? tr("The server could not find that: it may have been deleted.")
            : tr("The server could not find that: %1").arg(lowerFirst(sentences(general)));
        break;
    case Kind::Conflict:
        e.m_userMessage = tr("Someone else changed this first. Keep your version or take theirs.");
        break;
    case Kind::Throttled:
        e.m_userMessage = e.m_retryAfter >= 0
            ? tr("The server is busy; trying again in %n second(s).", nullptr, e.m_retryAfter)
            : tr("The server is busy; trying again shortly.");
        break;
    case Kind::Server:
        e.m_userMessage = tr("The server had a problem (error %1). Your change is kept and will be sent again.")
                              .arg(status);
        break;
    case Kind::Validation: {
        // "The server refused the price: a valid number is required."
        // "The server refused the request: the cart is empty!"
        // "The server refused the request: bookings close at 22:00; the guests: ..."
        QStringList parts;
        for (auto it = e.m_fieldErrors.cbegin(); it != e.m_fieldErrors.cend(); ++it) {
            const QString name = humanFieldName(it.key());
            const QString msg = clause(it.value());
            parts << (name.isEmpty() ? msg : tr("the %1: %2").arg(name, msg));
        }
        if (!general.isEmpty())
            parts.prepend(clause(general));
        const QString joined = withStop(parts.join(QStringLiteral("; ")));
        if (status == 413)
            e.m_userMessage = tr("The server refused the request: it is too large.");
        else if (parts.isEmpty())
            e.m_userMessage = tr("The server refused the request (error %1).").arg(status);
        else if (general.isEmpty())
            e.m_userMessage = tr("The server refused %1").arg(joined);
        else
            e.m_userMessage = tr("The server refused the request: %1").arg(joined);
        break;
    }
    case Kind::Protocol:
        e.m_userMessage = tr("The server sent an answer this program cannot read (HTTP %1).").arg(status);
        break;
    default:
        break;
    }
    return e;
}

} // namespace LittleLemon
