#pragma once

#include <QString>

namespace LittleLemon {

class LocalCache;
class StoreDatabase;

// Opening the local store's two files on one connection, and keeping them
// sound: the outbox file (the user's unsent work, which nothing else can
// rebuild) as the main database and the cache (a mirror the server can
// always rebuild) attached to it; WAL and synchronous settings; quick_check;
// a damaged file set aside (a cache is rebuilt, the outbox starts empty);
// the schema migrations; and, after a crash, the reconciliation of the two.
class StoreFiles
{
public:
    static constexpr int kCacheSchemaVersion = 2;
    static constexpr int kOutboxSchemaVersion = 2;

    struct Paths
    {
        QString cache;
        QString outbox;
    };

    // What open() found and repaired.
    struct OpenReport
    {
        bool cacheRebuilt = false;
        QString cacheSetAsidePath; // where the damaged cache went
        bool outboxRebuilt = false;
        QString outboxSetAsidePath;
        int requeued = 0; // entries found in "sending" and put back in the queue
    };

    // The files for a server ("http://host:8000") and a user, under
    // QStandardPaths::AppDataLocation.
    static Paths pathsFor(const QString &serverKey, const QString &username);
    // "HTTP://Host:8000/" → "http://host:8000"
    static QString normalizedServerKey(const QString &serverKey);

    // `cache` gets its rows rebuilt when the files disagree after a crash.
    StoreFiles(StoreDatabase *db, LocalCache *cache);

    // Opens, checks, repairs and migrates both files; the database is ready
    // when it returns true. On false the database's error says why.
    bool open(const Paths &paths);
    // Checkpoints the files (so a copy of them is complete) and disconnects.
    void close();
    const OpenReport &report() const { return m_report; }
    Paths paths() const { return m_paths; }

private:
    bool openOutbox();
    bool attachCache();
    bool setJournal(const QString &schema, const QString &synchronous);
    bool quickCheck(const QString &schema);
    bool migrate(const QString &schema, int target);
    QString setAside(const QString &path);
    bool reconcile();

    StoreDatabase *m_db;
    LocalCache *m_cache;
    Paths m_paths;
    OpenReport m_report;
};

} // namespace LittleLemon
