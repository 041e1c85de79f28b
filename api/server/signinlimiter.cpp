#include "api/server/signinlimiter.h"

#include <algorithm>

namespace LittleLemon::Server {

QString SignInLimiter::key(const QString &account)
{
    // The form a username is stored in (AuthController normalises with
    // NFKC), so fullwidth letters are the same account here too.
    return account.normalized(QString::NormalizationForm_KC);
}

qint64 SignInLimiter::backoffMs(int failures)
{
    if (failures < kFreeFailures)
        return 0;
    const int doublings = std::min(failures - kFreeFailures, 16);
    return std::min<qint64>(qint64(1000) << doublings, qint64(kMaxBackoffSeconds) * 1000);
}

int SignInLimiter::begin(const QString &account, qint64 nowMs)
{
    const QString k = key(account);
    auto it = m_accounts.find(k);
    if (it == m_accounts.end()) {
        if (m_accounts.size() >= kMaxAccounts)
            prune(nowMs);
        it = m_accounts.insert(k, Entry {});
    }
    Entry &e = *it;
    if (e.inFlight == 0 && e.failures > 0 && nowMs - e.lastFailureMs > qint64(kForgetAfterSeconds) * 1000)
        e.failures = 0;
    // A try on its way may still fail: it counts until it ends.
    const int counted = e.failures + e.inFlight;
    if (counted >= kFreeFailures) {
        const qint64 readyAt = e.lastFailureMs + backoffMs(counted);
        if (e.inFlight > 0 || nowMs < readyAt) {
            const qint64 waitMs = std::max<qint64>(readyAt - nowMs, 1000);
            return int((waitMs + 999) / 1000);
        }
    }
    ++e.inFlight;
    return 0;
}

void SignInLimiter::finish(const QString &account, bool success, qint64 nowMs)
{
    const auto it = m_accounts.find(key(account));
    if (it == m_accounts.end())
        return;
    it->inFlight = std::max(0, it->inFlight - 1);
    if (success) {
        if (it->inFlight == 0)
            m_accounts.erase(it);
        else
            it->failures = 0;
        return;
    }
    ++it->failures;
    it->lastFailureMs = nowMs;
}

void SignInLimiter::abandon(const QString &account)
{
    const auto it = m_accounts.find(key(account));
    if (it != m_accounts.end())
        it->inFlight = std::max(0, it->inFlight - 1);
}

void SignInLimiter::prune(qint64 nowMs)
{
    for (auto it = m_accounts.begin(); it != m_accounts.end();) {
        if (it->inFlight == 0 && nowMs - it->lastFailureMs > qint64(kForgetAfterSeconds) * 1000)
            it = m_accounts.erase(it);
        else
            ++it;
    }
    // Still full (a flood of made-up names): start over rather than grow.
    if (m_accounts.size() >= kMaxAccounts)
        m_accounts.clear();
}

} // namespace LittleLemon::Server
