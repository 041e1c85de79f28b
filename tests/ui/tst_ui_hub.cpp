// Issue 19: a desk signed in to a hub shows the hub's link to the cloud in
// its status bar. A real littlelemon-server is started with --upstream
// pointing at a loopback port nobody listens on (the cloud is down from the
// start); the desk (offscreen) signs in to it through the real dialog and
// its status bar's "upstreamStatus" label says "Cloud: offline since HH:MM,
// 0 changes waiting" after the first sync, without waiting for the 15 s poll.

#include "deskfixture.h"
#include "testserver.h"

#include "ui/elidedlabel.h"
#include "ui/syncstatuswidget.h"

#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;

namespace {
const QString kManager = QStringLiteral("hub_desk_mgr");
const QString kPassword = QStringLiteral("HubDeskManager#1");
} // namespace

class TestUiHub : public QObject
{
    Q_OBJECT

private slots:
    void statusBarShowsTheHubsCloudOffline();
};

void TestUiHub::statusBarShowsTheHubsCloudOffline()
{
    // A port that refuses: bound, read, closed.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    QTemporaryDir dir;
    const QString passwordFile = dir.filePath(QStringLiteral("upstream.password"));
    QFile f(passwordFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("CloudNeverSeen#1\n");
    f.close();

    TestServer hub;
    QVERIFY2(hub.start({ QStringLiteral("--upstream"), QStringLiteral("http://127.0.0.1:%1").arg(closedPort),
                         QStringLiteral("--upstream-user"), QStringLiteral("hub_mario"),
                         QStringLiteral("--upstream-password-file"), passwordFile }),
             qPrintable(hub.errorString()));
    QVERIFY(hub.addUser(kManager, QStringLiteral("manager"), kPassword));

    DeskFixture desk;
    desk.makeController(false, false);
    QVERIFY2(desk.signIn(kManager, kPassword, false, hub.url().toString()), qPrintable(desk.errorString()));
    auto *status = desk.window()->findChild<Ui::SyncStatusWidget *>();
    QVERIFY(status);
    auto *label = desk.window()->findChild<Ui::ElidedLabel *>(QStringLiteral("upstreamStatus"));
    QVERIFY(label);
    // Read after the first sync (and every 15 s after): no waiting for the poll.
    QTRY_VERIFY_WITH_TIMEOUT(label->isVisibleTo(desk.window()), 10000);
    const QRegularExpression offline(QStringLiteral("^Cloud: offline since \\d\\d:\\d\\d, 0 changes waiting$"));
    QTRY_VERIFY2_WITH_TIMEOUT(offline.match(label->fullText()).hasMatch(), qPrintable(label->fullText()), 10000);
    QCOMPARE(status->upstreamText(), label->fullText());
    // The hub itself is reachable: the desk's own sync is fine.
    QVERIFY(desk.engine()->isOnline());
}

LL_UI_TEST_MAIN(TestUiHub)
#include "tst_ui_hub.moc"
