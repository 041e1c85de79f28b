#include "screenshotter.h"

#include "standaloneserver.h"

#include "api/client/apiclient.h"
#include "api/client/syncengine.h"
#include "ui/deskcontroller.h"
#include "ui/localserver.h"
#include "models/localstore.h"
#include "ui/mainwindow.h"
#include "ui/menupage.h"
#include "ui/orderboardpage.h"
#include "ui/outboxdialog.h"
#include "ui/page.h"
#include "ui/reportspage.h"
#include "ui/signindialog.h"
#include "ui/workspace.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPixmap>
#include <QTimer>

namespace LittleLemon::Desk {

Q_LOGGING_CATEGORY(lcShots, "littlelemon.desk.screenshots", QtInfoMsg)

namespace {
const char *const kPageNames[] = { "orders", "menu", "bookings", "staff" };
} // namespace

Screenshotter::Screenshotter(Ui::DeskController *controller, Ui::LocalServer *localServer, const QString &directory,
                             QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_local(localServer)
    , m_dir(directory)
{
    QDir().mkpath(directory);
    connect(controller, &Ui::DeskController::sessionOpened, this, &Screenshotter::onSessionOpened);
}

bool Screenshotter::save(const QPixmap &pixmap, const QString &name)
{
    const QString path = QDir(m_dir).filePath(name + QStringLiteral(".png"));
    if (!pixmap.save(path, "PNG")) {
        qCWarning(lcShots) << "cannot write" << path;
        m_ok = false;
        return false;
    }
    m_written << path;
    qCInfo(lcShots) << "wrote" << path;
    return true;
}

void Screenshotter::onSessionOpened(Ui::MainWindow *window)
{
    Client::SyncEngine *engine = m_controller->syncEngine();
    auto shootWhenSynced = [this, window, engine] {
        // The last sync has pulled everything: what a person sees a second later
        // (live, where the server pushes changes: the status bar says so).
        auto go = [this, window] { QTimer::singleShot(300, this, [this, window] { shoot(window); }); };
        if (engine->isLive() || !engine->client()->hasFeature(QStringLiteral("events"))) {
            go();
            return;
        }
        auto live = std::make_shared<QMetaObject::Connection>();
        *live = connect(engine, &Client::SyncEngine::liveChanged, this, [live, go](bool on) {
            if (!on)
                return;
            disconnect(*live);
            go();
        });
    };
    if (engine->lastSyncTime().isValid() && !engine->isSyncing()) {
        shootWhenSynced();
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(engine, &Client::SyncEngine::syncFinished, this,
                          [connection, shootWhenSynced](const Client::SyncReport &report) {
                              if (!report.ok)
                                  return;
                              disconnect(*connection);
                              shootWhenSynced();
                          });
}

void Screenshotter::shoot(Ui::MainWindow *window)
{
    window->resize(1366, 800);
    const QList<Ui::Page *> pages = window->pages();
    auto grabPage = [this, window, &pages](int i) {
        window->showPage(i);
        if (auto *board = qobject_cast<Ui::OrderBoardPage *>(pages.at(i)))
            board->activate();
        QApplication::processEvents();
        save(window->grab(), QString::fromLatin1(kPageNames[i]));
    };
    // The board first, while the desk is live and everything is sent.
    if (!pages.isEmpty())
        grabPage(0);
    // A little unsent work, so the pictures show how it looks: an item 86'd
    // until tonight and a new price, kept on this terminal (no more syncing).
    m_controller->syncEngine()->stop();
    LocalStore *store = m_controller->store();
    auto *menu = qobject_cast<Ui::MenuPage *>(window->page(Ui::MainWindow::MenuPageId));
    for (const auto &item : store->cache()->menuItems()) {
        if (item.record.title == QLatin1String("Bruschetta") && menu)
            menu->eightySix(item.record.id, true);
        if (item.record.title == QLatin1String("Greek Salad"))
            store->outbox()->setMenuItemPrice(item.record.id, item.record.price + Money(50));
    }
    for (int i = 1; i < pages.size() && i < int(std::size(kPageNames)); ++i)
        grabPage(i);
    // Issue 18: the day's report, once read from the server, and its PDF
    // (tools/screenshots renders the PDF's first page).
    if (auto *reports = qobject_cast<Ui::ReportsPage *>(window->page(Ui::MainWindow::ReportsPageId))) {
        window->showPage(Ui::MainWindow::ReportsPageId);
        bool shown = false;
        QEventLoop wait;
        connect(reports, &Ui::ReportsPage::reportShown, &wait, [&] {
            shown = true;
            wait.quit();
        });
        QTimer::singleShot(15000, &wait, &QEventLoop::quit);
        reports->refresh();
        if (!shown)
            wait.exec();
        QApplication::processEvents();
        save(window->grab(), QStringLiteral("reports"));
        reports->exportPdf(QDir(m_dir).filePath(QStringLiteral("report.pdf")));
    }
    window->showPage(0);

    auto *outbox = new Ui::OutboxDialog(m_controller->syncEngine(), m_controller->store(),
                                        m_controller->workspace()->outboxModel(), window);
    outbox->resize(980, 520);
    outbox->show();
    QApplication::processEvents();
    save(outbox->grab(), QStringLiteral("outbox"));
    delete outbox;

    // The dialog a person meets first, as a LAN terminal that cannot reach its server.
    Ui::SignInDialog signIn(m_local);
    signIn.setTarget({ Ui::ServerKind::Lan, QStringLiteral("192.168.1.10:8000") });
    signIn.setUsername(QStringLiteral("mario"));
    signIn.setKeepSignedIn(true);
    signIn.showError(Ui::SignInDialog::Field::Address,
                     tr("Cannot reach the server at 192.168.1.10:8000. Check that it is running and that this "
                        "computer is on the restaurant's network."));
    signIn.addressField()->deselect();
    signIn.resize(600, 10);
    signIn.show();
    QApplication::processEvents();
    save(signIn.grab(), QStringLiteral("sign-in"));
    shootFirstStart();
}

void Screenshotter::shootFirstStart()
{
    // What a new restaurant meets: this computer's server, empty, asking for
    // the restaurant and its first manager.
    auto dir = std::make_shared<QTemporaryDir>();
    StandaloneOptions options;
    options.dataDir = dir->filePath(QStringLiteral("new-restaurant"));
    auto *server = new StandaloneServer(options, this);
    connect(server, &Ui::LocalServer::stateChanged, this, [this, server, dir](Ui::LocalServer::State state) {
        if (state == Ui::LocalServer::State::Starting)
            return;
        if (state == Ui::LocalServer::State::Running) {
            Ui::SignInDialog setup(server);
            setup.resize(600, 10);
            setup.show();
            QApplication::processEvents();
            setup.restaurantField()->setText(QStringLiteral("Little Lemon Chicago"));
            setup.setupUsernameField()->setText(QStringLiteral("adrian"));
            setup.setupEmailField()->setText(QStringLiteral("adrian@littlelemon.example"));
            QApplication::processEvents();
            save(setup.grab(), QStringLiteral("first-start"));
        } else {
            m_ok = false;
        }
        server->deleteLater();
        Q_EMIT finished(m_ok);
    });
    server->start();
}

} // namespace LittleLemon::Desk
