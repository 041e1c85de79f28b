// Outbox: the edits. Each checks its input, builds the typed command
// (models/outboxcommand.h) and what the cache shows meanwhile, and queues
// both in one transaction (outbox.cpp).

#include "models/fieldlimits.h"
#include "models/outbox.h"
#include "models/outbox_p.h"
#include "models/recordjson.h"

#include <QJsonArray>

namespace LittleLemon {

namespace {

QString slugFor(const QString &title)
{
    QString slug;
    for (const QChar c : title.trimmed().toLower()) {
        if (c.isLetterOrNumber())
            slug += c;
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug += u'-';
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug.left(50);
}

} // namespace

// ---- edits ---------------------------------------------------------------------------

namespace {
QString titleOr(const std::optional<Cached<MenuItem>> &item, qint64 id)
{
    return item ? item->record.title : QStringLiteral("#%1").arg(id);
}
} // namespace

LocalEdit Outbox::setMenuItemTitle(qint64 id, const QString &title)
{
    const QString trimmed = title.trimmed();
    if (trimmed.isEmpty())
        return d->refuse(tr("A menu item needs a title."));
    if (trimmed.size() > Limits::kTitle)
        return d->refuse(tr("A title may have at most %1 characters.").arg(Limits::kTitle));
    const auto item = d->cache->menuItem(id);
    const QJsonObject fields { { QStringLiteral("title"), trimmed } };
    return d->queueUpdate(Entity::MenuItem, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::SetMenuItemTitle, fields), fields,
        tr("Rename %1 to %2").arg(titleOr(item, id), trimmed));
}

LocalEdit Outbox::setMenuItemPrice(qint64 id, Money price)
{
    if (price.cents() < 0 || price.cents() > Limits::kPriceMaxCents)
        return d->refuse(tr("A price must be between %1 and %2.").arg(Money().toDisplay(), Money::maximum().toDisplay()));
    const auto item = d->cache->menuItem(id);
    return d->queueUpdate(Entity::MenuItem, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::SetMenuItemPrice, { { QStringLiteral("cents"), price.cents() } }),
        { { QStringLiteral("price"), price.toString() } },
        tr("Price of %1: %2").arg(titleOr(item, id), price.toDisplay()));
}

LocalEdit Outbox::setMenuItemFeatured(qint64 id, bool featured)
{
    const auto item = d->cache->menuItem(id);
    const QJsonObject fields { { QStringLiteral("featured"), featured } };
    return d->queueUpdate(Entity::MenuItem, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::SetMenuItemFeatured, fields), fields,
        featured ? tr("Feature %1").arg(titleOr(item, id)) : tr("Stop featuring %1").arg(titleOr(item, id)));
}

LocalEdit Outbox::setMenuItemAvailable(qint64 id, bool available)
{
    const auto item = d->cache->menuItem(id);
    const QJsonObject fields { { QStringLiteral("available"), available } };
    return d->queueUpdate(Entity::MenuItem, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::SetMenuItemAvailable, fields), fields,
        available ? tr("%1 is available again").arg(titleOr(item, id))
                  : tr("%1 has run out").arg(titleOr(item, id)));
}

LocalEdit Outbox::setMenuItemCategory(qint64 id, qint64 categoryId)
{
    const auto cat = d->cache->category(categoryId);
    if (!cat)
        return d->refuse(tr("That category is not known here."));
    const auto item = d->cache->menuItem(id);
    const QJsonObject fields { { QStringLiteral("category"), categoryId } };
    return d->queueUpdate(Entity::MenuItem, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::SetMenuItemCategory, fields), fields,
        tr("Move %1 to %2").arg(titleOr(item, id), cat->record.title));
}

LocalEdit Outbox::createMenuItem(const MenuItem &item)
{
    const QString title = item.title.trimmed();
    if (title.isEmpty())
        return d->refuse(tr("A menu item needs a title."));
    if (item.price.cents() < 0 || item.price.cents() > Limits::kPriceMaxCents)
        return d->refuse(tr("A price must be between %1 and %2.").arg(Money().toDisplay(), Money::maximum().toDisplay()));
    if (!d->cache->category(item.category))
        return d->refuse(tr("Choose a category for the new item."));
    const QJsonObject overlay { { QStringLiteral("title"), title }, { QStringLiteral("price"), item.price.toString() },
        { QStringLiteral("featured"), item.featured }, { QStringLiteral("category"), item.category },
        { QStringLiteral("available"), item.available } };
    const auto command = OutboxCommand::make(OutboxCommand::Kind::CreateMenuItem,
        { { QStringLiteral("title"), title }, { QStringLiteral("cents"), item.price.cents() },
            { QStringLiteral("featured"), item.featured }, { QStringLiteral("category"), item.category },
            { QStringLiteral("available"), item.available } });
    return d->queueCreate(Entity::MenuItem, QString(), command, overlay, tr("Add %1 to the menu").arg(title));
}

LocalEdit Outbox::deleteMenuItem(qint64 id)
{
    const auto item = d->cache->menuItem(id);
    return d->queueDelete(
        Entity::MenuItem, QString(), id, tr("Remove %1 from the menu").arg(titleOr(item, id)));
}

LocalEdit Outbox::createCategory(const QString &title, const QString &slug)
{
    const QString t = title.trimmed();
    const QString s = slug.trimmed().isEmpty() ? slugFor(t) : slug.trimmed();
    if (t.isEmpty() || s.isEmpty())
        return d->refuse(tr("A category needs a title."));
    const QJsonObject body { { QStringLiteral("slug"), s }, { QStringLiteral("title"), t } };
    return d->queueCreate(Entity::Category, QString(), OutboxCommand::make(OutboxCommand::Kind::CreateCategory, body),
        body, tr("Add the category %1").arg(t));
}

LocalEdit Outbox::renameCategory(qint64 id, const QString &title)
{
    const QString t = title.trimmed();
    if (t.isEmpty())
        return d->refuse(tr("A category needs a title."));
    const auto cat = d->cache->category(id);
    const QJsonObject fields { { QStringLiteral("title"), t } };
    return d->queueUpdate(Entity::Category, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::RenameCategory, fields), fields,
        tr("Rename the category %1 to %2").arg(cat ? cat->record.title : QString::number(id), t));
}

LocalEdit Outbox::setOrderStage(qint64 id, OrderStage stage)
{
    const auto command
        = OutboxCommand::make(OutboxCommand::Kind::MoveOrder, { { QStringLiteral("stage"), toWire(stage) } });
    // What the cache shows: a cloud-style order only knows delivered or not.
    const QJsonObject fields = d->cache->hasFeature(QStringLiteral("stages"))
        ? QJsonObject { { QStringLiteral("stage"), toWire(stage) } }
        : QJsonObject { { QStringLiteral("status"), stage == OrderStage::Delivered } };
    return d->queueUpdate(
        Entity::Order, QString(), id, command, fields, tr("Order %1: %2").arg(id).arg(displayName(stage)));
}

LocalEdit Outbox::setOrderStatus(qint64 id, bool delivered)
{
    return d->queueUpdate(Entity::Order, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::SetOrderDelivered, { { QStringLiteral("delivered"), delivered } }),
        { { QStringLiteral("status"), delivered } },
        delivered ? tr("Order %1 delivered").arg(id) : tr("Order %1 not delivered").arg(id));
}

LocalEdit Outbox::assignDeliveryCrew(qint64 id, std::optional<qint64> userId)
{
    const QString who = userId ? d->cache->userName(*userId) : QString();
    const QJsonValue crew = userId ? QJsonValue(*userId) : QJsonValue();
    return d->queueUpdate(Entity::Order, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::AssignCrew, { { QStringLiteral("crew"), crew } }),
        { { QStringLiteral("delivery_crew"), crew } },
        userId ? tr("Order %1: deliver with %2").arg(id).arg(who.isEmpty() ? QString::number(*userId) : who)
               : tr("Order %1: no delivery crew").arg(id));
}

LocalEdit Outbox::createCounterOrder(const QList<CounterOrderLine> &lines, const QString &note)
{
    if (lines.isEmpty())
        return d->refuse(tr("An order needs at least one item."));
    QJsonArray commandLines;
    QJsonArray localItems;
    Money total;
    int count = 0;
    for (const CounterOrderLine &line : lines) {
        if (line.quantity < 1)
            return d->refuse(tr("Each quantity must be at least 1."));
        const auto item = d->cache->menuItem(line.menuitem);
        if (!item)
            return d->refuse(tr("An item of this order is not on the menu any more."));
        const Money price = item->record.price * line.quantity;
        total += price;
        count += line.quantity;
        const QString lineNote = line.note.trimmed();
        if (lineNote.size() > Limits::kLineNote)
            return d->refuse(tr("A line's note may have at most %n character(s).", nullptr, Limits::kLineNote));
        commandLines.append(QJsonObject { { QStringLiteral("item"), line.menuitem },
            { QStringLiteral("quantity"), line.quantity }, { QStringLiteral("note"), lineNote } });
        QJsonObject localItem { { QStringLiteral("menuitem"), line.menuitem },
            { QStringLiteral("menuitem_title"), item->record.title },
            { QStringLiteral("quantity"), line.quantity },
            { QStringLiteral("unit_price"), item->record.price.toString() },
            { QStringLiteral("price"), price.toString() } };
        // Only a server with line_notes keeps one (api/client sends it there only).
        if (!lineNote.isEmpty() && d->cache->hasFeature(QStringLiteral("line_notes")))
            localItem.insert(QStringLiteral("note"), lineNote);
        localItems.append(localItem);
    }
    const auto command = OutboxCommand::make(OutboxCommand::Kind::CreateCounterOrder,
        { { QStringLiteral("lines"), commandLines }, { QStringLiteral("note"), note } });
    // What the board shows until the server's order arrives; the server sets
    // the real prices and total.
    QJsonObject overlay { { QStringLiteral("user"), d->cache->currentUserId() },
        { QStringLiteral("delivery_crew"), QJsonValue() }, { QStringLiteral("status"), false },
        { QStringLiteral("total"), total.toString() },
        { QStringLiteral("date"), QDate::currentDate().toString(Qt::ISODate) },
        { QStringLiteral("items"), localItems }, { QStringLiteral("note"), note },
        { RecordJson::kPlacedAtHint, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
    if (d->cache->hasFeature(QStringLiteral("stages")))
        overlay.insert(QStringLiteral("stage"), toWire(OrderStage::Received));
    return d->queueCreate(Entity::Order, QString(), command, overlay,
        tr("New counter order: %n item(s), %1", nullptr, count).arg(total.toString()));
}

namespace {
// Why a booking cannot be queued, in words; empty when it can (create and update alike).
QString bookingProblem(const Booking &booking)
{
    if (booking.name.trimmed().isEmpty())
        return Outbox::tr("A booking needs a name.");
    if (!booking.date.isValid() || !booking.time.isValid())
        return Outbox::tr("A booking needs a date and a time.");
    if (booking.guests < 1)
        return Outbox::tr("A booking is for at least one guest.");
    return {};
}

// Why a table cannot be queued, in words; empty when it can.
QString tableProblem(const DiningTable &table)
{
    if (table.name.trimmed().isEmpty())
        return Outbox::tr("A table needs a name.");
    if (table.seats < 1)
        return Outbox::tr("A table has at least one seat.");
    return {};
}
} // namespace

LocalEdit Outbox::createBooking(const Booking &booking)
{
    if (const QString problem = bookingProblem(booking); !problem.isEmpty())
        return d->refuse(problem);
    const QJsonObject body = OutboxCommand::bookingFields(booking);
    QJsonObject overlay = body;
    overlay.insert(QStringLiteral("user"), d->cache->currentUserId());
    overlay.insert(QStringLiteral("status"), toWire(booking.status));
    return d->queueCreate(Entity::Booking, QString(), OutboxCommand::make(OutboxCommand::Kind::CreateBooking, body), overlay,
        tr("Book %1 for %n guest(s) on %2 at %3", nullptr, booking.guests)
            .arg(booking.name.trimmed(), booking.date.toString(Qt::ISODate),
                booking.time.toString(QStringLiteral("HH:mm"))));
}

LocalEdit Outbox::updateBooking(const Booking &booking)
{
    const auto current = d->cache->booking(booking.id);
    if (!current)
        return d->refuse(tr("This record is not in the local copy any more."));
    if (const QString problem = bookingProblem(booking); !problem.isEmpty())
        return d->refuse(problem);
    const QJsonObject now = OutboxCommand::bookingFields(current->record);
    QJsonObject fields = OutboxCommand::bookingFields(booking);
    for (auto it = now.constBegin(); it != now.constEnd(); ++it) {
        if (fields.value(it.key()) == it.value())
            fields.remove(it.key());
    }
    if (booking.status != current->record.status)
        fields.insert(QStringLiteral("status"), toWire(booking.status));
    if (fields.isEmpty())
        return LocalEdit { true, booking.id, 0, QString(), QString() };
    return d->queueUpdate(Entity::Booking, QString(), booking.id,
        OutboxCommand::make(OutboxCommand::Kind::UpdateBooking, fields), fields,
        tr("Change the booking of %1").arg(booking.name.trimmed()));
}

LocalEdit Outbox::setBookingStatus(qint64 id, BookingStatus status)
{
    const auto current = d->cache->booking(id);
    if (!current)
        return d->refuse(tr("This record is not in the local copy any more."));
    if (!isAllowedMove(current->record.status, status))
        return d->refuse(
            tr("A booking that is %1 cannot become %2.")
                .arg(displayName(current->record.status).toLower(), displayName(status).toLower()));
    const QJsonObject fields { { QStringLiteral("status"), toWire(status) } };
    return d->queueUpdate(Entity::Booking, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::SetBookingStatus, fields), fields,
        tr("Booking of %1: %2").arg(current->record.name, displayName(status)));
}

LocalEdit Outbox::cancelBooking(qint64 id)
{
    return setBookingStatus(id, BookingStatus::Cancelled);
}

LocalEdit Outbox::deleteBooking(qint64 id)
{
    const auto current = d->cache->booking(id);
    return d->queueDelete(Entity::Booking, QString(), id,
        tr("Delete the booking of %1").arg(current ? current->record.name : QString::number(id)));
}

LocalEdit Outbox::createTable(const DiningTable &table)
{
    if (const QString problem = tableProblem(table); !problem.isEmpty())
        return d->refuse(problem);
    const QJsonObject body { { QStringLiteral("name"), table.name.trimmed() },
        { QStringLiteral("seats"), table.seats } };
    return d->queueCreate(Entity::Table, QString(), OutboxCommand::make(OutboxCommand::Kind::CreateTable, body),
        body, tr("Add the table %1").arg(table.name.trimmed()));
}

LocalEdit Outbox::updateTable(const DiningTable &table)
{
    const auto current = d->cache->table(table.id);
    if (!current)
        return d->refuse(tr("This record is not in the local copy any more."));
    if (const QString problem = tableProblem(table); !problem.isEmpty())
        return d->refuse(problem);
    QJsonObject fields;
    if (table.name.trimmed() != current->record.name)
        fields.insert(QStringLiteral("name"), table.name.trimmed());
    if (table.seats != current->record.seats)
        fields.insert(QStringLiteral("seats"), table.seats);
    if (fields.isEmpty())
        return LocalEdit { true, table.id, 0, QString(), QString() };
    return d->queueUpdate(Entity::Table, QString(), table.id,
        OutboxCommand::make(OutboxCommand::Kind::UpdateTable, fields), fields,
        tr("Change the table %1").arg(table.name.trimmed()));
}

LocalEdit Outbox::deleteTable(qint64 id)
{
    const auto current = d->cache->table(id);
    return d->queueDelete(Entity::Table, QString(), id,
        tr("Remove the table %1").arg(current ? current->record.name : QString::number(id)));
}

LocalEdit Outbox::addGroupMember(
    const QString &group, const QString &username, qint64 knownUserId, const QString &email)
{
    const QString name = username.trimmed();
    if (group.isEmpty() || name.isEmpty())
        return d->refuse(tr("Type the user name of the person to add."));
    for (const auto &member : d->cache->groupMembers(group)) {
        if (member.record.username.compare(name, Qt::CaseInsensitive) == 0)
            return d->refuse(tr("%1 is already in %2.").arg(name, groupTitle(group)));
    }
    const QJsonObject body { { QStringLiteral("username"), name } };
    const QJsonObject overlay { { QStringLiteral("username"), name }, { QStringLiteral("email"), email } };
    return d->queueCreate(Entity::GroupMember, group, OutboxCommand::make(OutboxCommand::Kind::AddGroupMember, body), overlay, tr("Add %1 to %2").arg(name, groupTitle(group)),
        knownUserId > 0 ? knownUserId : 0);
}

LocalEdit Outbox::removeGroupMember(const QString &group, qint64 userId)
{
    const QString who = d->cache->userName(userId);
    return d->queueDelete(Entity::GroupMember, group, userId,
        tr("Remove %1 from %2").arg(who.isEmpty() ? QString::number(userId) : who, groupTitle(group)));
}

} // namespace LittleLemon
