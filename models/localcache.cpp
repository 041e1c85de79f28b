// LocalCache: sync metadata, reads, and the pull's entry points
// (localcacheapply.cpp applies what they bring).

#include "models/localcache.h"

#include "models/localcache_p.h"
#include "models/recordjson.h"

namespace LittleLemon {

using StoreSql::text;

namespace {

const QString kMetaFeatures = QStringLiteral("server_features");
const QString kMetaChangeSeq = QStringLiteral("change_seq");
const QString kMetaLastSync = QStringLiteral("last_sync");
const QString kMetaUserId = QStringLiteral("current_user_id");
const QString kMetaUserName = QStringLiteral("current_user_name");
const QString kMetaUserGroups = QStringLiteral("current_user_groups");
const QString kMetaUserStaff = QStringLiteral("current_user_staff");

SyncState syncFrom(const QVariant &v)
{
    const int n = v.toInt();
    return n >= 0 && n <= 3 ? SyncState(n) : SyncState::Synced;
}

const QString kId = QStringLiteral("id");

} // namespace

LocalCache::LocalCache(StoreDatabase *db, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<LocalCachePrivate>(this, db))
{
    qRegisterMetaType<LittleLemon::StoreChange>();
}

LocalCache::~LocalCache() = default;

QString LocalCache::errorString() const
{
    return d->db->error();
}

// ---- metadata -----------------------------------------------------------------

QString LocalCachePrivate::meta(const QString &key) const
{
    QSqlQuery *query = db->prepared(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?"));
    if (!db->run(query, { key }))
        return QString();
    const QString value = query->next() ? query->value(0).toString() : QString();
    query->finish();
    return value;
}

bool LocalCachePrivate::setMeta(const QString &key, const QString &value)
{
    if (!db->runSql(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES (?, ?)"
                               " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
            { key, text(value) }))
        return false;
    metaTouched = true;
    return true;
}

QStringList LocalCache::serverFeatures() const
{
    if (!d->isOpen())
        return {};
    const QString value = d->meta(kMetaFeatures);
    return value.isEmpty() ? QStringList() : value.split(u' ', Qt::SkipEmptyParts);
}

bool LocalCache::hasFeature(const QString &feature) const
{
    return serverFeatures().contains(feature);
}

bool LocalCache::setServerFeatures(const QStringList &features)
{
    return setMetaValue(kMetaFeatures, features.join(u' '));
}

qint64 LocalCache::changeSeq() const
{
    return d->isOpen() ? d->meta(kMetaChangeSeq).toLongLong() : 0;
}

bool LocalCache::setChangeSeq(qint64 seq)
{
    return setMetaValue(kMetaChangeSeq, QString::number(seq));
}

QDateTime LocalCache::lastSyncTime() const
{
    if (!d->isOpen())
        return {};
    const QString value = d->meta(kMetaLastSync);
    return value.isEmpty() ? QDateTime() : QDateTime::fromString(value, Qt::ISODateWithMs).toUTC();
}

bool LocalCache::setLastSyncTime(const QDateTime &when)
{
    return setMetaValue(kMetaLastSync, when.toUTC().toString(Qt::ISODateWithMs));
}

qint64 LocalCache::currentUserId() const
{
    return d->isOpen() ? d->meta(kMetaUserId).toLongLong() : 0;
}

bool LocalCache::setCurrentUserId(qint64 id)
{
    return setMetaValue(kMetaUserId, QString::number(id));
}

User LocalCache::currentUser() const
{
    User user;
    if (!d->isOpen())
        return user;
    // A copy synced before the groups were kept knows only the id: unknown.
    user.username = d->meta(kMetaUserName);
    if (user.username.isEmpty())
        return user;
    user.id = d->meta(kMetaUserId).toLongLong();
    // Group names have no tab in them; Qt::SkipEmptyParts: no groups, none.
    user.groups = d->meta(kMetaUserGroups).split(u'\t', Qt::SkipEmptyParts);
    user.isStaff = d->meta(kMetaUserStaff) == u"1";
    return user;
}

bool LocalCache::setCurrentUser(const User &user)
{
    StoreDatabase::Transaction t(d->db);
    if (!t.ok() || !d->setMeta(kMetaUserId, QString::number(user.id)) || !d->setMeta(kMetaUserName, user.username)
        || !d->setMeta(kMetaUserGroups, user.groups.join(u'\t'))
        || !d->setMeta(kMetaUserStaff, user.isStaff ? QStringLiteral("1") : QStringLiteral("0")))
        return false;
    return t.commit();
}

QString LocalCache::metaValue(const QString &key) const
{
    return d->isOpen() ? d->meta(key) : QString();
}

bool LocalCache::setMetaValue(const QString &key, const QString &value)
{
    StoreDatabase::Transaction t(d->db);
    if (!t.ok() || !d->setMeta(key, value))
        return false;
    return t.commit();
}

// ---- reads --------------------------------------------------------------------

namespace {

Cached<Category> categoryRow(const QSqlQuery &q)
{
    Cached<Category> c;
    c.record.id = q.value(0).toLongLong();
    c.record.slug = q.value(1).toString();
    c.record.title = q.value(2).toString();
    c.sync = syncFrom(q.value(3));
    return c;
}

Cached<MenuItem> menuItemRow(const QSqlQuery &q)
{
    Cached<MenuItem> m;
    m.record.id = q.value(0).toLongLong();
    m.record.title = q.value(1).toString();
    m.record.price = Money(q.value(2).toLongLong());
    m.record.featured = q.value(3).toBool();
    m.record.category = q.value(4).toLongLong();
    m.record.available = q.value(5).toBool();
    m.sync = syncFrom(q.value(6));
    return m;
}

OrderSummary orderRow(const QSqlQuery &q)
{
    OrderSummary o;
    o.id = q.value(0).toLongLong();
    o.user = q.value(1).toLongLong();
    if (!q.value(2).isNull())
        o.deliveryCrew = q.value(2).toLongLong();
    o.status = q.value(3).toBool();
    o.total = Money(q.value(4).toLongLong());
    o.date = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    if (!q.value(6).isNull())
        o.stage = orderStageFromWire(q.value(6).toString());
    o.note = q.value(7).toString();
    if (!q.value(8).isNull())
        o.placedAt = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    o.itemsSummary = q.value(9).toString();
    o.itemCount = q.value(10).toInt();
    o.sync = syncFrom(q.value(11));
    return o;
}

Cached<Booking> bookingRow(const QSqlQuery &q)
{
    Cached<Booking> b;
    b.record.id = q.value(0).toLongLong();
    b.record.user = q.value(1).toLongLong();
    b.record.name = q.value(2).toString();
    b.record.phone = q.value(3).toString();
    b.record.date = QDate::fromString(q.value(4).toString(), Qt::ISODate);
    b.record.time = QTime::fromString(q.value(5).toString(), QStringLiteral("HH:mm"));
    b.record.guests = q.value(6).toInt();
    if (!q.value(7).isNull())
        b.record.table = q.value(7).toLongLong();
    b.record.notes = q.value(8).toString();
    b.record.status = bookingStatusFromWire(q.value(9).toString()).value_or(BookingStatus::Booked);
    b.sync = syncFrom(q.value(10));
    return b;
}

Cached<DiningTable> tableRow(const QSqlQuery &q)
{
    Cached<DiningTable> t;
    t.record.id = q.value(0).toLongLong();
    t.record.name = q.value(1).toString();
    t.record.seats = q.value(2).toInt();
    t.sync = syncFrom(q.value(3));
    return t;
}

Cached<GroupMember> memberRow(const QSqlQuery &q)
{
    Cached<GroupMember> m;
    m.record.group = q.value(0).toString();
    m.record.userId = q.value(1).toLongLong();
    m.record.username = q.value(2).toString();
    m.record.email = q.value(3).toString();
    m.sync = syncFrom(q.value(4));
    return m;
}

const QString kCategorySelect = QStringLiteral("SELECT id, slug, title, sync_state FROM categories");
const QString kMenuSelect = QStringLiteral(
    "SELECT id, title, price_cents, featured, category_id, available, sync_state FROM menu_items");
const QString kOrderSelect
    = QStringLiteral("SELECT id, user_id, delivery_crew, status, total_cents, date, stage, note, placed_at,"
                     " items_summary, item_count, sync_state FROM orders");
const QString kBookingSelect
    = QStringLiteral("SELECT id, user_id, name, phone, date, time, guests, table_id, notes,"
                     " status, sync_state FROM bookings");
const QString kTableSelect = QStringLiteral("SELECT id, name, seats, sync_state FROM dining_tables");
const QString kMemberSelect
    = QStringLiteral("SELECT group_name, user_id, username, email, sync_state FROM group_members");

// Reads rows with `select` + `tail`, converting each with `convert`.
template<typename T, typename Convert>
QList<T> readRows(LocalCachePrivate *d, const QString &sql, const QVariantList &values, Convert convert)
{
    QList<T> out;
    if (!d->isOpen())
        return out;
    QSqlQuery *query = d->db->prepared(sql);
    if (!d->db->run(query, values))
        return out;
    while (query->next())
        out.append(convert(*query));
    query->finish();
    return out;
}

template<typename T, typename Convert>
QList<T> readByIds(LocalCachePrivate *d, const QString &select, const QList<qint64> &ids, Convert convert)
{
    QList<T> out;
    StoreSql::forIdChunks(ids, [&](const QString &marks, const QVariantList &values) {
        out += readRows<T>(
            d, select + QStringLiteral(" WHERE id IN (%1) ORDER BY id").arg(marks), values, convert);
    });
    return out;
}

template<typename T> std::optional<T> first(const QList<T> &rows)
{
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

} // namespace

QList<Cached<Category>> LocalCache::categories() const
{
    return readRows<Cached<Category>>(
        d.get(), kCategorySelect + QStringLiteral(" ORDER BY title, id"), {}, categoryRow);
}

QList<Cached<Category>> LocalCache::categories(const QList<qint64> &ids) const
{
    return readByIds<Cached<Category>>(d.get(), kCategorySelect, ids, categoryRow);
}

std::optional<Cached<Category>> LocalCache::category(qint64 id) const
{
    return first(categories({ id }));
}

QList<Cached<MenuItem>> LocalCache::menuItems() const
{
    return readRows<Cached<MenuItem>>(d.get(), kMenuSelect + QStringLiteral(" ORDER BY id"), {}, menuItemRow);
}

QList<Cached<MenuItem>> LocalCache::menuItems(const QList<qint64> &ids) const
{
    return readByIds<Cached<MenuItem>>(d.get(), kMenuSelect, ids, menuItemRow);
}

std::optional<Cached<MenuItem>> LocalCache::menuItem(qint64 id) const
{
    return first(menuItems({ id }));
}

QList<OrderSummary> LocalCache::orderSummaries() const
{
    return readRows<OrderSummary>(d.get(), kOrderSelect + QStringLiteral(" ORDER BY id"), {}, orderRow);
}

QList<OrderSummary> LocalCache::orderSummaries(const QList<qint64> &ids) const
{
    return readByIds<OrderSummary>(d.get(), kOrderSelect, ids, orderRow);
}

std::optional<Cached<Order>> LocalCache::order(qint64 id) const
{
    const auto summary = first(orderSummaries({ id }));
    if (!summary)
        return std::nullopt;
    Cached<Order> out;
    Order &o = out.record;
    o.id = summary->id;
    o.user = summary->user;
    o.deliveryCrew = summary->deliveryCrew;
    o.status = summary->status;
    o.total = summary->total;
    o.date = summary->date;
    o.stage = summary->stage;
    o.note = summary->note;
    out.sync = summary->sync;
    o.items = readRows<OrderItem>(d.get(),
        QStringLiteral("SELECT menuitem, title, quantity, unit_price_cents, price_cents, note"
                       " FROM order_items WHERE order_id = ? ORDER BY position"),
        { id }, [](const QSqlQuery &q) {
            OrderItem i;
            i.menuitem = q.value(0).toLongLong();
            i.menuitemTitle = q.value(1).toString();
            i.quantity = q.value(2).toInt();
            i.unitPrice = Money(q.value(3).toLongLong());
            i.price = Money(q.value(4).toLongLong());
            i.note = q.value(5).toString();
            return i;
        });
    o.history = readRows<StageChange>(d.get(),
        QStringLiteral("SELECT stage, by_user, at FROM order_history"
                       " WHERE order_id = ? ORDER BY position"),
        { id }, [](const QSqlQuery &q) {
            StageChange s;
            s.stage = orderStageFromWire(q.value(0).toString()).value_or(OrderStage::Received);
            s.by = q.value(1).toLongLong();
            if (!q.value(2).isNull())
                s.at = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
            return s;
        });
    return out;
}

QList<Cached<Booking>> LocalCache::bookingsOn(const QDate &date) const
{
    return readRows<Cached<Booking>>(d.get(),
        kBookingSelect + QStringLiteral(" WHERE date = ? ORDER BY time, id"), { date.toString(Qt::ISODate) },
        bookingRow);
}

QList<Cached<Booking>> LocalCache::bookings(const QList<qint64> &ids) const
{
    return readByIds<Cached<Booking>>(d.get(), kBookingSelect, ids, bookingRow);
}

std::optional<Cached<Booking>> LocalCache::booking(qint64 id) const
{
    return first(bookings({ id }));
}

QList<Cached<DiningTable>> LocalCache::tables() const
{
    return readRows<Cached<DiningTable>>(
        d.get(), kTableSelect + QStringLiteral(" ORDER BY id"), {}, tableRow);
}

QList<Cached<DiningTable>> LocalCache::tables(const QList<qint64> &ids) const
{
    return readByIds<Cached<DiningTable>>(d.get(), kTableSelect, ids, tableRow);
}

std::optional<Cached<DiningTable>> LocalCache::table(qint64 id) const
{
    return first(tables({ id }));
}

QList<Cached<GroupMember>> LocalCache::groupMembers(const QString &group) const
{
    if (group.isEmpty())
        return readRows<Cached<GroupMember>>(
            d.get(), kMemberSelect + QStringLiteral(" ORDER BY group_name, username"), {}, memberRow);
    return readRows<Cached<GroupMember>>(d.get(),
        kMemberSelect + QStringLiteral(" WHERE group_name = ? ORDER BY username"), { group }, memberRow);
}

QList<Cached<GroupMember>> LocalCache::groupMembers(const QString &group, const QList<qint64> &userIds) const
{
    QList<Cached<GroupMember>> out;
    StoreSql::forIdChunks(userIds, [&](const QString &marks, const QVariantList &ids) {
        QVariantList values { group };
        values += ids;
        out += readRows<Cached<GroupMember>>(d.get(),
            kMemberSelect
                + QStringLiteral(" WHERE group_name = ? AND user_id IN (%1) ORDER BY username").arg(marks),
            values, memberRow);
    });
    return out;
}

QString LocalCache::userName(qint64 userId) const
{
    const auto names = readRows<QString>(d.get(),
        QStringLiteral("SELECT username FROM group_members WHERE user_id = ? LIMIT 1"), { userId },
        [](const QSqlQuery &q) { return q.value(0).toString(); });
    return names.isEmpty() ? QString() : names.first();
}

QHash<qint64, QString> LocalCache::userNames() const
{
    QHash<qint64, QString> out;
    const auto rows = readRows<std::pair<qint64, QString>>(d.get(),
        QStringLiteral("SELECT DISTINCT user_id, username FROM group_members"), {}, [](const QSqlQuery &q) {
            return std::pair<qint64, QString>(q.value(0).toLongLong(), q.value(1).toString());
        });
    for (const auto &row : rows)
        out.insert(row.first, row.second);
    return out;
}

int LocalCache::rowCount(Entity entity) const
{
    const auto counts = readRows<int>(d.get(),
        QStringLiteral("SELECT COUNT(*) FROM %1").arg(LocalCachePrivate::tableOf(entity)), {},
        [](const QSqlQuery &q) { return q.value(0).toInt(); });
    return counts.isEmpty() ? 0 : counts.first();
}

std::optional<QJsonObject> LocalCache::serverCopy(Entity entity, qint64 id, const QString &scope) const
{
    if (!d->isOpen())
        return std::nullopt;
    return d->serverCopy(entity, scope, id);
}

QByteArray LocalCache::etag(Entity entity, qint64 id, const QString &scope) const
{
    QByteArray tag;
    if (d->isOpen())
        d->serverCopy(entity, scope, id, &tag);
    return tag;
}

// ---- server data -----------------------------------------------------------------

bool LocalCache::replaceAll(Entity entity, const QList<QJsonObject> &records, const QString &scope)
{
    return replaceAll(QList<Snapshot> { Snapshot { entity, scope, records } });
}

bool LocalCache::replaceAll(const QList<Snapshot> &snapshots, std::optional<qint64> changeSeq)
{
    StoreDatabase::Transaction t(d->db);
    if (!t.ok())
        return false;
    for (const Snapshot &snapshot : snapshots) {
        if (!d->applySnapshot(snapshot))
            return false;
    }
    if (changeSeq && !d->setMeta(kMetaChangeSeq, QString::number(*changeSeq)))
        return false;
    return t.commit();
}

bool LocalCache::applyChanges(const ChangeFeed &feed)
{
    StoreDatabase::Transaction t(d->db);
    if (!t.ok())
        return false;
    for (const Change &change : feed.changes) {
        if (!d->applyChange(change))
            return false;
    }
    if (feed.next != changeSeq() && !d->setMeta(kMetaChangeSeq, QString::number(feed.next)))
        return false;
    return t.commit();
}

bool LocalCache::upsertFromServer(
    Entity entity, const QJsonObject &record, const QByteArray &etag, const QString &scope)
{
    QString why;
    const QString s = entity == Entity::GroupMember ? scope : QString();
    const auto decoded = RecordJson::serverRecord(entity, record, &why, s);
    if (!decoded) {
        d->db->setError(entityWireName(entity) + QStringLiteral(": ") + why);
        return false;
    }
    StoreDatabase::Transaction t(d->db);
    if (!t.ok())
        return false;
    if (entity == Entity::GroupMember && !d->adoptMemberIds(s, { record }))
        return false;
    const qint64 id = RecordJson::toId(record.value(kId));
    if (!d->applyServerRecord(entity, s, id, record, etag, d->targetsWithEntries(entity, s), std::nullopt, &*decoded))
        return false;
    return t.commit();
}

bool LocalCache::removeFromServer(Entity entity, qint64 id, const QString &scope)
{
    StoreDatabase::Transaction t(d->db);
    if (!t.ok())
        return false;
    const QString s = entity == Entity::GroupMember ? scope : QString();
    if (!d->applyServerDelete(entity, s, id, d->targetsWithEntries(entity, s)))
        return false;
    return t.commit();
}

} // namespace LittleLemon
