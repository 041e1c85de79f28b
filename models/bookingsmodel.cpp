#include "models/bookingsmodel.h"

#include <QLocale>

namespace LittleLemon {

BookingsModel::BookingsModel(LocalStore *store, const QDate &date, QObject *parent)
    : StoreRowsModel(store, ColumnCount, parent)
    , m_date(date)
    , m_tables(Entity::Table, [](const LocalCache &cache) {
        QHash<qint64, QString> names;
        for (const auto &t : cache.tables())
            names.insert(t.record.id, t.record.name);
        return names;
    })
{
    connect(store->cache(), &LocalCache::changed, this, &BookingsModel::onStoreChanged);
    m_tables.load(store);
    reload();
}

void BookingsModel::setDate(const QDate &date)
{
    if (date == m_date)
        return;
    m_date = date;
    reload();
    emit dateChanged(date);
}

void BookingsModel::onStoreChanged(const StoreChange &change)
{
    if (change.entity == Entity::Booking)
        applyChange(change.inserted, change.updated, change.removed, change.renamed);
    else if (m_tables.reloadOn(change, store()))
        columnChanged(TableColumn);
}

QVariant BookingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cached<Booking> &row = rowAt(index.row());
    const Booking &b = row.record;
    const QString tableName
        = b.table ? m_tables.value(*b.table, QStringLiteral("#%1").arg(*b.table)) : QString();
    if (const auto sync = syncData(row.sync, role, SyncStateRole, PendingRole))
        return *sync;
    switch (role) {
    case IdRole:
        return b.id;
    case DateRole:
        return b.date;
    case TimeRole:
        return b.time;
    case GuestsRole:
        return b.guests;
    case TableIdRole:
        return b.table.value_or(0);
    case TableNameRole:
        return tableName;
    case NameRole:
        return b.name;
    case PhoneRole:
        return b.phone;
    case NotesRole:
        return b.notes;
    case StatusRole:
        return int(b.status);
    default:
        break;
    }
    const bool display = role == Qt::DisplayRole;
    switch (index.column()) {
    case TimeColumn:
        if (display)
            return QLocale().toString(b.time, QLocale::ShortFormat);
        if (role == SortKeyRole)
            return b.time;
        break;
    case GuestsColumn:
        if (display || role == SortKeyRole)
            return b.guests;
        break;
    case TableColumn:
        if (display || role == SortKeyRole)
            return tableName;
        break;
    case NameColumn:
        if (display || role == SortKeyRole)
            return b.name;
        break;
    case PhoneColumn:
        if (display || role == SortKeyRole)
            return b.phone;
        break;
    case NotesColumn:
        if (display || role == SortKeyRole)
            return b.notes;
        break;
    case StatusColumn:
        if (display)
            return displayName(b.status);
        if (role == Qt::EditRole || role == SortKeyRole)
            return int(b.status);
        break;
    case SyncColumn:
        return syncColumnData(row.sync, role, SortKeyRole);
    default:
        break;
    }
    return {};
}

QString BookingsModel::columnTitle(int column) const
{
    switch (column) {
    case TimeColumn:
        return tr("Time");
    case GuestsColumn:
        return tr("Guests");
    case TableColumn:
        return tr("Table");
    case NameColumn:
        return tr("Name");
    case PhoneColumn:
        return tr("Phone");
    case NotesColumn:
        return tr("Notes");
    case StatusColumn:
        return tr("Status");
    case SyncColumn:
        return tr("Sync");
    default:
        return {};
    }
}

Qt::ItemFlags BookingsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && isEditable() && index.column() == StatusColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool BookingsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isEditable() || role != Qt::EditRole || index.column() != StatusColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    bool ok = false;
    const int status = value.toInt(&ok);
    if (!ok || status < int(BookingStatus::Booked) || status > int(BookingStatus::NoShow))
        return false;
    const Booking &b = rowAt(index.row()).record;
    if (BookingStatus(status) == b.status)
        return true;
    const LocalEdit edit = store()->outbox()->setBookingStatus(b.id, BookingStatus(status));
    return commit(edit);
}

QHash<int, QByteArray> BookingsModel::roleNames() const
{
    return withRoleNames({
        { IdRole, "id" },
        { DateRole, "date" },
        { TimeRole, "time" },
        { GuestsRole, "guests" },
        { TableIdRole, "tableId" },
        { TableNameRole, "tableName" },
        { NameRole, "name" },
        { PhoneRole, "phone" },
        { NotesRole, "notes" },
        { StatusRole, "status" },
        { SyncStateRole, "syncState" },
        { PendingRole, "pending" },
        { SortKeyRole, "sortKey" },
    });
}

} // namespace LittleLemon
