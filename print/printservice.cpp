#include "print/printservice.h"

#include "models/localstore.h"

#include <QSysInfo>
#include <QUuid>

#include <algorithm>

namespace LittleLemon::Print {

namespace {
const QString kHostSetting = QStringLiteral("kitchen_host");
const QString kTerminalIdSetting = QStringLiteral("terminal_id");
const QString kTerminalNameSetting = QStringLiteral("terminal_name");
}

PrintService::PrintService(LocalStore *store)
    : QObject(store)
    , m_store(store)
    , m_queue(std::make_unique<PrintQueue>())
{
    setObjectName(QStringLiteral("printService"));
}

PrintService::~PrintService() = default;

PrintService *PrintService::of(LocalStore *store)
{
    return store ? store->findChild<PrintService *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

bool PrintService::open(QString *error)
{
    if (!m_queue->open(m_store->paths().cache + QStringLiteral(".print"), error))
        return false;
    m_spooler = std::make_unique<PrintSpooler>(m_queue.get());
    m_spooler->setCurrencySymbol(m_queue->setting(QStringLiteral("currency")));
    LocalStore *store = m_store;
    m_host = std::make_unique<PrintHost>(m_queue.get(), [store](qint64 item) {
        const auto cached = store->cache()->menuItem(item);
        return cached ? cached->record.category : qint64(0);
    });
    m_spooler->start();
    connect(m_store->cache(), &LocalCache::changed, this, &PrintService::onStoreChanged);
    if (isKitchenHost())
        catchUp();
    return true;
}

QString PrintService::terminalId() const
{
    QString id = m_queue->setting(kTerminalIdSetting);
    if (id.isEmpty()) {
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_queue->setSetting(kTerminalIdSetting, id);
    }
    return id;
}

QString PrintService::terminalName() const
{
    const QString name = m_queue->setting(kTerminalNameSetting);
    if (!name.isEmpty())
        return name;
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? tr("this terminal") : host;
}

void PrintService::setTerminalName(const QString &name)
{
    m_queue->setSetting(kTerminalNameSetting, name.trimmed());
}

bool PrintService::isKitchenHost() const
{
    return m_queue->setting(kHostSetting) == u"1";
}

void PrintService::setKitchenHost(bool on)
{
    if (on == isKitchenHost())
        return;
    m_queue->setSetting(kHostSetting, on ? QStringLiteral("1") : QStringLiteral("0"));
    if (on)
        catchUp();
}

void PrintService::catchUp()
{
    // Only the orders past the highest printed are loaded (a restaurant's
    // history is thousands); on the very first start only the newest, which
    // becomes the starting point.
    const std::optional<qint64> highest = m_queue->highestOrderPrinted();
    QList<qint64> ids;
    for (const OrderSummary &s : m_store->cache()->orderSummaries())
        if (s.id > 0 && (!highest || s.id > *highest))
            ids.append(s.id);
    if (!highest && !ids.isEmpty())
        ids = { *std::max_element(ids.cbegin(), ids.cend()) };
    QList<Order> orders;
    for (const qint64 id : std::as_const(ids))
        if (const auto o = m_store->cache()->order(id))
            orders.append(o->record);
    m_host->catchUp(orders);
}

void PrintService::onStoreChanged(const StoreChange &change)
{
    // Only orders the server gave an id: one taken here offline prints when
    // it has its number (then it arrives as an insert under its new id).
    if (change.entity != Entity::Order || !isKitchenHost())
        return;
    // Orders printed here whose lines changed since: CHANGED tickets.
    QList<qint64> updated = change.updated;
    std::sort(updated.begin(), updated.end());
    for (const qint64 id : std::as_const(updated))
        if (id > 0)
            if (const auto o = m_store->cache()->order(id))
                m_host->printChanged(o->record);
    QList<qint64> ids = change.inserted;
    for (const auto &[from, to] : change.renamed)
        ids.append(to);
    std::sort(ids.begin(), ids.end());
    for (const qint64 id : ids)
        if (id > 0)
            if (const auto o = m_store->cache()->order(id))
                m_host->printNew(o->record);
}

} // namespace LittleLemon::Print
