#include "api/server/serverconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("littlelemon-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LL_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The Little Lemon backend, embedded."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
