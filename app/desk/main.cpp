// littlelemon-desk: the staff terminal. Thin: parse the command line, make the
// in-process server standalone mode may use, hand both to the UI's controller.
#include "screenshotter.h"
#include "standaloneserver.h"
#include "ui/deskcontroller.h"
#include "ui/language.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <memory>

#include <sys/stat.h>

using namespace LittleLemon;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("littlelemon-desk", text);
}

// Where the loopback port of a data directory is remembered: the same port
// each start keeps the desk's cache and keychain entry for it valid.
QString portKey(const QString &dataDir)
{
    return QStringLiteral("standalone/port-")
        + QString::fromLatin1(QCryptographicHash::hash(QDir::cleanPath(dataDir).toUtf8(), QCryptographicHash::Sha256)
                                  .toHex()
                                  .left(12));
}

// --help and --version print text and quit: they need no display, and a
// QApplication without one aborts (an install script, ssh, a packaging check).
bool onlyText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "--help-all" || a == "-?" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    // The standalone database holds password hashes and a signing secret.
    ::umask(077);
    std::unique_ptr<QCoreApplication> application;
    if (onlyText(argc, argv))
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("littlelemon-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("Little Lemon"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LL_VERSION));
    if (qobject_cast<QApplication *>(&app)) {
        QApplication::setApplicationDisplayName(QStringLiteral("Little Lemon Desk"));
        QApplication::setDesktopFileName(QStringLiteral("littlelemon-desk"));
    }
    // Portuguese, Spanish or English: the system's, or the one chosen under Desk ▸ Language.
    Ui::Language::install();

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Little Lemon Desk, the staff terminal: orders board, menu, bookings, staff."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption standalone(QStringLiteral("standalone"),
                                        tr("Keep the restaurant's data on this computer: run the Little Lemon "
                                           "server inside the desk."));
    const QCommandLineOption demo(QStringLiteral("demo-data"),
                                  tr("Standalone with the demo restaurant (its own data directory), signed in "
                                     "as the demo manager."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     tr("Where standalone mode keeps its data (default: under your data directory)."),
                                     tr("DIR"));
    const QCommandLineOption demoUser(QStringLiteral("demo-user"),
                                      tr("With --demo-data: who to sign in as (default mario, the manager)."),
                                      tr("NAME"), QStringLiteral("mario"));
    QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                   tr("Write a PNG of each page into DIR once signed in and synced, then quit "
                                      "(tools/screenshots)."),
                                   tr("DIR"));
    screenshots.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({ standalone, demo, dataDir, demoUser, screenshots });
    parser.process(app);
    // Anything but --help/--version came with a QApplication.
    auto *gui = qobject_cast<QApplication *>(&app);
    if (!gui)
        return 0;

    Ui::applyTheme(*gui);

    const bool isDemo = parser.isSet(demo);
    Desk::StandaloneOptions options;
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    // The demo never mixes with a real restaurant's data.
    options.dataDir = parser.isSet(dataDir) ? parser.value(dataDir)
                                            : base + (isDemo ? QStringLiteral("/demo") : QStringLiteral("/standalone"));
    options.demoData = isDemo;
    QSettings settings;
    options.preferredPort = quint16(settings.value(portKey(options.dataDir), 0).toUInt());
    Desk::StandaloneServer local(options);
    QObject::connect(&local, &Ui::LocalServer::stateChanged, &local, [&local, &options](Ui::LocalServer::State s) {
        if (s == Ui::LocalServer::State::Running)
            QSettings().setValue(portKey(options.dataDir), local.port());
    });

    Ui::DeskController::Options desk;
    desk.standalone = parser.isSet(standalone) || isDemo;
    desk.demo = isDemo;
    desk.demoUser = parser.value(demoUser);
    Ui::DeskController controller(&local, desk);
    QObject::connect(&controller, &Ui::DeskController::quitRequested, &app, &QCoreApplication::quit);
    std::unique_ptr<Desk::Screenshotter> shooter;
    if (parser.isSet(screenshots)) {
        shooter = std::make_unique<Desk::Screenshotter>(&controller, &local, parser.value(screenshots));
        QObject::connect(shooter.get(), &Desk::Screenshotter::finished, &app,
                         [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
    }
    controller.start();
    return app.exec();
}
