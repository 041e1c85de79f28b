#pragma once

#include "ui/page.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTableWidget;

namespace LittleLemon {
class StaffModel;
}

namespace LittleLemon::Ui {

class Workspace;

// Who works here (managers and administrators): the members of the manager
// and delivery-crew groups, added by user name and removed with one button,
// as local edits through the outbox. In standalone mode the accounts
// themselves too: create one, reset a password, deactivate, delete, sign
// out of every terminal. Elsewhere the page says where that is done.
class StaffPage : public Page
{
    Q_OBJECT

public:
    explicit StaffPage(Workspace *workspace, QWidget *parent = nullptr);

    QString title() const override { return tr("Staff"); }
    void activate() override;

    StaffModel *managers() const { return m_managers; }
    StaffModel *crew() const { return m_crew; }
    QLineEdit *addField(const QString &group) const;
    QTableView *view(const QString &group) const;
    // Adds `username` to `group` (a local edit); false with a status message.
    bool addMember(const QString &group, const QString &username);
    bool removeSelected(const QString &group);
    // The remove button: asks first ("confirmRemove"), then removeSelected().
    void confirmRemove(const QString &group);
    QTableWidget *accountsTable() const { return m_accounts; }
    void reloadAccounts();
    void newAccount();
    void resetPassword();
    // Standalone only: the selected account. Deactivating, deleting (after
    // a question) and signing out take effect on every terminal at once.
    void toggleActive();
    void deleteAccount();
    void signOutEverywhere();
    QPushButton *activeButton() const { return m_activeButton; }

private:
    struct Panel
    {
        QString group;
        StaffModel *model;
        QTableView *view;
        QLineEdit *add;
        QPushButton *addButton;
        QPushButton *removeButton;
        QLabel *error;
    };
    QWidget *makePanel(const QString &title, const QString &group, StaffModel *model, Panel *panel);
    const Panel *panel(const QString &group) const;
    void applyPermissions();
    void updateButtons();
    QString selectedAccount() const;
    bool selectedActive() const;
    void change(const QString &username, int what, const QString &doneMessage);

    Workspace *m_workspace;
    StaffModel *m_managers;
    StaffModel *m_crew;
    StaffModel *m_kitchen;
    Panel m_managerPanel;
    Panel m_crewPanel;
    Panel m_kitchenPanel;
    QWidget *m_kitchenBox = nullptr;
    QLabel *m_denied;
    QWidget *m_accountsBox = nullptr;
    QTableWidget *m_accounts = nullptr;
    QPushButton *m_resetButton = nullptr;
    QPushButton *m_activeButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_signOutButton = nullptr;
};

} // namespace LittleLemon::Ui
