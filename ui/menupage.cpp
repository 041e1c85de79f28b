#include "ui/menupage.h"

#include "models/categorymodel.h"
#include "models/localstore.h"
#include "models/menumodel.h"
#include "ui/actionexplainer.h"
#include "ui/categoriesdialog.h"
#include "ui/elidedlabel.h"
#include "ui/eightysixschedule.h"
#include "ui/menufiltermodel.h"
#include "ui/menuitemdelegate.h"
#include "ui/menuitemdialog.h"
#include "ui/theme.h"
#include "ui/workspace.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

namespace {
// Menu edits remembered for Ctrl+Z, as for order moves.
constexpr qsizetype kUndoDepth = 50;
} // namespace

MenuPage::MenuPage(Workspace *workspace, QWidget *parent)
    : Page(parent)
    , m_workspace(workspace)
    , m_schedule(new EightySixSchedule(workspace->store(), workspace->serverKey(), this))
    , m_filter(new MenuFilterModel(this))
    , m_delegate(new MenuItemDelegate(workspace->categoryModel(), this))
    , m_category(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_readOnly(new QLabel(this))
    , m_error(new QLabel(this))
    , m_errorTimer(new QTimer(this))
    , m_86Button(new QToolButton(this))
    , m_addButton(new QPushButton(tr("Add item…"), this))
    , m_deleteButton(new QPushButton(tr("Delete item"), this))
    , m_categoriesButton(new QPushButton(tr("Categories…"), this))
{
    setObjectName(QStringLiteral("menuPage"));
    MenuModel *menu = workspace->menuModel();
    m_filter->setSourceModel(menu);
    m_filter->sort(MenuModel::TitleColumn);

    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_category->setMinimumWidth(180);
    connect(m_category, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setCategory(m_category->currentData().toLongLong()); });
    m_search->setObjectName(QStringLiteral("menuSearch"));
    m_search->setPlaceholderText(tr("Search the menu"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &MenuFilterModel::setSearchText);

    m_view->setObjectName(QStringLiteral("menuTable"));
    m_view->setModel(m_filter);
    m_view->setItemDelegate(m_delegate);
    m_delegate->setUntilEndOfDayTest([this](qint64 id) { return m_schedule->isUntilEndOfDay(id); });
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(MenuModel::TitleColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // Edits start on purpose only (double-click, F2, Enter): keys typed on a
    // selected row by someone who thinks they are elsewhere rename nothing.
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->installEventFilter(this);
    connect(m_delegate, &MenuItemDelegate::edited, this, [this](qint64 id, int column, const QVariant &before) {
        m_undo.append({ id, column, before });
        while (m_undo.size() > kUndoDepth)
            m_undo.removeFirst();
        m_undoAction->setEnabled(true);
    });
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(Theme::touchRowHeight() + 4);
    m_view->setAlternatingRowColors(true);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(MenuModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(MenuModel::CategoryColumn, 170);
    header->resizeSection(MenuModel::PriceColumn, 110);
    header->resizeSection(MenuModel::FeaturedColumn, 130);
    header->resizeSection(MenuModel::AvailableColumn, 210);
    header->resizeSection(MenuModel::SyncColumn, 190);

    m_readOnly->setProperty("role", QStringLiteral("hint"));
    m_readOnly->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("menuError"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_errorTimer->setSingleShot(true);
    m_errorTimer->setInterval(10000);
    connect(m_errorTimer, &QTimer::timeout, m_error, &QWidget::hide);
    connect(menu, &MenuModel::editRefused, this, &MenuPage::showError);

    // ---- actions
    m_86Action = new QAction(tr("86 the item"), this);
    m_86Action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_8));
    m_86Action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_86Action, &QAction::triggered, this, &MenuPage::toggleEightySix);
    addAction(m_86Action);
    m_untilTonight = new QAction(tr("Only until the end of the day"), this);
    m_untilTonight->setCheckable(true);
    m_untilTonight->setChecked(QSettings().value(QStringLiteral("menu/86UntilTonight"), true).toBool());
    connect(m_untilTonight, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("menu/86UntilTonight"), on);
        updateButtons();
    });
    auto *menu86 = new QMenu(this);
    menu86->addAction(m_untilTonight);
    m_86Button->setObjectName(QStringLiteral("eightySixButton"));
    m_86Button->setDefaultAction(m_86Action);
    m_86Button->setMenu(menu86);
    m_86Button->setPopupMode(QToolButton::MenuButtonPopup);
    m_86Button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_86Button->setMinimumWidth(200);

    m_addAction = new QAction(tr("Add a menu item…"), this);
    m_addAction->setShortcut(QKeySequence::New);
    m_addAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_addAction, &QAction::triggered, this, &MenuPage::addItem);
    addAction(m_addAction);
    connect(m_addButton, &QPushButton::clicked, m_addAction, &QAction::trigger);
    m_deleteAction = new QAction(tr("Delete the menu item…"), this);
    m_deleteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &MenuPage::deleteItem);
    addAction(m_deleteAction);
    connect(m_deleteButton, &QPushButton::clicked, m_deleteAction, &QAction::trigger);
    m_undoAction = new QAction(tr("Undo the last menu edit"), this);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_undoAction->setEnabled(false);
    connect(m_undoAction, &QAction::triggered, this, &MenuPage::undoLastEdit);
    addAction(m_undoAction);
    for (QAction *a : { m_86Action, m_addAction, m_deleteAction })
        new ActionExplainer(a, this);
    auto *find = new QAction(tr("Search the menu"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);
    auto *categories = new QAction(tr("Menu categories…"), this);
    connect(categories, &QAction::triggered, this, &MenuPage::editCategories);
    addAction(categories);
    connect(m_categoriesButton, &QPushButton::clicked, categories, &QAction::trigger);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_category);
    bar->addWidget(m_search, 1);
    bar->addSpacing(12);
    bar->addWidget(m_86Button);
    bar->addWidget(m_addButton);
    bar->addWidget(m_deleteButton);
    bar->addWidget(m_categoriesButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    m_limits = new ElidedLabel(this);
    m_limits->setObjectName(QStringLiteral("menuLimits"));
    m_limits->setProperty("role", QStringLiteral("hint"));
    m_limits->hide();
    layout->addWidget(m_limits);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MenuPage::updateButtons);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &MenuPage::updateButtons);
    connect(m_schedule, &EightySixSchedule::changed, m_view->viewport(), qOverload<>(&QWidget::update));
    CategoryModel *categoryModel = workspace->categoryModel();
    connect(categoryModel, &QAbstractItemModel::rowsInserted, this, &MenuPage::reloadCategories);
    connect(categoryModel, &QAbstractItemModel::rowsRemoved, this, &MenuPage::reloadCategories);
    connect(categoryModel, &QAbstractItemModel::dataChanged, this, &MenuPage::reloadCategories);
    connect(categoryModel, &QAbstractItemModel::modelReset, this, &MenuPage::reloadCategories);
    connect(workspace, &Workspace::featuresChanged, this, &MenuPage::applyPermissions);
    reloadCategories();
    applyPermissions();
}

bool MenuPage::eventFilter(QObject *watched, QEvent *event)
{
    // Only keys pressed on the table itself: an open editor has the focus and keeps its Enter.
    if (watched == m_view && event->type() == QEvent::KeyPress && m_view->hasFocus()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier
            && m_view->currentIndex().isValid()) {
            m_view->edit(m_view->currentIndex());
            return true;
        }
    }
    return Page::eventFilter(watched, event);
}

bool MenuPage::undoLastEdit()
{
    if (m_undo.isEmpty()) {
        Q_EMIT statusMessage(tr("No menu edit to undo."));
        return false;
    }
    const Edit edit = m_undo.takeLast();
    m_undoAction->setEnabled(!m_undo.isEmpty());
    const int row = m_filter->rowOfItem(edit.item);
    if (row < 0) {
        Q_EMIT statusMessage(tr("That item is not shown any more; nothing undone."));
        return false;
    }
    const QModelIndex index = m_filter->index(row, edit.column);
    if (!m_filter->setData(index, edit.before, Qt::EditRole))
        return false; // the model said why (editRefused)
    const QString title = m_filter->index(m_filter->rowOfItem(edit.item), MenuModel::TitleColumn).data().toString();
    Q_EMIT statusMessage(tr("Undone: %1 is as it was.").arg(title));
    selectItem(edit.item);
    return true;
}

void MenuPage::activate()
{
    if (!m_view->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_view->setCurrentIndex(m_filter->index(0, MenuModel::TitleColumn));
    m_view->setFocus(Qt::OtherFocusReason);
}

void MenuPage::reloadCategories()
{
    const qint64 current = m_category->currentIndex() >= 0 ? m_category->currentData().toLongLong() : 0;
    const QSignalBlocker block(m_category);
    m_category->clear();
    m_category->addItem(tr("All categories"), qint64(0));
    CategoryModel *categories = m_workspace->categoryModel();
    QList<std::pair<QString, qint64>> rows;
    for (int row = 0; row < categories->rowCount(); ++row) {
        const QModelIndex c = categories->index(row, 0);
        rows.append({ c.data(CategoryModel::TitleRole).toString(), c.data(CategoryModel::IdRole).toLongLong() });
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first.localeAwareCompare(b.first) < 0; });
    for (const auto &[title, id] : rows)
        m_category->addItem(title, id);
    const int index = m_category->findData(current);
    m_category->setCurrentIndex(index >= 0 ? index : 0);
    m_filter->setCategory(m_category->currentData().toLongLong());
}

void MenuPage::applyPermissions()
{
    const Permissions p = m_workspace->permissions();
    const Verdict edit = p.editMenu();
    m_workspace->menuModel()->setEditable(edit.allowed);
    m_readOnly->setText(edit ? QString() : tr("Read only: %1").arg(edit.reason));
    m_readOnly->setVisible(!edit);
    m_view->setToolTip(edit ? QString() : edit.reason);
    const Verdict eightySix = p.eightySix();
    applyVerdict(m_86Action, eightySix);
    applyVerdict(m_86Button, eightySix);
    m_delegate->setAvailabilityEditable(eightySix.allowed);
    // Without "availability" every item is available: the column would say nothing.
    m_view->setColumnHidden(MenuModel::AvailableColumn, !p.hasFeature(QStringLiteral("availability")));
    const Verdict addRemove = p.addRemoveMenuItems();
    applyVerdict(m_addAction, addRemove);
    applyVerdict(m_addButton, addRemove, tr("Add a dish or drink (Ctrl+N)"));
    applyVerdict(m_deleteAction, addRemove);
    applyVerdict(m_deleteButton, addRemove, tr("Remove the selected item from the menu"));
    // What this server or role cannot do here, in one line (whole in its tooltip).
    QStringList limits;
    if (edit) {
        if (!eightySix)
            limits << eightySix.reason;
        if (!addRemove)
            limits << addRemove.reason;
    }
    m_limits->setFullText(limits.join(u' '));
    m_limits->setVisible(!limits.isEmpty());
    updateButtons();
}

qint64 MenuPage::currentItem() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(MenuModel::IdRole).toLongLong() : 0;
}

bool MenuPage::selectItem(qint64 menuItemId)
{
    const int row = m_filter->rowOfItem(menuItemId);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_filter->index(row, MenuModel::TitleColumn));
    m_view->scrollTo(m_view->currentIndex());
    return true;
}

void MenuPage::updateButtons()
{
    const qint64 id = currentItem();
    const bool available = !id || m_view->currentIndex().data(MenuModel::AvailableRole).toBool();
    if (available)
        m_86Action->setText(m_untilTonight->isChecked() ? tr("86 until tonight") : tr("86 the item"));
    else
        m_86Action->setText(tr("Put back on"));
    const Verdict eightySix = m_workspace->permissions().eightySix();
    m_86Action->setEnabled(eightySix.allowed && id != 0);
    m_86Button->setEnabled(eightySix.allowed && id != 0);
    const bool mayDelete = m_workspace->permissions().addRemoveMenuItems().allowed;
    m_deleteAction->setEnabled(mayDelete && id != 0);
    m_deleteButton->setEnabled(mayDelete && id != 0);
}

void MenuPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_errorTimer->start();
    Q_EMIT statusMessage(message);
}

bool MenuPage::eightySix(qint64 menuItemId, bool untilEndOfDay)
{
    if (const Verdict v = m_workspace->permissions().eightySix(); !v) {
        showError(v.reason);
        return false;
    }
    const auto item = m_workspace->store()->cache()->menuItem(menuItemId);
    if (!item)
        return false;
    if (untilEndOfDay) {
        QString error;
        if (!m_schedule->eightySixUntilEndOfDay(menuItemId, &error)) {
            showError(error);
            return false;
        }
        Q_EMIT statusMessage(tr("%1 is 86'd until tonight; it comes back by itself tomorrow.").arg(item->record.title));
    } else {
        const LocalEdit edit = m_workspace->store()->outbox()->setMenuItemAvailable(menuItemId, false);
        if (!edit) {
            showError(edit.error);
            return false;
        }
        Q_EMIT statusMessage(tr("%1 is 86'd until someone puts it back.").arg(item->record.title));
    }
    updateButtons();
    return true;
}

bool MenuPage::putBack(qint64 menuItemId)
{
    if (const Verdict v = m_workspace->permissions().eightySix(); !v) {
        showError(v.reason);
        return false;
    }
    const LocalEdit edit = m_workspace->store()->outbox()->setMenuItemAvailable(menuItemId, true);
    if (!edit) {
        showError(edit.error);
        return false;
    }
    updateButtons();
    return true;
}

void MenuPage::toggleEightySix()
{
    const qint64 id = currentItem();
    if (!id) {
        Q_EMIT statusMessage(tr("Select an item first."));
        return;
    }
    if (m_view->currentIndex().data(MenuModel::AvailableRole).toBool())
        eightySix(id, m_untilTonight->isChecked());
    else
        putBack(id);
}

void MenuPage::addItem()
{
    if (const Verdict v = m_workspace->permissions().addRemoveMenuItems(); !v) {
        showError(v.reason);
        return;
    }
    auto *dialog = new MenuItemDialog(m_workspace->store(), m_workspace->categoryModel(), m_filter->category(), this);
    dialog->setObjectName(QStringLiteral("menuItemDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        selectItem(dialog->createdItem());
        m_workspace->syncNow();
    });
    dialog->open();
}

void MenuPage::deleteItem()
{
    const qint64 id = currentItem();
    if (!id)
        return;
    const QString title = m_view->currentIndex().data(MenuModel::TitleRole).toString();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete a menu item"),
                                tr("Remove %1 from the menu? Orders that have it keep it.").arg(title),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result != QMessageBox::Yes)
            return;
        const LocalEdit edit = m_workspace->store()->outbox()->deleteMenuItem(id);
        if (!edit)
            showError(edit.error);
        else
            m_workspace->syncNow();
    });
    box->open();
}

void MenuPage::editCategories()
{
    auto *dialog = new CategoriesDialog(m_workspace->store(), m_workspace->categoryModel(),
                                        m_workspace->permissions(), this);
    dialog->setObjectName(QStringLiteral("categoriesDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace LittleLemon::Ui
