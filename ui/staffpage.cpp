#include "ui/staffpage.h"

#include "models/localstore.h"
#include "models/staffmodel.h"
#include "ui/accountdialog.h"
#include "ui/localserver.h"
#include "ui/theme.h"
#include "ui/workspace.h"

#include <QAction>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

StaffPage::StaffPage(Workspace *workspace, QWidget *parent)
    : Page(parent)
    , m_workspace(workspace)
    , m_managers(new StaffModel(workspace->store(), kManagerGroup, this))
    , m_crew(new StaffModel(workspace->store(), kDeliveryCrewGroup, this))
    , m_kitchen(new StaffModel(workspace->store(), kKitchenGroup, this))
    , m_denied(new QLabel(this))
{
    setObjectName(QStringLiteral("staffPage"));
    m_denied->setProperty("role", QStringLiteral("hint"));
    m_denied->setWordWrap(true);
    m_denied->hide();

    auto *groups = new QHBoxLayout;
    // One word for each thing (issue 14): a person's sign-in is an "account"
    // (user name, email, password); Managers, Delivery crew and Kitchen are
    // the people with that role, named by groupTitle() here, in the outbox
    // and in refusals alike; the word "group" is the server's, never shown.
    groups->addWidget(makePanel(groupTitle(kManagerGroup), kManagerGroup, m_managers, &m_managerPanel), 1);
    groups->addWidget(makePanel(groupTitle(kDeliveryCrewGroup), kDeliveryCrewGroup, m_crew, &m_crewPanel), 1);
    // Our servers' extension: the kitchen's own role.
    m_kitchenBox = makePanel(groupTitle(kKitchenGroup), kKitchenGroup, m_kitchen, &m_kitchenPanel);
    groups->addWidget(m_kitchenBox, 1);
    connect(workspace, &Workspace::featuresChanged, this, &StaffPage::applyPermissions);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_denied);
    layout->addLayout(groups, 1);

    if (workspace->isStandalone() && workspace->localServer()) {
        auto *box = new QGroupBox(tr("Accounts on this computer"), this);
        m_accountsBox = box;
        m_accounts = new QTableWidget(0, 3, box);
        m_accounts->setObjectName(QStringLiteral("accountsTable"));
        m_accounts->setHorizontalHeaderLabels({ tr("User name"), tr("Role"), tr("Email") });
        m_accounts->verticalHeader()->hide();
        m_accounts->verticalHeader()->setDefaultSectionSize(Theme::touchRowHeight());
        m_accounts->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_accounts->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_accounts->setSelectionMode(QAbstractItemView::SingleSelection);
        m_accounts->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
        m_accounts->horizontalHeader()->resizeSection(0, 220);
        m_accounts->horizontalHeader()->resizeSection(1, 180);
        auto *create = new QPushButton(tr("New account…"), box);
        create->setObjectName(QStringLiteral("newAccountButton"));
        m_resetButton = new QPushButton(tr("Reset password…"), box);
        m_resetButton->setObjectName(QStringLiteral("resetPasswordButton"));
        m_activeButton = new QPushButton(tr("Deactivate"), box);
        m_activeButton->setObjectName(QStringLiteral("activeButton"));
        m_activeButton->setToolTip(tr("A deactivated account cannot sign in and is signed out of every terminal now."));
        m_signOutButton = new QPushButton(tr("Sign out everywhere"), box);
        m_signOutButton->setObjectName(QStringLiteral("signOutEverywhereButton"));
        m_signOutButton->setToolTip(tr("Every terminal where this person is signed in asks for the password again."));
        m_deleteButton = new QPushButton(tr("Delete account…"), box);
        m_deleteButton->setObjectName(QStringLiteral("deleteAccountButton"));
        connect(create, &QPushButton::clicked, this, &StaffPage::newAccount);
        connect(m_resetButton, &QPushButton::clicked, this, &StaffPage::resetPassword);
        connect(m_activeButton, &QPushButton::clicked, this, &StaffPage::toggleActive);
        connect(m_signOutButton, &QPushButton::clicked, this, &StaffPage::signOutEverywhere);
        connect(m_deleteButton, &QPushButton::clicked, this, &StaffPage::deleteAccount);
        connect(m_accounts, &QTableWidget::itemSelectionChanged, this, &StaffPage::updateButtons);
        auto *buttons = new QVBoxLayout;
        buttons->addWidget(create);
        buttons->addWidget(m_resetButton);
        buttons->addWidget(m_activeButton);
        buttons->addWidget(m_signOutButton);
        buttons->addWidget(m_deleteButton);
        buttons->addStretch();
        auto *boxLayout = new QHBoxLayout(box);
        boxLayout->addWidget(m_accounts, 1);
        boxLayout->addLayout(buttons);
        layout->addWidget(box, 1);
        connect(workspace->localServer(), &LocalServer::accountsChanged, this, &StaffPage::reloadAccounts);
        auto *newAccountAction = new QAction(tr("New account…"), this);
        newAccountAction->setShortcut(QKeySequence::New);
        newAccountAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(newAccountAction, &QAction::triggered, this, &StaffPage::newAccount);
        addAction(newAccountAction);
        reloadAccounts();
    } else {
        // Where sign-ins are taken back matters when someone leaves.
        auto *elsewhere = new QLabel(workspace->kind() == ServerKind::Cloud
                                         ? tr("Accounts are managed on the cloud's own site: this desk cannot deactivate "
                                              "or delete an account, reset a password or sign someone out there.")
                                         : tr("Accounts are managed on the restaurant's server with littlelemon-server "
                                              "user deactivate, delete or sign-out; this desk cannot do it from here."),
                                     this);
        elsewhere->setObjectName(QStringLiteral("accountsElsewhere"));
        elsewhere->setProperty("role", QStringLiteral("hint"));
        elsewhere->setWordWrap(true);
        layout->addWidget(elsewhere);
    }
    connect(workspace, &Workspace::featuresChanged, this, &StaffPage::applyPermissions);
    applyPermissions();
}

QWidget *StaffPage::makePanel(const QString &title, const QString &group, StaffModel *model, Panel *panel)
{
    auto *box = new QGroupBox(title, this);
    auto *sorted = new QSortFilterProxyModel(box);
    sorted->setSourceModel(model);
    sorted->setSortRole(StaffModel::SortKeyRole);
    sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    sorted->setDynamicSortFilter(true);
    sorted->sort(StaffModel::UsernameColumn);
    auto *view = new QTableView(box);
    view->setObjectName(group + QStringLiteral("-members"));
    view->setModel(sorted);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(Theme::touchRowHeight());
    // Three lists side by side: the email gets what the user name and the
    // (mostly empty) sync column leave (seen under Xvfb: "mario@exam…").
    view->horizontalHeader()->setSectionResizeMode(StaffModel::EmailColumn, QHeaderView::Stretch);
    view->horizontalHeader()->setSectionResizeMode(StaffModel::SyncColumn, QHeaderView::ResizeToContents);
    view->horizontalHeader()->resizeSection(StaffModel::UsernameColumn, 130);
    auto *add = new QLineEdit(box);
    add->setObjectName(group + QStringLiteral("-add"));
    add->setPlaceholderText(tr("User name to add"));
    auto *addButton = new QPushButton(tr("Add"), box);
    auto *removeButton = new QPushButton(tr("Remove from %1").arg(title), box);
    removeButton->setObjectName(group + QStringLiteral("-remove"));
    addButton->setObjectName(group + QStringLiteral("-addButton"));
    auto *error = new QLabel(box);
    error->setProperty("role", QStringLiteral("error"));
    error->setWordWrap(true);
    error->hide();
    connect(addButton, &QPushButton::clicked, this, [this, group, add] { addMember(group, add->text()); });
    connect(add, &QLineEdit::returnPressed, this, [this, group, add] { addMember(group, add->text()); });
    connect(removeButton, &QPushButton::clicked, this, [this, group] { confirmRemove(group); });
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &StaffPage::updateButtons);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(add, 1);
    addRow->addWidget(addButton);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(view, 1);
    layout->addLayout(addRow);
    layout->addWidget(error);
    layout->addWidget(removeButton);
    *panel = Panel { group, model, view, add, addButton, removeButton, error };
    return box;
}

const StaffPage::Panel *StaffPage::panel(const QString &group) const
{
    if (group == kKitchenGroup)
        return &m_kitchenPanel;
    return group == kManagerGroup ? &m_managerPanel : group == kDeliveryCrewGroup ? &m_crewPanel : nullptr;
}

QLineEdit *StaffPage::addField(const QString &group) const
{
    const Panel *p = panel(group);
    return p ? p->add : nullptr;
}

QTableView *StaffPage::view(const QString &group) const
{
    const Panel *p = panel(group);
    return p ? p->view : nullptr;
}

void StaffPage::activate()
{
    m_managerPanel.view->setFocus(Qt::OtherFocusReason);
}

void StaffPage::applyPermissions()
{
    const Verdict see = m_workspace->permissions().seeStaff();
    m_denied->setText(see ? QString() : see.reason);
    m_denied->setVisible(!see);
    m_kitchenBox->setVisible(m_workspace->hasFeature(QStringLiteral("kitchen")));
    for (const Panel *p : { &m_managerPanel, &m_crewPanel, &m_kitchenPanel }) {
        applyVerdict(p->add, see);
        applyVerdict(p->addButton, see, tr("Add the person with this user name to %1").arg(groupTitle(p->group)));
    }
    if (m_accountsBox)
        applyVerdict(m_accountsBox, m_workspace->permissions().manageAccounts());
    updateButtons();
}

void StaffPage::updateButtons()
{
    const bool may = m_workspace->permissions().seeStaff().allowed;
    for (const Panel *p : { &m_managerPanel, &m_crewPanel, &m_kitchenPanel })
        p->removeButton->setEnabled(may && p->view->currentIndex().isValid());
    if (m_resetButton) {
        const bool selected = m_accounts->currentRow() >= 0;
        // One's own account stays: deactivating it here would lock the desk out.
        const bool other = selected && selectedAccount() != m_workspace->user().username;
        m_resetButton->setEnabled(selected);
        m_activeButton->setEnabled(other);
        m_activeButton->setText(selected && !selectedActive() ? tr("Activate") : tr("Deactivate"));
        m_deleteButton->setEnabled(other);
        m_signOutButton->setEnabled(other);
    }
}

QString StaffPage::selectedAccount() const
{
    const int row = m_accounts ? m_accounts->currentRow() : -1;
    return row >= 0 ? m_accounts->item(row, 0)->text() : QString();
}

bool StaffPage::selectedActive() const
{
    const int row = m_accounts ? m_accounts->currentRow() : -1;
    return row < 0 || m_accounts->item(row, 0)->data(Qt::UserRole).toBool();
}

void StaffPage::change(const QString &username, int what, const QString &doneMessage)
{
    LocalServer *server = m_workspace->localServer();
    if (!server || username.isEmpty())
        return;
    if (const Verdict v = m_workspace->permissions().manageAccounts(); !v) {
        Q_EMIT statusMessage(v.reason);
        return;
    }
    server->changeAccount(username, LocalServer::AccountChange(what), this, [this, doneMessage](const QString &error) {
        Q_EMIT statusMessage(error.isEmpty() ? doneMessage : error);
        if (error.isEmpty())
            m_workspace->syncNow(); // the staff groups may have changed
    });
}

void StaffPage::toggleActive()
{
    const QString username = selectedAccount();
    if (selectedActive())
        change(username, int(LocalServer::AccountChange::Deactivate),
               tr("%1 is deactivated and signed out of every terminal.").arg(username));
    else
        change(username, int(LocalServer::AccountChange::Activate), tr("%1 may sign in again.").arg(username));
}

void StaffPage::signOutEverywhere()
{
    const QString username = selectedAccount();
    change(username, int(LocalServer::AccountChange::SignOutEverywhere),
           tr("%1 is signed out of every terminal.").arg(username));
}

void StaffPage::deleteAccount()
{
    const QString username = selectedAccount();
    if (username.isEmpty())
        return;
    auto *ask = new QMessageBox(QMessageBox::Warning, tr("Delete account"),
                                tr("Delete the account %1? They are signed out everywhere and cannot sign in again. "
                                   "Their orders and bookings keep the name.")
                                    .arg(username),
                                QMessageBox::Cancel, this);
    auto *yes = ask->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    ask->setDefaultButton(QMessageBox::Cancel);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [this, ask, yes, username] {
        if (ask->clickedButton() == yes)
            change(username, int(LocalServer::AccountChange::Delete), tr("Account %1 deleted.").arg(username));
    });
    ask->open();
}

bool StaffPage::addMember(const QString &group, const QString &username)
{
    const Panel *p = panel(group);
    if (!p)
        return false;
    p->error->hide();
    if (const Verdict v = m_workspace->permissions().seeStaff(); !v) {
        Q_EMIT statusMessage(v.reason);
        return false;
    }
    const QString name = username.trimmed();
    if (name.isEmpty()) {
        p->error->setText(tr("Type the user name of the person to add."));
        p->error->show();
        return false;
    }
    // The id is known when the person is in the other group already.
    qint64 known = 0;
    QString email;
    for (const auto &m : m_workspace->store()->cache()->groupMembers()) {
        if (m.record.username.compare(name, Qt::CaseInsensitive) == 0 && m.record.userId > 0) {
            known = m.record.userId;
            email = m.record.email;
        }
    }
    const LocalEdit edit = m_workspace->store()->outbox()->addGroupMember(group, name, known, email);
    if (!edit) {
        p->error->setText(edit.error);
        p->error->show();
        return false;
    }
    p->add->clear();
    m_workspace->syncNow();
    Q_EMIT statusMessage(tr("%1 added; the server confirms it with the next sync.").arg(name));
    return true;
}

void StaffPage::confirmRemove(const QString &group)
{
    const Panel *p = panel(group);
    if (!p || !p->view->currentIndex().isValid())
        return;
    const qint64 id = p->view->currentIndex().data(StaffModel::IdRole).toLongLong();
    const QString name = p->view->currentIndex().data(StaffModel::UsernameRole).toString();
    // Taking someone out of the crew changes what they may do at once: ask.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove from %1").arg(groupTitle(group)),
                                tr("Remove %1 from %2? They keep their account.").arg(name, groupTitle(group)),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRemove"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, group, id](int result) {
        const Panel *p = panel(group);
        if (result != QMessageBox::Yes || !p)
            return;
        // The selection may have moved while the question was open.
        QAbstractItemModel *shown = p->view->model();
        const QModelIndexList found = shown->match(shown->index(0, 0), StaffModel::IdRole, id, 1, Qt::MatchExactly);
        if (found.isEmpty())
            return; // gone meanwhile
        p->view->setCurrentIndex(found.first());
        removeSelected(group);
    });
    box->open();
}

bool StaffPage::removeSelected(const QString &group)
{
    const Panel *p = panel(group);
    if (!p || !p->view->currentIndex().isValid())
        return false;
    const qint64 id = p->view->currentIndex().data(StaffModel::IdRole).toLongLong();
    const QString name = p->view->currentIndex().data(StaffModel::UsernameRole).toString();
    const LocalEdit edit = m_workspace->store()->outbox()->removeGroupMember(group, id);
    if (!edit) {
        p->error->setText(edit.error);
        p->error->show();
        return false;
    }
    m_workspace->syncNow();
    Q_EMIT statusMessage(tr("%1 removed from %2.").arg(name, groupTitle(group)));
    return true;
}

void StaffPage::reloadAccounts()
{
    LocalServer *server = m_workspace->localServer();
    if (!server || !m_accounts)
        return;
    server->listAccounts(this, [this](const QList<LocalServer::Account> &accounts, const QString &error) {
        const QString current = m_accounts->currentRow() >= 0 ? m_accounts->item(m_accounts->currentRow(), 0)->text()
                                                              : QString();
        m_accounts->setRowCount(0);
        if (!error.isEmpty()) {
            Q_EMIT statusMessage(error);
            return;
        }
        for (const LocalServer::Account &a : accounts) {
            const int row = m_accounts->rowCount();
            m_accounts->insertRow(row);
            auto *name = new QTableWidgetItem(a.username);
            name->setData(Qt::UserRole, a.active);
            m_accounts->setItem(row, 0, name);
            QString role = displayName(a.role);
            if (a.role == Role::Admin && a.isManager)
                role = tr("%1 and %2").arg(role, displayName(Role::Manager));
            if (!a.active)
                role = tr("%1 (deactivated)").arg(role);
            m_accounts->setItem(row, 1, new QTableWidgetItem(role));
            m_accounts->setItem(row, 2, new QTableWidgetItem(a.email));
            if (a.username == current)
                m_accounts->selectRow(row);
        }
        updateButtons();
    });
}

void StaffPage::newAccount()
{
    LocalServer *server = m_workspace->localServer();
    if (!server)
        return;
    if (const Verdict v = m_workspace->permissions().manageAccounts(); !v) {
        Q_EMIT statusMessage(v.reason);
        return;
    }
    auto *dialog = new AccountDialog(server, AccountDialog::Mode::Create, QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        Q_EMIT statusMessage(tr("Account %1 created.").arg(dialog->usernameField()->text().trimmed()));
        // The staff groups come from the server: read them again.
        m_workspace->syncNow();
    });
    dialog->open();
}

void StaffPage::resetPassword()
{
    LocalServer *server = m_workspace->localServer();
    if (!server || !m_accounts || m_accounts->currentRow() < 0)
        return;
    const QString username = m_accounts->item(m_accounts->currentRow(), 0)->text();
    auto *dialog = new AccountDialog(server, AccountDialog::Mode::ResetPassword, username, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, username] { Q_EMIT statusMessage(tr("New password set for %1.").arg(username)); });
    dialog->open();
}

} // namespace LittleLemon::Ui
