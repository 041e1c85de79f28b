// littlelemon-cli: the sync engine, headless, for scripts and checks.

#include "cliapp.h"
#include "exitcode.h"
#include "models/privatefiles.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QSettings>
#include <QTextStream>

#include <sys/stat.h>

#include <memory>

using namespace LittleLemon::Cli;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("littlelemon-cli", text);
}

} // namespace

int main(int argc, char *argv[])
{
    // The cache holds staff names and e-mails and guests' names and phones,
    // as the desk's does: nothing this program creates is for other users.
    ::umask(077);
    // A PDF needs fonts and a paint engine: a QGuiApplication, offscreen
    // unless a platform is set. Every other command stays QtCore only.
    bool wantsPdf = false;
    for (int i = 1; i < argc; ++i)
        wantsPdf = wantsPdf || qstrcmp(argv[i], "--pdf") == 0 || qstrncmp(argv[i], "--pdf=", 6) == 0;
    if (wantsPdf && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application(wantsPdf ? new QGuiApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Little Lemon"));
    QCoreApplication::setApplicationName(QStringLiteral("littlelemon-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LL_VERSION));
    // One made before the umask (or by an older version) is tightened too.
    LittleLemon::PrivateFiles::file(QSettings().fileName());

    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Little Lemon from the command line: the desk application's sync engine, headless.\n"
        "Edits go to a local copy and an outbox first, then to the server; without the\n"
        "server they wait in the outbox and are sent by the next command that reaches it.\n"
        "\n"
        "Commands:\n"
        "  login --server URL --user NAME --password-stdin\n"
        "  logout\n"
        "  status\n"
        "  sync\n"
        "  menu list\n"
        "  menu set-price ID PRICE\n"
        "  menu set-available ID yes|no\n"
        "  orders list [--open]\n"
        "  orders set-stage ID STAGE       (received, preparing, ready, out_for_delivery, delivered, cancelled)\n"
        "  orders assign ID USER|none      (a user id, or a delivery crew member's name)\n"
        "  bookings list [--date YYYY-MM-DD]\n"
        "  report --date YYYY-MM-DD [--to YYYY-MM-DD] [--csv FILE] [--csv-orders FILE] [--csv-lines FILE]\n"
        "         [--pdf FILE] [--json]   (the day's figures: the server's, or computed from the local copy)\n"
        "  watch [--json]                  (one line per change as it arrives, e.g. \"order 42 preparing\";\n"
        "                                   live where the server pushes changes; stop with Ctrl+C)\n"
        "  outbox list\n"
        "  outbox retry SEQ | outbox discard SEQ | outbox resolve SEQ mine|theirs\n"
        "\n"
        "Exit codes:\n"
        "  0  done (an edit: the server has it)\n"
        "  1  unexpected error (local files, unreadable answers)\n"
        "  2  usage: wrong command line or value\n"
        "  3  not signed in: wrong password, session over, or no keychain to keep the sign-in\n"
        "  4  offline: the server was not reached; edits wait in the outbox, lists show the local copy\n"
        "  5  refused by the server (its words are shown); the local copy shows the server's value\n"
        "  6  conflict: changed on the server first; see outbox list, then outbox resolve\n"
        "  7  no such record or outbox entry in the local copy\n"
        "\n"
        "Tokens are kept in the system keychain, never in a file. Without a keychain a\n"
        "sign-in lasts for one command: give that command --password-stdin."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), tr("What to do (see above)."), tr("command [args...]"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON document (result, exit_code, message, data); watch: one JSON object per change, a line each."));
    const QCommandLineOption server(QStringLiteral("server"), tr("The server (login; otherwise the signed-in one)."),
                                    tr("URL"));
    const QCommandLineOption user(QStringLiteral("user"), tr("The user name (login)."), tr("NAME"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           tr("Read the password from standard input (one line)."));
    const QCommandLineOption offline(QStringLiteral("offline"), tr("Do not contact the server: local copy and outbox only."));
    const QCommandLineOption open(QStringLiteral("open"), tr("orders list: only orders not yet delivered or cancelled."));
    const QCommandLineOption date(QStringLiteral("date"), tr("bookings list: the day (default today)."), tr("YYYY-MM-DD"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     tr("Keep the local copy and outbox in DIR (default: the user's data folder)."),
                                     tr("DIR"));
    const QCommandLineOption rate(QStringLiteral("rate"), tr("At most N requests a minute (default: what the server says)."),
                                  tr("N"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), tr("Seconds of silence before giving up on the server (default 15)."),
                                     tr("S"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), tr("Log each request and sync step to standard error."));
    parser.addOptions({ json, server, user, passwordStdin, offline, open, date, dataDir, rate, timeout, verbose });
    // report (issue 18).
    const QCommandLineOption to(QStringLiteral("to"), tr("report: the last day (default: --date)."), tr("YYYY-MM-DD"));
    const QCommandLineOption csv(QStringLiteral("csv"), tr("report: write the report as CSV to FILE."), tr("FILE"));
    const QCommandLineOption csvOrders(QStringLiteral("csv-orders"), tr("report: write the period's orders as CSV to FILE."), tr("FILE"));
    const QCommandLineOption csvLines(QStringLiteral("csv-lines"), tr("report: write the period's order lines as CSV to FILE."), tr("FILE"));
    const QCommandLineOption pdf(QStringLiteral("pdf"), tr("report: write the report as PDF to FILE."), tr("FILE"));
    parser.addOptions({ to, csv, csvOrders, csvLines, pdf });
    // A negative number is a value, not an option: `menu set-price 14 -5`
    // must reach the price check ("cannot be negative"), not be read as -5.
    // Marked here, unmarked once the parser has passed them on as positionals.
    const QChar kNumberMark(0x1);
    QStringList arguments = QCoreApplication::arguments();
    static const QRegularExpression number(QStringLiteral("^-[0-9.,]"));
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QStringLiteral("--"))
            break;
        if (number.match(arguments.at(i)).hasMatch())
            arguments[i].prepend(kNumberMark);
    }
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << "littlelemon-cli: " << parser.errorText() << Qt::endl;
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Ok;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << "littlelemon-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return Ok;
    }

    // A script's standard error is for what went wrong, not for progress
    // (QT_LOGGING_RULES still overrides this).
    if (!parser.isSet(verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("littlelemon.*.info=false\nlittlelemon.*.debug=false"));

    CliApp::Options options;
    options.args = parser.positionalArguments();
    for (QString &arg : options.args) {
        if (arg.startsWith(kNumberMark))
            arg.remove(0, 1);
    }
    options.json = parser.isSet(json);
    options.offline = parser.isSet(offline);
    options.passwordStdin = parser.isSet(passwordStdin);
    options.open = parser.isSet(open);
    options.server = parser.value(server);
    options.user = parser.value(user);
    options.date = parser.value(date);
    options.dataDir = parser.value(dataDir);
    options.to = parser.value(to);
    options.csv = parser.value(csv);
    options.csvOrders = parser.value(csvOrders);
    options.csvLines = parser.value(csvLines);
    options.pdf = parser.value(pdf);
    if (options.args.isEmpty()) {
        QTextStream(stderr) << parser.helpText();
        return Usage;
    }
    if (parser.isSet(date) && !QDate::fromString(options.date, Qt::ISODate).isValid()) {
        QTextStream(stderr) << "littlelemon-cli: " << tr("--date wants YYYY-MM-DD") << Qt::endl;
        return Usage;
    }
    bool ok = true;
    if (parser.isSet(rate)) {
        options.rate = parser.value(rate).toInt(&ok);
        if (!ok || options.rate < 1) {
            QTextStream(stderr) << "littlelemon-cli: " << tr("--rate wants a whole number of requests a minute") << Qt::endl;
            return Usage;
        }
    }
    if (parser.isSet(timeout)) {
        const int seconds = parser.value(timeout).toInt(&ok);
        if (!ok || seconds < 1) {
            QTextStream(stderr) << "littlelemon-cli: " << tr("--timeout wants a whole number of seconds") << Qt::endl;
            return Usage;
        }
        options.timeoutMs = seconds * 1000;
    }

    CliApp cli(options);
    QObject::connect(&cli, &CliApp::finished, &app, [](int code) { QCoreApplication::exit(code); });
    QMetaObject::invokeMethod(&cli, &CliApp::run, Qt::QueuedConnection);
    return QCoreApplication::exec();
}
