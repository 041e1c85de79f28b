#pragma once

#include <QFuture>
#include <QObject>
#include <QString>
#include <QThreadPool>

namespace LittleLemon::Server {

// Checks and makes password hashes away from the thread that serves
// requests: a PBKDF2 hash takes a good fraction of a second, and on the
// server's one event-loop thread twenty wrong sign-ins would freeze every
// terminal for seconds. The work runs on a small pool (at most the core
// count) whose threads yield the CPU to the event loop; the futures'
// continuations run back on this object's thread.
//
// With zero threads everything runs at once on the caller's thread and the
// futures come back finished: what a fuzzer or a test that drives the
// Backend directly wants.
class PasswordWorker : public QObject
{
    Q_OBJECT

public:
    // Hashes that may wait for a thread before new ones are refused (busy()).
    static constexpr int kMaxQueued = 64;

    explicit PasswordWorker(int threads, QObject *parent = nullptr);
    ~PasswordWorker() override;

    // The core count, at most 4: what the server and the desk use.
    static int defaultThreads();
    int threads() const { return m_threads; }

    // PasswordHasher::verify and ::hash, on the pool.
    QFuture<bool> verify(const QString &password, const QString &encoded);
    QFuture<QString> hash(const QString &password, int iterations);
    // PasswordHasher::hash with a fixed salt: the work a sign-in of an
    // unknown user does, so it takes as long as a wrong password.
    QFuture<bool> burn(const QString &password, int iterations);

    // True while so many hashes wait that a new one should be refused (503).
    bool busy() const;
    int waiting() const { return m_waiting.loadRelaxed(); }

private:
    template<typename T, typename Work>
    QFuture<T> submit(Work work);

    int m_threads;
    QThreadPool m_pool;
    QAtomicInt m_waiting;
};

} // namespace LittleLemon::Server
