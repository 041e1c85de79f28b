#pragma once

#include "models/entity.h"
#include "models/outboxcommand.h"

#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QMetaType>
#include <QString>

namespace LittleLemon {

// One local edit waiting to reach the server: the command (what to do, as
// data; api/client/outboxrequest.* makes the REST call of it), the client-made
// key that makes a retry harmless (sent as Idempotency-Key), and what the edit
// was made on.
struct OutboxEntry
{
    enum class State { Pending, Sending, Failed, Conflict };
    enum class Operation { Create, Update, Delete };

    qint64 seq = 0; // push order; never reused
    QString uuid; // Idempotency-Key
    Entity entity = Entity::MenuItem;
    QString scope; // the group name for group members, empty otherwise
    qint64 targetId = 0; // negative: a record made offline that the server has not numbered yet
    Operation operation = Operation::Update;
    OutboxCommand command; // SetMenuItemPrice {cents: 1250} for "/api/menu-items/7"
    // What the cache shows while the edit is unsent: the fields a PATCH sets,
    // the whole record a create makes (with local-only hints such as
    // "menuitem_title" for a counter order's lines).
    QJsonObject overlay;
    // The server's copy of the edited fields when the edit was made ({} for a
    // create), and its ETag if one was known: the engine sends If-Match, or,
    // against a server without ETags, compares the server's current fields
    // with these to spot a conflict.
    QJsonObject base;
    QByteArray etag;
    QString summary; // "Price of Lasagna: 12.50", for people
    State state = State::Pending;
    int attempts = 0;
    QString lastError; // the server's own words
    QJsonObject serverValue; // the server's version when in conflict
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC

    // Waiting for an earlier create: the target or a reference in the command is
    // still a temporary id. Such an entry cannot be sent yet.
    bool isBlocked() const;
    bool isActive() const { return state == State::Pending || state == State::Sending; }
};

QString stateWireName(OutboxEntry::State state); // "pending"
std::optional<OutboxEntry::State> outboxStateFromWire(QStringView text);
QString displayName(OutboxEntry::State state); // translated
QString operationWireName(OutboxEntry::Operation op);
std::optional<OutboxEntry::Operation> outboxOperationFromWire(QStringView text);

} // namespace LittleLemon

Q_DECLARE_METATYPE(LittleLemon::OutboxEntry)
