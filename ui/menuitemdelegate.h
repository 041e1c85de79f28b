#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

#include <functional>

namespace LittleLemon {
class CategoryModel;
}

namespace LittleLemon::Ui {

// Inline editing of the menu table: the price in a line edit that takes
// only what can become a price (MoneyValidator), the category from a list;
// rows with unsent changes tinted; the availability spelled out ("86 until
// tonight").
class MenuItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    MenuItemDelegate(CategoryModel *categories, QObject *parent = nullptr);

    // Whether an item is 86'd only until the end of the day.
    void setUntilEndOfDayTest(std::function<bool(qint64)> test) { m_untilEndOfDay = std::move(test); }
    // Off: the Available box cannot be toggled (a server without "availability").
    void setAvailabilityEditable(bool editable) { m_availabilityEditable = editable; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

Q_SIGNALS:
    // An edit made here reached the model: what the cell held before
    // (Qt::EditRole), for the page's undo.
    void edited(qint64 menuItemId, int column, const QVariant &before);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    struct Snapshot
    {
        QPersistentModelIndex index;
        qint64 id;
        QVariant value;
    };
    Snapshot snapshot(const QModelIndex &index) const;
    void reportIfChanged(const Snapshot &before) const;

    CategoryModel *m_categories;
    std::function<bool(qint64)> m_untilEndOfDay;
    bool m_availabilityEditable = true;
};

} // namespace LittleLemon::Ui
