#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace LittleLemon {
class LocalStore;
namespace Print {
class PrintService;
}
namespace Client {
class ApiClient;
class PrintHostKeeper;
}
}

namespace LittleLemon::Ui {

// Desk > Printers: this terminal's printers (each a station: network ESC/POS
// host:port, a system printer, or PDF to a folder; 58 or 80 mm; code page),
// which category prints at which station, whether this terminal prints the
// kitchen's tickets, a test page, and each printer's queue as it is now.
//
// The restaurant has one kitchen print host. Where the server records it
// (the `print_host` lease, issue 17) ticking the box asks the server first:
// while another terminal holds it, the dialog names that terminal, leaves
// the box off and offers "Take over"; nothing prints twice silently. Where
// it cannot (the cloud), the dialog says the choice is per terminal.
class PrintersDialog : public QDialog
{
    Q_OBJECT
public:
    PrintersDialog(LocalStore *store, Print::PrintService *printing, QWidget *parent = nullptr);
    // The server to ask about the print host, and this terminal's lease;
    // without them (or on a server without `print_host`) nothing is checked.
    void setPrintHostLease(Client::ApiClient *client, Client::PrintHostKeeper *keeper);

private:
    void addPrinterRow(const QString &name, int kind, const QString &target, int mm, const QString &codePage,
                       bool receipts);
    void refreshStatus();
    void refreshStations();
    bool save();
    void testPage();
    QStringList stationNames() const;
    bool serverKnowsHost() const;
    void showHostState();
    void claimHost(bool takeOver);
    void setHostNote(const QString &text, bool warning);

    LocalStore *m_store;
    Print::PrintService *m_printing;
    QTableWidget *m_printers;
    QTableWidget *m_routes;
    QCheckBox *m_host;
    QLabel *m_hostNote;
    QPushButton *m_takeOver;
    Client::ApiClient *m_client = nullptr;
    Client::PrintHostKeeper *m_keeper = nullptr;
    QLabel *m_status;
    QLabel *m_error;
};

} // namespace LittleLemon::Ui
