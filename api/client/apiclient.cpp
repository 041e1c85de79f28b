#include "api/client/apiclient.h"

#include "api/client/authsession.h"
#include "api/client/clientlog.h"
#include "api/client/ratepacer.h"
#include "api/client/requestjob.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace LittleLemon::Client {

namespace {

// What CONTRACT.md says the cloud allows; our server states its own in /api/meta.
constexpr int kDefaultUserRate = 100;
constexpr int kDefaultAnonRate = 20;

QString idPath(const char *prefix, qint64 id)
{
    return QLatin1String(prefix) + u'/' + QString::number(id);
}

QString groupPath(const QString &group)
{
    return QStringLiteral("/api/groups/") + QString::fromLatin1(QUrl::toPercentEncoding(group))
        + QStringLiteral("/users");
}

// {"message": …}, {"detail": …}: what the server said, for the caller to show or log.
std::optional<QString> decodeMessage(const RequestJob &reply, DecodeError *)
{
    const QJsonObject o = reply.json().toObject();
    for (const char *key : { "message", "detail", "status" }) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString())
            return v.toString();
    }
    return QString();
}

// A record's body for POST: the server assigns the id (and the owner).
QJsonObject withoutKeys(QJsonObject o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys)
        o.remove(QLatin1String(k));
    return o;
}

} // namespace

ApiClient::ApiClient(const ServerEndpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_network(new QNetworkAccessManager(this))
    , m_anonPacer(new RatePacer(endpoint.displayName() + QStringLiteral(" (anonymous)"), kDefaultAnonRate, this))
    , m_userPacer(new RatePacer(endpoint.displayName() + QStringLiteral(" (signed in)"), kDefaultUserRate, this))
{
    // After the pacers: the session's requests use them.
    m_session = new AuthSession(this);
    for (RatePacer *pacer : { m_anonPacer, m_userPacer }) {
        connect(pacer, &RatePacer::pacing, this, [this](qint64 ms, int) {
            if (ms <= kVisibleWaitMs)
                return;
            const int seconds = int((ms + 999) / 1000);
            Q_EMIT waitingForRateLimit(seconds, rateLimitWaitText(seconds));
        });
    }
}

QString ApiClient::rateLimitWaitText(int seconds) const
{
    if (m_meta.server == QLatin1String("littlelemon-server"))
        return tr("Waiting for the server's rate limit (%1 s)").arg(seconds);
    return tr("Waiting for the cloud's rate limit (%1 s)").arg(seconds);
}

ApiClient::~ApiClient()
{
    // Every job (and so every QNetworkReply) goes before the network access
    // manager they use, which as the first child would otherwise go first.
    const auto jobs = findChildren<ApiJob *>(QString(), Qt::FindDirectChildrenOnly);
    qDeleteAll(jobs);
    delete m_session;
    m_session = nullptr;
}

void ApiClient::setTrustedCertificate(const QString &sha256Fingerprint)
{
    QString hex = sha256Fingerprint.toLower();
    hex.remove(u':').remove(u' ');
    m_trustedFingerprint = hex;
}

void ApiClient::setRateLimit(int perMinute)
{
    m_pinnedRate = std::max(0, perMinute);
    applyLimits();
}

void ApiClient::applyLimits()
{
    if (m_pinnedRate > 0) {
        m_anonPacer->setLimit(m_pinnedRate);
        m_userPacer->setLimit(m_pinnedRate);
        return;
    }
    const int anon = m_meta.limits.value(QStringLiteral("anon")).toInt(0);
    const int user = m_meta.limits.value(QStringLiteral("user")).toInt(0);
    m_anonPacer->setLimit(anon > 0 ? anon : kDefaultAnonRate);
    m_userPacer->setLimit(user > 0 ? user : kDefaultUserRate);
}

void ApiClient::applyMeta(const ServerMeta &meta)
{
    m_meta = meta;
    if (!m_extensionsEnabled)
        m_meta.features.clear();
    m_discovered = true;
    qCInfo(lcHttp).noquote() << m_endpoint.displayName() << "is" << QString(meta.server + u' ' + meta.version).trimmed()
                             << "with" << (m_meta.features.isEmpty() ? QStringLiteral("no extensions")
                                                                     : m_meta.features.join(QStringLiteral(", ")));
    applyLimits();
    Q_EMIT serverMetaChanged(m_meta);
}

Job<ServerMeta> *ApiClient::discover()
{
    auto *job = new PendingJob<ServerMeta>(this);
    job->setTimeout(m_timeoutMs);
    m_discoverJobs.append(job);
    if (!m_discovery)
        startDiscovery();
    return job;
}

void ApiClient::whenDiscovered(QObject *context, std::function<void()> then)
{
    if (m_discovered) {
        then();
        return;
    }
    m_discoveryWaiters.append({ context, std::move(then) });
    if (!m_discovery)
        startDiscovery();
}

void ApiClient::startDiscovery()
{
    // Public and the same for everyone: no token, so it never waits for a refresh.
    Request r = Request::get(QStringLiteral("/api/meta"), Request::Auth::None);
    // The cloud has no /api/meta; a proxy in front of it may refuse rather than 404.
    r.acceptedStatuses = { 401, 403, 404, 405 };
    auto *job = new RequestJob(this, r, this);
    job->setAutoDelete(false);
    m_discovery = job;
    connect(job, &ApiJob::finished, this, [this, job](const ApiError &fault) {
        job->deleteLater();
        m_discovery = nullptr;
        ApiError error = fault;
        if (error.kind() == ApiError::Kind::Protocol && job->httpStatus() >= 200 && job->httpStatus() < 300) {
            // A page that is not ours (a proxy's or a web front end's) where
            // our server would describe itself: not littlelemon-server. Decided,
            // so no later request asks again.
            qCWarning(lcHttp).noquote() << "/api/meta answered" << job->httpStatus()
                                        << "with something that is not JSON - treating the server as the plain cloud API";
            applyMeta(ServerMeta { QStringLiteral("unknown"), QString(), {}, {} });
            error = ApiError();
        } else if (!error.isError()) {
            if (job->httpStatus() == 200) {
                DecodeError decodeError;
                const auto meta = Json::decode<ServerMeta>(job->json(), &decodeError);
                if (meta) {
                    applyMeta(*meta);
                } else {
                    qCWarning(lcHttp).noquote() << "unreadable /api/meta:" << decodeError.toString()
                                                << "- treating the server as the plain cloud API";
                    applyMeta(ServerMeta { QStringLiteral("unknown"), QString(), {}, {} });
                }
            } else {
                // Any refusal, with a JSON, HTML or empty body: the cloud, no extensions.
                applyMeta(ServerMeta { QStringLiteral("cloud"), QString(), {}, {} });
            }
        }
        const auto jobs = std::exchange(m_discoverJobs, {});
        for (const auto &pending : jobs) {
            if (!pending)
                continue;
            if (error.isError())
                pending->fail(error);
            else
                pending->succeed(m_meta);
        }
        // Waiters go on even when the server could not be asked: their own
        // request will tell the caller what is wrong.
        const auto waiters = std::exchange(m_discoveryWaiters, {});
        for (const DiscoveryWaiter &w : waiters) {
            if (w.context)
                w.then();
        }
    });
    job->start();
}

RequestJob *ApiClient::send(const Request &request)
{
    auto *job = new RequestJob(this, request, this);
    // Token calls go at once; everything else first learns the server's limits.
    if (request.auth == Request::Auth::None)
        job->start();
    else
        whenDiscovered(job, [job] { job->start(); });
    return job;
}

RequestSender ApiClient::sender()
{
    QPointer<ApiClient> self(this);
    return [self](const Request &r) -> RequestJob * { return self ? self->send(r) : nullptr; };
}

Json::Flavor ApiClient::flavor() const
{
    return m_extensionsEnabled && m_meta.server == QLatin1String("littlelemon-server") ? Json::Flavor::Extended
                                                                                        : Json::Flavor::Cloud;
}

// ---- server ----------------------------------------------------------------

CallJob<QString> *ApiClient::health()
{
    return call<QString>(Request::get(QStringLiteral("/health"), Request::Auth::Optional), &decodeMessage);
}

CallJob<ChangeFeed> *ApiClient::changes(qint64 since, int limit)
{
    Request r = Request::get(QStringLiteral("/api/changes"));
    r.query.addQueryItem(QStringLiteral("since"), QString::number(since));
    if (limit > 0)
        r.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return call<ChangeFeed>(r);
}

// ---- users -----------------------------------------------------------------

CallJob<User> *ApiClient::me()
{
    return call<User>(Request::get(QStringLiteral("/auth/users/me/")));
}

CallJob<User> *ApiClient::registerUser(const QString &username, const QString &email, const QString &password)
{
    return call<User>(Request::write("POST", QStringLiteral("/auth/users/"),
                                     QJsonObject { { QStringLiteral("username"), username },
                                                   { QStringLiteral("email"), email },
                                                   { QStringLiteral("password"), password },
                                                   { QStringLiteral("re_password"), password } },
                                     Request::Auth::None));
}

// ---- menu ------------------------------------------------------------------

ListJob<MenuItem> *ApiClient::menuItems(const MenuQuery &query)
{
    Request r = Request::get(QStringLiteral("/api/menu-items"), Request::Auth::Optional);
    r.query = query.toQuery();
    return list<MenuItem>(r);
}

CallJob<Page<MenuItem>> *ApiClient::menuItemsPage(int page, const MenuQuery &query)
{
    Request r = Request::get(QStringLiteral("/api/menu-items"), Request::Auth::Optional);
    r.query = query.toQuery();
    if (page > 1)
        r.query.addQueryItem(QStringLiteral("page"), QString::number(page));
    return call<Page<MenuItem>>(r, [](const RequestJob &reply, DecodeError *e) {
        return Json::decodePage<MenuItem>(reply.json(), e);
    });
}

CallJob<MenuItem> *ApiClient::menuItem(qint64 id)
{
    return call<MenuItem>(Request::get(idPath("/api/menu-items", id), Request::Auth::Optional));
}

CallJob<MenuItem> *ApiClient::createMenuItem(const MenuItem &item, const WriteOptions &options)
{
    return write<MenuItem>("POST", QStringLiteral("/api/menu-items"), withoutKeys(Json::encode(item, flavor()), { "id" }),
                           options);
}

CallJob<MenuItem> *ApiClient::updateMenuItem(qint64 id, const QJsonObject &fields, const WriteOptions &options)
{
    return write<MenuItem>("PATCH", idPath("/api/menu-items", id), fields, options);
}

CallJob<MenuItem> *ApiClient::replaceMenuItem(const MenuItem &item, const WriteOptions &options)
{
    return write<MenuItem>("PUT", idPath("/api/menu-items", item.id), withoutKeys(Json::encode(item, flavor()), { "id" }),
                           options);
}

CallJob<NoContent> *ApiClient::deleteMenuItem(qint64 id, const WriteOptions &options)
{
    return write<NoContent>("DELETE", idPath("/api/menu-items", id), QJsonValue(QJsonValue::Undefined), options,
                            &ignoreBody);
}

// ---- categories ------------------------------------------------------------

ListJob<Category> *ApiClient::categories()
{
    return list<Category>(Request::get(QStringLiteral("/api/categories")));
}

CallJob<Category> *ApiClient::category(qint64 id)
{
    return call<Category>(Request::get(idPath("/api/categories", id)));
}

CallJob<Category> *ApiClient::createCategory(const Category &category, const WriteOptions &options)
{
    return write<Category>("POST", QStringLiteral("/api/categories"), withoutKeys(Json::encode(category), { "id" }),
                           options);
}

CallJob<Category> *ApiClient::updateCategory(qint64 id, const QJsonObject &fields, const WriteOptions &options)
{
    return write<Category>("PATCH", idPath("/api/categories", id), fields, options);
}

CallJob<NoContent> *ApiClient::deleteCategory(qint64 id, const WriteOptions &options)
{
    return write<NoContent>("DELETE", idPath("/api/categories", id), QJsonValue(QJsonValue::Undefined), options,
                            &ignoreBody);
}

// ---- cart ------------------------------------------------------------------

ListJob<CartItem> *ApiClient::cart()
{
    return list<CartItem>(Request::get(QStringLiteral("/api/cart")));
}

CallJob<CartItem> *ApiClient::addToCart(qint64 menuItem, int quantity, const WriteOptions &options)
{
    return write<CartItem>("POST", QStringLiteral("/api/cart"),
                           QJsonObject { { QStringLiteral("menuitem"), menuItem },
                                         { QStringLiteral("quantity"), quantity } },
                           options);
}

CallJob<CartItem> *ApiClient::setCartQuantity(qint64 cartItemId, int quantity, const WriteOptions &options)
{
    return write<CartItem>("PATCH", idPath("/api/cart", cartItemId),
                           QJsonObject { { QStringLiteral("quantity"), quantity } }, options);
}

CallJob<NoContent> *ApiClient::removeFromCart(qint64 cartItemId, const WriteOptions &options)
{
    return write<NoContent>("DELETE", idPath("/api/cart", cartItemId), QJsonValue(QJsonValue::Undefined), options,
                            &ignoreBody);
}

// ---- orders ----------------------------------------------------------------

ListJob<Order> *ApiClient::orders()
{
    return list<Order>(Request::get(QStringLiteral("/api/orders")));
}

CallJob<Order> *ApiClient::order(qint64 id)
{
    return call<Order>(Request::get(idPath("/api/orders", id)));
}

CallJob<OrderCreated> *ApiClient::placeOrder(const WriteOptions &options)
{
    return write<OrderCreated>("POST", QStringLiteral("/api/orders"), QJsonObject(), options);
}

CallJob<OrderCreated> *ApiClient::placeCounterOrder(const QList<CounterLine> &lines, const QString &note,
                                                    const WriteOptions &options)
{
    QJsonArray items;
    for (const CounterLine &l : lines)
        items.append(QJsonObject { { QStringLiteral("menuitem"), l.menuitem },
                                   { QStringLiteral("quantity"), l.quantity } });
    return write<OrderCreated>(
        "POST", QStringLiteral("/api/orders"),
        QJsonObject { { QStringLiteral("items"), items }, { QStringLiteral("note"), note } }, options);
}

CallJob<Order> *ApiClient::updateOrder(qint64 id, const OrderPatch &patch, const WriteOptions &options)
{
    return write<Order>("PATCH", idPath("/api/orders", id), patch.toJson(), options);
}

CallJob<NoContent> *ApiClient::deleteOrder(qint64 id, const WriteOptions &options)
{
    return write<NoContent>("DELETE", idPath("/api/orders", id), QJsonValue(QJsonValue::Undefined), options,
                            &ignoreBody);
}

// ---- groups ----------------------------------------------------------------

ListJob<User> *ApiClient::groupMembers(const QString &group)
{
    return list<User>(Request::get(groupPath(group)));
}

CallJob<QString> *ApiClient::addToGroup(const QString &group, const QString &username, const WriteOptions &options)
{
    return write<QString>("POST", groupPath(group), QJsonObject { { QStringLiteral("username"), username } },
                          options, &decodeMessage);
}

CallJob<QString> *ApiClient::removeFromGroup(const QString &group, qint64 userId, const WriteOptions &options)
{
    return write<QString>("DELETE", groupPath(group) + u'/' + QString::number(userId),
                          QJsonValue(QJsonValue::Undefined), options, &decodeMessage);
}

// ---- bookings --------------------------------------------------------------

ListJob<Booking> *ApiClient::bookings(const QDate &date)
{
    Request r = Request::get(QStringLiteral("/api/bookings"));
    if (date.isValid())
        r.query.addQueryItem(QStringLiteral("date"), date.toString(Qt::ISODate));
    return list<Booking>(r);
}

CallJob<Booking> *ApiClient::booking(qint64 id)
{
    return call<Booking>(Request::get(idPath("/api/bookings", id)));
}

CallJob<Booking> *ApiClient::createBooking(const Booking &booking, const WriteOptions &options)
{
    return write<Booking>("POST", QStringLiteral("/api/bookings"),
                          withoutKeys(Json::encode(booking), { "id", "user" }), options);
}

CallJob<Booking> *ApiClient::updateBooking(qint64 id, const QJsonObject &fields, const WriteOptions &options)
{
    return write<Booking>("PATCH", idPath("/api/bookings", id), fields, options);
}

CallJob<NoContent> *ApiClient::deleteBooking(qint64 id, const WriteOptions &options)
{
    return write<NoContent>("DELETE", idPath("/api/bookings", id), QJsonValue(QJsonValue::Undefined), options,
                            &ignoreBody);
}

// ---- tables ----------------------------------------------------------------

ListJob<DiningTable> *ApiClient::tables()
{
    return list<DiningTable>(Request::get(QStringLiteral("/api/tables")));
}

CallJob<DiningTable> *ApiClient::table(qint64 id)
{
    return call<DiningTable>(Request::get(idPath("/api/tables", id)));
}

CallJob<DiningTable> *ApiClient::createTable(const DiningTable &table, const WriteOptions &options)
{
    return write<DiningTable>("POST", QStringLiteral("/api/tables"), withoutKeys(Json::encode(table), { "id" }),
                              options);
}

CallJob<DiningTable> *ApiClient::updateTable(qint64 id, const QJsonObject &fields, const WriteOptions &options)
{
    return write<DiningTable>("PATCH", idPath("/api/tables", id), fields, options);
}

CallJob<NoContent> *ApiClient::deleteTable(qint64 id, const WriteOptions &options)
{
    return write<NoContent>("DELETE", idPath("/api/tables", id), QJsonValue(QJsonValue::Undefined), options,
                            &ignoreBody);
}

} // namespace LittleLemon::Client
