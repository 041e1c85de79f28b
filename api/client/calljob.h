#pragma once

#include "api/client/apijob.h"
#include "api/client/clienterrors.h"
#include "api/client/requestjob.h"
#include "models/jsoncodec.h"

#include <QPointer>

#include <functional>
#include <optional>

namespace LittleLemon::Client {

// Sends a Request through the client; nullptr when the client is gone.
using RequestSender = std::function<RequestJob *(const Request &)>;

// One call whose answer decodes to a T: a RequestJob plus a decoder. An
// answer that does not decode is a Protocol error naming the field (in
// serverMessage(), for the log), never a half-filled value.
template<typename T>
class CallJob : public Job<T>
{
public:
    using Decoder = std::function<std::optional<T>(const RequestJob &, DecodeError *)>;

    CallJob(RequestSender sender, QString serverName, Decoder decoder, QObject *parent = nullptr)
        : Job<T>(parent)
        , m_sender(std::move(sender))
        , m_serverName(std::move(serverName))
        , m_decoder(std::move(decoder))
    {
    }

    void start(const Request &request)
    {
        if (this->isFinished())
            return;
        m_request = m_sender ? m_sender(request) : nullptr;
        if (!m_request) {
            this->fail(ClientErrors::aborted());
            return;
        }
        m_request->setParent(this);
        m_request->setAutoDelete(false);
        m_request->setTimeout(this->timeout());
        if (m_maxThrottleWait >= 0)
            m_request->setMaxThrottleWait(m_maxThrottleWait);
        QObject::connect(m_request, &ApiJob::finished, this, [this](const ApiError &error) {
            if (error.isError()) {
                this->fail(error);
                return;
            }
            DecodeError decodeError;
            std::optional<T> value = m_decoder(*m_request, &decodeError);
            if (!value)
                this->fail(ClientErrors::unreadable(m_serverName, m_request->httpStatus(), decodeError.toString()));
            else
                this->succeed(std::move(*value), m_request->etag());
        });
    }

    void setTimeout(int ms) override
    {
        ApiJob::setTimeout(ms);
        if (m_request)
            m_request->setTimeout(ms);
    }
    void setMaxThrottleWait(int seconds)
    {
        m_maxThrottleWait = seconds;
        if (m_request)
            m_request->setMaxThrottleWait(seconds);
    }

    // The exchange (status, headers, how many sends); null before start.
    RequestJob *requestJob() const { return m_request; }

protected:
    void onAbort() override
    {
        if (m_request)
            m_request->abort();
    }

private:
    RequestSender m_sender;
    QString m_serverName;
    Decoder m_decoder;
    QPointer<RequestJob> m_request;
    int m_maxThrottleWait = -1;
};

// The usual decoder: the whole body is one T.
template<typename T>
std::optional<T> decodeBody(const RequestJob &reply, DecodeError *error)
{
    return Json::decode<T>(reply.json(), error);
}

// For answers nobody needs to read (204, {"message": …} of a delete).
inline std::optional<NoContent> ignoreBody(const RequestJob &, DecodeError *)
{
    return NoContent {};
}

} // namespace LittleLemon::Client
