#include "models/outboxentry.h"

#include "models/recordjson.h"

#include <QCoreApplication>

namespace LittleLemon {

namespace {
struct StateName
{
    OutboxEntry::State state;
    const char *wire;
    const char *display;
};
constexpr StateName kStates[] = {
    { OutboxEntry::State::Pending, "pending",
        QT_TRANSLATE_NOOP("LittleLemon::OutboxEntry", "Waiting to be sent") },
    { OutboxEntry::State::Sending, "sending", QT_TRANSLATE_NOOP("LittleLemon::OutboxEntry", "Sending") },
    { OutboxEntry::State::Failed, "failed", QT_TRANSLATE_NOOP("LittleLemon::OutboxEntry", "Refused") },
    { OutboxEntry::State::Conflict, "conflict", QT_TRANSLATE_NOOP("LittleLemon::OutboxEntry", "Conflict") },
};
} // namespace

bool OutboxEntry::isBlocked() const
{
    if (targetId < 0 && operation != Operation::Create)
        return true;
    return !command.temporaryReferences(entity).isEmpty();
}

QString stateWireName(OutboxEntry::State state)
{
    for (const auto &s : kStates)
        if (s.state == state)
            return QString::fromLatin1(s.wire);
    Q_UNREACHABLE();
}

std::optional<OutboxEntry::State> outboxStateFromWire(QStringView text)
{
    for (const auto &s : kStates)
        if (text == QLatin1String(s.wire))
            return s.state;
    return std::nullopt;
}

QString displayName(OutboxEntry::State state)
{
    for (const auto &s : kStates)
        if (s.state == state)
            return QCoreApplication::translate("LittleLemon::OutboxEntry", s.display);
    Q_UNREACHABLE();
}

QString operationWireName(OutboxEntry::Operation op)
{
    switch (op) {
    case OutboxEntry::Operation::Create:
        return QStringLiteral("create");
    case OutboxEntry::Operation::Update:
        return QStringLiteral("update");
    case OutboxEntry::Operation::Delete:
        return QStringLiteral("delete");
    }
    Q_UNREACHABLE();
}

std::optional<OutboxEntry::Operation> outboxOperationFromWire(QStringView text)
{
    if (text == QLatin1String("create"))
        return OutboxEntry::Operation::Create;
    if (text == QLatin1String("update"))
        return OutboxEntry::Operation::Update;
    if (text == QLatin1String("delete"))
        return OutboxEntry::Operation::Delete;
    return std::nullopt;
}

} // namespace LittleLemon
