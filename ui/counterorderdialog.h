#pragma once

#include "models/localstore.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableWidget;

namespace LittleLemon {
class MenuModel;
}

namespace LittleLemon::Ui {

class MenuFilterModel;

// A walk-in or phone order taken at the counter (our server's
// "counter_orders"): pick items from what is available, set quantities, add
// a note, send. The order goes through the outbox like every edit and shows
// on the board at once.
class CounterOrderDialog : public QDialog
{
    Q_OBJECT

public:
    CounterOrderDialog(LocalStore *store, MenuModel *menu, QWidget *parent = nullptr);

    // Adds one of `menuItemId` (or one more).
    void addItem(qint64 menuItemId);
    void setQuantity(qint64 menuItemId, int quantity);
    void setNote(const QString &note);
    QList<CounterOrderLine> lines() const;
    // The id of the order made (a temporary one until the server numbers it).
    qint64 createdOrder() const { return m_created; }

public Q_SLOTS:
    void accept() override;

private:
    void updateTotal();
    int rowOf(qint64 menuItemId) const;

    LocalStore *m_store;
    MenuModel *m_menu;
    MenuFilterModel *m_filter;
    QLineEdit *m_search;
    QListView *m_items;
    QTableWidget *m_lines;
    QLineEdit *m_note;
    QLabel *m_total;
    QLabel *m_error;
    QPushButton *m_send;
    qint64 m_created = 0;
};

} // namespace LittleLemon::Ui
