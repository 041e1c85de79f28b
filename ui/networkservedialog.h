#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QListWidget;
class QSpinBox;

namespace LittleLemon::Ui {

class LocalServer;

// Standalone mode: let the restaurant's other terminals use this computer's
// data. Shows the addresses (and port) to type on them, ready to copy.
class NetworkServeDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NetworkServeDialog(LocalServer *server, QWidget *parent = nullptr);

    QCheckBox *serveBox() const { return m_serve; }
    QStringList shownAddresses() const;

private:
    void refresh();

    LocalServer *m_server;
    QCheckBox *m_serve;
    QSpinBox *m_port;
    QListWidget *m_addresses;
    QLabel *m_error;
};

} // namespace LittleLemon::Ui
