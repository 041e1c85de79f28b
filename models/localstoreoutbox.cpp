// LocalStore: local edits and the outbox.

#include "models/localstore.h"
#include "models/fieldlimits.h"
#include "models/localstore_p.h"
#include "models/recordjson.h"

#include <QJsonArray>
#include <QUuid>

namespace LittleLemon {

namespace {

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QVariant blob(const QByteArray &b)
{
    return b.isNull() ? QVariant() : QVariant(b);
}

QVariant json(const QJsonObject &o, bool nullWhenEmpty = true)
{
    return o.isEmpty() && nullWhenEmpty ? QVariant() : QVariant(RecordJson::toBytes(o));
}

const QString kId = QStringLiteral("id");
const QString kEntryColumns = QStringLiteral(
    "seq, uuid, entity, scope, target_id, operation, method, path, body, overlay, base, etag, summary, state,"
    " attempts, last_error, server_value, created_at, updated_at, command, payload");

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

// ---- outbox rows ----------------------------------------------------------------

OutboxEntry LocalStorePrivate::entryFromQuery(const QSqlQuery &q)
{
    OutboxEntry e;
    e.seq = q.value(0).toLongLong();
    e.uuid = q.value(1).toString();
    e.entity = entityFromWireName(q.value(2).toString()).value_or(Entity::MenuItem);
    e.scope = q.value(3).toString();
    e.targetId = q.value(4).toLongLong();
    e.operation = outboxOperationFromWire(q.value(5).toString()).value_or(OutboxEntry::Operation::Update);
    // Columns 6-8 (method, path, body) hold an entry queued before commands.
    if (const auto kind = commandKindFromName(q.value(19).toString()))
        e.command = OutboxCommand::make(*kind, RecordJson::objectFromBytes(q.value(20).toByteArray()));
    else
        e.command = OutboxCommand::fromLegacy(
            e.entity, q.value(6).toString(), RecordJson::valueFromBytes(q.value(8).toByteArray()));
    e.overlay = RecordJson::objectFromBytes(q.value(9).toByteArray());
    e.base = RecordJson::objectFromBytes(q.value(10).toByteArray());
    e.etag = q.value(11).toByteArray();
    e.summary = q.value(12).toString();
    e.state = outboxStateFromWire(q.value(13).toString()).value_or(OutboxEntry::State::Pending);
    e.attempts = q.value(14).toInt();
    e.lastError = q.value(15).toString();
    e.serverValue = RecordJson::objectFromBytes(q.value(16).toByteArray());
    e.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(17).toLongLong(), Qt::UTC);
    e.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(18).toLongLong(), Qt::UTC);
    return e;
}

QList<OutboxEntry> LocalStorePrivate::loadEntries(const QString &where, const QVariantList &values)
{
    QList<OutboxEntry> out;
    QSqlQuery *query
        = prepared(QStringLiteral("SELECT %1 FROM outbox WHERE %2 ORDER BY seq").arg(kEntryColumns, where));
    if (!run(query, values))
        return out;
    while (query->next())
        out.append(entryFromQuery(*query));
    query->finish();
    return out;
}

std::optional<OutboxEntry> LocalStorePrivate::loadEntry(qint64 seq)
{
    const QList<OutboxEntry> found = loadEntries(QStringLiteral("seq = ?"), { seq });
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<OutboxEntry> LocalStorePrivate::entriesFor(Entity entity, const QString &scope, qint64 id)
{
    return loadEntries(QStringLiteral("entity = ? AND scope = IFNULL(?, '') AND target_id = ?"),
        { entityWireName(entity), scope, id });
}

bool LocalStorePrivate::insertEntry(OutboxEntry *e)
{
    e->uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e->state = OutboxEntry::State::Pending;
    e->attempts = 0;
    const qint64 now = nowMs();
    e->createdAt = e->updatedAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    QSqlQuery *insert = prepared(QStringLiteral(
        "INSERT INTO outbox (uuid, entity, scope, target_id, operation, method, path, body, command, payload,"
        " overlay, base, etag, summary, state, attempts, last_error, server_value, created_at, updated_at)"
        " VALUES (?, ?, IFNULL(?, ''), ?, ?, '', '', NULL, ?, ?, ?, ?, ?, ?, 'pending', 0, NULL, NULL, ?, ?)"));
    if (!run(insert,
            { e->uuid, entityWireName(e->entity), e->scope, e->targetId, operationWireName(e->operation),
                commandKindName(e->command.kind), json(e->command.payload, false), json(e->overlay),
                json(e->base, false), blob(e->etag), text(e->summary), now, now }))
        return false;
    e->seq = insert->lastInsertId().toLongLong();
    noteEntry(e->seq, false, true);
    qCDebug(lcOutbox) << "queued" << e->seq << commandKindName(e->command.kind) << e->targetId;
    return true;
}

bool LocalStorePrivate::saveEntry(const OutboxEntry &e)
{
    if (!runSql(QStringLiteral(
                    "UPDATE outbox SET target_id = ?, command = ?, payload = ?, overlay = ?, base = ?, etag = ?,"
                    " state = ?, attempts = ?, last_error = ?, server_value = ?, updated_at = ?"
                    " WHERE seq = ?"),
            { e.targetId, commandKindName(e.command.kind), json(e.command.payload, false), json(e.overlay),
                json(e.base, false), blob(e.etag), stateWireName(e.state), e.attempts,
                e.lastError.isEmpty() ? QVariant() : QVariant(e.lastError), json(e.serverValue), nowMs(),
                e.seq }))
        return false;
    noteEntry(e.seq, true, true);
    return true;
}

bool LocalStorePrivate::deleteEntry(qint64 seq)
{
    if (!runSql(QStringLiteral("DELETE FROM outbox WHERE seq = ?"), { seq }))
        return false;
    noteEntry(seq, true, false);
    return true;
}

bool LocalStorePrivate::dropWithDependents(const OutboxEntry &entry, QList<OutboxEntry> *dropped)
{
    for (const OutboxEntry &d : std::as_const(*dropped))
        if (d.seq == entry.seq)
            return true;
    if (!deleteEntry(entry.seq))
        return false;
    dropped->append(entry);
    if (entry.operation != OutboxEntry::Operation::Create || entry.targetId >= 0)
        return true;
    // Nothing can be sent about a record that will never exist on the server.
    for (const OutboxEntry &e : entriesFor(entry.entity, entry.scope, entry.targetId)) {
        if (!dropWithDependents(e, dropped))
            return false;
    }
    if (const auto owner = RecordJson::referencingEntity(entry.entity)) {
        for (const OutboxEntry &e : loadEntries(QStringLiteral("entity = ?"), { entityWireName(*owner) })) {
            const auto refs = e.command.temporaryReferences(*owner)
                + RecordJson::temporaryReferences(*owner, e.overlay);
            if (refs.contains({ entry.entity, entry.targetId }) && !dropWithDependents(e, dropped))
                return false;
        }
    }
    return !transactionFailed;
}

bool LocalStorePrivate::recomputeAll(const QList<OutboxEntry> &entries)
{
    for (const OutboxEntry &e : entries) {
        if (!recompute(e.entity, e.scope, e.targetId))
            return false;
    }
    // Records whose references pointed at a dropped temporary record keep
    // their rows; rows of dropped creates vanish through recompute().
    return true;
}

qint64 LocalStorePrivate::allocateTempId()
{
    QSqlQuery *read = prepared(QStringLiteral("SELECT value FROM outbox_meta WHERE key = 'next_temp_id'"));
    if (!run(read))
        return 0;
    qint64 next = read->next() ? read->value(0).toLongLong() : -1;
    read->finish();
    if (next >= 0)
        next = -1;
    if (!runSql(QStringLiteral("INSERT INTO outbox_meta (key, value) VALUES ('next_temp_id', ?)"
                               " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
            { QString::number(next - 1) }))
        return 0;
    return next;
}

int LocalStorePrivate::countState(const QString &states) const
{
    auto *self = const_cast<LocalStorePrivate *>(this);
    if (!isOpen)
        return 0;
    QSqlQuery *query
        = self->prepared(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state IN (%1)").arg(states));
    if (!self->run(query))
        return 0;
    const int n = query->next() ? query->value(0).toInt() : 0;
    query->finish();
    return n;
}

LocalEdit LocalStorePrivate::refuse(const QString &message)
{
    LocalEdit edit;
    edit.error = message;
    error = message;
    return edit;
}

// ---- queueing edits ---------------------------------------------------------------

LocalEdit LocalStorePrivate::queueUpdate(Entity entity, const QString &scope, qint64 id,
    const OutboxCommand &command, const QJsonObject &fields, const QString &summary)
{
    Transaction t(this);
    if (!t.ok())
        return refuse(error);
    if (!displayExists(entity, scope, id))
        return refuse(LocalStore::tr("This record is not in the local copy any more."));
    QByteArray etag;
    const auto server = serverCopy(entity, scope, id, &etag);
    OutboxEntry e;
    e.entity = entity;
    e.scope = scope;
    e.targetId = id;
    e.operation = OutboxEntry::Operation::Update;
    e.command = command;
    e.overlay = fields;
    if (server) {
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            e.base.insert(it.key(), server->value(it.key()));
        e.etag = etag;
    }
    e.summary = summary;
    if (!insertEntry(&e) || !recompute(entity, scope, id) || !t.commit())
        return refuse(error);
    return LocalEdit { true, id, e.seq, e.uuid, QString() };
}

LocalEdit LocalStorePrivate::queueCreate(Entity entity, const QString &scope, const OutboxCommand &command,
    QJsonObject overlay, const QString &summary, qint64 knownId)
{
    Transaction t(this);
    if (!t.ok())
        return refuse(error);
    const qint64 id = knownId != 0 ? knownId : allocateTempId();
    if (id == 0)
        return refuse(error);
    overlay.insert(kId, id);
    OutboxEntry e;
    e.entity = entity;
    e.scope = scope;
    e.targetId = id;
    e.operation = OutboxEntry::Operation::Create;
    e.command = command;
    e.overlay = overlay;
    e.summary = summary;
    if (!insertEntry(&e) || !recompute(entity, scope, id) || !t.commit())
        return refuse(error);
    return LocalEdit { true, id, e.seq, e.uuid, QString() };
}

LocalEdit LocalStorePrivate::queueDelete(
    Entity entity, const QString &scope, qint64 id, const QString &summary)
{
    Transaction t(this);
    if (!t.ok())
        return refuse(error);
    if (!displayExists(entity, scope, id))
        return refuse(LocalStore::tr("This record is not in the local copy any more."));
    if (id < 0) {
        // Made here and never sent: taking the create back is the whole delete.
        const QList<OutboxEntry> own = entriesFor(entity, scope, id);
        for (const OutboxEntry &e : own) {
            if (e.operation == OutboxEntry::Operation::Create && e.state != OutboxEntry::State::Sending) {
                QList<OutboxEntry> dropped;
                if (!dropWithDependents(e, &dropped) || !recomputeAll(dropped) || !t.commit())
                    return refuse(error);
                return LocalEdit { true, id, 0, QString(), QString() };
            }
        }
    }
    QByteArray etag;
    const auto server = serverCopy(entity, scope, id, &etag);
    OutboxEntry e;
    e.entity = entity;
    e.scope = scope;
    e.targetId = id;
    e.operation = OutboxEntry::Operation::Delete;
    e.command = OutboxCommand::make(OutboxCommand::Kind::Delete);
    if (server) {
        e.base = *server;
        e.etag = etag;
    }
    e.summary = summary;
    if (!insertEntry(&e) || !recompute(entity, scope, id) || !t.commit())
        return refuse(error);
    return LocalEdit { true, id, e.seq, e.uuid, QString() };
}

// ---- LocalStore: edits ----------------------------------------------------------------

namespace {
QString titleOr(const std::optional<Cached<MenuItem>> &item, qint64 id)
{
    return item ? item->record.title : QStringLiteral("#%1").arg(id);
}
} // namespace

LocalEdit LocalStore::setMenuItemTitle(qint64 id, const QString &title)
{
    const QString trimmed = title.trimmed();
    if (trimmed.isEmpty())
        return d->refuse(tr("A menu item needs a title."));
    if (trimmed.size() > Limits::kTitle)
        return d->refuse(tr("A title may have at most %1 characters.").arg(Limits::kTitle));
    const auto item = menuItem(id);
    const QJsonObject fields { { QStringLiteral("title"), trimmed } };
    return d->queueUpdate(Entity::MenuItem, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::SetMenuItemTitle, fields), fields,
        tr("Rename %1 to %2").arg(titleOr(item, id), trimmed));
}

LocalEdit LocalStore::setMenuItemPrice(qint64 id, Money price)
{
    if (price.cents() < 0 || price.cents() > Limits::kPriceMaxCents)
        return d->refuse(tr("A price must be between %1 and %2.").arg(Money().toDisplay(), Money::maximum().toDisplay()));
    const auto item = menuItem(id);
    return d->queueUpdate(Entity::MenuItem, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::SetMenuItemPrice, { { QStringLiteral("cents"), price.cents() } }),
        { { QStringLiteral("price"), price.toString() } },
        tr("Price of %1: %2").arg(titleOr(item, id), price.toDisplay()));
}

LocalEdit LocalStore::setMenuItemFeatured(qint64 id, bool featured)
{
    const auto item = menuItem(id);
    const QJsonObject fields { { QStringLiteral("featured"), featured } };
    return d->queueUpdate(Entity::MenuItem, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::SetMenuItemFeatured, fields), fields,
        featured ? tr("Feature %1").arg(titleOr(item, id)) : tr("Stop featuring %1").arg(titleOr(item, id)));
}

LocalEdit LocalStore::setMenuItemAvailable(qint64 id, bool available)
{
    const auto item = menuItem(id);
    const QJsonObject fields { { QStringLiteral("available"), available } };
    return d->queueUpdate(Entity::MenuItem, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::SetMenuItemAvailable, fields), fields,
        available ? tr("%1 is available again").arg(titleOr(item, id))
                  : tr("%1 has run out").arg(titleOr(item, id)));
}

LocalEdit LocalStore::setMenuItemCategory(qint64 id, qint64 categoryId)
{
    const auto cat = category(categoryId);
    if (!cat)
        return d->refuse(tr("That category is not known here."));
    const auto item = menuItem(id);
    const QJsonObject fields { { QStringLiteral("category"), categoryId } };
    return d->queueUpdate(Entity::MenuItem, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::SetMenuItemCategory, fields), fields,
        tr("Move %1 to %2").arg(titleOr(item, id), cat->record.title));
}

LocalEdit LocalStore::createMenuItem(const MenuItem &item)
{
    const QString title = item.title.trimmed();
    if (title.isEmpty())
        return d->refuse(tr("A menu item needs a title."));
    if (item.price.cents() < 0 || item.price.cents() > Limits::kPriceMaxCents)
        return d->refuse(tr("A price must be between %1 and %2.").arg(Money().toDisplay(), Money::maximum().toDisplay()));
    if (!category(item.category))
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

LocalEdit LocalStore::deleteMenuItem(qint64 id)
{
    const auto item = menuItem(id);
    return d->queueDelete(
        Entity::MenuItem, QString(), id, tr("Remove %1 from the menu").arg(titleOr(item, id)));
}

LocalEdit LocalStore::createCategory(const QString &title, const QString &slug)
{
    const QString t = title.trimmed();
    const QString s = slug.trimmed().isEmpty() ? slugFor(t) : slug.trimmed();
    if (t.isEmpty() || s.isEmpty())
        return d->refuse(tr("A category needs a title."));
    const QJsonObject body { { QStringLiteral("slug"), s }, { QStringLiteral("title"), t } };
    return d->queueCreate(Entity::Category, QString(), OutboxCommand::make(OutboxCommand::Kind::CreateCategory, body),
        body, tr("Add the category %1").arg(t));
}

LocalEdit LocalStore::renameCategory(qint64 id, const QString &title)
{
    const QString t = title.trimmed();
    if (t.isEmpty())
        return d->refuse(tr("A category needs a title."));
    const auto cat = category(id);
    const QJsonObject fields { { QStringLiteral("title"), t } };
    return d->queueUpdate(Entity::Category, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::RenameCategory, fields), fields,
        tr("Rename the category %1 to %2").arg(cat ? cat->record.title : QString::number(id), t));
}

LocalEdit LocalStore::setOrderStage(qint64 id, OrderStage stage)
{
    const auto command
        = OutboxCommand::make(OutboxCommand::Kind::MoveOrder, { { QStringLiteral("stage"), toWire(stage) } });
    // What the cache shows: a cloud-style order only knows delivered or not.
    const QJsonObject fields = hasFeature(QStringLiteral("stages"))
        ? QJsonObject { { QStringLiteral("stage"), toWire(stage) } }
        : QJsonObject { { QStringLiteral("status"), stage == OrderStage::Delivered } };
    return d->queueUpdate(
        Entity::Order, QString(), id, command, fields, tr("Order %1: %2").arg(id).arg(displayName(stage)));
}

LocalEdit LocalStore::setOrderStatus(qint64 id, bool delivered)
{
    return d->queueUpdate(Entity::Order, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::SetOrderDelivered, { { QStringLiteral("delivered"), delivered } }),
        { { QStringLiteral("status"), delivered } },
        delivered ? tr("Order %1 delivered").arg(id) : tr("Order %1 not delivered").arg(id));
}

LocalEdit LocalStore::assignDeliveryCrew(qint64 id, std::optional<qint64> userId)
{
    const QString who = userId ? userName(*userId) : QString();
    const QJsonValue crew = userId ? QJsonValue(*userId) : QJsonValue();
    return d->queueUpdate(Entity::Order, QString(), id,
        OutboxCommand::make(OutboxCommand::Kind::AssignCrew, { { QStringLiteral("crew"), crew } }),
        { { QStringLiteral("delivery_crew"), crew } },
        userId ? tr("Order %1: deliver with %2").arg(id).arg(who.isEmpty() ? QString::number(*userId) : who)
               : tr("Order %1: no delivery crew").arg(id));
}

LocalEdit LocalStore::createCounterOrder(const QList<CounterOrderLine> &lines, const QString &note)
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
        const auto item = menuItem(line.menuitem);
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
        if (!lineNote.isEmpty() && hasFeature(QStringLiteral("line_notes")))
            localItem.insert(QStringLiteral("note"), lineNote);
        localItems.append(localItem);
    }
    const auto command = OutboxCommand::make(OutboxCommand::Kind::CreateCounterOrder,
        { { QStringLiteral("lines"), commandLines }, { QStringLiteral("note"), note } });
    // What the board shows until the server's order arrives; the server sets
    // the real prices and total.
    QJsonObject overlay { { QStringLiteral("user"), currentUserId() },
        { QStringLiteral("delivery_crew"), QJsonValue() }, { QStringLiteral("status"), false },
        { QStringLiteral("total"), total.toString() },
        { QStringLiteral("date"), QDate::currentDate().toString(Qt::ISODate) },
        { QStringLiteral("items"), localItems }, { QStringLiteral("note"), note },
        { RecordJson::kPlacedAtHint, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
    if (hasFeature(QStringLiteral("stages")))
        overlay.insert(QStringLiteral("stage"), toWire(OrderStage::Received));
    return d->queueCreate(Entity::Order, QString(), command, overlay,
        tr("New counter order: %n item(s), %1", nullptr, count).arg(total.toString()));
}

namespace {
QJsonObject bookingFields(const Booking &b)
{
    return OutboxCommand::bookingFields(b);
}
} // namespace

LocalEdit LocalStore::createBooking(const Booking &booking)
{
    if (booking.name.trimmed().isEmpty())
        return d->refuse(tr("A booking needs a name."));
    if (!booking.date.isValid() || !booking.time.isValid())
        return d->refuse(tr("A booking needs a date and a time."));
    if (booking.guests < 1)
        return d->refuse(tr("A booking is for at least one guest."));
    const QJsonObject body = bookingFields(booking);
    QJsonObject overlay = body;
    overlay.insert(QStringLiteral("user"), currentUserId());
    overlay.insert(QStringLiteral("status"), toWire(booking.status));
    return d->queueCreate(Entity::Booking, QString(), OutboxCommand::make(OutboxCommand::Kind::CreateBooking, body), overlay,
        tr("Book %1 for %n guest(s) on %2 at %3", nullptr, booking.guests)
            .arg(booking.name.trimmed(), booking.date.toString(Qt::ISODate),
                booking.time.toString(QStringLiteral("HH:mm"))));
}

LocalEdit LocalStore::updateBooking(const Booking &booking)
{
    const auto current = this->booking(booking.id);
    if (!current)
        return d->refuse(tr("This record is not in the local copy any more."));
    if (booking.name.trimmed().isEmpty())
        return d->refuse(tr("A booking needs a name."));
    if (!booking.date.isValid() || !booking.time.isValid())
        return d->refuse(tr("A booking needs a date and a time."));
    if (booking.guests < 1)
        return d->refuse(tr("A booking is for at least one guest."));
    const QJsonObject now = bookingFields(current->record);
    QJsonObject fields = bookingFields(booking);
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

LocalEdit LocalStore::setBookingStatus(qint64 id, BookingStatus status)
{
    const auto current = booking(id);
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

LocalEdit LocalStore::cancelBooking(qint64 id)
{
    return setBookingStatus(id, BookingStatus::Cancelled);
}

LocalEdit LocalStore::deleteBooking(qint64 id)
{
    const auto current = booking(id);
    return d->queueDelete(Entity::Booking, QString(), id,
        tr("Delete the booking of %1").arg(current ? current->record.name : QString::number(id)));
}

LocalEdit LocalStore::createTable(const DiningTable &table)
{
    if (table.name.trimmed().isEmpty())
        return d->refuse(tr("A table needs a name."));
    if (table.seats < 1)
        return d->refuse(tr("A table has at least one seat."));
    const QJsonObject body { { QStringLiteral("name"), table.name.trimmed() },
        { QStringLiteral("seats"), table.seats } };
    return d->queueCreate(Entity::Table, QString(), OutboxCommand::make(OutboxCommand::Kind::CreateTable, body),
        body, tr("Add the table %1").arg(table.name.trimmed()));
}

LocalEdit LocalStore::updateTable(const DiningTable &table)
{
    const auto current = this->table(table.id);
    if (!current)
        return d->refuse(tr("This record is not in the local copy any more."));
    if (table.name.trimmed().isEmpty())
        return d->refuse(tr("A table needs a name."));
    if (table.seats < 1)
        return d->refuse(tr("A table has at least one seat."));
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

LocalEdit LocalStore::deleteTable(qint64 id)
{
    const auto current = table(id);
    return d->queueDelete(Entity::Table, QString(), id,
        tr("Remove the table %1").arg(current ? current->record.name : QString::number(id)));
}

LocalEdit LocalStore::addGroupMember(
    const QString &group, const QString &username, qint64 knownUserId, const QString &email)
{
    const QString name = username.trimmed();
    if (group.isEmpty() || name.isEmpty())
        return d->refuse(tr("Type the user name of the person to add."));
    for (const auto &member : groupMembers(group)) {
        if (member.record.username.compare(name, Qt::CaseInsensitive) == 0)
            return d->refuse(tr("%1 is already in %2.").arg(name, groupTitle(group)));
    }
    const QJsonObject body { { QStringLiteral("username"), name } };
    const QJsonObject overlay { { QStringLiteral("username"), name }, { QStringLiteral("email"), email } };
    return d->queueCreate(Entity::GroupMember, group, OutboxCommand::make(OutboxCommand::Kind::AddGroupMember, body), overlay, tr("Add %1 to %2").arg(name, groupTitle(group)),
        knownUserId > 0 ? knownUserId : 0);
}

LocalEdit LocalStore::removeGroupMember(const QString &group, qint64 userId)
{
    const QString who = userName(userId);
    return d->queueDelete(Entity::GroupMember, group, userId,
        tr("Remove %1 from %2").arg(who.isEmpty() ? QString::number(userId) : who, groupTitle(group)));
}

// ---- LocalStore: the outbox for the sync engine ------------------------------------------

QList<OutboxEntry> LocalStore::outboxEntries() const
{
    if (!d->isOpen)
        return {};
    return d->loadEntries(QStringLiteral("1"), {});
}

QList<OutboxEntry> LocalStore::outboxEntries(const QList<qint64> &seqs) const
{
    QList<OutboxEntry> out;
    if (!d->isOpen)
        return out;
    forIdChunks(seqs, [&](const QString &marks, const QVariantList &values) {
        out += d->loadEntries(QStringLiteral("seq IN (%1)").arg(marks), values);
    });
    return out;
}

std::optional<OutboxEntry> LocalStore::outboxEntry(qint64 seq) const
{
    if (!d->isOpen)
        return std::nullopt;
    return d->loadEntry(seq);
}

QList<OutboxEntry> LocalStore::nextToSend(int limit, const QList<Entity> &excluded) const
{
    QList<OutboxEntry> out;
    if (!d->isOpen || limit <= 0)
        return out;
    QSet<std::pair<QString, qint64>> busy;
    QSqlQuery *query
        = d->prepared(QStringLiteral("SELECT %1 FROM outbox WHERE state IN ('pending', 'sending')"
                                     " ORDER BY seq")
                          .arg(kEntryColumns));
    if (!d->run(query))
        return out;
    // Entries after one still being sent for the same record wait for it:
    // their base may be what that one makes.
    while (query->next() && out.size() < limit) {
        OutboxEntry e = LocalStorePrivate::entryFromQuery(*query);
        const std::pair<QString, qint64> target { entityWireName(e.entity) + u'/' + e.scope, e.targetId };
        if (e.state == OutboxEntry::State::Sending || busy.contains(target)) {
            busy.insert(target);
            continue;
        }
        if (e.isBlocked() || excluded.contains(e.entity))
            continue;
        out.append(std::move(e));
        busy.insert(target);
    }
    query->finish();
    return out;
}

bool LocalStore::markSending(qint64 seq)
{
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok())
        return false;
    auto e = d->loadEntry(seq);
    if (!e || e->state != OutboxEntry::State::Pending) {
        d->error = QStringLiteral("outbox entry %1 is not waiting to be sent").arg(seq);
        return false;
    }
    e->state = OutboxEntry::State::Sending;
    ++e->attempts;
    if (!d->saveEntry(*e))
        return false;
    return t.commit();
}

bool LocalStore::markPending(qint64 seq, const QString &note)
{
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok())
        return false;
    auto e = d->loadEntry(seq);
    if (!e || !e->isActive()) {
        d->error = QStringLiteral("outbox entry %1 is not queued").arg(seq);
        return false;
    }
    e->state = OutboxEntry::State::Pending;
    e->lastError = note;
    if (!d->saveEntry(*e))
        return false;
    return t.commit();
}

bool LocalStore::markDone(qint64 seq, const QJsonValue &answer, const QByteArray &etag)
{
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok())
        return false;
    auto found = d->loadEntry(seq);
    if (!found) {
        d->error = QStringLiteral("no outbox entry %1").arg(seq);
        return false;
    }
    OutboxEntry e = *found;
    const QJsonObject reply = answer.toObject();
    QByteArray oldEtag;
    const auto before = d->serverCopy(e.entity, e.scope, e.targetId, &oldEtag);

    qint64 target = e.targetId;
    if (e.operation == OutboxEntry::Operation::Create) {
        qint64 serverId = RecordJson::toId(reply.value(kId));
        if (serverId <= 0 && e.entity == Entity::Order)
            serverId = RecordJson::toId(reply.value(QStringLiteral("order_id")));
        if (serverId > 0 && serverId != target) {
            if (!d->renameTarget(e.entity, e.scope, target, serverId))
                return false;
            target = serverId;
        }
    }

    // The server's copy after this write.
    std::optional<QJsonObject> server;
    QString why;
    const bool fullRecord = answer.isObject() && RecordJson::isValidServerRecord(e.entity, reply, &why)
        && (e.entity != Entity::GroupMember || RecordJson::toId(reply.value(kId)) == target);
    if (e.operation == OutboxEntry::Operation::Delete) {
        server.reset();
    } else if (fullRecord) {
        server = reply;
    } else if (e.operation == OutboxEntry::Operation::Create) {
        // No record in the answer (a counter order's {"order_id","total"}, a
        // membership's {"message"}): what we sent is the best copy until the
        // next pull brings the server's.
        QJsonObject record = e.overlay;
        record.insert(kId, target);
        if (e.entity == Entity::Order && reply.value(QStringLiteral("total")).isString())
            record.insert(QStringLiteral("total"), reply.value(QStringLiteral("total")));
        server = record;
    } else if (before) {
        server = RecordJson::withUpdate(e.entity, *before, e.overlay);
    }
    if (server) {
        if (!d->setServerCopy(e.entity, e.scope, target, *server, etag))
            return false;
    } else if (!d->removeServerCopy(e.entity, e.scope, target)) {
        return false;
    }
    if (!d->deleteEntry(seq))
        return false;

    // Later edits of the same record were made on top of this one, not on a
    // rival's change: move their base and ETag along.
    for (OutboxEntry f : d->entriesFor(e.entity, e.scope, target)) {
        if (f.seq < seq)
            continue;
        bool changed = false;
        if (f.etag == e.etag && f.etag != etag) {
            f.etag = etag;
            changed = true;
        }
        if (server && e.operation == OutboxEntry::Operation::Create) {
            // Made on a record the server did not have yet: its base is the
            // record the server just made.
            const QJsonObject &fields = f.operation == OutboxEntry::Operation::Delete ? *server : f.overlay;
            for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
                f.base.insert(it.key(), server->value(it.key()));
            changed = true;
        } else if (server) {
            for (auto it = f.base.begin(); it != f.base.end(); ++it) {
                if (e.overlay.contains(it.key())) {
                    it.value() = server->value(it.key());
                    changed = true;
                }
            }
        }
        if (changed && !d->saveEntry(f))
            return false;
    }
    if (!d->recompute(e.entity, e.scope, target))
        return false;
    qCDebug(lcOutbox) << "done" << seq << commandKindName(e.command.kind) << e.targetId;
    return t.commit();
}

bool LocalStore::markFailed(qint64 seq, const QString &message)
{
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok())
        return false;
    auto e = d->loadEntry(seq);
    if (!e) {
        d->error = QStringLiteral("no outbox entry %1").arg(seq);
        return false;
    }
    e->state = OutboxEntry::State::Failed;
    e->lastError = message;
    // The row returns to the server's copy plus the other unsent edits.
    if (!d->saveEntry(*e) || !d->recompute(e->entity, e->scope, e->targetId))
        return false;
    qCInfo(lcOutbox) << "refused" << seq << commandKindName(e->command.kind) << e->targetId;
    return t.commit();
}

bool LocalStore::markConflict(
    qint64 seq, const QJsonObject &serverValue, const QByteArray &etag, const QString &message)
{
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok())
        return false;
    auto e = d->loadEntry(seq);
    if (!e) {
        d->error = QStringLiteral("no outbox entry %1").arg(seq);
        return false;
    }
    e->state = OutboxEntry::State::Conflict;
    e->serverValue = serverValue;
    e->lastError = message.isEmpty() ? tr("Someone else changed this on the server first.") : message;
    QString why;
    if (!serverValue.isEmpty() && RecordJson::isValidServerRecord(e->entity, serverValue, &why)) {
        if (!d->setServerCopy(e->entity, e->scope, e->targetId, serverValue, etag))
            return false;
    }
    if (!d->saveEntry(*e) || !d->recompute(e->entity, e->scope, e->targetId))
        return false;
    qCInfo(lcOutbox) << "conflict" << seq << commandKindName(e->command.kind) << e->targetId;
    return t.commit();
}

bool LocalStore::resolveKeepMine(qint64 seq)
{
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok())
        return false;
    auto e = d->loadEntry(seq);
    if (!e || e->state != OutboxEntry::State::Conflict) {
        d->error = QStringLiteral("outbox entry %1 is not in conflict").arg(seq);
        return false;
    }
    QByteArray etag;
    const auto server = d->serverCopy(e->entity, e->scope, e->targetId, &etag);
    if (server) {
        // The new base: the server's version the user has now seen and overruled.
        if (e->operation == OutboxEntry::Operation::Delete) {
            e->base = *server;
        } else {
            for (auto it = e->base.begin(); it != e->base.end(); ++it)
                it.value() = server->value(it.key());
        }
    }
    e->etag = etag;
    e->state = OutboxEntry::State::Pending;
    e->lastError.clear();
    e->serverValue = QJsonObject();
    if (!d->saveEntry(*e) || !d->recompute(e->entity, e->scope, e->targetId))
        return false;
    return t.commit();
}

bool LocalStore::resolveTakeTheirs(qint64 seq)
{
    auto e = outboxEntry(seq);
    if (!e || e->state != OutboxEntry::State::Conflict) {
        d->error = QStringLiteral("outbox entry %1 is not in conflict").arg(seq);
        return false;
    }
    return discard(seq);
}

bool LocalStore::retry(qint64 seq)
{
    auto found = outboxEntry(seq);
    if (!found) {
        d->error = QStringLiteral("no outbox entry %1").arg(seq);
        return false;
    }
    if (found->state == OutboxEntry::State::Conflict)
        return resolveKeepMine(seq);
    if (found->state != OutboxEntry::State::Failed)
        return true;
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok())
        return false;
    OutboxEntry e = *found;
    e.state = OutboxEntry::State::Pending;
    e.lastError.clear();
    if (!d->saveEntry(e) || !d->recompute(e.entity, e.scope, e.targetId))
        return false;
    return t.commit();
}

bool LocalStore::discard(qint64 seq)
{
    LocalStorePrivate::Transaction t(d.get());
    if (!t.ok())
        return false;
    auto e = d->loadEntry(seq);
    if (!e) {
        d->error = QStringLiteral("no outbox entry %1").arg(seq);
        return false;
    }
    if (e->state == OutboxEntry::State::Sending) {
        d->error = tr("This change is being sent right now.");
        return false;
    }
    QList<OutboxEntry> dropped;
    if (!d->dropWithDependents(*e, &dropped) || !d->recomputeAll(dropped))
        return false;
    return t.commit();
}

int LocalStore::pendingCount() const
{
    return d->countState(QStringLiteral("'pending', 'sending'"));
}

int LocalStore::failedCount() const
{
    return d->countState(QStringLiteral("'failed'"));
}

int LocalStore::conflictCount() const
{
    return d->countState(QStringLiteral("'conflict'"));
}

int LocalStore::outboxCount() const
{
    return d->countState(QStringLiteral("'pending', 'sending', 'failed', 'conflict'"));
}

} // namespace LittleLemon
