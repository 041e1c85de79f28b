#include "ui/networkservedialog.h"

#include "ui/localserver.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

NetworkServeDialog::NetworkServeDialog(LocalServer *server, QWidget *parent)
    : QDialog(parent)
    , m_server(server)
    , m_serve(new QCheckBox(tr("Let other terminals on this network use this restaurant"), this))
    , m_port(new QSpinBox(this))
    , m_addresses(new QListWidget(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("networkServeDialog"));
    setWindowTitle(tr("Serve the restaurant's network"));
    auto *intro = new QLabel(tr("The restaurant's data is on this computer. Other terminals sign in with "
                                "\"A Little Lemon server on this network\" and one of these addresses. Keep this "
                                "computer on while they work."),
                             this);
    intro->setWordWrap(true);
    m_serve->setObjectName(QStringLiteral("serveNetwork"));
    m_serve->setChecked(server->isServingNetwork());
    m_port->setRange(1024, 65535);
    m_port->setValue(server->networkPort());
    m_port->setEnabled(!server->isServingNetwork());
    m_addresses->setObjectName(QStringLiteral("networkAddresses"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto *copy = new QPushButton(tr("Copy the address"), this);
    connect(copy, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_addresses->currentItem())
            QApplication::clipboard()->setText(item->text());
    });

    connect(m_serve, &QCheckBox::toggled, this, [this](bool on) {
        m_serve->setEnabled(false);
        m_error->hide();
        m_server->serveNetwork(on, quint16(m_port->value()), this, [this](const QString &error) {
            m_serve->setEnabled(true);
            if (!error.isEmpty()) {
                m_error->setText(error);
                m_error->show();
            }
            QSettings().setValue(QStringLiteral("standalone/serveNetwork"), m_server->isServingNetwork());
            QSettings().setValue(QStringLiteral("standalone/networkPort"), m_server->networkPort());
            refresh();
        });
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Port"), m_port);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_serve);
    layout->addLayout(form);
    layout->addWidget(m_addresses, 1);
    layout->addWidget(copy);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, 420);
    refresh();
}

QStringList NetworkServeDialog::shownAddresses() const
{
    QStringList out;
    for (int i = 0; i < m_addresses->count(); ++i)
        out << m_addresses->item(i)->text();
    return out;
}

void NetworkServeDialog::refresh()
{
    const QSignalBlocker block(m_serve);
    m_serve->setChecked(m_server->isServingNetwork());
    m_port->setEnabled(!m_server->isServingNetwork());
    m_addresses->clear();
    if (!m_server->isServingNetwork()) {
        m_addresses->addItem(tr("Not serving the network."));
        m_addresses->setEnabled(false);
        return;
    }
    m_addresses->setEnabled(true);
    const QStringList addresses = m_server->networkAddresses();
    if (addresses.isEmpty())
        m_addresses->addItem(tr("This computer has no network address other than itself."));
    for (const QString &a : addresses)
        m_addresses->addItem(a);
    m_addresses->setCurrentRow(0);
}

} // namespace LittleLemon::Ui
