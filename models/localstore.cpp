#include "models/localstore.h"

#include "models/store_p.h"
#include "models/storedatabase.h"

namespace LittleLemon {

LocalStore::LocalStore(QObject *parent)
    : QObject(parent)
    , m_db(std::make_unique<StoreDatabase>())
    , m_cache(new LocalCache(m_db.get(), this))
    , m_outbox(new Outbox(m_db.get(), m_cache, this))
    , m_files(std::make_unique<StoreFiles>(m_db.get(), m_cache))
{ }

LocalStore::~LocalStore()
{
    close();
    // The parts listen to the database: they go first.
    delete m_outbox;
    delete m_cache;
}

bool LocalStore::open(const Paths &paths)
{
    close();
    if (!m_files->open(paths)) {
        const QString why = m_db->error();
        close();
        m_db->setError(why);
        return false;
    }
    qCInfo(lcStore) << "opened" << paths.cache << "with" << m_outbox->count() << "outbox entries";
    return true;
}

void LocalStore::close()
{
    m_files->close();
}

bool LocalStore::isOpen() const
{
    return m_db->isReady();
}

QString LocalStore::errorString() const
{
    return m_db->error();
}

const LocalStore::OpenReport &LocalStore::openReport() const
{
    return m_files->report();
}

LocalStore::Paths LocalStore::paths() const
{
    return m_files->paths();
}

QString LocalStore::connectionName() const
{
    return m_db->connectionName();
}

} // namespace LittleLemon
