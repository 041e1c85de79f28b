#pragma once

#include <QDialog>

class QMainWindow;
class QTableWidget;

namespace LittleLemon::Ui {

// Every keyboard shortcut of the window and its pages, in one table.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QMainWindow *window);

    int rowCount() const;
    // The shortcut listed for an action text, empty if none.
    QString shortcutFor(const QString &what) const;

private:
    QTableWidget *m_table;
};

} // namespace LittleLemon::Ui
