#pragma once

#include "ui/localserver.h"
#include "ui/workspace.h"

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace LittleLemon::Ui {

// Where to sign in, as the person chose it.
struct SignInTarget
{
    ServerKind kind = ServerKind::Standalone;
    QString address; // "192.168.1.10:8000" or "https://…"; empty for standalone
    // The cloud over http:// at an address other than this computer's: only
    // when the person said so (behind a proxy they trust).
    bool allowPlainHttp = false;
};

// The first thing a person sees: where the restaurant's data lives ("This
// computer", "A Little Lemon server on this network" with its address, or
// "Little Lemon cloud" with its URL), then user name, password and "keep me
// signed in". Problems appear in words under the field they are about. On a
// first standalone start it creates the restaurant and its first manager
// instead. The dialog does no network work itself: it asks (signals) and is
// told (showError, setBusy) by whoever runs the sign-in.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Field { Address, Username, Password, Repeat, RestaurantName, General };
    Q_ENUM(Field)

    explicit SignInDialog(LocalServer *localServer, QWidget *parent = nullptr);

    SignInTarget target() const;
    // Chooses the target; an empty address keeps what the field holds.
    void setTarget(const SignInTarget &target);
    // Nothing chosen yet (a first start): the person picks where data lives.
    void clearTarget();
    bool hasTarget() const;
    void setAddresses(const QString &lanAddress, const QString &cloudUrl);
    QString username() const;
    void setUsername(const QString &username);
    bool keepSignedIn() const;
    void setKeepSignedIn(bool keep);
    // Without a keychain "keep me signed in" cannot keep anything: it is
    // unticked, disabled and the dialog says why.
    void setKeychainAvailable(bool available);

    // Shows `message` under `field` (General: under the buttons).
    void showError(Field field, const QString &message);
    QString errorText(Field field) const;
    void clearErrors();
    // A sentence above the form ("You were signed out: …").
    void setNotice(const QString &message);
    void setBusy(bool busy, const QString &what = QString());
    bool isBusy() const { return m_busy; }
    // The server's certificate is not vouched for: offer to trust it.
    void offerTrust(const QString &fingerprint);
    // The restaurant-creating form is showing (first standalone start).
    bool isSetupMode() const;

    // For tests and keyboard users: the fields.
    QLineEdit *addressField() const;
    QLineEdit *usernameField() const { return m_username; }
    QLineEdit *passwordField() const { return m_password; }
    QPushButton *signInButton() const { return m_go; }

    QLineEdit *restaurantField() const { return m_restaurant; }
    QLineEdit *setupUsernameField() const { return m_setupUser; }
    QLineEdit *setupEmailField() const { return m_setupEmail; }
    QLineEdit *setupPasswordField() const { return m_setupPassword; }
    QLineEdit *setupRepeatField() const { return m_setupRepeat; }

public Q_SLOTS:
    // Sign in (or create the restaurant) with what is filled in.
    void submit();

Q_SIGNALS:
    void signInRequested(const LittleLemon::Ui::SignInTarget &target, const QString &username,
                         const QString &password, bool keepSignedIn);
    void setupRequested(const QString &restaurantName, const QString &username, const QString &email,
                        const QString &password, bool keepSignedIn);
    void trustRequested(const QString &fingerprint);
    void targetChanged();

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void fitContents();
    void fitNow();
    void updateMode();
    void updateLocalState();
    QLabel *errorLabel(Field field) const;

    QPointer<LocalServer> m_local;
    QButtonGroup *m_kinds;
    QRadioButton *m_standalone;
    QRadioButton *m_lan;
    QRadioButton *m_cloud;
    QLineEdit *m_lanAddress;
    QLineEdit *m_cloudUrl;
    QLabel *m_localState;
    QLabel *m_notice;
    QWidget *m_forms;
    QWidget *m_signInForm = nullptr;
    QWidget *m_setupForm = nullptr;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QCheckBox *m_keep;
    QLabel *m_keepNote;
    QLineEdit *m_restaurant;
    QLineEdit *m_setupUser;
    QLineEdit *m_setupEmail;
    QLineEdit *m_setupPassword;
    QLineEdit *m_setupRepeat;
    QPushButton *m_go;
    QPushButton *m_trust;
    QString m_fingerprint;
    QLabel *m_lanError;
    QLabel *m_cloudError;
    QLabel *m_usernameError;
    QLabel *m_passwordError;
    QLabel *m_repeatError;
    QLabel *m_restaurantError;
    QLabel *m_generalError;
    QLabel *m_busyLabel;
    bool m_busy = false;
    bool m_submitWhenIdle = false; // the trust button was clicked while an attempt was still ending
    bool m_fitPending = false;
    QCheckBox *m_allowHttp = nullptr;
    QLabel *m_trustNote = nullptr;
};

} // namespace LittleLemon::Ui

Q_DECLARE_METATYPE(LittleLemon::Ui::SignInTarget)
