#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace LittleLemon {
class LocalStore;
class CategoryModel;
} // namespace LittleLemon

namespace LittleLemon::Ui {

// A new menu item: title, price (validated as typed), category, featured.
// Saved as a local edit; the server numbers it when it arrives.
class MenuItemDialog : public QDialog
{
    Q_OBJECT

public:
    MenuItemDialog(LocalStore *store, CategoryModel *categories, qint64 category, QWidget *parent = nullptr);

    QLineEdit *titleField() const { return m_title; }
    QLineEdit *priceField() const { return m_price; }
    qint64 createdItem() const { return m_created; }

public Q_SLOTS:
    void accept() override;

private:
    LocalStore *m_store;
    QLineEdit *m_title;
    QLineEdit *m_price;
    QComboBox *m_category;
    QCheckBox *m_featured;
    void growForWords();

    QLabel *m_error;
    QLabel *m_priceProblem;
    qint64 m_created = 0;
};

} // namespace LittleLemon::Ui
