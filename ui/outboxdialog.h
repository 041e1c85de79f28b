#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace LittleLemon {
class LocalStore;
class OutboxModel;
namespace Client {
class SyncEngine;
}
} // namespace LittleLemon

namespace LittleLemon::Ui {

// The changes not on the server yet, one row each: what it is, its state
// and the server's own words. Retry or discard a refused change; resolve a
// clash with someone else's change by keeping mine or taking theirs.
class OutboxDialog : public QDialog
{
    Q_OBJECT

public:
    OutboxDialog(Client::SyncEngine *engine, LocalStore *store, OutboxModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    // Selects the entry with sequence number `seq`.
    bool selectEntry(qint64 seq);
    qint64 currentEntry() const;

    QPushButton *retryButton() const { return m_retry; }
    QPushButton *discardButton() const { return m_discard; }
    QPushButton *keepMineButton() const { return m_keepMine; }
    QPushButton *takeTheirsButton() const { return m_takeTheirs; }

private:
    void updateDetails();
    void updateStatus();

    Client::SyncEngine *m_engine;
    LocalStore *m_store;
    OutboxModel *m_model;
    QLabel *m_status;
    QTableView *m_view;
    QTextBrowser *m_details;
    QPushButton *m_retry;
    QPushButton *m_discard;
    QPushButton *m_keepMine;
    QPushButton *m_takeTheirs;
    QPushButton *m_syncNow;
};

} // namespace LittleLemon::Ui
