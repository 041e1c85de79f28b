#pragma once

#include "models/localcache.h"
#include "models/outbox.h"
#include "models/storefiles.h"

#include <memory>
#include <QObject>
#include <QString>

namespace LittleLemon {

class StoreDatabase;

// The local store of one server for one user: it opens the two SQLite files
// (StoreFiles: the cache, a mirror the server can always rebuild, and the
// outbox, the user's unsent work, which nothing else can rebuild) on one
// connection (StoreDatabase), so an edit and its outbox entry commit
// together, and hands out the two parts that use them: the cache()
// (LocalCache: reads, pulled data, change signals) and the outbox() (Outbox:
// the edits and their queue). Both live as long as the store; connections
// made to them survive close() and open().
class LocalStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int kCacheSchemaVersion = StoreFiles::kCacheSchemaVersion;
    static constexpr int kOutboxSchemaVersion = StoreFiles::kOutboxSchemaVersion;
    using Paths = StoreFiles::Paths;
    using OpenReport = StoreFiles::OpenReport;

    // The files for a server ("http://host:8000") and a user, under
    // QStandardPaths::AppDataLocation.
    static Paths pathsFor(const QString &serverKey, const QString &username)
    {
        return StoreFiles::pathsFor(serverKey, username);
    }
    // "HTTP://Host:8000/" → "http://host:8000"
    static QString normalizedServerKey(const QString &serverKey)
    {
        return StoreFiles::normalizedServerKey(serverKey);
    }

    explicit LocalStore(QObject *parent = nullptr);
    ~LocalStore() override;

    bool open(const Paths &paths);
    void close();
    bool isOpen() const;
    QString errorString() const;
    const OpenReport &openReport() const;
    Paths paths() const;
    // The QSqlDatabase connection name (read-only inspection in tests).
    QString connectionName() const;

    LocalCache *cache() const { return m_cache; }
    Outbox *outbox() const { return m_outbox; }

private:
    std::unique_ptr<StoreDatabase> m_db;
    LocalCache *m_cache;
    Outbox *m_outbox;
    std::unique_ptr<StoreFiles> m_files;
};

} // namespace LittleLemon
