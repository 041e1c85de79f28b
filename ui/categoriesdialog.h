#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace LittleLemon {
class LocalStore;
class CategoryModel;
class Permissions;
} // namespace LittleLemon

namespace LittleLemon::Ui {

// The menu's categories: rename inline, add new ones (administrators; the
// server's rule). Unsent changes are marked like everywhere else.
class CategoriesDialog : public QDialog
{
    Q_OBJECT

public:
    CategoriesDialog(LocalStore *store, CategoryModel *model, const Permissions &permissions, QWidget *parent = nullptr);

    QLineEdit *newTitleField() const { return m_newTitle; }
    QTableView *view() const { return m_view; }
    bool addCategory(const QString &title);

private:
    LocalStore *m_store;
    QTableView *m_view;
    QLineEdit *m_newTitle;
    QPushButton *m_add;
    QLabel *m_error;
};

} // namespace LittleLemon::Ui
