// The JSON codecs of CONTRACT.md, fed any bytes: every strict decoder
// (records, lists, the paginated envelope, the change feed, /api/meta), and
// the lenient readers the local cache uses on server data (RecordJson).
//
// Besides "no crash, no leak, no undefined behaviour" it checks what a
// codec promises: whatever a decoder accepts, the encoder writes in a form
// the same decoder accepts again and that encodes to the same bytes (a record
// survives a trip through the cache and back to the server unchanged).

#include "fuzzsupport.h"

#include "models/entity.h"
#include "models/jsoncodec.h"
#include "models/recordjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace LittleLemon;
using LittleLemon::Fuzz::show;

namespace {

QByteArray describe(const char *type, const QJsonValue &input, const QJsonValue &first, const QJsonValue &second,
                    const DecodeError &error)
{
    return QByteArray(type) + "\ninput:  " + show(input) + "\nfirst:  " + show(first) + "\nsecond: " + show(second)
        + "\nerror:  " + error.toString().toUtf8();
}

// decode → encode → decode → encode must reach a fixed point after one trip.
template<typename T, typename Encode>
void roundTrip(const char *type, const QJsonValue &value, Encode encode)
{
    DecodeError error;
    const auto decoded = Json::decode<T>(value, &error, QStringLiteral("x"));
    if (!decoded) {
        LL_FUZZ_CHECK(!error.message.isEmpty(), describe(type, value, {}, {}, error));
        return;
    }
    const QJsonValue first = encode(*decoded);
    DecodeError again;
    const auto redecoded = Json::decode<T>(first, &again);
    LL_FUZZ_CHECK(redecoded.has_value(), describe(type, value, first, {}, again));
    const QJsonValue second = encode(*redecoded);
    LL_FUZZ_CHECK(first == second, describe(type, value, first, second, again));
}

template<typename T>
void roundTrip(const char *type, const QJsonValue &value)
{
    roundTrip<T>(type, value, [](const T &t) { return QJsonValue(Json::encode(t)); });
}

template<typename T>
void pageTrip(const char *type, const QJsonValue &value)
{
    DecodeError error;
    const auto page = Json::decodePage<T>(value, &error);
    if (!page)
        return;
    const QJsonObject first = Json::encodePage(*page);
    const auto again = Json::decodePage<T>(first, &error);
    LL_FUZZ_CHECK(again.has_value(), describe(type, value, first, {}, error));
    LL_FUZZ_CHECK(again->count == page->count && again->results.size() == page->results.size(),
                  describe(type, value, first, Json::encodePage(*again), error));
    LL_FUZZ_CHECK(Json::encodePage(*again) == first, describe(type, value, first, Json::encodePage(*again), error));
}

void strictDecoders(const QJsonValue &v)
{
    roundTrip<Category>("Category", v);
    roundTrip<MenuItem>("MenuItem", v);
    roundTrip<CartItem>("CartItem", v);
    roundTrip<OrderItem>("OrderItem", v);
    roundTrip<StageChange>("StageChange", v);
    roundTrip<Order>("Order", v);
    roundTrip<OrderCreated>("OrderCreated", v);
    roundTrip<Booking>("Booking", v);
    roundTrip<DiningTable>("DiningTable", v);
    roundTrip<TokenPair>("TokenPair", v);
    roundTrip<ServerMeta>("ServerMeta", v);
    roundTrip<Change>("Change", v);
    roundTrip<ChangeFeed>("ChangeFeed", v);
    // /me without an id is the cloud's shape (the id comes from the token):
    // it goes back out in the cloud's shape, as no server writes id 0.
    roundTrip<User>("User(me)", v, [](const User &u) {
        return QJsonValue(Json::encodeMe(u, u.id > 0 ? Json::Flavor::Extended : Json::Flavor::Cloud));
    });

    pageTrip<MenuItem>("Page<MenuItem>", v);
    pageTrip<Order>("Page<Order>", v);
    pageTrip<Category>("Page<Category>", v);
    pageTrip<Booking>("Page<Booking>", v);

    DecodeError error;
    (void)Json::decodeList<User>(v, &error);
    (void)Json::decodeList<CartItem>(v, &error);
    // The cloud flavour drops the extensions; it must still encode whatever decoded.
    if (const auto order = Json::decode<Order>(v, &error))
        (void)Json::encode(*order, Json::Flavor::Cloud);
    if (const auto item = Json::decode<MenuItem>(v, &error))
        (void)Json::encode(*item, Json::Flavor::Cloud);
}

// What the local cache does with a server's record and an edit laid over it.
void lenientReaders(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    (void)RecordJson::category(o);
    (void)RecordJson::menuItem(o);
    QDateTime placed;
    const Order order = RecordJson::order(o, &placed);
    (void)RecordJson::itemsSummary(order.items);
    (void)RecordJson::booking(o);
    (void)RecordJson::table(o);
    (void)RecordJson::member(o, QStringLiteral("manager"));
    (void)RecordJson::toNullableId(v);
    (void)RecordJson::toId(v);

    // [record, update] pairs exercise the overlay; anything else the checks.
    const QJsonArray pair = v.toArray();
    for (Entity entity : allEntities()) {
        QString why;
        const bool valid = RecordJson::isValidServerRecord(entity, o, &why);
        LL_FUZZ_CHECK(valid || !why.isEmpty(), show(v));
        (void)RecordJson::referencingEntity(entity);
        const auto refs = RecordJson::temporaryReferences(entity, v);
        for (const auto &[target, id] : refs) {
            bool changed = false;
            const QJsonValue replaced = RecordJson::withReferenceReplaced(entity, v, target, id, id > 0 ? -id : 7, &changed);
            LL_FUZZ_CHECK(changed, show(v));
            // Replaced references are no longer temporary under the old id.
            for (const auto &[t2, id2] : RecordJson::temporaryReferences(entity, replaced))
                LL_FUZZ_CHECK(!(t2 == target && id2 == id), show(v) + "\n" + show(replaced));
        }
        if (pair.size() == 2)
            (void)RecordJson::withUpdate(entity, pair.at(0).toObject(), pair.at(1).toObject());
    }
    (void)RecordJson::valueFromBytes(RecordJson::toBytes(v));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    LittleLemon::Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    DecodeError error;
    const auto value = Json::parse(bytes, &error);
    if (!value) {
        LL_FUZZ_CHECK(!error.message.isEmpty(), bytes);
        return 0;
    }
    strictDecoders(*value);
    lenientReaders(*value);
    // Records arrive inside lists and envelopes too: try each element.
    if (value->isArray()) {
        for (const QJsonValue &element : value->toArray())
            strictDecoders(element);
    }
    return 0;
}
