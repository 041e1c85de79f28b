#include "api/server/backend.h"

#include "api/server/authcontroller.h"
#include "api/server/bookingcontroller.h"
#include "api/server/cartcontroller.h"
#include "api/server/categorycontroller.h"
#include "api/server/changecontroller.h"
#include "api/server/groupcontroller.h"
#include "api/server/httperror.h"
#include "api/server/menucontroller.h"
#include "api/server/metacontroller.h"
#include "api/server/reportcontroller.h"
#include "api/server/ordercontroller.h"
#include "api/server/printhostcontroller.h"
#include "api/server/requestcontext.h"
#include "api/server/tablecontroller.h"
#include "models/privatefiles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>

namespace LittleLemon::Server {

Q_LOGGING_CATEGORY(lcHttp, "littlelemon.server.http", QtInfoMsg)

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("LittleLemon::Server", text);
}

HttpError unauthorized(QJsonObject body)
{
    return HttpError(401, body).withHeader("WWW-Authenticate", "Bearer realm=\"api\"");
}

// SimpleJWT's answer when no token class accepts the header's token.
HttpError tokenNotValid(const QString &message)
{
    return unauthorized(QJsonObject {
        { QStringLiteral("detail"), tr("Given token not valid for any token type") },
        { QStringLiteral("code"), QStringLiteral("token_not_valid") },
        { QStringLiteral("messages"), QJsonArray { QJsonObject {
                                          { QStringLiteral("token_class"), QStringLiteral("AccessToken") },
                                          { QStringLiteral("token_type"), QStringLiteral("access") },
                                          { QStringLiteral("message"), message },
                                      } } },
    });
}
// The decoded path as the log may show it: a %0a in a path must not start a
// forged log line, nor an escape sequence play with a terminal. Control
// characters (and the backslash that introduces the escapes) are written \xNN.
QByteArray printable(const QString &path)
{
    const QByteArray utf8 = path.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f || c == '\\') {
            out += "\\x";
            out += QByteArray::number(c, 16).rightJustified(2, '0');
        } else {
            out += ch;
        }
    }
    return out;
}
} // namespace

Backend::Backend(ServerConfig config)
    : m_config(std::move(config))
    , m_storage(m_db)
    , m_idempotency(m_db)
    , m_passwords(m_config.hashThreads)
{
    m_clock.start();
    m_tokens.setLifetimes(m_config.accessTtlSeconds, m_config.refreshTtlSeconds);
    const Services services { m_storage, m_tokens, m_config, m_passwords, m_signIns };
    m_controllers.push_back(std::make_unique<AuthController>(services));
    m_controllers.push_back(std::make_unique<CategoryController>(services));
    m_controllers.push_back(std::make_unique<MenuController>(services));
    m_controllers.push_back(std::make_unique<CartController>(services));
    m_controllers.push_back(std::make_unique<OrderController>(services));
    m_controllers.push_back(std::make_unique<GroupController>(services));
    // The extensions (CONTRACT.md "Extensions of littlelemon-server").
    m_controllers.push_back(std::make_unique<MetaController>(services, m_eventsServed, m_upstreamStatus));
    m_controllers.push_back(std::make_unique<BookingController>(services));
    m_controllers.push_back(std::make_unique<TableController>(services));
    m_controllers.push_back(std::make_unique<ChangeController>(services));
    m_controllers.push_back(std::make_unique<ReportController>(services));
    m_controllers.push_back(std::make_unique<PrintHostController>(services));

    Router::Route &health = m_router.add(QStringLiteral("/health"), Router::Access::Public);
    health.throttled = false;
    health.authenticates = false;
    m_router.on(QStringLiteral("/health"), Request::Method::Get, [](RequestContext &) {
        return Response::json(200, QJsonObject { { QStringLiteral("status"), QStringLiteral("ok") } });
    });
    for (const auto &c : m_controllers)
        c->registerRoutes(m_router);
    // The hot lists (issue 16): the menu looks the same to every caller of a
    // role; a list of orders is everyone's for the staff who see them all,
    // else one's own; the change feed carries entries of one's own.
    for (const auto &[pattern, policy] : { std::pair { QStringLiteral("/api/menu-items"), Router::PageCache::PerRole },
                                           std::pair { QStringLiteral("/api/categories"), Router::PageCache::PerRole },
                                           std::pair { QStringLiteral("/api/orders"), Router::PageCache::PerOrderScope },
                                           std::pair { QStringLiteral("/api/changes"), Router::PageCache::PerUser } }) {
        if (Router::Route *route = m_router.route(pattern))
            route->pageCache = policy;
    }
}

Backend::~Backend()
{
    // A batch still committing is waited for; queued writes are cancelled
    // (their connections get nothing, as when the process stops).
    m_db.endBatch();
    m_reads.reset(); // its connection follows m_db's
    if (m_batches > 0)
        qCInfo(lcHttp, "group commit: %lld writes in %lld syncs", m_batchedWrites, m_batches);
}

QString Backend::databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("littlelemon.sqlite3"));
}

void Backend::makePrivate(const QString &dataDir)
{
    // Password hashes, guests' phones and the signing secret live here:
    // owner only, also when they were made under a looser umask.
    const QDir dir(dataDir);
    PrivateFiles::directory(dataDir);
    PrivateFiles::file(dir.filePath(QStringLiteral("jwt-secret")));
    PrivateFiles::database(databasePath(dataDir));
    if (dir.exists(QStringLiteral("backups")))
        PrivateFiles::directory(dir.filePath(QStringLiteral("backups")));
}

bool Backend::open(QString *error)
{
    if (m_config.dataDir.isEmpty()) {
        if (error)
            *error = tr("no data directory given (--data-dir)");
        return false;
    }
    if (!QDir().mkpath(m_config.dataDir)) {
        if (error)
            *error = tr("cannot create the data directory %1").arg(m_config.dataDir);
        return false;
    }
    makePrivate(m_config.dataDir);
    if (!m_tokens.loadOrCreateSecret(m_config.dataDir, error))
        return false;
    if (!m_db.open(databasePath(m_config.dataDir), ServerStorage::migrations(), error))
        return false;
    if (!m_config.groupCommit)
        return true;
    if (!m_db.openReader(error))
        return false;
    // The staff's order pages seek from cached anchors (ServerStorage::orders);
    // the users read by authentication are kept while these tables stand.
    m_db.watchRowSet("orders");
    for (const char *table : kUserTables)
        m_db.watchTable(table);
    if (m_config.readThread) {
        m_reads = std::make_unique<ReadWorker>(m_config);
        if (!m_reads->start(m_db, error))
            return false;
    }
    return true;
}

Response Backend::answer(const Request &request, const std::function<Response()> &work)
{
    try {
        return work();
    } catch (const HttpError &e) {
        return e.toResponse();
    } catch (const StorageError &e) {
        if (e.kind() == StorageError::Kind::Busy) {
            qCWarning(lcHttp) << "database busy on" << request.methodName << request.path;
            Response response = Response::detail(503, tr("The database is busy; try again in a moment."));
            response.setHeader("Retry-After", "1");
            return response;
        }
        if (e.kind() == StorageError::Kind::Full) {
            qCCritical(lcHttp) << "database full on" << request.methodName << request.path << e.what();
            return Response::detail(507, tr("The server's disk is full; nothing was saved."));
        }
        qCCritical(lcHttp) << "database error on" << request.methodName << request.path << e.what();
    } catch (const std::exception &e) {
        qCCritical(lcHttp) << "internal error on" << request.methodName << request.path << e.what();
    }
    return Response::detail(500, tr("A server error occurred."));
}

namespace {
bool isWrite(Request::Method method)
{
    return method == Request::Method::Post || method == Request::Method::Put || method == Request::Method::Patch
        || method == Request::Method::Delete;
}
} // namespace

Response Backend::handle(const Request &request)
{
    pollBatch();
    if (m_config.groupCommit && m_db.hasReader() && isWrite(request.method))
        return enqueueWrite(request);
    QElapsedTimer timer;
    timer.start();
    Response response = answer(request, [&] { return dispatch(request); });
    if (response.isPending()) {
        // Only what the log line and the after-write hook need travels on.
        Request head;
        head.method = request.method;
        head.methodName = request.methodName;
        head.path = request.path;
        QFuture<Response> done = response.pending->then(&m_passwords, [this, head, timer](QFuture<Response> f) {
            Response r = answer(head, [&] { return f.result(); });
            finish(head, r, timer.nsecsElapsed());
            return r;
        });
        // Hashed on this thread (no worker threads): the answer is here already.
        if (done.isFinished())
            return done.result();
        return Response::later(std::move(done));
    }
    finish(request, response, timer.nsecsElapsed());
    return response;
}

void Backend::finish(const Request &request, const Response &response, qint64 elapsedNs)
{
    if (m_afterWrite && response.status < 400 && request.method != Request::Method::Get
        && request.method != Request::Method::Head && request.method != Request::Method::Options)
        m_afterWrite();
    // One line per request: method, path (never the query or a header, so no
    // token or password reaches the log), status and time.
    qCInfo(lcHttp, "%s %s %d %lldus", request.methodName.constData(), printable(request.path).constData(),
           response.status, elapsedNs / 1000);
}

std::optional<User> Backend::authenticate(const QByteArray &authorization)
{
    const QList<QByteArray> parts = authorization.simplified().split(' ');
    // Another scheme (Basic, Token, ...) is not ours to judge: anonymous.
    if (parts.isEmpty() || parts.first() != "Bearer")
        return std::nullopt;
    if (parts.size() != 2) {
        throw unauthorized(QJsonObject {
            { QStringLiteral("detail"), tr("Authorization header must contain two space-delimited values") },
            { QStringLiteral("code"), QStringLiteral("bad_authorization_header") },
        });
    }
    const auto claims = m_tokens.verify(parts.at(1));
    if (!claims)
        throw tokenNotValid(tr("Token is invalid or expired"));
    if (claims->type != u"access")
        throw tokenNotValid(tr("Token has wrong type"));
    auto record = cachedUser(claims->userId);
    if (!record) {
        throw unauthorized(QJsonObject { { QStringLiteral("detail"), tr("User not found") },
                                         { QStringLiteral("code"), QStringLiteral("user_not_found") } });
    }
    if (!record->active) {
        throw unauthorized(QJsonObject { { QStringLiteral("detail"), tr("User is inactive") },
                                         { QStringLiteral("code"), QStringLiteral("user_inactive") } });
    }
    // Signed out everywhere (password changed, ...) after this token was issued.
    if (claims->generation != record->tokenGeneration)
        throw tokenNotValid(tr("Token has been revoked"));
    return record->user;
}

std::optional<User> Backend::verifyBearer(const QByteArray &authorization, qint64 *expires, QString *why)
{
    const QList<QByteArray> parts = authorization.simplified().split(' ');
    if (parts.size() != 2 || parts.first() != "Bearer") {
        *why = tr("Authentication credentials were not provided.");
        return std::nullopt;
    }
    const auto claims = m_tokens.verify(parts.at(1));
    if (!claims) {
        *why = tr("Token is invalid or expired");
        return std::nullopt;
    }
    if (claims->type != u"access") {
        *why = tr("Token has wrong type");
        return std::nullopt;
    }
    const auto record = cachedUser(claims->userId);
    if (!record || !record->active) {
        *why = record ? tr("User is inactive") : tr("User not found");
        return std::nullopt;
    }
    if (claims->generation != record->tokenGeneration) {
        *why = tr("Token has been revoked");
        return std::nullopt;
    }
    *expires = claims->expires;
    return record->user;
}

std::optional<UserRecord> Backend::cachedUser(qint64 id)
{
    // Inside a batch the writer sees writes that are not on disk yet (nor
    // maybe ever): nothing read there goes into the cache reads use.
    if (m_db.hasReader() && !m_db.readingFromReader())
        return m_storage.userById(id);
    // What a UserRecord is read from (users, groups, memberships); while
    // they are not watched (no reader) or another process's commits are not
    // known yet, any commit drops the cache.
    const qint64 generation = m_readGeneration >= 0 ? m_readGeneration : m_db.generation();
    UsersVersion version { 0, 0, 0, 0 };
    for (std::size_t i = 0; i < kUserTables.size(); ++i) {
        version[i] = m_db.rowSetVersion(kUserTables[i]);
        if (version[i] < 0) {
            version = { -1, -1, -1, generation };
            break;
        }
    }
    if (version != m_usersVersion) {
        m_users.clear();
        m_usersVersion = version;
    }
    const auto it = m_users.constFind(id);
    if (it != m_users.constEnd())
        return *it;
    auto record = m_storage.userById(id);
    if (record) {
        if (m_users.size() >= 1024)
            m_users.clear();
        m_users.insert(id, *record);
    }
    return record;
}

void Backend::throttle(const Request &request, const std::optional<User> &user)
{
    const QByteArray key = user ? QByteArray("user:") + QByteArray::number(user->id)
                                : QByteArray("anon:") + request.peer.toString().toLatin1();
    const int limit = user ? m_config.throttleUser : m_config.throttleAnon;
    int wait = 0;
    if (m_throttle.allow(key, limit, m_clock.elapsed(), &wait))
        return;
    const QString detail = wait == 1 ? tr("Request was throttled. Expected available in %1 second.").arg(wait)
                                     : tr("Request was throttled. Expected available in %1 seconds.").arg(wait);
    throw HttpError::detail(429, detail).withHeader("Retry-After", QByteArray::number(wait));
}

Response Backend::dispatch(const Request &request)
{
    const auto match = m_router.match(request.path);
    if (!match)
        throw HttpError::notFound();
    const Router::Route &route = *match->route;

    if (request.body.size() > m_config.maxBodyBytes) {
        throw HttpError::detail(413, tr("Request body is larger than %1 bytes.").arg(m_config.maxBodyBytes));
    }

    // A read's handler sees one snapshot (the count agrees with the page)
    // under one lock round. It begins after authentication and the page
    // cache, which may answer without reading a row.
    std::optional<Database::ReadTransaction> snapshot;
    const bool read = request.method == Request::Method::Get || request.method == Request::Method::Head;
    struct GenerationScope
    {
        qint64 &value;
        ~GenerationScope() { value = -1; }
    } generationScope { m_readGeneration };
    if (read)
        m_readGeneration = m_db.generation();

    std::optional<User> user;
    if (route.authenticates) {
        const QByteArray authorization = request.header("Authorization");
        if (!authorization.isEmpty())
            user = authenticate(authorization);
    }
    RequestContext context(request, match->params, std::move(user));
    context.setPublicUrl(m_config.publicUrl);
    try {
        if (route.access == Router::Access::Authenticated)
            context.requireUser();
        if (route.throttled)
            throttle(request, context.user() ? std::optional<User>(*context.user()) : std::nullopt);

        Request::Method method = request.method;
        if (method == Request::Method::Head)
            method = Request::Method::Get;
        if (method == Request::Method::Options) {
            Response r = Response::json(200, QJsonObject {
                { QStringLiteral("name"), route.pattern },
                { QStringLiteral("renders"), QJsonArray { QStringLiteral("application/json") } },
                { QStringLiteral("parses"), QJsonArray { QStringLiteral("application/json"),
                                                         QStringLiteral("application/x-www-form-urlencoded") } },
            });
            r.setHeader("Allow", route.allow);
            return r;
        }
        const Router::Handler *handler = route.handler(method);
        if (!handler) {
            throw HttpError::detail(405, tr("Method \"%1\" not allowed.").arg(QString::fromLatin1(request.methodName)));
        }
        QByteArray pageCacheKey;
        if (read && route.pageCache != Router::PageCache::Off) {
            pageCacheKey = pageKey(request, route, context.user());
            if (m_pagesGeneration != m_readGeneration) {
                m_pages.clear();
                m_pagesGeneration = m_readGeneration;
            }
            const auto hit = m_pages.constFind(pageCacheKey);
            if (hit != m_pages.constEnd())
                return *hit;
        }
        if (m_reads && !pageCacheKey.isEmpty())
            return readElsewhere(request, context, route.allow, pageCacheKey);
        if (read)
            snapshot.emplace(m_db);
        const bool write = method == Request::Method::Post || method == Request::Method::Put
            || method == Request::Method::Patch || method == Request::Method::Delete;
        const QByteArray key = write ? request.header("Idempotency-Key").trimmed() : QByteArray();
        // Keys are per user: an anonymous write (registration, tokens) ignores one.
        Response response = key.isEmpty() || !context.user() ? (*handler)(context) : idempotent(*handler, context, key);
        if (response.isPending()) {
            // Anonymous (sign-in, registration): no key, no transaction to keep open.
            return Response::later(withAllow(*response.pending, route.allow));
        }
        response.setHeader("Allow", route.allow);
        if (!pageCacheKey.isEmpty() && response.status == 200)
            keepPage(pageCacheKey, response);
        return response;
    } catch (HttpError &e) {
        // DRF sends Allow with every answer of a view, errors included.
        e.withHeader("Allow", route.allow);
        throw;
    }
}

Response Backend::readElsewhere(const Request &request, const RequestContext &context, const QByteArray &allow,
                               const QByteArray &pageCacheKey)
{
    // Built on the read worker from a snapshot at least as new as this
    // generation; kept for it only if the cache still holds this generation
    // when the page comes back (a newer snapshot under an older generation
    // is dropped with it at the next read).
    const qint64 generation = m_readGeneration;
    std::optional<User> user;
    if (context.user())
        user = *context.user();
    QFuture<Response> built = withAllow(m_reads->read(request, std::move(user)), allow);
    // A refusal (thrown) skips this step and reaches the caller as it is.
    return Response::later(built.then(&m_passwords, [this, pageCacheKey, generation](const Response &r) {
        if (r.status == 200 && m_pagesGeneration == generation)
            keepPage(pageCacheKey, r);
        return r;
    }));
}

QFuture<Response> Backend::withAllow(QFuture<Response> answer, const QByteArray &allow)
{
    // DRF sends Allow with every answer of a view, errors included.
    return answer.then(&m_passwords, [allow](QFuture<Response> f) {
        try {
            Response r = f.result();
            r.setHeader("Allow", allow);
            return r;
        } catch (HttpError &e) {
            e.withHeader("Allow", allow);
            throw;
        }
    });
}

void Backend::keepPage(const QByteArray &pageCacheKey, const Response &response)
{
    // Bounded: distinct queries (search terms, pages) only cost a rebuild.
    if (m_pages.size() >= 512)
        m_pages.clear();
    m_pages.insert(pageCacheKey, response);
}

QByteArray Backend::pageKey(const Request &request, const Router::Route &route, const User *user)
{
    // Everything an answer of these lists depends on: the path and query,
    // the scheme and Host (the next/previous links), and the caller.
    QByteArray key = request.path.toUtf8();
    key += '?';
    for (const auto &item : request.query) {
        key += item.first.toUtf8();
        key += '=';
        key += item.second.toUtf8();
        key += '&';
    }
    key += request.secure ? "|s|" : "|p|";
    key += request.header("Host");
    key += '|';
    if (!user)
        key += "anon";
    else if (route.pageCache == Router::PageCache::PerOrderScope && user->seesEveryOrder())
        key += "all-orders";
    else if (route.pageCache != Router::PageCache::PerRole)
        key += "user:" + QByteArray::number(user->id);
    else
        key += "role:" + toWire(user->role()).toUtf8();
    return key;
}

namespace {
// Answers a repeat gets again. Refusals that depend on the moment (auth,
// permissions, a stale If-Match, throttling, a busy database) are not kept:
// a retry with the same key runs again.
bool keepAnswer(int status)
{
    return status < 500 && status != 401 && status != 403 && status != 408 && status != 409 && status != 412
        && status != 429;
}

QByteArray encodedQuery(const Request &request)
{
    QByteArray out;
    for (const auto &item : request.query)
        out += item.first.toUtf8() + '=' + item.second.toUtf8() + '&';
    return out;
}
} // namespace

Response Backend::idempotent(const Router::Handler &handler, RequestContext &context, const QByteArray &key)
{
    const Request &request = context.request();
    if (!IdempotencyStore::isValidKey(key)) {
        throw HttpError::detail(400, tr("The Idempotency-Key header must be 1 to %1 visible ASCII characters.")
                                         .arg(IdempotencyStore::kMaxKeyLength));
    }
    const qint64 userId = context.user()->id;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray fingerprint
        = IdempotencyStore::fingerprint(request.methodName, request.path, encodedQuery(request), request.body);
    auto replay = [&](const IdempotencyStore::Stored &stored) {
        if (stored.fingerprint != fingerprint)
            throw HttpError::detail(422, tr("This Idempotency-Key was already used for a different request."));
        Response r = stored.response;
        r.setHeader("Idempotent-Replayed", "true");
        return r;
    };
    std::optional<Response> refusal;
    {
        // The write lock from here to the commit: the lookup, the write and
        // the stored answer are one transaction.
        Database::Transaction tx(m_db);
        if (const auto stored = m_idempotency.find(userId, key, now))
            return replay(*stored);
        Response response;
        try {
            response = handler(context);
        } catch (const HttpError &e) {
            if (!keepAnswer(e.status()))
                throw;
            refusal = e.toResponse();
        }
        if (!refusal) {
            if (keepAnswer(response.status)) {
                m_idempotency.store(userId, key, fingerprint, response, now);
                m_idempotency.prune(now);
            }
            tx.commit();
            return response;
        }
    }
    // Refused: whatever the handler wrote is rolled back; the refusal is kept
    // (unless another process answered this key meanwhile).
    Database::Transaction tx(m_db);
    if (const auto stored = m_idempotency.find(userId, key, now))
        return replay(*stored);
    m_idempotency.store(userId, key, fingerprint, *refusal, now);
    tx.commit();
    return *refusal;
}

Response Backend::enqueueWrite(const Request &request)
{
    auto write = std::make_shared<PendingWrite>();
    write->request = request;
    write->timer.start();
    write->promise = std::make_shared<QPromise<Response>>();
    write->promise->start();
    QFuture<Response> future = write->promise->future();
    m_queued.push_back(std::move(write));
    scheduleFlush();
    return Response::later(std::move(future));
}

void Backend::scheduleFlush()
{
    // After the event loop's turn: the writes whose requests arrived in it
    // (and those that came while the last batch was syncing) go together.
    if (m_flushScheduled || m_syncingSerial != 0 || m_db.committing())
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(&m_passwords, [this] { flushWrites(); }, Qt::QueuedConnection);
}

void Backend::flushWrites()
{
    m_flushScheduled = false;
    if (m_syncingSerial != 0 || m_db.committing() || m_queued.empty())
        return;
    std::vector<std::shared_ptr<PendingWrite>> queued;
    queued.swap(m_queued);
    // The writes of the open batch, answered once its commit is on disk.
    std::vector<std::shared_ptr<PendingWrite>> batch;
    bool open = false;
    for (const auto &write : queued) {
        if (!open) {
            try {
                m_db.beginBatch();
                open = true;
            } catch (const StorageError &e) {
                const StorageError error = e;
                deliver(*write, answer(write->request, [&]() -> Response { throw error; }));
                continue;
            }
        }
        Response response;
        response = answer(write->request, [&] {
            // A refusal (thrown) undoes this write's own statements only.
            Database::WriteRequest savepoint(m_db);
            Response r = dispatch(write->request);
            savepoint.commit();
            return r;
        });
        if (!m_db.batchAlive()) {
            // SQLite rolled the whole transaction back (a full disk, an I/O
            // error): the batch's earlier writes are gone with it.
            const Response lost = response.status >= 500 && !response.isPending()
                ? response
                : Response::detail(500, tr("A server error occurred."));
            for (const auto &earlier : batch)
                deliver(*earlier, lost);
            batch.clear();
            m_db.abandonBatch();
            open = false;
            deliver(*write, response);
            continue;
        }
        write->answer = std::move(response);
        batch.push_back(write);
    }
    if (!open)
        return;
    const qint64 serial = m_db.batchSerial();
    m_syncing = std::move(batch);
    m_syncingSerial = serial;
    m_syncDone = m_db.commitBatch();
    // Answered by whichever comes first: this continuation (a turn of the
    // event loop after the sync) or the next request's look (pollBatch()).
    m_syncDone.then(&m_passwords, [this, serial](QFuture<Database::CommitResult>) {
        if (m_syncingSerial == serial)
            completeBatch();
    });
}

void Backend::pollBatch()
{
    // A busy loop serves every ready connection before it runs posted
    // events: the batch's writers would wait that long for their answers,
    // and the next batch for its turn.
    if (m_syncingSerial != 0 && m_syncDone.isFinished())
        completeBatch();
}

void Backend::completeBatch()
{
    if (m_syncingSerial == 0)
        return;
    // The writer may have been taken back already (a write outside any
    // request waited for this commit and a new batch may have begun).
    if (m_db.committing() && m_db.batchSerial() == m_syncingSerial)
        m_db.endBatch();
    const Database::CommitResult result = m_syncDone.result();
    const std::vector<std::shared_ptr<PendingWrite>> batch = std::move(m_syncing);
    m_syncing.clear();
    m_syncingSerial = 0;
    ++m_batches;
    m_batchedWrites += qint64(batch.size());
    for (const auto &write : batch) {
        Response response = write->answer;
        if (!result.ok && !response.isPending() && response.status < 400) {
            const StorageError error(StorageError::kindOf(result.code), result.message);
            response = answer(write->request, [&]() -> Response { throw error; });
        }
        deliver(*write, std::move(response));
    }
    // The writes that came meanwhile go at the end of this turn of the loop,
    // with those still arriving in it: one sync for all of them.
    if (!m_queued.empty())
        scheduleFlush();
}

void Backend::deliver(PendingWrite &write, Response response)
{
    const std::shared_ptr<QPromise<Response>> promise = write.promise;
    if (response.isPending()) {
        // A password being checked or hashed: its own writes, if any, come
        // later, each committed (and synced) before its answer returns.
        Request head;
        head.method = write.request.method;
        head.methodName = write.request.methodName;
        head.path = write.request.path;
        const QElapsedTimer timer = write.timer;
        response.pending->then(&m_passwords, [this, promise, head, timer](QFuture<Response> f) {
            Response r = answer(head, [&] { return f.result(); });
            finish(head, r, timer.nsecsElapsed());
            promise->addResult(r);
            promise->finish();
        });
        return;
    }
    finish(write.request, response, write.timer.nsecsElapsed());
    promise->addResult(response);
    promise->finish();
}

} // namespace LittleLemon::Server
