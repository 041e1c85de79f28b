#pragma once

#include "api/client/apiclient.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace LittleLemon::Client {

// The restaurant's kitchen print host as littlelemon-server records it (the
// `print_host` extension, docs/API.md, issue 17).
struct PrintHostLease
{
    bool held = false; // false: no terminal holds a live lease
    QString terminalId;
    QString terminalName;
    qint64 user = 0;
    QDateTime expiresAt; // UTC
    qint64 secondsLeft = 0;
};

namespace PrintHostApi {
// GET /api/print-host.
CallJob<PrintHostLease> *current(ApiClient &client);
// PUT /api/print-host: takes or renews the lease for this terminal. 409
// (holderOf() names the other terminal) while another terminal's lease is
// live, unless `takeOver`.
CallJob<PrintHostLease> *claim(ApiClient &client, const QString &terminalId, const QString &terminalName,
                               bool takeOver, int ttlSeconds);
// DELETE /api/print-host?terminal_id=: lets it go.
CallJob<NoContent> *release(ApiClient &client, const QString &terminalId);
// The terminal holding the lease, from claim()'s 409 answer.
std::optional<PrintHostLease> holderOf(const ApiError &error);
} // namespace PrintHostApi

// Keeps this terminal's lease while it is the kitchen print host: renews it
// every third of its life; when another terminal took it over (or the
// renewal finds it held elsewhere) emits lost() with that terminal's name
// and stops. Being offline is not a loss: the lease simply runs out on the
// server, and the next renewal takes it again when nobody else did.
class PrintHostKeeper : public QObject
{
    Q_OBJECT
public:
    PrintHostKeeper(ApiClient *client, QString terminalId, QString terminalName, QObject *parent = nullptr);

    static constexpr int kTtlSeconds = 90;

    void setTtl(int seconds) { m_ttl = seconds; }
    int ttl() const { return m_ttl; }
    QString terminalId() const { return m_terminalId; }
    QString terminalName() const { return m_terminalName; }
    bool isKeeping() const { return m_timer.isActive(); }

    // Starts renewing (the first claim at once, not taking over).
    void keep();
    // Stops renewing and lets the lease go on the server.
    void release();

signals:
    void renewed(const LittleLemon::Client::PrintHostLease &lease);
    void lost(const QString &holderName);

private:
    void renew();

    QPointer<ApiClient> m_client;
    QString m_terminalId;
    QString m_terminalName;
    int m_ttl = kTtlSeconds;
    QTimer m_timer;
};

} // namespace LittleLemon::Client
