#include "ui/tablesdialog.h"

#include "models/fieldlimits.h"
#include "models/localstore.h"
#include "models/tablesmodel.h"
#include "ui/theme.h"
#include "ui/workspace.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

TablesDialog::TablesDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_view(new QTableView(this))
    , m_name(new QLineEdit(this))
    , m_seats(new QSpinBox(this))
    , m_add(new QPushButton(tr("Add table"), this))
    , m_remove(new QPushButton(tr("Remove table…"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("tablesDialog"));
    setWindowTitle(tr("Tables"));
    TablesModel *model = workspace->tablesModel();
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(model);
    sorted->setSortRole(TablesModel::SortKeyRole);
    sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    sorted->sort(TablesModel::NameColumn);
    m_view->setModel(sorted);
    m_view->setObjectName(QStringLiteral("tablesView"));
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(Theme::touchRowHeight());
    m_view->horizontalHeader()->setSectionResizeMode(TablesModel::NameColumn, QHeaderView::Stretch);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);

    m_name->setObjectName(QStringLiteral("tableName"));
    m_name->setPlaceholderText(tr("New table, e.g. T7 or Terrace 2"));
    m_name->setMaxLength(Limits::kTableName);
    m_seats->setObjectName(QStringLiteral("tableSeats"));
    m_seats->setRange(1, Limits::kTableSeats);
    m_seats->setValue(4);
    m_seats->setSuffix(tr(" seats"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();

    // Enter in the name adds the table, once: no button is a default one.
    m_add->setAutoDefault(false);
    m_remove->setAutoDefault(false);
    connect(m_add, &QPushButton::clicked, this, [this] { addTable(m_name->text(), m_seats->value()); });
    connect(m_name, &QLineEdit::returnPressed, this, [this] { addTable(m_name->text(), m_seats->value()); });
    connect(m_remove, &QPushButton::clicked, this, &TablesDialog::confirmRemove);
    connect(model, &TablesModel::editRefused, this, &TablesDialog::showError);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TablesDialog::updateButtons);

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_name, 1);
    addRow->addWidget(m_seats);
    addRow->addWidget(m_add);
    auto *hint = new QLabel(tr("To rename a table or change its seats, select it and press F2 or double-click."),
                            this);
    hint->setProperty("role", QStringLiteral("hint"));
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    buttons->addButton(m_remove, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(hint);
    layout->addLayout(addRow);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, 460);
    updateButtons();
    m_name->setFocus();
}

QString TablesDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void TablesDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void TablesDialog::updateButtons()
{
    m_remove->setEnabled(m_view->currentIndex().isValid());
}

bool TablesDialog::addTable(const QString &name, int seats)
{
    DiningTable table;
    table.name = name.trimmed();
    table.seats = seats;
    for (const auto &t : m_workspace->store()->cache()->tables()) {
        if (t.record.name.compare(table.name, Qt::CaseInsensitive) == 0 && !table.name.isEmpty()) {
            showError(tr("There is a table called %1 already.").arg(t.record.name));
            return false;
        }
    }
    const LocalEdit edit = m_workspace->store()->outbox()->createTable(table);
    if (!edit) {
        showError(edit.error);
        m_name->setFocus();
        return false;
    }
    showError(QString());
    m_name->clear();
    m_name->setFocus();
    m_workspace->syncNow();
    Q_EMIT statusMessage(tr("Table %1 (%n seat(s)) added.", nullptr, seats).arg(table.name));
    return true;
}

bool TablesDialog::removeTable(qint64 id)
{
    const LocalEdit edit = m_workspace->store()->outbox()->deleteTable(id);
    if (!edit) {
        showError(edit.error);
        return false;
    }
    showError(QString());
    m_workspace->syncNow();
    return true;
}

void TablesDialog::confirmRemove()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(TablesModel::IdRole).toLongLong();
    const QString name = current.siblingAtColumn(TablesModel::NameColumn).data().toString();
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Remove table"),
                                tr("Remove table %1? A table with bookings still to come stays until they are moved.")
                                    .arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setDefaultButton(QMessageBox::Cancel);
    connect(ask, &QMessageBox::finished, this, [this, id](int result) {
        if (result == QMessageBox::Yes)
            removeTable(id);
    });
    ask->open();
}

} // namespace LittleLemon::Ui
