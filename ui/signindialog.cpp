#include "ui/signindialog.h"

#include "ui/theme.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QScreen>
#include <QHBoxLayout>
#include <QHostAddress>
#include <algorithm>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QUrl>
#include <QRadioButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

namespace {
QLabel *makeError(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setProperty("role", QStringLiteral("error"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

QLabel *caption(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}
} // namespace

SignInDialog::SignInDialog(LocalServer *localServer, QWidget *parent)
    : QDialog(parent)
    , m_local(localServer)
    , m_kinds(new QButtonGroup(this))
    , m_standalone(new QRadioButton(tr("This computer (standalone)"), this))
    , m_lan(new QRadioButton(tr("A Little Lemon server on this network"), this))
    , m_cloud(new QRadioButton(tr("Little Lemon cloud"), this))
    , m_lanAddress(new QLineEdit(this))
    , m_cloudUrl(new QLineEdit(this))
    , m_localState(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_forms(new QWidget(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_keep(new QCheckBox(tr("Keep me signed in on this computer"), this))
    , m_keepNote(new QLabel(this))
    , m_restaurant(new QLineEdit(this))
    , m_setupUser(new QLineEdit(this))
    , m_setupEmail(new QLineEdit(this))
    , m_setupPassword(new QLineEdit(this))
    , m_setupRepeat(new QLineEdit(this))
    , m_go(new QPushButton(tr("Sign in"), this))
    , m_trust(new QPushButton(this))
    , m_lanError(makeError(this, QStringLiteral("lanError")))
    , m_cloudError(makeError(this, QStringLiteral("cloudError")))
    , m_usernameError(makeError(this, QStringLiteral("usernameError")))
    , m_passwordError(makeError(this, QStringLiteral("passwordError")))
    , m_repeatError(makeError(this, QStringLiteral("repeatError")))
    , m_restaurantError(makeError(this, QStringLiteral("restaurantError")))
    , m_generalError(makeError(this, QStringLiteral("generalError")))
    , m_busyLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in")); // the system adds "— Little Lemon Desk"
    setWindowIcon(QIcon(QStringLiteral(":/icons/littlelemon-desk-256.png")));

    auto *logo = new QLabel(this);
    logo->setPixmap(QPixmap(QStringLiteral(":/icons/littlelemon-desk-64.png")));
    auto *heading = new QLabel(tr("Little Lemon Desk"), this);
    heading->setProperty("role", QStringLiteral("title"));
    auto *head = new QHBoxLayout;
    head->addWidget(logo);
    head->addWidget(heading, 1);

    m_notice->setWordWrap(true);
    m_notice->setProperty("role", QStringLiteral("hint"));
    m_notice->hide();

    // ---- where the data lives
    m_kinds->addButton(m_standalone, int(ServerKind::Standalone));
    m_kinds->addButton(m_lan, int(ServerKind::Lan));
    m_kinds->addButton(m_cloud, int(ServerKind::Cloud));
    for (QRadioButton *r : { m_standalone, m_lan, m_cloud })
        r->installEventFilter(this);
    m_standalone->setChecked(true);
    m_lanAddress->setObjectName(QStringLiteral("lanAddress"));
    m_lanAddress->setPlaceholderText(tr("Address, e.g. 192.168.1.10:8000"));
    m_cloudUrl->setObjectName(QStringLiteral("cloudUrl"));
    m_cloudUrl->setPlaceholderText(tr("https://…"));
    m_localState->setWordWrap(true);
    m_localState->setProperty("role", QStringLiteral("hint"));
    m_localState->setObjectName(QStringLiteral("localState"));
    m_trust->setObjectName(QStringLiteral("trustButton"));
    m_trust->hide();
    connect(m_trust, &QPushButton::clicked, this, [this] {
        m_trust->hide();
        m_trustNote->hide();
        // One step: trusted, then signed in with what is already typed.
        Q_EMIT trustRequested(m_fingerprint);
        // The button shows at the TLS error, before the failed attempt has
        // ended: a quick click then waits for it instead of being lost.
        if (m_busy)
            m_submitWhenIdle = true;
        else
            submit();
    });

    // Only the chosen kind's address and state show: a radio toggle swaps
    // one row for another and the dialog keeps its height.
    auto *where = new QVBoxLayout;
    where->setSpacing(4);
    where->addWidget(caption(tr("Where does the restaurant's data live?"), this));
    auto indent = [](QWidget *w) {
        auto *row = new QHBoxLayout;
        row->setContentsMargins(28, 0, 0, 0);
        row->addWidget(w, 1);
        return row;
    };
    where->addWidget(m_standalone);
    where->addLayout(indent(m_localState));
    where->addWidget(m_lan);
    where->addLayout(indent(m_lanAddress));
    where->addLayout(indent(m_lanError));
    where->addWidget(m_cloud);
    where->addLayout(indent(m_cloudUrl));
    where->addLayout(indent(m_cloudError));
    // The cloud over plain HTTP: fine on this computer (tests, development),
    // elsewhere only when asked for, and said to be unencrypted.
    m_allowHttp = new QCheckBox(tr("Allow plain HTTP: unencrypted, only behind a proxy you trust"), this);
    m_allowHttp->setObjectName(QStringLiteral("allowPlainHttp"));
    m_allowHttp->setToolTip(tr("Without HTTPS your password and the restaurant's data cross the network as they are."));
    m_allowHttp->setChecked(QSettings().value(QStringLiteral("signIn/cloudAllowPlainHttp"), false).toBool());
    connect(m_cloudUrl, &QLineEdit::textChanged, this, &SignInDialog::updateMode);
    where->addLayout(indent(m_allowHttp));
    m_trustNote = new QLabel(this);
    m_trustNote->setObjectName(QStringLiteral("trustNote"));
    m_trustNote->setProperty("role", QStringLiteral("hint"));
    m_trustNote->setWordWrap(true);
    m_trustNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_trustNote->hide();
    where->addWidget(m_trustNote);
    where->addWidget(m_trust);

    // ---- sign in: labels beside their fields, each error under its field
    auto *signIn = new QWidget(this);
    auto *signInLayout = new QFormLayout(signIn);
    signInLayout->setContentsMargins(0, 0, 0, 0);
    signInLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    signInLayout->setRowWrapPolicy(QFormLayout::DontWrapRows);
    signInLayout->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_username->setObjectName(QStringLiteral("username"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    signInLayout->addRow(tr("User name"), m_username);
    signInLayout->addRow(QString(), m_usernameError);
    signInLayout->addRow(tr("Password"), m_password);
    signInLayout->addRow(QString(), m_passwordError);
    // Two forms, one shown: a box layout counts only the visible one (a
    // QStackedWidget asks every page for its height, the hidden one too).
    auto *forms = new QVBoxLayout(m_forms);
    forms->setContentsMargins(0, 0, 0, 0);
    forms->addWidget(signIn);
    m_signInForm = signIn;

    // ---- first start: create the restaurant and its manager (an
    // administrator as well: the one account that can add everyone else)
    auto *setup = new QWidget(this);
    auto *setupOuter = new QVBoxLayout(setup);
    setupOuter->setContentsMargins(0, 0, 0, 0);
    auto *welcome = new QLabel(tr("Welcome! Nothing is set up on this computer yet. Name your restaurant and "
                                  "create the first manager (administrator) account: it can do everything, "
                                  "including adding staff."),
                               setup);
    welcome->setObjectName(QStringLiteral("welcome"));
    welcome->setWordWrap(true);
    m_restaurant->setObjectName(QStringLiteral("restaurantName"));
    m_restaurant->setPlaceholderText(tr("e.g. Little Lemon Chicago"));
    m_setupUser->setObjectName(QStringLiteral("setupUsername"));
    m_setupEmail->setObjectName(QStringLiteral("setupEmail"));
    m_setupEmail->setPlaceholderText(tr("optional"));
    m_setupPassword->setObjectName(QStringLiteral("setupPassword"));
    m_setupPassword->setEchoMode(QLineEdit::Password);
    m_setupPassword->setPlaceholderText(tr("at least 8 characters"));
    m_setupRepeat->setObjectName(QStringLiteral("setupRepeat"));
    m_setupRepeat->setEchoMode(QLineEdit::Password);
    auto *setupForm = new QFormLayout;
    setupForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    setupForm->setRowWrapPolicy(QFormLayout::DontWrapRows);
    setupForm->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setupForm->addRow(tr("Restaurant name"), m_restaurant);
    setupForm->addRow(QString(), m_restaurantError);
    setupForm->addRow(tr("Manager (administrator) user name"), m_setupUser);
    setupForm->addRow(tr("Email"), m_setupEmail);
    setupForm->addRow(tr("Password"), m_setupPassword);
    setupForm->addRow(tr("Password again"), m_setupRepeat);
    setupForm->addRow(QString(), m_repeatError);
    setupOuter->addWidget(welcome);
    setupOuter->addLayout(setupForm);
    forms->addWidget(setup);
    m_setupForm = setup;
    setup->hide();

    m_keep->setObjectName(QStringLiteral("keepSignedIn"));
    m_keep->setToolTip(tr("Signs you in by itself next time, with a key kept in this computer's keychain "
                          "(never your password)."));
    m_keepNote->setObjectName(QStringLiteral("keepSignedInNote"));
    m_keepNote->setProperty("role", QStringLiteral("hint"));
    m_keepNote->setWordWrap(true);
    m_keepNote->hide();
    m_busyLabel->setProperty("role", QStringLiteral("hint"));
    m_busyLabel->hide();

    m_go->setObjectName(QStringLiteral("signInButton"));
    m_go->setDefault(true);
    connect(m_go, &QPushButton::clicked, this, &SignInDialog::submit);
    auto *quit = new QPushButton(tr("Quit"), this);
    connect(quit, &QPushButton::clicked, this, &QDialog::reject);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_busyLabel, 1);
    buttons->addWidget(quit);
    buttons->addWidget(m_go);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addLayout(head);
    layout->addWidget(m_notice);
    layout->addSpacing(8);
    layout->addLayout(where);
    layout->addSpacing(12);
    layout->addWidget(m_forms);
    layout->addWidget(m_keep);
    layout->addWidget(m_keepNote);
    layout->addWidget(m_generalError);
    layout->addStretch();
    layout->addLayout(buttons);
    setMinimumWidth(600);

    connect(m_kinds, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (!on)
            return;
        clearErrors();
        updateMode();
        Q_EMIT targetChanged();
    });
    if (m_local) {
        connect(m_local, &LocalServer::stateChanged, this, &SignInDialog::updateMode);
        connect(m_local, &LocalServer::accountsChanged, this, &SignInDialog::updateMode);
    } else {
        m_standalone->setEnabled(false);
        m_standalone->setToolTip(tr("Standalone mode is not available in this build."));
        m_lan->setChecked(true);
    }
    updateMode();
}

SignInTarget SignInDialog::target() const
{
    SignInTarget t;
    t.kind = ServerKind(m_kinds->checkedId());
    if (t.kind == ServerKind::Lan)
        t.address = m_lanAddress->text().trimmed();
    else if (t.kind == ServerKind::Cloud)
        t.address = m_cloudUrl->text().trimmed();
    t.allowPlainHttp = t.kind == ServerKind::Cloud && m_allowHttp->isVisibleTo(this) && m_allowHttp->isChecked();
    return t;
}

void SignInDialog::setTarget(const SignInTarget &target)
{
    if (target.kind == ServerKind::Standalone && !m_local)
        return;
    if (target.kind == ServerKind::Lan && !target.address.isEmpty())
        m_lanAddress->setText(target.address);
    else if (target.kind == ServerKind::Cloud && !target.address.isEmpty())
        m_cloudUrl->setText(target.address);
    if (QAbstractButton *b = m_kinds->button(int(target.kind)))
        b->setChecked(true);
    updateMode();
}

void SignInDialog::clearTarget()
{
    m_kinds->setExclusive(false);
    for (QAbstractButton *b : m_kinds->buttons())
        b->setChecked(false);
    m_kinds->setExclusive(true);
    updateMode();
}

bool SignInDialog::hasTarget() const
{
    return m_kinds->checkedId() >= 0;
}

bool SignInDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Nothing chosen yet (a first start): an arrow key on a choice chooses,
    // as it does once one is chosen; Qt's radios only move the check along.
    if (event->type() == QEvent::KeyPress && !hasTarget()) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        const QList<QRadioButton *> order { m_standalone, m_lan, m_cloud };
        const int i = int(order.indexOf(qobject_cast<QRadioButton *>(watched)));
        if (i >= 0 && (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_Right || key == Qt::Key_Left)) {
            const bool forward = key == Qt::Key_Down || key == Qt::Key_Right;
            int j = std::clamp(i + (forward ? 1 : -1), 0, int(order.size()) - 1);
            if (!order.at(j)->isEnabled())
                j = i;
            order.at(j)->setFocus(Qt::TabFocusReason);
            order.at(j)->setChecked(true);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void SignInDialog::setAddresses(const QString &lanAddress, const QString &cloudUrl)
{
    m_lanAddress->setText(lanAddress);
    m_cloudUrl->setText(cloudUrl);
}

QString SignInDialog::username() const
{
    return isSetupMode() ? m_setupUser->text().trimmed() : m_username->text().trimmed();
}

void SignInDialog::setUsername(const QString &username)
{
    m_username->setText(username);
}

bool SignInDialog::keepSignedIn() const
{
    return m_keep->isChecked();
}

void SignInDialog::setKeepSignedIn(bool keep)
{
    m_keep->setChecked(keep && m_keep->isEnabled());
}

void SignInDialog::setKeychainAvailable(bool available)
{
    m_keep->setEnabled(available);
    if (!available)
        m_keep->setChecked(false);
    m_keepNote->setText(available ? QString()
                                  : tr("This computer has no password keychain, so Little Lemon cannot keep you "
                                       "signed in: you will type your password each time it starts."));
    m_keepNote->setVisible(!available);
    fitContents();
}

QLineEdit *SignInDialog::addressField() const
{
    return ServerKind(m_kinds->checkedId()) == ServerKind::Cloud ? m_cloudUrl : m_lanAddress;
}

bool SignInDialog::isSetupMode() const
{
    return !m_setupForm->isHidden();
}

void SignInDialog::updateMode()
{
    const auto kind = ServerKind(m_kinds->checkedId());
    m_lanAddress->setEnabled(kind == ServerKind::Lan && !m_busy);
    m_cloudUrl->setEnabled(kind == ServerKind::Cloud && !m_busy);
    m_lanAddress->setVisible(kind == ServerKind::Lan);
    m_cloudUrl->setVisible(kind == ServerKind::Cloud);
    if (kind != ServerKind::Lan)
        m_lanError->hide();
    if (kind != ServerKind::Cloud)
        m_cloudError->hide();
    // Offered only where it matters: the cloud, at an http:// address that is not this computer.
    const QUrl cloud = QUrl::fromUserInput(m_cloudUrl->text().trimmed());
    const QHostAddress host(cloud.host());
    const bool loopback = host.isLoopback() || cloud.host() == QLatin1String("localhost");
    m_allowHttp->setVisible(kind == ServerKind::Cloud && cloud.scheme() == QLatin1String("http")
                            && m_cloudUrl->text().trimmed().startsWith(QLatin1String("http://")) && !loopback);
    m_allowHttp->setEnabled(!m_busy);
    updateLocalState();
    const bool setup = kind == ServerKind::Standalone && m_local && m_local->state() == LocalServer::State::Running
        && m_local->needsSetup();
    m_signInForm->setVisible(!setup);
    m_setupForm->setVisible(setup);
    m_go->setText(setup ? tr("Create the restaurant") : tr("Sign in"));
    fitContents();
}

void SignInDialog::updateLocalState()
{
    if (!m_local || ServerKind(m_kinds->checkedId()) != ServerKind::Standalone) {
        m_localState->hide();
        return;
    }
    m_localState->show();
    QString text;
    switch (m_local->state()) {
    case LocalServer::State::Stopped:
        text = tr("Keeps the restaurant's data on this computer; no internet needed.");
        break;
    case LocalServer::State::Starting:
        text = tr("Starting the restaurant's server on this computer…");
        break;
    case LocalServer::State::Running:
        text = m_local->restaurantName().isEmpty()
            ? tr("Ready. Data in %1").arg(m_local->dataDir())
            : tr("%1 is ready. Data in %2").arg(m_local->restaurantName(), m_local->dataDir());
        break;
    case LocalServer::State::Failed:
        text = tr("The restaurant's server on this computer did not start: %1").arg(m_local->errorString());
        break;
    }
    m_localState->setText(text);
    m_localState->setProperty("role", m_local->state() == LocalServer::State::Failed ? QStringLiteral("error")
                                                                                       : QStringLiteral("hint"));
    m_localState->style()->unpolish(m_localState);
    m_localState->style()->polish(m_localState);
    fitContents();
}

QLabel *SignInDialog::errorLabel(Field field) const
{
    switch (field) {
    case Field::Address:
        switch (ServerKind(m_kinds->checkedId())) {
        case ServerKind::Lan:
            return m_lanError;
        case ServerKind::Cloud:
            return m_cloudError;
        case ServerKind::Standalone:
            return m_generalError;
        }
        return m_generalError;
    case Field::Username:
        return m_usernameError;
    case Field::Password:
        return isSetupMode() ? m_repeatError : m_passwordError;
    case Field::Repeat:
        return m_repeatError;
    case Field::RestaurantName:
        return m_restaurantError;
    case Field::General:
        return m_generalError;
    }
    return m_generalError;
}

void SignInDialog::fitContents()
{
    fitNow();
    // Once more when what was just shown or hidden has been laid out (a
    // wrapped error under a field takes its height a moment later).
    if (!m_fitPending) {
        m_fitPending = true;
        QTimer::singleShot(0, this, [this] {
            m_fitPending = false;
            fitNow();
        });
    }
}

void SignInDialog::fitNow()
{
    // Wrapped words need the height they take at this width; the dialog
    // grows for them and never leaves them cramped.
    // It shrinks again when words go (a toggle, errors cleared), and never
    // grows past the screen: the buttons stay where a person can reach them.
    // Rows were just shown or hidden: the layouts count them afresh first,
    // the shown form's own before the dialog's.
    for (QWidget *form : { m_signInForm, m_setupForm }) {
        if (form && form->layout()) {
            form->layout()->invalidate();
            form->layout()->activate();
        }
    }
    m_forms->layout()->invalidate();
    m_forms->layout()->activate();
    layout()->invalidate();
    layout()->activate();
    const int w = std::max(width(), minimumWidth());
    int h = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(w) : layout()->totalSizeHint().height();
    h = std::max(h, layout()->totalMinimumSize().height());
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (screen)
        h = std::min(h, screen->availableGeometry().height() - 60);
    setMinimumHeight(h);
    if (height() != h)
        resize(w, h);
    // Grown downwards past the screen's edge (no window manager moves it
    // back): up again, so "Create the restaurant" stays where one can reach it.
    if (screen && isVisible()) {
        const QRect room = screen->availableGeometry();
        const QRect frame = frameGeometry();
        if (frame.bottom() > room.bottom())
            move(x(), std::max(room.top(), y() - (frame.bottom() - room.bottom())));
    }
}

bool SignInDialog::event(QEvent *event)
{
    const bool done = QDialog::event(event);
    // Shown or hidden rows are laid out later than they change: fit again
    // then, with the heights they really take.
    if (event->type() == QEvent::LayoutRequest && isVisible())
        fitNow();
    return done;
}

void SignInDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitContents();
}

void SignInDialog::showError(Field field, const QString &message)
{
    QLabel *label = errorLabel(field);
    label->setText(message);
    label->setVisible(!message.isEmpty());
    fitContents();
    if (message.isEmpty())
        return;
    switch (field) {
    case Field::Address:
        addressField()->setFocus();
        break;
    case Field::Username:
        (isSetupMode() ? m_setupUser : m_username)->setFocus();
        break;
    case Field::Password:
        (isSetupMode() ? m_setupPassword : m_password)->setFocus();
        (isSetupMode() ? m_setupPassword : m_password)->selectAll();
        break;
    default:
        break;
    }
}

QString SignInDialog::errorText(Field field) const
{
    const QLabel *label = errorLabel(field);
    return label->isHidden() ? QString() : label->text();
}

void SignInDialog::clearErrors()
{
    for (QLabel *l : { m_lanError, m_cloudError, m_usernameError, m_passwordError, m_repeatError, m_restaurantError,
                       m_generalError }) {
        l->clear();
        l->hide();
    }
    // Shorter again.
    setMinimumHeight(0);
    fitContents();
}

void SignInDialog::setNotice(const QString &message)
{
    m_notice->setText(message);
    m_notice->setVisible(!message.isEmpty());
    fitContents();
}

void SignInDialog::setBusy(bool busy, const QString &what)
{
    m_busy = busy;
    if (!busy && m_submitWhenIdle) {
        m_submitWhenIdle = false;
        QTimer::singleShot(0, this, &SignInDialog::submit);
    }
    for (QWidget *w : std::initializer_list<QWidget *> { m_standalone, m_lan, m_cloud, m_username, m_password,
                                                         m_keep, m_restaurant, m_setupUser, m_setupEmail,
                                                         m_setupPassword, m_setupRepeat, m_go })
        w->setEnabled(!busy);
    if (!m_local)
        m_standalone->setEnabled(false);
    m_busyLabel->setText(what);
    m_busyLabel->setVisible(busy && !what.isEmpty());
    updateMode();
}

void SignInDialog::offerTrust(const QString &fingerprint)
{
    m_fingerprint = fingerprint;
    // A short button; the fingerprint, which is long, wraps in the note above it.
    m_trust->setText(tr("Trust this certificate and sign in"));
    m_trust->setToolTip(tr("Only if the fingerprint matches the one your server shows:\n%1").arg(fingerprint));
    m_trustNote->setText(tr("This server's certificate is not signed by an authority this computer knows. Trust "
                            "it only if its SHA-256 fingerprint is the one your server shows: %1")
                             .arg(fingerprint));
    m_trustNote->show();
    m_trust->show();
}

void SignInDialog::submit()
{
    if (m_busy)
        return;
    clearErrors();
    if (!hasTarget()) {
        showError(Field::General, tr("Choose where the restaurant's data lives: this computer, a server on this "
                                     "network or the cloud."));
        m_standalone->setFocus();
        return;
    }
    const SignInTarget t = target();
    if (t.kind != ServerKind::Standalone && t.address.isEmpty()) {
        showError(Field::Address, t.kind == ServerKind::Lan ? tr("Type the server's address, e.g. 192.168.1.10:8000.")
                                                             : tr("Type the cloud's address, e.g. https://…"));
        return;
    }
    if (isSetupMode()) {
        bool ok = true;
        if (m_restaurant->text().trimmed().isEmpty()) {
            showError(Field::RestaurantName, tr("Give the restaurant a name."));
            ok = false;
        }
        if (m_setupUser->text().trimmed().isEmpty()) {
            m_repeatError->setText(tr("Choose a user name for the manager (administrator)."));
            m_repeatError->show();
            m_setupUser->setFocus();
            return;
        }
        if (m_setupPassword->text() != m_setupRepeat->text()) {
            showError(Field::Repeat, tr("The two passwords are not the same."));
            return;
        }
        if (m_setupPassword->text().size() < 8) {
            showError(Field::Repeat, tr("The password needs at least 8 characters."));
            return;
        }
        if (!ok)
            return;
        Q_EMIT setupRequested(m_restaurant->text().trimmed(), m_setupUser->text().trimmed(),
                              m_setupEmail->text().trimmed(), m_setupPassword->text(), m_keep->isChecked());
        return;
    }
    if (m_username->text().trimmed().isEmpty()) {
        showError(Field::Username, tr("Type your user name."));
        return;
    }
    if (m_password->text().isEmpty()) {
        showError(Field::Password, tr("Type your password."));
        return;
    }
    if (t.kind == ServerKind::Cloud)
        QSettings().setValue(QStringLiteral("signIn/cloudAllowPlainHttp"), m_allowHttp->isChecked());
    Q_EMIT signInRequested(t, m_username->text().trimmed(), m_password->text(), m_keep->isChecked());
}

} // namespace LittleLemon::Ui
