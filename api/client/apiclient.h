#pragma once

#include "api/client/calljob.h"
#include "api/client/listjob.h"
#include "api/client/request.h"
#include "api/client/serverendpoint.h"
#include "models/jsoncodec.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;

namespace LittleLemon::Client {

class AuthSession;
class RatePacer;

// The one place that speaks HTTP to a server (the cloud API or
// littlelemon-server): one per server, shared by everything in the process
// that talks to it, so that its pacing and its single QNetworkAccessManager
// (connections kept alive, gzip accepted) cover every request. Headless as
// well as in the desktop: it needs QtCore and QtNetwork only.
//
// Every call returns a started job (parented to the client, deleted after
// finished()); connect to it or use then(). Before its first request the
// client reads GET /api/meta once to learn the server's extensions and
// limits (the cloud answers 404: no extensions, default limits).
class ApiClient : public QObject
{
    Q_OBJECT

public:
    explicit ApiClient(const ServerEndpoint &endpoint, QObject *parent = nullptr);
    ~ApiClient() override;

    const ServerEndpoint &endpoint() const { return m_endpoint; }
    AuthSession *session() const { return m_session; }
    QNetworkAccessManager *network() const { return m_network; }

    // --- settings ---------------------------------------------------------
    // Inactivity timeout of every exchange, in ms (default 15 s); a job's own setTimeout() wins.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }
    // Longest total Retry-After wait a call sits out before a 429 becomes its
    // error (default 10 minutes: a sync never shows a throttling error).
    void setMaxThrottleWait(int seconds) { m_maxThrottleWaitS = seconds; }
    int maxThrottleWait() const { return m_maxThrottleWaitS; }
    // Records a page asks for where the server has "page_size" (default 100; 0: the server's own).
    void setPageSize(int records) { m_pageSize = records; }
    int pageSize() const { return m_pageSize; }
    // Trust this server's certificate even though no CA vouches for it (a LAN
    // server's self-signed one): its SHA-256 fingerprint, hex, colons optional.
    // Any other certificate still has to verify.
    void setTrustedCertificate(const QString &sha256Fingerprint);
    QString trustedCertificate() const { return m_trustedFingerprint; }
    // Pins the pacing of both anonymous and signed-in requests, whatever
    // /api/meta says; 0 goes back to automatic.
    void setRateLimit(int perMinute);
    // Off: behave as a client that knows only the cloud API, whatever
    // /api/meta offers (its rate limits are still used). For checking that
    // everything works against the cloud; on by default.
    void setExtensionsEnabled(bool enabled) { m_extensionsEnabled = enabled; }
    bool extensionsEnabled() const { return m_extensionsEnabled; }
    // A wait for the rate limit longer than this is shown to the person.
    static constexpr int kVisibleWaitMs = 2000;
    // "Waiting for the cloud's rate limit (42 s)".
    QString rateLimitWaitText(int seconds) const;
    // The pacer for signed-in or anonymous requests.
    RatePacer *pacer(bool signedIn) const { return signedIn ? m_userPacer : m_anonPacer; }

    // --- what the server is -----------------------------------------------
    bool isDiscovered() const { return m_discovered; }
    const ServerMeta &serverMeta() const { return m_meta; }
    bool hasFeature(const QString &feature) const { return m_meta.has(feature); }
    // Reads GET /api/meta again; a 404 (the cloud) is a success without features.
    Job<ServerMeta> *discover();
    // Runs `then` once the server's meta is known (or could not be read), while `context` lives.
    void whenDiscovered(QObject *context, std::function<void()> then);

    // --- the calls --------------------------------------------------------
    Job<ServerMeta> *meta() { return discover(); }
    CallJob<QString> *health();
    // GET /api/changes?since=N&limit=M (our "changes" extension).
    CallJob<ChangeFeed> *changes(qint64 since, int limit = 0);

    CallJob<User> *me();
    // POST /auth/users/: registers a customer.
    CallJob<User> *registerUser(const QString &username, const QString &email, const QString &password);

    ListJob<MenuItem> *menuItems(const MenuQuery &query = {});
    // One page (1-based), as the server pages it.
    CallJob<Page<MenuItem>> *menuItemsPage(int page, const MenuQuery &query = {});
    CallJob<MenuItem> *menuItem(qint64 id);
    CallJob<MenuItem> *createMenuItem(const MenuItem &item, const WriteOptions &options = {});
    // PATCH with just `fields` ({"price": "9.50"}).
    CallJob<MenuItem> *updateMenuItem(qint64 id, const QJsonObject &fields, const WriteOptions &options = {});
    // PUT of the whole item.
    CallJob<MenuItem> *replaceMenuItem(const MenuItem &item, const WriteOptions &options = {});
    CallJob<NoContent> *deleteMenuItem(qint64 id, const WriteOptions &options = {});

    ListJob<Category> *categories();
    CallJob<Category> *category(qint64 id);
    CallJob<Category> *createCategory(const Category &category, const WriteOptions &options = {});
    CallJob<Category> *updateCategory(qint64 id, const QJsonObject &fields, const WriteOptions &options = {});
    CallJob<NoContent> *deleteCategory(qint64 id, const WriteOptions &options = {});

    ListJob<CartItem> *cart();
    CallJob<CartItem> *addToCart(qint64 menuItem, int quantity, const WriteOptions &options = {});
    CallJob<CartItem> *setCartQuantity(qint64 cartItemId, int quantity, const WriteOptions &options = {});
    CallJob<NoContent> *removeFromCart(qint64 cartItemId, const WriteOptions &options = {});

    ListJob<Order> *orders();
    CallJob<Order> *order(qint64 id);
    // From the caller's cart.
    CallJob<OrderCreated> *placeOrder(const WriteOptions &options = {});
    // Staff, without a cart (our "counter_orders" extension).
    CallJob<OrderCreated> *placeCounterOrder(const QList<CounterLine> &lines, const QString &note,
                                             const WriteOptions &options = {});
    CallJob<Order> *updateOrder(qint64 id, const OrderPatch &patch, const WriteOptions &options = {});
    CallJob<NoContent> *deleteOrder(qint64 id, const WriteOptions &options = {});

    ListJob<User> *groupMembers(const QString &group);
    // The value is the server's own words ("User 'cust' added to group 'delivery-crew'.").
    CallJob<QString> *addToGroup(const QString &group, const QString &username, const WriteOptions &options = {});
    CallJob<QString> *removeFromGroup(const QString &group, qint64 userId, const WriteOptions &options = {});

    // Our "bookings" extension; an invalid date lists every day.
    ListJob<Booking> *bookings(const QDate &date = QDate());
    CallJob<Booking> *booking(qint64 id);
    CallJob<Booking> *createBooking(const Booking &booking, const WriteOptions &options = {});
    CallJob<Booking> *updateBooking(qint64 id, const QJsonObject &fields, const WriteOptions &options = {});
    CallJob<NoContent> *deleteBooking(qint64 id, const WriteOptions &options = {});

    // Our "tables" extension.
    ListJob<DiningTable> *tables();
    CallJob<DiningTable> *table(qint64 id);
    CallJob<DiningTable> *createTable(const DiningTable &table, const WriteOptions &options = {});
    CallJob<DiningTable> *updateTable(qint64 id, const QJsonObject &fields, const WriteOptions &options = {});
    CallJob<NoContent> *deleteTable(qint64 id, const WriteOptions &options = {});

    // --- building blocks for calls not listed above -----------------------
    RequestJob *send(const Request &request);
    template<typename T>
    CallJob<T> *call(const Request &request, typename CallJob<T>::Decoder decoder = &decodeBody<T>);
    template<typename T>
    ListJob<T> *list(const Request &request);
    RequestSender sender();

Q_SIGNALS:
    void serverMetaChanged(const LittleLemon::ServerMeta &meta);
    // A 429 is being waited out (seconds); no caller sees it as an error.
    void throttled(int seconds);
    // Pacing or a 429 holds the next request back for longer than
    // kVisibleWaitMs: `text` says so in words for a person
    // ("Waiting for the cloud's rate limit (42 s)").
    void waitingForRateLimit(int seconds, const QString &text);
    // A TLS certificate nobody vouches for, with its fingerprint, so a person can decide to trust it.
    void untrustedCertificate(const QString &fingerprint);

private:
    friend class RequestJob;

    struct DiscoveryWaiter
    {
        QPointer<QObject> context;
        std::function<void()> then;
    };

    void startDiscovery();
    void applyMeta(const ServerMeta &meta);
    void applyLimits();
    // For RequestJob.
    void reportThrottled(int seconds) { Q_EMIT throttled(seconds); }
    void reportUntrustedCertificate(const QString &fingerprint) { Q_EMIT untrustedCertificate(fingerprint); }
    template<typename T>
    CallJob<T> *write(const QByteArray &method, const QString &path, const QJsonValue &body,
                      const WriteOptions &options, typename CallJob<T>::Decoder decoder = &decodeBody<T>);
    Json::Flavor flavor() const;

    ServerEndpoint m_endpoint;
    QNetworkAccessManager *m_network;
    AuthSession *m_session;
    RatePacer *m_anonPacer;
    RatePacer *m_userPacer;
    ServerMeta m_meta;
    bool m_discovered = false;
    QPointer<RequestJob> m_discovery;
    QList<DiscoveryWaiter> m_discoveryWaiters;
    QList<QPointer<PendingJob<ServerMeta>>> m_discoverJobs;
    QString m_trustedFingerprint;
    int m_timeoutMs = 15000;
    int m_maxThrottleWaitS = 600;
    int m_pageSize = 100;
    int m_pinnedRate = 0;
    bool m_extensionsEnabled = true;
};

template<typename T>
CallJob<T> *ApiClient::call(const Request &request, typename CallJob<T>::Decoder decoder)
{
    auto *job = new CallJob<T>(sender(), m_endpoint.displayName(), std::move(decoder), this);
    job->setTimeout(m_timeoutMs);
    job->start(request);
    return job;
}

template<typename T>
ListJob<T> *ApiClient::list(const Request &request)
{
    auto *job = new ListJob<T>(sender(), m_endpoint, this);
    job->setTimeout(m_timeoutMs);
    // page_size depends on what /api/meta says: ask only once it is known.
    whenDiscovered(job, [this, job, request]() {
        Request first = request;
        if (m_pageSize > 0 && hasFeature(QStringLiteral("page_size"))
            && !first.query.hasQueryItem(QStringLiteral("page_size")))
            first.query.addQueryItem(QStringLiteral("page_size"), QString::number(m_pageSize));
        job->start(first);
    });
    return job;
}

template<typename T>
CallJob<T> *ApiClient::write(const QByteArray &method, const QString &path, const QJsonValue &body,
                             const WriteOptions &options, typename CallJob<T>::Decoder decoder)
{
    Request r = Request::write(method, path, body);
    r.ifMatch = options.ifMatch;
    r.idempotencyKey = options.idempotencyKey;
    return call<T>(r, std::move(decoder));
}

} // namespace LittleLemon::Client
