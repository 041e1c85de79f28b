#include "api/client/clienterrors.h"

#include <QCoreApplication>

namespace LittleLemon::Client::ClientErrors {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LittleLemon::Client::ClientErrors", text);
}

// Keeps the server's words and status, replaces the sentence.
ApiError reworded(ApiError e, const QString &sentence)
{
    e.setUserMessage(sentence);
    return e;
}

// The error text stays in serverMessage() (for logs), the sentence is ours.
ApiError make(ApiError::Kind kind, const QString &detail, const QString &sentence)
{
    ApiError e(kind, detail);
    e.setUserMessage(sentence);
    return e;
}

} // namespace

ApiError offline(const QString &server, const QString &detail)
{
    return make(ApiError::Kind::Offline, detail,
                tr("Cannot reach the server at %1. Check that this computer is connected to the network "
                   "and that the server is running.")
                    .arg(server));
}

ApiError timeout(const QString &server, int timeoutMs)
{
    return make(ApiError::Kind::Timeout, QStringLiteral("no answer within %1 ms").arg(timeoutMs),
                tr("The server at %1 took too long to answer. The network may be slow or the server busy; "
                   "please try again.")
                    .arg(server));
}

ApiError tlsHandshake(const QString &server, const QString &detail)
{
    return make(ApiError::Kind::Tls, detail,
                tr("A secure connection to %1 could not be set up (%2). Check that the address is right, "
                   "including https or http.")
                    .arg(server, detail));
}

ApiError untrustedCertificate(const QString &server, const QString &detail, const QString &fingerprint)
{
    return make(ApiError::Kind::Tls, detail,
                tr("The identity of the server at %1 cannot be verified (%2). If this is your restaurant's own "
                   "server, compare this fingerprint with the one it shows and trust it in the server "
                   "settings: %3")
                    .arg(server, detail, fingerprint));
}

ApiError aborted()
{
    return make(ApiError::Kind::Aborted, QStringLiteral("aborted"), tr("The request was cancelled."));
}

ApiError unreadable(const QString &server, int httpStatus, const QString &detail)
{
    return make(ApiError::Kind::Protocol, QStringLiteral("HTTP %1: %2").arg(httpStatus).arg(detail),
                tr("The server at %1 sent an answer this program cannot read. It may run a different "
                   "version of Little Lemon.")
                    .arg(server));
}

ApiError signInRequired()
{
    return make(ApiError::Kind::Unauthorized, QStringLiteral("not signed in"), tr("You need to sign in first."));
}

ApiError sessionExpired()
{
    return make(ApiError::Kind::Unauthorized, QStringLiteral("refresh token refused"),
                tr("Your sign-in has expired. Please sign in again."));
}

ApiError signInRefused(const ApiError &fromServer)
{
    return reworded(fromServer, tr("The server no longer accepts your sign-in. Please sign in again."));
}

ApiError wrongCredentials(const ApiError &fromServer)
{
    return reworded(fromServer, tr("The user name or password is not correct."));
}

ApiError throttled(const ApiError &fromServer)
{
    const int seconds = fromServer.retryAfterSeconds();
    return reworded(fromServer,
                    seconds > 1 ? tr("The server is busy. Please try again in %1 seconds.").arg(seconds)
                                : tr("The server is busy. Please try again in a moment."));
}

ApiError serverErrorOnRead(const ApiError &fromServer)
{
    return reworded(fromServer, tr("The server had a problem (error %1). Please try again in a moment.")
                                    .arg(fromServer.httpStatus()));
}

} // namespace LittleLemon::Client::ClientErrors
