// The encoders of every contract shape (the decoders are in jsoncodec.cpp).

#include "jsoncodec.h"

#include "models/recordfields.h"

namespace LittleLemon::Json {

// ---- encoders --------------------------------------------------------------

// The records: through their field tables (recordfields.cpp).
#define LL_ENCODE_THROUGH_TABLE(T)                                                                 \
    QJsonObject encode(const T &record)                                                            \
    {                                                                                              \
        return encodeFields(record);                                                               \
    }
LL_ENCODE_THROUGH_TABLE(Category)
LL_ENCODE_THROUGH_TABLE(CartItem)
LL_ENCODE_THROUGH_TABLE(OrderItem)
LL_ENCODE_THROUGH_TABLE(StageChange)
LL_ENCODE_THROUGH_TABLE(OrderCreated)
LL_ENCODE_THROUGH_TABLE(Booking)
LL_ENCODE_THROUGH_TABLE(DiningTable)
#undef LL_ENCODE_THROUGH_TABLE

// With a flavor: the cloud's fields only, or ours too.
QJsonObject encode(const MenuItem &m, Flavor flavor)
{
    return encodeFields(m, flavor);
}

QJsonObject encode(const Order &o, Flavor flavor)
{
    return encodeFields(o, flavor);
}

QJsonObject encodeMe(const User &u, Flavor flavor)
{
    return encodeFields(u, flavor);
}

QJsonObject encodeMember(const User &u)
{
    return encodeFields(u, Flavor::Extended,
                        { QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("email") });
}

// The other shapes, which are not records of the cache.
QJsonObject encode(const TokenPair &t)
{
    return { { QStringLiteral("refresh"), t.refresh }, { QStringLiteral("access"), t.access } };
}

QJsonObject encode(const ServerMeta &m)
{
    QJsonObject o { { QStringLiteral("server"), m.server },
                    { QStringLiteral("version"), m.version },
                    { QStringLiteral("features"), QJsonArray::fromStringList(m.features) } };
    if (!m.limits.isEmpty())
        o.insert(QStringLiteral("limits"), m.limits);
    return o;
}

QJsonObject encode(const Change &c)
{
    QJsonObject o { { QStringLiteral("seq"), c.seq },
                    { QStringLiteral("entity"), c.entity },
                    { QStringLiteral("id"), c.id },
                    { QStringLiteral("op"),
                      c.op == Change::Op::Upsert ? QStringLiteral("upsert") : QStringLiteral("delete") } };
    if (c.op == Change::Op::Upsert)
        o.insert(QStringLiteral("data"), c.data);
    return o;
}

QJsonObject encode(const ChangeFeed &f)
{
    return { { QStringLiteral("changes"), encodeList(f.changes) }, { QStringLiteral("next"), f.next } };
}

} // namespace LittleLemon::Json
