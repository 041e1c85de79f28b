#pragma once

#include "ui/page.h"

#include <QList>
#include <QVariant>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
class QToolButton;

namespace LittleLemon::Ui {

class EightySixSchedule;
class ElidedLabel;
class MenuFilterModel;
class MenuItemDelegate;
class Workspace;

// The menu editor: items filtered by category and a search, edited in
// place (title, price validated as typed, category, featured, available),
// one-click 86 — until put back, or until the end of the day — and add,
// delete and categories where the role allows. Managers edit, others read.
// Every change is a local edit; unsent rows are tinted until the server has them.
class MenuPage : public Page
{
    Q_OBJECT

public:
    explicit MenuPage(Workspace *workspace, QWidget *parent = nullptr);

    QString title() const override { return tr("Menu"); }
    void activate() override;

    QTableView *view() const { return m_view; }
    MenuFilterModel *filterModel() const { return m_filter; }
    QComboBox *categoryFilter() const { return m_category; }
    QLineEdit *searchField() const { return m_search; }
    EightySixSchedule *schedule() const { return m_schedule; }
    QToolButton *eightySixButton() const { return m_86Button; }
    QAction *untilEndOfDayAction() const { return m_untilTonight; }

    qint64 currentItem() const;
    bool selectItem(qint64 menuItemId);
    // Takes an item off (until the end of the day when asked) or puts it back.
    bool eightySix(qint64 menuItemId, bool untilEndOfDay);
    bool putBack(qint64 menuItemId);
    // What the 86 button does for the selected item.
    void toggleEightySix();
    // Puts back what the last edit made in the table changed (Ctrl+Z).
    bool undoLastEdit();
    QAction *undoAction() const { return m_undoAction; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Edit
    {
        qint64 item;
        int column;
        QVariant before;
    };

    void reloadCategories();
    void applyPermissions();
    void updateButtons();
    void showError(const QString &message);
    void addItem();
    void deleteItem();
    void editCategories();

    Workspace *m_workspace;
    EightySixSchedule *m_schedule;
    MenuFilterModel *m_filter;
    MenuItemDelegate *m_delegate;
    QComboBox *m_category;
    QLineEdit *m_search;
    QTableView *m_view;
    ElidedLabel *m_limits = nullptr;
    QLabel *m_readOnly;
    QLabel *m_error;
    QTimer *m_errorTimer;
    QToolButton *m_86Button;
    QPushButton *m_addButton;
    QPushButton *m_deleteButton;
    QPushButton *m_categoriesButton;
    QAction *m_86Action;
    QAction *m_untilTonight;
    QAction *m_addAction;
    QAction *m_deleteAction;
    QAction *m_undoAction;
    QList<Edit> m_undo;
};

} // namespace LittleLemon::Ui
