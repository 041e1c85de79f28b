#include "api/server/backend.h"
#include "api/server/httpserveradapter.h"
#include "api/server/serverconfig.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace LittleLemon;
using namespace LittleLemon::Server;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("littlelemon-server", text);
}

int fail(const QString &message)
{
    QTextStream(stderr) << "littlelemon-server: " << message << Qt::endl;
    return 1;
}

bool readInt(const QCommandLineParser &parser, const QString &name, int min, int max, int *out, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qlonglong v = parser.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *error = tr("--%1 wants a whole number from %2 to %3, got \"%4\"").arg(name).arg(min).arg(max).arg(parser.value(name));
        return false;
    }
    *out = int(v);
    return true;
}

int runServer(const ServerConfig &config)
{
    Backend backend(config);
    QString error;
    if (!backend.open(&error))
        return fail(error);

    HttpServerAdapter http([&backend](const Request &r) { return backend.handle(r); });
    if (!http.listen(config.address, config.port, &error))
        return fail(tr("cannot listen on %1:%2: %3").arg(config.address.toString()).arg(config.port).arg(error));

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &http, [&http](int) {
        http.close();
        QCoreApplication::quit();
    });

    QString host = config.address.toString();
    if (config.address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    // The one line scripts and tests wait for; flushed at once.
    std::printf("littlelemon-server listening on http://%s:%u\n", qPrintable(host), unsigned(http.port()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("littlelemon-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("The Little Lemon backend, embedded: the cloud API's REST contract "
                                        "on one machine."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        { QStringLiteral("listen"), tr("Address and port to serve on (port 0 picks a free one)."),
          tr("ADDRESS:PORT"), QStringLiteral("127.0.0.1:8000") },
        { QStringLiteral("data-dir"), tr("Directory of the database and the signing secret."), tr("DIR") },
        { QStringLiteral("demo-data"), tr("On first start, load the demo menu and one user per role.") },
        { QStringLiteral("page-size"), tr("Items per page of every list (the cloud uses 3)."), tr("N") },
        { QStringLiteral("throttle-anon"), tr("Requests per minute for anonymous clients."), tr("N") },
        { QStringLiteral("throttle-user"), tr("Requests per minute for signed-in users."), tr("N") },
        { QStringLiteral("access-ttl"), tr("Lifetime of access tokens in seconds."), tr("S") },
        { QStringLiteral("refresh-ttl"), tr("Lifetime of refresh tokens in seconds."), tr("S") },
    });
    parser.process(app);

    ServerConfig config;
    QString error;
    if (!config.setListen(parser.value(QStringLiteral("listen")), &error))
        return fail(error);
    config.dataDir = parser.value(QStringLiteral("data-dir"));
    config.demoData = parser.isSet(QStringLiteral("demo-data"));
    if (!readInt(parser, QStringLiteral("page-size"), 1, 1000, &config.pageSize, &error)
        || !readInt(parser, QStringLiteral("throttle-anon"), 1, 1000000000, &config.throttleAnon, &error)
        || !readInt(parser, QStringLiteral("throttle-user"), 1, 1000000000, &config.throttleUser, &error)
        || !readInt(parser, QStringLiteral("access-ttl"), 1, 365 * 24 * 3600, &config.accessTtlSeconds, &error)
        || !readInt(parser, QStringLiteral("refresh-ttl"), 1, 10 * 365 * 24 * 3600, &config.refreshTtlSeconds, &error))
        return fail(error);
    if (config.dataDir.isEmpty())
        return fail(tr("--data-dir is required"));

    return runServer(config);
}
