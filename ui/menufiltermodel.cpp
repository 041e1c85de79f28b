#include "ui/menufiltermodel.h"

#include "models/menumodel.h"

namespace LittleLemon::Ui {

MenuFilterModel::MenuFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MenuModel::SortKeyRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
}

void MenuFilterModel::setCategory(qint64 categoryId)
{
    if (categoryId == m_category)
        return;
    m_category = categoryId;
    invalidateFilter();
}

void MenuFilterModel::setSearchText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_tokens = text.toCaseFolded().split(u' ', Qt::SkipEmptyParts);
    invalidateFilter();
}

void MenuFilterModel::setAvailableOnly(bool on)
{
    if (on == m_availableOnly)
        return;
    m_availableOnly = on;
    invalidateFilter();
}

int MenuFilterModel::rowOfItem(qint64 id) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (index(row, 0).data(MenuModel::IdRole).toLongLong() == id)
            return row;
    }
    return -1;
}

bool MenuFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_category && index.data(MenuModel::CategoryIdRole).toLongLong() != m_category)
        return false;
    if (m_availableOnly && !index.data(MenuModel::AvailableRole).toBool())
        return false;
    if (m_tokens.isEmpty())
        return true;
    const QString haystack = QString(index.data(MenuModel::TitleRole).toString() + u' '
                                     + index.data(MenuModel::CategoryTitleRole).toString())
                                 .toCaseFolded();
    for (const QString &token : m_tokens) {
        if (!haystack.contains(token))
            return false;
    }
    return true;
}

} // namespace LittleLemon::Ui
