#pragma once

#include "api/client/result.h"
#include "models/apierror.h"

#include <QObject>

#include <utility>

namespace LittleLemon::Client {

// One call to a server, as an object: it starts when the client hands it out,
// finishes exactly once (finished() is always delivered from the event loop,
// so connecting right after the call is never too late), can be aborted, and
// gives up on an exchange that stays silent longer than its timeout. It
// deletes itself after finished() unless told not to.
class ApiJob : public QObject
{
    Q_OBJECT

public:
    explicit ApiJob(QObject *parent = nullptr);
    ~ApiJob() override;

    bool isFinished() const { return m_finished; }
    // None while running and after success.
    const ApiError &error() const { return m_error; }

    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    bool autoDelete() const { return m_autoDelete; }

    // Inactivity limit of each exchange with the server, in ms. Waiting for the
    // rate limit or a Retry-After is not counted: that is pacing, not silence.
    virtual void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }

public Q_SLOTS:
    // Stops the work; finished() follows with an Aborted error.
    void abort();

Q_SIGNALS:
    // error.isError() is false on success; typed jobs hold the value (Job<T>::result()).
    void finished(const LittleLemon::ApiError &error);
    // Pages of a collection read so far, and how many there are (0 while unknown).
    void progress(qint64 done, qint64 total);

protected:
    // Records the outcome and queues finished(); later calls are ignored.
    void finish(const ApiError &error);
    // Subclasses stop their network work here; finish() follows.
    virtual void onAbort() {}

private:
    ApiError m_error;
    int m_timeoutMs = 15000;
    bool m_finished = false;
    bool m_autoDelete = true;
};

// A job whose success carries a decoded value of type T.
template<typename T>
class Job : public ApiJob
{
public:
    using ApiJob::ApiJob;
    using ValueType = T;

    Result<T> result() const
    {
        if (error().isError() || !m_value)
            return Result<T>(error().isError() ? error() : ApiError(ApiError::Kind::Aborted, QString()));
        return Result<T>(*m_value, m_etag);
    }

    // Calls `callback(const Result<T> &)` once the job is finished, in `context`'s thread,
    // unless `context` is gone by then.
    template<typename Callback>
    QMetaObject::Connection then(const QObject *context, Callback &&callback)
    {
        return QObject::connect(this, &ApiJob::finished, context,
                                [this, cb = std::forward<Callback>(callback)](const ApiError &) { cb(result()); });
    }

protected:
    void succeed(T value, QByteArray etag = QByteArray())
    {
        if (isFinished())
            return;
        m_value = std::move(value);
        m_etag = std::move(etag);
        finish(ApiError());
    }
    void fail(const ApiError &error) { finish(error); }

private:
    std::optional<T> m_value;
    QByteArray m_etag;
};

// A job finished by whoever holds it: for work that is not one HTTP call
// (keychain steps, a sign-in made of several calls).
template<typename T>
class PendingJob : public Job<T>
{
public:
    using Job<T>::Job;
    using Job<T>::succeed;
    using Job<T>::fail;
};

} // namespace LittleLemon::Client
