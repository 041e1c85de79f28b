#include "ui/workspace.h"

#include "api/client/syncengine.h"
#include "models/categorymodel.h"
#include "models/localstore.h"
#include "models/menumodel.h"
#include "models/ordersmodel.h"
#include "models/outboxmodel.h"
#include "models/tablesmodel.h"

namespace LittleLemon::Ui {

Workspace::Workspace(LocalStore *store, const User &user, ServerKind kind, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_user(user)
    , m_kind(kind)
{
    readFeatures();
    connect(store->cache(), &LocalCache::syncMetaChanged, this, &Workspace::readFeatures);
}

Workspace::~Workspace() = default;

void Workspace::readFeatures()
{
    QStringList features = m_store->cache()->serverFeatures();
    features.sort();
    if (features == m_features)
        return;
    m_features = features;
    Q_EMIT featuresChanged();
}

bool Workspace::isOnline() const
{
    return m_sync && m_sync->isOnline();
}

MenuModel *Workspace::menuModel()
{
    if (!m_menu) {
        m_menu = new MenuModel(m_store, this);
        m_menu->setEditable(permissions().editMenu().allowed);
    }
    return m_menu;
}

CategoryModel *Workspace::categoryModel()
{
    if (!m_categories) {
        m_categories = new CategoryModel(m_store, this);
        m_categories->setEditable(permissions().manageCategories().allowed);
    }
    return m_categories;
}

OrdersModel *Workspace::ordersModel()
{
    if (!m_orders)
        m_orders = new OrdersModel(m_store, this);
    return m_orders;
}

TablesModel *Workspace::tablesModel()
{
    if (!m_tables) {
        m_tables = new TablesModel(m_store, this);
        m_tables->setEditable(permissions().manageBookings().allowed);
    }
    return m_tables;
}

OutboxModel *Workspace::outboxModel()
{
    if (!m_outbox)
        m_outbox = new OutboxModel(m_store, this);
    return m_outbox;
}

} // namespace LittleLemon::Ui
