#pragma once

#include "print/printhost.h"
#include "print/printqueue.h"
#include "print/printspooler.h"

#include <QObject>

#include <memory>

namespace LittleLemon {
class LocalStore;
struct StoreChange;
}

namespace LittleLemon::Print {

// Printing for one signed-in terminal: the print queue beside the local
// store's files, its spooler and the print host. Made a child of the store,
// so whatever has the store finds it (`store->findChild<PrintService *>()`)
// and it ends with the session. Where "This terminal prints kitchen tickets"
// is on, every new order the store receives is queued once per station.
class PrintService : public QObject
{
    Q_OBJECT
public:
    explicit PrintService(LocalStore *store);
    ~PrintService() override;

    bool open(QString *error = nullptr); // the queue file is <cache file>.print
    static PrintService *of(LocalStore *store);

    PrintQueue *queue() const { return m_queue.get(); }
    PrintSpooler *spooler() const { return m_spooler.get(); }
    PrintHost *host() const { return m_host.get(); }

    // Who this terminal is to the others: an id made once and kept in the
    // queue file, and a name people recognise (the computer's name unless set).
    QString terminalId() const;
    QString terminalName() const;
    void setTerminalName(const QString &name);

    bool isKitchenHost() const;
    void setKitchenHost(bool on);

private:
    void onStoreChanged(const LittleLemon::StoreChange &change);
    void catchUp();

    LocalStore *m_store;
    std::unique_ptr<PrintQueue> m_queue;
    std::unique_ptr<PrintSpooler> m_spooler;
    std::unique_ptr<PrintHost> m_host;
};

} // namespace LittleLemon::Print
