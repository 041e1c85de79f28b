#include "models/menumodel.h"

namespace LittleLemon {

MenuModel::MenuModel(LocalStore *store, QObject *parent)
    : StoreRowsModel(store, ColumnCount, parent)
    , m_categories(Entity::Category, [](const LocalCache &cache) {
        QHash<qint64, QString> names;
        for (const auto &c : cache.categories())
            names.insert(c.record.id, c.record.title);
        return names;
    })
{
    connect(store->cache(), &LocalCache::changed, this, &MenuModel::onStoreChanged);
    m_categories.load(store);
    reload();
}

QList<Cached<MenuItem>> MenuModel::fetchAll() const
{
    return store()->cache()->menuItems();
}

QList<Cached<MenuItem>> MenuModel::fetch(const QList<qint64> &ids) const
{
    return store()->cache()->menuItems(ids);
}

void MenuModel::onStoreChanged(const StoreChange &change)
{
    if (change.entity == Entity::MenuItem) {
        applyChange(change.inserted, change.updated, change.removed, change.renamed);
    } else if (m_categories.reloadOn(change, store())) {
        // Items name their category by id: a renamed category or a temporary
        // id replaced changes only what the Category column shows.
        columnChanged(CategoryColumn);
    }
}

QVariant MenuModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cached<MenuItem> &row = rowAt(index.row());
    const MenuItem &m = row.record;
    if (const auto sync = syncData(row.sync, role, SyncStateRole, PendingRole))
        return *sync;
    switch (role) {
    case IdRole:
        return m.id;
    case TitleRole:
        return m.title;
    case CategoryIdRole:
        return m.category;
    case CategoryTitleRole:
        return m_categories.value(m.category);
    case PriceCentsRole:
        return m.price.cents();
    case FeaturedRole:
        return m.featured;
    case AvailableRole:
        return m.available;
    default:
        break;
    }
    switch (index.column()) {
    case TitleColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == SortKeyRole)
            return m.title;
        break;
    case CategoryColumn:
        if (role == Qt::DisplayRole || role == SortKeyRole)
            return m_categories.value(m.category);
        if (role == Qt::EditRole)
            return m.category;
        break;
    case PriceColumn:
        if (role == Qt::DisplayRole)
            return m.price.toDisplay(); // as every amount is shown: 12,50 in pt_BR
        if (role == Qt::EditRole)
            return m.price.toInput(QLocale()); // as the person would type it: 12,50 in pt_BR
        if (role == SortKeyRole)
            return m.price.cents();
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case FeaturedColumn:
        if (role == Qt::CheckStateRole)
            return m.featured ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::EditRole || role == SortKeyRole)
            return m.featured;
        break;
    case AvailableColumn:
        if (role == Qt::CheckStateRole)
            return m.available ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::EditRole || role == SortKeyRole)
            return m.available;
        break;
    case SyncColumn:
        return syncColumnData(row.sync, role, SortKeyRole);
    default:
        break;
    }
    return {};
}

QString MenuModel::columnTitle(int column) const
{
    switch (column) {
    case TitleColumn:
        return tr("Item");
    case CategoryColumn:
        return tr("Category");
    case PriceColumn:
        return tr("Price");
    case FeaturedColumn:
        return tr("Featured");
    case AvailableColumn:
        return tr("Available");
    case SyncColumn:
        return tr("Sync");
    default:
        return {};
    }
}

Qt::ItemFlags MenuModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid() || !isEditable())
        return f;
    switch (index.column()) {
    case TitleColumn:
    case CategoryColumn:
    case PriceColumn:
        return f | Qt::ItemIsEditable;
    case FeaturedColumn:
    case AvailableColumn:
        return f | Qt::ItemIsUserCheckable;
    default:
        return f;
    }
}

bool MenuModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isEditable() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const MenuItem &m = rowAt(index.row()).record;
    const qint64 id = m.id;
    LocalEdit edit;
    switch (index.column()) {
    case TitleColumn:
        if (role != Qt::EditRole)
            return false;
        if (value.toString().trimmed() == m.title)
            return true;
        edit = store()->outbox()->setMenuItemTitle(id, value.toString());
        break;
    case PriceColumn: {
        if (role != Qt::EditRole)
            return false;
        Money price;
        if (value.metaType() == QMetaType::fromType<Money>()) {
            price = value.value<Money>();
        } else {
            QString why;
            const auto parsed = Money::parseInput(value.toString(), QLocale(), Money::MenuPrice, &why);
            if (!parsed)
                return refuse(why);
            price = *parsed;
        }
        if (price == m.price)
            return true;
        edit = store()->outbox()->setMenuItemPrice(id, price);
        break;
    }
    case CategoryColumn: {
        if (role != Qt::EditRole)
            return false;
        bool ok = false;
        const qint64 category = value.toLongLong(&ok);
        if (!ok)
            return refuse(tr("Choose a category."));
        if (category == m.category)
            return true;
        edit = store()->outbox()->setMenuItemCategory(id, category);
        break;
    }
    case FeaturedColumn:
    case AvailableColumn: {
        bool on = false;
        if (role == Qt::CheckStateRole)
            on = value.toInt() == Qt::Checked;
        else if (role == Qt::EditRole)
            on = value.toBool();
        else
            return false;
        const bool featured = index.column() == FeaturedColumn;
        if (on == (featured ? m.featured : m.available))
            return true;
        edit = featured ? store()->outbox()->setMenuItemFeatured(id, on) : store()->outbox()->setMenuItemAvailable(id, on);
        break;
    }
    default:
        return false;
    }
    // The row itself updates through the store's change signal.
    return commit(edit);
}

QHash<int, QByteArray> MenuModel::roleNames() const
{
    return withRoleNames({
        { IdRole, "id" },
        { TitleRole, "title" },
        { CategoryIdRole, "categoryId" },
        { CategoryTitleRole, "categoryTitle" },
        { PriceCentsRole, "priceCents" },
        { FeaturedRole, "featured" },
        { AvailableRole, "available" },
        { SyncStateRole, "syncState" },
        { PendingRole, "pending" },
        { SortKeyRole, "sortKey" },
    });
}

} // namespace LittleLemon
