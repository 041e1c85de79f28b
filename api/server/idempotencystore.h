#pragma once

#include "api/server/database.h"
#include "api/server/httpresponse.h"

#include <QByteArray>

#include <optional>

namespace LittleLemon::Server {

// The `idempotency` extension's memory: per user and Idempotency-Key, the
// request's fingerprint and the answer it got, kept for 24 hours. The
// Backend looks a key up and stores the answer inside the write's own
// transaction (BEGIN IMMEDIATE), so a repeat either finds the stored
// answer or waits for the lock and then finds it: two requests with one key
// never both run, even from two processes on one database.
class IdempotencyStore
{
public:
    static constexpr qint64 kLifetimeSeconds = 24 * 3600;
    static constexpr qsizetype kMaxKeyLength = 255;

    struct Stored
    {
        QByteArray fingerprint;
        Response response;
    };

    explicit IdempotencyStore(Database &db);

    // The key table (schema migration step).
    static void createSchema(Database &db);

    // A key is 1..255 visible ASCII characters.
    static bool isValidKey(const QByteArray &key);
    // What makes two requests "the same": method, path, query and body.
    static QByteArray fingerprint(const QByteArray &method, const QString &path, const QByteArray &query,
                                  const QByteArray &body);

    // The answer stored for (user, key) if it is younger than 24 hours.
    std::optional<Stored> find(qint64 userId, const QByteArray &key, qint64 nowSeconds);
    void store(qint64 userId, const QByteArray &key, const QByteArray &fingerprint, const Response &response,
               qint64 nowSeconds);
    // Forgets keys older than 24 hours; cheap to call often (runs at most once a minute).
    void prune(qint64 nowSeconds);

private:
    Database &m_db;
    qint64 m_lastPrune = 0;
};

} // namespace LittleLemon::Server
