#include "api/client/apijob.h"

#include "api/client/clienterrors.h"

#include <QMetaObject>

namespace LittleLemon::Client {

ApiJob::ApiJob(QObject *parent)
    : QObject(parent)
{
}

ApiJob::~ApiJob() = default;

void ApiJob::abort()
{
    if (m_finished)
        return;
    onAbort();
    finish(ClientErrors::aborted());
}

void ApiJob::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    // Queued: a job that fails at once (signed out, aborted in start()) still
    // reaches a caller that connects after the call returned.
    QMetaObject::invokeMethod(
        this,
        [this] {
            Q_EMIT finished(m_error);
            if (m_autoDelete)
                deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace LittleLemon::Client
