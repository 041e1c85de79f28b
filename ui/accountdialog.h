#pragma once

#include "models/user.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace LittleLemon::Ui {

class LocalServer;

// Standalone mode's account administration, done by the server on this
// computer: a new account (name, e-mail, role, password) or a new password
// for an existing one. The password rules are the server's (Django's).
class AccountDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Create, ResetPassword };

    AccountDialog(LocalServer *server, Mode mode, const QString &username = QString(), QWidget *parent = nullptr);

    QLineEdit *usernameField() const { return m_username; }
    QLineEdit *emailField() const { return m_email; }
    QComboBox *roleField() const { return m_role; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *repeatField() const { return m_repeat; }
    QString errorText() const;
    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void accept() override;

private:
    void setBusy(bool busy);
    void showError(const QString &message);

    LocalServer *m_server;
    Mode m_mode;
    QLineEdit *m_username;
    QLineEdit *m_email;
    QComboBox *m_role;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_error;
    QPushButton *m_ok;
    bool m_busy = false;
};

} // namespace LittleLemon::Ui
