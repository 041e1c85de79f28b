#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace LittleLemon {
class LocalStore;
namespace Print {
class PrintService;
}
}

namespace LittleLemon::Ui {

// Desk > Printers: this terminal's printers (each a station: network ESC/POS
// host:port, a system printer, or PDF to a folder; 58 or 80 mm; code page),
// which category prints at which station, whether this terminal prints the
// kitchen's tickets, a test page, and each printer's queue as it is now.
class PrintersDialog : public QDialog
{
    Q_OBJECT
public:
    PrintersDialog(LocalStore *store, Print::PrintService *printing, QWidget *parent = nullptr);

private:
    void addPrinterRow(const QString &name, int kind, const QString &target, int mm, const QString &codePage,
                       bool receipts);
    void refreshStatus();
    void refreshStations();
    bool save();
    void testPage();
    QStringList stationNames() const;

    LocalStore *m_store;
    Print::PrintService *m_printing;
    QTableWidget *m_printers;
    QTableWidget *m_routes;
    QCheckBox *m_host;
    QLabel *m_status;
    QLabel *m_error;
};

} // namespace LittleLemon::Ui
