#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("littlelemon-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LL_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Little Lemon sync engine, headless."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
