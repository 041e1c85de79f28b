#pragma once

#include <QDialog>

namespace LittleLemon {
class LocalStore;
}

namespace LittleLemon::Ui {

// One order in full: its lines, note, crew and the history of its stages.
class OrderDetailsDialog : public QDialog
{
    Q_OBJECT

public:
    OrderDetailsDialog(LocalStore *store, qint64 orderId, QWidget *parent = nullptr);
};

} // namespace LittleLemon::Ui
