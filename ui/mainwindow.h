#pragma once

#include <QList>
#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace LittleLemon::Ui {

class OrderBoardPage;
class Page;
class Workspace;

// The staff terminal's window: a row of big page buttons (Ctrl+1..5), the
// pages, a menu per page with its actions, and the status bar (who is signed
// in, and the sync status someone adds with addStatusWidget()). Remembers
// its geometry and last page.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum PageId { OrdersPageId, MenuPageId, BookingsPageId, StaffPageId, ReportsPageId };

    explicit MainWindow(Workspace *workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    Workspace *workspace() const { return m_workspace; }
    // Adds a page (in PageId order); its button gets Ctrl+<n>.
    void addPage(Page *page);
    QList<Page *> pages() const { return m_pages; }
    Page *page(int id) const { return m_pages.value(id); }
    int currentPage() const;
    void showPage(int id);
    QAction *pageAction(int id) const { return m_pageActions.value(id); }
    // Disables the page's button with a tooltip saying why.
    void setPageAllowed(int id, bool allowed, const QString &why);
    // Restores the geometry and the page last shown (call after adding pages).
    void restoreState();
    void addStatusWidget(QWidget *widget);
    // The "Desk" menu, for actions the wiring adds (serve the network, ...).
    QMenu *deskMenu() const { return m_deskMenu; }
    QAction *signOutAction() const { return m_signOut; }
    QAction *syncNowAction() const { return m_syncNow; }

public Q_SLOTS:
    void showShortcuts();
    void showAbout();

Q_SIGNALS:
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void saveState();
    void onPageChanged(int index);

    Workspace *m_workspace;
    QStackedWidget *m_stack;
    QToolBar *m_pageBar = nullptr;
    QActionGroup *m_pageGroup;
    QList<Page *> m_pages;
    QList<QAction *> m_pageActions;
    QList<QMenu *> m_pageMenus;
    QMenu *m_deskMenu;
    QMenu *m_goMenu;
    QMenu *m_helpMenu;
    QAction *m_signOut;
    QAction *m_syncNow;
    QLabel *m_identity;
};

} // namespace LittleLemon::Ui
