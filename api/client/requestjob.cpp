#include "api/client/requestjob.h"

#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/clienterrors.h"
#include "api/client/clientlog.h"
#include "api/client/ratepacer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslError>
#include <QUuid>

#include <algorithm>

namespace LittleLemon::Client {

namespace {

const QByteArray kUserAgent = QByteArrayLiteral("LittleLemonDesk/" LL_VERSION);

// A request body that can be read once: Qt cannot rewind it, so it cannot
// resend the request by itself after a connection died before the answer
// (it fails it with ContentReSendError instead). See Request::silentResend.
class OneShotBody : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    // Qt asks to rewind before a resend; saying no (quietly) is the point.
    bool seek(qint64) override { return false; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        std::copy_n(m_data.constData() + m_pos, n, out);
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

// "AB:CD:…" — how people compare fingerprints.
QString formatFingerprint(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

// An HTTP date, "Wed, 02 Dec 2026 03:12:54 GMT" (RFC 7231's IMF-fixdate).
// Qt 6.4 reads RFC 2822 dates but not the "GMT" every HTTP server sends.
QDateTime parseHttpDate(const QByteArray &value)
{
    QString text = QString::fromLatin1(value.trimmed());
    if (text.endsWith(QLatin1String(" GMT")) || text.endsWith(QLatin1String(" UTC")))
        text = text.chopped(4) + QStringLiteral(" +0000");
    const QDateTime at = QDateTime::fromString(text, Qt::RFC2822Date);
    return at.isValid() ? at.toUTC() : QDateTime();
}

// Retry-After is seconds or an HTTP date; -1 when absent or unreadable.
int parseRetryAfter(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = v.toInt(&ok);
    if (ok)
        return std::max(0, seconds);
    const QDateTime at = parseHttpDate(v);
    if (!at.isValid())
        return -1;
    return int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(at)));
}

// QUrlQuery leaves '+' alone, which the server reads as a space: encode every
// key and value ourselves.
QString encodeQuery(const QUrlQuery &query)
{
    QStringList parts;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        parts << QString::fromLatin1(QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second));
    return parts.join(u'&');
}

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

} // namespace

RequestJob::RequestJob(ApiClient *client, Request request, QObject *parent)
    : ApiJob(parent)
    , m_client(client)
    , m_request(std::move(request))
    , m_maxThrottleWaitS(client ? client->maxThrottleWait() : 600)
{
    if (client)
        ApiJob::setTimeout(client->timeout());
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RequestJob::onTimeout);
    // One key for every attempt of this write: that is what lets the server
    // recognise a retry after a lost answer.
    if (m_request.isWrite() && m_request.idempotencyKey.isEmpty())
        m_request.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
}

RequestJob::~RequestJob()
{
    if (m_pacer)
        m_pacer->cancel(this);
    dropReply();
}

QByteArray RequestJob::header(const QByteArray &name) const
{
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QDateTime RequestJob::serverDate() const
{
    return parseHttpDate(header(QByteArrayLiteral("Date")));
}

void RequestJob::setTimeout(int ms)
{
    ApiJob::setTimeout(ms);
    if (m_reply)
        m_timer.start(std::max(0, ms));
}

void RequestJob::start()
{
    if (m_started || isFinished())
        return;
    m_started = true;
    if (!m_client) {
        finish(ClientErrors::aborted());
        return;
    }
    AuthSession *session = m_client->session();
    if (m_request.auth == Request::Auth::Required && !session->hasCredentials()) {
        finish(ClientErrors::signInRequired());
        return;
    }
    queueForSlot(false);
}

void RequestJob::queueForSlot(bool first)
{
    if (isFinished() || !m_client)
        return;
    const bool signedIn = m_request.auth != Request::Auth::None && m_client->session()->hasCredentials();
    if (m_pacer)
        m_pacer->cancel(this);
    m_pacer = m_client->pacer(signedIn);
    m_pacer->acquire(
        this, [this] { obtainToken(); }, first);
}

void RequestJob::obtainToken()
{
    if (isFinished() || !m_client)
        return;
    AuthSession *session = m_client->session();
    if (m_request.auth == Request::Auth::None
        || (m_request.auth == Request::Auth::Optional && !session->hasCredentials())) {
        send(QString());
        return;
    }
    session->withAccessToken(this, [this](const QString &token, const ApiError &error) {
        if (isFinished())
            return;
        if (error.isError())
            finish(error);
        else
            send(token);
    });
}

void RequestJob::send(const QString &accessToken)
{
    if (isFinished() || !m_client)
        return;
    const ServerEndpoint &endpoint = m_client->endpoint();
    m_url = m_request.absoluteUrl.isValid() && !m_request.absoluteUrl.isEmpty()
        ? endpoint.rehome(m_request.absoluteUrl)
        : endpoint.url(m_request.path, encodeQuery(m_request.query));

    QNetworkRequest req(m_url);
    req.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    req.setHeader(QNetworkRequest::UserAgentHeader, kUserAgent);
    // A redirect elsewhere must not carry the bearer token along.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    req.setMaximumRedirectsAllowed(3);
    // Accept-Encoding is left to QNetworkAccessManager: it asks for gzip and
    // inflates the answer itself only when the header is not set by us.
    m_sentToken = accessToken;
    if (!accessToken.isEmpty())
        req.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + accessToken.toLatin1());
    if (m_request.isWrite()) {
        if (!m_request.ifMatch.isEmpty() && m_client->hasFeature(QStringLiteral("etag")))
            req.setRawHeader(QByteArrayLiteral("If-Match"), m_request.ifMatch);
        if (m_client->hasFeature(QStringLiteral("idempotency")))
            req.setRawHeader(QByteArrayLiteral("Idempotency-Key"), m_request.idempotencyKey.toLatin1());
    }

    QByteArray body;
    if (!m_request.rawBody.isNull()) {
        body = m_request.rawBody;
        req.setHeader(QNetworkRequest::ContentTypeHeader,
                      m_request.contentType.isEmpty() ? QByteArrayLiteral("application/json")
                                                      : m_request.contentType);
    } else if (!m_request.json.isUndefined()) {
        body = m_request.json.isArray() ? QJsonDocument(m_request.json.toArray()).toJson(QJsonDocument::Compact)
                                        : QJsonDocument(m_request.json.toObject()).toJson(QJsonDocument::Compact);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }

    QNetworkAccessManager *nam = m_client->network();
    if (m_request.method == "GET") {
        m_reply = nam->get(req);
    } else if (m_request.method == "DELETE" && body.isEmpty()) {
        m_reply = nam->deleteResource(req);
    } else if (!m_request.silentResend && !body.isEmpty()) {
        auto *device = new OneShotBody(body);
        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        req.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        m_reply = nam->sendCustomRequest(req, m_request.method, device);
        device->setParent(m_reply);
    } else {
        m_reply = nam->sendCustomRequest(req, m_request.method, body);
    }
    m_reply->setParent(this);
    ++m_sends;
    m_encrypted = false;
    m_sentAt.start();
    connect(m_reply, &QNetworkReply::finished, this, &RequestJob::onReplyFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, &RequestJob::onSslErrors);
    connect(m_reply, &QNetworkReply::encrypted, this, [this] { m_encrypted = true; });
    // The timeout is for silence: any bytes moving restart it.
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this] { m_timer.start(); });
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this] { m_timer.start(); });
    m_timer.start(std::max(0, timeout()));
}

void RequestJob::dropReply()
{
    m_timer.stop();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void RequestJob::onAbort()
{
    if (m_pacer)
        m_pacer->cancel(this);
    dropReply();
}

void RequestJob::onTimeout()
{
    if (!m_reply || isFinished())
        return;
    qCInfo(lcHttp).noquote() << m_request.method << m_url.path() << "no answer within" << timeout() << "ms";
    dropReply();
    finish(ClientErrors::timeout(m_client ? m_client->endpoint().displayName() : QString(), timeout()));
}

void RequestJob::onSslErrors(const QList<QSslError> &errors)
{
    if (!m_reply)
        return;
    QSslCertificate cert = m_reply->sslConfiguration().peerCertificate();
    for (const QSslError &e : errors) {
        if (cert.isNull() && !e.certificate().isNull())
            cert = e.certificate();
    }
    const QByteArray digest = cert.isNull() ? QByteArray() : cert.digest(QCryptographicHash::Sha256);
    m_peerFingerprint = formatFingerprint(digest);
    QString trusted = m_client ? m_client->trustedCertificate() : QString();
    if (!digest.isEmpty() && !trusted.isEmpty() && trusted == QString::fromLatin1(digest.toHex())) {
        // The person trusted exactly this certificate for this server.
        m_reply->ignoreSslErrors(errors);
        return;
    }
    QStringList texts;
    for (const QSslError &e : errors)
        texts << e.errorString();
    m_sslErrorText = texts.join(QStringLiteral("; "));
    qCWarning(lcHttp).noquote() << "certificate of" << m_url.host() << "refused:" << m_sslErrorText
                                << "SHA-256" << m_peerFingerprint;
    if (m_client)
        m_client->reportUntrustedCertificate(m_peerFingerprint);
}

ApiError RequestJob::networkError(QNetworkReply *reply) const
{
    const QString server = m_client ? m_client->endpoint().displayName() : m_url.host();
    const QString detail = reply->errorString();
    if (!m_sslErrorText.isEmpty())
        return ClientErrors::untrustedCertificate(server, m_sslErrorText, m_peerFingerprint);
    switch (reply->error()) {
    case QNetworkReply::SslHandshakeFailedError:
        return ClientErrors::tlsHandshake(server, detail);
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::UnknownNetworkError:
        // Connected, but hung up before TLS was set up: a server that does not
        // speak TLS on that port (https:// for an http:// server), not one that is down.
        if (m_url.scheme() == QLatin1String("https") && !m_encrypted
            && reply->sslConfiguration().sessionCipher().isNull())
            return ClientErrors::tlsHandshake(server, detail);
        return ClientErrors::offline(server, detail);
    case QNetworkReply::TimeoutError:
        return ClientErrors::timeout(server, timeout());
    case QNetworkReply::OperationCanceledError:
        return ClientErrors::aborted();
    default:
        // Refused, reset, unknown host, no route, proxy trouble: the server cannot be reached.
        return ClientErrors::offline(server, detail);
    }
}

void RequestJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || isFinished())
        return;
    m_reply = nullptr;
    m_timer.stop();
    reply->deleteLater();
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_body = reply->readAll();
    m_headers = reply->rawHeaderPairs();
    qCDebug(lcHttp).noquote() << m_request.method << m_url.path() << "→" << m_status << m_body.size() << "bytes in"
                              << m_sentAt.elapsed() << "ms";

    if (m_status == 0) {
        const ApiError error = networkError(reply);
        qCInfo(lcHttp).noquote() << m_request.method << m_url.path() << "failed:" << reply->errorString();
        finish(error);
        return;
    }

    if (isSuccess(m_status) || m_request.acceptedStatuses.contains(m_status)) {
        m_json = QJsonValue();
        if (!m_body.trimmed().isEmpty()) {
            DecodeError error;
            const auto parsed = Json::parse(m_body, &error);
            // An accepted refusal (the cloud's HTML 404 page for /api/meta) is
            // an answer by its status alone: its body need not be ours to read.
            if (!parsed && !isSuccess(m_status)) {
                qCDebug(lcHttp).noquote() << m_request.method << m_url.path() << m_status
                                          << "with a body that is not JSON:" << header(QByteArrayLiteral("Content-Type"));
                finish(ApiError());
                return;
            }
            if (!parsed) {
                finish(ClientErrors::unreadable(m_client ? m_client->endpoint().displayName() : QString(),
                                                m_status, error.toString()));
                return;
            }
            m_json = *parsed;
        }
        finish(ApiError());
        return;
    }

    const int retryAfter = parseRetryAfter(header(QByteArrayLiteral("Retry-After")));
    ApiError error = ApiError::fromHttp(m_status, m_body, retryAfter);

    if (m_status == 429) {
        waitOutThrottle(error);
        return;
    }
    if (m_status == 401 && !m_sentToken.isEmpty() && m_client) {
        if (!m_replayed) {
            m_replayed = true;
            qCInfo(lcHttp).noquote() << m_request.method << m_url.path() << "token refused; refreshing once";
            m_client->session()->renewAfterRefusal(m_sentToken, this,
                                                   [this](const QString &, const ApiError &renewError) {
                                                       if (isFinished())
                                                           return;
                                                       if (renewError.isError())
                                                           finish(renewError);
                                                       else
                                                           queueForSlot(true);
                                                   });
            return;
        }
        // A brand-new token refused as well: say so, and do not go round again.
        error = ClientErrors::signInRefused(error);
    } else if (m_status == 401 && m_request.auth != Request::Auth::None) {
        error = ClientErrors::signInRequired();
    } else if (error.kind() == ApiError::Kind::Server && !m_request.isWrite()) {
        error = ClientErrors::serverErrorOnRead(error);
    }
    finish(error);
}

void RequestJob::waitOutThrottle(const ApiError &throttled)
{
    // Without a Retry-After the wait doubles from a second, up to a minute.
    int seconds = throttled.retryAfterSeconds();
    if (seconds < 0)
        seconds = std::min(60, 1 << std::min(m_throttleWaits, 6));
    const qint64 waitMs = qint64(seconds) * 1000 + 250;
    if (m_throttleWaitedMs + waitMs > qint64(m_maxThrottleWaitS) * 1000 || !m_client) {
        finish(ClientErrors::throttled(throttled));
        return;
    }
    ++m_throttleWaits;
    m_throttleWaitedMs += waitMs;
    qCInfo(lcPacing).noquote() << m_request.method << m_url.path() << "throttled; waiting" << seconds << "s";
    m_client->reportThrottled(seconds);
    // Everyone waits, not just this request: the server counts them all.
    m_client->pacer(!m_sentToken.isEmpty())->holdFor(waitMs);
    queueForSlot(true);
}

} // namespace LittleLemon::Client
