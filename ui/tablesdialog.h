#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace LittleLemon::Ui {

class Workspace;

// The dining room's tables, for managers (our server's "tables" extension):
// add a table with its seats, rename it or change its seats in the list
// (F2 or a double click), remove it. Each change is a local edit sent
// through the outbox, as everywhere.
class TablesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TablesDialog(Workspace *workspace, QWidget *parent = nullptr);

    QLineEdit *nameField() const { return m_name; }
    QSpinBox *seatsField() const { return m_seats; }
    QTableView *view() const { return m_view; }
    QString errorText() const;

    bool addTable(const QString &name, int seats);
    // Without asking: the dialog's button asks first.
    bool removeTable(qint64 id);

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void showError(const QString &message);
    void confirmRemove();
    void updateButtons();

    Workspace *m_workspace;
    QTableView *m_view;
    QLineEdit *m_name;
    QSpinBox *m_seats;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_error;
};

} // namespace LittleLemon::Ui
