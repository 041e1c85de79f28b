#include "api/server/passwordworker.h"

#include "api/server/passwordhasher.h"

#include <QPromise>
#include <QThread>

#include <algorithm>
#include <memory>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace LittleLemon::Server {

namespace {
// Hashing threads run at a lower priority than the event loop, so on a
// machine with as many hashes as cores the loop still gets the CPU the
// moment a request arrives. Linux sets a nice value per thread; QThread's
// priorities do nothing under the default scheduler.
void yieldToEventLoop()
{
#ifdef Q_OS_LINUX
    thread_local bool done = false;
    if (!done) {
        done = true;
        ::setpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)), 10);
    }
#endif
}
} // namespace

PasswordWorker::PasswordWorker(int threads, QObject *parent)
    : QObject(parent)
    , m_threads(std::max(0, threads))
{
    if (m_threads > 0)
        m_pool.setMaxThreadCount(m_threads);
}

PasswordWorker::~PasswordWorker()
{
    // Hashes already running finish; their continuations are dropped with us.
    m_pool.clear();
    m_pool.waitForDone();
}

int PasswordWorker::defaultThreads()
{
    return std::clamp(QThread::idealThreadCount(), 1, 4);
}

template<typename T, typename Work>
QFuture<T> PasswordWorker::submit(Work work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    if (m_threads == 0) {
        promise->addResult(work());
        promise->finish();
        return future;
    }
    m_waiting.ref();
    m_pool.start([this, promise, work = std::move(work)]() {
        m_waiting.deref();
        yieldToEventLoop();
        promise->addResult(work());
        promise->finish();
    });
    return future;
}

QFuture<bool> PasswordWorker::verify(const QString &password, const QString &encoded)
{
    return submit<bool>([password, encoded]() { return PasswordHasher::verify(password, encoded); });
}

QFuture<QString> PasswordWorker::hash(const QString &password, int iterations)
{
    return submit<QString>([password, iterations]() { return PasswordHasher::hash(password, iterations); });
}

QFuture<bool> PasswordWorker::burn(const QString &password, int iterations)
{
    return submit<bool>([password, iterations]() {
        PasswordHasher::hash(password, QStringLiteral("timingequalizer000000"), iterations);
        return false;
    });
}

bool PasswordWorker::busy() const
{
    return m_waiting.loadRelaxed() >= kMaxQueued;
}

} // namespace LittleLemon::Server
