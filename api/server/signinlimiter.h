#pragma once

#include <QHash>
#include <QString>

namespace LittleLemon::Server {

// Failed sign-ins per account, on top of the per-address throttle: many
// addresses (or one behind many) guessing one manager's password get
// kFreeFailures tries, then each further try waits twice as long as the
// last (1 s, 2 s, 4 s ... at most kMaxBackoffSeconds) after the latest
// failure. Tries on their way (hashing) count as failures until they end,
// so a burst cannot slip past the count. A success clears the account; an
// account with no failure for kForgetAfterSeconds is forgotten. Unknown
// names are counted like real ones, so the answers do not tell which exist.
// Kept in memory: a restart forgives everyone.
class SignInLimiter
{
public:
    static constexpr int kFreeFailures = 5;
    static constexpr int kMaxBackoffSeconds = 300;
    static constexpr int kForgetAfterSeconds = 15 * 60;
    static constexpr int kMaxAccounts = 100000;

    // 0 when `account` may try now (and the try is counted as on its way);
    // otherwise the seconds to wait, and nothing is counted.
    int begin(const QString &account, qint64 nowMs);
    // The end of a try that begin() let through.
    void finish(const QString &account, bool success, qint64 nowMs);
    // A try that ended without an answer on the password (a server error):
    // it no longer counts, as neither failure nor success.
    void abandon(const QString &account);

private:
    struct Entry
    {
        int failures = 0;
        int inFlight = 0;
        qint64 lastFailureMs = 0;
    };
    static QString key(const QString &account);
    static qint64 backoffMs(int failures);
    void prune(qint64 nowMs);

    QHash<QString, Entry> m_accounts;
};

} // namespace LittleLemon::Server
