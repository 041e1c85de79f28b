#include "api/server/eventhub.h"

#include "api/server/backend.h"
#include "api/server/changelog.h"
#include "api/server/jsonwriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QWebSocket>

#include <algorithm>

namespace LittleLemon::Server {

Q_LOGGING_CATEGORY(lcEvents, "littlelemon.server.events", QtInfoMsg)

namespace {
// How much of a socket's backlog the kernel may hold for it: small, so the
// bound on what waits in our own buffer means something.
int kernelBuffer(qint64 backlog)
{
    return int(std::clamp<qint64>(backlog / 4, 4096, 64 * 1024));
}

constexpr int kBatch = 500;
} // namespace

EventHub::EventHub(Backend &backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &EventHub::poll);
    m_backend.setEventsServed(true);
    m_backend.setAfterWrite([this] { schedulePoll(); });
}

EventHub::~EventHub()
{
    m_backend.setAfterWrite(nullptr);
    m_backend.setEventsServed(false);
    for (const auto &c : m_clients) {
        if (c->socket && !c->dead) {
            c->socket->disconnect(this);
            c->socket->close(QWebSocketProtocol::CloseCodeGoingAway, tr("The server is shutting down."));
        }
    }
}

EventHub::Client *EventHub::find(QWebSocket *socket)
{
    for (const auto &c : m_clients) {
        if (c->socket == socket)
            return c.get();
    }
    return nullptr;
}

void EventHub::adopt(std::unique_ptr<QWebSocket> owned, QTcpSocket *tcp)
{
    QWebSocket *socket = owned.release();
    socket->setParent(this);
    const QByteArray authorization = socket->request().rawHeader("Authorization");
    qint64 expires = 0;
    QString why;
    std::optional<User> user;
    try {
        user = m_backend.verifyBearer(authorization, &expires, &why);
    } catch (const std::exception &e) {
        qCWarning(lcEvents) << "cannot check an event socket's token:" << e.what();
        why = tr("The server cannot check the token right now; try again.");
    }
    if (!user) {
        refuse(socket, why);
        return;
    }
    const qint64 left = expires * 1000 - QDateTime::currentMSecsSinceEpoch();
    if (left <= 0) {
        refuse(socket, tr("Token is invalid or expired"));
        return;
    }
    if (m_lastSeq < 0 || m_clients.empty()) {
        try {
            m_lastSeq = m_backend.storage().changes().latest();
        } catch (const std::exception &e) {
            qCWarning(lcEvents) << "cannot read the change log:" << e.what();
            refuse(socket, tr("The server cannot read its changes right now; try again."));
            return;
        }
    }

    auto client = std::make_unique<Client>();
    client->socket = socket;
    client->tcp = tcp;
    client->userId = user->id;
    if (const auto record = m_backend.userRecord(user->id))
        client->generation = record->tokenGeneration;
    if (tcp)
        tcp->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, kernelBuffer(m_backend.config().eventsBacklogBytes));
    client->expiry = new QTimer(socket);
    client->expiry->setSingleShot(true);
    client->expiry->start(int(qMin<qint64>(left, std::numeric_limits<int>::max())));
    connect(client->expiry, &QTimer::timeout, this, [this, socket] {
        refuse(socket, tr("The access token expired; connect again with a fresh one."));
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { drop(socket); });
    connect(socket, &QWebSocket::bytesWritten, this, [this, socket](qint64 bytes) {
        if (Client *c = find(socket))
            c->unsent = qMax<qint64>(0, c->unsent - bytes);
    });
    qCInfo(lcEvents) << "event socket opened for user" << user->id;
    m_clients.push_back(std::move(client));
    if (!m_timer.isActive())
        m_timer.start();
}

void EventHub::refuse(QWebSocket *socket, const QString &reason)
{
    qCInfo(lcEvents) << "event socket closed:" << reason;
    if (Client *c = find(socket))
        c->dead = true;
    socket->disconnect(this);
    // The close handshake ends in disconnected(); a peer that never answers
    // it is cut off after a while.
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, reason.left(120));
    scheduleReap();
}

void EventHub::drop(QWebSocket *socket)
{
    if (Client *c = find(socket)) {
        c->dead = true;
        socket->disconnect(this);
        socket->deleteLater();
    }
    scheduleReap();
}

void EventHub::scheduleReap()
{
    if (m_polling)
        return; // poll() reaps when it is done
    QTimer::singleShot(0, this, &EventHub::reap);
}

void EventHub::reap()
{
    if (m_polling)
        return;
    m_clients.erase(std::remove_if(m_clients.begin(), m_clients.end(), [](const auto &c) { return c->dead; }),
                    m_clients.end());
    if (m_clients.empty())
        m_timer.stop();
}

void EventHub::schedulePoll()
{
    if (m_pollScheduled || m_clients.empty())
        return;
    m_pollScheduled = true;
    QTimer::singleShot(0, this, &EventHub::poll);
}

bool EventHub::send(Client &client, const QByteArray &message)
{
    const qint64 backlog = client.tcp ? client.tcp->bytesToWrite() : client.unsent;
    const qint64 limit = m_backend.config().eventsBacklogBytes;
    if (backlog + message.size() > limit) {
        qCWarning(lcEvents) << "dropping an event socket of user" << client.userId << "that does not keep up:"
                            << backlog << "bytes unsent";
        client.dead = true;
        client.socket->disconnect(this);
        client.socket->abort();
        client.socket->deleteLater();
        return false;
    }
    client.socket->sendTextMessage(QString::fromUtf8(message));
    if (client.tcp)
        client.tcp->flush(); // what the kernel takes now is not backlog
    else
        client.unsent += message.size() + 4; // payload and frame header
    return true;
}

void EventHub::poll()
{
    m_pollScheduled = false;
    if (m_clients.empty())
        return;
    m_polling = true;
    try {
        // Signed out everywhere, deactivated or deleted since it connected:
        // its socket goes now, like its tokens (issue 20).
        for (const auto &c : m_clients) {
            if (c->dead)
                continue;
            const auto record = m_backend.userRecord(c->userId);
            if (!record || !record->active || record->tokenGeneration != c->generation)
                refuse(c->socket, tr("This sign-in was revoked; sign in again."));
        }
        ChangeLog &log = m_backend.storage().changes();
        for (;;) {
            const QList<ChangeLog::Entry> entries = log.readAll(m_lastSeq, kBatch);
            if (entries.isEmpty())
                break;
            // Each socket's user as they are now (a role change applies at once).
            std::vector<std::pair<Client *, ChangeViewer>> viewers;
            for (const auto &c : m_clients) {
                if (c->dead)
                    continue;
                const auto record = m_backend.userRecord(c->userId);
                if (!record || !record->active) {
                    refuse(c->socket, tr("This account is no longer active."));
                    continue;
                }
                const User &u = record->user;
                viewers.push_back({ c.get(), ChangeViewer::of(u) });
            }
            for (const ChangeLog::Entry &e : entries) {
                JsonWriter upsert;
                upsert.beginObject()
                    .key("seq").value(e.seq)
                    .key("entity").value(QString::fromLatin1(ChangeLog::wireName(e.kind)))
                    .key("id").value(e.rowId)
                    .key("op");
                JsonWriter remove = upsert;
                const QByteArray asUpsert = upsert.value(QStringLiteral("upsert")).endObject().take();
                const QByteArray asDelete = remove.value(QStringLiteral("delete")).endObject().take();
                for (auto &[client, viewer] : viewers) {
                    if (client->dead)
                        continue;
                    const auto deleted = ChangeLog::visibleAsDelete(viewer, e);
                    if (deleted)
                        send(*client, *deleted ? asDelete : asUpsert);
                }
            }
            m_lastSeq = entries.last().seq;
            if (entries.size() < kBatch)
                break;
        }
    } catch (const std::exception &e) {
        // Busy or failing: the next tick tries again from the same place.
        qCWarning(lcEvents) << "cannot read the change log:" << e.what();
    }
    m_polling = false;
    reap();
}

} // namespace LittleLemon::Server
