#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("littlelemon-desk"));
    QApplication::setOrganizationName(QStringLiteral("Little Lemon"));
    QApplication::setApplicationVersion(QStringLiteral(LL_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Little Lemon Desk, the staff terminal."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    LittleLemon::Ui::applyTheme(app);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Little Lemon Desk"));
    window.setCentralWidget(new QLabel(QObject::tr("Little Lemon Desk %1").arg(QStringLiteral(LL_VERSION))));
    window.show();
    return app.exec();
}
