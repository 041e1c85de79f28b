#include "api/client/printhostapi.h"

#include <QUrlQuery>

namespace LittleLemon::Client {

namespace {

PrintHostLease leaseFrom(const QJsonObject &o)
{
    PrintHostLease l;
    l.held = o.value(QStringLiteral("held")).toBool();
    l.terminalId = o.value(QStringLiteral("terminal_id")).toString();
    l.terminalName = o.value(QStringLiteral("terminal_name")).toString();
    l.user = o.value(QStringLiteral("user")).toInteger();
    l.expiresAt = QDateTime::fromString(o.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs).toUTC();
    l.secondsLeft = o.value(QStringLiteral("seconds_left")).toInteger();
    return l;
}

std::optional<PrintHostLease> decodeLease(const RequestJob &reply, DecodeError *error)
{
    const QJsonValue json = reply.json();
    if (!json.isObject() || !json.toObject().value(QStringLiteral("held")).isBool()) {
        if (error)
            error->message = QStringLiteral("not a print host lease");
        return std::nullopt;
    }
    return leaseFrom(json.toObject());
}

} // namespace

namespace PrintHostApi {

CallJob<PrintHostLease> *current(ApiClient &client)
{
    return client.call<PrintHostLease>(Request::get(QStringLiteral("/api/print-host")), &decodeLease);
}

CallJob<PrintHostLease> *claim(ApiClient &client, const QString &terminalId, const QString &terminalName,
                               bool takeOver, int ttlSeconds)
{
    const QJsonObject body { { QStringLiteral("terminal_id"), terminalId },
                             { QStringLiteral("terminal_name"), terminalName },
                             { QStringLiteral("ttl_seconds"), ttlSeconds },
                             { QStringLiteral("take_over"), takeOver } };
    return client.call<PrintHostLease>(Request::write("PUT", QStringLiteral("/api/print-host"), body), &decodeLease);
}

CallJob<NoContent> *release(ApiClient &client, const QString &terminalId)
{
    Request r;
    r.method = QByteArrayLiteral("DELETE");
    r.path = QStringLiteral("/api/print-host");
    r.query.addQueryItem(QStringLiteral("terminal_id"), terminalId);
    return client.call<NoContent>(r, &ignoreBody);
}

std::optional<PrintHostLease> holderOf(const ApiError &error)
{
    if (error.httpStatus() != 409)
        return std::nullopt;
    const QJsonObject holder = error.body().toObject().value(QStringLiteral("holder")).toObject();
    if (!holder.value(QStringLiteral("held")).toBool())
        return std::nullopt;
    return leaseFrom(holder);
}

} // namespace PrintHostApi

PrintHostKeeper::PrintHostKeeper(ApiClient *client, QString terminalId, QString terminalName, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_terminalId(std::move(terminalId))
    , m_terminalName(std::move(terminalName))
{
    connect(&m_timer, &QTimer::timeout, this, &PrintHostKeeper::renew);
}

void PrintHostKeeper::keep()
{
    m_timer.start(std::max(1, m_ttl / 3) * 1000);
    renew();
}

void PrintHostKeeper::release()
{
    const bool was = m_timer.isActive();
    m_timer.stop();
    if (was && m_client)
        PrintHostApi::release(*m_client, m_terminalId);
}

void PrintHostKeeper::renew()
{
    if (!m_client)
        return;
    PrintHostApi::claim(*m_client, m_terminalId, m_terminalName, false, m_ttl)
        ->then(this, [this](const Result<PrintHostLease> &r) {
            if (r) {
                emit renewed(r.value());
                return;
            }
            if (const auto holder = PrintHostApi::holderOf(r.error())) {
                m_timer.stop();
                emit lost(holder->terminalName);
            }
        });
}

} // namespace LittleLemon::Client
