#include "api/server/printhostcontroller.h"

#include "api/server/fieldreader.h"
#include "api/server/serverstorage.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace LittleLemon::Server {

namespace {

bool isLive(const std::optional<PrintHostLease> &lease, const QDateTime &now)
{
    return lease && lease->expiresAt > now;
}

QJsonObject toJson(const std::optional<PrintHostLease> &lease, const QDateTime &now)
{
    if (!isLive(lease, now))
        return { { QStringLiteral("held"), false } };
    return { { QStringLiteral("held"), true },
             { QStringLiteral("terminal_id"), lease->terminalId },
             { QStringLiteral("terminal_name"), lease->terminalName },
             { QStringLiteral("user"), lease->userId },
             { QStringLiteral("renewed_at"), lease->renewedAt.toString(Qt::ISODateWithMs) },
             { QStringLiteral("expires_at"), lease->expiresAt.toString(Qt::ISODateWithMs) },
             { QStringLiteral("seconds_left"), qMax<qint64>(0, now.secsTo(lease->expiresAt)) } };
}

HttpError heldElsewhere(const PrintHostLease &lease, const QDateTime &now)
{
    QJsonObject body {
        { QStringLiteral("detail"),
          QCoreApplication::translate("LittleLemon::Server",
                                      "The terminal \"%1\" prints the kitchen's tickets (its lease runs %2 more "
                                      "seconds). Take over explicitly to print them here instead.")
              .arg(lease.terminalName)
              .arg(qMax<qint64>(0, now.secsTo(lease.expiresAt))) },
        { QStringLiteral("holder"), toJson(lease, now) },
    };
    return HttpError::raw(409, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace

void PrintHostController::registerRoutes(Router &router)
{
    using M = Request::Method;
    const QString path = QStringLiteral("/api/print-host");
    router.add(path, Router::Access::Authenticated);
    router.on(path, M::Get, [this](RequestContext &c) { return get(c); });
    router.on(path, M::Put, [this](RequestContext &c) { return put(c); });
    router.on(path, M::Delete, [this](RequestContext &c) { return release(c); });
}

Response PrintHostController::get(RequestContext &context)
{
    require(context, &Permissions::hostKitchenPrinting);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return Response::json(200, toJson(m_storage.printHost(), now));
}

Response PrintHostController::put(RequestContext &context)
{
    const User &user = require(context, &Permissions::hostKitchenPrinting);
    const QJsonObject &object = context.object();
    FieldReader body(object, false);
    const auto terminalId = body.string(QStringLiteral("terminal_id"), kMaxTerminalIdLength);
    const auto terminalName = body.string(QStringLiteral("terminal_name"), kMaxTerminalNameLength);
    qint64 ttl = kDefaultTtlSeconds;
    if (object.contains(QStringLiteral("ttl_seconds")))
        if (const auto t = body.integer(QStringLiteral("ttl_seconds"), kMinTtlSeconds, kMaxTtlSeconds))
            ttl = *t;
    bool takeOver = false;
    if (object.contains(QStringLiteral("take_over")))
        takeOver = body.boolean(QStringLiteral("take_over")).value_or(false);
    body.throwIfErrors();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    Database::Transaction tx(m_storage.database());
    const auto current = m_storage.printHost();
    if (isLive(current, now) && current->terminalId != *terminalId && !takeOver)
        throw heldElsewhere(*current, now);
    PrintHostLease lease;
    lease.terminalId = *terminalId;
    lease.terminalName = terminalName->trimmed();
    lease.userId = user.id;
    lease.renewedAt = now;
    lease.expiresAt = now.addSecs(ttl);
    m_storage.setPrintHost(lease);
    tx.commit();
    return Response::json(200, toJson(lease, now));
}

Response PrintHostController::release(RequestContext &context)
{
    require(context, &Permissions::hostKitchenPrinting);
    const QString terminalId = context.request().queryValue(u"terminal_id");
    if (terminalId.isEmpty() || terminalId.size() > kMaxTerminalIdLength)
        throw HttpError::field(QStringLiteral("terminal_id"),
                               tr("Give the terminal's id as ?terminal_id= (1 to 64 characters)."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Database::Transaction tx(m_storage.database());
    const auto current = m_storage.printHost();
    if (isLive(current, now) && current->terminalId != terminalId)
        throw heldElsewhere(*current, now);
    m_storage.releasePrintHost(terminalId);
    tx.commit();
    return Response::noContent();
}

} // namespace LittleLemon::Server
