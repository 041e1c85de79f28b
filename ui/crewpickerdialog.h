#pragma once

#include <QDialog>

#include <optional>

class QListWidget;

namespace LittleLemon {
class LocalStore;
}

namespace LittleLemon::Ui {

// Picks who delivers an order: one of the delivery crew, or nobody. Big rows
// for a finger; Enter or a double tap chooses.
class CrewPickerDialog : public QDialog
{
    Q_OBJECT

public:
    CrewPickerDialog(LocalStore *store, qint64 orderId, qint64 currentCrew, QWidget *parent = nullptr);

    // The chosen user id, 0 for nobody.
    qint64 chosenCrew() const;
    // Chooses `userId` in the list (0: nobody); false if not listed.
    bool choose(qint64 userId);

private:
    QListWidget *m_list;
};

} // namespace LittleLemon::Ui
