#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace LittleLemon::Ui {

// The menu editor's and the counter's view of MenuModel: one category or
// all, a search (every word in the title or the category's name), only
// what is available; sorted by MenuModel::SortKeyRole.
class MenuFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit MenuFilterModel(QObject *parent = nullptr);

    void setCategory(qint64 categoryId); // 0: every category
    qint64 category() const { return m_category; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }
    void setAvailableOnly(bool on);

    // The proxy row showing item `id`, or -1.
    int rowOfItem(qint64 id) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    qint64 m_category = 0;
    QString m_text;
    QStringList m_tokens;
    bool m_availableOnly = false;
};

} // namespace LittleLemon::Ui
