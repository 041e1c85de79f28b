#include "api/server/idempotencystore.h"

#include <QCryptographicHash>

namespace LittleLemon::Server {

namespace {
// Never a null QString: that would bind as SQL NULL in a NOT NULL column
// (a 204 has no content type, most answers no ETag).
QString text(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QStringLiteral("") : QString::fromLatin1(bytes);
}
} // namespace

IdempotencyStore::IdempotencyStore(Database &db)
    : m_db(db)
{
}

void IdempotencyStore::createSchema(Database &db)
{
    db.execute(QStringLiteral("CREATE TABLE idempotency_keys ("
                              " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                              " key TEXT NOT NULL,"
                              " fingerprint BLOB NOT NULL,"
                              " status INTEGER NOT NULL,"
                              " content_type TEXT NOT NULL,"
                              " etag TEXT NOT NULL,"
                              " body BLOB NOT NULL,"
                              " created_at INTEGER NOT NULL,"
                              " PRIMARY KEY (user_id, key))"));
    db.execute(QStringLiteral("CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at)"));
}

bool IdempotencyStore::isValidKey(const QByteArray &key)
{
    if (key.isEmpty() || key.size() > kMaxKeyLength)
        return false;
    for (char c : key) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}

QByteArray IdempotencyStore::fingerprint(const QByteArray &method, const QString &path, const QByteArray &query,
                                         const QByteArray &body)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(method);
    h.addData(QByteArrayView("\n", 1));
    h.addData(path.toUtf8());
    h.addData(QByteArrayView("?", 1));
    h.addData(query);
    h.addData(QByteArrayView("\n", 1));
    h.addData(body);
    return h.result();
}

std::optional<IdempotencyStore::Stored> IdempotencyStore::find(qint64 userId, const QByteArray &key, qint64 now)
{
    Statement s = m_db.statement(QStringLiteral("SELECT fingerprint, status, content_type, etag, body FROM idempotency_keys"
                                                " WHERE user_id = ? AND key = ? AND created_at > ?"));
    s.bind(0, userId).bind(1, QString::fromLatin1(key)).bind(2, now - kLifetimeSeconds).exec();
    if (!s.next())
        return std::nullopt;
    Stored out;
    out.fingerprint = s.value(0).toByteArray();
    out.response.status = int(s.integer(1));
    out.response.contentType = s.text(2).toLatin1();
    const QByteArray etag = s.text(3).toLatin1();
    if (!etag.isEmpty())
        out.response.setHeader("ETag", etag);
    out.response.body = s.value(4).toByteArray();
    return out;
}

void IdempotencyStore::store(qint64 userId, const QByteArray &key, const QByteArray &fingerprint,
                             const Response &response, qint64 now)
{
    // REPLACE: an expired key of the same name may still be on disk.
    m_db.statement(QStringLiteral("INSERT OR REPLACE INTO idempotency_keys (user_id, key, fingerprint, status,"
                                  " content_type, etag, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(0, userId)
        .bind(1, QString::fromLatin1(key))
        .bind(2, fingerprint)
        .bind(3, response.status)
        .bind(4, text(response.contentType))
        .bind(5, text(response.header("ETag")))
        .bind(6, response.body.isEmpty() ? QByteArray("", 0) : response.body)
        .bind(7, now)
        .exec();
}

void IdempotencyStore::prune(qint64 now)
{
    if (now - m_lastPrune < 60)
        return;
    m_lastPrune = now;
    m_db.statement(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at <= ?"))
        .bind(0, now - kLifetimeSeconds)
        .exec();
}

} // namespace LittleLemon::Server
