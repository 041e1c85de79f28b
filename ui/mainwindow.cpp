#include "ui/mainwindow.h"

#include "models/user.h"
#include "ui/language.h"
#include "ui/page.h"
#include "ui/shortcutsdialog.h"
#include "ui/workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

namespace LittleLemon::Ui {

MainWindow::MainWindow(Workspace *workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_stack(new QStackedWidget(this))
    , m_pageGroup(new QActionGroup(this))
    , m_identity(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // The system adds " — Little Lemon Desk" (the application's display name).
    setWindowTitle(workspace->serverName());
    setWindowIcon(QIcon(QStringLiteral(":/icons/littlelemon-desk-256.png")));
    setCentralWidget(m_stack);
    resize(1366, 800);

    m_pageBar = addToolBar(tr("Pages"));
    m_pageBar->setObjectName(QStringLiteral("pageBar"));
    m_pageBar->setMovable(false);
    m_pageBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QFont barFont = m_pageBar->font();
    barFont.setPointSizeF(barFont.pointSizeF() * 1.15);
    barFont.setBold(true);
    m_pageBar->setFont(barFont);
    m_pageGroup->setExclusive(true);

    m_deskMenu = menuBar()->addMenu(tr("&Desk"));
    m_syncNow = new QAction(tr("Sync now"), this);
    m_syncNow->setShortcut(QKeySequence::Refresh);
    connect(m_syncNow, &QAction::triggered, workspace, &Workspace::syncNow);
    m_deskMenu->addAction(m_syncNow);
    m_deskMenu->addSeparator();
    m_signOut = new QAction(tr("Sign out"), this);
    m_signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    m_deskMenu->addAction(m_signOut);
    m_deskMenu->addMenu(Language::createMenu(this));
    auto *quit = new QAction(tr("Quit"), this);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    m_deskMenu->addAction(quit);

    m_goMenu = menuBar()->addMenu(tr("&Go"));

    QMenu *help = m_helpMenu = menuBar()->addMenu(tr("&Help"));
    auto *shortcuts = new QAction(tr("Keyboard shortcuts"), this);
    shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    help->addAction(shortcuts);
    auto *about = new QAction(tr("About Little Lemon Desk"), this);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    help->addAction(about);

    const User &user = workspace->user();
    m_identity->setObjectName(QStringLiteral("identity"));
    m_identity->setText(tr("%1 · %2 · %3").arg(user.username, displayName(user.role()), workspace->serverName()));
    statusBar()->addWidget(m_identity);
    statusBar()->setSizeGripEnabled(false);

    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::onPageChanged);
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(Page *page)
{
    const int id = int(m_pages.size());
    m_pages.append(page);
    m_stack->addWidget(page);
    auto *action = new QAction(page->title(), this);
    action->setObjectName(QStringLiteral("page-%1").arg(id + 1));
    action->setCheckable(true);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + id)));
    action->setToolTip(tr("%1 (%2)").arg(page->title(), action->shortcut().toString(QKeySequence::NativeText)));
    m_pageGroup->addAction(action);
    m_pageBar->addAction(action);
    if (QWidget *button = m_pageBar->widgetForAction(action))
        button->setMinimumSize(140, 44);
    m_goMenu->addAction(action);
    connect(action, &QAction::triggered, this, [this, id] { showPage(id); });
    m_pageActions.append(action);

    // The page's own actions get a menu of their own, shown with the page.
    QMenu *menu = nullptr;
    for (QAction *a : page->actions()) {
        if (!menu) {
            menu = new QMenu(page->title(), this);
            // A disabled entry's tooltip says why it is disabled.
            menu->setToolTipsVisible(true);
            menuBar()->insertMenu(m_helpMenu->menuAction(), menu);
        }
        menu->addAction(a);
    }
    m_pageMenus.append(menu);
    if (menu)
        menu->menuAction()->setVisible(m_stack->currentWidget() == page);
    connect(page, &Page::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    if (m_pages.size() == 1)
        onPageChanged(0);
}

int MainWindow::currentPage() const
{
    return m_stack->currentIndex();
}

void MainWindow::showPage(int id)
{
    if (id < 0 || id >= m_pages.size())
        return;
    if (!m_pageActions.at(id)->isEnabled()) {
        statusBar()->showMessage(m_pageActions.at(id)->toolTip(), 5000);
        return;
    }
    m_stack->setCurrentIndex(id);
    m_pages.at(id)->activate();
}

void MainWindow::setPageAllowed(int id, bool allowed, const QString &why)
{
    QAction *action = m_pageActions.value(id);
    if (!action)
        return;
    action->setEnabled(allowed);
    action->setToolTip(allowed ? tr("%1 (%2)").arg(m_pages.at(id)->title(),
                                                    action->shortcut().toString(QKeySequence::NativeText))
                               : why);
    if (!allowed && currentPage() == id)
        showPage(OrdersPageId);
}

void MainWindow::onPageChanged(int index)
{
    for (int i = 0; i < m_pageMenus.size(); ++i) {
        if (QMenu *menu = m_pageMenus.at(i))
            menu->menuAction()->setVisible(i == index);
    }
    if (QAction *a = m_pageActions.value(index))
        a->setChecked(true);
}

void MainWindow::restoreState()
{
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1366, 800);
    // Never larger than the screen it opens on (a 1366×768 laptop, or a
    // geometry saved on a bigger monitor): what is off screen cannot be used.
    if (const QScreen *screen = this->screen()) {
        const QSize room = screen->availableGeometry().size();
        if (width() > room.width() || height() > room.height())
            resize(size().boundedTo(room));
    }
    QMainWindow::restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    const int page = s.value(QStringLiteral("window/page"), int(OrdersPageId)).toInt();
    if (page >= 0 && page < m_pages.size() && m_pageActions.at(page)->isEnabled())
        showPage(page);
    else
        showPage(OrdersPageId);
}

void MainWindow::saveState()
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), QMainWindow::saveState());
    s.setValue(QStringLiteral("window/page"), currentPage());
}

void MainWindow::addStatusWidget(QWidget *widget)
{
    statusBar()->addPermanentWidget(widget);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(this);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About Little Lemon Desk"),
                                tr("<b>Little Lemon Desk %1</b><p>The staff terminal of the Little Lemon "
                                   "restaurant: orders, menu, bookings and staff, working offline and in sync.</p>")
                                    .arg(QApplication::applicationVersion()),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace LittleLemon::Ui
