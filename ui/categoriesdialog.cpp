#include "ui/categoriesdialog.h"

#include "models/categorymodel.h"
#include "models/localstore.h"
#include "ui/permissions.h"
#include "ui/theme.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

CategoriesDialog::CategoriesDialog(LocalStore *store, CategoryModel *model, const Permissions &permissions,
                                   QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_view(new QTableView(this))
    , m_newTitle(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add category"), this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Menu categories"));
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(model);
    sorted->setSortRole(CategoryModel::SortKeyRole);
    sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    sorted->sort(CategoryModel::TitleColumn);
    m_view->setModel(sorted);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(Theme::touchRowHeight());
    m_view->horizontalHeader()->setSectionResizeMode(CategoryModel::TitleColumn, QHeaderView::Stretch);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);

    m_newTitle->setPlaceholderText(tr("New category, e.g. Specials"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    const Verdict may = permissions.manageCategories();
    applyVerdict(m_newTitle, may);
    applyVerdict(m_add, may);
    if (!may)
        m_view->setToolTip(may.reason);
    connect(m_add, &QPushButton::clicked, this, [this] { addCategory(m_newTitle->text()); });
    connect(m_newTitle, &QLineEdit::returnPressed, this, [this] { addCategory(m_newTitle->text()); });
    connect(model, &CategoryModel::editRefused, this, [this](const QString &message) {
        m_error->setText(message);
        m_error->show();
    });

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_newTitle, 1);
    addRow->addWidget(m_add);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // No default button: Enter in the title field adds the category once
    // (returnPressed) and is not passed on to press "Add" a second time.
    m_add->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(addRow);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, 480);
}

bool CategoriesDialog::addCategory(const QString &title)
{
    const LocalEdit edit = m_store->outbox()->createCategory(title.trimmed());
    if (!edit) {
        m_error->setText(edit.error);
        m_error->show();
        return false;
    }
    m_error->hide();
    m_newTitle->clear();
    return true;
}

} // namespace LittleLemon::Ui
