#include "ui/accountdialog.h"

#include "ui/localserver.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace LittleLemon::Ui {

AccountDialog::AccountDialog(LocalServer *server, Mode mode, const QString &username, QWidget *parent)
    : QDialog(parent)
    , m_server(server)
    , m_mode(mode)
    , m_username(new QLineEdit(username, this))
    , m_email(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_password(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_ok(new QPushButton(mode == Mode::Create ? tr("Create the account") : tr("Set the password"), this))
{
    setObjectName(QStringLiteral("accountDialog"));
    setWindowTitle(mode == Mode::Create ? tr("New account") : tr("New password for %1").arg(username));
    for (Role r : { Role::DeliveryCrew, Role::Kitchen, Role::Manager, Role::Admin, Role::Customer })
        m_role->addItem(displayName(r), int(r));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("at least 8 characters, not only digits"));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_error->setObjectName(QStringLiteral("accountError"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout(this);
    if (mode == Mode::Create) {
        form->addRow(tr("User name"), m_username);
        form->addRow(tr("Email"), m_email);
        form->addRow(tr("Role"), m_role);
    } else {
        m_username->setReadOnly(true);
        m_email->hide();
        m_role->hide();
        form->addRow(tr("User name"), m_username);
    }
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Password again"), m_repeat);
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok->setDefault(true);
    buttons->addButton(m_ok, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(460, height());
}

QString AccountDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void AccountDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void AccountDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *> { m_username, m_email, m_role, m_password, m_repeat, m_ok })
        w->setEnabled(!busy);
}

void AccountDialog::accept()
{
    if (m_busy)
        return;
    showError(QString());
    const QString username = m_username->text().trimmed();
    if (username.isEmpty()) {
        showError(tr("Choose a user name."));
        return;
    }
    if (m_password->text() != m_repeat->text()) {
        showError(tr("The two passwords are not the same."));
        return;
    }
    setBusy(true);
    auto done = [this](const QString &error) {
        setBusy(false);
        if (!error.isEmpty()) {
            showError(error);
            return;
        }
        QDialog::accept();
    };
    if (m_mode == Mode::Create) {
        LocalServer::Account account;
        account.username = username;
        account.email = m_email->text().trimmed();
        account.role = Role(m_role->currentData().toInt());
        m_server->createAccount(account, m_password->text(), this, done);
    } else {
        m_server->resetPassword(username, m_password->text(), this, done);
    }
}

} // namespace LittleLemon::Ui
