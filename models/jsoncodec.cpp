// The strict decoders (and parse); the encoders are in jsonencode.cpp.

#include "jsoncodec.h"

#include "models/recordfields.h"
#include "models/wirereader.h"

#include <QJsonDocument>

namespace LittleLemon::Json {

namespace {

template<typename T>
std::optional<T> finish(const WireReader &r, T &&value)
{
    if (!r.ok())
        return std::nullopt;
    return std::optional<T>(std::forward<T>(value));
}

} // namespace

// ---- decoders --------------------------------------------------------------

// The records: through their field tables (recordfields.cpp).
#define LL_DECODE_THROUGH_TABLE(T)                                                                 \
    template<>                                                                                     \
    std::optional<T> decode(const QJsonValue &v, DecodeError *e, const QString &path)              \
    {                                                                                              \
        return decodeFields<T>(v, Mode::Strict, e, path);                                          \
    }
LL_DECODE_THROUGH_TABLE(Category)
LL_DECODE_THROUGH_TABLE(MenuItem)
LL_DECODE_THROUGH_TABLE(CartItem)
LL_DECODE_THROUGH_TABLE(OrderItem)
LL_DECODE_THROUGH_TABLE(StageChange)
LL_DECODE_THROUGH_TABLE(Order)
LL_DECODE_THROUGH_TABLE(OrderCreated)
LL_DECODE_THROUGH_TABLE(Booking)
LL_DECODE_THROUGH_TABLE(DiningTable)
LL_DECODE_THROUGH_TABLE(User)
#undef LL_DECODE_THROUGH_TABLE

// The other answers, which are not records of the cache.
template<>
std::optional<TokenPair> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    WireReader r(v, path, e);
    TokenPair t;
    t.access = r.string(QStringLiteral("access"), -1, false);
    // /auth/jwt/refresh/ answers only {"access"}.
    t.refresh = r.optionalString(QStringLiteral("refresh"));
    return finish(r, std::move(t));
}

template<>
std::optional<ServerMeta> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    WireReader r(v, path, e);
    ServerMeta m;
    m.server = r.string(QStringLiteral("server"), -1, false);
    m.version = r.optionalString(QStringLiteral("version"));
    m.features = r.stringList(QStringLiteral("features"));
    if (r.ok()) {
        const QJsonValue limits = r.object().value(QStringLiteral("limits"));
        if (limits.isObject())
            m.limits = limits.toObject();
        else if (!limits.isUndefined() && !limits.isNull())
            r.fail(QStringLiteral("limits"),
                   QStringLiteral("expected an object, got %1").arg(WireReader::typeName(limits)));
    }
    return finish(r, std::move(m));
}

template<>
std::optional<Change> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    WireReader r(v, path, e);
    Change c;
    c.seq = r.integer(QStringLiteral("seq"), 1);
    c.entity = r.string(QStringLiteral("entity"), 40, false);
    c.id = r.integer(QStringLiteral("id"), 0);
    const QString op = r.string(QStringLiteral("op"));
    if (r.ok()) {
        if (op == QLatin1String("upsert"))
            c.op = Change::Op::Upsert;
        else if (op == QLatin1String("delete"))
            c.op = Change::Op::Delete;
        else
            r.fail(QStringLiteral("op"), QStringLiteral("expected \"upsert\" or \"delete\", got \"%1\"").arg(op.left(40)));
    }
    if (r.ok() && c.op == Change::Op::Upsert) {
        const QJsonValue data = r.required(QStringLiteral("data"));
        if (r.ok() && !data.isObject())
            r.fail(QStringLiteral("data"), QStringLiteral("expected an object, got %1").arg(WireReader::typeName(data)));
        c.data = data.toObject();
    }
    return finish(r, std::move(c));
}

template<>
std::optional<ChangeFeed> decode(const QJsonValue &v, DecodeError *e, const QString &path)
{
    WireReader r(v, path, e);
    ChangeFeed f;
    const QJsonValue changes = r.required(QStringLiteral("changes"));
    if (r.ok()) {
        DecodeError inner;
        if (auto list = decodeList<Change>(changes, &inner, r.path(QStringLiteral("changes"))))
            f.changes = std::move(*list);
        else
            r.fail(inner);
    }
    f.next = r.integer(QStringLiteral("next"), 0);
    return finish(r, std::move(f));
}

bool decodeEnvelope(const QJsonValue &value, qint64 *count, QUrl *next, QUrl *previous, QJsonArray *results,
                    DecodeError *error)
{
    WireReader r(value, QString(), error);
    *count = r.integer(QStringLiteral("count"), 0);
    auto url = [&r](const QString &key) -> QUrl {
        const QString s = r.optionalString(key);
        if (!r.ok() || s.isEmpty())
            return {};
        // The client follows these links with its token: only http(s) to a host.
        const QUrl u(s, QUrl::StrictMode);
        const QString scheme = u.scheme().toLower();
        if (!u.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
            || u.host().isEmpty())
            r.fail(key, QStringLiteral("expected an absolute URL"));
        return u;
    };
    *next = url(QStringLiteral("next"));
    *previous = url(QStringLiteral("previous"));
    const QJsonValue res = r.required(QStringLiteral("results"));
    if (r.ok() && !res.isArray())
        r.fail(QStringLiteral("results"), QStringLiteral("expected a list, got %1").arg(WireReader::typeName(res)));
    *results = res.toArray();
    return r.ok();
}

std::optional<QJsonValue> parse(const QByteArray &bytes, DecodeError *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError) {
        if (error)
            *error = { QString(), QStringLiteral("JSON parse error - %1 at character %2").arg(pe.errorString()).arg(pe.offset) };
        return std::nullopt;
    }
    if (doc.isArray())
        return QJsonValue(doc.array());
    if (doc.isObject())
        return QJsonValue(doc.object());
    if (error)
        *error = { QString(), QStringLiteral("expected a JSON object or list") };
    return std::nullopt;
}

} // namespace LittleLemon::Json
