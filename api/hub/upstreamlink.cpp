#include "api/hub/upstreamlink.h"

#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/serverendpoint.h"
#include "api/client/syncengine.h"
#include "api/server/backend.h"
#include "api/server/jsonwriter.h"
#include "api/server/serverstorage.h"

#include <QDir>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcHub, "littlelemon.hub")

namespace LittleLemon::Hub {

namespace {

constexpr int kMaxNotices = 20;
// Requests a minute kept for the orders' tail while a backlog is delivered.
constexpr int kTailShare = 30;
const QString kCursorKey = QStringLiteral("hub.cursor");

QString cloudUserName(qint64 cloudId)
{
    return QStringLiteral("cloud-user-%1").arg(cloudId);
}

// A local or cloud id that is the cloud's (not a hub-made row, not a record
// the cache made offline).
bool isCloudId(qint64 id)
{
    return id > 0 && id < UpstreamLink::kLocalIdBase;
}

} // namespace

UpstreamLink::UpstreamLink(Server::Backend &backend, Settings settings, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_settings(std::move(settings))
{
    m_since = QDateTime::currentDateTimeUtc();
    m_forwardTimer.setInterval(m_settings.forwardPollMs);
    connect(&m_forwardTimer, &QTimer::timeout, this, &UpstreamLink::forward);
    m_signInRetry.setSingleShot(true);
    m_signInRetry.setInterval(5000);
    connect(&m_signInRetry, &QTimer::timeout, this, &UpstreamLink::signIn);
}

UpstreamLink::~UpstreamLink()
{
    if (m_engine)
        m_engine->stop();
}

bool UpstreamLink::open(QString *error)
{
    const QDir dir(m_settings.dataDir);
    m_store = std::make_unique<LocalStore>();
    if (!m_store->open({ dir.filePath(QStringLiteral("upstream-cache.sqlite")),
                         dir.filePath(QStringLiteral("upstream-outbox.sqlite")) })) {
        *error = tr("cannot open the hub's copy of the cloud: %1").arg(m_store->errorString());
        return false;
    }
    try {
        m_backend.storage().reserveLocalIds(kLocalIdBase);
        bool ok = false;
        m_cursor = m_store->cache()->metaValue(kCursorKey).toLongLong(&ok);
        if (!ok) {
            // A new hub (or a rebuilt cache): what the hub held before is not news for the cloud.
            m_cursor = m_backend.storage().changes().latest();
            m_store->cache()->setMetaValue(kCursorKey, QString::number(m_cursor));
        }
    } catch (const Server::StorageError &e) {
        *error = tr("cannot prepare the hub's database: %1").arg(QString::fromUtf8(e.what()));
        return false;
    }

    m_client = std::make_unique<Client::ApiClient>(Client::ServerEndpoint::fromUserInput(m_settings.url));
    m_client->setTimeout(15000);
    m_engine = std::make_unique<Client::SyncEngine>(m_client.get(), m_store.get());
    m_engine->setInterval(m_settings.intervalMs);
    m_engine->setDebounce(200);
    m_engine->setBackoff(1000, 15000);
    // Only the hub spends this account's requests (the terminals talk to the
    // hub): most of the minute's 100 is ours, the rest left for a person
    // signing in to the cloud's own pages with the same account.
    m_engine->setRequestBudget(60, 85);
    // A backlog after an outage goes up in order, but the cloud's new orders
    // do not wait for it: a tail read every cycle between two deliveries,
    // from a share of the minute kept for it (issue 19: a customer's order
    // reaches the kitchen within a cycle even while the hub catches up).
    m_engine->setTailShare(kTailShare);
    connect(m_store.get()->cache(), &LocalCache::changed, this, &UpstreamLink::onStoreChanged);
    connect(m_store.get()->outbox(), &Outbox::countsChanged, this, [this] { setOnline(m_online); });
    connect(m_engine.get(), &Client::SyncEngine::syncFinished, this, &UpstreamLink::onSyncFinished);
    connect(m_engine.get(), &Client::SyncEngine::onlineChanged, this, [this](bool online) {
        setOnline(online && m_signedIn);
    });
    // What a tail read between two deliveries brought reaches the terminals now, not at the end of the run.
    connect(m_engine.get(), &Client::SyncEngine::pulledDuringPush, this, &UpstreamLink::mirror);
    connect(m_engine.get(), &Client::SyncEngine::entryConflict, this, &UpstreamLink::onConflict);
    connect(m_engine.get(), &Client::SyncEngine::entryFailed, this, &UpstreamLink::onFailed);
    connect(m_engine.get(), &Client::SyncEngine::signInRequired, this, [this](const QString &message) {
        qCWarning(lcHub).noquote() << "the cloud signed the hub out:" << message;
        m_signedIn = false;
        setOnline(false);
        m_signInRetry.start();
    });
    return true;
}

void UpstreamLink::start()
{
    m_forwardTimer.start();
    signIn();
}

void UpstreamLink::signIn()
{
    auto *job = m_client->session()->login(m_settings.user, m_settings.password);
    job->then(this, [this](const Client::Result<User> &result) {
        if (!result) {
            const ApiError error = result.error();
            qCWarning(lcHub).noquote() << "cannot sign in to the cloud" << m_settings.url << "as"
                                       << m_settings.user << ":" << error.userMessage();
            if (error.kind() == ApiError::Kind::Unauthorized)
                notice(tr("The cloud refused the hub's account %1: check upstream_user and the password file.")
                           .arg(m_settings.user));
            m_signInRetry.start();
            return;
        }
        m_signedIn = true;
        qCInfo(lcHub).noquote() << "signed in to the cloud" << m_settings.url << "as" << m_settings.user;
        if (m_engine->isStarted())
            m_engine->syncNow();
        else
            m_engine->start();
    });
}

int UpstreamLink::waiting() const
{
    return m_store ? m_store->outbox()->pendingCount() : 0;
}

void UpstreamLink::setOnline(bool online)
{
    if (online != m_online) {
        m_online = online;
        m_since = QDateTime::currentDateTimeUtc();
        qCInfo(lcHub).noquote() << (online ? "the cloud is reachable" : "the cloud is unreachable") << "-"
                                << waiting() << "changes waiting";
        emit stateChanged(online);
    }
}

QByteArray UpstreamLink::statusJson() const
{
    Server::JsonWriter w;
    w.beginObject()
        .key("url").value(m_settings.url)
        .key("state").value(m_online ? QStringLiteral("online") : QStringLiteral("offline"))
        .key("since").dateTime(m_since)
        .key("waiting").value(waiting())
        .key("failed").value(m_store ? m_store->outbox()->failedCount() : 0);
    const QDateTime last = m_engine ? m_engine->lastSyncTime() : QDateTime();
    w.key("last_sync");
    if (last.isValid())
        w.dateTime(last);
    else
        w.null();
    w.key("notices").beginArray();
    for (const Notice &n : m_notices)
        w.beginObject().key("at").dateTime(n.at).key("text").value(n.text).endObject();
    w.endArray().endObject();
    return w.take();
}

void UpstreamLink::notice(const QString &text)
{
    qCWarning(lcHub).noquote() << text;
    m_notices.append({ QDateTime::currentDateTimeUtc(), text });
    while (m_notices.size() > kMaxNotices)
        m_notices.removeFirst();
}

void UpstreamLink::afterWrite()
{
    if (m_afterWrite)
        m_afterWrite();
}

// ---- cloud → hub --------------------------------------------------------------

void UpstreamLink::onStoreChanged(const StoreChange &change)
{
    auto add = [&change](QSet<qint64> &dirty, QSet<qint64> &removed) {
        for (qint64 id : change.inserted)
            dirty.insert(id);
        for (qint64 id : change.updated)
            dirty.insert(id);
        for (const auto &renamed : change.renamed)
            dirty.insert(renamed.second);
        for (qint64 id : change.removed) {
            dirty.remove(id);
            removed.insert(id);
        }
    };
    switch (change.entity) {
    case Entity::Category: add(m_dirtyCategories, m_removedCategories); break;
    case Entity::MenuItem: add(m_dirtyMenuItems, m_removedMenuItems); break;
    case Entity::Order: add(m_dirtyOrders, m_removedOrders); break;
    case Entity::GroupMember: m_dirtyMembers = true; break;
    default: break;
    }
}

void UpstreamLink::onSyncFinished(const Client::SyncReport &report)
{
    setOnline(report.ok && m_signedIn ? true : (report.offline ? false : m_online && m_signedIn));
    if (report.ok || report.pulled > 0 || report.sent > 0)
        mirror();
}

void UpstreamLink::mirror()
{
    // What the terminals did goes into the outbox first, so the cache shows
    // it and nothing below writes an older value over it.
    forward();
    Server::ServerStorage &storage = m_backend.storage();
    if (m_mirrorAll) {
        m_mirrorAll = false;
        m_dirtyMembers = true;
        for (const auto &c : m_store->cache()->categories())
            m_dirtyCategories.insert(c.record.id);
        for (const auto &m : m_store->cache()->menuItems())
            m_dirtyMenuItems.insert(m.record.id);
        for (const auto &o : m_store->cache()->orderSummaries())
            m_dirtyOrders.insert(o.id);
    }
    m_wrote = false;
    try {
        if (m_dirtyMembers) {
            m_dirtyMembers = false;
            for (const auto &m : m_store->cache()->groupMembers())
                mirrorMember(m.record.group, m.record.userId);
        }
        for (qint64 id : std::as_const(m_dirtyCategories))
            mirrorCategory(id);
        for (qint64 id : std::as_const(m_dirtyMenuItems))
            mirrorMenuItem(id);
        QList<qint64> orders = m_dirtyOrders.values();
        std::sort(orders.begin(), orders.end());
        for (qint64 id : std::as_const(orders))
            mirrorOrder(id);
        for (qint64 id : std::as_const(m_removedOrders)) {
            if (isCloudId(id) && storage.deleteOrder(id))
                m_wrote = true;
        }
        for (qint64 id : std::as_const(m_removedMenuItems)) {
            if (isCloudId(id) && storage.menuItem(id) && storage.deleteMenuItem(id))
                m_wrote = true;
        }
        for (qint64 id : std::as_const(m_removedCategories)) {
            if (isCloudId(id) && storage.category(id) && storage.menuItemsInCategory(id) == 0
                && storage.deleteCategory(id))
                m_wrote = true;
        }
    } catch (const Server::StorageError &e) {
        qCWarning(lcHub).noquote() << "cannot mirror the cloud into the hub's database:" << e.what();
    }
    m_dirtyCategories.clear();
    m_dirtyMenuItems.clear();
    m_dirtyOrders.clear();
    m_removedCategories.clear();
    m_removedMenuItems.clear();
    m_removedOrders.clear();
    if (m_wrote)
        afterWrite();
    // Our own writes are in the change log now; forward() finds nothing to
    // send for them (the cache already shows those values).
    forward();
}

void UpstreamLink::mirrorMember(const QString &group, qint64 cloudId)
{
    if (cloudId <= 0)
        return;
    const bool crew = group.compare(QLatin1String("delivery-crew"), Qt::CaseInsensitive) == 0;
    const bool manager = group.compare(QLatin1String("manager"), Qt::CaseInsensitive) == 0;
    if (crew || manager)
        hubUserFor(cloudId, crew);
}

std::optional<qint64> UpstreamLink::hubUserFor(qint64 cloudUserId, bool crew)
{
    if (const auto it = m_hubUsers.constFind(cloudUserId); it != m_hubUsers.cend())
        return it.value();
    Server::ServerStorage &storage = m_backend.storage();
    QString name = m_store->cache()->userName(cloudUserId);
    Role role = crew ? Role::DeliveryCrew : Role::Customer;
    if (name.isEmpty()) {
        name = cloudUserName(cloudUserId);
    } else {
        for (const auto &m : m_store->cache()->groupMembers()) {
            if (m.record.userId == cloudUserId && m.record.group.compare(QLatin1String("manager"), Qt::CaseInsensitive) == 0)
                role = Role::Manager;
            else if (m.record.userId == cloudUserId && role != Role::Manager)
                role = Role::DeliveryCrew;
        }
    }
    qint64 id = 0;
    if (const auto existing = storage.userByUsername(name)) {
        id = existing->user.id;
    } else {
        // No password: the cloud's people sign in to the cloud; an
        // administrator may give one (littlelemon-server user passwd NAME).
        id = storage.createUser(name, QString(), QStringLiteral("!unusable"), role);
        m_wrote = true;
        qCInfo(lcHub).noquote() << "cloud user" << cloudUserId << "is hub user" << name << "(" << toWire(role) << ")";
    }
    m_hubUsers.insert(cloudUserId, id);
    return id;
}

std::optional<qint64> UpstreamLink::cloudCrewFor(qint64 hubUserId) const
{
    for (auto it = m_hubUsers.cbegin(); it != m_hubUsers.cend(); ++it) {
        if (it.value() == hubUserId)
            return it.key();
    }
    const auto user = m_backend.storage().userById(hubUserId);
    if (!user)
        return std::nullopt;
    for (const auto &m : m_store->cache()->groupMembers(QStringLiteral("delivery-crew"))) {
        if (m.record.username == user->user.username)
            return m.record.userId;
    }
    return std::nullopt;
}

void UpstreamLink::mirrorCategory(qint64 id)
{
    if (!isCloudId(id))
        return;
    const auto cached = m_store->cache()->category(id);
    if (!cached)
        return;
    const auto hub = m_backend.storage().category(id);
    if (hub && hub->slug == cached->record.slug && hub->title == cached->record.title)
        return;
    m_backend.storage().mirrorCategory(cached->record);
    m_wrote = true;
}

void UpstreamLink::mirrorMenuItem(qint64 id)
{
    if (!isCloudId(id))
        return;
    const auto cached = m_store->cache()->menuItem(id);
    if (!cached)
        return;
    const MenuItem &c = cached->record;
    Server::ServerStorage &storage = m_backend.storage();
    const auto hub = storage.menuItem(id);
    if (hub && hub->title == c.title && hub->price == c.price && hub->featured == c.featured
        && hub->category == c.category)
        return;
    if (!storage.category(c.category))
        mirrorCategory(c.category);
    if (!storage.category(c.category))
        return; // a category the cache does not hold (yet): next time
    if (hub && (hub->title != c.title || hub->price != c.price || hub->featured != c.featured)) {
        qCInfo(lcHub).noquote() << "menu item" << id << "takes the cloud's version:" << c.title << c.price.toString();
    }
    storage.mirrorMenuItem(c);
    m_wrote = true;
}

void UpstreamLink::mirrorOrder(qint64 id)
{
    if (!isCloudId(id))
        return;
    const auto cached = m_store->cache()->order(id);
    if (!cached)
        return;
    const Order &c = cached->record;
    Server::ServerStorage &storage = m_backend.storage();
    const auto hub = storage.order(id);
    std::optional<qint64> crew;
    if (c.deliveryCrew)
        crew = hubUserFor(*c.deliveryCrew, true);
    if (!hub) {
        const auto owner = hubUserFor(c.user, false);
        if (!owner)
            return;
        if (storage.mirrorOrder(c, *owner, crew)) {
            m_wrote = true;
            qCInfo(lcHub).noquote() << "order" << id << "from the cloud";
        }
        return;
    }
    Server::OrderUpdate update;
    const OrderStage stage = hub->effectiveStage();
    if (c.status && !isFinal(stage)) {
        update.stage = OrderStage::Delivered; // the later stage wins
    } else if (!c.status && stage == OrderStage::Delivered) {
        // The cloud says open, the hub delivered (and no edit of ours waits:
        // it would show in the cache): the later stage wins, the cloud is told.
        // Once per order: a refusal must not make it a loop.
        if (!m_reasserted.contains(id)) {
            m_reasserted.insert(id);
            notice(tr("Order %1 was reopened on the cloud but is delivered here: the later stage (delivered) is "
                      "kept and sent to the cloud again.")
                       .arg(id));
            m_store->outbox()->setOrderStatus(id, true);
        }
    }
    // The cloud's crew is taken; where it has none, a crew member who exists
    // only on the hub (never sent) stays.
    const bool hubOnlyCrew = !c.deliveryCrew && hub->deliveryCrew && !cloudCrewFor(*hub->deliveryCrew);
    if (hub->deliveryCrew != crew && (crew || !c.deliveryCrew) && !hubOnlyCrew)
        update.deliveryCrew = crew;
    if (update.stage || update.deliveryCrew) {
        storage.updateOrder(id, update, 0);
        m_wrote = true;
    }
}

// ---- hub → cloud --------------------------------------------------------------

void UpstreamLink::forward()
{
    if (!m_store)
        return;
    Server::ServerStorage &storage = m_backend.storage();
    try {
        if (storage.changes().latest() <= m_cursor)
            return;
        for (;;) {
            const auto entries = storage.changes().readAll(m_cursor, 500);
            if (entries.isEmpty())
                break;
            for (const auto &e : entries) {
                if (e.audience == 0 && !e.deleted) {
                    if (e.kind == Server::ChangeKind::MenuItem)
                        forwardMenuItem(e.rowId);
                    else if (e.kind == Server::ChangeKind::Order)
                        forwardOrder(e.rowId);
                }
                m_cursor = e.seq;
            }
            m_store->cache()->setMetaValue(kCursorKey, QString::number(m_cursor));
            if (entries.size() < 500)
                break;
        }
    } catch (const Server::StorageError &e) {
        qCWarning(lcHub).noquote() << "cannot read the hub's change log:" << e.what();
    }
}

void UpstreamLink::forwardMenuItem(qint64 id)
{
    if (!isCloudId(id))
        return; // made on the hub: the cloud lets only its admin create dishes
    const auto hub = m_backend.storage().menuItem(id);
    const auto cached = m_store->cache()->menuItem(id);
    if (!hub || !cached)
        return;
    const MenuItem &c = cached->record;
    if (hub->title != c.title)
        m_store->outbox()->setMenuItemTitle(id, hub->title);
    if (hub->price != c.price)
        m_store->outbox()->setMenuItemPrice(id, hub->price);
    if (hub->featured != c.featured)
        m_store->outbox()->setMenuItemFeatured(id, hub->featured);
    if (hub->category != c.category && isCloudId(hub->category))
        m_store->outbox()->setMenuItemCategory(id, hub->category);
}

void UpstreamLink::forwardOrder(qint64 id)
{
    if (!isCloudId(id)) {
        // A counter order of the hub's: the cloud creates orders only from a
        // customer's own cart, so it stays here, never queued (it cannot
        // fail nor hold the queue). Said once a run of the hub.
        if (!m_saidCounterOrders) {
            m_saidCounterOrders = true;
            notice(tr("Counter orders taken on the hub stay on the hub (order %1 and later ones): the cloud creates "
                      "orders only from a customer's own cart.")
                       .arg(id));
        }
        return;
    }
    const auto hub = m_backend.storage().order(id);
    const auto cached = m_store->cache()->order(id);
    if (!hub || !cached)
        return;
    const bool delivered = hub->effectiveStage() == OrderStage::Delivered;
    if (delivered != cached->record.status)
        m_store->outbox()->setOrderStatus(id, delivered);
    std::optional<qint64> crew;
    if (hub->deliveryCrew) {
        crew = cloudCrewFor(*hub->deliveryCrew);
        if (!crew) {
            // A crew member who exists only on the hub: the cloud cannot name
            // them, the assignment stays here (nothing queued).
            if (!m_saidHubOnlyCrew.contains(*hub->deliveryCrew)) {
                m_saidHubOnlyCrew.insert(*hub->deliveryCrew);
                const auto user = m_backend.storage().userById(*hub->deliveryCrew);
                notice(tr("%1 is delivery crew on the hub only (the cloud has no such user): order %2's crew stays on "
                          "the hub.")
                           .arg(user ? user->user.username : QString::number(*hub->deliveryCrew))
                           .arg(id));
            }
            return;
        }
    }
    if (crew != cached->record.deliveryCrew)
        m_store->outbox()->assignDeliveryCrew(id, crew);
}

// ---- conflicts ------------------------------------------------------------------

void UpstreamLink::onConflict(qint64 seq, const QString &message)
{
    const auto entry = m_store->outbox()->entry(seq);
    if (!entry)
        return;
    if (entry->entity == Entity::Order && entry->overlay.value(QStringLiteral("status")).toBool()) {
        notice(tr("Order %1 changed on the cloud while the hub waited (%2): the later stage (delivered) wins, "
                  "the hub's is sent.")
                   .arg(entry->targetId)
                   .arg(message));
        m_engine->keepMine(seq);
        return;
    }
    notice(entry->entity == Entity::Order
               ? tr("Order %1 changed on the cloud while the hub waited (%2): the cloud's later stage is kept; "
                    "\"%3\" was dropped.")
                     .arg(entry->targetId)
                     .arg(message, entry->summary)
               : tr("%1 changed on the cloud while the hub waited (%2): the cloud wins for menu edits; \"%3\" was "
                    "dropped.")
                     .arg(entityWireName(entry->entity))
                     .arg(message, entry->summary));
    m_engine->takeTheirs(seq);
}

void UpstreamLink::onFailed(qint64 seq, const QString &message)
{
    const auto entry = m_store->outbox()->entry(seq);
    notice(tr("The cloud refused \"%1\": %2. The hub shows the cloud's version again.")
               .arg(entry ? entry->summary : QString::number(seq), message));
    if (entry) {
        // The cache is the cloud's again: the hub follows it.
        if (entry->entity == Entity::MenuItem)
            m_dirtyMenuItems.insert(entry->targetId);
        else if (entry->entity == Entity::Order)
            m_dirtyOrders.insert(entry->targetId);
        m_engine->discard(seq);
    }
}

} // namespace LittleLemon::Hub
