#pragma once

#include "api/client/apijob.h"
#include "api/client/request.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTimer>

class QNetworkReply;
class QSslError;

namespace LittleLemon::Client {

class ApiClient;
class RatePacer;

// One HTTP exchange, seen through to an answer: it waits for a slot from the
// pacer, gets a fresh access token from the session when the call needs one,
// sends, and then
//   - 429: holds the pacer for Retry-After and sends again, silently;
//   - 401 with a token: has the session refresh once and replays once;
//   - anything else: finishes with the answer or a typed ApiError.
// The typed calls (CallJob, ListJob) are built on it.
class RequestJob : public ApiJob
{
    Q_OBJECT

public:
    RequestJob(ApiClient *client, Request request, QObject *parent = nullptr);
    ~RequestJob() override;

    // Called by ApiClient::send(); the job does nothing before.
    void start();

    void setTimeout(int ms) override;
    // Longest total Retry-After wait before a 429 becomes an error (seconds);
    // 0 makes the first 429 an error.
    void setMaxThrottleWait(int seconds) { m_maxThrottleWaitS = seconds; }

    const Request &request() const { return m_request; }
    // Set once an answer came.
    int httpStatus() const { return m_status; }
    const QByteArray &body() const { return m_body; }
    // The body as JSON on success (null for an empty body).
    const QJsonValue &json() const { return m_json; }
    QByteArray header(const QByteArray &name) const;
    QByteArray etag() const { return header(QByteArrayLiteral("ETag")); }
    // The server's clock when it answered (its Date header); invalid without one.
    QDateTime serverDate() const;
    QUrl url() const { return m_url; }

    // How it went: sends (replays and 429 retries included), 429s waited out,
    // whether a refused token was refreshed and the call replayed.
    int sends() const { return m_sends; }
    int throttleWaits() const { return m_throttleWaits; }
    bool replayed() const { return m_replayed; }
    // SHA-256 fingerprint of the certificate a TLS error was about ("AB:CD:…").
    QString peerFingerprint() const { return m_peerFingerprint; }

private:
    using TokenCallback = std::function<void(const QString &, const ApiError &)>;

    void queueForSlot(bool first);
    void obtainToken();
    void send(const QString &accessToken);
    void onReplyFinished();
    void onSslErrors(const QList<QSslError> &errors);
    void onTimeout();
    void waitOutThrottle(const ApiError &throttled);
    void onAbort() override;
    void dropReply();
    ApiError networkError(QNetworkReply *reply) const;

    QPointer<ApiClient> m_client;
    Request m_request;
    QPointer<RatePacer> m_pacer;
    QNetworkReply *m_reply = nullptr;
    QTimer m_timer;
    QElapsedTimer m_sentAt;
    QUrl m_url;
    QString m_sentToken;
    int m_status = 0;
    QByteArray m_body;
    QJsonValue m_json;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QString m_peerFingerprint;
    QString m_sslErrorText;
    int m_sends = 0;
    int m_throttleWaits = 0;
    qint64 m_throttleWaitedMs = 0;
    int m_maxThrottleWaitS;
    bool m_started = false;
    bool m_replayed = false;
    bool m_encrypted = false;
};

} // namespace LittleLemon::Client
