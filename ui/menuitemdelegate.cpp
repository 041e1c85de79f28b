#include "ui/menuitemdelegate.h"

#include "models/categorymodel.h"
#include "models/entity.h"
#include "models/menumodel.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QLineEdit>
#include <QLocale>

namespace LittleLemon::Ui {

MenuItemDelegate::MenuItemDelegate(CategoryModel *categories, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_categories(categories)
{
}

QWidget *MenuItemDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    switch (index.column()) {
    case MenuModel::PriceColumn: {
        auto *edit = new QLineEdit(parent);
        edit->setObjectName(QStringLiteral("priceEditor"));
        // No validator that drops keys: what is typed stays, and the model
        // refuses what is not a price with the reason (MenuModel::editRefused).
        edit->setMaxLength(32);
        edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        edit->setToolTip(tr("A price such as %1: up to %2, 2 decimals at most")
                             .arg(Money(1250).toInput(QLocale()), Money::maximum().toInput(QLocale())));
        return edit;
    }
    case MenuModel::CategoryColumn: {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("categoryEditor"));
        for (int row = 0; row < m_categories->rowCount(); ++row) {
            const QModelIndex c = m_categories->index(row, 0);
            combo->addItem(c.data(CategoryModel::TitleRole).toString(), c.data(CategoryModel::IdRole));
        }
        return combo;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void MenuItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor); combo && index.column() == MenuModel::CategoryColumn) {
        combo->setCurrentIndex(combo->findData(index.data(MenuModel::CategoryIdRole)));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void MenuItemDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const Snapshot before = snapshot(index);
    if (auto *combo = qobject_cast<QComboBox *>(editor); combo && index.column() == MenuModel::CategoryColumn) {
        if (combo->currentIndex() >= 0)
            model->setData(index, combo->currentData(), Qt::EditRole);
    } else if (auto *edit = qobject_cast<QLineEdit *>(editor); edit && index.column() == MenuModel::PriceColumn) {
        // The text as typed: MenuModel parses it with Money's rules and says
        // why when it is not a price yet ("12.").
        model->setData(index, edit->text(), Qt::EditRole);
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
    reportIfChanged(before);
}

bool MenuItemDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                   const QModelIndex &index)
{
    if (index.column() == MenuModel::AvailableColumn && !m_availabilityEditable)
        return false;
    // Featured and available are toggled here, with a click or Space.
    const Snapshot before = snapshot(index);
    const bool handled = QStyledItemDelegate::editorEvent(event, model, option, index);
    reportIfChanged(before);
    return handled;
}

MenuItemDelegate::Snapshot MenuItemDelegate::snapshot(const QModelIndex &index) const
{
    return { QPersistentModelIndex(index), index.data(MenuModel::IdRole).toLongLong(), index.data(Qt::EditRole) };
}

void MenuItemDelegate::reportIfChanged(const Snapshot &before) const
{
    // The store updates the row at once; a row gone or refused shows no change.
    if (before.index.isValid() && before.index.data(Qt::EditRole) != before.value)
        Q_EMIT const_cast<MenuItemDelegate *>(this)->edited(before.id, before.index.column(), before.value);
}

QSize MenuItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), Theme::touchRowHeight()));
    return size;
}

void MenuItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto sync = SyncState(index.data(MenuModel::SyncStateRole).toInt());
    if (sync == SyncState::Pending)
        option->backgroundBrush = QColor(0xE3, 0xEE, 0xFA);
    else if (sync == SyncState::Failed || sync == SyncState::Conflict)
        option->backgroundBrush = QColor(0xFB, 0xE2, 0xDF);
    if (index.column() == MenuModel::SyncColumn && sync != SyncState::Synced) {
        option->palette.setColor(QPalette::Text, sync == SyncState::Pending ? Theme::pending() : QColor(0xB3, 0x26, 0x1E));
        option->font.setItalic(true);
    }
    if (index.column() == MenuModel::AvailableColumn) {
        option->features |= QStyleOptionViewItem::HasDisplay;
        if (index.data(MenuModel::AvailableRole).toBool()) {
            option->text = tr("Available");
        } else {
            const qint64 id = index.data(MenuModel::IdRole).toLongLong();
            option->text = m_untilEndOfDay && m_untilEndOfDay(id) ? tr("86 until tonight") : tr("86");
            option->font.setBold(true);
            option->palette.setColor(QPalette::Text, QColor(0xB3, 0x26, 0x1E));
        }
    }
    if (index.column() == MenuModel::FeaturedColumn) {
        option->features |= QStyleOptionViewItem::HasDisplay;
        option->text = index.data(MenuModel::FeaturedRole).toBool() ? tr("Featured") : QString();
    }
}

} // namespace LittleLemon::Ui
